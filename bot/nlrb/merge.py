"""Merge the rows of several files into one record per published tally.

Rows of different files are the same tally when they share case + voting unit + tally type and
their tally dates (or, failing that, their votes) agree. The annual reports give neither unit
nor tally type: their row is the election that closed the case, so it joins the case's last
tally counted on or after its voting day (or the tally with the same votes); with none, it
stands alone. Rows of one file are never merged with each other (a file may publish an
original and a revised count of one tally), except exact repeats. Fields are merged one by
one, preferring the more detailed row (more fields given), never averaging; every field where
two files disagree is reported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.nlrb.formats import Row
from bot.nlrb.names import affiliation, complete_names, employer_display, name_key, tidy_case, union_display
from bot.nlrb.records import CaseType, OfficialElection, OfficialOutcome, TallyKind, UnionVote

TALLY_ORDER = {None: 0, TallyKind.initial: 1, TallyKind.rerun: 2, TallyKind.runoff: 3}
SCALARS = (
    "employer", "votes_against", "total_ballots_counted", "void_ballots", "challenged_ballots",
    "challenges_determinative", "runoff_required", "eligible_voters", "mode", "filed_date", "held_date",
    "tally_date", "closed_date", "closed_reason", "union_to_certify", "city", "state", "unit_description", "win",
)  # fmt: skip
WON_REASONS = ("certific. of representative", "amended certification", "certification of representative")
LOST_REASONS = ("certification of results",)
NO_RESULT_REASONS = ("withdrawal", "dismissal")


@dataclass(slots=True)
class Tally:
    """The rows (one per file at most) that publish one tally."""

    key: tuple[str, str | None, TallyKind | None]
    rows: list[Row] = field(default_factory=list)

    def has(self, source: str) -> bool:
        return any(r.source == source for r in self.rows)

    @property
    def date(self) -> str | None:
        return next((r.tally_date for r in self.rows if r.tally_date), None) or next(
            (r.held_date for r in self.rows if r.held_date), None
        )


@dataclass(frozen=True, slots=True)
class Disagreement:
    record: str
    field: str
    values: tuple[tuple[str, str], ...]  # (source:line, value as published)


def _votes(row: Row) -> tuple[Any, ...]:
    return (tuple(v for _, v in row.unions), row.votes_against)


def _same_row(a: Row, b: Row) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in (*SCALARS, "unions", "unit", "tally", "revised"))


class Merger:
    def __init__(self) -> None:
        self.tallies: list[Tally] = []
        self.by_key: dict[tuple[str, str | None, TallyKind | None], list[Tally]] = {}
        self.by_case: dict[str, list[Tally]] = {}
        self.repeats = 0
        self.merged = 0

    def add(self, row: Row) -> None:
        if row.unit is None and row.tally is None and not row.tally_date:
            match = self._match_closing(row)
        else:
            match = self._match_tally(row)
        if match is None:
            key = (row.case_number, row.unit, row.tally)
            match = Tally(key)
            self.tallies.append(match)
            self.by_key.setdefault(key, []).append(match)
            self.by_case.setdefault(row.case_number, []).append(match)
        elif any(r.source == row.source for r in match.rows):
            self.repeats += 1  # an exact repeat within one file
            return
        else:
            self.merged += 1
        match.rows.append(row)

    def _match_tally(self, row: Row) -> Tally | None:
        candidates = self.by_key.get((row.case_number, row.unit, row.tally), [])
        for tally in candidates:
            if tally.has(row.source) and any(_same_row(r, row) for r in tally.rows):
                return tally
        others = [
            t for t in candidates if not t.has(row.source) and t.rows[0].self_determination == row.self_determination
        ]
        for test in (
            lambda r: row.tally_date is not None and r.tally_date == row.tally_date,
            lambda r: _votes(r) == _votes(row),
        ):
            found = [t for t in others if any(test(r) for r in t.rows)]
            if found:
                return found[0]
        return None

    def _match_closing(self, row: Row) -> Tally | None:
        """An annual report's row: the case's tally with the same votes, else its last one counted on or after the vote."""
        candidates = [t for t in self.by_case.get(row.case_number, []) if not t.has(row.source)]
        same_votes = [t for t in candidates if any(_votes(r) == _votes(row) for r in t.rows)]
        if same_votes:
            return max(same_votes, key=_order)
        later = [t for t in candidates if row.held_date is None or (t.date or "") >= row.held_date]
        return max(later, key=_order) if later else None


def _order(tally: Tally) -> tuple[str, int, bool]:
    return (tally.date or "", TALLY_ORDER[tally.key[2]], any(r.revised for r in tally.rows))


def _detail(row: Row) -> int:
    return sum(getattr(row, name) is not None for name in SCALARS) + 2 * len(row.unions)


def _shown(name: str, value: Any) -> str:
    if name == "unions":
        return "; ".join(f"{n or '(unnamed)'} {v}" for n, v in value)
    return str(value.value if hasattr(value, "value") else value)


def _comparable(name: str, value: Any) -> Any:
    """The form two files' values are compared in: names by their display form, text by words."""
    if name == "employer":
        return name_key(employer_display(value))
    if name == "union_to_certify":
        return name_key(union_display(value))
    if name == "unions":
        return tuple((name_key(union_display(n)) if n else None, v) for n, v in value)
    if name in ("city", "unit_description", "closed_reason"):
        return " ".join(str(value).casefold().split())
    return value


