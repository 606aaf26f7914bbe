"""The NLRB importer on the real raw files in data/nlrb/ (imported once per module), and its merge rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.nlrb.formats import Row, parse
from bot.nlrb.importer import Summary, report, run, write
from bot.nlrb.merge import Merger, build
from bot.nlrb.names import affiliation, complete_names, employer_display, union_display
from bot.nlrb.records import OfficialElection, OfficialOutcome, TallyKind
from bot.store import DEFAULT_FACTS_DIR

DATA = DEFAULT_FACTS_DIR.parent / "data" / "nlrb"
FOIA = DATA / "nlrb-foia-2022-000194-elections-2017-01-to-2021-11.xlsx"
EXPORT = DATA / "nlrb-recent-election-results-export-2023-04-17.csv"
OPEN_CASES = DATA / "reuning" / "elections_with_location.csv"
STARBUCKS = DATA / "reuning" / "starbucks_with_location.csv"
FY2011 = DATA / "annual" / "nlrb-closed-elections-fy2011.xlsx"
FY2022 = DATA / "annual" / "nlrb-closed-elections-fy2022.xlsx"
ALL_FILES = sorted(p for p in DATA.rglob("*") if p.suffix in (".csv", ".xlsx"))


@pytest.fixture(scope="module")
def imported() -> Summary:
    return run(ALL_FILES, archive_root=DATA)


@pytest.fixture(scope="module")
def records(imported: Summary) -> dict[str, OfficialElection]:
    return {r.id: r for r in imported.records}


# --- each format, on its real file ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "formats", "read", "kept"),
    [
        (FOIA, ["foia"], 6927, 6926),
        (EXPORT, ["export"], 2304, 2303),
        (OPEN_CASES, ["reuning"], 643, 198),
        (STARBUCKS, ["reuning-starbucks"], 506, 421),
        (FY2011, ["annual"], 1491 + 106 + 4, 1601),
        (FY2022, ["annual"], 1344 + 45 + 10 + 15, 1414),  # four stacked sections, one sheet
    ],
)
def test_each_format_reads_every_row(path: Path, formats: list[str], read: int, kept: int) -> None:
    parsed = parse(path, "src")
    assert (parsed.formats, parsed.read, len(parsed.rows)) == (formats, read, kept)
    assert len(parsed.rows) + len(parsed.skipped) == parsed.read


def test_fy2022_sections_each_read_under_their_own_header() -> None:
    rows = {r.case_number: r for r in parse(FY2022, "src").rows}
    two = rows["01-RC-289958"]  # the "2 labour organisations" section
    assert [(n, v) for n, v in two.unions] == [
        ("MSA K9 Handlers Union, United Federation LEOS-PBA", 3),
        ("INTERNATIONAL UNION, SECURITY, POLICE AND FIRE PROFESSIONALS OF AMERICA (SPFPA)", 6),
    ]
    assert two.union_to_certify == "INTERNATIONAL UNION, SECURITY, POLICE AND FIRE PROFESSIONALS OF AMERICA (SPFPA)"
    three = rows["01-RC-287264"]
    assert [v for _, v in three.unions] == [52, 9, 9]
    ud = rows["01-UD-281893"]  # UD section: votes for / against the deauthorisation proposition
    assert (ud.unions[0][1], ud.votes_against, ud.eligible_voters) == (26, 50, 111)


def test_test_rows_and_petitions_are_skipped_with_why() -> None:
    skipped = parse(OPEN_CASES, "src").skipped
    reasons = {s.reason for s in skipped}
    assert "NLRB test row (Siebel OCP Shakeout Test Employer)" in reasons
    assert [s.case_number for s in skipped if "Shakeout" in s.reason] == ["10-RC-297834"]
    assert sum(s.reason == "no tally (a petition without an election yet)" for s in skipped) == 444


def test_a_unions_votes_without_its_name_are_kept_unnamed(records: dict[str, OfficialElection]) -> None:
    record = records["13-rc-279684-a-initial"]  # the FOIA file names unions 1 and 3, not union 2
    assert [(u.display, u.votes) for u in record.unions] == [
        ("Illinois Council of Police Union", 15),
        (None, 1),
        ("Cfer Union", 8),
    ]
    assert record.votes_for == 24


def test_blank_zeros_in_the_export_are_zeros() -> None:
    rows = {r.case_number: r for r in parse(EXPORT, "src").rows}
    row = rows["06-RC-312124"]  # published: 2 for, Votes Against blank, 2 counted
    assert (row.unions[0][1], row.votes_against, row.total_ballots_counted) == (2, 0, 2)


# --- the seed articles' cases, as the files hold them (data/nlrb/README.md) ----------------------


def test_ldj5_from_the_fy2022_report(records: dict[str, OfficialElection]) -> None:
    ldj5 = records["29-rc-290053"]
    assert (ldj5.held_date, ldj5.eligible_voters, ldj5.votes_against, ldj5.closed_date) == (
        "2022-04-29",
        1633,
        618,
        "2022-05-11",
    )
    assert [(u.display, u.votes) for u in ldj5.unions] == [("Amazon Labor Union", 380)]
    assert (ldj5.closed_reason, ldj5.outcome) == ("Certification of Results", OfficialOutcome.lost)
    assert (ldj5.employer_display, ldj5.sources) == ("Amazon", ("nlrb-closed-elections-fy2022",))


def test_bessemer_initial_from_the_foia_file(records: dict[str, OfficialElection]) -> None:
    first = records["10-rc-269250-a-initial"]
    assert (first.tally_date, first.eligible_voters, first.votes_for, first.votes_against) == (
        "2021-04-09",
        5867,
        738,
        1798,
    )
    assert (first.void_ballots, first.challenged_ballots, first.outcome, first.open) == (76, 505, None, True)
    assert first.sources == ("nlrb-foia-2022-000194",)


def test_jfk8_keeps_the_published_count(records: dict[str, OfficialElection]) -> None:
    jfk8 = records["29-rc-288020-a-initial"]
    assert (jfk8.tally_date, jfk8.eligible_voters, jfk8.void_ballots, jfk8.challenged_ballots) == (
        "2022-04-01",
        8325,
        17,
        67,
    )
    assert (jfk8.votes_for, jfk8.votes_against, jfk8.valid_votes) == (2654, 2131, 4785)
    assert jfk8.total_ballots_counted == 4852  # as published: includes the 67 challenged ballots
    assert jfk8.counted_basis == "valid+challenged"
    assert (jfk8.outcome, jfk8.union_to_certify) == (OfficialOutcome.won, "Amazon Labor Union")


def test_bessemer_rerun_from_the_open_cases_file(records: dict[str, OfficialElection]) -> None:
    rerun = records["10-rc-269250-a-rerun"]
    assert (rerun.tally, rerun.tally_date, rerun.eligible_voters, rerun.votes_for, rerun.votes_against) == (
        TallyKind.rerun,
        "2022-03-31",
        6153,
        875,
        993,
    )
    assert (rerun.void_ballots, rerun.challenged_ballots, rerun.challenges_determinative) == (59, 416, True)
    assert (rerun.total_ballots_counted, rerun.counted_basis) == (1868, "valid")  # 416 challenged left out
    assert rerun.unions[0].display == "Retail, Wholesale, and Department Store Local 932"


def test_alb1_is_in_none_of_the_files(records: dict[str, OfficialElection]) -> None:
    assert not [r for r in records.values() if r.case_number == "03-RC-301507"]


def test_a_case_with_two_units_and_a_revised_count(records: dict[str, OfficialElection]) -> None:
    first, revised = records["01-rc-191721-a-initial"], records["01-rc-191721-a-initial-2"]
    assert (first.tally_date, first.votes_for, first.votes_against, first.challenged_ballots) == (
        "2017-03-02",
        71,
        80,
        56,
    )
    assert (revised.revised, revised.tally_date, revised.votes_for, revised.votes_against) == (
        True,
        "2017-10-04",
        96,
        96,
    )


def test_every_record_cites_its_files(imported: Summary) -> None:
    ids = {f.source["id"] for f in imported.files}
    assert all(r.sources and set(r.sources) <= ids for r in imported.records)
    assert all(f.source["publisher"] == "NLRB" for f in imported.files)


# --- idempotence ----------------------------------------------------------------------------------


def test_the_shipped_snapshot_is_what_the_shipped_files_give(imported: Summary, tmp_path: Path) -> None:
    write(imported, tmp_path)
    for name in ("elections.jsonl", "sources.jsonl", "import-report.txt"):
        assert (tmp_path / name).read_bytes() == (DEFAULT_FACTS_DIR / "nlrb" / name).read_bytes(), name


def test_same_files_in_any_order_give_the_same_bytes(tmp_path: Path) -> None:
    files = [EXPORT, STARBUCKS, OPEN_CASES]  # the two unionelections.org files overlap
    write(run(files, archive_root=DATA), tmp_path / "a")
    write(run(files[::-1], archive_root=DATA), tmp_path / "b")
    for name in ("elections.jsonl", "sources.jsonl", "import-report.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


# --- merge rules on literal rows ----------------------------------------------------------------


def _row(source: str, **fields: object) -> Row:
    base: dict[str, object] = {"case_number": "05-RC-123456", "employer": "Acme, Inc.", "line": "line 2"}
    return Row(source=source, **{**base, **fields})  # type: ignore[arg-type]


def _merge(*rows: Row) -> tuple[list[OfficialElection], list[str]]:
    merger = Merger()
    for row in rows:
        merger.add(row)
    records, disagreements = build(merger, sorted({r.source for r in rows}))
    return records, [f"{d.record}: {d.field}: {d.values}" for d in disagreements]


def test_rows_of_two_files_merge_field_by_field_preferring_the_more_detailed() -> None:
    detailed = _row(
        "a", unit="A", tally=TallyKind.initial, tally_date="2020-01-10", unions=[("UAW", 10)], votes_against=5,
        void_ballots=1, challenged_ballots=2, eligible_voters=20, closed_reason="Certific. of Representative",
    )  # fmt: skip
    sparse = _row(
        "b", unit="A", tally=TallyKind.initial, tally_date="2020-01-10", unions=[("UAW", 10)], votes_against=5,
        eligible_voters=21, city="Springfield",
    )  # fmt: skip
    records, disagreements = _merge(sparse, detailed)
    [record] = records
    assert (record.id, record.eligible_voters, record.void_ballots, record.city) == (
        "05-rc-123456-a-initial",
        20,  # the more detailed row's figure, never an average
        1,
        "Springfield",  # a field only the other file gives
    )
    assert (record.outcome, record.sources) == (OfficialOutcome.won, ("a", "b"))
    assert disagreements == ["05-rc-123456-a-initial: eligible_voters: (('a:line 2', '20'), ('b:line 2', '21'))"]


def test_one_files_two_tallies_of_one_key_stay_two_records() -> None:
    first = _row("a", unit="A", tally=TallyKind.initial, tally_date="2020-01-10", unions=[("UAW", 4)], votes_against=5)
    second = _row("a", unit="A", tally=TallyKind.initial, tally_date="2020-03-01", unions=[("UAW", 6)], votes_against=5)
    records, _ = _merge(second, first, first)  # the exact repeat is dropped
    assert [(r.id, r.votes_for) for r in records] == [("05-rc-123456-a-initial", 4), ("05-rc-123456-a-initial-2", 6)]


def test_an_annual_row_joins_the_last_tally_counted_after_its_vote() -> None:
    initial = _row(
        "a", unit="A", tally=TallyKind.initial, tally_date="2020-01-10", unions=[("UAW", 4)], votes_against=5
    )
    rerun = _row("a", unit="A", tally=TallyKind.rerun, tally_date="2020-06-10", unions=[("UAW", 9)], votes_against=5)
    annual = _row(
        "fy", held_date="2020-06-01", unions=[("UAW", 9)], votes_against=5, win=True,
        closed_reason="Certific. of Representative",
    )  # fmt: skip
    records, disagreements = _merge(initial, rerun, annual)
    assert [(r.id, r.held_date, r.outcome) for r in records] == [
        ("05-rc-123456-a-initial", None, None),  # superseded: the case's result belongs to the rerun
        ("05-rc-123456-a-rerun", "2020-06-01", OfficialOutcome.won),
    ]
    assert disagreements == []


def test_an_annual_row_voted_after_every_tally_stands_alone() -> None:
    initial = _row(
        "a", unit="A", tally=TallyKind.initial, tally_date="2020-01-10", unions=[("UAW", 4)], votes_against=5
    )
    annual = _row("fy", held_date="2021-06-01", unions=[("UAW", 2)], votes_against=9, win=False)
    records, _ = _merge(initial, annual)
    assert [(r.id, r.outcome) for r in records] == [
        ("05-rc-123456", OfficialOutcome.lost),
        ("05-rc-123456-a-initial", None),
    ]


def test_withdrawal_means_no_certified_result() -> None:
    row = _row("a", unit="A", tally=TallyKind.initial, tally_date="2020-01-10", unions=[("UAW", 5)], votes_against=1,
               closed_reason="Withdrawal Non-adjusted", union_to_certify="UAW")  # fmt: skip
    records, _ = _merge(row)
    assert records[0].outcome is OfficialOutcome.no_certified_result


def test_report_lists_files_skips_and_disagreements(imported: Summary) -> None:
    text = report(imported)
    assert "- nlrb-foia-2022-000194-elections-2017-01-to-2021-11.xlsx (foia; source nlrb-foia-2022-000194): " in text
    assert "6927 rows read, 6926 kept, 1 skipped, " in text
    assert "- NLRB test row (Siebel OCP Shakeout Test Employer): 1" in text
    assert "unionelections-open-cases-2022-08:row 207: 10-RC-297834: NLRB test row" in text
    assert "## Fields where files disagree" in text and len(imported.disagreements) > 0


# --- names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legal", "display"),
    [
        ("AMAZON.COM SERVICES LLC", "Amazon"),
        ("Amazon.com Services LLC", "Amazon"),
        ("Starbucks Corporation", "Starbucks"),
        ("Siren Retail Corporation d/b/a Starbucks", "Starbucks"),
        ("FIRST STUDENT, INC.", "First Student"),
        ("Trader Joe's East, Inc.", "Trader Joe's"),
        ("Maybrook-C Latrobe Opco, LLC d/b/a The Grove at Latrobe", "The Grove at Latrobe"),
        ("UPMC Altoona", "UPMC Altoona"),
    ],
)
def test_employer_display_names(legal: str, display: str) -> None:
    assert employer_display(legal) == display


@pytest.mark.parametrize(
    ("published", "display"),
    [
        ("Workers United", "Workers United"),
        ("SEIU Local 1199", "SEIU Local 1199"),
        ("UNITED FOOD AND COMMERCIAL WORKERS UNION LOCAL 328", "United Food and Commercial Workers Union Local 328"),
        (
            "International Brotherhood of Teamsters, Local 633, AFL-CIO",
            "International Brotherhood of Teamsters Local 633",
        ),
        ("INTERNATIONAL BROTHERHOOD OF TEAMSTERS, LOCAL 633", "International Brotherhood of Teamsters Local 633"),
        (
            "General Teamsters, Chauffeurs and Helpers Local Union No. 249",
            "General Teamsters, Chauffeurs and Helpers Local 249",
        ),
    ],
)
def test_union_display_names(published: str, display: str) -> None:
    assert union_display(published) == display


@pytest.mark.parametrize(
    ("published", "national"),
    [
        ("Teamsters Local 705", "Teamsters"),
        ("Unión de Tronquistas de Puerto Rico Local 901, IBT", "Teamsters"),
        ("Chicago and Midwest Regional Joint Board, Workers United/SEIU", "Workers United"),
        ("1199SEIU United Healthcare Workers East", "SEIU"),
        ("Amazon Labor Union", "Amazon Labor Union"),
        ("Retail, Wholesale and Department Store Union", "RWDSU"),
        ("Union Rights for Security Officers", None),
        ("UTILITY WORKERS UNITED ASSOCIATION, LOCAL 537", None),  # the UWUA, not SEIU's Workers United
    ],
)
def test_union_affiliations(published: str, national: str | None) -> None:
    assert affiliation(published) == national


def test_names_cut_short_by_a_file_are_completed_from_another_file() -> None:
    full = "Mid-Atlantic Regional Council of Carpenters a/w United Brotherhood of Carpenters and Joiners of America"
    cut = full[:100]
    other = "Mid-Atlantic Regional Council of Carpenters"
    assert complete_names([(cut, cut), (full + ", Local 1", full + ", Local 1"), (other, other)]) == {
        cut: full + ", Local 1"
    }
    assert (
        complete_names([(cut, cut), (full + " Local 1", full + " Local 1"), (full + " Local 2", full + " Local 2")])
        == {}
    )


# --- the command ----------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120, cwd=DEFAULT_FACTS_DIR.parent
    )


def test_import_command_writes_the_snapshot(tmp_path: Path) -> None:
    result = _cli("import", "nlrb", str(STARBUCKS), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("506 rows read from 1 files, 0 merged, 85 skipped")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elections.jsonl", "import-report.txt", "sources.jsonl"]


def test_import_command_rejects_a_foreign_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = _cli("import", "nlrb", str(bad), "--out", str(tmp_path / "out"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "Error: notes.csv: not an NLRB election file I know (header: a, b, …)\n"


def test_the_closing_reason_beats_the_tallys_union_to_certify(records: dict[str, OfficialElection]) -> None:
    case = records["10-rc-194739-a-initial"]  # 49 for, 46 against at the tally; closed as a loss
    assert (case.votes_for, case.votes_against, case.closed_reason) == (49, 46, "Certification of Results")
    assert case.union_to_certify is not None and case.outcome is OfficialOutcome.lost


def test_a_case_of_several_units_says_each_units_result_only_when_the_unit_row_does(
    records: dict[str, OfficialElection],
) -> None:
    unit_a, unit_c = records["18-rd-189039-a-initial"], records["18-rd-189039-c-initial"]
    assert unit_a.closed_reason == unit_c.closed_reason == "Certification of Results"  # one reason for the case
    assert (unit_a.outcome, unit_c.outcome) == (OfficialOutcome.won, None)
