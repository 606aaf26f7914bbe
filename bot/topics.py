"""What someone said on a topic, however the question is worded: "What has Amazon invested in
safety, according to its spokesperson?", "洛根说第二次失败会有什么后果", "What result did Andrew
Perez expect?". The question's own words (saying-words, roles and question words aside) are
searched in the statements of the speakers it names or describes — quotes, reported speech and
their translations, so a topic asked in one language finds a statement recorded in the other —
and, failing that, in what the store says about the organisation or election it names.

Never a quote in the wrong mouth: only the statements of the speakers asked about are searched;
a speaker the store can't place is left to the steps that say so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.language import is_cjk
from bot.lexicon import DOMAIN, Pattern
from bot.models import Answer, Election, Intent, Quote
from bot.running import Running
from bot.speakers import channel_asked, date_asked, narrow
from bot.table import BY_NAME
from bot.textsearch import quote_index, stem, terms

# Words of a question about saying, not about what was said: never the topic.
_FORM = Pattern(
    r"\b(what|which|who|whom|whose|how|when|where|why|did|does|do|has|have|had|was|were|is|are|will|would|"
    r"say|said|says|saying|tell|told|tweet|tweets|tweeted|post|posted|statement|statements|according|"
    r"comment|comments|quote|quotes|words|think|thinks|thought|view|views|claim|claims|claimed|its|his|her|"
    r"their|they|he|she|it|spokes\w+|president|treasurer|organi[sz]ers?|professor|head|leader|chief|boss|"
    r"worker|workers|company|union|much|many|anything|something|about|on|regarding)\b"
)
_ZH_FORM = Pattern(
    r"说了什么|说什么|说过|说了|怎么说|表示|认为|觉得|声称|发推|推特|推文|声明|言论|看法|观点|发言人|主席|总裁|"
    r"什么|怎么|怎样|如何|哪些|哪个|哪|谁|关于|[说讲的了吗呢吧是有会对在和与]"
)
_DOMAIN = frozenset(stem(w) for w in DOMAIN)  # "vote", "union": alone, no topic
MIN_PAIRS = 2  # Chinese is searched by character pairs: one shared pair is chance
RARE = 1.5  # a topic of one Latin word: only a word this rare (idf) is evidence on its own
SHARE = 0.4  # of the topic's weight, among the statements of the speakers asked about
KEEP = 0.5  # statements scoring at least this share of the best one are shown with it


def topic_terms(template: str) -> set[str]:
    """A question's own words about what was said (records' placeholders, saying-words and roles aside)."""
    text = " ".join(w for w in template.split() if w not in "EPOLY")
    text = _ZH_FORM.sub(" ", _FORM.sub(" ", text))
    text = Pattern(r"(?<![a-z])[EPOLY](?![a-z])").sub(" ", text)
    return terms(text)


class Topics(Running):
    def _said_on_topic(self) -> Answer | None:
        """The statements of the speakers asked about that hold the question's topic; else what the
        store says about the organisation or election named, when that holds it."""
        topic = topic_terms(self.a.template)
        channel = channel_asked(self.a.norm)
        if not topic and not channel:
            return None
        speakers = self._speakers(self.people)
        if speakers.unknown:
            return None  # "what did the Amazon CEO say about safety?": said by the quotes step
        if speakers.ids and channel and not self._topic_holding(topic, self._statements_of(speakers.ids)):
            # "the ALU president's tweet on the day of the Albany tally": a speaker and a channel are a quote question
            return self._quotes(BY_NAME["quotes"], self.people)
        if speakers.ids:
            pool = self._statements_of(speakers.ids)
        elif Pattern(BY_NAME["quotes"].cues[self.lang]).search(self.a.norm):
            pool = list(self.store.quotes.values())  # "what was said about injuries at ALB1?"
        else:
            return self._described_on_topic(topic)
        date, weekday = date_asked(self.a.norm)
        pool = narrow(pool, self.store, channel, date, weekday)
        if self.elections:  # never a statement about another election than the one asked
            wanted = {e.id for e in self.elections}
            pool = [q for q in pool if not q.elections or wanted.intersection(q.elections)]
        found = self._topic_holding(topic, pool, lenient=bool(speakers.ids))
        if not found:
            return self._described_on_topic(topic)
        asked = tuple(s for s in speakers.ids if s in self.store.people)
        return self._quotes_answer(
            Intent.quotes, found, "quotes", channel=channel, speakers=asked, elections=tuple(self.elections)
        )

    def _statements_of(self, speakers: Sequence[str]) -> list[Quote]:
        return [q for s in speakers for q in self.store.quotes_by_speaker.get(s, ())]

    def _topic_holding(self, topic: set[str], pool: Sequence[Quote], *, lenient: bool = False) -> list[Quote]:
        """The statements holding enough of the topic, best first. `lenient`: the pool is the statements of
        the speakers asked about, so a share of the topic's weight will do ("how much has the company put
        into safety?" holds "safety") — choosing among their own words never puts words in a wrong mouth."""
        if not topic:
            return []
        index = quote_index(self.store)
        scored = []
        for n, q in enumerate(pool):
            held = topic & index.terms.get(q.id, frozenset())
            share = sum(index.idf(t) for t in held) / (sum(index.idf(t) for t in topic) or 1.0)
            if not (_enough(held, topic, index.idf) or (lenient and share >= SHARE)):
                continue
            scored.append((sum(index.idf(t) for t in held), n, q))
        if not scored:
            return []
        best = max(s for s, _, _ in scored)
        return [q for s, _, q in sorted(scored, key=lambda item: (-item[0], item[1])) if s >= KEEP * best]

    def _described_on_topic(self, topic: set[str]) -> Answer | None:
        """ "How much did Amazon spend on anti-union consultants?", "ALB1是ALU第几次尝试": what the store
        says about the organisation (its description) or the election (its notes) holds the topic."""
        index = quote_index(self.store)
        if len(self.elections) == 1 and len(topic) > 1 and _notes_hold(self.elections[0], topic, index.idf):
            return self._run(BY_NAME["result"], elections=self.elections)
        for org in self.orgs[:1]:
            text = org.description.en + " " + (org.description.zh or "") if org.description else ""
            if text and _enough(topic & terms(text), topic, index.idf):
                return self._organisation(BY_NAME["organisation"])
        return None


def _enough(held: set[str], topic: set[str], idf: Callable[[str], float]) -> bool:
    """Whether the topic words a text holds are evidence: two or more (two Chinese character pairs),
    or the whole topic when it is one rare Latin word."""
    if not held:
        return False
    cjk = [t for t in held if is_cjk(t)]
    if cjk and len(cjk) >= MIN_PAIRS:
        return True
    latin = [t for t in held if not is_cjk(t)]
    if len(latin) >= 2:
        return True
    alone = len([t for t in topic if not is_cjk(t)]) == 1  # the whole topic is one word: a rare one will do
    return alone and len(latin) == 1 and latin[0] not in _DOMAIN and idf(latin[0]) >= RARE


def _notes_hold(e: Election, topic: set[str], idf: Callable[[str], float]) -> bool:
    text = " ".join(n.en + " " + (n.zh or "") for n in e.notes)
    return bool(text) and _enough(topic & terms(text), topic, idf)