def build(merger: Merger, source_order: Sequence[str]) -> tuple[list[OfficialElection], list[Disagreement]]:
    """One record per tally, ids assigned, outcomes set; and every disagreement between files."""
    rank = {source: i for i, source in enumerate(source_order)}
    last, shared = _last_tallies(merger)
    records: list[OfficialElection] = []
    disagreements: list[Disagreement] = []
    for key, tallies in sorted(merger.by_key.items(), key=lambda item: _key_order(item[0])):
        ordered = sorted(tallies, key=lambda t: (*_order(t), min(rank[r.source] for r in t.rows)))
        for n, tally in enumerate(ordered, start=1):
            rows = sorted(tally.rows, key=lambda r: (-_detail(r), rank[r.source]))
            ident = _id(key, n)
            standing = (id(tally) in last, key[0] in shared)
            record, found = _record(ident, tally, rows, standing, rank)
            records.append(record)
            disagreements.extend(found)
    return _complete(records), disagreements


def _complete(records: list[OfficialElection]) -> list[OfficialElection]:
    """Display names cut short by a file (at ~100 characters) completed from another file's spelling."""
    employers = complete_names((r.employer, r.employer_display) for r in records)
    unions = complete_names((u.name, u.display) for r in records for u in r.unions if u.name and u.display)
    out = []
    for r in records:
        if r.employer_display in employers or any(u.display and u.display in unions for u in r.unions):
            r = dataclasses.replace(
                r,
                employer_display=employers.get(r.employer_display, r.employer_display),
                unions=tuple(
                    dataclasses.replace(u, display=unions.get(u.display, u.display)) if u.display else u
                    for u in r.unions
                ),
            )
        out.append(r)
    return out


def _key_order(key: tuple[str, str | None, TallyKind | None]) -> tuple[str, str, int]:
    return (key[0], key[1] or "", TALLY_ORDER[key[2]])


def _id(key: tuple[str, str | None, TallyKind | None], n: int) -> str:
    case, unit, tally = key
    parts = [case.lower()]
    if unit:
        parts.append(unit.lower())
    if tally:
        parts.append(tally.value)
    if n > 1:
        parts.append(str(n))
    return "-".join(parts)


def _last_tallies(merger: Merger) -> tuple[set[int], set[str]]:
    """The last tally of each voting unit of each case (the one the case's closing result belongs
    to), and the cases with several lettered voting units."""
    last: set[int] = set()
    shared: set[str] = set()
    for case, tallies in merger.by_case.items():
        units: dict[str | None, Tally] = {}
        for tally in tallies:
            unit = tally.key[1]
            if unit not in units or _order(tally) >= _order(units[unit]):
                units[unit] = tally
        last.update(id(t) for t in units.values())
        if len([u for u in units if u]) > 1:
            shared.add(case)
    return last, shared


