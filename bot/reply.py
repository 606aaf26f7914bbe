"""Building answers: the Answer values, their sources, and the questions offered when the bot is
not sure (drawn from the question table's examples and the records the store holds)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

from bot import aggregates
from bot.context import Context
from bot.figures import derive
from bot.intent import Scored, Verdict, is_off_topic, is_strange, judge, known_words, score
from bot.language import plain_words
from bot.lexicon import Pattern
from bot.matcher import Analysis
from bot.messages import person_name
from bot.models import Answer, Election, Intent, Kind, Lang, Person, Source, Suggestion
from bot.places import state_name, zh_name
from bot.store import Store
from bot.table import BY_NAME, QuestionKind

MAX_SUGGESTIONS = 3
PERSON_POINTING = Pattern(r"\b(he|she|him|his|her|hers|they|them|their)\b|他|她")
# "she", "his role", "他": one person, never an organisation, and the subject — not the topic ("about her", "关于她")
ONE_PERSON = Pattern(
    r"(?<!about )(?<!regarding )(?<!of )(?<!on )(?<!to )(?<!for )(?<!with )\b(he|she|his|her)\b|(?<!关于)(?<!对)(他|她)"
)
POINTING = Pattern(
    r"\b(it|its|that|there|this one|that one|that vote|that election|that group|them|they|their|he|she|his|her)\b|它|那里|那次|那场|那个|他|她"
)


# Words about a whole organisation, never one election ("how many employees does Amazon have worldwide?")
WHOLE = Pattern(r"\b(worldwide|globally|global|in the world|around the world|nationwide)\b|全球|全世界|世界各地|全国")


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


class Replies:
    """What every step of answering shares: the question as read, and how answers are built."""

    def __init__(
        self, question: str, asked: str | None, a: Analysis, lang: Lang, store: Store, context: Context | None
    ) -> None:
        self.question, self.asked, self.a, self.lang, self.store = question, asked, a, lang, store
        self.read = asked or plain_words(question)  # the words read, as written (names keep their capitals)
        self.context = context
        self.namesake: str | None = None  # a person named like one on file but with another first name
        self.instructed = False  # the message held instructions to the bot (dropped before reading)
        self.carried_role = ""  # a follow-up naming only records asks the role the last turn asked ("and the ALU?")
        self.elections = [store.elections[t.key] for t in a.targets("election")]
        self.people = [store.people[t.key] for t in a.targets("person")]
        self.orgs = [store.organisations[t.key] for t in a.targets("organisation")]
        if context and not self.people and not self.orgs:  # "what did he say?", "that group", "its president"
            people = [store.people[p] for p in context.people if p in store.people]
            orgs = [store.organisations[o] for o in context.organisations if o in store.organisations]
            if PERSON_POINTING.search(a.norm):  # he, she, they: a person, else the organisation that spoke
                self.people = people
                self.orgs = [] if people else orgs
            elif POINTING.search(a.norm):  # it, its, that group: the organisation, else the person
                self.orgs = orgs
                self.people = [] if orgs or context.elections else people
        elif context and not self.people and self.orgs and ONE_PERSON.search(a.norm):
            # "what is she doing for Amazon?": she is the last turn's person; Amazon only qualifies the question
            self.people = [store.people[p] for p in context.people if p in store.people]

    # --- the kind of question -----------------------------------------------------------

    @property
    def verdict_all(self) -> tuple[Scored, ...]:
        return score(self.a.template, self._carried)

    @cached_property
    def verdict(self) -> Verdict:
        return judge(self.verdict_all, elections=len(self.elections))

    @cached_property
    def _carried(self) -> str:
        """The placeholders the conversation can fill."""
        ctx = self.context
        if ctx is None:
            return ""
        held = (("E", ctx.elections), ("P", ctx.people), ("O", ctx.organisations))
        return "".join(slot for slot, records in held if records)

    @cached_property
    def _only_records(self) -> bool:
        """The question is nothing but names of records ("ALB1", "Chris Smalls"): no row to score."""
        return all(w in "EPOLY" for w in self.a.template.split())

    # --- building answers ---------------------------------------------------------------

    def _answer(self, kind: Kind, intent: Intent, **fields: object) -> Answer:
        return Answer(question=self.question, kind=kind, intent=intent, lang=self.lang, asked=self.asked, **fields)  # type: ignore[arg-type]

    def _sources(self, ids: Iterable[str]) -> tuple[Source, ...]:
        found = [self.store.sources[i] for i in dict.fromkeys(ids) if i in self.store.sources]
        return tuple(sorted(found, key=lambda s: s.published, reverse=True))

    def _elections_answer(
        self, intent: Intent, elections: Sequence[Election], *, kind: Kind = Kind.answered, **fields: object
    ) -> Answer:
        return self._answer(
            kind,
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
            if self.lang == "zh":
                city = (zh_name(e.city) or e.city) if e.city else ""
                about = f"{zh_name(e.employer) or e.employer}，{state_name(e.state, 'zh')}{city}"
                label = f"{e.label}（{about}）" if e.code else about
            else:
                place = ", ".join(p for p in (e.city, e.state) if p)
                label = f"{e.label} ({e.employer}, {place})" if e.code else f"{e.employer}, {place}"
            out.append(Suggestion(question=row.example[self.lang].format(election=e.label), label=label))
        return out

    def _person_suggestion(self, p: Person, row: QuestionKind | None = None) -> Suggestion:
        name = (p.name_zh or p.name) if self.lang == "zh" else p.name
        template = (row or BY_NAME["who_is"]).example[self.lang]
        label = f"{name}（{p.role.get('zh')}）" if self.lang == "zh" else f"{person_name(p, 'en')} ({p.role.get('en')})"
        return Suggestion(question=template.format(person=name), label=label)

    def _elections_for(self, row: QuestionKind) -> list[Election]:
        """The elections a row is asked about: named; else narrowed by place; else the last turn's."""
        if self.elections:
            return self.elections
        if self.a.targets("city", "region", "state", "kind", "year"):
            found = aggregates.first(aggregates.select(self.a, self.store), self.store, MAX_SUGGESTIONS + 1)
            earlier = set((*self.context.elections, *self.context.earlier)) if self.context else set()
            return [e for e in found if e.id in earlier] or found  # "the Staten Island one" of the last list
        if self.context and self.context.elections and not is_off_topic(self.a.template):
            # the last turn's elections, unless the question is about something else ("who won the Super Bowl?")
            return [self.store.elections[e] for e in self.context.elections if e in self.store.elections]
        return []

    def _ask_which(self, row: QuestionKind, known: Sequence[Election] = ()) -> Answer:
        """A kind of question without the record it needs (and no conversation to take it from).
        One about something else altogether ("who won the presidential election?") is not asked back."""
        if not known and (is_strange(self.a.template) or (self.orgs and WHOLE.search(self.a.norm))):
            return self._answer(
                Kind.not_found, Intent.unknown, unknown=self._unplaced(), examples=examples(self.store, self.lang)
            )
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
