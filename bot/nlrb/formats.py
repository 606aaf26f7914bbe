"""The NLRB's file formats, read into uniform rows.

Formats (detected from the header, not the file name):
- ``export``: nlrb.gov "Recent Election Results" CSV (31 columns, MM/DD/YYYY dates);
- ``reuning``: unionelections.org's processed copy of that export (``Case`` …, NA for missing);
- ``reuning-starbucks``: its Starbucks file (underscored names, ISO dates);
- ``foia``: the FOIA 2017-2021 workbook (4 title lines, then 34 columns);
- ``annual``: the "closed elections" workbooks, one sheet per number of labour organisations,
  or (FY2020 on) one sheet of stacked sections, each under its own header.
The spreadsheet reader (python-calamine) is imported only when a workbook is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.nlrb.records import CASE_NUMBER, CaseType, Mode, TallyKind


class ImportProblem(Exception):
    """A file the importer cannot read; the message names the file."""


@dataclass(slots=True)
class Row:
    """One tally as one file publishes it, in the record's terms (None: the file doesn't say)."""

    source: str  # the source id of the file
    line: str  # where in the file, e.g. "row 12" or "sheet 'FY2011-1 Labor Org' row 3"
    case_number: str
    employer: str
    unit: str | None = None
    tally: TallyKind | None = None
    revised: bool = False
    self_determination: bool = False
    unions: list[tuple[str | None, int | None]] = field(default_factory=list)  # name None: votes for an unnamed union
    votes_against: int | None = None
    total_ballots_counted: int | None = None
    void_ballots: int | None = None
    challenged_ballots: int | None = None
    challenges_determinative: bool | None = None
    runoff_required: bool | None = None
    eligible_voters: int | None = None
    mode: Mode | None = None
    filed_date: str | None = None
    held_date: str | None = None
    tally_date: str | None = None
    closed_date: str | None = None
    closed_reason: str | None = None
    open: bool = False
    win: bool | None = None  # annual reports: Cert of Rep (Win) / Cert of Results (Loss)
    union_to_certify: str | None = None
    city: str | None = None
    state: str | None = None
    unit_description: str | None = None

    @property
    def has_tally(self) -> bool:
        return (
            self.tally_date is not None or self.votes_against is not None or any(v is not None for _, v in self.unions)
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    line: str
    case_number: str
    reason: str


# --- cell values ----------------------------------------------------------------------

MISSING = frozenset({"", "NA", "N/A", "NULL", "NAN"})
US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = re.sub(r"[ \t]+", " ", str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
    return None if result.upper() in MISSING else result


def number(value: Any) -> int | None:
    if isinstance(value, bool):
        raise ValueError(f"not a count: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"not a whole number: {value!r}")
        return int(value)
    raw = text(value)
    if raw is None:
        return None
    return int(float(raw.replace(",", "")))


def date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = text(value)
    if raw is None:
        return None
    if match := US_DATE.fullmatch(raw.split(" ")[0]):
        month, day, year = (int(g) for g in match.groups())
        return dt.date(year, month, day).isoformat()
    if match := ISO.fullmatch(raw[:10]):
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    raise ValueError(f"not a date: {raw!r}")


def yes_no(value: Any) -> bool | None:
    raw = (text(value) or "").upper()
    return {"Y": True, "YES": True, "N": False, "NO": False}.get(raw)


TALLIES = {
    "initial": TallyKind.initial,
    "rerun": TallyKind.rerun,
    "run-off": TallyKind.runoff,
    "runoff": TallyKind.runoff,
}
MODES = {"manual": Mode.manual, "mail": Mode.mail, "mixed: mail and manual": Mode.mixed, "mixed": Mode.mixed}


# --- formats: one table per format (record field -> column) ------------------------------

EXPORT = {
    "case_number": "Case Number", "employer": "Case Name", "status": "Status", "filed_date": "Date Filed",
    "closed_date": "Date Closed", "closed_reason": "Reason Closed", "city": "City", "state": "States & Territories",
    "unit": "Unit ID", "ballot": "Ballot Type", "tally": "Tally Type", "tally_date": "Tally Date",
    "eligible_voters": "No of Eligible Voters", "void_ballots": "Void Ballots",
    "union1": "Labor Union1", "votes1": "Votes for Labor Union1", "union2": "Labor Union2",
    "votes2": "Votes for Labor Union2", "union3": "Labor Union3", "votes3": "Votes for Labor Union3",
    "votes_against": "Votes Against", "total_ballots_counted": "Total Ballots Counted",
    "runoff_required": "Runoff Required", "challenged_ballots": "Challenged Ballots",
    "challenges_determinative": "Challenges are Determinative", "union_to_certify": "Union to Certify",
    "unit_description": "Voting Unit (Unit {unit})",
}  # fmt: skip
REUNING = {**EXPORT, "case_number": "Case", "state": "State"}
REUNING_STARBUCKS = {
    **REUNING, "employer": "Case_Name", "filed_date": "Date_Filed", "closed_date": "Date_Closed",
    "closed_reason": "Reason_Closed", "ballot": "Ballot_Type", "tally": "Tally_Type", "tally_date": "Tally_Date",
    "eligible_voters": "Num_Eligible_Voters", "union1": "Labor_Union", "votes1": "Votes_For_Union",
    "votes_against": "Votes_Against", "total_ballots_counted": "Total_Ballots_Counted",
    "unit_description": "Voting Unit (Unit A)",
}  # fmt: skip
FOIA = {
    "case_number": "Case Number", "employer": "Case Name", "city": "Unit City", "state": "Unit State",
    "status": "Case Status", "filed_date": "Case Filed Date", "closed_date": "Case Closed Date",
    "closed_reason": "Closed Reason", "mode": "Election Mode", "tally_date": "Tally Date", "tally": "Tally Type",
    "ballot": "Tally Category", "unit": "Unit ID", "eligible_voters": "Num Eligible Voters",
    "void_ballots": "Num Void Ballots", "union1": "Labor Organization 1 Name", "votes1": "Votes For Labor Org1",
    "union2": "Labor Organization 2 Name", "votes2": "Votes For Labor Org2", "union3": "Labor Organization 3 Name",
    "votes3": "Votes For Labor Org3", "votes_against": "Votes Cast Against Labor Org",
    "total_ballots_counted": "Num Valid Votes Counted", "challenged_ballots": "Num Challenged Ballots",
    "challenges_determinative": "Challenges R Determinitive", "runoff_required": "Runoff Required",
    "union_to_certify": "Union To Certify", "unit_description": "Bargaining Unit Determined",
    "unit_petitioned": "Unit Involved on Petition",
}  # fmt: skip
ANNUAL = {
    "case_number": "Case Number", "employer": "Case Name", "case_type": "Case Type", "city": "Dispute Unit City",
    "state": "Dispute Unit State", "held_date": "Election Held Date", "eligible_voters": "Num Eligible Voters",
    "votes_against": "Valid Votes Against", "votes1": "Votes for Labor Org 1", "union1": "Labor Org 1 Name",
    "votes2": "Votes for Labor Org 2", "union2": "Labor Org 2 Name", "votes3": "Votes For Labor Org3",
    "union3": "Labor Org3", "won": "Cert of Rep (Win)", "lost": "Cert of Results (Loss)",
    "union_to_certify": "Union To Certify", "closed_date": "Closed Date", "closed_reason": "Closed Reason",
}  # fmt: skip
ANNUAL_UD = {**ANNUAL, "votes1": "For Proposition", "votes_against": "Against Proposition"}

FORMATS: dict[str, Mapping[str, str]] = {
    "export": EXPORT,
    "reuning": REUNING,
    "reuning-starbucks": REUNING_STARBUCKS,
    "foia": FOIA,
    "annual": ANNUAL,
}


def detect(header: list[str]) -> str | None:
    """The format whose defining columns the header holds."""
    names = set(header)
    if "Votes_For_Union" in names:
        return "reuning-starbucks"
    if {"Case", "Votes for Labor Union1"} <= names:
        return "reuning"
    if {"Case Number", "Votes for Labor Union1", "Tally Type"} <= names:
        return "export"
    if {"Case Number", "Tally Category", "Votes For Labor Org1"} <= names:
        return "foia"
    if {"Case Number", "Election Held Date"} <= names:
        return "annual"
    return None


# --- reading ----------------------------------------------------------------------------

Table = tuple[str, str, list[str], Iterator[tuple[int, list[Any]]]]  # format, sheet label, header, rows


TIME_RUN = re.compile(r"Time run:\s*(\d{1,2}/\d{1,2}/\d{4})")


def tables(path: Path, stamps: list[str] | None = None) -> Iterator[Table]:
    """Every table in a file with its format: a CSV is one table; a workbook has a table under each header row."""
    if path.suffix.lower() == ".csv":
        yield from _csv_tables(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        yield from _workbook_tables(path, [] if stamps is None else stamps)
    else:
        raise ImportProblem(f"{path.name}: not a CSV file or a spreadsheet")


def _csv_tables(path: Path) -> Iterator[Table]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot read file ({exc.strerror})") from exc
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, [])
            rows = [(n, row) for n, row in enumerate(reader, start=2) if any(cell.strip() for cell in row)]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportProblem(f"{path.name}: not a readable UTF-8 CSV file ({exc})") from exc
    kind = detect(header)
    if kind is None:
        raise ImportProblem(f"{path.name}: not an NLRB election file I know (header: {', '.join(header[:4])}, …)")
    yield kind, "", header, iter(rows)


def _workbook_tables(path: Path, stamps: list[str]) -> Iterator[Table]:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError as exc:  # an import-time dependency: pip install -e '.[import]'
        raise ImportProblem("reading spreadsheets needs python-calamine: pip install -e '.[import]'") from exc
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = [(name, workbook.get_sheet_by_name(name).to_python()) for name in workbook.sheet_names]
    except Exception as exc:  # calamine raises its own error types for a damaged or foreign file
        raise ImportProblem(f"{path.name}: not a readable spreadsheet ({exc})") from exc
    found = False
    for name, cells in sheets:
        for row in cells:  # report stamps sit in the first two cells of title lines
            stamps.extend(m.group(1) for c in row[:2] if isinstance(c, str) and (m := TIME_RUN.search(c)))
        starts = [(i, kind) for i, row in enumerate(cells) if (kind := detect([str(c).strip() for c in row]))]
        for (start, kind), end in zip(starts, [s for s, _ in starts[1:]] + [len(cells)] * bool(starts), strict=True):
            header = [str(c).strip() for c in cells[start]]
            rows = ((n + 1, cells[n]) for n in range(start + 1, end))
            found = True
            yield kind, name, header, rows
    if not found:
        raise ImportProblem(f"{path.name}: no sheet with an NLRB election header")


# --- rows -----------------------------------------------------------------------------------

BLANK_IS_ZERO = frozenset({"export", "reuning", "reuning-starbucks"})  # their zeros are often blank
TEST_ROW = re.compile(r"shakeout\s+test", re.IGNORECASE)


@dataclass(slots=True)
class Parsed:
    """A file read: its format(s), its rows, and the rows skipped with why."""

    formats: list[str] = field(default_factory=list)
    time_run: str | None = None  # the "Time run: …" stamp of an NLRB report, when it carries one
    read: int = 0
    rows: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def parse(path: Path, source: str) -> Parsed:
    parsed = Parsed()
    stamps: list[str] = []
    for kind, sheet, header, cells in tables(path, stamps):
        if kind not in parsed.formats:
            parsed.formats.append(kind)
        columns = FORMATS[kind]
        if kind == "annual" and "For Proposition" in header:
            columns = ANNUAL_UD
        index = {name: i for i, name in reversed(list(enumerate(header))) if name}
        where = f"sheet {sheet!r} row" if sheet else "row"  # CSV rows, header = row 1 (a row may span lines)
        for number, values in cells:
            case = text(_cell(values, index, columns, "case_number"))
            if case is None or not case[:2].isdigit():
                continue  # a blank, title or footer line, not a record
            parsed.read += 1
            line = f"{where} {number}"
            try:
                row = _row(kind, values, index, columns, source, line, case)
            except ValueError as exc:
                parsed.skipped.append(Skipped(source, line, case, f"unreadable value: {exc}"))
                continue
            if isinstance(row, Skipped):
                parsed.skipped.append(row)
            else:
                parsed.rows.append(row)
    parsed.time_run = min((d for d in map(date, stamps) if d), default=None)
    return parsed


def _cell(values: list[Any], index: Mapping[str, int], columns: Mapping[str, str], name: str, unit: str = "") -> Any:
    column = columns.get(name)
    if column is None:
        return None
    position = index.get(column.format(unit=unit))
    return values[position] if position is not None and position < len(values) else None


def _row(
    kind: str,
    values: list[Any],
    index: Mapping[str, int],
    columns: Mapping[str, str],
    source: str,
    line: str,
    case: str,
) -> Row | Skipped:
    def get(name: str) -> Any:
        return _cell(values, index, columns, name)

    if not CASE_NUMBER.fullmatch(case):
        return Skipped(source, line, case, "case number is not in the form 29-RC-288020")
    if case[3:5] not in CaseType.__members__:
        return Skipped(source, line, case, f"case type {case[3:5]} is not an election case (RC, RM, RD, UD)")
    employer = text(get("employer")) or ""
    if TEST_ROW.search(employer):
        return Skipped(source, line, case, f"NLRB test row ({employer})")
    if not employer:
        return Skipped(source, line, case, "no case name")
    ballot = (text(get("ballot")) or "").lower()
    unit = (text(get("unit")) or "").upper() or None
    row = Row(
        source=source,
        line=line,
        case_number=case,
        employer=employer,
        unit=unit if unit and len(unit) == 1 and unit.isalpha() else None,
        tally=TALLIES.get((text(get("tally")) or "").lower()),
        revised="revised" in ballot,
        self_determination="self determination" in ballot,
        votes_against=number(get("votes_against")),
        total_ballots_counted=number(get("total_ballots_counted")),
        void_ballots=number(get("void_ballots")),
        challenged_ballots=number(get("challenged_ballots")),
        challenges_determinative=yes_no(get("challenges_determinative")),
        runoff_required=yes_no(get("runoff_required")),
        eligible_voters=number(get("eligible_voters")),
        mode=MODES.get((text(get("mode")) or "").lower()),
        filed_date=date(get("filed_date")),
        held_date=date(get("held_date")),
        tally_date=date(get("tally_date")),
        closed_date=date(get("closed_date")),
        closed_reason=text(get("closed_reason")),
        open=(text(get("status")) or "").lower() == "open",
        union_to_certify=text(get("union_to_certify")),
        city=text(get("city")),
        state=(text(get("state")) or "").upper() or None,
        unit_description=text(_cell(values, index, columns, "unit_description", unit or "A"))
        or text(get("unit_petitioned")),
    )
    for i in (1, 2, 3):
        name, votes = text(get(f"union{i}")), number(get(f"votes{i}"))
        if name is not None or votes:  # a few rows give a union's votes without its name: kept, unnamed
            row.unions.append((name, votes))
    won, lost = (text(get("won")) or "").upper() == "WON", (text(get("lost")) or "").upper() == "LOSS"
    row.win = True if won else False if lost else None
    if row.state is not None and not re.fullmatch(r"[A-Z]{2}", row.state):
        row.state = None
    if not row.has_tally:
        return Skipped(source, line, case, "no tally (a petition without an election yet)")
    if kind in BLANK_IS_ZERO:
        row.unions = [(name, 0 if votes is None else votes) for name, votes in row.unions]
        if row.votes_against is None:
            row.votes_against = 0
    return row
