"""Answers about people, organisations and what they said. Never a quote in the wrong mouth:
speakers come from bot.speakers, which reports a name or description it can't place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot import aggregates
from bot.figures import derive
from bot.intent import known_words
from bot.language import is_cjk
from bot.lexicon import DOMAIN, Pattern, words
from bot.matcher import alias_key, index_for
from bot.messages import msg
from bot.models import (
    Answer,
    Channel,
    Election,
    Intent,
    Kind,
    ListFilter,
    Organisation,
    Person,
    Quote,
    Suggestion,
)
from bot.reply import MAX_SUGGESTIONS, POINTING, Replies, examples
from bot.roles import role_owner
from bot.speakers import (
    Speakers,
    channel_asked,
    date_asked,
    holders,
    narrow,
    role_asked,
    role_index,
    sources_asked,
    unknown_name,
)
from bot.store import Store
from bot.table import BY_NAME, QuestionKind
from bot.textsearch import quote_index, terms

MAX_QUOTES = 3
# Words after these are what was said, not who said it ("亚马逊说员工…": the workers are the topic)
TOPIC = re.compile(
    r"\b(?:about|regarding|concerning|on the subject of|whether|say|says|said|claims?|claimed|think|thinks|thought|believes?|insists?)\b|关于|有关|说|声称|表示|认为|觉得|指出|透露|披露"
)
# Words about saying something, never its topic ("did Smalls mention dominoes?")
SAYING = words(
    "mention mentions mentioning raise raised raising talk talking discuss discussed discussing address addressed "
    "comments commented question questioned full text quote quoted quotes position stance view views words"
)
# The election's own sides as speakers: "what did the union say", "the company's response", "工会怎么说"
UNION_SPEAKS = Pattern(
    r"\b(did|does|has|had|would) the union (say|said|respond|react|tell|comment|post|tweet)|\b(from|by) the union\b|\bthe union'?s (reaction|response|statement|view|take|comments?)\b|工会(怎么|如何|有什么|有何|的)?(说|表示|回应|看|反应|声明)"
)
COMPANY_SPEAKS = Pattern(
    r"\b(did|does|has|had|would) (the company|the employer|management) (say|said|respond|react|tell|comment|post)|\b(from|by) (the company|the employer|management)\b|\b(the company|the employer)'?s (reaction|response|statement|view|take)\b|(公司|资方|雇主)(怎么|如何|有什么|有何|的)?(说|表示|回应|看|反应|声明)"
)
SAME_PERSON = Pattern(
    r"\bsame (person|guy|man|woman|people|one)\b|\bdifferent (people|persons?)\b|同一个?人|是一个人|是不是一个人"
)
OTHER = Pattern(r"\b(else|other|another|more)\b|还说|另外|其他|别的")
ROLE_NOUNS = {"runs": "leader", "leads": "leader", "heads": "head", "chairs": "chair", "speaks for": "spokesperson"}
MAX_LIST = 20
# A topic named after "about"/"关于"; quotes shown must hold most of its weight (rare words count most).
TOPIC_NAMED = Pattern(
    r"\b(?:about|regarding|on the (?:topic|subject) of) (?P<t>.+)$|关于(?P<z>.+?)(?:说|讲|发|表示|有什么|有何|怎么|的言论|的声明|的推文|的看法|[?？]|$)"
)
TOPIC_COVERAGE = 0.6
ZH_VOTE_WORDS = Pattern(r"选举|投票|结果|工会|选票|计票|这次|那次|事|的话|的|呢|吗|了|什么")
COUNTED = {"en": "{n} statement(s)", "zh": "{n} 条言论"}
ABOUT_TEMPLATE = {"en": "What did {person} say about {election}?", "zh": "{person}对{election}说了什么"}


def silent(q: Quote) -> bool:
    """The source saying the speaker did not respond: its words, never counted as a statement."""
    return q.channel is Channel.no_response


def statements(store: Store, speaker: str) -> int:
    return sum(not silent(q) for q in store.quotes_by_speaker.get(speaker, ()))


class PeopleAnswers(Replies):
    def _who_is(self, row: QuestionKind) -> Answer:
        people = list(self.people)
        role = role_asked(self.a.norm) or role_asked(self.carried_role)
        if not people and self.orgs:
            if role is None:
                return self._organisation(BY_NAME["organisation"])
            owner = role_owner(self.read, self.a, self.orgs, role[1])
            org = owner.org or self.orgs[0]
            people = [] if owner.unknown else holders(org, role[0], self.store)
            scoped = bool(people and self.elections)
            if scoped:  # "Amazon's spokesperson on LDJ5": the one(s) tied to it, never every holder
                people = self.tied(people)
            if not people:  # "Who is Amazon's CEO?": no one on file holds that role
                described = owner.unknown or self._described(org, role[1])
                return self._answer(
                    Kind.not_found,
                    Intent.who_is,
                    row=row.name,
                    unknown=self.scoped(described) if scoped else described,
                    elections=tuple(self.elections),
                    unknown_kind="speaker",
                    organisations=(self.orgs[0],),
                )
        if not people and not self.orgs:
            people = self.described_people()  # "Who is leading the racial equity audit?"
        if not people:
            stranger = unknown_name(self.read, self.a, known=known_words())
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
        names = self._names_used(shown) if SAME_PERSON.search(self.a.norm) else ()
        return self._answer(
            Kind.answered,
            Intent.who_is,
            row=row.name,
            people=shown,
            organisations=tuple(self.store.organisations[o] for o in orgs),
            elections=tuple(self.elections),  # "ALB1's spokesperson": a follow-up is about ALB1
            role=role[1] if role else None,
            more_quotes=sum(statements(self.store, p.id) for p in shown),
            sources=self._sources(s for p in shown for s in p.sources),
            names=names,
        )

    def _names_used(self, people: Sequence[Person]) -> tuple[str, ...]:
        """The names the question calls the people shown by, as the store writes them."""
        wanted = {p.id for p in people}
        names: list[str] = []
        for hit in self.a.hits:
            for target in hit.targets:
                if target.kind == "person" and target.key in wanted:
                    p = self.store.people[target.key]
                    names += [n for n in (p.name, p.name_zh, *p.aliases) if n and alias_key(n) == hit.text]
        return tuple(dict.fromkeys(names))

    def scoped(self, described: str) -> str:
        """A description in the scope of the elections asked: "Amazon's spokesperson on Bessemer"."""
        labels = (
            "、".join(e.label for e in self.elections)
            if self.lang == "zh"
            else " and ".join(e.label for e in self.elections)
        )
        return f"{labels}的{described}" if self.lang == "zh" else f"{described} on {labels}"

    def tied(self, people: Sequence[Person]) -> list[Person]:
        """Of the people holding a role, those tied to the elections asked about: their role names
        one, or they spoke about one. Never every holder of the role."""
        wanted = {e.id for e in self.elections}
        labels = [e.label.casefold() for e in self.elections if e.code]

        def about(p: Person) -> bool:
            role = (p.role.en + " " + (p.role.zh or "")).casefold()
            said = self.store.quotes_by_speaker.get(p.id, ())
            return any(label in role for label in labels) or any(
                wanted.intersection(q.elections) for q in said if not silent(q)
            )

        return [p for p in people if about(p)]

    def described_people(self) -> list[Person]:
        """People whose role the question's own words describe (most of its words, at least two)."""
        asked = terms(" ".join(w for w in self.a.leftover if w not in ("who", "is", "was", "the", "谁", "是谁")))
        if len(asked) < 2:
            return []
        return [self.store.people[pid] for pid in role_index(self.store).described(asked)]

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
            more_quotes=statements(self.store, org.id),
            sources=self._sources(org.sources),
        )

    def _speakers(self, people: Sequence[Person]) -> Speakers:
        """Whose statements are asked for. A name or description the store can't place is never
        replaced by someone else's."""
        if people:
            return Speakers(tuple(p.id for p in people))
        role = role_asked(
            TOPIC.split(self.a.norm, maxsplit=1)[0]
        )  # "Amazon … about workers' rights": workers are the topic
        owner = role_owner(self.read, self.a, self.orgs, role[1]) if role is not None else None
        if owner is not None and owner.unknown:  # "劳联-产联主席" with nobody on file for it: no one else's words
            return Speakers((), unknown=owner.unknown)
        if self.orgs:
            org = owner.org if owner is not None and owner.org else self.orgs[0]
            if role is not None:
                found = holders(org, role[0], self.store)
                return (
                    Speakers(tuple(p.id for p in found))
                    if found
                    else Speakers((), unknown=self._described(org, role[1]))
                )
            return self._voices(org)
        if role is not None:
            stranger = unknown_name(self.read, self.a, known=known_words()) or self.role_described(role[1])
            found = holders(None, role[0], self.store, described=stranger)
            return (
                Speakers(tuple(p.id for p in found)) if found else Speakers((), unknown=self._described(None, role[1]))
            )
        side = self._side_speaking()
        if side is not None:
            return side
        if self.context and self.context.people and not self.elections:
            return Speakers(self.context.people)
        return Speakers(())

    def role_described(self, role: str) -> str:
        """Words the engine doesn't know just before the role asked, however written ("the harvard
        professor", "the sf state professor"): who is described, never ignored."""
        head = self.a.norm.split(role, 1)[0].split()[-3:]
        return " ".join(w for w in head if w.isalpha() and not is_cjk(w) and w not in known_words())

    def _voices(self, org: Organisation) -> Speakers:
        """An organisation and the people who speak for it (its spokespeople, else all its people)."""
        members = self.store.people_by_org.get(org.id, ())
        voices = [p.id for p in members if "spokes" in p.role.en.casefold()]
        if not voices and org.id not in self.store.quotes_by_speaker:
            voices = [p.id for p in members]  # an organisation that speaks through its leaders
        return Speakers((org.id, *voices))

    def _side_speaking(self) -> Speakers | None:
        """ "What did the union say after LDJ5?", "the company's response": the election's union or
        employer as the speaker — never whoever else was quoted about it."""
        if not self.elections:
            return None
        union, company = UNION_SPEAKS.search(self.a.norm), COMPANY_SPEAKS.search(self.a.norm)
        if not (union or company):
            return None
        names = {(e.union if union else e.employer) or "" for e in self.elections}
        names = {n.casefold() for n in names if n}
        orgs = [
            o
            for o in self.store.organisations.values()
            if o.name.casefold() in names or (o.abbreviation or "").casefold() in names
        ]
        if not orgs:
            return Speakers((), unknown=msg(self.lang, "union_side" if union else "company_side"))
        ids = tuple(dict.fromkeys(i for o in orgs for i in self._voices(o).ids))
        return Speakers(ids)

    def _described(self, org: Organisation | None, role: str) -> str:
        """An unknown speaker as described: "Amazon's CEO", "亚马逊的创始人", "the founder"."""
        role = ROLE_NOUNS.get(role, role)  # "who runs the NLRB" asks for its leader
        written = re.search(re.escape(role), self.read, re.IGNORECASE)
        role = written.group(0) if written else role
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
        if not about and self.a.targets("city", "region", "state", "kind"):  # "at the Staten Island rally"
            about = aggregates.first(aggregates.select(self.a, self.store), self.store, MAX_QUOTES + 1)
        channel = channel_asked(self.a.norm)
        if speakers.unknown:
            return self._answer(
                Kind.not_found,
                Intent.quotes,
                row=row.name,
                unknown=speakers.unknown,
                unknown_kind="speaker",
                examples=examples(self.store, self.lang),
            )
        if not speakers.ids and not about and not channel:
            return self._ask_which(row)
        if speakers.ids:
            pool = [q for s in speakers.ids for q in self.store.quotes_by_speaker.get(s, ())]
        elif about:  # a quote about two of them is one quote
            pool = list(dict.fromkeys(q for e in about for q in self.store.quotes_by_election.get(e.id, ())))
        else:  # "who spoke at the rally?": everything said in that way
            pool = list(self.store.quotes.values())
        date, weekday = date_asked(self.a.norm)
        narrowed = narrow(pool, self.store, channel, date, weekday)
        if channel is Channel.statement and not self._on_topic(narrowed):
            # "statement" is also what people call anything said: the topic asked decides
            anyhow = narrow(pool, self.store, None, date, weekday)
            narrowed = [q for q in anyhow if q in narrowed or self._on_topic([q])] or narrowed
        named_sources = sources_asked(self.a.norm, self.store)
        if named_sources:
            narrowed = [q for q in narrowed if q.source in named_sources]
        topic = self._topic_asked()
        explicit = bool(topic)  # "他还说了什么关于组织", "what else did he say about dominoes": only quotes holding it
        topic = topic or self._topic_words()  # "any comment from Amazon on injuries?": words the engine doesn't know
        if explicit:
            narrowed = self._holding(topic, narrowed)
        if self.context and self.context.quotes and OTHER.search(self.a.norm):  # "what else did they say?"
            rest = [q for q in narrowed if q.id not in self.context.quotes]
            narrowed = rest or (narrowed if explicit else rest)  # "… about Starbucks": the one shown holds it
        named = tuple(self.store.people[s] for s in speakers.ids if s in self.store.people)
        named_orgs = tuple(self.store.organisations[s] for s in speakers.ids if s in self.store.organisations)
        elsewhere: list[Quote] = []
        scoped = bool(self.elections) or bool(self.context and self.context.intent not in ("quotes", "who_said"))
        if about and speakers.ids and scoped:  # never a speaker's words about another election than the one asked
            wanted = {e.id for e in about}
            # words on the topic asked that name no election are kept ("Amazon on injuries at ALB1")
            on_topic = set(self._holding(topic, narrowed)) if topic else set()
            kept = [q for q in narrowed if wanted.intersection(q.elections) or (q in on_topic and not q.elections)]
            elsewhere = [q for q in narrowed if q not in kept and not silent(q)]
            narrowed = kept
        if topic and not explicit:  # a topic guessed from unknown words narrows only when some quote holds it
            narrowed = self._holding(topic, narrowed) or narrowed
        if not narrowed:
            return self._answer(
                Kind.not_found,
                Intent.quotes,
                row=row.name,
                people=named,
                organisations=named_orgs[:1] if not named else (),
                elections=tuple(about),
                channel=channel if pool else None,
                suggestions=self._elsewhere(row, elsewhere),  # their other statements, offered, never shown
                examples=examples(self.store, self.lang),
            )
        ranked = self._rank(narrowed, about)
        asked = tuple(s for s in speakers.ids if s in self.store.people)
        return self._quotes_answer(
            Intent.quotes, ranked, row.name, channel=channel, speakers=asked, elections=tuple(about), asked=named_orgs
        )

    def _elsewhere(self, row: QuestionKind, quotes: Sequence[Quote]) -> tuple[Suggestion, ...]:
        """The elections a speaker did speak about, as questions ("What did Chris Smalls say about
        ALB1?" — 2 statements): offered, their words never shown as the answer."""
        counts: dict[tuple[str, str], int] = {}
        for q in quotes:
            for e in q.elections:
                counts[(q.speaker, e)] = counts.get((q.speaker, e), 0) + 1
        out = []
        for (speaker_id, election_id), n in counts.items():
            speaker = self.store.people.get(speaker_id) or self.store.organisations.get(speaker_id)
            election = self.store.elections.get(election_id)
            if speaker is None or election is None:
                continue
            name = (speaker.name_zh or speaker.name) if self.lang == "zh" else speaker.name
            asked = ABOUT_TEMPLATE[self.lang].format(person=name, election=election.label)
            out.append(Suggestion(question=asked, label=COUNTED[self.lang].format(n=n)))
        return tuple(out[:MAX_SUGGESTIONS])

    def _topic_asked(self) -> set[str]:
        """The topic a question names after "about"/"关于" (records and the question's own words aside)."""
        found = TOPIC_NAMED.search(self.a.template)
        if not found:
            return set()
        asked = re.sub(
            r"\b[EPOLY]\b|[EPOLY](?=[^a-z])|说了什么|说什么|说过|说了|讲了什么",
            " ",
            found.group("t") or found.group("z") or "",
        )
        asked = ZH_VOTE_WORDS.sub(" ", asked)
        return terms(" ".join(w for w in asked.split() if w not in DOMAIN and w not in known_words()))

    def _holding(self, topic: set[str], quotes: Sequence[Quote]) -> list[Quote]:
        """The quotes holding most of the topic's weight (a glossary word counts, in either language)."""
        held = quote_index(self.store).holding(topic, [q.id for q in quotes], TOPIC_COVERAGE)
        return [self.store.quotes[qid] for qid, _ in held]

    def _topic_words(self) -> set[str]:
        """The question's Latin words that no phrasing, cue or word list knows: what it is about."""
        unknown = [w for w in self.a.leftover if w.isalpha() and not is_cjk(w) and w not in known_words()]
        return terms(" ".join(w for w in unknown if w not in SAYING))

    def _on_topic(self, pool: Sequence[Quote]) -> bool:
        """Whether any of the quotes holds one of the question's own rarer words (its topic)."""
        index = quote_index(self.store)
        topic = terms(" ".join(self.a.leftover))
        return any(index.idf(t) >= 1 for q in pool for t in topic if index.holds(q.id, t))

    def _rank(self, pool: Sequence[Quote], elections: Sequence[Election]) -> list[Quote]:
        """Quotes about the elections and the topic words asked first; in the reply's language first."""
        wanted = {e.id for e in elections}
        topic = terms(" ".join(w for w in self.a.leftover))
        index = quote_index(self.store)

        def weight(q: Quote) -> float:
            s = 3.0 * len(wanted.intersection(q.elections))
            s += sum(index.idf(t) for t in topic if index.holds(q.id, t))
            return s + (0.5 if q.lang == self.lang else 0.0)

        if wanted:  # never a quote about another election than the one named
            pool = [q for q in pool if not q.elections or wanted.intersection(q.elections)] or list(pool)
        scored = [(weight(q), n, q) for n, q in enumerate(pool)]
        if any(s >= 1 for s, _, _ in scored) and (wanted or topic):
            scored = [item for item in scored if item[0] >= 1] or scored
        # a "did not respond" is the source's words, not a statement: after everything said
        return [q for _, _, q in sorted(scored, key=lambda item: (silent(item[2]), -item[0], item[1]))]

    def _quotes_answer(
        self, intent: Intent, quotes: Sequence[Quote], row: str, *, asked: Sequence[Organisation] = (), **fields: object
    ) -> Answer:
        """The quotes shown, their speakers, and the organisations asked (a follow-up asks them again)."""
        shown = list(quotes)[:MAX_QUOTES]
        ids = list(dict.fromkeys([q.speaker for q in shown] + [o.id for o in asked]))
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