def _outcome(case_type: CaseType, merged: dict[str, Any], standing: tuple[bool, bool]) -> OfficialOutcome | None:
    """The certified result, on a unit's last tally only (an earlier one was superseded). In order:
    1. deauthorisation (UD) votes are on a proposition: no won/lost;
    2. a withdrawn or dismissed case has no certified result;
    3. in a case of several voting units the closing reason doesn't say which unit it is about:
       only the unit's own "Union To Certify" counts (won), else nothing is said;
    4. the case's closing reason (Certific. of Representative: won; Certification of Results: lost);
    5. the annual reports' Cert of Rep (Win) / Cert of Results (Loss) columns;
    6. an open case whose tally names the union to certify: won."""
    is_last, several_units = standing
    if not is_last or case_type is CaseType.UD:
        return None
    reason = (merged.get("closed_reason") or "").casefold()
    if reason.startswith(NO_RESULT_REASONS):
        return OfficialOutcome.no_certified_result
    if several_units:
        return OfficialOutcome.won if merged.get("union_to_certify") else None
    if reason.startswith(WON_REASONS):
        return OfficialOutcome.won
    if reason.startswith(LOST_REASONS):
        return OfficialOutcome.lost
    if merged.get("win") is not None:
        return OfficialOutcome.won if merged["win"] else OfficialOutcome.lost
    if merged.get("union_to_certify"):
        return OfficialOutcome.won
    return None


def _record(
    ident: str, tally: Tally, rows: list[Row], standing: tuple[bool, bool], rank: dict[str, int]
) -> tuple[OfficialElection, list[Disagreement]]:
    merged: dict[str, Any] = {}
    found: list[Disagreement] = []
    for name in (*SCALARS, "unions"):
        given = [(r, getattr(r, name)) for r in rows if getattr(r, name) not in (None, [])]
        if not given:
            continue
        merged[name] = given[0][1]
        if len({_comparable(name, v) for _, v in given}) > 1:
            values = tuple(sorted((f"{r.source}:{r.line}", _shown(name, v)) for r, v in given))
            found.append(Disagreement(ident, name, values))
    case, unit, kind = tally.key
    case_type = CaseType(case[3:5])
    record = OfficialElection(
        id=ident,
        case_number=case,
        case_type=case_type,
        unit=unit,
        tally=kind,
        revised=any(r.revised for r in rows),
        self_determination=any(r.self_determination for r in rows),
        employer=merged["employer"],
        employer_display=employer_display(merged["employer"]),
        unions=tuple(
            UnionVote(name=n, display=union_display(n), affiliation=affiliation(n), votes=v)
            if n
            else UnionVote(votes=v)
            for n, v in merged.get("unions", [])
        ),
        votes_against=merged.get("votes_against"),
        total_ballots_counted=merged.get("total_ballots_counted"),
        void_ballots=merged.get("void_ballots"),
        challenged_ballots=merged.get("challenged_ballots"),
        challenges_determinative=merged.get("challenges_determinative"),
        runoff_required=merged.get("runoff_required"),
        eligible_voters=merged.get("eligible_voters"),
        mode=merged.get("mode"),
        filed_date=merged.get("filed_date"),
        held_date=merged.get("held_date"),
        tally_date=merged.get("tally_date"),
        closed_date=merged.get("closed_date"),
        closed_reason=merged.get("closed_reason"),
        open=any(r.open for r in rows) and not merged.get("closed_reason") and not merged.get("closed_date"),
        outcome=_outcome(case_type, merged, standing),
        union_to_certify=union_display(merged["union_to_certify"]) if merged.get("union_to_certify") else None,
        city=tidy_case(merged["city"]) if merged.get("city") else None,
        state=merged.get("state"),
        unit_description=merged.get("unit_description"),
        sources=tuple(sorted({r.source for r in rows}, key=lambda s: rank[s])),
    )
    return record, found
