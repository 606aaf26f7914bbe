"""The shipped fact store: it loads, and every quote is traceable to its archived source."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from bot.store import DEFAULT_FACTS_DIR, Store

SHARED_SOURCES = DEFAULT_FACTS_DIR.parent.parent / "shared" / "sources"


def test_real_facts_load(real_store: Store) -> None:
    assert {"ldj5", "alb1", "jfk8", "bessemer", "moreno-valley"} <= set(real_store.elections)
    assert len(real_store.people) >= 12
    assert len(real_store.quotes) >= 15
    assert real_store.warnings == ()


def _archive(store: Store, source_id: str) -> str:
    archive = store.sources[source_id].archive
    assert archive, f"source {source_id} names no archived copy"
    path = SHARED_SOURCES / archive
    if not path.exists():
        pytest.skip(f"archived sources not beside the repo ({path})")
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def test_every_quote_is_verbatim_in_its_source(real_store: Store) -> None:
    for quote in real_store.quotes.values():
        assert quote.text in _archive(real_store, quote.source), quote.id


def test_tally_counts_appear_in_their_sources(real_store: Store) -> None:
    for election in real_store.elections.values():
        text = " ".join(_archive(real_store, s) for s in election.sources)
        numbers = set(re.findall(r"\d[\d,]*", text.replace(",", "")))
        for field in (
            "votes_for",
            "votes_against",
            "total_ballots_counted",
            "void_ballots",
            "eligible_voters",
            "headcount",
        ):
            value = getattr(election, field)
            if value:  # zero is said in words ("no challenged ballots"; "两张" for two)
                assert str(value) in numbers or _in_words(value, text), f"{election.id}.{field}={value}"


def _in_words(value: int, text: str) -> bool:
    words = {2: ("两张", "two"), 5: ("五个", "five")}
    return any(w in text for w in words.get(value, ()))


def test_no_derived_figures_are_typed_in() -> None:
    text = (DEFAULT_FACTS_DIR / "elections.toml").read_text(encoding="utf-8")
    for derived in ("turnout", "margin", "share", "percent"):
        assert not re.search(rf"^\s*{derived}\w*\s*=", text, re.MULTILINE), derived


def test_translations_are_only_for_other_languages(real_store: Store) -> None:
    for quote in real_store.quotes.values():
        if quote.translation:
            assert quote.lang == "zh", quote.id


def test_fact_files_are_one_per_record_type() -> None:
    names = sorted(p.name for p in Path(DEFAULT_FACTS_DIR).glob("*.toml"))
    assert names == ["elections.toml", "organisations.toml", "people.toml", "quotes.toml", "sources.toml"]


OPENING_QUOTES = '“"「『'


def test_reported_means_the_text_is_the_sources_own_words(real_store: Store) -> None:
    """`reported = false` exactly when the archive opens a quotation mark right before the text (somewhere)."""
    for quote in real_store.quotes.values():
        archive = _archive(real_store, quote.source)
        starts = [m.start() for m in re.finditer(re.escape(quote.text), archive)]
        quoted = any(at > 0 and archive[at - 1] in OPENING_QUOTES for at in starts)
        assert quote.reported is not quoted, quote.id
