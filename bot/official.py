"""Questions over the NLRB official layer (issue 9): which tallies a question is about, and the
figures derived from them. Pure: reads `Store.official` through its indexes, never scans it.

A case number is exact: one the layer lacks is never guessed (the engine's unknown-code step
says it is not on file). A curated election linked to a case (LDJ5, JFK8, Bessemer) brings its
case's tallies along, so both layers are shown, each with its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.lexicon import Pattern
from bot.matcher import CASE_NUMBER, normalise
from bot.models import Answer, Intent, Suggestion
from bot.nlrb.layer import history_order

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection
    from bot.official_names import Names
    from bot.store import Store

# Words asking for a case's tallies over time rather than one tally.
HISTORY_WORDS = Pattern(
    r"\b(first|initial|original|second|re ?run|re ?vote|run ?off|history|over time|both (votes|tallies)|tallies)\b"
    r"|重新投票|重投|两次|第一次|首次|最初|第二次|历史|决选"
)


def case_numbers(norm: str) -> list[str]:
    """The case numbers a normalised question names ("29 rc 288020" -> "29-RC-288020"), in order."""
    return ["-".join(m.groups()).upper() for m in CASE_NUMBER.finditer(norm)]


def without_cases(template: str) -> str:
    """The template with each case number standing as an election placeholder, for the intent table."""
    return CASE_NUMBER.sub("E", template)


def tallies(store: Store, cases: Sequence[str]) -> tuple[OfficialElection, ...]:
    """Every tally of the named cases that the layer holds, in history order."""
    found: list[OfficialElection] = []
    for case in dict.fromkeys(cases):
        found += store.official.case(case)
    return tuple(found)


def asks_history(norm: str) -> bool:
    return HISTORY_WORDS.search(norm) is not None


@dataclass(frozen=True, slots=True)
class Figures:
    """Figures derived from one published tally; None where a count is missing."""

    valid: int | None
    cast: int | None  # valid + void + challenged: the ballots cast
    turnout: float | None  # cast / eligible, percent
    margin: int | None  # leading choice minus the next one (votes)
    margin_points: float | None  # the margin as a share of valid votes, percentage points

    @classmethod
    def of(cls, r: OfficialElection) -> Figures:
        valid = r.valid_votes
        cast = None if valid is None else valid + (r.void_ballots or 0) + (r.challenged_ballots or 0)
        turnout = round(100 * cast / r.eligible_voters, 1) if cast is not None and r.eligible_voters else None
        choices = sorted([u.votes for u in r.unions if u.votes is not None] + [r.votes_against or 0], reverse=True)
        margin = choices[0] - choices[1] if valid and len(choices) > 1 else None
        points = round(100 * margin / valid, 1) if margin is not None and valid else None
        return cls(valid=valid, cast=cast, turnout=turnout, margin=margin, margin_points=points)


def share(votes: int | None, r: OfficialElection) -> float | None:
    valid = r.valid_votes
    return round(100 * votes / valid, 1) if votes is not None and valid else None


ONE_TALLY = frozenset({Intent.result, Intent.did_win, Intent.figure, Intent.history})  # rows a case number answers


# --- lists, counts, win rates and ranks over the layer ---------------------------------------

# Other names of employers, unions, places and states (Chinese, "VW", "MIT"): bot/data/name_aliases.tsv.
OFFICIAL_WORDS = Pattern(r"(?<![a-z])nlrb(?![a-z])|\bofficial\b|\bcase (number|file)s?\b|官方|劳动关系委员会")
YEAR = Pattern(r"\b(19[89]\d|20[0-4]\d)\b|(19[89]\d|20[0-4]\d)年")
CITY_SUFFIXES = ("", " town", " township", " city", " village")
MAX_NGRAM = 6
CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]+")
MIN_NAME = 4  # shorter employer names ("ABC") are matched only by case number


# Case types a question may name alone ("decertification elections", "RM elections", "撤销认证").
CASE_TYPES: tuple[tuple[str, Pattern], ...] = (
    ("RD", Pattern(r"\b(decertif\w*|decert|rd)\b|撤销认证|取消认证|撤销工会")),
    ("RM", Pattern(r"\b(rm|employer[ -]?(filed|petition\w*|initiated|requested))\b|雇主申请|雇主提出")),
    ("UD", Pattern(r"\b(ud|deauthori[sz]ation\w*|deauth)\b|取消授权|撤销授权")),
    ("RC", Pattern(r"\b(rc|representation (petition|case)s?)\b")),
)
ZH_CASE_TYPE_NAMES: Mapping[str, str] = {
    "RC": "工会申请（RC）",
    "RD": "撤销认证（RD）",
    "RM": "雇主申请（RM）",
    "UD": "取消授权（UD）",
}
ZH_EMPLOYERS: Mapping[str, str] = {"Starbucks": "星巴克", "Amazon": "亚马逊", "Trader Joe's": "乔氏超市"}
CASE_TYPE_NAMES: Mapping[str, str] = {
    "RC": "RC",
    "RD": "decertification (RD)",
    "RM": "employer petition (RM)",
    "UD": "deauthorization (UD)",
}


@lru_cache(maxsize=1)
def national_names() -> dict[str, str]:
    """ "workers united" -> "Workers United", "seiu" -> "SEIU" (read on first use: the CLI's news answers never need it)."""
    from bot.nlrb.names import AFFILIATIONS, name_key

    return {name_key(label): label for label, _ in AFFILIATIONS}


def case_type(norm: str) -> str | None:
    """The one case type a question names, else None ("RD or RM elections" names none)."""
    found = [code for code, words in CASE_TYPES if words.search(norm)]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class Scope:
    """What a question over the layer names: an employer, a union (national or a local), a place,
    a year, a case type; `readings`: the other names a misspelt question could mean."""

    employer: str | None = None  # name_key
    employers: tuple[str, ...] = ()  # name_keys of employers named by some words of their names ("Nissan")
    employer_words: str = ""  # those words, as the reply states them
    affiliation: str | None = None  # name_key
    union: str | None = None  # name_key of a union's display name, or "<national> local <n>"
    state: str | None = None
    city: str | None = None  # name_key
    year: int | None = None
    case_type: str | None = None
    official_word: bool = False
    corrected: bool = False  # a name was read through a misspelling ("Starbuck" -> Starbucks)
    readings: tuple[Scope, ...] = ()  # several names one edit away: ask which was meant
    covers: frozenset[str] = frozenset()  # the question's words (as written) that the names were read from
    city_written: bool = False  # the town is capitalised in the question, as names are

    @property
    def named(self) -> bool:
        return bool(self.employer or self.employers or self.affiliation or self.union)

    @property
    def place(self) -> bool:
        return bool(self.state or self.city or self.year or self.case_type)

    def words(self, store: Store, lang: str = "en") -> str:
        """The scope as the reply states it ("Starbucks, Oregon, 2021"; "星巴克，俄勒冈，2021年")."""
        from bot.aliases import zh_state
        from bot.official_names import names_for
        from bot.places import US_STATES

        ix = store.official.indexes
        union = None
        if self.union:
            names = names_for(store)
            union = names.local_names.get(self.union) or ix.union_names.get(self.union)
        zh = lang == "zh"
        employer = ix.employer_names.get(self.employer or "", None)
        parts = [
            ZH_EMPLOYERS.get(employer or "", employer) if zh else employer,
            self.employers
            and (ix.employer_names.get(self.employers[0]) if len(self.employers) == 1 else self.employer_words),
            self.affiliation and national_names().get(self.affiliation, self.affiliation),
            union,
            self.city and self.city.title(),
            self.state and ((zh and zh_state(self.state)) or US_STATES.get(self.state, self.state)),
            self.case_type and (ZH_CASE_TYPE_NAMES if zh else CASE_TYPE_NAMES)[self.case_type],
            self.year and (f"{self.year}年" if zh else str(self.year)),
        ]
        said = ("，" if zh else ", ").join(str(p) for p in parts if p)
        return said or ("档案中全部" if zh else "all on file")

    def key(self) -> tuple[object, ...]:
        return (self.employer, self.employers, self.affiliation, self.union, self.state, self.city)


def _ngrams(tokens: list[str]) -> list[tuple[int, int, str]]:
    """Every run of up to MAX_NGRAM tokens, longest first."""
    runs = []
    for n in range(min(MAX_NGRAM, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            runs.append((i, i + n, " ".join(tokens[i : i + n])))
    return runs


def _cjk_text(norm: str) -> str:
    """Other names of employers and places (Chinese, "VW") turned into the layer's keys, spaced out as words."""
    from bot.aliases import spaced

    return spaced(norm)


def _local(tokens: list[str], names: Names, found: dict[str, str]) -> set[int]:
    """A local named with its national union in any spelling ("International Brotherhood of Teamsters
    Local Union 727" = "Teamsters Local 727"): found["union"] and the positions of its words."""
    from bot.nlrb.names import affiliation, name_key
    from bot.official_names import LOCAL

    spaced = " ".join(tokens)
    number = LOCAL.search(spaced)
    national = affiliation(spaced) if number else None  # read only when a local number is named
    key = f"{name_key(national)} local {number.group(1)}" if number and national else None
    if number is None or key is None or key not in names.locals:
        return set()
    found["union"] = key
    end = len(spaced[: number.end()].split()) if number else 0
    start = min(next((i for i, t in enumerate(tokens) if affiliation(t) == national), end - 2), end - 2)
    while start > 0 and tokens[start - 1] in names.vocab:  # "International Brotherhood of" Teamsters
        start -= 1
    return set(range(start, end))


def _names(
    tokens: list[str], store: Store, known: frozenset[str], state: str | None
) -> tuple[dict[str, str], str | None, set[int]]:
    """The names a question's words hold, exactly (in name_key form), longest first; and its state."""
    from bot.official_names import names_for
    from bot.places import US_STATES

    ix = store.official.indexes
    names = names_for(store)
    found: dict[str, str] = {}
    used = _local(tokens, names, found)
    states = {name.casefold(): code for code, name in US_STATES.items()}
    city_end = -1
    for start, end, gram in _ngrams(tokens):
        if tokens[start] not in names.starts:  # no name, state or town begins with this word
            continue
        short = len(gram) < MIN_NAME and gram not in ix.by_affiliation  # "UAW", "CWA": national unions by initials
        if used & set(range(start, end)) or short or all(t in known for t in gram.split()):
            continue
        if state is None and gram in states:  # "Oregon" is a state before it is a town
            state = states[gram]
        elif "affiliation" not in found and "union" not in found and gram in ix.by_affiliation:
            found["affiliation"] = gram
        elif "union" not in found and "affiliation" not in found and gram in names.locals:
            found["union"] = gram  # "teamsters local 727", however the local's name is spelt
        elif "union" not in found and "affiliation" not in found and gram in names.unions:
            found["union"] = names.unions[gram]
        elif "employer" not in found and (gram in names.employers or gram + " s" in names.employers):
            found["employer"] = (
                names.employers.get(gram) or names.employers[gram + " s"]
            )  # "trader joe" of "Trader Joe's"
        elif "city" not in found and gram in ix.by_city:
            found["city"], city_end = gram, end
        else:
            continue
        used |= set(range(start, end))
    after = tokens[city_end] if 0 <= city_end < len(tokens) else ""
    if state is None and after.upper() in US_STATES and after not in known:  # "in", "or", "me" are words
        state = tokens[city_end].upper()  # "Hamburg, NY": a postal code right after the town
        used.add(city_end)
    return found, state, used


def scope(norm: str, store: Store, *, known: frozenset[str], text: str = "") -> Scope:
    """The employer, union, city, state, year and case type a question names: exact names first;
    a word no name holds is read as the name words one edit away ("Starbuck in Bufalo"; `text`, the
    question as written, tells which words are capitalised as names). Several
    different names that close: `readings` holds each, and nothing is answered for sure."""
    from bot.aliases import state_in
    from bot.official_names import names_for

    spaced = _cjk_text(norm)
    state = state_in(spaced)
    tokens = spaced.split()
    found, state, used = _names(tokens, store, known, state)
    year = YEAR.search(norm)
    written = frozenset(
        normalise(m.group())
        for m in CAPITALISED.finditer(text)
        if m.start() or not text[m.end() : m.end() + 1].isascii()
    )  # "in Bufalo", "Arema的选举": written as a name (the first word of an English sentence is capitalised anyway)
    plain = Scope(
        employer=found.get("employer"),
        affiliation=found.get("affiliation"),
        union=found.get("union"),
        state=state,
        city=found.get("city"),
        year=int(year.group(1) or year.group(2)) if year else None,
        case_type=case_type(norm),
        official_word=OFFICIAL_WORDS.search(norm) is not None,
        covers=frozenset(tokens[i] for i in used),
        city_written=bool(found.get("city")) and set(found.get("city", "").split()) <= written,
    )
    readings: dict[tuple[object, ...], Scope] = {}
    for reading in names_for(store).readings(tokens, known, written):
        more, more_state, more_used = _names(reading, store, known, state)
        if more and more != found:
            s = replace(
                plain,
                employer=more.get("employer"),
                affiliation=more.get("affiliation"),
                union=more.get("union"),
                city=more.get("city"),
                state=more_state,
                corrected=True,
                covers=frozenset(tokens[i] for i in more_used),
            )
            readings.setdefault(s.key(), s)
    if len(readings) == 1:
        return next(iter(readings.values()))
    if len(readings) > 1:
        return replace(plain, readings=tuple(readings.values()))
    from bot.aliases import alias_words, aliases

    latin = frozenset(t for t in norm.split() if t in aliases().latin)  # "VW": read as Volkswagen
    plain = replace(plain, covers=plain.covers | latin)
    aliased = alias_words(norm)  # the words of names given by an alias
    capitalised = frozenset(normalise(m.group()) for m in CAPITALISED.finditer(text))  # the first word too
    return _by_employer_words(plain, tokens, known, store, written=capitalised, aliased=aliased)


def _by_employer_words(
    found: Scope,
    tokens: list[str],
    known: frozenset[str],
    store: Store,
    *,
    written: frozenset[str],
    aliased: frozenset[str],
) -> Scope:
    """A scope naming no whole name: the employers whose names hold its leftover words ("Nissan
    Canton", "Harvard 2018"), when the question writes them as names, gives a place or year, or
    names an employer by an alias (bot/official_find.py)."""
    from bot.official_find import employer_words
    from bot.places import US_STATES

    if found.employer and not select(store, found):  # "Boeing in North Charleston" is filed as "The Boeing"
        widened = employer_words(store).containing(found.employer.split())
        if len(widened) > 1:
            shown = store.official.indexes.employer_names.get(found.employer, found.employer)
            return replace(found, employer=None, employers=widened, employer_words=shown)
    if found.employer or found.employers or found.readings:
        return found
    if found.city and not select(store, found):  # "Harvard 2018": no election in Harvard, Illinois that year
        found = replace(found, city=None, covers=found.covers - set(found.city.split()), city_written=False)
    states = {name.casefold() for name in US_STATES.values()}
    words = [t for t in tokens if t.isalpha() and t not in known and t not in found.covers and t not in states]
    # words written as names (capitalised) with a place, year or "NLRB"; or names given by an alias
    named = [t for t in words if t in aliased or (t in written and (found.place or found.official_word))]
    if not named and not found.place:
        return found
    exact = store.official.indexes.employer_names if found.place else None  # "REI" in New York: a whole short name
    employers = employer_words(store).named(named, written=written, exact=exact, candidates=words)
    if not employers:
        return found
    said = " ".join(w for w in named if any(w in key.split() for key in employers[:50]))
    covers = found.covers | frozenset(said.split())
    return replace(found, employers=employers, employer_words=said.title(), covers=covers)


def select(store: Store, s: Scope) -> tuple[OfficialElection, ...]:
    """The tallies in scope: the smallest index group, narrowed by each other filter's test on the
    record itself (never a set built from a large group)."""
    from bot.nlrb.names import name_key
    from bot.official_names import names_for

    ix = store.official.indexes
    filters: list[tuple[tuple[OfficialElection, ...], Callable[[OfficialElection], bool]]] = []
    if s.employer:
        employer = s.employer
        filters.append((ix.by_employer.get(employer, ()), lambda r: name_key(r.employer_display) == employer))
    if s.employers:
        employers = frozenset(s.employers)
        named = tuple(sorted((r for k in employers for r in ix.by_employer.get(k, ())), key=history_order))
        filters.append((named, lambda r: name_key(r.employer_display) in employers))
    if s.affiliation:
        national = s.affiliation
        filters.append(
            (
                ix.by_affiliation.get(national, ()),
                lambda r: any(u.affiliation and name_key(u.affiliation) == national for u in r.unions),
            )
        )
    if s.union:
        local = names_for(store).locals.get(s.union)
        if local is not None:
            members = frozenset(id(r) for r in local)
            filters.append((local, lambda r: id(r) in members))
        else:
            union = s.union
            filters.append(
                (
                    ix.by_union.get(union, ()),
                    lambda r: any(u.display and name_key(u.display) == union for u in r.unions),
                )
            )
    if s.state:
        state = s.state
        filters.append((ix.by_state.get(state, ()), lambda r: r.state == state))
    if s.city:  # "Hamburg" is filed as "Hamburg" and "Hamburg (Town)"
        keys = {s.city + suffix for suffix in CITY_SUFFIXES}
        group = tuple(r for key in keys for r in ix.by_city.get(key, ()))
        filters.append((group, lambda r: r.city is not None and name_key(r.city) in keys))
    if s.year:
        year = s.year
        filters.append((ix.by_year.get(year, ()), lambda r: r.year == year))
    if s.case_type:
        kind = s.case_type
        filters.append((ix.by_case_type.get(kind, ()), lambda r: r.case_type.value == kind))
    if not filters:  # "the largest NLRB election": the whole layer, asked of the NLRB by name
        return tuple(ix.by_id.values()) if s.official_word else ()
    smallest = min(filters, key=lambda f: len(f[0]))
    tests = [test for group, test in filters if group is not smallest[0]]
    found = [r for r in smallest[0] if all(test(r) for test in tests)]
    if s.city:
        found.sort(key=history_order)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class ByElection:
    """Built once per layer: every tally's election (case + voting unit) and that election's result."""

    groups: dict[tuple[str, str | None], tuple[OfficialElection, ...]]
    results: dict[tuple[str, str | None], str | None]  # "won" / "lost" / None (see won_lost)


_BY_ELECTION: dict[int, ByElection] = {}


def by_election(store: Store) -> ByElection:
    ix = store.official.indexes
    found = _BY_ELECTION.get(id(ix))
    if found is None:
        groups: dict[tuple[str, str | None], list[OfficialElection]] = {}
        for r in ix.by_id.values():  # once per layer, in history order
            groups.setdefault((r.case_number, r.unit), []).append(r)
        frozen = {k: tuple(v) for k, v in groups.items()}
        found = ByElection(frozen, {k: won_lost(v) for k, v in frozen.items()})
        _BY_ELECTION.clear()  # one store at a time
        _BY_ELECTION[id(ix)] = found
    return found


def prepare(store: Store) -> None:
    """Every index of the official layer that questions read: built before a server forks."""
    from bot.aliases import aliases
    from bot.official_find import employer_words
    from bot.official_names import names_for

    by_election(store)
    names_for(store)
    employer_words(store)
    aliases()


def elections(store: Store, records: Sequence[OfficialElection]) -> list[tuple[OfficialElection, ...]]:
    """The elections (case + voting unit, each its tallies in history order) the tallies belong to."""
    groups = by_election(store).groups
    keys = dict.fromkeys((r.case_number, r.unit) for r in records)
    return [groups[k] for k in keys]


def result(store: Store, election: Sequence[OfficialElection]) -> str | None:
    return by_election(store).results[(election[0].case_number, election[0].unit)]


def outcome(election: Sequence[OfficialElection]) -> str | None:
    """The certified result of an election: its latest tally's that has one."""
    for r in reversed(election):
        if r.outcome is not None:
            return r.outcome.value
    return None


def won_lost(election: Sequence[OfficialElection]) -> str | None:
    """ "won" / "lost" for the union (a decertification the union survives is a win), else None. A case
    still open when its file was made is not decided: its "won" is the tally's union to certify, not a
    certification (JFK8's case was open in the 2022 file), so win rates and won/lost counts leave it out."""
    if election[-1].open:
        return None
    found = outcome(election)
    return found if found in ("won", "lost") else None


def _turnout(e: Sequence[OfficialElection]) -> float | None:
    return Figures.of(e[-1]).turnout


def _margin_points(e: Sequence[OfficialElection]) -> float | None:
    return Figures.of(e[-1]).margin_points


def _yes_share(e: Sequence[OfficialElection]) -> float | None:
    """The unions' share of the valid votes of the last tally (all unions on the ballot together)."""
    r = e[-1]
    votes = [u.votes for u in r.unions if u.votes is not None]
    return share(sum(votes), r) if votes else None


# How each rank row of the question table orders official elections: (measure of the last tally, descending).
RANKS: dict[str, tuple[Callable[[Sequence[OfficialElection]], float | None], bool]] = {
    "largest": (lambda e: e[-1].eligible_voters, True),
    "smallest": (lambda e: e[-1].eligible_voters, False),
    "closest": (_margin_points, False),
    "widest": (_margin_points, True),
    "highest_turnout": (_turnout, True),
    "lowest_turnout": (_turnout, False),
    "most_ballots": (lambda e: Figures.of(e[-1]).cast, True),
    "fewest_ballots": (lambda e: Figures.of(e[-1]).cast, False),
    "best_share": (_yes_share, True),
    "worst_share": (_yes_share, False),
}


def ranked(found: list[tuple[OfficialElection, ...]], row: str, n: int) -> list[tuple[OfficialElection, ...]]:
    measure, descending = RANKS.get(row, RANKS["largest"])
    scored = [(v, e) for e in found if (v := measure(e)) is not None]
    scored.sort(key=lambda pair: pair[0], reverse=descending)
    return [e for _, e in scored[:n]]


OVER_MANY = frozenset({Intent.list, Intent.how_many, Intent.win_rate, Intent.rank})  # rows answered over a scope
PAGE = 10  # elections shown per page of an official list; the total is always said


def reran(election: Sequence[OfficialElection]) -> bool:
    """The election had a rerun or a run-off."""
    return any(r.tally is not None and r.tally.value in ("rerun", "runoff") for r in election)


ABOUT_WORDS = frozenset(
    {Intent.quotes, Intent.who_said, Intent.who_is, Intent.organisation, Intent.help}
)  # not tallies
RATE_WORDS = Pattern(r"\b(share|shares|percentage|percent|proportion|fraction|rate|how often)\b|比例|百分之|胜率")
BOTH_LAYERS = frozenset({Intent.result, Intent.did_win, Intent.history})  # curated answers that show the NLRB's record


def may_name(norm: str, known: frozenset[str]) -> bool:
    """Whether a question has a word that could name an employer, union or place: a word of at least
    MIN_NAME letters outside the question table's vocabulary, or Chinese (names are matched there)."""
    if any((len(t) >= MIN_NAME and t not in known) or not t.isascii() or t.isdigit() for t in norm.split()):
        return True
    return case_type(norm) is not None  # "RM elections": a case type is a scope of its own


SUGGESTED: Mapping[str, tuple[str, str]] = {
    "en": ("NLRB elections: {scope}", "{n} on file"),
    "zh": ("{scope} 的 NLRB 选举", "档案中有 {n} 场"),
}


def reading_suggestions(found: Scope, store: Store, lang: str) -> list[Suggestion]:
    """A question one edit from several names: each reading, offered as a question about it."""
    question, label = SUGGESTED.get(lang, SUGGESTED["en"])
    return [
        Suggestion(
            question=question.format(scope=s.words(store, lang)),
            label=label.format(n=len(elections(store, select(store, s)))),
        )
        for s in found.readings
    ]


def over_layer(found: Scope, *, curated: bool) -> bool:
    """Whether a question's scope is answered over the NLRB's records: a name of the layer, a case
    type, or a place or year the news layer has no election for ("elections in Vermont", "2019") or
    asked of the NLRB by name; "elections in California" stays with the news layer's own election."""
    if found.named or found.readings or found.case_type:
        return True
    if found.official_word:
        return found.place
    place = found.state or (found.city and found.city_written)  # "write me a limerick" names no town
    return bool(place) and not curated  # a year alone is no scope: "the 2020 presidential election"


HOW_MANY = Pattern(r"\bhow many\b|\bnumber of\b|多少|几场|几次")


def scope_row(scored: Sequence[tuple[str, Intent, bool]], norm: str) -> str:
    """The row a question over many official elections asks: the best-scored list, count, rate or
    rank row whose own words are there; else a count when it asks "how many"; else the list."""
    cued = next((name for name, intent, cue in scored if intent in OVER_MANY and cue), None)
    return cued or ("count" if HOW_MANY.search(norm) else "list")


def giving(records: tuple[OfficialElection, ...], figure: str) -> tuple[OfficialElection, ...]:
    """The tallies that give a figure ("turnout": counts and eligible voters), for a figure question."""
    from bot.render_official import OFFICIAL_FIGURES, figure_value

    if figure not in OFFICIAL_FIGURES:
        return ()
    return tuple(r for r in records if figure_value(r, figure, "en") is not None)


def keys(found: Sequence[Sequence[OfficialElection]]) -> tuple[tuple[str, str | None], ...]:
    """The (case, unit) of each election of a list, in order: what a later page is read from."""
    return tuple((e[0].case_number, e[0].unit) for e in found)


def pages(a: Answer) -> int:
    """How many pages of PAGE elections an official list answer has (1 for anything else)."""
    return max(1, -(-len(a.official_keys) // PAGE))


def page(a: Answer, store: Store, n: int) -> Answer:
    """Page n (0: the first) of an official list answer: its PAGE elections from there, every tally."""
    if not a.official_keys:
        return a
    n = max(0, min(n, pages(a) - 1))
    groups = by_election(store).groups
    shown = a.official_keys[n * PAGE : (n + 1) * PAGE]
    return replace(a, official=tuple(r for k in shown for r in groups[k]), official_page=n)
