"""Normalisation and entity matching: the only module that imports rapidfuzz.

Work per question is bounded by the question's length, not the store's size: aliases and
facet values sit in dicts keyed by their normalised form and are looked up by n-gram (Latin
script) or substring (Chinese); a word the store does not know is typo-corrected by looking
its one-letter deletions up in a table of the vocabulary's own (deletions, transpositions,
substitutions and insertions all meet there); the few candidates found are checked with rapidfuzz.
"""

from __future__ import annotations

import gc
import re
import threading
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from string import ascii_lowercase, digits
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.language import CJK_CHARS, simplified
from bot.language import is_cjk as is_cjk  # re-exported: callers that read it here before bot.language existed
from bot.lexicon import DOMAIN, KEYWORDS, NEVER_CORRECT, STOPWORDS, Pattern
from bot.models import Election, Outcome
from bot.places import KIND_VARIANTS, US_STATES, ZH_NAMES
from bot.store import Store
from bot.typos_zh import mend

TOKEN = re.compile(f"[{CJK_CHARS}]+|[^\\s{CJK_CHARS}]+")
CODE_SHAPE = re.compile(r"^[a-z]{2,5}\d{1,4}$")
CASE_NUMBER = Pattern(r"\b(\d{2}) ([a-z]{2}) (\d{5,6})\b")  # NLRB case 29-RC-288020, normalised
MAX_NGRAM = 6
MAX_CJK_ALIAS = 16
_NAME_DOT = re.compile(f"(?<=[{CJK_CHARS}])\\s*[·・•‧･\\-‐–—]\\s*(?=[{CJK_CHARS}])")


def normalise(text: str) -> str:
    """NFKC, case-folded; punctuation becomes space; apostrophes inside words are dropped."""
    text = simplified(unicodedata.normalize("NFKC", text).casefold())
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _NAME_DOT.sub("", text)  # "马德琳·韦斯利", "劳联-产联": a Chinese name is one word, dot, hyphen or not
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)
    text = re.sub(r"[^\w%]+|_", " ", text)
    if is_cjk(text):  # "ldj5的投票率" -> "ldj5 的投票率": words of each script stand apart
        return " ".join(TOKEN.findall(text))
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def alias_key(text: str) -> str:
    """The dictionary key of an alias: normalised, with no spaces inside Chinese runs."""
    return re.sub(f"(?<=[{CJK_CHARS}]) (?=[{CJK_CHARS}])", "", normalise(text))


@dataclass(frozen=True, slots=True)
class Target:
    """What a span of a question names: a record, or a facet value shared by elections."""

    kind: str  # "election", "person", "organisation", or a facet: "city", "state", "employer", ...
    key: str  # record id, or the facet value's key

    @property
    def is_facet(self) -> bool:
        return self.kind not in ("election", "person", "organisation")

    @property
    def slot(self) -> str:
        """The placeholder standing for this target in a question's template (see table.SLOTS)."""
        return SLOT_OF.get(self.kind, "L")


# Placeholders, upper case so they never meet a normalised (lower-case) word: E election,
# P person, O organisation (also an employer or union name), L place, Y year.
SLOT_OF = {"election": "E", "person": "P", "organisation": "O", "employer": "O", "union": "O", "year": "Y"}
SLOT_ORDER = "EPOLY"


@dataclass(frozen=True, slots=True)
class Hit:
    targets: tuple[Target, ...]
    start: int  # token span [start, end)
    end: int
    text: str
    fuzzy: bool = False


@dataclass(slots=True)
class Analysis:
    norm: str
    tokens: list[str]
    hits: list[Hit] = field(default_factory=list)
    unknown_codes: list[str] = field(default_factory=list)
    near: list[Target] = field(default_factory=list)  # close, but not close enough to act on
    leftover: list[str] = field(default_factory=list)  # tokens no hit covers (Chinese: leftover runs)
    template: str = ""  # the question with every record or facet it names replaced by its placeholder

    def targets(self, *kinds: str) -> list[Target]:
        seen: dict[Target, None] = {}
        for hit in self.hits:
            for target in hit.targets:
                if target.kind in kinds:
                    seen.setdefault(target)
        return list(seen)


def edit_distance(a: str, b: str) -> int:
    """Edits (deletion, insertion, substitution, transposition) between two words."""
    return int(OSA.distance(a, b))


