"""Normalisation and entity matching: the only module that imports rapidfuzz.

Work per question is bounded by the question's length, not the store's size: aliases and
facet values sit in dicts keyed by their normalised form and are looked up by n-gram (Latin
script) or substring (Chinese); typos are corrected word by word through a deletion index
(each vocabulary word filed under itself and every one-character deletion of it), and only
the few candidates it yields are scored with rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from rapidfuzz.distance import OSA

from bot.lexicon import DOMAIN, NEVER_CORRECT, STOPWORDS
from bot.models import Election
from bot.places import KIND_VARIANTS, US_STATES, ZH_NAMES
from bot.store import Store

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
TOKEN = re.compile(f"[{CJK_CHARS}]+|[^\\s{CJK_CHARS}]+")
CODE_SHAPE = re.compile(r"^[a-z]{2,5}\d{1,4}$")
MAX_NGRAM = 6
MAX_CJK_ALIAS = 16


def normalise(text: str) -> str:
    """NFKC, case-folded; punctuation becomes space; apostrophes inside words are dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)
    text = re.sub(r"[^\w%]+|_", " ", text)
    return " ".join(text.split())


def is_cjk(text: str) -> bool:
    return CJK.search(text) is not None


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

    def targets(self, *kinds: str) -> list[Target]:
        seen: dict[Target, None] = {}
        for hit in self.hits:
            for target in hit.targets:
                if target.kind in kinds:
                    seen.setdefault(target)
        return list(seen)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Index:
    """Everything the matcher needs, built once per store."""

    def __init__(self, store: Store) -> None:
        self.entries: dict[str, set[Target]] = {}
        self.facet_members: dict[Target, set[str]] = {}
        self.codes: dict[str, str] = {}
        for e in store.elections.values():
            self._add_election(e.id, e.code, e.aliases)
            self._add_facets(e.id, e)
        for o in store.organisations.values():
            for alias in (o.name, o.name_zh, o.abbreviation, *o.aliases):
                self._add(alias, Target("organisation", o.id))
        for p in store.people.values():
            for alias in (p.name, p.name_zh, *p.aliases):
                self._add(alias, Target("person", p.id))
        self.vocabulary: set[str] = {
            word for key in self.entries if not is_cjk(key) for word in key.split() if len(word) >= 4 and word.isalpha()
        }
        self.deletion_index: dict[str, set[str]] = {}
        for word in self.vocabulary:
            for variant in _deletes(word):
                self.deletion_index.setdefault(variant, set()).add(word)
        self.code_deletions: dict[str, set[str]] = {}
        for code in self.codes:
            for variant in _deletes(code) | {code}:
                self.code_deletions.setdefault(variant, set()).add(code)

    def _add(self, alias: str | None, target: Target) -> None:
        if alias:
            key = alias_key(alias)
            if key:
                self.entries.setdefault(key, set()).add(target)

    def _add_election(self, election_id: str, code: str | None, aliases: Iterable[str]) -> None:
        target = Target("election", election_id)
        if code:
            self.codes[code.casefold()] = election_id
            self._add(code, target)
        for alias in aliases:
            self._add(alias, target)

    def _facet(self, kind: str, value: str | None, election_id: str) -> None:
        if not value:
            return
        target = Target(kind, alias_key(value))
        self.facet_members.setdefault(target, set()).add(election_id)
        names = [value, *ZH_NAMES.get(value.casefold(), ()), *KIND_VARIANTS.get(value.casefold(), ())]
        for name in names:
            self._add(name, target)

    def _add_facets(self, election_id: str, e: Election) -> None:
        self._facet("city", e.city, election_id)
        self._facet("region", e.region, election_id)
        self._facet("state", US_STATES.get(e.state, e.state), election_id)
        self._facet("employer", e.employer, election_id)
        self._facet("union", e.union, election_id)
        self._facet("union", e.union_abbr, election_id)
        self._facet("kind", e.facility_kind, election_id)
        if e.tally_date:
            self._facet("year", e.tally_date[:4], election_id)

    # --- lookups -----------------------------------------------------------------

    def correct(self, word: str) -> tuple[str | None, list[str]]:
        """A vocabulary word one edit away (None when none or several), and words two edits away."""
        candidates: set[str] = set(self.deletion_index.get(word, ()))
        for variant in _deletes(word):
            candidates |= self.deletion_index.get(variant, set())
            if variant in self.vocabulary:
                candidates.add(variant)
        scored = sorted((OSA.distance(word, c), c) for c in candidates)
        one = [c for d, c in scored if d == 1]
        two = [c for d, c in scored if d == 2]
        if len(word) >= 5 and len(one) == 1:
            return one[0], two
        return None, one + two

    def near_codes(self, code: str) -> list[str]:
        found: set[str] = set()
        for variant in _deletes(code) | {code}:
            found |= self.code_deletions.get(variant, set())
        return sorted(c for c in found if OSA.distance(code, c) <= 1)


_INDEXES: WeakKeyDictionary[Store, Index] = WeakKeyDictionary()


def index_for(store: Store) -> Index:
    index = _INDEXES.get(store)
    if index is None:
        index = _INDEXES[store] = Index(store)
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


def analyse(question: str, store: Store) -> Analysis:
    index = index_for(store)
    norm = normalise(question)
    tokens = _join_codes(TOKEN.findall(norm), index)
    analysis = Analysis(norm=norm, tokens=tokens)
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
        if token in index.vocabulary:
            continue
        fixed, near = index.correct(token)
        if fixed:
            words[i] = fixed
            fuzzy_at.add(i)
        else:
            for word in near[:3]:
                analysis.near.extend(_targets_with_word(index, word))
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
    latin_left = [t for t, c in zip(tokens, covered, strict=True) if not c]
    analysis.leftover = latin_left + analysis.leftover  # Chinese leftovers were added by _match_cjk
    return analysis


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
