"""Follow-ups that act on the last answer itself rather than ask a new question: "用中文再说一遍" /
"say that again in English" (the same answer in the other language), and "which had the bigger
margin?" after a list of elections (those elections compared on that figure)."""

from __future__ import annotations

from bot.lexicon import Pattern
from bot.models import Answer, Intent, Lang
from bot.reply import MAX_SUGGESTIONS
from bot.table import BY_NAME
from bot.topics import Topics

AGAIN = Pattern(
    r"\b(say|repeat|give|tell|put|show|answer)\b.*\b(again|in (chinese|mandarin|english))\b|^(in|into) (chinese|mandarin|english)\b"
    r"|\btranslat\w* (it|that|this)?\s*(in|into|to) (chinese|mandarin|english)\b"
    r"|(用|以)(中文|汉语|英文|英语)(再)?(说|讲|回答|回复|重复|解释)|(中文|英文)(再)?(说|讲|回答)|再说一遍|再讲一遍|翻译成(中文|英文)"
)
TO_ZH = Pattern(r"chinese|mandarin|中文|汉语")
TO_EN = Pattern(r"english|英文|英语")
# "which had the bigger margin?", "哪个投票率更高": a comparison among the elections just listed
COMPARATIVE = Pattern(
    r"\b(bigger|larger|greater|higher|lower|smaller|wider|narrower|closer|more|less|fewer|better|worse)\b|更(大|高|多|少|小|低|接近)|较(大|高|多|少|小|低)"
)


# A turn that carries on from the last one: "and after the LDJ5 vote?", "what about JFK8?", "那LDJ5呢"
CARRY_ON = Pattern(r"^(and|also|what about|how about|same for|then)\b|^(那|还有|那么)|呢$")


class Again(Topics):
    def _say_again(self) -> Answer | None:
        """The last answer again, in the language asked for: its quotes, person, or election row."""
        ctx = self.context
        if (
            ctx is None
            or self.instructed
            or not AGAIN.search(self.a.norm)
            or self.elections
            or self.people
            or self.orgs
        ):
            return None
        lang: Lang = "zh" if TO_ZH.search(self.a.norm) else "en" if TO_EN.search(self.a.norm) else ctx.lang
        self.lang = lang
        if ctx.quotes:
            quotes = [self.store.quotes[q] for q in ctx.quotes if q in self.store.quotes]
            intent = Intent.who_said if ctx.intent == Intent.who_said.value else Intent.quotes
            return self._quotes_answer(intent, quotes, ctx.row or intent.value) if quotes else None
        if ctx.row not in BY_NAME:
            return None
        self.elections = [self.store.elections[e] for e in ctx.elections if e in self.store.elections]
        self.people = [self.store.people[p] for p in ctx.people if p in self.store.people]
        self.orgs = [self.store.organisations[o] for o in ctx.organisations if o in self.store.organisations]
        return self._run(BY_NAME[ctx.row])

    def _compare_listed(self) -> Answer | None:
        """After a list of elections, a comparative question about a figure compares them on it."""
        ctx = self.context
        if ctx is None or self.elections or len(ctx.elections) < 2 or ctx.intent == Intent.compare.value:
            return None
        if not COMPARATIVE.search(self.a.norm):
            return None
        figure = next(
            (s.row for s in self.verdict_all[:MAX_SUGGESTIONS] if s.row.intent is Intent.figure and s.cue), None
        )
        if figure is None:
            return None
        listed = [self.store.elections[e] for e in ctx.elections[:4] if e in self.store.elections]
        return self._elections_answer(Intent.compare, listed, row=figure.name)

    def _quotes_again(self) -> Answer | None:
        """After someone's statements, "and after the LDJ5 vote?" asks for the same speakers' statements
        about the election named now; a spokesperson stands for their organisation, so another of its
        spokespeople may be the one who spoke about it. Nobody else's words."""
        ctx = self.context
        if ctx is None or ctx.intent != Intent.quotes.value or not self.elections or self.people or self.orgs:
            return None
        if not CARRY_ON.search(self.a.norm) or not (ctx.people or ctx.organisations):
            return None
        ids: list[str] = list(ctx.organisations)
        for pid in ctx.people:
            person = self.store.people.get(pid)
            if person and person.organisation and "spokes" in person.role.en.casefold():
                ids += self._voices(self.store.organisations[person.organisation]).ids
            elif person:
                ids.append(pid)
        wanted = {e.id for e in self.elections}
        said = [q for s in dict.fromkeys(ids) for q in self.store.quotes_by_speaker.get(s, ())]
        found = [q for q in said if wanted.intersection(q.elections)]
        if not found:
            return None
        speakers = tuple(dict.fromkeys(q.speaker for q in found if q.speaker in self.store.people))
        return self._quotes_answer(
            Intent.quotes,
            self._rank(found, self.elections),
            "quotes",
            speakers=speakers,
            elections=tuple(self.elections),
        )
