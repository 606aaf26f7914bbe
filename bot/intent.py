"""Which kind of question is this? Fuzzy matching against the question table.

The matcher has already put placeholders where the question names records ("what was the
turnout at E"). That template is scored against every row's example phrasings with rapidfuzz
(0-100), plus a bonus when the row's cue words are there, minus a little for each slot the row
needs that the question doesn't fill (a follow-up may fill it from the conversation) and for a
person named to a row that can't use one. Words the table doesn't know only lower the
similarity: they never veto. The best row wins; how sure we are decides what happens
(see `Verdict`).

Thresholds, calibrated on tests/questions/*.jsonl (see README "Understanding questions"):
- ANSWER 64: swept from 55 to 75; below it wrong rows win faster than right ones, above it
  right answers are lost. A row with none of its cue words needs NO_CUE (8) more: likeness
  alone is weaker evidence ("what's the weather in Albany" is like "what state is E in").
- MARGIN 4: a best row this close to a runner-up of another kind is a coin toss: offer both.
- SUGGEST 50: between SUGGEST and ANSWER the question looks like a row but not enough to
  answer; the top rows (at most 3) are offered as questions. Below it: "I don't know".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.language import is_cjk
from bot.lexicon import DOMAIN, KEYWORDS, STOPWORDS, Pattern, words
from bot.matcher import normalise, similarities
from bot.models import Intent, Lang
from bot.table import PLACEHOLDERS, TABLE, QuestionKind

ANSWER = 64.0
MARGIN = 4.0
SUGGEST = 50.0
FAR = SUGGEST - 10.0
REACH = 40.0  # cue words are looked for only in rows this close to the most alike one
MAX_SCORED = 90  # characters of a question's template compared with the phrasings
CUE_BONUS = 16.0
NO_CUE = 8.0
MISSING_SLOT = 10.0
UNUSABLE = {"P": 30.0, "E": 15.0}  # a person named to a row that can't use one, an election to an aggregate
UNKNOWN_WORD = 7.0  # each word neither the table, the lexicon nor the store knows
MAX_UNKNOWN = 21.0
MAX_SUGGESTED = 3
# Rows about many elections at once are answered only when one of their own words is there
# (how many, which, win rate, closest…): a list is never the answer to a question about one vote.
NEEDS_CUE = frozenset({Intent.how_many, Intent.win_rate, Intent.rank})
VERBATIM = 90.0  # a question this like one of a row's phrasings is that row, cue words or not
CUE_OVER_LIKENESS = 8.0  # a row with its cue words this close to an uncued best row wins ("差距最小" ≠ "差距最大")

# Words that carry no intent in either the question or the phrasings: dropped from both before scoring.
FILLER = words(
    "the a an please pls plz hey hi hello can could would you tell me i want to know like ok okay so um "
    "just bot thanks thank quick quickly question wondering curious anyone someone anybody somebody "
    # politeness and hedges: how a question is put, never what it asks
    "kindly roughly approximately approx exactly precisely actually really basically briefly overall "
    "summarise summarize summary remind check double here fyi need"
)
ZH_FILLER = re.compile("大概|大约|差不多|左右|请问|麻烦|帮我查一下|帮我查|帮我|一下|谢谢|到底|究竟|我想知道|分别|各自")
# Chat shorthand, read as the words it stands for.
SHORTHAND = {"ppl": "people", "wat": "what", "wht": "what", "teh": "the", "abt": "about", "u": "you", "r": "are", "ur": "your", "thx": "thanks", "num": "number", "tho": "though", "w": "with", "b4": "before", "pct": "percent", "pc": "percent", "howd": "how did", "whats": "what is", "wheres": "where is", "whos": "who is", "didnt": "did not", "wasnt": "was not", "isnt": "is not"}  # fmt: skip
# Words questions use that the phrasings happen not to (kept few: the phrasings are the vocabulary).
EXTRA_KNOWN = words(
    "tweet tweeted twitter interview interviews rally rallies filing filings report reports cnn press "
    "reporters monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept oct nov "
    "dec yesterday today week month year last first second third previous earlier later again there here "
    "it that those them his her workers warehouse facility store vote votes voting election elections "
    "union unions file record records database electorate point points percentage ratio proportion fraction "
    "valid ayes nays rundown lowdown deal landslide blowout narrow narrowly mentioned talked spoke expected breakdown spread split showed show stand stands standing reject rejected line both "
    # sums over the elections named (bot/running.py TOTAL): 'combined yes votes?' after two elections
    "combined altogether sum summed added together"
)
# Figure words that settle between rows whose cue words overlap, one ordered list: (words,
# rows they point to, rows they rule out). A share is never a count ("pct yes", "赞成票比例");
# "percentage points" are the margin's unit; "valid votes" are the ballots counted; "where were
# the ballots counted" asks for the place, not the number.
_COUNTS = frozenset({"votes_for", "votes_against", "counted", "void", "challenged", "eligible", "headcount"})
SETTLING: tuple[tuple[Pattern, frozenset[str], frozenset[str]], ...] = (
    (
        Pattern(
            r"\bpercentage[ -]?points?\b|\bpoints?\b.*\b(margin|lost|won|lose|win|behind|ahead)\b|\b(margin|lost|won|lose|win)\b.*\bpoints?\b|个百分点|百分点"
        ),
        frozenset({"margin"}),
        frozenset({"share", "turnout", "did_win"}),
    ),
    (  # a share of the eligible voters is the turnout, not the vote share
        Pattern(
            r"\b(share|percent\w*|fraction|proportion)\b.*\b(eligible|electorate|workforce|bargaining unit)\b.*\b(vote[ds]?|voting|cast|showed up|show up|turned out|took part|participated)\b|\b(eligible|electorate)\b.*\b(showed up|show up|turned out)\b|占合格选民|合格选民.{0,4}(比例|百分)|参加投票的?人.{0,6}(比例|百分|占)"
        ),
        frozenset({"turnout"}),
        frozenset({"share", "eligible"}),
    ),
    (  # "what did Amazon say when the union lost at LDJ5?" asks for words, whatever else it names
        Pattern(
            r"^(what|how) (did|does|has|have|had)( [^?]{1,40}?)? (say|said|tweet|tweeted|tell|told|post|posted|respond|react)\b|说了什么|怎么说|怎么回应"
        ),
        frozenset({"quotes"}),
        frozenset({"did_win", "result"}),
    ),
    (  # "the ALU's win rate" is a rate over its elections, not the organisation's summary
        Pattern(r"\bwin(ning)? rate\b|\bsuccess rate\b|胜率|成功率"),
        frozenset({"win_rate"}),
        frozenset({"organisation", "did_win"}),
    ),
    (  # "said yes", "said no" is how people voted, not what anyone said
        Pattern(r"\b(said|say|saying|says) (yes|no)\b|说(是|不|同意|反对)"),
        frozenset(),
        frozenset({"quotes", "who_said"}),
    ),
    (  # one side's votes are not all the ballots: "how many voted against?" (both sides: the next rule)
        Pattern(r"\bvot(ed|es?|ing) (against|no)\b|投了?反对票|反对票"),
        frozenset({"votes_against"}),
        frozenset({"counted"}),
    ),
    (
        Pattern(r"\bvot(ed|es?|ing) (for|yes|in favou?r)\b|投了?赞成票|赞成票"),
        frozenset({"votes_for"}),
        frozenset({"counted"}),
    ),
    (  # both sides asked at once: the tally
        Pattern(
            r"\bayes\b|\bnays\b|赞成.{0,4}反对|反对.{0,4}赞成|多少比多少|\b(yes|for) (and|vs|versus|or) (no|against)\b"
        ),
        frozenset({"result"}),
        frozenset({"votes_for", "votes_against", "compare", "counted"}),  # the tally holds the count too
    ),
    (
        Pattern(r"\bpercent\w*|\bpct\b|%|\bshares?\b|\bproportion\b|\bfraction\b|\bratio\b|比例|占比|百分|比率|几成"),
        frozenset(),
        _COUNTS,
    ),
    (
        Pattern(r"\bvalid (votes|ballots)\b|\byes (plus|and|\+) no\b|\bno (plus|and|\+) yes\b|有效票|有效选票"),
        frozenset({"counted"}),
        frozenset({"void", "votes_for", "votes_against"}),
    ),
    (
        Pattern(
            r"\b(where|which (office|place|room|city))\b.*\b(count|counted|tallied|tally)\b|(哪里|哪儿|哪个地方|什么地方|哪个办公室|在哪)\S{0,4}(清点|计票|点票|点的|数的|开票|计的)|(清点|计票|点票)的?(地点|地方)"
        ),
        frozenset({"count_location"}),
        frozenset({"counted", "tally_date", "result"}),
    ),
)
_SLOTS = re.compile("[EPOLY]")
PLACEHOLDER_WORDS = {f"zq{p[1:-1]}zq": letter for p, letter in PLACEHOLDERS.items()}  # "zqelectionzq" -> "E"
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]|[A-Z]) (?=[^\x00-\x7f]|[A-Z])")


def template_key(template: str) -> str:
    """A template as it is scored: chat shorthand spelt out, filler words out (Chinese hedges and
    politeness too); Chinese runs and their placeholders joined."""
    words = [SHORTHAND.get(w, w) for w in ZH_FILLER.sub("", template).split()]
    words = [w for w in words if w not in FILLER]
    return _CJK_SPACE.sub("", " ".join(words))


def phrasing_key(phrasing: str) -> str:
    """A row's phrasing in the same form as a question's template."""
    out = normalise(_PLACEHOLDER.sub(lambda m: f" zq{m.group(0)[1:-1]}zq ", phrasing))  # "{election}" -> "zqelectionzq"
    words = [PLACEHOLDER_WORDS.get(w, w) for w in out.split()]
    return template_key(" ".join(words))


class _Phrasings(NamedTuple):
    keys: list[str]
    spans: list[tuple[int, int, int]]  # (index in TABLE, first key, end): each row's keys, in order


def _prepare(cjk: bool) -> _Phrasings:
    keys: list[str] = []
    spans: list[tuple[int, int, int]] = []
    lang: Lang = "zh" if cjk else "en"
    for n, row in enumerate(TABLE):
        start = len(keys)
        keys += [phrasing_key(phrasing) for phrasing in row.phrasings[lang]]
        spans.append((n, start, len(keys)))
    return _Phrasings(keys, spans)


_PREPARED: dict[bool, _Phrasings] = {}
_CUES: dict[tuple[str, Lang], Pattern] = {}


def _phrasings(cjk: bool) -> _Phrasings:
    if cjk not in _PREPARED:
        _PREPARED[cjk] = _prepare(cjk)
    return _PREPARED[cjk]


def _cue(row: QuestionKind, lang: Lang) -> Pattern | None:
    source = row.cues.get(lang)
    if not source:
        return None
    key = (row.name, lang)
    if key not in _CUES:
        _CUES[key] = Pattern(source)
    return _CUES[key]


def prepare() -> None:
    """Build the phrasing keys, word lists and compiled cue patterns now, not on a first question."""
    for cjk in (False, True):
        _phrasings(cjk)
    known_words()
    known_chars()
    for row in TABLE:
        for lang in row.cues:
            cue = _cue(row, lang)
            if cue is not None:
                cue.compiled  # noqa: B018  (compiling is the point)


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word of every phrasing, the lexicon's stop and domain words, and the cue vocabulary."""
    words = {w for key in _phrasings(False).keys for w in key.split()}
    return frozenset(words | STOPWORDS | DOMAIN | KEYWORDS | FILLER | EXTRA_KNOWN)


