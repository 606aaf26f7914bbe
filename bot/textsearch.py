"""Word search over quote texts and their translations (who said these words?)."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from weakref import WeakKeyDictionary

from bot.glossary import GROUPS
from bot.language import CJK_CHARS, is_cjk
from bot.lexicon import STOPWORDS
from bot.matcher import normalise
from bot.models import Quote
from bot.store import Store

_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ers",
    "ies",
    "ied",
    "er",
    "es",
    "ed",
    "ly",
    "s",
    "e",
    "y",
)  # injury ~ injuries
_BRITISH = re.compile(r"is(e|ed|es|ing|ings|ation|ations|er|ers)$")
_CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
_EDITORIAL = re.compile(r"\[[^\]]*\]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = _BRITISH.sub(r"iz\1", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> set[str]:
    """Stemmed Latin words (no stop words) and Chinese character pairs of a text."""
    found: set[str] = set()
    for token in normalise(text).split():
        if is_cjk(token):
            for run in _CJK_RUN.findall(token):
                found.update(run[i : i + 2] for i in range(len(run) - 1))
        elif token not in STOPWORDS and len(token) > 1:
            found.add(stem(token))
    return found


@lru_cache(maxsize=1)
def _alternatives() -> dict[str, frozenset[str]]:
    """Each glossary term and the terms of its group (bot.glossary), in both languages."""
    out: dict[str, frozenset[str]] = {}
    for en, zh in GROUPS:
        group = frozenset(terms(en) | terms(zh))
        for term in group:
            out[term] = out.get(term, frozenset()) | group
    return out


def alternatives(term: str) -> frozenset[str]:
    """The terms that stand for a topic term in a search: itself and its glossary group."""
    return _alternatives().get(term, frozenset((term,)))


class QuoteIndex:
    def __init__(self, quotes: Iterable[Quote]) -> None:
        self.postings: dict[str, set[str]] = {}
        self.terms: dict[str, frozenset[str]] = {}
        self.editorial: dict[str, frozenset[str]] = {}  # words in [brackets]: what the quote is about
        self.editorial_postings: dict[str, set[str]] = {}
        for quote in quotes:
            # words in [brackets] are the editor's, not the speaker's: never what a search matches
            written = quote.text + "\n" + (quote.translation or "")
            said = _EDITORIAL.sub(" ", written)
            self.editorial[quote.id] = frozenset(terms(" ".join(_EDITORIAL.findall(written))))
            for term in self.editorial[quote.id]:
                self.editorial_postings.setdefault(term, set()).add(quote.id)
            found = self.terms[quote.id] = frozenset(terms(said))
            for term in found:
                self.postings.setdefault(term, set()).add(quote.id)
        self.size = len(self.terms)

    def idf(self, term: str) -> float:
        return math.log(1 + self.size / (1 + len(self.posting(term))))

    def posting(self, term: str) -> set[str]:
        """The quotes holding the term or a glossary word for it (in either language)."""
        found = self.postings.get(term, set())
        more = [self.postings[t] for t in alternatives(term) if t != term and t in self.postings]
        return found.union(*more) if more else found

    def holds(self, qid: str, term: str, *, editorial: bool = False) -> bool:
        """Whether the quote's words hold the term or a glossary word for it; with `editorial`, the
        editor's words in [brackets] count too (a topic: "[the audit will] evaluate …" is about the audit)."""
        held = self.terms.get(qid, frozenset())
        if editorial:
            held = held | self.editorial.get(qid, frozenset())
        return term in held or not held.isdisjoint(alternatives(term))

    def shared(self, query_terms: set[str], qid: str) -> int:
        """How many of the query's terms the quote holds (a glossary word for one counts)."""
        return sum(self.holds(qid, t, editorial=True) for t in query_terms)

    def search(self, query_terms: set[str], min_coverage: float) -> list[tuple[float, str]]:
        """(coverage, quote id) of quotes holding at least `min_coverage` of the query's weight, best first.

        Quotes holding every term are found by set intersection. Otherwise only quotes holding one
        of the rarest terms can qualify (the rest can't reach the coverage without them), so only
        those are scored: the work follows the rare terms' postings, not the common ones'.
        """
        weights = {t: self.idf(t) for t in query_terms}
        total = sum(weights.values()) or 1.0
        postings = {t: self.posting(t) for t in query_terms}
        known = sorted((t for t in query_terms if postings[t]), key=lambda t: len(postings[t]))
        if not known:
            return []
        if len(known) == len(query_terms):
            everywhere = set.intersection(*(postings[t] for t in known))
            if everywhere:
                return [(1.0, qid) for qid in sorted(everywhere)]
        by_rarity = sorted(known, key=lambda t: (-weights[t], t))
        needed, allowed_missing, rare = 0.0, (1 - min_coverage) * total, []
        for term in by_rarity:
            rare.append(term)
            needed += weights[term]
            if needed > allowed_missing:
                break
        # a quote holding a rare term in the editor's words can qualify too ("[the JFK8 win is] a catalyst")
        candidates = set().union(*(postings[t] | self.editorial_postings.get(t, set()) for t in rare))
        scored = []
        for qid in candidates:
            # the editor's [bracketed] words say what the words refer to ("[the JFK8 win is] a catalyst")
            score = (
                sum(w for t, w in weights.items() if qid in postings[t] or self.holds(qid, t, editorial=True)) / total
            )
            if score >= min_coverage:
                scored.append((score, qid))
        return sorted(scored, key=lambda p: (-p[0], p[1]))

    def holding(self, query_terms: set[str], ids: Iterable[str], min_coverage: float) -> list[tuple[str, float]]:
        """(quote id, coverage) of the given quotes holding at least `min_coverage` of the query's weight."""
        weights = {t: self.idf(t) for t in query_terms}
        total = sum(weights.values()) or 1.0
        out = []
        for qid in ids:
            coverage = sum(w for t, w in weights.items() if self.holds(qid, t, editorial=True)) / total
            if coverage >= min_coverage:
                out.append((qid, coverage))
        return out


_INDEXES: WeakKeyDictionary[Store, QuoteIndex] = WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def quote_index(store: Store) -> QuoteIndex:
    """The store's quote index, built once per process however many threads ask at once."""
    index = _INDEXES.get(store)
    if index is None:
        with _INDEXES_LOCK:
            index = _INDEXES.get(store)
            if index is None:
                index = _INDEXES[store] = QuoteIndex(store.quotes.values())
    return index
