"""The official layer of the store: NLRB tallies indexed for lookups.

Exact lookups only (fuzzy matching of names belongs to the matcher): by case number, by
employer or union display name (in `name_key` form), state, city, year and case type. Every
lookup returns records in history order (date, then unit and tally), so a case's tallies read
as its story: initial, revised count, rerun, run-off.

A layer can be *deferred*: the CLI's cache keeps it in a pickle of its own, read on first use,
so a question about the news layer never pays for 18,000 official records.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.nlrb.names import name_key
from bot.nlrb.records import OfficialElection

Records = tuple[OfficialElection, ...]
EMPTY: Records = ()


def history_order(record: OfficialElection) -> tuple[str, str, int, str]:
    tally = {"initial": 1, "rerun": 2, "runoff": 3}.get(record.tally.value if record.tally else "", 0)
    return (record.date or "", record.unit or "", tally, record.id)


@dataclass(frozen=True, slots=True)
class Indexes:
    by_id: Mapping[str, OfficialElection]
    by_case: Mapping[str, Records]
    by_employer: Mapping[str, Records]
    by_union: Mapping[str, Records]
    by_state: Mapping[str, Records]
    by_city: Mapping[str, Records]
    by_year: Mapping[int, Records]
    by_case_type: Mapping[str, Records]
    employer_names: Mapping[str, str]  # name_key -> display name, for the matcher
    union_names: Mapping[str, str]


def _group(records: Iterable[OfficialElection], keys: Callable[[OfficialElection], Iterable[object]]) -> dict:  # type: ignore[type-arg]
    groups: dict[object, list[OfficialElection]] = {}
    for record in records:
        for key in keys(record):
            if key is not None and key != "":
                group = groups.setdefault(key, [])
                if not group or group[-1] is not record:  # a union twice on one ballot is filed once
                    group.append(record)
    return {k: tuple(v) for k, v in groups.items()}


def index(records: Iterable[OfficialElection]) -> Indexes:
    ordered = sorted(records, key=history_order)
    employers: dict[str, str] = {}
    unions: dict[str, str] = {}
    for record in ordered:
        employers.setdefault(name_key(record.employer_display), record.employer_display)
        for union in record.unions:
            unions.setdefault(name_key(union.display), union.display)
    return Indexes(
        by_id={r.id: r for r in ordered},
        by_case=_group(ordered, lambda r: (r.case_number,)),
        by_employer=_group(ordered, lambda r: (name_key(r.employer_display),)),
        by_union=_group(ordered, lambda r: [name_key(u.display) for u in r.unions]),
        by_state=_group(ordered, lambda r: (r.state,)),
        by_city=_group(ordered, lambda r: (name_key(r.city) if r.city else None,)),
        by_year=_group(ordered, lambda r: (r.year,)),
        by_case_type=_group(ordered, lambda r: (r.case_type.value,)),
        employer_names=employers,
        union_names=unions,
    )


class OfficialLayer:
    """Official NLRB tallies and their indexes; built at once, or deferred to a pickle read on first use."""

    __slots__ = ("_indexes", "_pending")

    def __init__(self, records: Iterable[OfficialElection] = (), *, pending: Callable[[], Records] | None = None):
        self._pending = pending
        self._indexes: Indexes | None = None if pending else index(records)

    @classmethod
    def deferred(cls, path: Path, fallback: Callable[[], Records]) -> OfficialLayer:
        """A layer read from `path` (a pickle of its records) on first use; `fallback` if that fails."""
        return cls(pending=_PickledRecords(path, fallback))

    @property
    def indexes(self) -> Indexes:
        if self._indexes is None:
            assert self._pending is not None
            self._indexes = index(self._pending())
            self._pending = None
        return self._indexes

    def __getstate__(self) -> tuple[Indexes | None, Callable[[], Records] | None]:
        return (self._indexes, self._pending)

    def __setstate__(self, state: tuple[Indexes | None, Callable[[], Records] | None]) -> None:
        self._indexes, self._pending = state

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
        return self.indexes.by_case.get(case_number.strip().upper(), EMPTY)

    def employer(self, display: str) -> Records:
        return self.indexes.by_employer.get(name_key(display), EMPTY)

    def union(self, display: str) -> Records:
        """Tallies with this union on the ballot (any of up to three)."""
        return self.indexes.by_union.get(name_key(display), EMPTY)

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
