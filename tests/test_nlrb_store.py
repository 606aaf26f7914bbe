"""The official layer in the store: loading, indexes, the curated elections' links, the cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cache import load_cached
from bot.errors import FactStoreError
from bot.nlrb.records import CaseType, TallyKind
from bot.store import DEFAULT_FACTS_DIR, Store, load


def test_curated_elections_link_to_their_cases(real_store: Store) -> None:
    assert [r.id for r in real_store.official_for("bessemer")] == ["10-rc-269250-a-initial", "10-rc-269250-a-rerun"]
    assert [(r.tally, r.tally_date) for r in real_store.official_for("bessemer")] == [
        (TallyKind.initial, "2021-04-09"),
        (TallyKind.rerun, "2022-03-31"),
    ]
    assert [r.id for r in real_store.official_for("jfk8")] == ["29-rc-288020-a-initial"]
    assert [(r.held_date, r.closed_date) for r in real_store.official_for("ldj5")] == [("2022-04-29", "2022-05-11")]
    assert real_store.official_for("alb1") == ()  # its case is in none of the files
    assert real_store.official_for("no-such-election") == ()


def test_official_sources_are_store_sources(real_store: Store) -> None:
    [jfk8] = real_store.official_for("jfk8")
    assert [real_store.sources[s].publisher for s in jfk8.sources] == ["NLRB"]
    assert "cnn-2022-10-18" in real_store.sources  # the curated sources are still there


def test_lookups(real_store: Store) -> None:
    official = real_store.official
    assert official.case("29-rc-288020") == official.case("29-RC-288020 ")
    starbucks = official.employer("starbucks")
    assert len(starbucks) > 400 and {r.employer_display for r in starbucks} == {"Starbucks"}
    assert all(r.state == "MA" for r in official.city("Hadley", "MA"))
    assert "Trader Joe's" in {r.employer_display for r in official.city("Hadley", "MA")}
    assert "10-rc-269250-a-initial" in {r.id for r in official.state("AL")}
    assert "10-rc-269250-a-initial" in {r.id for r in official.year(2021)}
    assert {r.case_type for r in official.case_type("ud")} == {CaseType.UD}
    assert "29-rc-288020-a-initial" in {r.id for r in official.union("Amazon Labor Union")}
    assert official.employer_names["amazon"] == "Amazon"
    teamsters = official.affiliation("teamsters")
    assert len(teamsters) > 1000 and all(any(u.affiliation == "Teamsters" for u in r.unions) for r in teamsters)
    dates = [r.date or "" for r in starbucks]
    assert dates == sorted(dates)  # history order


def test_a_bad_official_record_names_its_file_and_line(tmp_path: Path) -> None:
    facts = _small_facts(tmp_path, ())
    record = {
        "id": "10-rc-269250-a-rerun",
        "case_number": "10-RC-269250",
        "case_type": "RC",
        "employer": "AMAZON.COM SERVICES LLC",
        "employer_display": "Amazon",
        "votes_against": -993,
        "sources": ["nlrb-closed-elections-fy2099"],
    }
    (facts / "nlrb" / "elections.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(FactStoreError) as info:
        load(facts)
    assert [p.replace(str(facts), "facts") for p in info.value.problems] == [
        "facts/nlrb/elections.jsonl: line 1: official election '10-rc-269250-a-rerun': votes_against: must be 0 or more (got -993)"
    ]


def _small_facts(tmp_path: Path, cases: tuple[str, ...]) -> Path:
    """The curated facts with the official layer cut down to a few cases (fast to load)."""
    facts = tmp_path / "facts"
    shutil.copytree(DEFAULT_FACTS_DIR, facts, ignore=shutil.ignore_patterns("nlrb"))
    (facts / "nlrb").mkdir()
    shutil.copy(DEFAULT_FACTS_DIR / "nlrb" / "sources.jsonl", facts / "nlrb")
    lines = (DEFAULT_FACTS_DIR / "nlrb" / "elections.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if any(f'"case_number":"{case}"' in line for case in cases)]
    (facts / "nlrb" / "elections.jsonl").write_text("".join(kept), encoding="utf-8")
    return facts


def test_cached_store_reads_the_official_layer_on_first_use(tmp_path: Path) -> None:
    cache, facts = tmp_path / "cache", _small_facts(tmp_path, ("10-RC-269250", "29-RC-288020"))
    first = load_cached(facts, cache)
    again = load_cached(facts, cache)
    assert repr(again.official) == "OfficialLayer(deferred)"
    assert again.official_for("jfk8") == first.official_for("jfk8")
    assert repr(again.official) == "OfficialLayer(deferred)"  # a curated election's case: the layer stays unread
    assert len(again.official) == len(first.official)
    for path in cache.glob("official-*.pickle"):
        path.unlink()  # a lost layer pickle: read from facts/nlrb/ instead
    third = load_cached(facts, cache)
    assert [r.id for r in third.official_for("bessemer")] == ["10-rc-269250-a-initial", "10-rc-269250-a-rerun"]
    assert third.official_for("bessemer") == first.official_for("bessemer")


def test_a_cached_cli_question_about_the_news_never_reads_the_official_layer(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = "import sys, bot.cli; bot.cli.main(['ask', 'ALB1']); print('bot.nlrb.records' in sys.modules)"
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        for _ in range(2)
    ]
    assert runs[0].stdout.strip().endswith("True")  # the first run validates everything
    assert runs[1].stdout.strip().endswith("False")  # the second answers from the cache alone
