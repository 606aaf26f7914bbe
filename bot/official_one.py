"""Answering a question about ONE official NLRB election (official3): the election a case number,
an employer and place, or the conversation's previous turn points to, asked any row of the question
table that is about one election (a figure, did the union win, the result, its tallies over time).

The row is the question table's own (the same intent as for a curated election); only the record
is the NLRB's. A figure is read from the tally the question names (initial, rerun, run-off), else
the latest one (bot.official_figures)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import aggregates, official
from bot.aliases import spaced
from bot.intent import Scored
from bot.lexicon import Pattern
from bot.models import Answer, Election, Intent, Kind
from bot.official_figures import pick, reads, tally_asked
from bot.reply import Replies
from bot.table import BY_NAME, QuestionKind

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection
    from bot.official import Scope

# Words asking for a case's whole story rather than the one tally they name ("what happened after the first vote").
WHOLE_HISTORY = Pattern(
    r"\b(history|over time|both|tallies|after|since|then|all|each|every)\b|历史|之后|以后|两次|每次"
)
ONE_ELECTION = frozenset({Intent.figure, Intent.did_win, Intent.result, Intent.history})
WHO_WON = Pattern(r"\b(who|which (union|side)) (won|lost|came out ahead)\b|谁赢|谁输|谁胜|哪个工会赢|哪一方赢")
# A follow-up that changes part of the last turn's scope ("and South Dakota that year?", "那加州呢").
FOLLOW_ON = Pattern(r"^(and|what about|how about|same|also)\b|\b(that|the same) year\b|^那|呢[？?]?$|同一年|那一年")
SCOPE_FIELDS = ("employer", "employers", "employer_words", "affiliation", "union", "state", "city", "year", "case_type")
ELECTIONS_WORD = Pattern(r"\b(elections?|votes held|cases|campaigns|petitions)\b|选举|投票")


def asks_many(norm: str, scored: Sequence[Scored]) -> bool:
    """Whether a question naming an employer or place asks about many elections (a count, list, rate,
    rank), not one: a row of those with its own words, or "how many elections" with no figure's words."""
    if any(s.cue and s.row.intent in official.OVER_MANY for s in scored[:3]):
        return True
    figure = any(s.cue and s.row.intent is Intent.figure for s in scored[:3])
    about_many = ELECTIONS_WORD.search(norm) or aggregates.WON.search(norm) or aggregates.LOST.search(norm)
    return official.HOW_MANY.search(norm) is not None and bool(about_many) and not figure


def scope_json(found: Scope) -> str:
    """What a list over the layer was filtered on, for the conversation's next turn."""
    return json.dumps({f: getattr(found, f) for f in SCOPE_FIELDS if getattr(found, f)}, ensure_ascii=False)


