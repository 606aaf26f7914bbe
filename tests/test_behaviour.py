"""The behaviour table (tests/questions/*.jsonl, format in CONTRACT.md): every question, and
every turn of every conversation, asked through the engine and judged on its intent, figure,
whether it is answered, the records it is about, and the strings its text must (not) hold."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from bot.conversation import MemoryContexts, ask
from bot.models import Answer
from bot.render_text import render_text
from bot.store import Store

QUESTIONS = Path(__file__).parent / "questions"
NEEDS_NLRB = {"nlrb"}  # question files about the NLRB official layer (issue 9)
# The engine answers from the official layer (Store.official, issue 9): its rows are asked too.
ENGINE_READS_OFFICIAL = True


def load_rows(*, nlrb: bool = False) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(QUESTIONS.glob("*.jsonl")):
        if path.stem in NEEDS_NLRB and not nlrb:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                row = json.loads(line)
                row.setdefault("id", f"{path.stem}:{number}")
                row["file"] = path.stem
                rows.append(row)
    return rows


def params() -> list[Any]:
    out = []
    for row in load_rows(nlrb=True):
        marks = [pytest.mark.xfail(reason=row["known_gap"], strict=True)] if row.get("known_gap") else []
        out.append(pytest.param(row, id=row["id"], marks=marks))
    return out


def plain(text: str) -> str:
    """As the contract compares strings: NFKC, case-folded, thousands separators removed."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", unicodedata.normalize("NFKC", text).casefold())


def records(a: Answer) -> set[str]:
    return {r.id for group in (a.elections, a.people, a.organisations, a.quotes) for r in group}


def problems(turn: dict[str, Any], a: Answer) -> list[str]:
    text = plain(render_text(a))
    found = []
    if a.intent.value != turn["intent"]:
        found.append(f"intent {a.intent.value}, want {turn['intent']}")
    if (a.figure.value if a.figure else None) != turn.get("figure"):
        found.append(f"figure {a.figure}, want {turn.get('figure')}")
    if a.answered != turn["answered"]:
        found.append(f"answered {a.answered}, want {turn['answered']}")
    if "lang" in turn and a.lang != turn["lang"]:
        found.append(f"lang {a.lang}, want {turn['lang']}")
    missing = set(turn.get("records", ())) - records(a)
    if missing:
        found.append(f"not about {sorted(missing)}")
    found += [f"missing {s!r}" for s in turn.get("all", ()) if plain(s) not in text]
    if turn.get("any") and not any(plain(s) in text for s in turn["any"]):
        found.append(f"none of {turn['any']}")
    found += [f"holds {s!r}" for s in turn.get("none", ()) if plain(s) in text]
    return found


@pytest.mark.parametrize("row", params())
def test_behaviour(real_store: Store, row: dict[str, Any]) -> None:
    if row["file"] in NEEDS_NLRB and not ENGINE_READS_OFFICIAL:
        pytest.skip("the engine does not answer from the NLRB official layer (Store.official) yet")
    contexts = MemoryContexts()
    for n, turn in enumerate(row.get("turns", [row])):
        a = ask(turn["q"], real_store, contexts=contexts, key="test")
        found = problems(turn, a)
        assert not found, f"turn {n + 1} {turn['q']!r}: {'; '.join(found)}\n{render_text(a)}"
