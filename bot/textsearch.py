"""Word search over quote texts and their translations (who said these words?)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from weakref import WeakKeyDictionary

from bot.lexicon import STOPWORDS
from bot.matcher import CJK_CHARS, is_cjk, normalise
from bot.models import Quote
from bot.store import Store

_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "ies", "ied", "er", "es", "ed", "ly", "s", "e")
_BRITISH = re.compile(r"is(e|ed|es|ing|ings|ation|ations|er|ers)$")
_CJK_RUN = re.compile(f"[{CJK_CHARS}]+")


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


class QuoteIndex:
    def __init__(self, quotes: Iterable[Quote]) -> None:
        self.postings: dict[str, set[str]] = {}
        self.terms: dict[str, frozenset[str]] = {}
        for quote in quotes:
            found = self.terms[quote.id] = frozenset(terms(quote.text) | terms(quote.translation or ""))
            for term in found:
                self.postings.setdefault(term, set()).add(quote.id)
        self.size = len(self.terms)

    def idf(self, term: str) -> float:
        return math.log(1 + self.size / (1 + len(self.postings.get(term, ()))))

    def search(self, query_terms: set[str]) -> list[tuple[float, str]]:
        """(coverage, quote id), best first; coverage is the share of the query's weight a quote has."""
        known = [t for t in query_terms if t in self.postings]
        total = sum(self.idf(t) for t in query_terms) or 1.0
        scores: dict[str, float] = {}
        for term in known:
            weight = self.idf(term)
            for quote_id in self.postings[term]:
                scores[quote_id] = scores.get(quote_id, 0.0) + weight
        return sorted(((score / total, qid) for qid, score in scores.items()), key=lambda p: (-p[0], p[1]))


_INDEXES: WeakKeyDictionary[Store, QuoteIndex] = WeakKeyDictionary()


def quote_index(store: Store) -> QuoteIndex:
    index = _INDEXES.get(store)
    if index is None:
        index = _INDEXES[store] = QuoteIndex(store.quotes.values())
    return index