def scope_from_json(text: str) -> Scope | None:
    from bot.official import Scope

    try:
        data = json.loads(text)
        values = {f: data[f] for f in SCOPE_FIELDS if f in data}
        if "employers" in values:
            values["employers"] = tuple(values["employers"])
        return Scope(**values)
    except (ValueError, TypeError, KeyError):  # a damaged context is a fresh start
        return None


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

    def _context_election(self) -> tuple[OfficialElection, ...] | None:
        """The one official election of the previous turn (None when it named none, or listed several)."""
        ctx = self.context
        if ctx is None or not ctx.official:
            return None
        layer = self.store.official.indexes.by_id
        groups = official.elections(self.store, [layer[i] for i in ctx.official if i in layer])
        return groups[0] if len(groups) == 1 else None

    def _carried_query(self) -> Scope | None:
        """The last turn's scope over the layer, when this turn follows it up: asking the same elections
        something else ("how many did unions win?"), or changing part of it ("and South Dakota that year?")."""
        from bot.intent import known_words, score
        from bot.official import Scope, may_name
        from bot.official import scope as read_scope

        ctx = self.context
        if ctx is None or not ctx.official_query or self.elections or self.people:
            return None
        previous = scope_from_json(ctx.official_query)
        if previous is None:
            return None
        known = known_words()
        found = (
            read_scope(self.a.norm, self.store, known=known, text=self.read)
            if may_name(self.a.norm, known)
            else Scope()
        )
        if (found.named or found.place) and FOLLOW_ON.search(self.a.norm):
            changed = {f: getattr(found, f) for f in SCOPE_FIELDS if getattr(found, f)}
            if "employer" in changed or "employers" in changed:
                changed.setdefault("employer", None)
                changed.setdefault("employers", ())
            return replace(previous, **changed)
        if not (found.named or found.place) and asks_many(self.a.norm, score(self.a.template)):
            return previous
        return None

    def _carried_row(self, scored: Sequence[Scored]) -> bool:
        """A follow-up changing the scope with no kind of question of its own asks the last turn's."""
        ctx = self.context
        if ctx is None or not ctx.official_query or ctx.row not in BY_NAME:
            return False
        if BY_NAME[ctx.row].intent not in official.OVER_MANY or not FOLLOW_ON.search(self.a.norm):
            return False
        return not any(s.cue and s.row.intent in official.OVER_MANY for s in scored[:3])

    def _official_follow_up(self) -> Answer | None:
        """After a turn about one official election, a question naming no record that asks one of its
        figures, its result or who won ("turnout?", "who won the rerun?", "它的案号是多少")."""
        election = self._context_election()
        if election is None or self.elections or self.people or self.orgs or self.a.unknown_codes:
            return None
        best = self.verdict.best
        if WHO_WON.search(self.a.norm):
            row = BY_NAME["did_win"]
        elif best.cue and best.row.intent in ONE_ELECTION and self.verdict.sure:
            row = best.row
        else:
            return None
        return self._official_election(row, election)

    def _official_in_context(self, row: QuestionKind) -> Answer | None:
        """A row about one election with none named: the official election of the previous turn."""
        election = self._context_election() if row.intent in ONE_ELECTION else None
        return None if election is None else self._official_election(row, election)

    def _employer_of(self, found: Scope, r: OfficialElection) -> bool:
        """Whether the scope's employer is the tally's ("Boeing" is "The Boeing")."""
        from bot.nlrb.names import name_key

        key = name_key(r.employer_display)
        if key == found.employer or key in found.employers:
            return True
        return bool(found.employer) and set((found.employer or "").split()) <= set(key.split())

    def _guessed_people(self) -> bool:
        """Every person named is named only through a spelling fix of another word ("medical" -> Medina)."""
        hits = [h for h in self.a.hits if any(t.kind == "person" for t in h.targets)]
        return bool(self.people) and bool(hits) and all(h.fuzzy for h in hits)

    def _by_code(self) -> bool:
        """Every curated election named is named by its code ("ALB1"), not by a word of a place."""
        codes = {(e.code or "").casefold() for e in self.elections}
        hits = [h for h in self.a.hits if any(t.kind == "election" for t in h.targets)]
        return bool(hits) and all(h.text.replace(" ", "").casefold() in codes for h in hits)

    def _inside_official_name(self, found: Scope) -> bool:
        """The curated elections named are only words of an employer's name on file ("Albany Medical
        Center" is not ALB1): they are dropped, and the question is about the NLRB's elections."""
        if not (found.employer or found.employers):
            return False
        hits = [h for h in self.a.hits if any(t.kind == "election" for t in h.targets)]
        if not hits or not all(set(spaced(h.text).split()) <= found.covers for h in hits):
            return False
        self.elections = []
        return True

    def _employer_organisation(self, found: Scope, *, curated: bool) -> Scope:
        """An employer the store knows as an organisation ("Amazon") asked about with a place or year
        the news layer has no election for ("Amazon in Delaware in 2014"): its elections on file."""
        from bot.nlrb.names import name_key

        if found.employer or found.employers or curated or not found.place:
            return found
        ix = self.store.official.indexes
        for t in self.a.targets("employer"):
            org = self.store.organisations.get(t.key)
            key = name_key(org.name) if org else t.key
            if key in ix.employer_names:
                return replace(found, employer=key)
        return found
