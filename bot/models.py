"""Fact records and the answer types.

Records are frozen, slotted dataclasses: small in memory and cheap to import (no pydantic
here). The loader validates fact files into them with pydantic-core, which checks types,
coerces values and rejects unknown keys; the constraints and invariants below run in
__post_init__ and report every problem of a record at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:  # the official records load with the layer, on first use
    from bot.nlrb.records import OfficialElection

Lang = Literal["en", "zh"]
ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
CODE = re.compile(r"[A-Z]{2,5}\d{1,4}")
STATE = re.compile(r"[A-Z]{2}")
CASE_NUMBER = re.compile(r"\d{2}-[A-Z]{2}-\d{5,6}")  # NLRB case number, e.g. 29-RC-288020
PARTIAL_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")  # YYYY-MM-DD, or YYYY-MM
DATE_FIELDS = frozenset({"published", "tally_date", "date"})  # fields a TOML file may write as a TOML date
STRICT: dict[str, Any] = {"extra": "forbid"}  # pydantic: a misspelt key in a fact file fails loudly


class RecordError(ValueError):
    """Every problem found in one record, one per line."""


def _check(problems: list[str]) -> None:
    if problems:
        raise RecordError("\n".join(problems))


def _ids(problems: list[str], name: str, values: tuple[str, ...] | str | None) -> None:
    for value in (values,) if isinstance(values, str) else values or ():
        if not ID.fullmatch(value):
            problems.append(f"{name}: must be lower-case letters, digits, '-' or '_' (got {value!r})")


def _identity(problems: list[str], record_id: str, sources: tuple[str, ...]) -> None:
    """The id is well formed and the record names at least one well-formed source id."""
    _ids(problems, "id", record_id)
    if not sources:
        problems.append("sources: must name at least one source")
    _ids(problems, "sources", sources)


def _check_named(record_id: str, name: str, sources: tuple[str, ...]) -> None:
    problems: list[str] = []
    _identity(problems, record_id, sources)
    _text(problems, "name", name)
    _check(problems)


def _text(problems: list[str], name: str, value: str | None) -> None:
    if value is not None and not value.strip():
        problems.append(f"{name}: must not be empty")


def _counts(problems: list[str], record: object, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(record, name)
        if value is not None and value < 0:
            problems.append(f"{name}: must be 0 or more (got {value})")


def is_date(value: str) -> bool:
    """YYYY-MM-DD naming a real day (not 2022-02-30), or YYYY-MM."""
    if not PARTIAL_DATE.fullmatch(value):
        return False
    try:
        return len(value) == 7 or bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _date(problems: list[str], name: str, value: str | None) -> None:
    if value is not None and not is_date(value):
        problems.append(f"{name}: must be YYYY-MM-DD or YYYY-MM (got {value!r})")


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """A short text kept in both languages (the Chinese is optional)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    en: str
    zh: str | None = None

    def __post_init__(self) -> None:
        problems: list[str] = []
        _text(problems, "en", self.en)
        _check(problems)

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" and self.zh else self.en


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    id: str
    publisher: str
    publisher_zh: str | None = None
    title: str | None = None
    published: dt.date
    language: Lang
    url: str | None = None
    archive: str | None = None  # file name of the archived copy the facts were read from
    note: str | None = None

    def __post_init__(self) -> None:
        problems: list[str] = []
        _ids(problems, "id", self.id)
        _text(problems, "publisher", self.publisher)
        _check(problems)


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