ZH_PLAIN = frozenset("它他她那这呢吗吧啊呀的了是在和与请问")  # pronouns and particles


@lru_cache(maxsize=1)
def known_chars() -> frozenset[str]:
    """Every Chinese character of the Chinese phrasings and cue words."""
    texts = [*_phrasings(True).keys, *(row.cues.get("zh", "") for row in TABLE)]
    return frozenset(ch for text in texts for ch in text if is_cjk(ch))


def unknown_words(template: str) -> list[str]:
    """The template's Latin words that no phrasing, cue or word list knows."""
    return [w for w in template.split() if w.isalpha() and w.islower() and not is_cjk(w) and w not in known_words()]


def _unknown_chars(template: str) -> int:
    """How many of the template's Chinese characters appear in no phrasing or cue."""
    return sum(1 for ch in template if is_cjk(ch) and ch not in known_chars() and ch not in ZH_PLAIN)


def is_strange(template: str) -> bool:
    """Whether a question is mostly about something nothing here knows: a Latin word no phrasing,
    cue or word list knows, or three Chinese characters that appear in no phrasing or cue."""
    return bool(unknown_words(template)) or _unknown_chars(template) >= 3


def is_off_topic(template: str) -> bool:
    """Whether a question is about something else than the conversation's elections: strange (see
    above) for a reason other than a comparison's word ("which had the wider margin?" compares them)."""
    words = unknown_words(template)
    return any(not w.endswith(("er", "est")) for w in words) or _unknown_chars(template) >= 3


