"""The official layer of the store: NLRB tallies indexed for lookups.

Exact lookups only (fuzzy matching of names belongs to the matcher): by case number, by
employer or union display name (in `name_key` form), state, city, year and case type. Every
lookup returns records in history order (date, then unit and tally), so a case's tallies read
as its story: initial, revised count, rerun, run-off.

A layer can be *deferred*: the CLI's cache keeps it in a pickle of its own, read on first use,
so a question about the news layer never pays for 18,000 official records.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the records module loads with the records: a cached store that never uses them never imports it
    from bot.nlrb.records import OfficialElection

Records = tuple["OfficialElection", ...]
EMPTY: Records = ()


def name_key(display: str) -> str:
    from bot.nlrb.names import name_key as key

    return key(display)


def history_order(record: OfficialElection) -> tuple[str, str, int, str]:
    tally = {"initial": 1, "rerun": 2, "runoff": 3}.get(record.tally.value if record.tally else "", 0)
    return (record.date or "", record.unit or "", tally, record.id)


@dataclass(frozen=True, slots=True)
class Indexes:
    by_id: Mapping[str, OfficialElection]
    by_case: Mapping[str, Records]
    by_employer: Mapping[str, Records]
    by_union: Mapping[str, Records]
    by_affiliation: Mapping[str, Records]
    by_state: Mapping[str, Records]
    by_city: Mapping[str, Records]
    by_year: Mapping[int, Records]
    by_case_type: Mapping[str, Records]
    employer_names: Mapping[str, str]  # name_key -> display name, for the matcher
    union_names: Mapping[str, str]


def _add(groups: dict[Any, list[OfficialElection]], key: Any, record: OfficialElection) -> None:
    if key is not None and key != "":
        group = groups.setdefault(key, [])
        if not group or group[-1] is not record:  # a union twice on one ballot is filed once
            group.append(record)


def index(records: Iterable[OfficialElection]) -> Indexes:
    """Every index in one pass over the records in history order."""
    from bot.nlrb.names import name_key

    ordered = sorted(records, key=history_order)
    names = ("case", "employer", "union", "affiliation", "state", "city", "year", "case_type")
    groups: dict[str, dict[Any, list[OfficialElection]]] = {name: {} for name in names}
    by_case, by_employer, by_union, by_affiliation, by_state, by_city, by_year, by_type = (groups[n] for n in names)
    employers: dict[str, str] = {}
    unions: dict[str, str] = {}
    for record in ordered:
        employer = name_key(record.employer_display)
        employers.setdefault(employer, record.employer_display)
        _add(by_case, record.case_number, record)
        _add(by_employer, employer, record)
        for union in record.unions:
            if union.display is None:
                continue
            key = name_key(union.display)
            unions.setdefault(key, union.display)
            _add(by_union, key, record)
            _add(by_affiliation, name_key(union.affiliation) if union.affiliation else None, record)
        _add(by_state, record.state, record)
        _add(by_city, name_key(record.city) if record.city else None, record)
        _add(by_year, record.year, record)
        _add(by_type, record.case_type.value, record)
    frozen = {name: {k: tuple(v) for k, v in group.items()} for name, group in groups.items()}
    return Indexes(
        by_id={r.id: r for r in ordered},
        by_case=frozen["case"],
        by_employer=frozen["employer"],
        by_union=frozen["union"],
        by_affiliation=frozen["affiliation"],
        by_state=frozen["state"],
        by_city=frozen["city"],
        by_year=frozen["year"],
        by_case_type=frozen["case_type"],
        employer_names=employers,
        union_names=unions,
    )


class OfficialLayer:
    """Official NLRB tallies and their indexes; built at once, or deferred to a pickle read on first use."""

    __slots__ = ("_cases", "_indexes", "_pending")

    def __init__(
        self,
        records: Iterable[OfficialElection] = (),
        *,
        pending: Callable[[], Records] | None = None,
        cases: Mapping[str, Records] | None = None,
    ):
        self._pending = pending
        self._indexes: Indexes | None = None if pending else index(records)
        self._cases: Mapping[str, Records] | bytes = cases or {}  # a deferred layer's answers for a few cases

    @classmethod
    def deferred(
        cls, path: Path, fallback: Callable[[], Records], *, cases: Mapping[str, Records] | None = None
    ) -> OfficialLayer:
        """A layer read from `path` (a pickle of its records) on first use; `fallback` if that fails.
        `cases` (case number -> its tallies, as `case()` gives them) are answered without reading it."""
        return cls(pending=_PickledRecords(path, fallback), cases=cases)

    @property
    def indexes(self) -> Indexes:
        if self._indexes is None:
            assert self._pending is not None
            self._indexes = index(self._pending())
            self._pending = None
            gc.freeze()  # read once, kept for the process: out of the cyclic collector's way (see store.load)
        return self._indexes

    def __getstate__(self) -> tuple[Indexes | None, Callable[[], Records] | None, bytes]:
        # the cases travel pickled apart: a store whose question never reads them never imports the records module
        return (
            self._indexes,
            self._pending,
            self._cases if isinstance(self._cases, bytes) else pickle.dumps(self._cases),
        )

    def __setstate__(self, state: tuple[Indexes | None, Callable[[], Records] | None, bytes]) -> None:
        self._indexes, self._pending, self._cases = state

    def __len__(self) -> int:
        return len(self.indexes.by_id)

    def __repr__(self) -> str:
        return "OfficialLayer(deferred)" if self._indexes is None else f"OfficialLayer({len(self)} tallies)"

    # --- lookups -----------------------------------------------------------------------------

    @property
    def elections(self) -> Mapping[str, OfficialElection]:
        """Every tally by id, in history order."""
        return self.indexes.by_id

    def case(self, case_number: str) -> Records:
        """A case's tallies in history order (exact case number, any letter case: "29-rc-288020")."""
        key = case_number.strip().upper()
        if self._indexes is None:
            cases = self._cases = pickle.loads(self._cases) if isinstance(self._cases, bytes) else self._cases
            if key in cases:
                return cases[key]  # a curated election's case: the 18,000 tallies stay unread
        return self.indexes.by_case.get(key, EMPTY)

    def employer(self, display: str) -> Records:
        return self.indexes.by_employer.get(name_key(display), EMPTY)

    def union(self, display: str) -> Records:
        """Tallies with this union on the ballot (any of up to three)."""
        return self.indexes.by_union.get(name_key(display), EMPTY)

    def affiliation(self, national: str) -> Records:
        """Tallies with a union of this national union on the ballot ("Teamsters", "SEIU", "Workers United")."""
        return self.indexes.by_affiliation.get(name_key(national), EMPTY)

    def state(self, code: str) -> Records:
        return self.indexes.by_state.get(code.strip().upper(), EMPTY)

    def city(self, name: str, state: str | None = None) -> Records:
        found = self.indexes.by_city.get(name_key(name), EMPTY)
        return tuple(r for r in found if r.state == state.upper()) if state else found

    def year(self, year: int) -> Records:
        """Tallies of that calendar year (tally date, else voting day)."""
        return self.indexes.by_year.get(year, EMPTY)

    def case_type(self, case_type: str) -> Records:
        return self.indexes.by_case_type.get(case_type.strip().upper(), EMPTY)

    @property
    def employer_names(self) -> Mapping[str, str]:
        """name_key -> display name of every employer (for fuzzy matching over names)."""
        return self.indexes.employer_names

    @property
    def union_names(self) -> Mapping[str, str]:
        return self.indexes.union_names


@dataclass(frozen=True, slots=True)
class _PickledRecords:
    path: Path
    fallback: Callable[[], Records]

    def __call__(self) -> Records:
        try:
            with self.path.open("rb") as f:
                records = pickle.load(f)
            if isinstance(records, tuple):
                return records
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass
        return self.fallback()