ELECTION_COUNTS = (
    "votes_for",
    "votes_against",
    "total_ballots_counted",
    "void_ballots",
    "challenged_ballots",
    "eligible_voters",
    "headcount",
    "objections_window_business_days",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Election:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    id: str
    code: str | None = None
    case_number: str | None = None
    employer: str
    facility_kind: str | None = None
    city: str | None = None
    near_city: bool = False  # the source places it near `city`, not in it ("the Amazon facility near Albany")
    region: str | None = None
    state: str
    union: str | None = None
    union_abbr: str | None = None
    tally_date: str | None = None
    tally_type: TallyType | None = None
    status: Status
    votes_for: int | None = None
    votes_against: int | None = None
    total_ballots_counted: int | None = None  # for + against; void ballots are not part of it
    void_ballots: int | None = None
    challenged_ballots: int | None = None
    challenges_determinative: bool | None = None
    eligible_voters: int | None = None
    eligible_approximate: bool = False
    headcount: int | None = None
    headcount_more_than: bool = False
    count_location: Text | None = None
    objections_window_business_days: int | None = None
    outcome: Outcome
    notes: tuple[Text, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        counts = (
            self.votes_for,
            self.votes_against,
            self.total_ballots_counted,
            self.void_ballots,
            self.challenged_ballots,
            self.eligible_voters,
            self.headcount,
            self.objections_window_business_days,
        )
        well_formed = (  # the common case, checked cheaply; messages are built only when it fails
            ID.fullmatch(self.id)
            and (self.code is None or CODE.fullmatch(self.code))
            and (self.case_number is None or CASE_NUMBER.fullmatch(self.case_number))
            and STATE.fullmatch(self.state)
            and self.employer.strip()
            and (self.tally_date is None or is_date(self.tally_date))
            and self.sources
            and all(ID.fullmatch(s) for s in self.sources)
            and all(c is None or c >= 0 for c in counts)
        )
        if not well_formed:
            _check(self._problems())
        _check(self._invariants())

    def _problems(self) -> list[str]:
        problems: list[str] = []
        _identity(problems, self.id, self.sources)
        if self.code is not None and not CODE.fullmatch(self.code):
            problems.append(f"code: must be 2-5 capital letters and 1-4 digits, like ALB1 (got {self.code!r})")
        if self.case_number is not None and not CASE_NUMBER.fullmatch(self.case_number):
            problems.append(f"case_number: must look like 29-RC-288020 (got {self.case_number!r})")
        if not STATE.fullmatch(self.state):
            problems.append(f"state: must be a two-letter postal code, like NY (got {self.state!r})")
        _text(problems, "employer", self.employer)
        _date(problems, "tally_date", self.tally_date)
        _counts(problems, self, ELECTION_COUNTS)
        return problems

    def _invariants(self) -> list[str]:
        yes, no, total = self.votes_for, self.votes_against, self.total_ballots_counted
        if self.near_city and self.city is None:
            return ["near_city needs the city it is near"]
        if (yes is None) != (no is None):
            return ["votes_for and votes_against must be given together"]
        if total is not None and yes is None:
            return ["total_ballots_counted is given without votes_for and votes_against"]
        if yes is not None and no is not None and total is not None and yes + no != total:
            return [f"votes_for + votes_against ({yes + no}) != total_ballots_counted ({total})"]
        if self.status is Status.petition_filed and (yes is not None or self.outcome is not Outcome.pending):
            return ["a petition_filed election has no votes and outcome 'pending'"]
        if self.status is Status.too_close_to_call and self.outcome is not Outcome.undecided:
            return ["a too_close_to_call election must have outcome 'undecided'"]
        if yes is not None and no is not None and not self.challenges_determinative:
            expected = Outcome.won if yes > no else Outcome.lost  # a tie is a loss
            if self.outcome is not expected:
                return [
                    f"outcome '{self.outcome}' contradicts the counts ({yes} for, {no} against) "
                    "and challenges are not determinative"
                ]
        cast = self.ballots_cast
        eligible = self.eligible_voters
        if eligible is not None and not self.eligible_approximate and cast is not None and cast > eligible:
            return [f"ballots counted + void + challenged ({cast}) > eligible_voters ({eligible})"]
        return []

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    id: str
    name: str
    name_zh: str | None = None
    abbreviation: str | None = None
    kind: OrgKind
    description: Text | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_named(self.id, self.name, self.sources)


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    id: str
    name: str
    name_zh: str | None = None
    name_transliterated: bool = False  # `name` is election-bot's romanisation of name_zh: no source spells it
    aliases: tuple[str, ...] = ()
    role: Text
    organisation: str | None = None
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_named(self.id, self.name, self.sources)
        if self.name_transliterated and not self.name_zh:
            raise RecordError("name_transliterated: needs the name_zh that `name` transliterates")


class Channel(StrEnum):
    statement = "statement"
    tweet = "tweet"
    interview = "interview"
    rally = "rally"
    report = "report"
    filing = "filing"
    no_response = "no_response"  # the source says the speaker did not (immediately) respond to its request


# How `reported` is used, one meaning throughout: false when `text` is the speaker's words as the
# source quotes them (in quotation marks, whole or a fragment); true when it is the source's own
# words about what was said or done (indirect speech, a paraphrase, possibly with quoted fragments).


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    id: str
    speaker: str  # a person or an organisation
    text: str  # exactly as published, in the source's language
    lang: Lang
    reported: bool = False  # `text` is the source's words, not the speaker's (see above)
    translation: str | None = None  # ours, always labelled; never shown as the speaker's words
    channel: Channel
    date: str | None = None
    elections: tuple[str, ...] = ()
    source: str

    def __post_init__(self) -> None:
        problems: list[str] = []
        _ids(problems, "id", self.id)
        _ids(problems, "speaker", self.speaker)
        _text(problems, "text", self.text)
        _date(problems, "date", self.date)
        _ids(problems, "elections", self.elections)
        _ids(problems, "source", self.source)
        if self.channel is Channel.no_response and not self.reported:
            problems.append("channel 'no_response': the text is the source's words, so reported must be true")
        _check(problems)


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
    win_rate = "win_rate"
    rank = "rank"
    compare = "compare"
    history = "history"
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
    union = "union"
    employer = "employer"
    case_number = "case_number"


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

    @property
    def empty(self) -> bool:
        return self == ListFilter()


@dataclass(frozen=True, slots=True)
class WinRate:
    """Of the matching elections with a result: how many the union won."""

    won: int
    decided: int  # won + lost (undecided and pending elections are left out)

    @property
    def percent(self) -> float | None:
        return round(100 * self.won / self.decided, 1) if self.decided else None


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
    unknown_kind: Literal["code", "speaker", "words", "which", "instruction"] | None = None
    examples: tuple[str, ...] = field(default=())
    asked: str | None = None  # the part of a long message that was read as the question
    row: str | None = None  # the question-table row that was answered (or asked about)
    win_rate: WinRate | None = None
    channel: Channel | None = None  # quotes narrowed to one channel
    speakers: tuple[str, ...] = ()  # quotes: everyone whose statements were asked for (a follow-up asks them again)
    official: tuple[OfficialElection, ...] = ()  # NLRB tallies the answer is about (issue 9), history order
    official_total: int = 0  # official lists: how many tallies match (only the first page is carried)
    official_page: int = 0  # official lists: the page carried (0: the first)
    official_keys: tuple[tuple[str, str | None], ...] = ()  # official lists: every election (case, unit), in order
    official_scope: str | None = None  # official lists: what they are filtered on ("Starbucks, Oregon")
    official_outcome: str | None = None  # official lists and counts: "won" / "lost" when filtered on the result
    topic: str = ""  # quotes: the topic asked after "about"/"关于" that none of the speaker's statements holds
    official_query: str | None = None  # official lists: that filter as JSON, for a follow-up ("and Oregon?")
    names: tuple[str, ...] = ()  # who_is: the names a question asks are the same person's ("Chris"/"Christian Smalls")
    official_checked: bool = False  # a curated election's NLRB record was looked for (none: "not on file")
    role: str | None = None  # who-is: the role asked ("leads", "发言人"): "and the Teamsters?" asks it again
    combined: bool = False  # a comparison asked for the figures' sum ("total yes votes across LDJ5 and ALB1")

    @property
    def answered(self) -> bool:
        return self.kind in (Kind.answered, Kind.help)
