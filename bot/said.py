"""Steps about people and what they said: "who said <words>" (searched in the quotes), a speaker
the store doesn't know, a person described by their role, "when did he say it?", a speaker named
with an election, and a topic follow-up. Never a quote in the wrong mouth."""

from __future__ import annotations

from collections.abc import Sequence

from bot.intent import ANSWER, known_words
from bot.language import (
    is_cjk,
)
from bot.lexicon import Pattern
from bot.matcher import normalise
from bot.models import Answer, Channel, Intent, Kind, Organisation, OrgKind, Person, Quote
from bot.names import ZH_SAYING, unknown_name
from bot.quotes import TOPIC_COVERAGE, QuoteAnswers
from bot.reply import MAX_SUGGESTIONS, POINTING, examples
from bot.roles import role_owner
from bot.speakers import channel_asked, holders, narrow, role_asked
from bot.table import BY_NAME
from bot.textsearch import quote_index, terms

WHO_SAID_COVERAGE = 0.6
WHO_SAID_COVERAGE_QUOTED = 0.8  # words the question puts in quotation marks
VAGUE = frozenset({"someth", "anyth", "thing", "stuff", "word"})  # "who said something about …" (stemmed)
WHO_SAID_COVERAGE_CJK = 0.4  # Chinese is searched by character pairs, many of which the question's own wording adds
# Words of a turn that only names records: "and LDJ5?", "ALB1 too", "what about the Albany one", "那LDJ5呢"
FOLLOW_UP_FILLER = Pattern(
    r"\b(and|also|too|what|how|about|at|for|in|on|the|one|same|then|so|ok|okay|please|pls|i|mean|of|with|as|well)\b|呢|那么|那|还有|也|的|怎么样|如何|我说的是|我是说|我指的是|是说"
)
WHO_ASKS = Pattern(r"^(who|whose|which (person|people|one)|谁|哪位|是谁)\b|^(谁|哪位|是谁)|是谁|叫什么|是哪位")
NAME_ASKS = Pattern(r"^what\b.*\bname\b|叫什么名字")  # "what's that spokesperson's name?"
WHEN_SAID = Pattern(
    r"\bwhen (did|was|were) (he|she|they|it|that|this|\w+) (say|said|tweet|tweeted|post|posted|tell|write|written|make|made)\b|什么时候说的|何时说的|哪天说的|什么时候发的|什么时候讲的"
)
# A question about who someone is that asks for their words too ("who was …, and what did he say?")
SAID_TOO = Pattern(
    r"\b(and|&) what (did|does|has) (he|she|they|it) (say|said|tell|told)\b|(他|她|它)说了什么|(他|她)怎么说"
)
# A turn asking the last speaker about another topic: "and about safety?", "what about hiring?", "那关于招聘呢"
ABOUT_AGAIN = Pattern(r"^(and|what|how|so|ok|also)( (what|how))? about\b|^(那|还有|那么)?关于")
WHICH = Pattern(r"^which\b|^哪(个|位|一位)")  # "which Amazon spokesperson spoke about ALB1?": a role's holder
# The side a role is on when no organisation is named: "the union's spokesperson", "公司发言人"
UNION_SIDE = Pattern(r"\bunions?(?:'s|s')?\s*$|工会的?$")
COMPANY_SIDE = Pattern(r"\b(?:company|employer|management)(?:'s)?\s*$|(?:公司|资方|雇主)的?$")
SIDES = {"union": (OrgKind.union, OrgKind.federation), "company": (OrgKind.employer,)}
ZH_SAYS = Pattern(ZH_SAYING)  # whatever the question's best row ("…的结果发表了什么评论")
THIS = Pattern(r"\b(this|that|the same)\b|这个|这位|那个|那位|该")
FRAGMENT = Pattern(r"[“\"「『‘](.+?)[”\"」』’]")  # words put in quotation marks
SPEAKER_ON = Pattern(r"\b(on|about|re|regarding|over)\b|关于|谈|论")
WHO_SAID_WORDS = Pattern(
    r"\b(who|which (\w+ )?(person|people|expert|professor|official|worker|leader|spokes\w+|one)) (said|says|tweeted|wrote|stated|called|described|told|posted|reported|found|claimed|argued|warned|predicted|mentioned|talked|expected|complained|praised|critici[sz]ed|blamed|accused|noted|raised|promised|pledged|vowed)\b|\bwhose (words|quote|tweet)\b|\bwho is quoted( saying)?\b|\b(did|has|have) (anyone|anybody|someone|somebody) (say|said|mention|mentioned|talk|talked|tweet|tweeted|comment|commented)\b|有人(说过|提到|谈到|提起)|是谁说的|谁说过?|谁发推说?|谁表示|是谁讲的|谁讲过?|谁提到"
)


