"""Questions over the NLRB official layer (issue 9): which tallies a question is about, and the
figures derived from them. Pure: reads `Store.official` through its indexes, never scans it.

A case number is exact: one the layer lacks is never guessed (the engine's unknown-code step
says it is not on file). A curated election linked to a case (LDJ5, JFK8, Bessemer) brings its
case's tallies along, so both layers are shown, each with its source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.lexicon import Pattern
from bot.matcher import CASE_NUMBER
from bot.models import Intent

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
        margin = choices[0] - choices[1] if valid is not None and len(choices) > 1 else None
        points = round(100 * margin / valid, 1) if margin is not None and valid else None
        return cls(valid=valid, cast=cast, turnout=turnout, margin=margin, margin_points=points)


def share(votes: int | None, r: OfficialElection) -> float | None:
    valid = r.valid_votes
    return round(100 * votes / valid, 1) if votes is not None and valid else None


ONE_TALLY = frozenset({Intent.result, Intent.did_win, Intent.figure, Intent.history})  # rows a case number answers
