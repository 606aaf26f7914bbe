"""answer(question, store) -> Answer. Pure: no I/O, no Slack, no environment."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Literal

from bot import lexicon as lx
from bot.figures import derive
from bot.matcher import Analysis, analyse, index_for, is_cjk, normalise
from bot.models import (
    Answer,
    Election,
    Figure,
    Intent,
    Kind,
    Lang,
    ListFilter,
    Organisation,
    Outcome,
    Person,
    Quote,
    Source,
    Suggestion,
)
from bot.store import Store
from bot.textsearch import quote_index, terms

MAX_QUESTION = 500  # characters looked at; longer questions are answered from their start
MAX_QUOTES = 3
MAX_SUGGESTIONS = 3
MAX_LIST = 20  # elections shown in a list; the total is always given
WHO_SAID_COVERAGE = 0.6
FACET_KINDS = ("city", "region", "state", "employer", "union", "kind", "year")


class Cues:
    """What the question asks for, read from its wording; each cue is looked for only when needed."""

    def __init__(self, norm: str) -> None:
        self.norm = norm

    @cached_property
    def figure(self) -> Figure | None:
        return next((f for f, rx in lx.FIGURE_CUES if rx.search(self.norm)), None)

    def _has(self, pattern: lx.Pattern) -> bool:
        return pattern.search(self.norm) is not None

    did_win = cached_property(lambda self: self._has(lx.WIN_CUE))
    result = cached_property(lambda self: self._has(lx.RESULT_CUE))
    quotes = cached_property(lambda self: self._has(lx.QUOTE_CUE))
    who_said = cached_property(lambda self: self._has(lx.WHO_SAID_CUE))
    who_is = cached_property(lambda self: self._has(lx.WHO_IS_CUE))
    listing = cached_property(lambda self: self._has(lx.LIST_CUE))
    count = cached_property(lambda self: self._has(lx.COUNT_CUE))
    compare = cached_property(lambda self: self._has(lx.COMPARE_CUE))
    won = cached_property(lambda self: self._has(lx.WON_CUE))
    lost = cached_property(lambda self: self._has(lx.LOST_CUE))
    pending = cached_property(lambda self: self._has(lx.PENDING_CUE))

    @property
    def explicit(self) -> bool:
        return any((self.figure, self.did_win, self.result, self.quotes, self.who_is, self.listing, self.compare))


_ALL_CUES = (
    *(rx for _, rx in lx.FIGURE_CUES),
    lx.WIN_CUE, lx.RESULT_CUE, lx.QUOTE_CUE, lx.WHO_SAID_CUE, lx.WHO_IS_CUE, lx.LIST_CUE,
    lx.COUNT_CUE, lx.COMPARE_CUE, lx.WON_CUE, lx.LOST_CUE, lx.PENDING_CUE, lx.ROLE_WORDS,
)  # fmt: skip


def unexplained(leftover: Sequence[str]) -> list[str]:
    """Words of the question that neither name a record nor belong to the domain's vocabulary."""
    if all(not is_cjk(t) and (t in lx.STOPWORDS or t in lx.DOMAIN) for t in leftover):
        return []  # nothing to explain: no need to run (or compile) the cue patterns
    text = " ".join(leftover)
    for rx in _ALL_CUES:
        text = rx.sub(" ", text)
    words: list[str] = []
    for token in text.split():
        if is_cjk(token):
            rest = lx.ZH_DOMAIN.sub("", lx.ZH_FILLER.sub("", token))
            if len(rest) >= 2:
                words.append(rest)
        elif token not in lx.STOPWORDS and token not in lx.DOMAIN:
            words.append(token)
    return words


def answer(question: str, store: Store) -> Answer:
    question = question.strip()
    lang: Lang = "zh" if is_cjk(question) else "en"
    text = question[:MAX_QUESTION]
    if not normalise(text) or lx.HELP_CUE.match(normalise(text)):
        return help_answer(question, lang, store)
    return _Resolver(question, text, lang, store).resolve()


def help_answer(question: str, lang: Lang, store: Store) -> Answer:
    return Answer(question=question, kind=Kind.help, intent=Intent.help, lang=lang, examples=examples(store, lang))


def examples(store: Store, lang: Lang) -> tuple[str, ...]:
    """Example questions drawn from what the store holds."""
    tallied = [e for e in store.elections.values() if e.votes_for is not None]
    first = tallied[0] if tallied else next(iter(store.elections.values()), None)
    second = tallied[1] if len(tallied) > 1 else None
    person = next((p for p in store.people.values() if p.id in store.quotes_by_speaker), None)
    out: list[str] = []
    if lang == "zh":
        if first:
            out += [f"{first.label}投票结果", f"{first.label}的投票率"]
        if person:
            out.append(f"{person.name_zh or person.name}说了什么")
        out.append("工会输掉了哪些选举")
    else:
        if first:
            out += [f"{first.label} result", f"{first.label} turnout", f"Did the union win at {first.label}?"]
        if person:
            out.append(f"What did {person.name} say?")
        if first and second:
            out.append(f"{first.label} vs {second.label}")
        out.append("Which elections did the union lose?")
    return tuple(out)