class Scored(NamedTuple):
    row: QuestionKind
    score: float
    similarity: float
    cue: bool
    missing: tuple[str, ...]  # needed slots the question doesn't fill


def missing_slots(row: QuestionKind, slots: str) -> tuple[str, ...]:
    """The row's needed slots (as strings of acceptable placeholders) the question's slots don't fill."""
    free = list(slots)
    missing: list[str] = []
    for need in row.needs:
        found = next((s for s in free if s in need), None)
        if found is None:
            missing.append(need)
        else:
            free.remove(found)
    return tuple(missing)


@lru_cache(maxsize=4096)
def score(template: str, carried: str = "") -> tuple[Scored, ...]:
    """Every row's score for a question template, best first. `carried`: the placeholders the
    conversation can fill (a follow-up's election or person is not missing)."""
    key = template_key(template)
    unknown = unknown_words(key)
    slots = "".join(c for c in key if c in "EPOLY" and c.isupper())
    best = [0.0] * len(TABLE)
    latin = any(w.isascii() and w.islower() for w in key.split())
    scripts = (True, False) if is_cjk(key) and latin else (True,) if is_cjk(key) else (False,)
    key = key[-MAX_SCORED:]  # a long question sentence is scored on its end, where its question is
    for cjk in scripts:
        prepared = _phrasings(cjk)
        sims = similarities(key.replace(" ", "") if cjk else key, prepared.keys, cjk=cjk)
        for n, start, end in prepared.spans:
            if end > start:
                best[n] = max(best[n], max(sims[start:end]))
    cue_text = " ".join(SHORTHAND.get(w, w) for w in _SLOTS.sub(" ", template).split())  # "how'd" is "how did"
    cue_langs: tuple[Lang, ...] = (
        ("en", "zh") if latin and is_cjk(cue_text) else ("zh",) if is_cjk(cue_text) else ("en",)
    )
    reach = max(FAR - CUE_BONUS, max(best) - REACH)
    settling = [rule for rule in SETTLING if rule[0].search(cue_text)]
    out: list[Scored] = []
    for n, row in enumerate(TABLE):
        similarity = best[n]
        # cue words are looked for only where they can matter: in the question's scripts, and for
        # rows close enough to the best that the bonus could change the outcome
        cue = similarity >= reach and any(
            (p := _cue(row, lang)) is not None and p.search(cue_text) for lang in cue_langs
        )
        for _, towards, against in settling:
            if row.name in towards:
                cue = True
            elif row.name in against:
                cue, similarity = False, similarity - CUE_BONUS
        missing = missing_slots(row, slots + carried)
        total = similarity + (CUE_BONUS if cue else 0.0) - MISSING_SLOT * len(missing)
        total -= sum(UNUSABLE.get(slot, 0.0) for slot in set(slots) if not any(slot in need for need in row.needs))
        total -= min(MAX_UNKNOWN, UNKNOWN_WORD * len(unknown))
        out.append(Scored(row, total, similarity, cue, missing))
    return tuple(sorted(out, key=lambda s: -s.score))