class Said(QuoteAnswers):
    """What was said and who said it: the steps that read a question about quotes and speakers."""

    def _who_said(self) -> Answer | None:
        if self.people:
            return None
        asks = WHO_SAID_WORDS.search(self.a.norm) is not None
        if not asks and not WHO_ASKS.search(self.a.norm):
            return None
        query = terms(WHO_ASKS.sub(" ", WHO_SAID_WORDS.sub(" ", " ".join(self.a.leftover)))) - VAGUE
        if asks and self.context and self.context.quotes and POINTING.search(self.a.norm):  # "who said that one?"
            quotes = [self.store.quotes[q] for q in self.context.quotes[:1] if q in self.store.quotes]
            return self._quotes_answer(Intent.who_said, quotes, "who_said") if quotes else None
        if not query or (not asks and len(query) < 3):  # "who won at JFK8" is not a quote search
            return None
        verbatim = self._verbatim()
        if verbatim:  # 谁在推特上说“声援”ALU, who said "voices heard": the quoted words, as written
            return self._quotes_answer(Intent.who_said, verbatim, "who_said")
        cjk = is_cjk(" ".join(self.a.leftover))
        coverage = WHO_SAID_COVERAGE_CJK if cjk else WHO_SAID_COVERAGE
        fragments = terms(" ".join(m.group(1) for m in FRAGMENT.finditer(self.read)))
        if fragments:  # quoted words no statement holds as written: only a near-complete paraphrase will do
            query, coverage = fragments, WHO_SAID_COVERAGE_QUOTED
            if len(query) < 2:
                return self._answer(
                    Kind.not_found, Intent.who_said, row="who_said", examples=examples(self.store, self.lang)
                )
        index = quote_index(self.store)
        needed = min(2, len(query))  # one shared word is no match, however rare ("would win" ≠ "after the win")
        found = [(cov, qid) for cov, qid in index.search(query, coverage) if index.shared(query, qid) >= needed]
        quotes_row = BY_NAME["quotes"]
        if not found and self.elections and next(s for s in self.verdict_all if s.row is quotes_row).cue:
            return self._quotes(quotes_row, [])  # "who reacted on Twitter to the LDJ5 result?": what was said about it
        if not found and not asks:
            return None
        role = role_asked(self.a.norm) if WHICH.search(self.a.norm) else None
        if role:  # "which Amazon spokesperson talked about injuries?": only what a holder of the role said
            orgs: list[Organisation | None] = [*self.orgs] or [None]
            holding = {p.id for org in orgs for p in holders(org, role[0], self.store)}
            found = [(cov, qid) for cov, qid in found if self.store.quotes[qid].speaker in holding]
        best = [self.store.quotes[qid] for cov, qid in found if cov >= found[0][0] - 0.01] if found else []
        if len(best) > 1:  # a tie on the words: the names the question gives too ("at stake for Amazon") settle it
            named = terms(self.a.norm) - terms(" ".join(self.a.leftover))
            best = [q for q in best if named & index.terms[q.id]] or best
        if not best:
            return self._answer(
                Kind.not_found, Intent.who_said, row="who_said", examples=examples(self.store, self.lang)
            )
        return self._quotes_answer(Intent.who_said, best, "who_said")

    def _verbatim(self) -> list[Quote]:
        """Quotes holding every fragment the question puts in quotation marks (in their words or
        their translation), narrowed by the channel asked ("on Twitter")."""
        fragments = [normalise(m.group(1)) for m in FRAGMENT.finditer(self.read)]
        fragments = [f for f in fragments if len(f) >= (2 if is_cjk(f) else 4)]
        if not fragments:
            return []
        found = [
            q
            for q in self.store.quotes.values()
            if all(f in normalise(q.text + " " + (q.translation or "")) for f in fragments)
        ]
        return narrow(found, self.store, channel_asked(self.a.norm), None, None) or found

    def _stranger(self) -> Answer | None:
        if self.namesake:  # "What did Jim Logan say?": not John Logan, and nobody on file
            intent = Intent.who_is if self.verdict.best.row.intent is Intent.who_is else Intent.quotes
            return self._answer(Kind.not_found, intent, row=intent.value, unknown=self.namesake, unknown_kind="speaker")
        if self.people or self._only_records:
            return None
        intent = self.verdict.best.row.intent  # a name the store lacks is an unknown word too: its cue suffices
        if intent not in (Intent.quotes, Intent.who_is) and ZH_SAYS.search(self.a.norm):
            intent = Intent.quotes  # "马斯克对ALB1的结果发表了什么评论": what someone said about the result
        elif intent not in (Intent.quotes, Intent.who_is) or not (self.verdict.plausible or self.verdict.best.cue):
            return None
        text = self.read
        role = role_asked(self.a.norm)
        stranger = unknown_name(text, self.a, known=known_words())
        shown = stranger
        if not stranger and role:  # "the harvard professor": described in words the engine doesn't know
            stranger = self.role_described(role[1])
            shown = f"{stranger}{role[1]}" if self.lang == "zh" else f"the {stranger} {role[1]}"
        if not stranger:
            return None
        if intent is Intent.who_is and self.described_people():
            return None  # "Who is leading the racial equity audit?": described by their role
        described = holders(None, role[0], self.store, described=stranger) if role and not self.orgs else []
        if intent is Intent.quotes and 0 < len(described) <= MAX_SUGGESTIONS:
            return self._quotes(BY_NAME["quotes"], described)  # "what did the San Francisco State professor say"
        if role is not None and (self.orgs or described):
            return None  # "the NLRB chair", "the SF State professor": a description, read through roles
        if self.orgs and text.find(stranger) > min(text.casefold().find(o.name.casefold()) % 10_000 for o in self.orgs):
            return None  # the organisation comes first: the unknown words are about something else
        return self._answer(
            Kind.not_found, intent, row=self.verdict.best.row.name, unknown=shown, unknown_kind="speaker"
        )

    def _described_person(self) -> Answer | None:
        role = role_asked(self.a.norm)
        asks = WHO_ASKS.search(self.a.norm) or NAME_ASKS.search(self.a.norm) or (role and WHICH.search(self.a.norm))
        if self.people or not asks or WHO_SAID_WORDS.search(self.a.norm):
            return None
        if self.orgs:  # "the ALU's treasurer", "who … now leads the ALU?": a role in an organisation named
            if role is None:  # "who is leading Amazon's racial equity audit?": described by their role's words
                ids, names = {o.id for o in self.orgs}, [o.name.casefold() for o in self.orgs]
                found = [
                    p
                    for p in self.described_people()
                    if p.organisation in ids or any(n in p.role.en.casefold() for n in names)
                ]
                if not found or len(found) > MAX_SUGGESTIONS:
                    return None
                self.people = found
                return self._who_is(BY_NAME["who_is"])
            if len(self.orgs) == 1 and self.elections:  # "who spoke for Amazon on LDJ5?": the one(s) tied to it
                found_is = self._who_is(BY_NAME["who_is"])
                if found_is.people and SAID_TOO.search(self.a.norm):  # "… and what did he say?": their words
                    self.people = list(found_is.people)
                    return self._quotes(BY_NAME["quotes"], self.people)
                return found_is
            owner = role_owner(self.read, self.a, self.orgs, role[1])
            if owner.unknown:  # "劳联-产联主席是谁" with no such organisation on file: nobody else
                return self._answer(
                    Kind.not_found, Intent.who_is, row="who_is", unknown=owner.unknown, unknown_kind="speaker"
                )
            owners = [owner.org] if owner.org else self.orgs
            found = list(dict.fromkeys(p for org in owners for p in holders(org, role[0], self.store)))
            described = set(self.described_people())
            if len(found) > 1 and described & set(found):
                found = [p for p in found if p in described]
        else:
            found = holders(None, role[0], self.store) if role else self.described_people()
            if role:  # "工会发言人是谁": the union's, never the company's spokespeople
                found = self._on_side(found, self.a.norm[: self.a.norm.find(role[1])])
        if found and self.context and THIS.search(self.a.norm):
            # "这个发言人叫什么名字", "that spokesperson": the holder whose words were just shown, else
            # the one the conversation was about
            shown = {self.store.quotes[q].speaker for q in self.context.quotes if q in self.store.quotes}
            found = [p for p in found if p.id in shown] or [p for p in found if p.id in self.context.people] or found
        if len(found) > 1:  # "the Amazon spokesperson quoted about injuries": the one who spoke on it
            found = self.spoke_on_topic(found) or found
        if role and found and self.elections:  # "the LDJ5 treasurer", "ALB1的发言人": the holder(s) tied to it
            found = self.tied(found)
            if not found:
                return self._answer(
                    Kind.not_found,
                    Intent.who_is,
                    row="who_is",
                    unknown=self.scoped(self._described(None, role[1])),
                    unknown_kind="speaker",
                    elections=tuple(self.elections),
                )
        if not found or len(found) > MAX_SUGGESTIONS:
            return None
        self.people = found
        if SAID_TOO.search(self.a.norm):  # "… and what did he say?": their words, on the topic asked
            return self._quotes(BY_NAME["quotes"], found)
        return self._who_is(BY_NAME["who_is"])

    def _on_side(self, people: Sequence[Person], before: str) -> list[Person]:
        """The people of the side ("union", "company") written just before a role; all when none is."""
        side = "union" if UNION_SIDE.search(before) else "company" if COMPANY_SIDE.search(before) else None
        if side is None:
            return list(people)
        orgs = self.store.organisations
        return [
            p for p in people if p.organisation and p.organisation in orgs and orgs[p.organisation].kind in SIDES[side]
        ]

    def spoke_on_topic(self, people: Sequence[Person]) -> list[Person]:
        """Of the people, those with a statement on the topic the question names."""
        topic = self._topic_asked() or self._topic_words()
        if not topic:
            return []
        index = quote_index(self.store)
        said = {p.id: [q.id for q in self.store.quotes_by_speaker.get(p.id, ())] for p in people}
        return [p for p in people if index.holding(topic, said[p.id], TOPIC_COVERAGE)]

    def _when_said(self) -> Answer | None:
        ctx = self.context
        if ctx is None or not ctx.quotes or not WHEN_SAID.search(self.a.norm):
            return None
        shown = [self.store.quotes[q] for q in ctx.quotes[:1] if q in self.store.quotes]
        return self._quotes_answer(Intent.quotes, shown, "quotes") if shown else None

    def _speaker_on(self) -> Answer | None:
        """A speaker named with an election and nothing else but "on"/"about" asks what they said about
        it, never the election's result."""
        if not self.elections or not (self.people or self.orgs):
            return None
        template = self.a.template
        role = role_asked(self.a.norm) if self.orgs else None
        if role:  # "the AFL-CIO president about LDJ5": the organisation's role holder is the speaker
            template = template.replace(role[1], " ")
        words = [w for w in FOLLOW_UP_FILLER.sub(" ", SPEAKER_ON.sub(" ", template)).split() if w not in "EPOLY"]
        said = next(s for s in self.verdict_all if s.row.name == "quotes")
        if said.cue and said.score >= ANSWER:  # "亚马逊对JFK8的结果什么反应", "Amazon's reaction to the LDJ5 result"
            return self._quotes(BY_NAME["quotes"], self.people)
        if words or (not self.people and not SPEAKER_ON.search(self.a.template)):
            return None  # "ALU JFK8" is the union's election; "the ALU on JFK8" is what it said
        return self._quotes(BY_NAME["quotes"], self.people)

    def _speaker_topic(self) -> Answer | None:
        """A speaker named with words the engine doesn't know that their statements hold ("Did Amazon
        question the signatures?", "Amazon's filing about Lynch's audit", "Smalls' 'shots you don't
        take' tweet"): those statements. Of a person and an organisation named, the one who said it."""
        best = self.verdict.best
        if not (self.people or self.orgs) or (best.cue and best.row.intent in (Intent.who_is, Intent.organisation)):
            return None
        topic = self._topic_asked() or self._topic_words()
        channel = channel_asked(self.a.norm)
        if not topic:
            return None
        people = [p for p in self.people if self._holding(topic, self._said_by(p.id))]
        orgs = [o for o in self.orgs if any(self._holding(topic, self._said_by(s)) for s in self._voices(o).ids)]
        if not people and not orgs and channel and not any(self._in(channel, p.id) for p in self.people):
            # "Amazon's filing about Lynch's audit": the one named who has statements of that kind
            orgs = [o for o in self.orgs if any(self._in(channel, s) for s in self._voices(o).ids)]
        if not people and not orgs:
            return None
        self.people, self.orgs = (people, []) if people else ([], orgs)
        return self._quotes(BY_NAME["quotes"], self.people)

    def _said_by(self, speaker: str) -> Sequence[Quote]:
        return self.store.quotes_by_speaker.get(speaker, ())

    def _in(self, channel: Channel, speaker: str) -> bool:
        return any(q.channel is channel for q in self._said_by(speaker))

    def _topic_follow_up(self) -> Answer | None:
        """A person (named, or pointed back to), words about saying and a topic ("about …", "关于…") ask for what
        they said on it, however unlike a phrasing the topic's own words make the question."""
        quotes_row = BY_NAME["quotes"]
        ctx = self.context
        again = bool(ctx and ctx.intent == Intent.quotes.value and ABOUT_AGAIN.search(self.a.norm))
        if (
            again and ctx and not self.people and not self.orgs
        ):  # "what did he say about injuries?", "and about safety?"
            people = [self.store.people[p] for p in ctx.people if p in self.store.people]
            orgs = [self.store.organisations[o] for o in ctx.organisations if o in self.store.organisations]
            voices = all(p.organisation in ctx.organisations for p in people)  # "Amazon": it and its spokespeople
            self.people, self.orgs = ([], orgs) if orgs and voices else (people, [])
            if self.orgs and not self.elections and self._topic_asked():
                return self._quotes(quotes_row, [])
        if not self.people or self.orgs or self.elections or not self._topic_asked():
            return None  # the person named, or the one a pronoun points back to
        if not again and not any(Pattern(c).search(self.a.norm) for c in quotes_row.cues.values()):
            return None
        return self._quotes(quotes_row, self.people)
