"""Fact records (pydantic, frozen, validated at load) and the answer types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Count = Annotated[int, Field(ge=0)]
Lang = Literal["en", "zh"]
PARTIAL_DATE = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"
PartialDate = Annotated[str, Field(pattern=PARTIAL_DATE)]  # YYYY-MM-DD, or YYYY-MM where only the month is known


_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_LAST_FIELD_SET: list[set[str]] = [set()]  # records in a file mostly set the same fields: check it first


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # Records are frozen, so records that set the same fields can share one fields-set
        # object instead of carrying ~2 KB each (200+ MB at 100k elections).
        fields = self.__pydantic_fields_set__
        shared = _LAST_FIELD_SET[0]
        if fields != shared:
            shared = _LAST_FIELD_SET[0] = _FIELD_SETS.setdefault(frozenset(fields), fields)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class Text(Record):
    """A short text kept in both languages (the Chinese is optional)."""

    en: str = Field(min_length=1)
    zh: str | None = None

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" and self.zh else self.en


class Source(Record):
    id: Id
    publisher: str = Field(min_length=1)
    publisher_zh: str | None = None
    title: str | None = None
    published: dt.date
    language: Lang
    url: str | None = None
    archive: str | None = None  # file name of the archived copy the facts were read from
    note: str | None = None


class TallyType(StrEnum):
    preliminary = "preliminary"
    final = "final"
    revised = "revised"
    rerun = "rerun"


class Status(StrEnum):
    tallied = "tallied"
    too_close_to_call = "too_close_to_call"
    petition_filed = "petition_filed"


class Outcome(StrEnum):
    won = "won"
    lost = "lost"
    undecided = "undecided"
    pending = "pending"


class Election(Record):
    id: Id
    code: str | None = Field(default=None, pattern=r"^[A-Z]{2,5}\d{1,4}$")
    employer: str = Field(min_length=1)
    facility_kind: str | None = None
    city: str | None = None
    region: str | None = None
    state: str = Field(pattern=r"^[A-Z]{2}$")
    union: str | None = None
    union_abbr: str | None = None
    tally_date: PartialDate | None = None
    tally_type: TallyType | None = None
    status: Status
    votes_for: Count | None = None
    votes_against: Count | None = None
    total_ballots_counted: Count | None = None  # for + against; void ballots are not part of it
    void_ballots: Count | None = None
    challenged_ballots: Count | None = None
    challenges_determinative: bool | None = None
    eligible_voters: Count | None = None
    eligible_approximate: bool = False
    headcount: Count | None = None
    headcount_more_than: bool = False
    count_location: Text | None = None
    objections_window_business_days: Count | None = None
    outcome: Outcome
    notes: tuple[Text, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[Id, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _invariants(self) -> Election:
        counts = (self.votes_for, self.votes_against)
        if self.total_ballots_counted is not None and None in counts:
            raise ValueError("total_ballots_counted is given without both votes_for and votes_against")
        if None not in counts and self.total_ballots_counted is not None:
            total = self.votes_for + self.votes_against  # type: ignore[operator]
            if total != self.total_ballots_counted:
                raise ValueError(
                    f"votes_for + votes_against ({total}) != total_ballots_counted ({self.total_ballots_counted})"
                )
        if (self.votes_for is None) != (self.votes_against is None):
            raise ValueError("votes_for and votes_against must be given together")
        if self.status is Status.petition_filed and (self.votes_for is not None or self.outcome is not Outcome.pending):
            raise ValueError("a petition_filed election has no votes and outcome 'pending'")
        if self.status is Status.too_close_to_call and self.outcome is not Outcome.undecided:
            raise ValueError("a too_close_to_call election must have outcome 'undecided'")
        if self.votes_for is not None and self.votes_against is not None:
            expected = Outcome.won if self.votes_for > self.votes_against else Outcome.lost
            if self.outcome is not expected and not self.challenges_determinative:
                raise ValueError(
                    f"outcome '{self.outcome}' contradicts the counts "
                    f"({self.votes_for} for, {self.votes_against} against) "
                    "and challenges are not determinative"
                )
        if self.eligible_voters is not None and not self.eligible_approximate:
            cast = self.ballots_cast
            if cast is not None and cast > self.eligible_voters:
                raise ValueError(
                    f"ballots counted + void + challenged ({cast}) > eligible_voters ({self.eligible_voters})"
                )
        return self

    @property
    def counted(self) -> int | None:
        """Ballots counted: given, or for + against."""
        if self.total_ballots_counted is not None:
            return self.total_ballots_counted
        if self.votes_for is None or self.votes_against is None:
            return None
        return self.votes_for + self.votes_against

    @property
    def ballots_cast(self) -> int | None:
        counted = self.counted
        if counted is None:
            return None
        return counted + (self.void_ballots or 0) + (self.challenged_ballots or 0)

    @property
    def label(self) -> str:
        return self.code or self.city or self.id


class OrgKind(StrEnum):
    union = "union"
    employer = "employer"
    federation = "federation"
    agency = "agency"
    research = "research"
    university = "university"
    other = "other"


class Organisation(Record):
    id: Id
    name: str = Field(min_length=1)
    name_zh: str | None = None
    abbreviation: str | None = None
    kind: OrgKind
    description: Text | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Id, ...] = Field(min_length=1)


class Person(Record):
    id: Id
    name: str = Field(min_length=1)
    name_zh: str | None = None
    aliases: tuple[str, ...] = ()
    role: Text
    organisation: Id | None = None
    sources: tuple[Id, ...] = Field(min_length=1)


class Channel(StrEnum):
    statement = "statement"
    tweet = "tweet"
    interview = "interview"
    rally = "rally"
    report = "report"
    filing = "filing"


class Quote(Record):
    id: Id
    speaker: Id  # a person or an organisation
    text: str = Field(min_length=1)  # exactly as published, in the source's language
    lang: Lang
    reported: bool = False  # indirect or partial speech as the source reports it
    translation: str | None = None  # ours, always labelled; never shown as the speaker's words
    channel: Channel
    date: PartialDate | None = None
    elections: tuple[Id, ...] = ()
    source: Id


# --- answers -----------------------------------------------------------------------


class Kind(StrEnum):
    answered = "answered"
    suggestions = "suggestions"
    not_found = "not_found"
    help = "help"


class Intent(StrEnum):
    result = "result"
    figure = "figure"
    did_win = "did_win"
    quotes = "quotes"
    who_said = "who_said"
    who_is = "who_is"
    organisation = "organisation"
    list = "list"
    how_many = "count"
    compare = "compare"
    help = "help"
    unknown = "unknown"


class Figure(StrEnum):
    votes_for = "votes_for"
    votes_against = "votes_against"
    counted = "counted"
    eligible = "eligible"
    void = "void"
    challenged = "challenged"
    turnout = "turnout"
    margin = "margin"
    share = "share"
    tally_date = "tally_date"
    count_location = "count_location"
    objections = "objections"
    headcount = "headcount"
    place = "place"


@dataclass(frozen=True, slots=True)
class Derived:
    """Figures computed from an election's counts, rounded to one decimal."""

    counted: int | None
    margin: int | None
    margin_points: float | None
    share_for: float | None
    share_against: float | None
    turnout: float | None  # ballots cast / eligible voters, in per cent
    turnout_approximate: bool


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A question the bot can answer, offered when it is not sure what was meant."""

    question: str
    label: str


@dataclass(frozen=True, slots=True)
class ListFilter:
    union: str | None = None
    employer: str | None = None
    state: str | None = None
    outcome: Outcome | None = None
    pending: bool = False
    place: str | None = None
    year: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    kind: Kind
    intent: Intent
    lang: Lang
    elections: tuple[Election, ...] = ()
    derived: tuple[Derived, ...] = ()
    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    quotes: tuple[Quote, ...] = ()
    more_quotes: int = 0
    total: int = 0  # for lists: how many elections match (only the first few are carried)
    figure: Figure | None = None
    list_filter: ListFilter | None = None
    suggestions: tuple[Suggestion, ...] = ()
    sources: tuple[Source, ...] = ()
    unknown: str | None = None  # the words the bot could not place (echoed, escaped by renderers)
    unknown_kind: Literal["code", "speaker", "words"] | None = None
    examples: tuple[str, ...] = field(default=())

    @property
    def answered(self) -> bool:
        return self.kind in (Kind.answered, Kind.help)