def same_answer(a: QuestionKind, b: QuestionKind, *, elections: int = 0) -> bool:
    """Two rows that would give the same reply (a runner-up like this is no rival): the same row,
    or, when two elections are named, a comparison and a figure (both compare on the figure)."""
    if a.name == b.name:
        return True
    kinds = {a.intent, b.intent}
    return elections > 1 and kinds == {Intent.compare, Intent.figure}


class Verdict(NamedTuple):
    best: Scored
    rivals: tuple[Scored, ...]  # runners-up within reach, offered when unsure

    @property
    def sure(self) -> bool:
        if not self.best.cue and self.best.row.intent in NEEDS_CUE and self.best.similarity < VERBATIM:
            return False  # "how did the Staten Island centre vote in 2022" is not "how many votes in 2022"
        needed = ANSWER if self.best.cue else ANSWER + NO_CUE  # likeness alone must be stronger
        return self.best.score >= needed and not self.close_rival

    @property
    def close_rival(self) -> bool:
        # a rival matched on likeness alone is no coin toss against a row whose own words are there
        return any(r.score > self.best.score - MARGIN and (r.cue or not self.best.cue) for r in self.rivals)

    @property
    def plausible(self) -> bool:
        return self.best.score >= SUGGEST


def judge(scored: tuple[Scored, ...], *, elections: int = 0) -> Verdict:
    best = scored[0]
    if not best.cue and best.similarity < VERBATIM:
        cued = next((s for s in scored[1:MAX_SUGGESTED] if s.cue and s.score >= best.score - CUE_OVER_LIKENESS), None)
        if cued is not None and cued.score >= ANSWER:
            best, scored = cued, (cued, *(s for s in scored[1:] if s is not cued))  # the likeness alone is no rival
    rivals = tuple(
        s
        for s in scored[1:MAX_SUGGESTED]
        if s.score >= SUGGEST and not same_answer(s.row, best.row, elections=elections)
    )
    return Verdict(best, rivals)
