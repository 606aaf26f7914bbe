"""Answers with quotes: a speaker's statements narrowed by election, channel, date, source and
topic (in either language), ranked, and offered elsewhere when none fit the election asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot import aggregates
from bot.intent import known_words
from bot.language import is_cjk
from bot.lexicon import DOMAIN, Pattern, words
from bot.models import (
    Answer,
    Channel,
    Election,
    Intent,
    Kind,
    Organisation,
    Person,
    Quote,
    Suggestion,
)
from bot.people import PeopleAnswers, silent
from bot.reply import MAX_SUGGESTIONS, POINTING, examples
from bot.speakers import channel_asked, date_asked, narrow, role_asked, sources_asked
from bot.table import QuestionKind
from bot.textsearch import quote_index, terms

MAX_QUOTES = 3
# Words about saying something, never its topic ("did Smalls mention dominoes?")
SAYING = words(
    "mention mentions mentioning raise raised raising talk talking discuss discussed discussing address addressed "
    "comments commented question questioned full text quote quoted quotes position stance view views words"
)
OTHER = Pattern(r"\b(else|other|another|more)\b|还说|另外|其他|别的")
# A topic named after "about"/"关于"; quotes shown must hold most of its weight (rare words count most).
TOPIC_NAMED = Pattern(
    r"\b(?:about|regarding|on the (?:topic|subject) of) (?P<t>.+)$|关于(?P<z>.+?)(?:说|讲|发|表示|有什么|有何|怎么|的言论|的声明|的推文|的看法|[?？]|$)"
)
TOPIC_COVERAGE = 0.6
ZH_VOTE_WORDS = Pattern(r"选举|投票|结果|工会|选票|计票|这次|那次|事|的话|的|呢|吗|了|什么")
COUNTED = {"en": "{n} statement(s)", "zh": "{n} 条言论"}
ABOUT_TEMPLATE = {"en": "What did {person} say about {election}?", "zh": "{person}对{election}说了什么"}


class QuoteAnswers(PeopleAnswers):
    """What people and organisations said, as the question narrows it."""

    def _quotes(self, row: QuestionKind, people: Sequence[Person]) -> Answer:
        speakers = self._speakers(people)
        described = self._describing(people)
        about = [e for e in self.elections if e not in described] or (
            [self.store.elections[e] for e in self.context.elections if e in self.store.elections]
            if self.context and POINTING.search(self.a.norm) and not described
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

    def _describing(self, people: Sequence[Person]) -> list[Election]:
        """Elections named only to describe the speaker ("the JFK8 organizer Justin Medina"): the
        election's label before a role word, in the role of the person named. Not what they spoke about."""
        out = []
        for e in self.elections:
            label = e.label.casefold()
            after = re.search(rf"\b{re.escape(label)}\s+(\w+)", self.a.norm)
            if after and role_asked(after.group(1)) and any(label in p.role.en.casefold() for p in people):
                out.append(e)
        return out

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
