"""Questions over the NLRB official layer (issue 9): which tallies a question is about, and the
figures derived from them. Pure: reads `Store.official` through its indexes, never scans it.

A case number is exact: one the layer lacks is never guessed (the engine's unknown-code step
says it is not on file). A curated election linked to a case (LDJ5, JFK8, Bessemer) brings its
case's tallies along, so both layers are shown, each with its source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.lexicon import Pattern
from bot.matcher import CASE_NUMBER
from bot.models import Intent
from bot.nlrb.layer import history_order

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection
    from bot.store import Store

# Words asking for a case's tallies over time rather than one tally.
HISTORY_WORDS = Pattern(
    r"\b(first|initial|second|re ?run|re ?vote|run ?off|history|over time|both (votes|tallies)|tallies)\b"
    r"|重新投票|重投|两次|第一次|第二次|历史|决选"
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

# Chinese names of employers, places and states the layer is asked about (data: add a row).
ZH_ALIASES: dict[str, str] = {
    "星巴克": "starbucks",
    "亚马逊": "amazon",
    "乔氏超市": "trader joe s",
    "布法罗": "buffalo",
    "西雅图": "seattle",
    "波特兰": "portland",
    "波士顿": "boston",
    "芝加哥": "chicago",
    "纽约市": "new york",
}
ZH_STATE_NAMES: dict[str, str] = {
    "俄勒冈": "OR",
    "宾夕法尼亚": "PA",
    "肯塔基": "KY",
    "马萨诸塞": "MA",
    "麻省": "MA",
    "俄亥俄": "OH",
    "弗吉尼亚": "VA",
    "华盛顿州": "WA",
    "加利福尼亚": "CA",
    "加州": "CA",
    "纽约州": "NY",
    "阿拉巴马": "AL",
    "伊利诺伊": "IL",
    "密歇根": "MI",
    "德克萨斯": "TX",
    "科罗拉多": "CO",
}
OFFICIAL_WORDS = Pattern(r"\bnlrb\b|\bofficial\b|\bcase (number|file)s?\b|官方|劳动关系委员会")
YEAR = Pattern(r"\b(19[89]\d|20[0-4]\d)\b|(19[89]\d|20[0-4]\d)年")
CITY_SUFFIXES = ("", " town", " township", " city", " village")
MAX_NGRAM = 6
MIN_NAME = 4  # shorter employer names ("ABC") are matched only by case number


@dataclass(frozen=True, slots=True)
class Scope:
    """What a question over the layer names: an employer, a national union, a place, a year."""

    employer: str | None = None  # name_key
    affiliation: str | None = None  # name_key
    state: str | None = None
    city: str | None = None  # name_key
    year: int | None = None
    official_word: bool = False

    @property
    def named(self) -> bool:
        return bool(self.employer or self.affiliation)

    def words(self, store: Store) -> str:
        """The scope as the reply states it ("Starbucks, Oregon, 2021")."""
        from bot.places import US_STATES

        ix = store.official.indexes
        parts = [
            ix.employer_names.get(self.employer or "", None),
            self.affiliation and self.affiliation.title(),
            self.city and self.city.title(),
            self.state and US_STATES.get(self.state, self.state),
            self.year and str(self.year),
        ]
        return ", ".join(str(p) for p in parts if p)


def _ngrams(tokens: list[str]) -> list[tuple[int, int, str]]:
    """Every run of up to MAX_NGRAM tokens, longest first."""
    runs = []
    for n in range(min(MAX_NGRAM, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            runs.append((i, i + n, " ".join(tokens[i : i + n])))
    return runs


def _cjk_text(norm: str) -> str:
    """Chinese names of employers and places turned into the layer's keys, spaced out as words."""
    for zh, key in ZH_ALIASES.items():
        norm = norm.replace(zh, f" {key} ")
    return norm


def scope(norm: str, store: Store, *, known: frozenset[str]) -> Scope:
    """The employer, national union, city, state and year a question names: exact names (in
    name_key form) matched longest first; words of the question table itself never name one."""
    from bot.places import US_STATES

    ix = store.official.indexes
    text = _cjk_text(norm)
    state = next((code for zh, code in ZH_STATE_NAMES.items() if zh in text), None)
    tokens = text.split()
    used: set[int] = set()
    found: dict[str, str] = {}
    states = {name.casefold(): code for code, name in US_STATES.items()}
    city_end = -1
    for start, end, gram in _ngrams(tokens):
        if used & set(range(start, end)) or len(gram) < MIN_NAME or all(t in known for t in gram.split()):
            continue
        if state is None and gram in states:  # "Oregon" is a state before it is a town
            state = states[gram]
        elif "affiliation" not in found and gram in ix.by_affiliation:
            found["affiliation"] = gram
        elif "employer" not in found and (gram in ix.employer_names or gram + " s" in ix.employer_names):
            found["employer"] = gram if gram in ix.employer_names else gram + " s"  # "trader joe" of "Trader Joe's"
        elif "city" not in found and gram in ix.by_city:
            found["city"], city_end = gram, end
        else:
            continue
        used |= set(range(start, end))
    if state is None and 0 <= city_end < len(tokens) and tokens[city_end].upper() in US_STATES:
        state = tokens[city_end].upper()  # "Hamburg, NY": a postal code right after the town
    year = YEAR.search(norm)
    return Scope(
        employer=found.get("employer"),
        affiliation=found.get("affiliation"),
        state=state,
        city=found.get("city"),
        year=int(year.group(1) or year.group(2)) if year else None,
        official_word=OFFICIAL_WORDS.search(norm) is not None,
    )


def select(store: Store, s: Scope) -> tuple[OfficialElection, ...]:
    """The tallies in scope: the smallest index group, narrowed by each other filter's test on the
    record itself (never a set built from a large group)."""
    from bot.nlrb.names import name_key

    ix = store.official.indexes
    filters: list[tuple[tuple[OfficialElection, ...], Callable[[OfficialElection], bool]]] = []
    if s.employer:
        employer = s.employer
        filters.append((ix.by_employer.get(employer, ()), lambda r: name_key(r.employer_display) == employer))
    if s.affiliation:
        national = s.affiliation
        filters.append(
            (
                ix.by_affiliation.get(national, ()),
                lambda r: any(u.affiliation and name_key(u.affiliation) == national for u in r.unions),
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
    if not filters:
        return ()
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
    return any((len(t) >= MIN_NAME and t not in known) or not t.isascii() or t.isdigit() for t in norm.split())