class _Resolver:
    def __init__(self, question: str, text: str, lang: Lang, store: Store) -> None:
        self.question = question
        self.lang: Lang = lang
        self.store = store
        self.a: Analysis = analyse(text, store)
        self.cues = Cues(self.a.norm)

    @cached_property
    def extra(self) -> list[str]:
        return unexplained(self.a.leftover)

    # --- building answers --------------------------------------------------------

    def _answer(self, kind: Kind, intent: Intent, **fields: object) -> Answer:
        read = MAX_QUESTION if len(self.question) > MAX_QUESTION else None
        return Answer(question=self.question, kind=kind, intent=intent, lang=self.lang, read_chars=read, **fields)  # type: ignore[arg-type]

    def _sources(self, ids: Iterable[str]) -> tuple[Source, ...]:
        seen = dict.fromkeys(ids)
        found = [self.store.sources[i] for i in seen if i in self.store.sources]
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
        self,
        elections: Sequence[Election] = (),
        people: Sequence[Person] = (),
        *,
        unknown: str | None = None,
        unknown_kind: Literal["code", "speaker", "words"] = "words",
    ) -> Answer:
        suggestions = [self._election_suggestion(e) for e in elections]
        suggestions += [self._person_suggestion(p) for p in people]
        suggestions = suggestions[:MAX_SUGGESTIONS]
        kind = Kind.suggestions if suggestions else Kind.not_found
        return self._answer(
            kind,
            Intent.unknown,
            suggestions=tuple(suggestions),
            unknown=unknown or None,
            unknown_kind=unknown_kind if unknown else None,
            examples=examples(self.store, self.lang),
        )

    def _election_suggestion(self, e: Election) -> Suggestion:
        place = ", ".join(p for p in (e.city, e.state) if p)
        label = f"{e.label} ({e.employer}, {place})" if e.code else f"{e.employer}, {place}"
        question = f"{e.label}投票结果" if self.lang == "zh" else f"{e.label} result"
        return Suggestion(question=question, label=label)

    def _person_suggestion(self, p: Person) -> Suggestion:
        question = f"{p.name_zh or p.name}是谁" if self.lang == "zh" else f"Who is {p.name}?"
        return Suggestion(question=question, label=f"{p.name} ({p.role.get(self.lang)})")

    # --- resolution --------------------------------------------------------------

    def resolve(self) -> Answer:
        a, cues = self.a, self.cues
        people = [self.store.people[t.key] for t in a.targets("person")]
        orgs = [self.store.organisations[t.key] for t in a.targets("organisation")]
        direct = [self.store.elections[t.key] for t in a.targets("election")]

        if cues.who_said and not people:
            return self._who_said()
        if cues.quotes and (people or orgs or self._speaker_phrase()):
            return self._quotes(people, orgs, direct)
        if a.unknown_codes:
            return self._unknown_code(a.unknown_codes[0], direct)
        if (cues.listing or cues.count) and len(direct) != 1 and not people:
            return self._list(orgs)
        if len(direct) >= 2:
            return self._elections_answer(Intent.compare, direct[:4], figure=cues.figure)
        elections = direct or self._facet_elections()
        if len(elections) == 1 and not people:
            return self._one_election(elections[0], certain=bool(direct))
        if len(elections) > 1 and not people:
            return self._suggest(elections)
        if people and cues.quotes:
            return self._quotes(people, orgs, direct)
        if people and cues.figure and not cues.who_is:
            return self._suggest(people=people, unknown=" ".join(self.extra) or None)
        if people:
            return self._who_is(people)
        if orgs and (cues.who_is or lx.ROLE_WORDS.search(self.a.norm)):
            holders = [p for p in self._speakers([], orgs) if p in self.store.people]
            if holders:
                return self._who_is([self.store.people[p] for p in holders])
        if orgs:
            return self._organisation(orgs[0])
        if cues.quotes and direct:
            return self._quotes([], [], direct)
        near_people = [self.store.people[t.key] for t in a.near if t.kind == "person"]
        near_elections = [self.store.elections[t.key] for t in a.near if t.kind == "election"]
        return self._suggest(near_elections, near_people)

    @cached_property
    def _facet_positions(self) -> set[int] | None:
        """Positions of the elections every named facet kind allows (None when no facet is named)."""
        index = index_for(self.store)
        groups: dict[str, set[int]] = {}
        for target in self.a.targets(*FACET_KINDS):
            if target.kind in ("employer", "union") and self.a.targets("organisation"):
                continue  # "Amazon", "ALU": the organisation is meant, unless places narrow it
            groups.setdefault(target.kind, set()).update(index.members(target))
        if not groups:
            return None
        return set.intersection(*sorted(groups.values(), key=len))

    def _elections_at(self, positions: Iterable[int], limit: int) -> list[Election]:
        index = index_for(self.store)
        return [self.store.elections[index.order[p]] for p in heapq.nsmallest(limit, positions)]

    def _facet_elections(self) -> list[Election]:
        positions = self._facet_positions
        return self._elections_at(positions, MAX_SUGGESTIONS + 1) if positions else []

    def _one_election(self, e: Election, *, certain: bool) -> Answer:
        cues = self.cues
        allowed = 1 if cues.explicit else 0
        if len(self.extra) > allowed or (not certain and not cues.explicit and self.extra):
            return self._suggest([e], unknown=" ".join(self.extra))
        if cues.figure:
            return self._elections_answer(Intent.figure, [e], figure=cues.figure)
        if cues.did_win:
            return self._elections_answer(Intent.did_win, [e])
        if cues.quotes:
            return self._quotes([], [], [e])
        return self._elections_answer(Intent.result, [e])

    def _unknown_code(self, code: str, known: Sequence[Election]) -> Answer:
        index = index_for(self.store)
        near = [self.store.elections[index.codes[c]] for c in index.near_codes(code)]
        near += [e for e in known if e not in near]
        return self._suggest(near, unknown=code.upper(), unknown_kind="code")

    def _list(self, orgs: Sequence[Organisation]) -> Answer:
        if self.extra:
            return self._suggest(unknown=" ".join(self.extra))
        cues, index = self.cues, index_for(self.store)
        union = next((o.name for o in orgs if o.kind == "union"), None)
        employer = next((o.name for o in orgs if o.kind == "employer"), None)
        outcome: Outcome | None = None
        if cues.won and not cues.lost:
            outcome = Outcome.won
        elif cues.lost and not cues.won:
            outcome = Outcome.lost
        wanted: list[set[int]] = []
        if union:
            wanted.append(set(index.members(index.facet("union", union))))
        if employer:
            wanted.append(set(index.members(index.facet("employer", employer))))
        if outcome:
            wanted.append(set(index.outcome_members.get(outcome, ())))
        if cues.pending:
            wanted.append({p for o in (Outcome.pending, Outcome.undecided) for p in index.outcome_members.get(o, ())})
        facets = self._facet_positions
        if facets is not None:
            wanted.append(facets)
        positions: Iterable[int] = set.intersection(*sorted(wanted, key=len)) if wanted else range(len(index.order))
        total = len(positions)  # type: ignore[arg-type]
        years = [t.key for t in self.a.targets("year")]
        places = [
            hit.text for hit in self.a.hits if any(t.kind in ("city", "region", "state", "kind") for t in hit.targets)
        ]
        flt = ListFilter(
            union=union,
            employer=employer,
            outcome=outcome,
            pending=cues.pending,
            place=" ".join(places) or None,
            year=years[0] if years else None,
        )
        intent = Intent.how_many if cues.count else Intent.list
        return self._elections_answer(intent, self._elections_at(positions, MAX_LIST), list_filter=flt, total=total)

    # --- people, organisations, quotes ------------------------------------------

    def _who_is(self, people: Sequence[Person]) -> Answer:
        if len(self.extra) > 1:
            return self._suggest(people=people, unknown=" ".join(self.extra))
        shown = tuple(people[:MAX_SUGGESTIONS])
        orgs = dict.fromkeys(p.organisation for p in shown if p.organisation)
        return self._answer(
            Kind.answered,
            Intent.who_is,
            people=shown,
            organisations=tuple(self.store.organisations[o] for o in orgs),
            more_quotes=sum(len(self.store.quotes_by_speaker.get(p.id, ())) for p in shown),
            sources=self._sources(s for p in shown for s in p.sources),
        )

    def _organisation(self, org: Organisation) -> Answer:
        if len(self.extra) > 1:
            return self._suggest(unknown=" ".join(self.extra))
        index = index_for(self.store)
        positions = {
            p
            for kind, name in (("union", org.name), ("union", org.abbreviation), ("employer", org.name))
            if name
            for p in index.members(index.facet(kind, name))
        }
        elections = self._elections_at(positions, MAX_LIST)
        quotes = self.store.quotes_by_speaker.get(org.id, ())
        return self._answer(
            Kind.answered,
            Intent.organisation,
            organisations=(org,),
            elections=tuple(elections),
            derived=tuple(derive(e) for e in elections),
            total=len(positions),
            more_quotes=len(quotes),
            sources=self._sources(org.sources),
        )

    def _speaker_phrase(self) -> str | None:
        match = lx.SPEAKER_PHRASE.search(self.a.norm)
        if not match:
            return None
        phrase = next((g for g in match.groupdict().values() if g), None)
        if phrase is None:
            return None
        words = [w for w in phrase.split() if w not in lx.STOPWORDS and w not in lx.DOMAIN]
        if not words:
            return None
        # echo the words as the user wrote them ("Jeff Bezos", not "jeff bezos")
        written = re.search(r"\W+".join(re.escape(w) for w in words), self.question, re.IGNORECASE)
        return written.group(0) if written else " ".join(words)

    def _speakers(self, people: Sequence[Person], orgs: Sequence[Organisation]) -> list[str]:
        role = lx.ROLE_WORDS.search(self.a.norm)
        speakers = [p.id for p in people]
        for org in orgs:
            members = self.store.people_by_org.get(org.id, ())
            if role:
                speakers += [p.id for p in members if _same_role(role.group(0), p)]
            else:
                speakers.append(org.id)
                voices = [p.id for p in members if "spokes" in p.role.en.casefold()]
                if not voices and org.id not in self.store.quotes_by_speaker:
                    voices = [p.id for p in members]  # an organisation that speaks through its leaders
                speakers += voices
        return list(dict.fromkeys(speakers))

    def _quotes(self, people: Sequence[Person], orgs: Sequence[Organisation], elections: Sequence[Election]) -> Answer:
        speakers = self._speakers(people, orgs)
        if not speakers and not elections:
            return self._suggest(unknown=self._speaker_phrase(), unknown_kind="speaker")
        if speakers:
            pool = [q for s in speakers for q in self.store.quotes_by_speaker.get(s, ())]
        else:
            pool = [q for e in elections for q in self.store.quotes_by_election.get(e.id, ())]
        if not pool:
            return self._answer(
                Kind.not_found,
                Intent.quotes,
                people=tuple(people),
                organisations=tuple(orgs),
                elections=tuple(elections),
                examples=examples(self.store, self.lang),
            )
        ranked = self._rank(pool, elections)
        shown = ranked[:MAX_QUOTES]
        return self._answer(
            Kind.answered,
            Intent.quotes,
            quotes=tuple(shown),
            more_quotes=len(ranked) - len(shown),
            sources=self._sources(q.source for q in shown),
            **self._speaker_records(shown),
        )

    def _rank(self, pool: Sequence[Quote], elections: Sequence[Election]) -> list[Quote]:
        wanted = {e.id for e in elections}
        topic = terms(" ".join(w for w in self.a.leftover if not lx.QUOTE_CUE.fullmatch(w)))
        tweet = re.search(r"\btweet|推特|发推", self.a.norm) is not None
        index = quote_index(self.store)

        def score(q: Quote) -> float:
            s = 3.0 * len(wanted.intersection(q.elections))
            s += sum(index.idf(t) for t in topic & index.terms[q.id])
            if tweet and q.channel == "tweet":
                s += 2.0
            if q.lang == self.lang:
                s += 0.5
            return s

        scored = [(score(q), n, q) for n, q in enumerate(pool)]
        if any(s >= 1 for s, _, _ in scored) and (wanted or topic):
            scored = [item for item in scored if item[0] >= 1] or scored
        return [q for _, _, q in sorted(scored, key=lambda item: (-item[0], item[1]))]

    def _who_said(self) -> Answer:
        text = lx.WHO_SAID_CUE.sub(" ", " ".join(self.a.leftover))
        query = terms(text)
        if not query:
            return self._suggest()
        found = quote_index(self.store).search(query, WHO_SAID_COVERAGE)
        best = [self.store.quotes[qid] for cov, qid in found if cov >= found[0][0] - 0.01]
        if not best:
            return self._answer(
                Kind.not_found, Intent.who_said, unknown=text.strip(), examples=examples(self.store, self.lang)
            )
        shown = best[:MAX_QUOTES]
        return self._answer(
            Kind.answered,
            Intent.who_said,
            quotes=tuple(shown),
            more_quotes=len(best) - len(shown),
            sources=self._sources(q.source for q in shown),
            **self._speaker_records(shown),
        )

    def _speaker_records(self, quotes: Sequence[Quote]) -> dict[str, object]:
        ids = list(dict.fromkeys(q.speaker for q in quotes))
        return {
            "people": tuple(self.store.people[i] for i in ids if i in self.store.people),
            "organisations": tuple(self.store.organisations[i] for i in ids if i in self.store.organisations),
        }


def _same_role(asked: str, person: Person) -> bool:
    role = normalise(person.role.en + " " + (person.role.zh or ""))
    asked = normalise(asked)
    if asked.startswith("spokes") or asked == "发言人":
        return "spokes" in role or "发言人" in role
    if asked in lx.LEADER_WORDS:
        return lx.LEADER_ROLES.search(role) is not None
    return asked in role
