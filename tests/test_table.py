"""Every row of the question table, in both languages, on small literal records (not facts/):
its example is understood as that row, and its reply renders with nothing left unfilled."""

from __future__ import annotations

import re

import pytest

from bot.answer import answer
from bot.figures import derive
from bot.language import is_cjk
from bot.models import Election, Figure, Intent, Outcome, Status, TallyType, Text
from bot.render_text import figure_line, render_text
from bot.store import Store
from bot.table import BY_NAME, FIGURE_ROW, TABLE, QuestionKind

FULL = Election(
    id="xyz1",
    code="XYZ1",
    employer="Acme",
    facility_kind="warehouse",
    city="Springfield",
    state="IL",
    union="Workers United",
    tally_date="2024-02-28",
    tally_type=TallyType.final,
    status=Status.tallied,
    votes_for=120,
    votes_against=80,
    void_ballots=3,
    challenged_ballots=1,
    challenges_determinative=False,
    eligible_voters=250,
    headcount=300,
    count_location=Text(en="the regional office", zh="地区办公室"),
    objections_window_business_days=5,
    outcome=Outcome.won,
    sources=("s1",),
)
BARE = Election(id="xyz2", code="XYZ2", employer="Acme", state="IL", status=Status.petition_filed, outcome=Outcome.pending, sources=("s1",))  # fmt: skip
UNFILLED = re.compile(r"\{[a-z_]+[^}]*\}")


def _example(row: QuestionKind, lang: str, labels: list[str]) -> str:
    text = row.example[lang]  # type: ignore[index]
    for label in labels:
        text = text.replace("{election}", label, 1)
    return text.replace("{person}", "Ann Example").replace("{org}", "Workers United")


@pytest.mark.parametrize("row", [r for r in TABLE if r.intent is Intent.figure], ids=lambda r: r.name)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figure_rows_say_the_figure_or_that_the_sources_dont(row: QuestionKind, lang: str) -> None:
    for election in (FULL, BARE):
        line = figure_line(election, derive(election), row, lang)  # type: ignore[arg-type]
        assert line and not UNFILLED.search(line), line
        assert line.startswith(election.label)
        assert is_cjk(line) == (lang == "zh") or (lang == "zh" and row.figure in (Figure.place, Figure.employer))
    assert "sources" in figure_line(BARE, derive(BARE), FIGURE_ROW[Figure.turnout], "en")


@pytest.mark.parametrize("row", [r for r in TABLE if r.example], ids=lambda r: r.name)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_row_example_is_understood_and_rendered(store: Store, row: QuestionKind, lang: str) -> None:
    question = _example(row, lang, ["ABC1", "ABC2"])
    a = answer(question, store)
    assert a.intent is row.intent, (question, a.intent, a.row)
    assert a.lang == lang
    text = render_text(a)
    assert text and not UNFILLED.search(text)
    if lang == "zh":
        assert is_cjk(text)


def test_figure_row_reads_derived_figures_not_stored_text() -> None:
    assert figure_line(FULL, derive(FULL), BY_NAME["turnout"], "en") == (
        "XYZ1 turnout: 81.6% (204 ballots cast of 250 eligible voters)"
    )
    assert figure_line(FULL, derive(FULL), BY_NAME["margin"], "zh") == (
        "XYZ1：工会胜选，相差 40 票（反对 80 / 赞成 120），差距 20.0 个百分点"
    )


def test_row_names_are_unique_and_every_figure_has_a_row() -> None:
    assert len({r.name for r in TABLE}) == len(TABLE)
    assert set(FIGURE_ROW) == set(Figure)