def edits1(word: str, alphabet: str = ascii_lowercase) -> set[str]:
    """Every string one edit from `word`: deletion, transposition, substitution, insertion."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in alphabet}
    inserts = {a + c + b for a, b in splits for c in alphabet}
    return (deletes | transposes | replaces | inserts) - {word}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class OneEdit:
    """A word set's words one edit from a word, found through the set's one-letter deletions: a
    few dict lookups instead of the hundreds of variants edits1 makes per unknown word."""

    __slots__ = ("_deleted",)

    def __init__(self, words: Iterable[str]) -> None:
        deleted: dict[str, set[str]] = {}
        for w in words:
            for key in {w, *_deletes(w)}:
                deleted.setdefault(key, set()).add(w)
        self._deleted = {key: frozenset(found) for key, found in deleted.items()}

    def near(self, word: str, alphabet: str = ascii_lowercase) -> set[str]:
        """The same words as `edits1(word, alphabet) & words`: one edit away, and any letter the
        edit adds is of `alphabet`."""
        found: set[str] = set()
        for key in {word, *_deletes(word)}:
            found |= self._deleted.get(key, frozenset())
        return {
            v for v in found if OSA.distance(word, v) == 1 and all(c in alphabet for c in Counter(v) - Counter(word))
        }


_MINOR = frozenset({"of", "the", "and", "for", "in", "on", "at", "to"})


def initials(name: str) -> str | None:
    """What people call an organisation of three or more capitalised words when the store gives no
    abbreviation: its initials ("National Employment Law Project" -> "NELP")."""
    major = [w for w in name.split() if w.casefold() not in _MINOR]
    if len(major) < 3 or not all(w[:1].isupper() for w in major):
        return None
    return "".join(w[0] for w in major)


# Words at least this long are corrected at two edits ("albney" -> "albany"), when exactly one name
# word that starts with the same letter is that near; shorter words only at one edit ("smals").
TWO_EDITS_FROM = 6


class Index:
    """Everything the matcher needs, built once per store."""

    def __init__(self, store: Store) -> None:
        self.entries: dict[str, tuple[Target, ...]] = {}
        self.order: list[str] = list(store.elections)  # election ids; facets hold positions in this list
        self.facet_members: dict[Target, array[int]] = {}
        self.codes: dict[str, str] = {}
        self._facets_seen: dict[tuple[str, str], Target] = {}
        self.outcome_members: dict[Outcome, array[int]] = {}
        for n, e in enumerate(store.elections.values()):
            self._add_election(e.id, e.code, (*e.aliases, *((e.case_number,) if e.case_number else ())))
            self._add_facets(n, e)
        for o in store.organisations.values():
            for alias in (o.name, o.name_zh, o.abbreviation or initials(o.name), *o.aliases):
                self._add(alias, Target("organisation", o.id))
        for p in store.people.values():
            for alias in (p.name, p.name_zh, *p.aliases):
                self._add(alias, Target("person", p.id))
        self.vocabulary: frozenset[str] = frozenset(
            word for key in self.entries if not is_cjk(key) for word in key.split() if len(word) >= 4 and word.isalpha()
        )
        # Words the sources themselves use in quotes and their translations ("stake", "wildfire") are
        # real words, whatever the names are: never "corrected" into a name word one edit away.
        self.prose: frozenset[str] = (
            frozenset(
                word
                for q in store.quotes.values()
                for word in TOKEN.findall(normalise(q.text + " " + (q.translation or "")))
                if len(word) >= 4 and word.isalpha() and not is_cjk(word)
            )
            - self.vocabulary
        )
        self.sorted_vocabulary = sorted(self.vocabulary)  # searched for words two edits away
        self.near_vocabulary = OneEdit(self.vocabulary)  # typo candidates without generating edits
        self.near_keywords = OneEdit(KEYWORDS)
        del self._facets_seen

    def _add(self, alias: str | None, target: Target) -> None:
        if alias:
            key = alias_key(alias)
            if key:
                known = self.entries.get(key, ())
                if target not in known:
                    self.entries[key] = (*known, target)
                for state, abbr in STATE_IN_NAME:  # "upstate New York" is also "upstate NY"
                    if state in key and key != state:
                        self._add(key.replace(state, abbr), target)

    def _add_election(self, election_id: str, code: str | None, aliases: Iterable[str]) -> None:
        target = Target("election", election_id)
        if code:
            self.codes[code.casefold()] = election_id
            self._add(code, target)
        for alias in aliases:
            self._add(alias, target)

    def _facet(self, kind: str, value: str | None, position: int) -> None:
        if not value:
            return
        target = self._facets_seen.get((kind, value))
        if target is None:  # a value's names are indexed once, however many elections share it
            target = self._facets_seen[(kind, value)] = Target(kind, alias_key(value))
            names = [value, *ZH_NAMES.get(value.casefold(), ()), *KIND_VARIANTS.get(value.casefold(), ())]
            for name in names:
                self._add(name, target)
        members = self.facet_members.get(target)
        if members is None:
            members = self.facet_members[target] = array("i")
        if not members or members[-1] != position:
            members.append(position)

    def _add_facets(self, position: int, e: Election) -> None:
        self._facet("city", e.city, position)
        self._facet("region", e.region, position)
        self._facet("state", US_STATES.get(e.state, e.state), position)
        self._facet("employer", e.employer, position)
        self._facet("union", e.union, position)
        self._facet("union", e.union_abbr, position)
        if e.facility_kind and e.facility_kind.casefold() not in GENERIC_KINDS:
            self._facet("kind", e.facility_kind, position)
        if e.tally_date:
            self._facet("year", e.tally_date[:4], position)
        outcome = self.outcome_members.get(e.outcome)  # not a name anyone types: no alias entry
        if outcome is None:
            outcome = self.outcome_members[e.outcome] = array("i")
        outcome.append(position)

    def members(self, target: Target) -> array[int]:
        return self.facet_members.get(target, array("i"))

    def facet(self, kind: str, value: str) -> Target:
        return Target(kind, alias_key(value))

    # --- lookups -----------------------------------------------------------------

    def correct(self, word: str) -> tuple[str | None, list[str]]:
        """The vocabulary word one edit away when there is exactly one (and the word is long enough
        to trust); else, for a longer word, the one two edits away that starts with the same letter;
        else None and the candidates, for "did you mean"."""
        candidates = sorted(self.near_vocabulary.near(word))
        if len(word) >= 5 and len(candidates) == 1:
            return candidates[0], []
        if candidates or len(word) < TWO_EDITS_FROM:
            return None, candidates
        far = [
            v
            for v, _, _ in process.extract(
                word, self.sorted_vocabulary, scorer=OSA.distance, score_cutoff=2, limit=None
            )
            if v[0] == word[0] and len(v) >= TWO_EDITS_FROM
        ]
        return (far[0], []) if len(far) == 1 else (None, sorted(far))

    def near_codes(self, code: str) -> list[str]:
        """Facility codes one edit from `code` (offered, never answered: codes are exact)."""
        return sorted(v for v in edits1(code, ascii_lowercase + digits) if v in self.codes)


# A state's name inside a longer place name, and its postal abbreviation ("upstate new york" -> "upstate ny")
STATE_IN_NAME = tuple((alias_key(name), abbr.casefold()) for abbr, name in US_STATES.items())

# What people call any workplace ("which Amazon warehouse is the biggest?"): never a filter, even
# where a source calls one election's facility by that word.
GENERIC_KINDS = frozenset({"warehouse", "facility", "site", "workplace", "仓库"})

_INDEXES: WeakKeyDictionary[Store, Index] = WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def index_for(store: Store) -> Index:
    """The store's index, built once per process however many threads ask at once."""
    index = _INDEXES.get(store)
    if index is None:
        with _INDEXES_LOCK:
            index = _INDEXES.get(store)
            if index is None:
                gc.disable()  # hundreds of thousands of small objects: don't let the collector rescan them
                try:
                    index = _INDEXES[store] = Index(store)
                finally:
                    gc.enable()
    return index


