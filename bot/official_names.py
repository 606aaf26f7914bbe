"""Names of the official layer as a question may spell them (issue 9): employers by display name,
legal name and the "Joes" of "Trader Joe's"; unions by display name and as "<national union> Local
<n>"; and words one edit away from the names' own words ("Starbuck", "Bufalo", "Untied").

Built once per layer (before a server forks) so a question costs a few dictionary lookups: a word
is corrected through a table of its one-letter deletions, and each candidate is checked with the
matcher's edit distance (rapidfuzz's OSA). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING

from bot.matcher import edit_distance

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection
    from bot.store import Store

MIN_FUZZY = 5  # shorter words ("vote", "joes", "ibew") are matched exactly or not at all
MIN_VOCAB = 4  # the names' own words a misspelling may be read as
MAX_READINGS = 8  # spellings of a question tried, at most
PROMINENT = 50  # tallies a name word needs to be read from a word not written as a name (capitalised)
LOCAL = re.compile(r"\blocal (?:union )?(?:no )?(\d+)\b")
JOINED_S = re.compile(r"(\w) s\b")  # "trader joe s" -> "trader joes"


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def local_key(affiliation: str | None, display: str, key: str) -> str | None:
    """ "teamsters local 727" for any spelling of that local ("International Brotherhood of Teamsters
    Local Union 727"); None for a union with no national union or local number in its name."""
    from bot.nlrb.names import name_key

    found = LOCAL.search(key)
    return f"{name_key(affiliation)} local {found.group(1)}" if affiliation and found else None


@dataclass(frozen=True, slots=True)
class Names:
    employers: Mapping[str, str]  # any spelling's key -> the employer's display key
    unions: Mapping[str, str]  # a union's display key (two words or more) -> itself; "joined" forms too
    locals: Mapping[str, tuple[OfficialElection, ...]]  # "teamsters local 727" -> tallies with it on the ballot
    local_names: Mapping[str, str]  # "teamsters local 727" -> "Teamsters Local 727"
    vocab: frozenset[str]  # every word of every name (employers, unions, locals, cities)
    weight: Mapping[str, int]  # a name word -> how many tallies have it in a name
    deleted: Mapping[str, tuple[str, ...]]  # a vocabulary word less one letter -> the words it comes from
    starts: frozenset[str]  # the first word of every name, national union, town and state: where a match can begin

    def near(self, word: str, *, as_name: bool) -> tuple[str, ...]:
        """The names' words one edit from `word` (deletion, insertion, substitution, transposition);
        unless the word is written as a name, only the words of prominent names ("waiting" is never
        read as Whiting, Indiana; "starbuck" is read as Starbucks)."""
        found: set[str] = set()
        for variant in (word, *_deletes(word)):
            found.update(self.deleted.get(variant, ()))
            if variant != word and variant in self.vocab:
                found.add(variant)
        least = 1 if as_name else PROMINENT
        return tuple(
            sorted(w for w in found if self.weight[w] >= least and len(w) >= MIN_VOCAB and edit_distance(word, w) == 1)
        )

    def readings(self, tokens: list[str], known: frozenset[str], written: frozenset[str]) -> list[list[str]]:
        """The question's words with each word no name holds read as the name words one edit away
        (`written`: the words capitalised as names are, past the first); [] when none needs reading."""
        options: list[tuple[str, ...]] = []
        for t in tokens:
            fixed = len(t) < MIN_FUZZY or t in known or t in self.vocab or not t.isalpha()
            near = () if fixed else self.near(t, as_name=t in written)
            options.append(near or (t,))
        if all(len(o) == 1 and o[0] == t for o, t in zip(options, tokens, strict=True)):
            return []
        found: list[list[str]] = []
        for reading in product(*options):
            found.append(list(reading))
            if len(found) >= MAX_READINGS:
                break
        return found


def build(
    records: Sequence[OfficialElection],
    employer_names: Mapping[str, str],
    affiliations: Iterable[str],
    cities: Iterable[str],
) -> Names:
    from bot.nlrb.names import name_key

    employers: dict[str, str] = {}
    unions: dict[str, str] = {}
    locals_: dict[str, list[OfficialElection]] = {}
    local_names: dict[str, str] = {}
    for key in employer_names:
        employers[key] = key
    legal: dict[str, str] = {}
    for r in records:
        legal.setdefault(name_key(r.employer), name_key(r.employer_display))
        for u in r.unions:
            if u.display is None:
                continue
            key = name_key(u.display)
            if " " in key:
                unions.setdefault(key, key)
            found = local_key(u.affiliation, u.display, key)
            if found:
                group = locals_.setdefault(found, [])
                if not group or group[-1] is not r:
                    group.append(r)
                local_names.setdefault(found, f"{u.affiliation} Local {found.rsplit(' ', 1)[1]}")
    for key, display in legal.items():
        employers.setdefault(key, display)  # a display name wins over another employer's legal name
    for table in (employers, unions):
        for key in list(table):
            joined = JOINED_S.sub(r"\1s", key)
            if joined != key:
                table.setdefault(joined, table[key])
    weight: dict[str, int] = {}
    for r in records:
        named = {*name_key(r.employer_display).split(), *(name_key(r.city).split() if r.city else ())}
        for u in r.unions:
            named.update(name_key(u.display or "").split())
        for w in named:
            weight[w] = weight.get(w, 0) + 1
    vocab = frozenset(w for w in weight if w.isalpha())
    deleted: dict[str, list[str]] = {}
    for w in vocab:
        if len(w) >= MIN_VOCAB:
            for d in _deletes(w):
                deleted.setdefault(d, []).append(w)
    from bot.places import US_STATES

    heads = (employers, unions, local_names, affiliations, cities, (n.casefold() for n in US_STATES.values()))
    starts = frozenset(key.split()[0] for table in heads for key in table if key)
    return Names(
        starts=starts,
        employers=employers,
        unions=unions,
        locals={k: tuple(v) for k, v in locals_.items()},
        local_names=local_names,
        vocab=vocab,
        weight=weight,
        deleted={k: tuple(v) for k, v in deleted.items()},
    )


_NAMES: dict[int, Names] = {}


def names_for(store: Store) -> Names:
    """The layer's names, built on first use (a server builds them in prepare(), before it forks)."""
    ix = store.official.indexes
    found = _NAMES.get(id(ix))
    if found is None:
        found = build(tuple(ix.by_id.values()), ix.employer_names, ix.by_affiliation, ix.by_city)
        _NAMES.clear()  # one store at a time
        _NAMES[id(ix)] = found
    return found
