"""The question table: one declarative row per kind of question.

A row holds what the engine needs to recognise a kind of question (example phrasings in
English and Chinese with placeholders for the records they name, and cue words), the slots
it needs, what it reads from an election, and what it says in both languages — including
what it says when the sources don't give the figure. Answering, rendering and help are
generic over the rows: adding a kind of question is adding a row (and its test).

Placeholders in phrasings: {election} {person} {org} {place} {year}; the matcher puts the same
placeholders (E P O L Y) where a question names a record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.models import Derived, Election, Figure, Intent, Lang

Words = Mapping[Lang, str]  # one phrase in both languages
Value = int | float | str | Mapping[Lang, str]
Reader = Callable[[Election, Derived], dict[str, Value] | None]
Measure = Callable[[Election, Derived], float | None]  # rank rows: the number elections are ordered by

LANGS: tuple[Lang, ...] = ("en", "zh")
PLACEHOLDERS = {"{election}": "E", "{person}": "P", "{org}": "O", "{place}": "L", "{year}": "Y"}


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionKind:
    name: str
    intent: Intent
    phrasings: Mapping[Lang, tuple[str, ...]]
    needs: tuple[str, ...] = ()  # each entry: the placeholders one needed slot may be filled with ("E", "PO")
    cues: Words = field(default_factory=dict)  # regular expressions of words that point to this row
    figure: Figure | None = None  # figure rows: the figure; rank rows: the figure each ranked election shows
    reads: Reader | None = None  # figure rows: the values their reply is made of, None when not given
    says: Words = field(default_factory=dict)  # reply (figure rows) or title template
    unknown: Words = field(default_factory=dict)  # what it says when the sources don't give it
    example: Words = field(default_factory=dict)  # help: an example question, {election} filled in
    measure: Measure | None = None  # rank rows: elections are ordered by this (None: not ranked)
    descending: bool = False

    def __post_init__(self) -> None:
        for lang in LANGS:
            if not self.phrasings.get(lang):
                raise ValueError(f"question kind {self.name!r}: no {lang} phrasings")
        if self.intent is Intent.figure and not (self.figure and self.reads and self.says and self.unknown):
            raise ValueError(f"question kind {self.name!r}: a figure row needs figure, reads, says and unknown")


def _rows() -> tuple[QuestionKind, ...]:
    from bot.table.aggregates import AGGREGATE_ROWS
    from bot.table.facts import FACT_ROWS
    from bot.table.figures import FIGURE_ROWS
    from bot.table.records import RECORD_ROWS

    rows = (*RECORD_ROWS, *FIGURE_ROWS, *FACT_ROWS, *AGGREGATE_ROWS)
    names = [r.name for r in rows]
    if len(set(names)) != len(names):
        raise ValueError("question kinds must have unique names")
    return rows


TABLE: tuple[QuestionKind, ...] = _rows()
BY_NAME: dict[str, QuestionKind] = {row.name: row for row in TABLE}
FIGURE_ROW: dict[Figure, QuestionKind] = {
    row.figure: row for row in TABLE if row.figure and row.intent is Intent.figure
}
