"""Answering a question about ONE official NLRB election (official3): the election a case number,
an employer and place, or the conversation's previous turn points to, asked any row of the question
table that is about one election (a figure, did the union win, the result, its tallies over time).

The row is the question table's own (the same intent as for a curated election); only the record
is the NLRB's. A figure is read from the tally the question names (initial, rerun, run-off), else
the latest one (bot.official_figures)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import official
from bot.lexicon import Pattern
from bot.models import Answer, Election, Intent, Kind
from bot.official_figures import pick, reads, tally_asked
from bot.reply import Replies
from bot.table import BY_NAME, QuestionKind

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection

# Words asking for a case's whole story rather than the one tally they name ("what happened after the first vote").
WHOLE_HISTORY = Pattern(
    r"\b(history|over time|both|tallies|after|since|then|all|each|every)\b|历史|之后|以后|两次|每次"
)
ONE_ELECTION = frozenset({Intent.figure, Intent.did_win, Intent.result, Intent.history})


class OfficialOne(Replies):
    """Rows about one election, answered from an official NLRB election."""

    def _official_election(
        self, row: QuestionKind, election: Sequence[OfficialElection], linked: Sequence[Election] = ()
    ) -> Answer:
        """`election`: one case's tallies (one voting unit), history order; `linked`: the curated
        election of the same case, if any."""
        norm, intent = self.a.norm, row.intent
        named = tally_asked(norm)
        has_named = any(r.tally is not None and r.tally.value == named for r in election)
        if intent in (Intent.figure, Intent.did_win):
            shown: tuple[OfficialElection, ...] = (pick(election, norm, deciding=intent is Intent.did_win),)
        elif intent is Intent.result and has_named and not WHOLE_HISTORY.search(norm):  # "the rerun's result"
            shown = (pick(election, norm),)
        else:
            shown = tuple(election)
            intent = Intent.history if len(shown) > 1 and intent is Intent.history else Intent.result
            row = BY_NAME[intent.value]
        found = self._elections_answer(intent, linked, row=row.name, official=shown)
        if intent is not Intent.figure or row.figure is None:
            return found
        found = replace(found, figure=row.figure)
        return found if reads(shown[-1], row.figure) else replace(found, kind=Kind.not_found)

    def _official_in_context(self, row: QuestionKind) -> Answer | None:
        """A row about one election with none named: the official election of the previous turn."""
        ctx = self.context
        if ctx is None or not ctx.official or row.intent not in ONE_ELECTION:
            return None
        layer = self.store.official.indexes.by_id
        tallies = [layer[i] for i in ctx.official if i in layer]
        groups = official.elections(self.store, tallies)
        if len(groups) != 1:
            return None  # the last turn listed several: the engine asks which
        return self._official_election(row, groups[0])

    def _linked_figure(self, row: QuestionKind, e: Election, found: Answer) -> Answer:
        """A figure of a curated election linked to an NLRB case: the NLRB's figure beside the news
        one; answered from the NLRB's record when the news sources don't give it (JFK8's counts)."""
        records = self.store.official_for(e.id)
        if not records or row.figure is None:
            return found
        chosen = pick(records, self.a.norm)
        found = replace(found, official=(chosen,), official_checked=True)
        if found.kind is Kind.not_found and reads(chosen, row.figure):
            return replace(found, kind=Kind.answered)
        return found
