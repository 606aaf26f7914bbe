"""Employers named by some of their words (official3): "Nissan Canton" is "Nissan North America,
Inc., Nissan Canton, Mississippi Vehicle Assembly Plant", "Volkswagen Chattanooga" is "Volkswagen
Group of America Chattanooga Operations", "Harvard" is "President and Fellows of Harvard College".

bot.official_names matches a whole name (or one edit from it); this reads a question's leftover
name words as words of the employers' display and legal names: the employers holding the most of
them, narrowed afterwards by the question's place and year. Built once per layer. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.store import Store

MIN_WORD = 3  # shorter words ("co", "of") name no employer
COMMON = 150  # a word in this many employers' names ("services", "county") only narrows, never names one
STOP = frozenset(
    {"the", "and", "inc", "llc", "corp", "corporation", "company", "co", "of", "d", "b", "a", "dba", "ltd", "lp"}
)


@dataclass(frozen=True, slots=True)
class EmployerWords:
    by_word: Mapping[str, frozenset[str]]  # a word of an employer's display or legal name -> display keys

    def named(
        self,
        words: Sequence[str],
        *,
        written: frozenset[str] = frozenset(),
        exact: Mapping[str, str] | None = None,
        candidates: Sequence[str] = (),
    ) -> tuple[str, ...]:
        """The employers (display keys) whose names hold the most of `words` (those written as names,
        capitalised, first); () when no word is a rare enough word of some employer's name. With
        `exact`, one of `candidates` that is an employer's whole name ("REI") is that employer."""
        whole = [w for w in candidates if exact is not None and w in exact]
        if whole:
            return (whole[0],)
        shown = [w for w in words if w in written] or list(words)
        if not shown:
            return ()
        found = [(w, self.by_word[w]) for w in dict.fromkeys(shown) if w in self.by_word and w not in STOP]
        if not any(len(keys) <= COMMON for _, keys in found):
            return ()
        counts: dict[str, int] = {}
        for _, keys in found:
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
        best = max(counts.values())
        if best == 1:  # each employer holds one of the words: the rarest word's employers
            rarest = min((keys for _, keys in found), key=lambda keys: len(keys))
            return tuple(sorted(rarest))
        return tuple(sorted(k for k, n in counts.items() if n == best))

    def containing(self, words: Sequence[str]) -> tuple[str, ...]:
        """The employers (display keys) whose names hold every one of `words` ("Boeing": "The Boeing")."""
        sets = [self.by_word.get(w, frozenset()) for w in words if w not in STOP and len(w) >= MIN_WORD]
        return tuple(sorted(frozenset.intersection(*sets))) if sets else ()


def build(store: Store) -> EmployerWords:
    from bot.nlrb.names import name_key

    ix = store.official.indexes
    words: dict[str, set[str]] = {}
    for r in ix.by_id.values():
        display = name_key(r.employer_display)
        for w in {*display.split(), *name_key(r.employer).split()}:
            if len(w) >= MIN_WORD and w.isalpha():
                words.setdefault(w, set()).add(display)
    return EmployerWords({w: frozenset(keys) for w, keys in words.items()})


_WORDS: dict[int, EmployerWords] = {}


def employer_words(store: Store) -> EmployerWords:
    """The layer's employer words, built on first use (a server builds them before it forks)."""
    ix = store.official.indexes
    found = _WORDS.get(id(ix))
    if found is None:
        found = build(store)
        _WORDS.clear()  # one store at a time
        _WORDS[id(ix)] = found
    return found