def _join_codes(tokens: list[str], index: Index) -> list[str]:
    """'alb 1' and 'alb-1' name the code alb1: join a letters token and a digits token when they do."""
    out: list[str] = []
    for token in tokens:
        if out and token.isdigit() and out[-1].isalpha() and (out[-1] + token) in index.codes:
            out[-1] += token
        else:
            out.append(token)
    return out


def analyse(question: str, store: Store, *, known: frozenset[str] = frozenset()) -> Analysis:
    """The records a question names (typo-corrected), and its template. Words in `known` (the
    question table's vocabulary) are questions' own words: never corrected into names."""
    index = index_for(store)
    norm = mend(normalise(question), is_name=lambda wrong: any(wrong in key for key in index.entries if is_cjk(key)))
    tokens = _join_codes(TOKEN.findall(norm), index)
    analysis = Analysis(norm=norm, tokens=tokens)
    for case in (
        CASE_NUMBER.finditer(norm) if any(c.isdigit() for c in norm) else ()
    ):  # a case number is exact: one the store lacks is never guessed
        if case.group(0) not in index.entries:
            analysis.unknown_codes.append("-".join(case.groups()).upper())
    words = list(tokens)
    fuzzy_at: set[int] = set()
    for i, token in enumerate(tokens):
        if is_cjk(token) or token in index.entries:
            continue
        if CODE_SHAPE.match(token):
            analysis.unknown_codes.append(token)
            continue
        if not token.isalpha() or len(token) < 4 or token in STOPWORDS or token in DOMAIN or token in NEVER_CORRECT:
            continue
        if token in known:
            continue
        if token in index.vocabulary or token in index.prose:
            continue
        fixed, near = index.correct(token)
        if fixed:
            words[i] = fixed
            fuzzy_at.add(i)
        elif not near and (keyword := _keyword(token, index)):
            words[i] = keyword  # not a name: a mistyped word of the question, read as meant
        else:
            for word in near[:3]:
                analysis.near.extend(_targets_with_word(index, word))
    if words != tokens:
        analysis.norm = " ".join(words)  # the cues read the corrected words
    covered = [False] * len(tokens)
    cjk = [is_cjk(w) for w in words]
    i = 0
    while i < len(words):
        if cjk[i]:
            _match_cjk(words[i], i, index, analysis)
            covered[i] = True
            i += 1
            continue
        for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            if any(cjk[i : i + n]):
                continue
            key = " ".join(words[i : i + n])
            targets = index.entries.get(key)
            if targets:
                fuzzy = any(j in fuzzy_at for j in range(i, i + n))
                analysis.hits.append(Hit(tuple(sorted(targets, key=_order)), i, i + n, key, fuzzy))
                for j in range(i, i + n):
                    covered[j] = True
                i += n
                break
        else:
            i += 1
    latin_left = [w for w, c in zip(words, covered, strict=True) if not c]
    analysis.leftover = latin_left + analysis.leftover  # Chinese leftovers were added by _match_cjk
    analysis.template = _template(words, cjk, analysis.hits)
    return analysis


