"""The official election record: one published NLRB tally of one voting unit of one case.

A case has a history: an initial tally, then perhaps a revised count, a rerun or a run-off;
each is its own record, keyed by case number + voting unit + tally type (+ a sequence number
when one file holds two tallies under one key). Figures are kept as published; derived ones
(valid votes, margins, turnout) are properties, never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

CASE_NUMBER = re.compile(r"\d{2}-[A-Z]{2}-\d{5,6}")
OFFICIAL_ID = re.compile(r"\d{2}-[a-z]{2}-\d{5,6}(-[a-z])?(-(initial|rerun|runoff))?(-\d{1,2})?")
ISO_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
ISO_DATES = re.compile(rf"{ISO_DATE.pattern}(\|{ISO_DATE.pattern})*")  # several, joined by "|"
STATE = re.compile(r"[A-Z]{2}")
STRICT: dict[str, Any] = {"extra": "forbid"}


class TallyKind(StrEnum):
    initial = "initial"
    rerun = "rerun"
    runoff = "runoff"


class CaseType(StrEnum):
    RC = "RC"  # a union's petition to represent
    RM = "RM"  # an employer's petition
    RD = "RD"  # employees' petition to decertify
    UD = "UD"  # deauthorisation of union security: votes are for / against the proposition


class Mode(StrEnum):
    manual = "manual"
    mail = "mail"
    mixed = "mixed"


class OfficialOutcome(StrEnum):
    won = "won"  # certification of representative (for RD: the union stays)
    lost = "lost"  # certification of results
    no_certified_result = "no_certified_result"  # withdrawn or dismissed after the tally


@dataclass(frozen=True, slots=True, kw_only=True)
class UnionVote:
    """A labour organisation on the ballot: its name as published, its display name, the national
    union its name shows it belongs to (Teamsters, SEIU…; none when the name doesn't say), its votes.
    A few rows give a union's votes without its name: then name and display are None."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    name: str | None = None
    display: str | None = None
    affiliation: str | None = None
    votes: int | None = None


COUNTS = ("votes_against", "total_ballots_counted", "void_ballots", "challenged_ballots", "eligible_voters")
DATES = ("filed_date", "held_date", "tally_date", "closed_date")


@dataclass(frozen=True, slots=True, kw_only=True)
class OfficialElection:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    id: str  # e.g. "10-rc-269250-a-rerun"
    case_number: str  # e.g. "10-RC-269250"
    case_type: CaseType
    unit: str | None = None  # voting unit A-D; not given by the annual reports
    tally: TallyKind | None = None  # not given by the annual reports
    revised: bool = False  # a revised count of the tally (challenges resolved)
    self_determination: bool = False  # a voting group deciding whether to join a unit
    employer: str  # the case name as published (legal name)
    employer_display: str  # "Amazon", "Starbucks"
    unions: tuple[UnionVote, ...] = ()
    votes_against: int | None = None
    total_ballots_counted: int | None = None  # as published: not always for + against
    void_ballots: int | None = None
    challenged_ballots: int | None = None
    challenges_determinative: bool | None = None
    runoff_required: bool | None = None
    eligible_voters: int | None = None
    mode: Mode | None = None
    filed_date: str | None = None
    held_date: str | None = None  # the (last) voting day
    tally_date: str | None = None
    closed_date: str | None = None
    closed_reason: str | None = None  # as published, e.g. "Certific. of Representative"
    open: bool = False  # the case was open when the file was made
    outcome: OfficialOutcome | None = None  # the certified result, on a unit's last tally (see merge._outcome)
    union_to_certify: str | None = None  # display name; as the tally published it, not the final result
    city: str | None = None
    state: str | None = None
    unit_description: str | None = None
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        # the common case checked cheaply (18,000 records at start-up); messages only when it fails
        counts = (self.votes_against, self.total_ballots_counted, self.void_ballots, self.challenged_ballots,
                  self.eligible_voters, *(u.votes for u in self.unions))  # fmt: skip
        dates = "|".join(d for d in (self.filed_date, self.held_date, self.tally_date, self.closed_date) if d)
        if (
            OFFICIAL_ID.fullmatch(self.id)
            and CASE_NUMBER.fullmatch(self.case_number)
            and self.case_number[3:5] == self.case_type.value
            and self.employer.strip()
            and self.sources
            and (self.state is None or STATE.fullmatch(self.state))
            and min((c for c in counts if c is not None), default=0) >= 0
            and (not dates or ISO_DATES.fullmatch(dates))
        ):
            return
        raise ValueError("\n".join(self._problems()))

    def _problems(self) -> list[str]:
        problems: list[str] = []
        if not OFFICIAL_ID.fullmatch(self.id):
            problems.append(f"id: must look like 10-rc-269250-a-rerun (got {self.id!r})")
        if not CASE_NUMBER.fullmatch(self.case_number):
            problems.append(f"case_number: must look like 29-RC-288020 (got {self.case_number!r})")
        elif self.case_number[3:5] != self.case_type.value:
            problems.append(f"case_type: {self.case_type.value} does not match the case number {self.case_number}")
        if not self.employer.strip():
            problems.append("employer: must not be empty")
        if not self.sources:
            problems.append("sources: must name at least one source")
        if self.state is not None and not STATE.fullmatch(self.state):
            problems.append(f"state: must be a two-letter postal code (got {self.state!r})")
        for name in COUNTS:
            value = getattr(self, name)
            if value is not None and value < 0:
                problems.append(f"{name}: must be 0 or more (got {value})")
        for union in self.unions:
            if union.votes is not None and union.votes < 0:
                problems.append(f"unions: {union.name!r}: votes must be 0 or more (got {union.votes})")
        for name in DATES:
            value = getattr(self, name)
            if value is not None and not ISO_DATE.fullmatch(value):
                problems.append(f"{name}: must be YYYY-MM-DD (got {value!r})")
        return problems

    @property
    def votes_for(self) -> int | None:
        """Votes for representation: the unions' votes together (for UD: for the proposition)."""
        votes = [u.votes for u in self.unions if u.votes is not None]
        return sum(votes) if votes else None

    @property
    def valid_votes(self) -> int | None:
        """Valid votes counted, derived: for + against (void and challenged ballots are not counted)."""
        votes_for = self.votes_for
        if votes_for is None or self.votes_against is None:
            return None
        return votes_for + self.votes_against

    @property
    def counted_basis(self) -> str | None:
        """What the published "total ballots counted" holds: "valid" (for + against), "valid+challenged"
        (JFK8's 4,852 = 4,785 valid + 67 challenged), "other", or None when either side is missing."""
        valid, total = self.valid_votes, self.total_ballots_counted
        if valid is None or total is None:
            return None
        if total == valid:
            return "valid"
        return "valid+challenged" if total == valid + (self.challenged_ballots or 0) else "other"

    @property
    def date(self) -> str | None:
        """The day the election is known by: its tally, else its (last) voting day."""
        return self.tally_date or self.held_date

    @property
    def year(self) -> int | None:
        date = self.date
        return int(date[:4]) if date else None
