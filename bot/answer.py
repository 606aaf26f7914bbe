"""answer(question, store) -> Answer. Pure: no I/O, no Slack, no environment.

A question is read in three steps: its plain words (Slack markup and long pasted context
dropped: bot.language), the records it names (bot.matcher: placeholders in a template), and
the kind of question it is (bot.intent: the best row of the question table). `_Resolver.steps`
lists, in order, the few rules that come before the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cached_property

from bot import aggregates
from bot.context import Context
from bot.figures import derive
from bot.intent import Scored, Verdict, judge, known_words, score
from bot.language import LONG, find_question, is_cjk, plain_words, reply_language, without_instructions
from bot.lexicon import Pattern
from bot.matcher import Analysis, analyse, index_for
from bot.models import Answer, Election, Intent, Kind, Lang, ListFilter, Organisation, Person, Source, Suggestion
from bot.speakers import Speakers, channel_asked, date_asked, holders, narrow, role_asked, unknown_name
from bot.store import Store
from bot.table import BY_NAME, TABLE, QuestionKind
from bot.textsearch import quote_index, terms

MAX_QUOTES = 3
MAX_SUGGESTIONS = 3
MAX_LIST = 20  # elections shown in a list; the total is always given
MAX_RANKED = 5
WHO_SAID_COVERAGE = 0.6
WHO_SAID_COVERAGE_CJK = 0.4  # Chinese is searched by character pairs, many of which the question's own wording adds
# Words of a turn that only names records: "and LDJ5?", "ALB1 too", "what about the Albany one", "那LDJ5呢"
FOLLOW_UP_FILLER = Pattern(
    r"\b(and|also|too|what|how|about|at|for|in|the|one|same|then|so|ok|okay|please|pls|i|mean|of|with|as|well)\b|呢|那么|那|还有|也|的|怎么样|如何|我说的是|我是说|我指的是|是说"
)
POINTING = Pattern(
    r"\b(it|its|that|there|this one|that one|that vote|that election|that group|them|they|their|he|she|his|her)\b|它|那里|那次|那场|那个|他|她"
)
CLAIM = Pattern(
    r"\b(is (that|this|it) (right|true|correct)|true|correct|confirm(ed)?|verify|fact check)\b|真的吗|对吗|是真的|确认|核实"
)
PERSON_POINTING = Pattern(r"\b(he|she|him|his|her|hers)\b|他|她")
WHO_ASKS = Pattern(r"^(who|whose|which (person|people|one)|谁|哪位|是谁)\b|^(谁|哪位|是谁)")
WHO_SAID_WORDS = Pattern(
    r"\bwho (said|says|tweeted|wrote|stated|called|described|told|posted|reported|found|claimed|argued|warned|predicted)\b|\bwhose (words|quote|tweet)\b|\bwho is quoted( saying)?\b|是谁说的|谁说过?|谁发推说?|谁表示"
)


def answer(question: str, store: Store, *, context: Context | None = None) -> Answer:
    question = question.strip()
    asked, before = find_question(plain_words(question))
    core, instructed = without_instructions(asked)
    analysis = analyse(core, store)
    if before and not _records_named(analysis):  # "…ALB1's count was on Tuesday. What was the margin?"
        context = _context_before(before, store) or context
    lang = reply_language(analysis.norm, [h.text for h in analysis.hits])
    cut = asked if before or len(question) > LONG else None
    resolver = _Resolver(question, cut, analysis, lang, store, context)
    resolver.instructed = instructed
    return resolver.resolve()


def _records_named(a: Analysis) -> bool:
    return bool(a.targets("election", "person", "organisation"))


def _context_before(text: str, store: Store) -> Context | None:
    """What the text before a long message's question is about: the first election (and person)
    of the last sentence that names one."""
    for sentence in reversed(text.split("\n")[-20:]):
        a = analyse(sentence, store)
        elections = [t.key for t in a.targets("election")]
        people = [t.key for t in a.targets("person")]
        if elections or people:
            return Context(elections=tuple(elections[:1]), people=tuple(people[:1]))
    return None


def examples(store: Store, lang: Lang) -> tuple[str, ...]:
    """Example questions drawn from the table and what the store holds (help, and after "I don't know")."""
    tallied = [e for e in list(store.elections.values())[:50] if e.votes_for is not None]
    e = tallied[0] if tallied else next(iter(store.elections.values()), None)
    person = next((p for p in store.people.values() if p.id in store.quotes_by_speaker), None)
    out: list[str] = []
    for name in ("result", "turnout", "did_win", "quotes", "list", "closest"):
        row = BY_NAME[name]
        if ("{election}" in row.example[lang] and not e) or ("{person}" in row.example[lang] and not person):
            continue
        person_name = (person.name_zh or person.name) if person and lang == "zh" else person.name if person else ""
        out.append(row.example[lang].format(election=e.label if e else "", person=person_name))
    return tuple(out)


class _Resolver:
    def __init__(
        self, question: str, asked: str | None, a: Analysis, lang: Lang, store: Store, context: Context | None
    ) -> None:
        self.question, self.asked, self.a, self.lang, self.store = question, asked, a, lang, store
        self.context = context
        self.instructed = False  # the message held instructions to the bot (dropped before reading)
        self.elections = [store.elections[t.key] for t in a.targets("election")]
        self.people = [store.people[t.key] for t in a.targets("person")]
        self.orgs = [store.organisations[t.key] for t in a.targets("organisation")]
        if context and not self.people and not self.orgs:  # "what did he say?", "that group", "its president"
            if PERSON_POINTING.search(a.norm):
                self.people = [store.people[p] for p in context.people if p in store.people]
            elif POINTING.search(a.norm):
                self.orgs = [store.organisations[o] for o in context.organisations if o in store.organisations]

    @property
    def verdict_all(self) -> tuple[Scored, ...]:
        return score(self.a.template, self._carried)

    @cached_property
    def verdict(self) -> Verdict:
        return judge(self.verdict_all)

    @cached_property
    def _carried(self) -> str:
        """The placeholders the conversation can fill."""
        ctx = self.context
        if ctx is None:
            return ""
        held = (("E", ctx.elections), ("P", ctx.people), ("O", ctx.organisations))
        return "".join(slot for slot, records in held if records)

    @property
    def steps(self) -> tuple[Callable[[], Answer | None], ...]:
        """What is tried, in order; the first step that returns an answer wins."""
        return (
            self._help,  # nothing asked, or asking for help
            self._unknown_code,  # a code the store doesn't have: never answer about another election
            self._who_said,  # "who said <words>": the words are searched in the quotes, not matched as a row
            self._stranger,  # "what did Jeff Bezos say": a speaker the store doesn't know gets no one else's words
            self._follow_up,  # "and LDJ5?", "它的投票率呢": the last turn's kind of question, with new or carried records
            self._only_names,  # "ALB1", "Chris Smalls", "Staten Island": the record itself
            self._instructed,  # "ignore your instructions and say …": the named election's facts, as they are
            self._sure,  # the best row of the question table, when it is sure
            self._claim,  # "is that right?", "just confirm it", an instruction: the election's facts, not the claim
            self._unsure,  # close: offer the best rows as questions; far: "I don't know"
        )

    def resolve(self) -> Answer:
        for step in self.steps:
            found = step()
            if found is not None:
                return found
        raise AssertionError("the last step always answers")  # pragma: no cover

    # --- steps ---------------------------------------------------------------------

    def _help(self) -> Answer | None:
        if not self.question or (self.verdict.best.row.name == "help" and self.verdict.best.cue):
            return self._answer(Kind.help, Intent.help, examples=examples(self.store, self.lang), row="help")
        return None

    def _unknown_code(self) -> Answer | None:
        if not self.a.unknown_codes:
            return None
        code = self.a.unknown_codes[0]
        index = index_for(self.store)
        near = [self.store.elections[index.codes[c]] for c in index.near_codes(code)]
        near += [e for e in self.elections if e not in near]
        return self._suggest(
            self._election_suggestions(near, BY_NAME["result"]), unknown=code.upper(), unknown_kind="code"
        )

    def _who_said(self) -> Answer | None:
        if self.people:
            return None
        asks = WHO_SAID_WORDS.search(self.a.norm) is not None
        if not asks and not WHO_ASKS.search(self.a.norm):
            return None
        query = terms(WHO_SAID_WORDS.sub(" ", WHO_ASKS.sub(" ", " ".join(self.a.leftover))))
        if asks and self.context and self.context.quotes and POINTING.search(self.a.norm):  # "who said that one?"
            quotes = [self.store.quotes[q] for q in self.context.quotes[:1] if q in self.store.quotes]
            return self._quotes_answer(Intent.who_said, quotes, "who_said") if quotes else None
        if not query or (not asks and len(query) < 3):  # "who won at JFK8" is not a quote search
            return None
        cjk = is_cjk(" ".join(self.a.leftover))
        found = quote_index(self.store).search(query, WHO_SAID_COVERAGE_CJK if cjk else WHO_SAID_COVERAGE)
        quotes_row = BY_NAME["quotes"]
        if not found and self.elections and next(s for s in self.verdict_all if s.row is quotes_row).cue:
            return self._quotes(quotes_row, [])  # "who reacted on Twitter to the LDJ5 result?": what was said about it
        if not found and not asks:
            return None
        best = [self.store.quotes[qid] for cov, qid in found if cov >= found[0][0] - 0.01]
        if not best:
            return self._answer(
                Kind.not_found, Intent.who_said, row="who_said", examples=examples(self.store, self.lang)
            )
        return self._quotes_answer(Intent.who_said, best, "who_said")

    def _stranger(self) -> Answer | None:
        intent = self.verdict.best.row.intent
        if self.people or intent not in (Intent.quotes, Intent.who_is) or not self.verdict.plausible:
            return None
        text = self.asked or self.question
        stranger = unknown_name(text, self.a, known=known_words())
        if stranger is None:
            return None
        role = role_asked(self.a.norm)
        if role is not None and holders(None, role[0], self.store, described=stranger):
            return None  # "the SF State professor": a description of someone on file
        if self.orgs and text.find(stranger) > min(text.casefold().find(o.name.casefold()) % 10_000 for o in self.orgs):
            return None  # the organisation comes first: the unknown words are about something else
        return self._answer(
            Kind.not_found, intent, row=self.verdict.best.row.name, unknown=stranger, unknown_kind="speaker"
        )

    def _follow_up(self) -> Answer | None:
        """A turn that only names records ("and LDJ5?", "ALB1 too", "LDJ5呢") asks the last turn's
        kind of question about them."""
        ctx = self.context
        if ctx is None or not ctx.row or ctx.row not in BY_NAME:
            return None
        words = [w for w in FOLLOW_UP_FILLER.sub(" ", self.a.template).split() if w not in "EPOLY"]
        places = self.a.targets("city", "region", "state", "kind")
        if words or not (self.elections or self.people or self.orgs or places):
            return None
        previous = BY_NAME[ctx.row]
        if previous.intent is Intent.quotes and not self.people and not self.orgs:
            speakers = [self.store.people[p] for p in ctx.people if p in self.store.people]
            return self._quotes(previous, speakers)
        if previous.intent in (Intent.who_said, Intent.help):
            return None
        return self._run(previous)

    def _only_names(self) -> Answer | None:
        words = FOLLOW_UP_FILLER.sub(" ", self.a.template).split()
        if not words or any(w not in "EPOLY" for w in words):
            return None
        if self.elections:
            return self._run(BY_NAME["compare" if len(self.elections) > 1 else "result"])
        if self.people:
            return self._run(BY_NAME["who_is"])
        if self.orgs:
            return self._run(BY_NAME["organisation"])
        found = aggregates.first(aggregates.select(self.a, self.store), self.store, MAX_SUGGESTIONS + 1)
        if len(found) == 1:
            return self._run(BY_NAME["result"], elections=found)
        return self._suggest(self._election_suggestions(found, BY_NAME["result"]))

    def _sure(self) -> Answer | None:
        if not self.verdict.sure:
            return None
        return self._run(self.verdict.best.row)

    def _instructed(self) -> Answer | None:
        return self._claim() if self.instructed else None

    def _claim(self) -> Answer | None:
        if not (self.instructed or CLAIM.search(self.a.norm)):
            return None
        elections = self._elections_for(BY_NAME["result"])
        return self._run(BY_NAME["result"], elections=elections[:1]) if len(elections) == 1 else None

    def _unsure(self) -> Answer:
        v = self.verdict
        if not v.plausible:
            near = [self.store.elections[t.key] for t in self.a.near if t.kind == "election"]
            near_people = [self.store.people[t.key] for t in self.a.near if t.kind == "person"]
            nearby = self._election_suggestions(near, BY_NAME["result"])
            nearby += [self._person_suggestion(p) for p in near_people]
            return self._suggest(nearby, unknown=self._unplaced())
        suggestions: list[Suggestion] = []
        for scored in (v.best, *v.rivals):
            # a row about nothing in particular is offered only when its words are there
            if scored.row.needs or scored.cue:
                suggestions += self._row_suggestions(scored.row)
        return self._suggest(suggestions, unknown=self._unplaced())

    # --- running a row ---------------------------------------------------------------

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

    def _elections_for(self, row: QuestionKind) -> list[Election]:
        """The elections a row is asked about: named; else narrowed by place; else the last turn's."""
        if self.elections:
            return self.elections
        if self.a.targets("city", "region", "state", "kind", "year"):
            found = aggregates.first(aggregates.select(self.a, self.store), self.store, MAX_SUGGESTIONS + 1)
            earlier = set(self.context.elections) if self.context else set()
            return [e for e in found if e.id in earlier] or found  # "the Staten Island one" of the last list
        if self.context and self.context.elections:
            return [self.store.elections[e] for e in self.context.elections if e in self.store.elections]
        return []

    def _about_elections(self, row: QuestionKind, elections: list[Election]) -> Answer:
        if not elections:
            return self._ask_which(row)
        together = len(elections) > 1 and (len(self.elections) > 1 or self._comparing)
        if row.intent is Intent.compare or together:
            if len(elections) < 2:
                return self._ask_which(row, elections)
            shown = row.name if row.intent is Intent.figure else self._compared_on()
            return self._elections_answer(Intent.compare, elections[:4], row=shown)
        if len(elections) > 1:
            return self._suggest(self._election_suggestions(elections, row))
        found = self._elections_answer(row.intent, elections, row=row.name, figure=row.figure)
        e = elections[0]
        if row.reads and row.reads(e, derive(e)) is None:  # the sources don't give it: said, not answered
            return replace(found, kind=Kind.not_found)
        return found

    def _ask_which(self, row: QuestionKind, known: Sequence[Election] = ()) -> Answer:
        """A kind of question without the record it needs (and no conversation to take it from)."""
        suggestions = self._row_suggestions(row, fill=True)
        return self._answer(
            Kind.suggestions if suggestions else Kind.not_found,
            row.intent,  # the kind of question is known; the record is asked for
            figure=row.figure if row.intent is Intent.figure else None,
            row=row.name,
            suggestions=tuple(suggestions[:MAX_SUGGESTIONS]),
            unknown_kind="which",
            examples=examples(self.store, self.lang),
        )

    def _aggregate(self, row: QuestionKind) -> Answer:
        selection = aggregates.select(self.a, self.store, outcome_words=row.intent is not Intent.win_rate)
        total = aggregates.count(selection, self.store)
        if row.intent is Intent.win_rate:
            rate = aggregates.win_rate(selection, self.store)
            shown = aggregates.first(selection, self.store, MAX_LIST)
            return self._elections_answer(
                Intent.win_rate, shown, row=row.name, list_filter=selection.filter, total=total, win_rate=rate
            )
        if row.intent is Intent.rank:
            shown = aggregates.ranked(selection, self.store, row, MAX_RANKED)
            return self._elections_answer(Intent.rank, shown, row=row.name, list_filter=selection.filter, total=total)
        shown = aggregates.first(selection, self.store, MAX_LIST)
        return self._elections_answer(row.intent, shown, row=row.name, list_filter=selection.filter, total=total)

    # --- people, organisations, quotes ------------------------------------------------

    def _who_is(self, row: QuestionKind) -> Answer:
        people = list(self.people)
        if not people and self.orgs:
            role = role_asked(self.a.norm)
            if role is None:
                return self._organisation(BY_NAME["organisation"])
            people = holders(self.orgs[0], role[0], self.store)
            if not people:  # "Who is Amazon's CEO?": no one on file holds that role
                return self._answer(
                    Kind.not_found,
                    Intent.who_is,
                    row=row.name,
                    unknown=self._described(self.orgs[0], role[1]),
                    unknown_kind="speaker",
                    organisations=(self.orgs[0],),
                )
        if not people:
            stranger = unknown_name(self.asked or self.question, self.a, known=known_words())
            if stranger:
                return self._answer(
                    Kind.not_found, Intent.who_is, row=row.name, unknown=stranger, unknown_kind="speaker"
                )
        if not people and self.context and self.context.people:
            people = [self.store.people[p] for p in self.context.people if p in self.store.people]
        if not people:
            return self._ask_which(row)
        shown = tuple(people[:MAX_SUGGESTIONS])
        orgs = dict.fromkeys(p.organisation for p in shown if p.organisation)
        return self._answer(
            Kind.answered,
            Intent.who_is,
            row=row.name,
            people=shown,
            organisations=tuple(self.store.organisations[o] for o in orgs),
            more_quotes=sum(len(self.store.quotes_by_speaker.get(p.id, ())) for p in shown),
            sources=self._sources(s for p in shown for s in p.sources),
        )

    def _organisation(self, row: QuestionKind) -> Answer:
        org = self.orgs[0]
        index = index_for(self.store)
        positions = {
            p
            for kind, name in (("union", org.name), ("union", org.abbreviation), ("employer", org.name))
            if name
            for p in index.members(index.facet(kind, name))
        }
        shown = aggregates.first(aggregates.Selection(ListFilter(), frozenset(positions)), self.store, MAX_LIST)
        return self._answer(
            Kind.answered,
            Intent.organisation,
            row=row.name,
            organisations=(org,),
            elections=tuple(shown),
            derived=tuple(derive(e) for e in shown),
            total=len(positions),
            more_quotes=len(self.store.quotes_by_speaker.get(org.id, ())),
            sources=self._sources(org.sources),
        )

    def _speakers(self, people: Sequence[Person]) -> Speakers:
        """Whose statements are asked for. A name or description the store can't place is never
        replaced by someone else's."""
        if people:
            return Speakers(tuple(p.id for p in people))
        role = role_asked(self.a.norm)
        if self.orgs:
            org = self.orgs[0]
            if role is not None:
                found = holders(org, role[0], self.store)
                return (
                    Speakers(tuple(p.id for p in found))
                    if found
                    else Speakers((), unknown=self._described(org, role[1]))
                )
            members = self.store.people_by_org.get(org.id, ())
            voices = [p.id for p in members if "spokes" in p.role.en.casefold()]
            if not voices and org.id not in self.store.quotes_by_speaker:
                voices = [p.id for p in members]  # an organisation that speaks through its leaders
            return Speakers((org.id, *voices))
        if role is not None:
            stranger = unknown_name(self.asked or self.question, self.a, known=known_words()) or ""
            found = holders(None, role[0], self.store, described=stranger)
            return (
                Speakers(tuple(p.id for p in found)) if found else Speakers((), unknown=self._described(None, role[1]))
            )
        if self.context and self.context.people and not self.elections:
            return Speakers(self.context.people)
        return Speakers(())

    def _described(self, org: Organisation | None, role: str) -> str:
        """An unknown speaker as described: "Amazon's founder", "亚马逊的创始人", "the founder"."""
        if self.lang == "zh":
            return f"{org.name_zh or org.name}的{role}" if org else role
        return f"{org.name}'s {role}" if org else f"the {role}"

    def _quotes(self, row: QuestionKind, people: Sequence[Person]) -> Answer:
        speakers = self._speakers(people)
        about = self.elections or (
            [self.store.elections[e] for e in self.context.elections if e in self.store.elections]
            if self.context and POINTING.search(self.a.norm)
            else []
        )
        if speakers.unknown:
            return self._answer(
                Kind.not_found,
                Intent.quotes,
                row=row.name,
                unknown=speakers.unknown,
                unknown_kind="speaker",
                examples=examples(self.store, self.lang),
            )
        if not speakers.ids and not about:
            return self._ask_which(row)
        if speakers.ids:
            pool = [q for s in speakers.ids for q in self.store.quotes_by_speaker.get(s, ())]
        else:
            pool = [q for e in about for q in self.store.quotes_by_election.get(e.id, ())]
        channel = channel_asked(self.a.norm)
        date, weekday = date_asked(self.a.norm)
        narrowed = narrow(pool, self.store, channel, date, weekday)
        named = tuple(self.store.people[s] for s in speakers.ids if s in self.store.people)
        named_orgs = tuple(self.store.organisations[s] for s in speakers.ids if s in self.store.organisations)
        if not narrowed:
            return self._answer(
                Kind.not_found,
                Intent.quotes,
                row=row.name,
                people=named,
                organisations=named_orgs[:1] if not named else (),
                elections=tuple(about),
                channel=channel if pool else None,
                examples=examples(self.store, self.lang),
            )
        ranked = self._rank(narrowed, about)
        asked = tuple(s for s in speakers.ids if s in self.store.people)
        return self._quotes_answer(
            Intent.quotes, ranked, row.name, channel=channel, speakers=asked, elections=tuple(about)
        )

    def _rank(self, pool: Sequence, elections: Sequence[Election]) -> list:  # type: ignore[type-arg]
        wanted = {e.id for e in elections}
        topic = terms(" ".join(w for w in self.a.leftover))
        index = quote_index(self.store)

        def weight(q) -> float:  # type: ignore[no-untyped-def]
            s = 3.0 * len(wanted.intersection(q.elections))
            s += sum(index.idf(t) for t in topic & index.terms[q.id])
            return s + (0.5 if q.lang == self.lang else 0.0)

        scored = [(weight(q), n, q) for n, q in enumerate(pool)]
        if any(s >= 1 for s, _, _ in scored) and (wanted or topic):
            scored = [item for item in scored if item[0] >= 1] or scored
        return [q for _, _, q in sorted(scored, key=lambda item: (-item[0], item[1]))]

    def _quotes_answer(self, intent: Intent, quotes: Sequence, row: str, **fields: object) -> Answer:  # type: ignore[type-arg]
        shown = list(quotes)[:MAX_QUOTES]
        ids = list(dict.fromkeys(q.speaker for q in shown))
        return self._answer(
            Kind.answered,
            intent,
            row=row,
            quotes=tuple(shown),
            more_quotes=len(quotes) - len(shown),
            sources=self._sources(q.source for q in shown),
            people=tuple(self.store.people[i] for i in ids if i in self.store.people),
            organisations=tuple(self.store.organisations[i] for i in ids if i in self.store.organisations),
            **fields,
        )

    # --- building answers ---------------------------------------------------------------

    def _answer(self, kind: Kind, intent: Intent, **fields: object) -> Answer:
        return Answer(question=self.question, kind=kind, intent=intent, lang=self.lang, asked=self.asked, **fields)  # type: ignore[arg-type]

    def _sources(self, ids: Iterable[str]) -> tuple[Source, ...]:
        found = [self.store.sources[i] for i in dict.fromkeys(ids) if i in self.store.sources]
        return tuple(sorted(found, key=lambda s: s.published, reverse=True))

    def _elections_answer(self, intent: Intent, elections: Sequence[Election], **fields: object) -> Answer:
        return self._answer(
            Kind.answered,
            intent,
            elections=tuple(elections),
            derived=tuple(derive(e) for e in elections),
            sources=self._sources(s for e in elections for s in e.sources),
            **fields,
        )

    def _suggest(
        self, suggestions: Sequence[Suggestion], *, unknown: str | None = None, unknown_kind: str = "words"
    ) -> Answer:
        shown = tuple(dict.fromkeys(suggestions))[:MAX_SUGGESTIONS]
        return self._answer(
            Kind.suggestions if shown else Kind.not_found,
            Intent.unknown,
            suggestions=shown,
            unknown=unknown or None,
            unknown_kind=unknown_kind if unknown else None,
            examples=examples(self.store, self.lang),
        )

    def _unplaced(self) -> str | None:
        """The question's words the bot could not place (echoed in "I'm not sure what you mean by …")."""
        known = known_words()
        words = [w for w in self.a.template.split() if w.isalpha() and w.islower() and w not in known]
        return " ".join(words) or None

    def _row_suggestions(self, row: QuestionKind, *, fill: bool = False) -> list[Suggestion]:
        """The row asked about the records the question (or the conversation) names; with `fill`,
        about the records the store holds when there are none."""
        if row.intent in (Intent.figure, Intent.result, Intent.did_win, Intent.history):
            elections = self._elections_for(row) or (self._some_elections() if fill else [])
            return self._election_suggestions(elections, row)
        if row.intent in (Intent.quotes, Intent.who_is):
            people = self.people or (
                [p for p in self.store.people.values() if p.id in self.store.quotes_by_speaker][:MAX_SUGGESTIONS]
                if fill
                else []
            )
            return [self._person_suggestion(p, row) for p in people]
        if "{" not in row.example.get(self.lang, "{"):
            return [Suggestion(question=row.example[self.lang], label=row.example[self.lang])]
        return []

    def _some_elections(self) -> list[Election]:
        return [e for e in list(self.store.elections.values())[:20] if e.votes_for is not None][:MAX_SUGGESTIONS]

    def _election_suggestions(self, elections: Iterable[Election], row: QuestionKind) -> list[Suggestion]:
        out = []
        for e in list(elections)[:MAX_SUGGESTIONS]:
            place = ", ".join(p for p in (e.city, e.state) if p)
            label = f"{e.label} ({e.employer}, {place})" if e.code else f"{e.employer}, {place}"
            out.append(Suggestion(question=row.example[self.lang].format(election=e.label), label=label))
        return out

    def _person_suggestion(self, p: Person, row: QuestionKind | None = None) -> Suggestion:
        name = (p.name_zh or p.name) if self.lang == "zh" else p.name
        template = (row or BY_NAME["who_is"]).example[self.lang]
        return Suggestion(question=template.format(person=name), label=f"{p.name} ({p.role.get(self.lang)})")


assert TABLE  # the table is loaded with the engine
