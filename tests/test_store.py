from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.errors import FactStoreError
from bot.store import load


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(directory: Path) -> list[str]:
    with pytest.raises(FactStoreError) as info:
        load(directory)
    return [p.replace(str(directory), "facts") for p in info.value.problems]


def test_total_must_equal_for_plus_against(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", "total_ballots_counted = 998", "total_ballots_counted = 999")
    assert _problems(facts_copy) == [
        "facts/elections.toml: election 'ldj5': votes_for + votes_against (998) != total_ballots_counted (999)"
    ]


def test_negative_count(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", "void_ballots = 2", "void_ballots = -2")
    assert _problems(facts_copy) == ["facts/elections.toml: election 'ldj5': void_ballots: must be 0 or more (got -2)"]


def test_outcome_must_match_counts(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", 'outcome = "lost"', 'outcome = "won"')
    assert _problems(facts_copy) == [
        "facts/elections.toml: election 'ldj5': outcome 'won' contradicts the counts (380 for, 618 against) "
        "and challenges are not determinative"
    ]


def test_ballots_over_exact_eligible_is_an_error(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", "eligible_voters = 1633\neligible_approximate = true", "eligible_voters = 999")
    assert _problems(facts_copy) == [
        "facts/elections.toml: election 'ldj5': ballots counted + void + challenged (1000) > eligible_voters (999)"
    ]


def test_ballots_over_approximate_eligible_is_a_warning(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", "eligible_voters = 1633", "eligible_voters = 999")
    store = load(facts_copy)
    assert [w.replace(str(facts_copy), "facts") for w in store.warnings] == [
        "facts/elections.toml: election 'ldj5': ballots counted + void + challenged (1000) > approximate eligible_voters (999)"
    ]


def test_unknown_and_missing_fields(facts_copy: Path) -> None:
    _edit(facts_copy / "people.toml", 'name = "Kelly Nantel"', 'nam = "Kelly Nantel"')
    assert _problems(facts_copy) == [
        "facts/people.toml: person 'kelly-nantel': missing field 'name'",
        "facts/people.toml: person 'kelly-nantel': unknown field 'nam'",
    ]


def test_dangling_reference(facts_copy: Path) -> None:
    _edit(
        facts_copy / "quotes.toml", 'speaker = "medina"'.replace("medina", "justin-medina"), 'speaker = "justin-medin"'
    )
    assert _problems(facts_copy) == [
        "facts/quotes.toml: quote 'medina-intense': speaker: unknown person or organisation id 'justin-medin'"
    ]


def test_alias_belongs_to_one_entity(facts_copy: Path) -> None:
    _edit(facts_copy / "people.toml", 'aliases = ["Nantel"]', 'aliases = ["Nantel", "ALB-1"]')
    assert _problems(facts_copy) == [
        "facts/people.toml: person 'kelly-nantel': alias 'alb1' already belongs to election 'alb1'"
    ]


def test_duplicate_id(facts_copy: Path) -> None:
    path = facts_copy / "sources.toml"
    text = path.read_text(encoding="utf-8")
    first = text.index("[[source]]")
    path.write_text(text + text[first : text.index("[[source]]", first + 1)], encoding="utf-8")
    assert _problems(facts_copy) == ["facts/sources.toml: source 'cnn-2022-10-18': duplicate id"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "facts/quotes.toml: file is empty; expected [[quote]] tables"),
        (
            b"[[quote]\n",
            "facts/quotes.toml: invalid TOML: Expected ']]' at the end of an array declaration (at line 1, column 8)",
        ),
        (b'[[quote]]\nid = "caf\xe9"\n', "facts/quotes.toml: not valid UTF-8 (byte 0xe9 at offset 19)"),
        (b'[[quotes]]\nid = "x"\n', "facts/quotes.toml: unexpected top-level key 'quotes'; expected [[quote]] tables"),
    ],
)
def test_broken_files(facts_copy: Path, content: bytes, message: str) -> None:
    (facts_copy / "quotes.toml").write_bytes(content)
    problems = _problems(facts_copy)
    assert problems[0] == message


def test_missing_file(facts_copy: Path) -> None:
    (facts_copy / "people.toml").unlink()
    problems = _problems(facts_copy)
    assert problems[0] == "facts/people.toml: file is missing"


def test_every_problem_is_reported(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", "void_ballots = 2", "void_ballots = -2")
    _edit(facts_copy / "people.toml", 'role = { en = "LDJ5 worker", zh = "LDJ5工人" }', "")
    assert len(_problems(facts_copy)) == 2


def test_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(FactStoreError, match="not a directory of fact files"):
        load(tmp_path / "nope")


def test_case_number_format(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", 'code = "ALB1"', 'code = "ALB1"\ncase_number = "3-RC-1"')
    assert _problems(facts_copy) == [
        "facts/elections.toml: election 'alb1': case_number: must look like 29-RC-288020 (got '3-RC-1')"
    ]


def _set_line(path: Path, key: str, line: str) -> None:
    """Replace the first line that sets `key` in a fact file."""
    text = path.read_text(encoding="utf-8")
    old = re.search(rf"^{key} = .*$", text, re.MULTILINE)
    assert old, f"no line sets {key}"
    path.write_text(text[: old.start()] + line + text[old.end() :], encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("votes_for = true", "votes_for: must be a whole number (got true)"),
        ('votes_for = "380 "', "votes_for: must be a whole number (got '380 ')"),
        ("votes_for = 380.0", "votes_for: must be a whole number (got 380.0)"),
        ('eligible_approximate = "yes"', "eligible_approximate: must be true or false (got 'yes')"),
        ("employer = 2022", "employer: must be text in quotes (got 2022)"),
        ("employer = 2022-01-01", "employer: must be text in quotes"),
        ('status = "done"', "status: must be 'tallied', 'too_close_to_call' or 'petition_filed' (got 'done')"),
        ('count_location = "Brooklyn"', 'count_location: must be a table of texts, like { en = "…", zh = "…" } (got \'Brooklyn\')'),
        ('count_location = { en = "Brooklyn", fr = "Brooklyn" }', "unknown field 'count_location.fr'"),
        ('notes = ["x",', 'notes item 1: must be a table of texts, like { en = "…", zh = "…" } (got \'x\')'),
        ('aliases = "LDJ5"', 'aliases: must be a list, like ["a", "b"] (got \'LDJ5\')'),
        ("tally_date = 2022-05-02T10:00:00", "tally_date: must be YYYY-MM-DD or YYYY-MM (got '2022-05-02T10:00:00')"),
    ],
)  # fmt: skip
def test_strict_types(facts_copy: Path, line: str, message: str) -> None:
    _set_line(facts_copy / "elections.toml", line.split(" = ")[0], line)
    assert _problems(facts_copy) == [f"facts/elections.toml: election 'ldj5': {message}"]


def test_toml_dates_are_dates(facts_copy: Path) -> None:
    _edit(facts_copy / "elections.toml", 'tally_date = "2022-05-02"', "tally_date = 2022-05-02")
    _edit(facts_copy / "quotes.toml", 'date = "2022-10-18"', "date = 2022-10-18")
    _edit(facts_copy / "sources.toml", "published = 2022-10-18", 'published = "2022-10-18"')  # strings still work
    store = load(facts_copy)
    assert store.sources["cnn-2022-10-18"].published == dt.date(2022, 10, 18)
    assert store.elections["ldj5"].tally_date == "2022-05-02"
    assert store.quotes["smalls-proud-alb1"].date == "2022-10-18"


def test_a_date_and_time_is_not_a_date(facts_copy: Path) -> None:
    _edit(facts_copy / "sources.toml", "published = 2022-10-18", "published = 2022-10-18T09:00:00")
    assert _problems(facts_copy) == [
        "facts/sources.toml: source 'cnn-2022-10-18': published: must be a date, YYYY-MM-DD (got '2022-10-18T09:00:00')"
    ]


def test_a_broken_file_gives_one_message_not_knock_ons(facts_copy: Path) -> None:
    _edit(facts_copy / "sources.toml", "[[source]]", "[[source]")
    assert _problems(facts_copy) == [
        "facts/sources.toml: invalid TOML: Expected ']]' at the end of an array declaration (at line 4, column 9)"
    ]


def test_a_record_without_a_usable_id_gives_one_message(facts_copy: Path) -> None:
    _edit(facts_copy / "people.toml", 'id = "justin-medina"', "id = 7")
    assert _problems(facts_copy) == ["facts/people.toml: person #8: id: must be text in quotes (got 7)"]


def test_a_bad_record_is_not_reported_again_where_it_is_named(facts_copy: Path) -> None:
    _edit(facts_copy / "people.toml", 'role = { en = "LDJ5 worker", zh = "LDJ5工人" }', 'role = "LDJ5 worker"')
    assert _problems(facts_copy) == [
        'facts/people.toml: person \'andrew-perez\': role: must be a table of texts, like { en = "…", zh = "…" } '
        "(got 'LDJ5 worker')"
    ]


def test_byte_order_mark_gets_a_hint(facts_copy: Path) -> None:
    path = facts_copy / "sources.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _problems(facts_copy) == [
        "facts/sources.toml: starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM"
    ]


def test_long_problem_lists_are_capped_with_a_count(facts_copy: Path) -> None:
    (facts_copy / "quotes.toml").write_text(
        "".join(f'[[quote]]\nid = "q{n}"\n' for n in range(15)), encoding="utf-8"
    )  # each misses speaker, text, lang, channel and source: 75 problems
    with pytest.raises(FactStoreError) as info:
        load(facts_copy)
    shown = info.value.first()
    assert len(info.value.problems) == 75
    assert len(shown) == 21
    assert shown[-1] == "… and 55 more problems"


def test_jsonl_is_as_strict_as_toml(facts_copy: Path) -> None:
    import json
    import tomllib

    records = tomllib.loads((facts_copy / "elections.toml").read_text(encoding="utf-8"))["election"]
    records[1]["votes_for"] = True
    (facts_copy / "elections.toml").unlink()
    lines = (json.dumps(r, ensure_ascii=False) for r in records)
    (facts_copy / "elections.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _problems(facts_copy) == [
        "facts/elections.jsonl: line 2: election 'alb1': votes_for: must be a whole number (got true)"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("elections.toml", 'city = "Albany"\n', "", "election 'alb1': near_city needs the city it is near"),
        (
            "people.toml",
            'name_zh = "贾斯汀·梅迪纳"\n',
            "",
            "person 'justin-medina': name_transliterated: needs the name_zh that `name` transliterates",
        ),
        (
            "quotes.toml",
            'reported = true\ntranslation = "the ALU did not',
            'translation = "the ALU did not',
            "quote 'alu-no-response-ldj5': channel 'no_response': the text is the source's words, so reported must be true",
        ),
        (
            "elections.toml",
            'tally_date = "2022-05-02"',
            'tally_date = "2022-02-30"',
            "election 'ldj5': tally_date: must be YYYY-MM-DD or YYYY-MM (got '2022-02-30')",
        ),
    ],
)
def test_record_rules(facts_copy: Path, file: str, old: str, new: str, message: str) -> None:
    _edit(facts_copy / file, old, new)
    assert _problems(facts_copy) == [f"facts/{file}: {message}"]