def _placeholder(hit: Hit) -> str:
    return min((t.slot for t in hit.targets), key=SLOT_ORDER.index)


def _template(words: list[str], cjk: list[bool], hits: list[Hit]) -> str:
    latin = {h.start: h for h in hits if not is_cjk(h.text)}
    out: list[str] = []
    i = 0
    while i < len(words):
        if cjk[i]:
            run = words[i]
            for hit in hits:
                if hit.start == i and is_cjk(hit.text):
                    run = run.replace(hit.text, _placeholder(hit), 1)
            out.append(run)
            i += 1
        elif i in latin:
            out.append(_placeholder(latin[i]))
            i = latin[i].end
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _keyword(word: str, index: Index) -> str | None:
    if len(word) < 6:
        return None
    found = sorted(index.near_keywords.near(word))
    return found[0] if len(found) == 1 else None


def _order(target: Target) -> tuple[int, str]:
    return (0 if not target.is_facet else 1, target.kind + target.key)


def _targets_with_word(index: Index, word: str) -> list[Target]:
    """Records an alias of which is exactly `word` (for "did you mean" suggestions)."""
    return [t for t in index.entries.get(word, ()) if not t.is_facet]


def _match_cjk(run: str, position: int, index: Index, analysis: Analysis) -> None:
    """Longest alias found at each place in a Chinese run; what no alias covers is left over."""
    rest: list[str] = []
    i = 0
    while i < len(run):
        for n in range(min(MAX_CJK_ALIAS, len(run) - i), 1, -1):
            targets = index.entries.get(run[i : i + n])
            if targets:
                analysis.hits.append(Hit(tuple(sorted(targets, key=_order)), position, position + 1, run[i : i + n]))
                rest.append(" ")
                i += n
                break
        else:
            rest.append(run[i])
            i += 1
    leftover = "".join(rest).split()
    analysis.leftover.extend(leftover)


def _scores(query: str, choices: list[str], scorer: Callable[..., float]) -> list[float]:
    out = [0.0] * len(choices)
    for _, score, at in process.extract(query, choices, scorer=scorer, limit=None):
        out[at] = score
    return out


def similarities(query: str, choices: list[str], *, cjk: bool) -> list[float]:
    """How like each choice the query is, 0-100. Latin script by words (order-free, and extra
    words count against a match); Chinese, written without spaces, by characters."""
    if cjk:
        pairs = zip(_scores(query, choices, fuzz.ratio), _scores(query, choices, fuzz.partial_ratio), strict=True)
        return [0.6 * whole + 0.4 * part for whole, part in pairs]
    pairs = zip(
        _scores(query, choices, fuzz.token_set_ratio), _scores(query, choices, fuzz.token_sort_ratio), strict=True
    )
    return [0.5 * whole + 0.5 * order_free for whole, order_free in pairs]
