"""Steps answering from the NLRB's official layer (issue 9): a case number, a curated election's
tallies over time, and lists, counts and rates over an employer or national union the layer holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import aggregates, official
from bot.intent import Scored, judge, known_words, score
from bot.matcher import normalise
from bot.models import Answer, Intent, Kind, WinRate
from bot.names import capitalised_names
from bot.official_figures import tally_asked
from bot.official_one import WHOLE_HISTORY, OfficialOne, asks_many, scope_json
from bot.reply import POINTING, examples
from bot.running import MAX_RANKED
from bot.said import WHO_SAID_WORDS
from bot.table import BY_NAME, QuestionKind

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection

RIVAL = 15  # a second figure row's cued score this close to the best: the question asks for both (the tally)


class OfficialSteps(OfficialOne):
    """The steps that read the official layer before the question table."""

    def _official(self) -> Answer | None:
        """Issue 9: a case number is looked up exactly in the official layer; a curated election
        named with words about its tallies over time ("the first Bessemer vote") shows its case's history."""
        cases = official.case_numbers(self.a.norm)
        records = official.tallies(self.store, cases)
        history = official.asks_history(self.a.norm)
        linked = [e for e in self.elections if e.case_number in cases] if records else []
        best = self.verdict.best
        said = best.cue and best.row.intent is Intent.quotes and bool(self.people or self.orgs)
        if not records and not cases and len(self.elections) == 1 and history and not said:
            records = self.store.official_for(self.elections[0].id)
            linked = list(self.elections) if len(records) > 1 else []
            records = records if linked else ()
        if not records and cases and not self.elections:  # exact: a case number not on file is never guessed
            return self._answer(
                Kind.not_found,
                Intent.result,
                row="result",
                unknown=cases[0],
                unknown_kind="code",
                examples=examples(self.store, self.lang),
            )
        if not records:
            return None
        row = self._official_row()
        if history and len(records) > 1:
            row = (None if cases else self._ordered_row(row, records)) or BY_NAME["history"]
        groups = official.elections(self.store, records)
        if len(groups) == 1 and row.intent in official.ONE_TALLY:  # one election: its figure, result or history
            if row.intent is Intent.result and history and not cases and tally_asked(self.a.norm):  # that tally alone
                linked = []
            return self._official_election(row, groups[0], linked)
        intent = row.intent
        found = self._elections_answer(intent, linked, row=row.name, official=records)
        return replace(found, figure=row.figure) if intent is Intent.figure else found

    def _official_scope(self) -> Answer | None:
        """Issue 9: a question naming an employer or national union of the official layer (not a
        curated election) is answered over the NLRB's records; bare questions stay with the news layer."""
        carried = self._carried_query()  # "how many did unions win?", "and South Dakota that year?"
        if carried is not None:
            return self._over_official(carried)
        about = self.verdict.best.row.intent in official.ABOUT_WORDS
        guessed = self._guessed_people()  # "Medical" read as Medina: a name only by a spelling fix
        if (self.people and not guessed) or (about and self.verdict.best.cue):
            return None
        if WHO_SAID_WORDS.search(self.a.norm):  # "did anyone mention Starbucks?": words said, not its elections
            return None
        norm = normalise(self.read) if guessed else self.a.norm
        if self._whole_layer() and not official.may_name(norm, known_words()):
            return self._over_official(official.Scope(official_word=True))  # "the largest NLRB election"
        if not official.may_name(norm, known_words()) or self._by_code():
            return None  # every word is the table's own, or "ALB1": the (deferred) layer is not even read
        found = official.scope(norm, self.store, known=known_words(), text=self.read)
        curated_words = {w for h in self.a.hits for w in h.text.split()}
        if found.employers and set(normalise(found.employer_words).split()) <= curated_words:
            # "Albany vs Staten Island": a place of the news layer, not the employers with "Albany" in their names
            found = replace(found, employers=(), employer_words="")
        if found.official_word and not (found.named or found.place or found.readings) and self._whole_layer():
            return self._over_official(found)  # "你们的NLRB数据里规模最大的选举": nothing narrows it
        if guessed and not (found.employer or found.employers):
            return None
        if self.elections and not self._inside_official_name(found):
            return None  # "ALB1", "the Albany vote": the curated election (not "Albany Medical Center")
        if guessed:
            self.people = []
        curated = bool(self.a.targets("year", *aggregates.PLACE_KINDS)) and bool(
            aggregates.count(aggregates.select(self.a, self.store), self.store)
        )
        found = self._employer_organisation(found, curated=curated)
        if about and not (found.union or found.employer):  # "Teamsters Local 727" is no speaker on file
            return None
        if not official.over_layer(found, curated=curated):
            return None  # "which elections did the union lose?": the news layer's elections
        if found.readings:  # "Amazin": one edit from two employers, so neither is answered for sure
            return self._suggest(official.reading_suggestions(found, self.store, self.lang))
        parties = [o for o in self.orgs if o.kind in ("employer", "union", "federation")]  # not "the NLRB"
        if parties and not (found.affiliation or found.union or found.employer):  # "the Teamsters": a national union
            return None
        covered = set(normalise(found.words(self.store)).split()) | {w for h in self.a.hits for w in h.text.split()}
        covered |= found.covers  # "Bufalo", "Joes": the words a name was read from
        strangers = capitalised_names(self.read, covered, known_words())
        elections = official.elections(self.store, official.select(self.store, found))
        pinned = bool(found.employer or found.employers) and bool(found.city or found.state) and len(elections) == 1
        if strangers and not pinned:  # "the Apple store in Atlantis": a place the layer doesn't know is no other place
            return self._answer(
                Kind.not_found,
                Intent.unknown,
                unknown=max(strangers, key=len),
                examples=examples(self.store, self.lang),
            )  # ("REI SoHo, New York": the one REI election in New York, SoHo a part of town)
        return self._over_official(found, elections)

    def _whole_layer(self) -> bool:
        """A list, count, rate or rank asked of the NLRB's records by name, with nothing narrowing it."""
        best = self.verdict.best
        return (
            best.cue
            and best.row.intent in official.OVER_MANY
            and official.OFFICIAL_WORDS.search(self.a.norm) is not None
            and not (self.elections or self.people or self.a.targets("year", *aggregates.PLACE_KINDS))
        )

    def _over_official(
        self, found: official.Scope, elections: list[tuple[OfficialElection, ...]] | None = None
    ) -> Answer:
        """The answer over the official elections in scope: one election's, or a list, count, rate or rank."""
        if elections is None:
            elections = official.elections(self.store, official.select(self.store, found))
        scored = self.verdict_all  # the table's scores, computed once per question
        row = BY_NAME[official.scope_row([(s.row.name, s.row.intent, s.cue) for s in scored[:3]], self.a.norm)]
        if self._carried_row(scored):  # "and South Dakota that year?": the last turn's kind of question
            row = BY_NAME[self.context.row] if self.context and self.context.row else row
        if official.RATE_WORDS.search(self.a.norm) and aggregates.WON.search(self.a.norm):
            row = BY_NAME["win_rate"]  # "what share of … did the union win": a rate, over many elections
        said = found.words(self.store, self.lang)
        one = self._named_one(elections, scored, found)
        if one is not None:  # "Nissan Canton election", "turnout at the Apple store in Towson"
            return one
        if official.asks_history(self.a.norm) and any(len(e) > 1 for e in elections):
            history = [e for e in elections if official.reran(e)] or [e for e in elections if len(e) > 1]
            shown = tuple(r for e in history[: official.PAGE] for r in e)
            return self._answer(
                Kind.answered,
                Intent.history,
                row="history",
                official=shown,
                official_total=len(history),
                official_scope=said,
                official_query=scope_json(found),
                official_keys=official.keys(history),
            )
        outcome = None
        if row.intent is not Intent.win_rate:
            wanted = {
                w for w, words in (("won", aggregates.WON), ("lost", aggregates.LOST)) if words.search(self.a.norm)
            }
            if len(wanted) == 1:
                elections = [e for e in elections if official.result(self.store, e) in wanted]
                outcome = next(iter(wanted))
        rate = None
        if row.intent is Intent.win_rate:
            results = [official.result(self.store, e) for e in elections]
            rate = WinRate(won=results.count("won"), decided=results.count("won") + results.count("lost"))
        if row.intent is Intent.rank:
            page = official.ranked(elections, row.name, MAX_RANKED)
        else:
            page = elections[: official.PAGE]
        return self._answer(
            Kind.answered if elections else Kind.not_found,
            row.intent,
            row=row.name,
            official=tuple(r for e in page for r in e),
            official_total=len(elections),
            official_scope=said,
            official_query=scope_json(found),
            official_outcome=outcome,
            win_rate=rate,
            official_keys=() if row.intent is Intent.rank else official.keys(elections),
        )

    def _named_one(
        self, elections: list[tuple[OfficialElection, ...]], scored: tuple[Scored, ...], found: official.Scope
    ) -> Answer | None:
        """A question about one election (its figure, result or history) naming it by employer, place
        and year: the one election that matches, or the conversation's among those that do; "that
        Boeing vote": the conversation's election when it is the employer's."""
        if asks_many(self.a.norm, scored):
            return None
        earlier = self._context_election()
        if earlier and POINTING.search(self.a.norm) and self._employer_of(found, earlier[0]):
            return self._official_election(self._official_row(), earlier)
        if not elections:
            return None
        if len(elections) > 1 and self.context and self.context.official:
            shown = set(self.context.official)
            elections = [e for e in elections if any(r.id in shown for r in e)]
        row = self._official_row()
        if len(elections) != 1 or (row.name == "result" and not any(s.cue and s.row is row for s in scored[:3])):
            return None  # "Trader Joe's in Hadley": the list of what matches (one election, shown whole)
        return self._official_election(row, elections[0])

    def _ordered_row(self, row: QuestionKind, records: Sequence[OfficialElection]) -> QuestionKind | None:
        """'The first Bessemer vote: how many for RWDSU?', 'Bessemer rerun margin', '贝塞默第一次投票': one
        tally of the case named by its order (initial / rerun / run-off) asks for that tally's figure or
        result, never the other tally's; None when the question asks about the tallies over time."""
        kind = tally_asked(self.a.norm)
        if WHOLE_HISTORY.search(self.a.norm) or not any(r.tally is not None and r.tally.value == kind for r in records):
            return None
        if row.intent is Intent.history:  # the order words are the history row's cues: the figure asked, if any
            scored = score(official.without_cases(self.a.template))
            row = next((s.row for s in scored if s.cue and s.row.intent is Intent.figure), BY_NAME["result"])
        return row

    def _official_row(self) -> QuestionKind:
        """The row a question about one case asks: the best row when its own words point to it (and
        no second figure row's words do: "which union won and by how much" is the tally), else the result.
        Chinese rows carry few cue words: there the table's sure verdict is enough."""
        scored = score(official.without_cases(self.a.template))
        best = scored[0]
        if best.row.intent not in official.ONE_TALLY:
            return BY_NAME["result"]
        figures_cued = [s for s in scored if s.cue and s.row.intent is Intent.figure and s.score >= best.score - RIVAL]
        if best.cue and len(figures_cued) <= 1:
            return best.row
        if not best.cue and self.lang == "zh" and judge(scored, elections=1).sure:
            return best.row
        return BY_NAME["result"]
