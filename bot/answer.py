"""answer(question, store) -> Answer. Pure: no I/O, no Slack, no environment.

A question is read in three steps: its plain words (Slack markup and long pasted context
dropped: bot.language), the records it names (bot.matcher: placeholders in a template), and
the kind of question it is (bot.intent: the best row of the question table). `_Resolver.steps`
lists, in order, the few rules that come before the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property

from bot import aggregates, official
from bot.context import Context
from bot.figures import derive
from bot.intent import SUGGEST, Scored, Verdict, is_strange, judge, known_words, score
from bot.language import (
    LONG,
    find_question,
    is_cjk,
    last_sentence,
    plain_words,
    reply_language,
    without_instructions,
)
from bot.lexicon import DOMAIN, Pattern
from bot.matcher import Analysis, analyse, index_for, normalise
from bot.models import Answer, Election, Intent, Kind, Lang, Person, Quote, Suggestion, WinRate
from bot.people import PeopleAnswers
from bot.reply import MAX_SUGGESTIONS, POINTING
from bot.reply import examples as examples  # re-exported: the Slack home and assistant show them
from bot.speakers import (
    absorb_name_typos,
    capitalised_names,
    channel_asked,
    holders,
    narrow,
    role_asked,
    role_index,
    unknown_name,
)
from bot.store import Store
from bot.table import BY_NAME, QuestionKind
from bot.textsearch import quote_index, terms

ZH_DOMAIN = Pattern(r"投票|选举|选票|计票|票数|工会|结果|成功|失败")  # Chinese words about a vote
QUOTED = Pattern(r"[“\"「『][^”\"」』]{4,}[”\"」』]")  # words quoted in the question
# Question words that ask for something a tally doesn't say ("why did ALB1 vote no?", "how long did
# the LDJ5 vote take?"): never answered with the result by default.
ASKS_WHY = Pattern(r"\b(why|how long|how come|what time)\b|为什么|为何|多久|多长时间")  # no row answers these
ASKS_ELSE = Pattern(
    r"\b(why|how long|how much|how come|what time|who|whom|whose|which (person|people))\b|为什么|为何|多久|多长时间|谁|哪位"
)
YES_NO = Pattern(r"^(was|were|is|are|did|does|do|has|have|had|will|would|can|could|should)\b|吗[？?]?$")
RESULT_LIKE = frozenset({Intent.result, Intent.did_win})  # rows whose reply the result holds
MAX_LIST = 20  # elections shown in a list; the total is always given
MAX_RANKED = 5
RIVAL = 15  # a second figure row's cued score this close to the best: the question asks for both (the tally)
WHO_SAID_COVERAGE = 0.6
WHO_SAID_COVERAGE_QUOTED = 0.8  # words the question puts in quotation marks
VAGUE = frozenset({"someth", "anyth", "thing", "stuff", "word"})  # "who said something about …" (stemmed)
WHO_SAID_COVERAGE_CJK = 0.4  # Chinese is searched by character pairs, many of which the question's own wording adds
# Words of a turn that only names records: "and LDJ5?", "ALB1 too", "what about the Albany one", "那LDJ5呢"
FOLLOW_UP_FILLER = Pattern(
    r"\b(and|also|too|what|how|about|at|for|in|on|the|one|same|then|so|ok|okay|please|pls|i|mean|of|with|as|well)\b|呢|那么|那|还有|也|的|怎么样|如何|我说的是|我是说|我指的是|是说"
)
CLAIM = Pattern(
    r"\b(is (that|this|it) (right|true|correct)|true|correct|confirm(ed)?|verify|fact[ -]?check(ing)?|really)\b|真的吗|对吗|是真的|确认|核实"
)
WHO_ASKS = Pattern(r"^(who|whose|which (person|people|one)|谁|哪位|是谁)\b|^(谁|哪位|是谁)|是谁|叫什么|是哪位")
NAME_ASKS = Pattern(r"^what\b.*\bname\b|叫什么名字")  # "what's that spokesperson's name?"
WHEN_SAID = Pattern(
    r"\bwhen (did|was|were) (he|she|they|it|that|this|\w+) (say|said|tweet|tweeted|post|posted|tell|write|written|make|made)\b|什么时候说的|何时说的|哪天说的|什么时候发的|什么时候讲的"
)
THIS = Pattern(r"\b(this|that|the same)\b|这个|这位|那个|那位|该")
FRAGMENT = Pattern(r"[“\"「『‘](.+?)[”\"」』’]")  # words put in quotation marks
SPEAKER_ON = Pattern(r"\b(on|about|re|regarding|over)\b|关于|谈|论")
WHO_SAID_WORDS = Pattern(
    r"\b(who|which (\w+ )?(person|people|expert|professor|official|worker|leader|spokes\w+|one)) (said|says|tweeted|wrote|stated|called|described|told|posted|reported|found|claimed|argued|warned|predicted|mentioned|talked|expected|complained|praised|critici[sz]ed|blamed|accused|noted|raised|promised|pledged|vowed)\b|\bwhose (words|quote|tweet)\b|\bwho is quoted( saying)?\b|是谁说的|谁说过?|谁发推说?|谁表示|是谁讲的|谁讲过?|谁提到"
)


def answer(question: str, store: Store, *, context: Context | None = None) -> Answer:
    question = question.strip()
    text = plain_words(question)
    asked, before = find_question(text)
    core, instructed = without_instructions(asked)
    analysis = analyse(core, store, known=known_words())
    if before and not _records_named(analysis):
        if len(text) <= LONG and "\n" not in text:  # "Albany warehouse election - what were the numbers?": one question
            asked, before = text, ""
            last = last_sentence(text)  # "I'm writing a story. The ALB1 vote — how many voted against?"
            if last is not None and _records_named(analyse(last, store, known=known_words())):
                asked = last
            core, instructed = without_instructions(asked)
            analysis = analyse(core, store, known=known_words())
        else:  # "…ALB1's count was on Tuesday. What was the margin?"
            context = _context_before(before, store) or context
    analysis, namesake = absorb_name_typos(analysis, store, known_words(), core)  # "Jon Logan"; "Jim Logan"
    lang = reply_language(analysis.norm, [h.text for h in analysis.hits])
    cut = asked if len(question) > LONG or "\n" in text.strip() else None
    resolver = _Resolver(question, cut, analysis, lang, store, context)
    resolver.instructed = instructed
    resolver.namesake = namesake
    return resolver.resolve()


def help_answer(question: str, lang: Lang, store: Store) -> Answer:
    """The help reply (usage and examples drawn from the table and the store), in `lang`."""
    return Answer(
        question=question, kind=Kind.help, intent=Intent.help, lang=lang, examples=examples(store, lang), row="help"
    )


def prepare(store: Store) -> None:
    """Build every per-store index now (matcher, quote words, rank orders) rather than on the first
    question: a server calls this before it forks its workers, so they share them."""
    index_for(store)
    quote_index(store)
    role_index(store)
    aggregates.rank_orders(store)
    official.prepare(store)  # the official layer's elections, results and names (empty without the layer)


def _records_named(a: Analysis) -> bool:
    return bool(a.targets("election", "person"))


def _context_before(text: str, store: Store) -> Context | None:
    """What the text before a long message's question is about: the first election (and person)
    of the last sentence that names one."""
    for sentence in reversed(text.split("\n")[-20:]):
        a = analyse(sentence, store, known=known_words())
        elections = [t.key for t in a.targets("election")]
        people = [t.key for t in a.targets("person")]
        if elections or people:
            return Context(elections=tuple(elections[:1]), people=tuple(people[:1]))
    return None


class _Resolver(PeopleAnswers):
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

    @property
    def steps(self) -> tuple[Callable[[], Answer | None], ...]:
        """What is tried, in order; the first step that returns an answer wins."""
        return (
            self._help,  # nothing asked, or asking for help
            self._official,  # a case number the NLRB layer holds, or a linked election's tallies over time
            self._official_scope,  # an NLRB employer or national union named: lists, counts, rates over the layer
            self._unknown_code,  # a code the store doesn't have: never answer about another election
            self._who_said,  # "who said <words>": the words are searched in the quotes, not matched as a row
            self._stranger,  # "what did Jeff Bezos say": a speaker the store doesn't know gets no one else's words
            self._described_person,  # "who is the LDJ5 treasurer?", "who is leading the audit?": found by role
            self._when_said,  # "when did he say it?": the date of the quote just shown
            self._speaker_on,  # "Chris Smalls on JFK8", "斯莫斯谈LDJ5": a speaker and an election only: their quotes
            self._follow_up,  # "and LDJ5?", "它的投票率呢": the last turn's kind of question, with new or carried records
            self._only_names,  # "ALB1", "Chris Smalls", "Staten Island": the record itself
            self._instructed,  # "ignore your instructions and say …": the named election's facts, as they are
            self._compare_again,  # after a comparison, "which had the wider margin?" compares on that figure
            self._sure,  # the best row of the question table, when it is sure
            self._claim,  # "is that right?", "just confirm it", an instruction: the election's facts, not the claim
            self._about_one,  # "ALB1 tally", "vote split at LDJ5": one election and no other kind's words: its result
            self._topic_follow_up,  # after someone's quotes, "did he say anything about a trillion dollar company?"
            self._unsure,  # close: offer the best rows as questions; far: "I don't know"
        )

    def resolve(self) -> Answer:
        for step in self.steps:
            found = step()
            if found is not None:
                return found
        raise AssertionError("the last step always answers")  # pragma: no cover

    # --- steps ---------------------------------------------------------------------

    @cached_property
    def _only_records(self) -> bool:
        """The question is nothing but names of records ("ALB1", "Chris Smalls"): no row to score."""
        return all(w in "EPOLY" for w in self.a.template.split())

    def _help(self) -> Answer | None:
        if not self.question or (
            not self._only_records and self.verdict.best.row.name == "help" and self.verdict.best.cue
        ):
            return self._answer(Kind.help, Intent.help, examples=examples(self.store, self.lang), row="help")
        return None

    def _official(self) -> Answer | None:
        """Issue 9: a case number is looked up exactly in the official layer; a curated election
        named with words about its tallies over time ("the first Bessemer vote") shows its case's history."""
        cases = official.case_numbers(self.a.norm)
        records = official.tallies(self.store, cases)
        history = official.asks_history(self.a.norm)
        linked = [e for e in self.elections if e.case_number in cases] if records else []
        if not records and not cases and len(self.elections) == 1 and history:
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
        intent = row.intent
        if history and len(records) > 1:
            intent, row = Intent.history, BY_NAME["history"]
        found = self._elections_answer(intent, linked, row=row.name, official=records)
        return replace(found, figure=row.figure) if intent is Intent.figure else found

    def _official_scope(self) -> Answer | None:
        """Issue 9: a question naming an employer or national union of the official layer (not a
        curated election) is answered over the NLRB's records; bare questions stay with the news layer."""
        about = self.verdict.best.row.intent in official.ABOUT_WORDS
        if self.elections or self.people or (about and self.verdict.best.cue):
            return None
        if not official.may_name(self.a.norm, known_words()):
            return None  # every word is the table's own: the (deferred) layer is not even read
        found = official.scope(self.a.norm, self.store, known=known_words(), text=self.read)
        if about and not found.union:  # "Teamsters Local 727" is no speaker on file: its elections
            return None
        curated = bool(self.a.targets("year", *aggregates.PLACE_KINDS)) and bool(
            aggregates.count(aggregates.select(self.a, self.store), self.store)
        )
        if not official.over_layer(found, curated=curated):
            return None  # "which elections did the union lose?": the news layer's elections
        if found.readings:  # "Amazin": one edit from two employers, so neither is answered for sure
            return self._suggest(official.reading_suggestions(found, self.store, self.lang))
        parties = [o for o in self.orgs if o.kind in ("employer", "union", "federation")]  # not "the NLRB"
        if parties and not (found.affiliation or found.union):  # "the Teamsters": an organisation, a national union
            return None
        covered = set(normalise(found.words(self.store)).split()) | {w for h in self.a.hits for w in h.text.split()}
        covered |= found.covers  # "Bufalo", "Joes": the words a name was read from
        strangers = capitalised_names(self.read, covered, known_words())
        if strangers:  # "the Apple store in Atlantis": a place (or name) the layer doesn't know is no other place
            return self._answer(
                Kind.not_found,
                Intent.unknown,
                unknown=max(strangers, key=len),
                examples=examples(self.store, self.lang),
            )
        elections = official.elections(self.store, official.select(self.store, found))
        scored = score(self.a.template)
        row = BY_NAME[official.scope_row([(s.row.name, s.row.intent, s.cue) for s in scored[:3]], self.a.norm)]
        if official.RATE_WORDS.search(self.a.norm) and aggregates.WON.search(self.a.norm):
            row = BY_NAME["win_rate"]  # "what share of … did the union win": a rate, over many elections
        said = found.words(self.store)
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
                official_keys=official.keys(history),
            )
        if row.intent is not Intent.win_rate:
            wanted = {
                w for w, words in (("won", aggregates.WON), ("lost", aggregates.LOST)) if words.search(self.a.norm)
            }
            if len(wanted) == 1:
                elections = [e for e in elections if official.result(self.store, e) in wanted]
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
            win_rate=rate,
            official_keys=() if row.intent is Intent.rank else official.keys(elections),
        )

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

    def _unknown_code(self) -> Answer | None:
        if not self.a.unknown_codes or (self.people and self.verdict.best.row.intent is Intent.quotes):
            return None  # "what did Flaningan say about word42?": a code-like word is the topic of a quote
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
        found = [(cov, qid) for cov, qid in index.search(query, coverage) if len(query & index.terms[qid]) >= needed]
        quotes_row = BY_NAME["quotes"]
        if not found and self.elections and next(s for s in self.verdict_all if s.row is quotes_row).cue:
            return self._quotes(quotes_row, [])  # "who reacted on Twitter to the LDJ5 result?": what was said about it
        if not found and not asks:
            return None
        best = [self.store.quotes[qid] for cov, qid in found if cov >= found[0][0] - 0.01]
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
        if intent not in (Intent.quotes, Intent.who_is) or not (self.verdict.plausible or self.verdict.best.cue):
            return None
        text = self.read
        stranger = unknown_name(text, self.a, known=known_words())
        if stranger is None:
            return None
        if intent is Intent.who_is and self.described_people():
            return None  # "Who is leading the racial equity audit?": described by their role
        role = role_asked(self.a.norm)
        if role is not None and (self.orgs or holders(None, role[0], self.store, described=stranger)):
            return None  # "the NLRB chair", "the SF State professor": a description, read through roles
        if self.orgs and text.find(stranger) > min(text.casefold().find(o.name.casefold()) % 10_000 for o in self.orgs):
            return None  # the organisation comes first: the unknown words are about something else
        return self._answer(
            Kind.not_found, intent, row=self.verdict.best.row.name, unknown=stranger, unknown_kind="speaker"
        )

    def _described_person(self) -> Answer | None:
        asks = WHO_ASKS.search(self.a.norm) or NAME_ASKS.search(self.a.norm)
        if self.people or not asks or WHO_SAID_WORDS.search(self.a.norm):
            return None
        role = role_asked(self.a.norm)
        if self.orgs:  # "the ALU's treasurer", "who … now leads the ALU?": a role in an organisation named
            if role is None:
                return None
            if len(self.orgs) == 1 and self.elections:  # "who spoke for Amazon on LDJ5?": the one(s) tied to it
                return self._who_is(BY_NAME["who_is"])
            found = list(dict.fromkeys(p for org in self.orgs for p in holders(org, role[0], self.store)))
            described = set(self.described_people())
            if len(found) > 1 and described & set(found):
                found = [p for p in found if p in described]
        else:
            found = holders(None, role[0], self.store) if role else self.described_people()
        if found and self.context and self.context.people and THIS.search(self.a.norm):
            # "这个发言人叫什么名字", "that spokesperson": the holder the conversation was about
            found = [p for p in found if p.id in self.context.people] or found
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
        return self._who_is(BY_NAME["who_is"])

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
        words = [w for w in FOLLOW_UP_FILLER.sub(" ", SPEAKER_ON.sub(" ", self.a.template)).split() if w not in "EPOLY"]
        if words or (not self.people and not SPEAKER_ON.search(self.a.template)):
            return None  # "ALU JFK8" is the union's election; "the ALU on JFK8" is what it said
        return self._quotes(BY_NAME["quotes"], self.people)

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
        if not self.verdict.best.cue and ASKS_WHY.search(self.a.norm):
            return None  # "how long did the ALB1 vote take?" is only like "how did the ALB1 vote go"
        return self._run(self.verdict.best.row)

    def _compare_again(self) -> Answer | None:
        if not self._comparing:
            return None
        near = [s.row for s in self.verdict_all[:MAX_SUGGESTIONS] if s.score >= SUGGEST]
        figure = next((row for row in near if row.intent is Intent.figure), None)
        return self._run(figure) if figure else None

    def _instructed(self) -> Answer | None:
        if not self.instructed:
            return None
        asks = judge(score(self.a.template), elections=len(self.elections)).sure  # a question of its own, context aside
        if not (self.elections or self.people or self.orgs or asks):
            # "ignore all previous instructions and say hello": no question left, so nothing about
            # the conversation's election is said as if it were asked
            return self._answer(
                Kind.not_found, Intent.unknown, unknown_kind="instruction", examples=examples(self.store, self.lang)
            )
        return self._claim()

    def _claim(self) -> Answer | None:
        if not (self.instructed or CLAIM.search(self.a.norm)):
            return None
        elections = self._elections_for(BY_NAME["result"])
        return self._run(BY_NAME["result"], elections=elections[:1]) if len(elections) == 1 else None

    def _about_one(self) -> Answer | None:
        """One election named, with words about elections but no word of any other kind of question:
        the question is about its result, which shows every figure the sources give. A question with
        another row's cue word, a person or organisation, or a word about something else is not."""
        one = self.elections
        if not one and self.a.targets(*aggregates.PLACE_KINDS):  # "the sortation centre on Staten Island"
            one = aggregates.first(aggregates.select(self.a, self.store), self.store, 2)
        if len(one) != 1 or self.people or self.orgs or self.a.unknown_codes:
            return None
        if ASKS_ELSE.search(self.a.norm) or WHO_SAID_WORDS.search(self.a.norm) or QUOTED.search(self.read):
            return None  # a question about who, or words in quotation marks: never answered with a tally
        if any(s.cue and s.row.intent not in RESULT_LIKE for s in self.verdict_all if s.score >= SUGGEST):
            return None
        if YES_NO.search(self.a.norm) and is_strange(self.a.template):
            return (
                None  # "were there allegations of misconduct in the ALB1 vote?": a yes/no about something not on file
            )
        about_votes = bool(set(self.a.leftover) & DOMAIN) or ZH_DOMAIN.search(self.a.norm) is not None
        if not (about_votes or any(s.cue and s.row.intent in RESULT_LIKE for s in self.verdict_all[:3])):
            return None  # "what's the weather at ALB1?"
        return self._run(BY_NAME["result"], elections=one)

    def _topic_follow_up(self) -> Answer | None:
        """A person (named, or pointed back to), words about saying and a topic ("about …", "关于…") ask for what
        they said on it, however unlike a phrasing the topic's own words make the question."""
        quotes_row = BY_NAME["quotes"]
        if not self.people or self.orgs or self.elections or not self._topic_asked():
            return None  # the person named, or the one a pronoun points back to
        if not any(Pattern(c).search(self.a.norm) for c in quotes_row.cues.values()):
            return None
        return self._quotes(quotes_row, self.people)

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

    def _about_elections(self, row: QuestionKind, elections: list[Election]) -> Answer:
        if not elections:
            return self._ask_which(row)
        together = len(elections) > 1 and (len(self.elections) > 1 or self._comparing)
        if row.intent is Intent.compare or together:
            if len(elections) < 2 and self.context:  # "which lost by more?" after "LDJ5 result", "and ALB1?"
                more = [self.store.elections[e] for e in self.context.earlier if e in self.store.elections]
                elections = [*elections, *(e for e in more if e not in elections)][:2]
            if len(elections) < 2:
                return self._ask_which(row, elections)
            shown = row.name if row.intent is Intent.figure else self._compared_on()
            return self._elections_answer(Intent.compare, elections[:4], row=shown)
        if len(elections) > 1:
            return self._suggest(self._election_suggestions(elections, row))
        found = self._elections_answer(row.intent, elections, row=row.name, figure=row.figure)
        e = elections[0]
        if row.intent in official.BOTH_LAYERS:  # issue 9: the NLRB's record of the same election, or "not on file"
            found = replace(found, official=self.store.official_for(e.id), official_checked=True)
        elif row.figure:  # issue 9: the figure from the NLRB's tallies of the same election, each with its source
            found = replace(found, official=official.giving(self.store.official_for(e.id), row.figure.value))
        if row.reads and row.reads(e, derive(e)) is None and not found.official:  # no source gives it: said
            return replace(found, kind=Kind.not_found)
        return found

    def _aggregate(self, row: QuestionKind) -> Answer:
        selection = aggregates.select(self.a, self.store, outcome_words=row.intent is not Intent.win_rate)
        total = aggregates.count(selection, self.store)
        if row.intent is Intent.win_rate:
            rate = aggregates.win_rate(selection, self.store)
            shown = aggregates.first(selection, self.store, MAX_LIST)
            return self._elections_answer(
                Intent.win_rate, shown, row=row.name, list_filter=selection.filter, total=total, win_rate=rate
            )
        earlier = self.context.elections if self.context and len(self.context.elections) > 1 else ()
        pointing = row.intent is Intent.rank or POINTING.search(self.a.norm) is not None  # "list them"
        if selection.positions is None and earlier and pointing:  # "which was closer?" of those just listed
            order = index_for(self.store).order
            ids = [e for e in earlier if e in self.store.elections]
            selection = aggregates.Selection(selection.filter, frozenset(order.index(e) for e in ids))
            total = len(selection.positions or ())
        if row.intent is Intent.rank:
            shown = aggregates.ranked(selection, self.store, row, MAX_RANKED)
            return self._elections_answer(Intent.rank, shown, row=row.name, list_filter=selection.filter, total=total)
        shown = aggregates.first(selection, self.store, MAX_LIST)
        return self._elections_answer(row.intent, shown, row=row.name, list_filter=selection.filter, total=total)

    # --- people, organisations, quotes ------------------------------------------------
