"""Running a row of the question table: the elections, quotes, people or aggregates it reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot import aggregates, official
from bot.figures import derive
from bot.intent import score
from bot.lexicon import Pattern
from bot.matcher import index_for
from bot.models import Answer, Election, Intent, Kind, Person
from bot.official_one import OfficialOne
from bot.reply import POINTING, examples
from bot.said import Said
from bot.table import BY_NAME, QuestionKind
from bot.table.figures import summands

MAX_LIST = 20  # elections shown in a list; the total is always given
MAX_RANKED = 5
BOTH = Pattern(r"\b(both|the two|each of them|all three)\b|两场|两个|这两|那两|三场")  # the elections just compared
# Words asking for a figure summed over the elections named ("total yes votes across LDJ5 and ALB1")
TOTAL = Pattern(
    r"\b(in total|total|combined|altogether|all together|together|sum|summed|added up|in all|between them)\b|合计|总共|一共|加起来|总计|总和|共计"
)


class Running(Said, OfficialOne):
    """A row of the question table run over the records the question (or the conversation) names."""

    def _run(
        self, row: QuestionKind, *, elections: Sequence[Election] | None = None, people: Sequence[Person] | None = None
    ) -> Answer:
        intent = row.intent
        if intent in (Intent.figure, Intent.result, Intent.did_win, Intent.history, Intent.compare):
            return self._about_elections(row, list(elections) if elections is not None else self._elections_for(row))
        if intent is Intent.quotes:
            return self._quotes(row, list(people) if people is not None else self.people)
        if intent is Intent.who_is:
            return self._who_is(row)
        if intent is Intent.organisation:
            return self._organisation(row) if self.orgs else self._ask_which(row)
        if intent is Intent.who_said:
            return self._who_said() or self._answer(
                Kind.not_found, Intent.who_said, row=row.name, examples=examples(self.store, self.lang)
            )
        if intent is Intent.unknown:  # the off-topic row: "what's the weather in Albany?" gets no election's facts
            return self._answer(
                Kind.not_found, Intent.unknown, unknown=self._unplaced(), examples=examples(self.store, self.lang)
            )
        if intent is Intent.help:
            return self._answer(Kind.help, Intent.help, examples=examples(self.store, self.lang), row="help")
        return self._aggregate(row)

    def _compared_on(self) -> str:
        """The figure a comparison is about ("was the yes share higher at ALB1 or LDJ5?"), or the whole."""
        figure = next((s.row for s in score(self.a.template) if s.row.intent is Intent.figure and s.cue), None)
        return figure.name if figure else "compare"

    @property
    def _comparing(self) -> bool:
        """The last turn compared elections and this one names none: compare them again."""
        return bool(self.context and self.context.intent == Intent.compare.value and not self.elections)

    def _about_elections(self, row: QuestionKind, elections: list[Election]) -> Answer:
        if not elections:
            return self._official_in_context(row) or self._ask_which(row)  # the last turn's NLRB election
        both = BOTH.search(self.a.norm) is not None and not self.elections  # "total no votes across both"
        together = len(elections) > 1 and (len(self.elections) > 1 or self._comparing or both)
        if row.intent is Intent.compare or together:
            if len(elections) < 2 and self.context:  # "which lost by more?" after "LDJ5 result", "and ALB1?"
                earlier = self.context.earlier
                if self.elections and POINTING.search(self.a.norm):  # "which was closer, that or ALB1?"
                    earlier = (*self.context.elections, *earlier)
                more = [self.store.elections[e] for e in earlier if e in self.store.elections]
                elections = [*elections, *(e for e in more if e not in elections)][:2]
            if len(elections) < 2:
                return self._ask_which(row, elections)
            shown = row.name if row.intent is Intent.figure else self._compared_on()
            found = self._compared_official(self._elections_answer(Intent.compare, elections[:4], row=shown))
            if TOTAL.search(self.a.norm) is None or len(elections) < 2 or shown not in BY_NAME:
                return found
            # "total yes votes across LDJ5 and ALB1": their sum, from each count; none when one lacks it
            summed = summands(BY_NAME[shown], found.elections, found.derived)
            return replace(found, combined=True, kind=Kind.answered if summed else Kind.not_found)
        if len(elections) > 1:
            return self._suggest(self._election_suggestions(elections, row))
        found = self._elections_answer(row.intent, elections, row=row.name, figure=row.figure)
        e = elections[0]
        if row.intent in official.BOTH_LAYERS:  # issue 9: the NLRB's record of the same election, or "not on file"
            found = replace(found, official=self.store.official_for(e.id), official_checked=True)
        elif row.figure:  # issue 9: the figure from the NLRB's tallies of the same election, each with its source
            found = replace(found, official=official.giving(self.store.official_for(e.id), row.figure.value))
        if row.reads and row.reads(e, derive(e)) is None and not found.official:  # no source gives it: said
            return replace(found, kind=Kind.not_found)
        return found

    def _compared_official(self, found: Answer) -> Answer:
        """A comparison on one figure reads it where the single-figure answer does: an election whose news
        sources don't give it has it from its NLRB tallies, each with its source (issue 9)."""
        row = BY_NAME.get(found.row or "")
        if row is None or row.figure is None or row.reads is None:
            return found
        missing = [e for e, d in zip(found.elections, found.derived, strict=True) if row.reads(e, d) is None]
        tallies = [r for e in missing for r in official.giving(self.store.official_for(e.id), row.figure.value)]
        return replace(found, official=tuple(tallies)) if tallies else found

    def _aggregate(self, row: QuestionKind) -> Answer:
        selection = aggregates.select(self.a, self.store, outcome_words=row.intent is not Intent.win_rate)
        total = aggregates.count(selection, self.store)
        if row.intent is Intent.win_rate:
            rate = aggregates.win_rate(selection, self.store)
            shown = aggregates.first(selection, self.store, MAX_LIST)
            return self._elections_answer(
                Intent.win_rate, shown, row=row.name, list_filter=selection.filter, total=total, win_rate=rate
            )
        earlier = self.context.elections if self.context and len(self.context.elections) > 1 else ()
        pointing = row.intent is Intent.rank or POINTING.search(self.a.norm) is not None  # "list them"
        if selection.positions is None and earlier and pointing:  # "which was closer?" of those just listed
            order = index_for(self.store).order
            ids = [e for e in earlier if e in self.store.elections]
            selection = aggregates.Selection(selection.filter, frozenset(order.index(e) for e in ids))
            total = len(selection.positions or ())
        if row.intent is Intent.rank:
            shown = aggregates.ranked(selection, self.store, row, MAX_RANKED)
            return self._elections_answer(Intent.rank, shown, row=row.name, list_filter=selection.filter, total=total)
        shown = aggregates.first(selection, self.store, MAX_LIST)
        return self._elections_answer(row.intent, shown, row=row.name, list_filter=selection.filter, total=total)
