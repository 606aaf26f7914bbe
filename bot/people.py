"""Answers about people and organisations: who someone is, who holds a role, and whose statements
a question asks for. Never a quote in the wrong mouth: speakers come from bot.speakers, which
reports a name or description it can't place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot import aggregates
from bot.figures import derive
from bot.intent import known_words
from bot.language import is_cjk
from bot.lexicon import Pattern
from bot.matcher import alias_key, index_for
from bot.messages import msg
from bot.models import (
    Answer,
    Channel,
    Intent,
    Kind,
    ListFilter,
    Organisation,
    Person,
    Quote,
)
from bot.names import unknown_name
from bot.reply import MAX_SUGGESTIONS, Replies
from bot.roles import role_owner
from bot.speakers import Speakers, holders, role_asked, role_index
from bot.store import Store
from bot.table import BY_NAME, QuestionKind
from bot.textsearch import terms

# Words after these are what was said, not who said it
TOPIC = re.compile(
    r"\b(?:about|regarding|concerning|on the subject of|whether|say|says|said|claims?|claimed|think|thinks|thought|believes?|insists?)\b|关于|有关|说|声称|表示|认为|觉得|指出|透露|披露"
)  # words after these are what was said, not who said it ("亚马逊说员工…": the workers are the topic)
SAME_PERSON = Pattern(
    r"\bsame (person|guy|man|woman|people|one)\b|\bdifferent (people|persons?)\b|同一个?人|是一个人|是不是一个人"
)
# The election's own sides as speakers: "what did the union say", "the company's response", "工会怎么说"
UNION_SPEAKS = Pattern(
    r"\b(did|does|has|had|would) the union (say|said|respond|react|tell|comment|post|tweet)|\b(from|by) the union\b|\bthe union'?s (reaction|response|statement|view|take|comments?)\b|工会(对.{1,12}?)?(怎么|如何|有什么|有何|的)?(说|表示|回应|看|反应|声明|评价)"
)
COMPANY_SPEAKS = Pattern(
    r"\b(did|does|has|had|would) (the company|the employer|management) (say|said|respond|react|tell|comment|post)|\b(from|by) (the company|the employer|management)\b|\b(the company|the employer)'?s (reaction|response|statement|view|take)\b|(公司|资方|雇主)(对.{1,12}?)?(怎么|如何|有什么|有何|的)?(说|表示|回应|看|反应|声明|评价)"
)
ROLE_NOUNS = {"runs": "leader", "leads": "leader", "heads": "head", "chairs": "chair", "speaks for": "spokesperson"}
MAX_LIST = 20


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
