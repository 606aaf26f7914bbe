"""Questions about many elections: the filters a question names, and the lists, counts, win
rates and rankings over them — all computed through the matcher's index (facet and outcome
members, rank orders built once per store), never by reading every election per question."""

from __future__ import annotations

import gc
import heapq
from array import array
from collections.abc import Iterable
from typing import NamedTuple
from weakref import WeakKeyDictionary

from bot.figures import derive
from bot.lexicon import Pattern
from bot.matcher import Analysis, index_for
from bot.models import Election, ListFilter, Outcome, WinRate
from bot.store import Store
from bot.table import TABLE, QuestionKind

# "didn't win", "没赢" are losses, never wins
_NOT = r"(?<!\bnot )(?<!\bn't )(?<!\bdidnt )(?<!\bfail to )(?<!\bfailed to )"
WON = Pattern(
    rf"\b{_NOT}(won|win|wins|winning|victory|victories|successful|went (for|in favou?r of) the union|went the union'?s way)\b|(?<![没未不])(?<!没有)(?<!没能)(赢|胜)"
)
LOST = Pattern(
    r"\b(lost|lose|losses|loss|losing|defeats?|defeated|failed|unsuccessful|went against the union)\b|输|败|失利|失败"
    r"|\b(not|n't|didnt|fail to|failed to) (win|won)\b|[没未不](有|能)?(赢|胜)"
)
PENDING = Pattern(
    r"\b(pending|undecided|open|unresolved|upcoming|too close|not decided|no result|not yet|yet to|waiting|still|without (a )?result)\b|未决|待定|尚未|等待结果|没有结果"
)
PLACE_KINDS = ("city", "region", "state", "kind")


class Selection(NamedTuple):
    filter: ListFilter
    positions: frozenset[int] | None  # None: every election


def select(analysis: Analysis, store: Store, *, outcome_words: bool = True) -> Selection:
    """The elections the question's filters allow: places, years, unions and employers named,
    won/lost, pending. Each is a set of index positions; they are intersected smallest first."""
    index = index_for(store)
    groups: dict[str, set[int]] = {}
    union = employer = None
    for target in analysis.targets("organisation"):
        org = store.organisations[target.key]
        kind = "union" if org.kind in ("union", "federation") else "employer"
        found: set[int] = set()
        for name in (org.name, org.abbreviation):
            if name:
                found.update(index.members(index.facet(kind, name)))
        groups.setdefault(kind, set()).update(found)
        if kind == "union":
            union = union or org.name
        else:
            employer = employer or org.name
    for target in analysis.targets("employer", "union", "year", *PLACE_KINDS):
        if target.kind in ("employer", "union") and analysis.targets("organisation"):
            continue
        # places of one kind widen ("Albany and Bessemer"); of different kinds they narrow
        # ("the sortation centre on Staten Island": a facility kind in a city)
        groups.setdefault(target.kind, set()).update(index.members(target))
    norm = analysis.norm
    outcome = None
    if outcome_words:
        won, lost = WON.search(norm) is not None, LOST.search(norm) is not None
        outcome = Outcome.won if won and not lost else Outcome.lost if lost and not won else None
    pending = PENDING.search(norm) is not None
    if outcome:
        groups["outcome"] = set(index.outcome_members.get(outcome, ()))
    if pending:
        groups["pending"] = {p for o in (Outcome.pending, Outcome.undecided) for p in index.outcome_members.get(o, ())}
    places = [h.text for h in analysis.hits if any(t.kind in PLACE_KINDS for t in h.targets)]
    years = [t.key for t in analysis.targets("year")]
    flt = ListFilter(
        union=union,
        employer=employer,
        outcome=outcome,
        pending=pending,
        place=" ".join(places) or None,
        year=years[0] if years else None,
    )
    if not groups:
        return Selection(flt, None)
    return Selection(flt, frozenset(set.intersection(*sorted(groups.values(), key=len))))


def count(selection: Selection, store: Store) -> int:
    return len(store.elections) if selection.positions is None else len(selection.positions)


def first(selection: Selection, store: Store, limit: int) -> list[Election]:
    """The first `limit` matching elections in store order."""
    index = index_for(store)
    positions: Iterable[int] = (
        range(min(limit, len(index.order)))
        if selection.positions is None
        else heapq.nsmallest(limit, selection.positions)
    )
    return [store.elections[index.order[p]] for p in positions]


def win_rate(selection: Selection, store: Store) -> WinRate:
    index = index_for(store)
    won = index.outcome_members.get(Outcome.won, ())
    lost = index.outcome_members.get(Outcome.lost, ())
    if selection.positions is None:
        return WinRate(won=len(won), decided=len(won) + len(lost))
    n_won = len(selection.positions.intersection(won))
    return WinRate(won=n_won, decided=n_won + len(selection.positions.intersection(lost)))


_ORDERS: WeakKeyDictionary[Store, dict[str, array[int]]] = WeakKeyDictionary()


def rank_orders(store: Store) -> dict[str, array[int]]:
    """For every rank row, the positions of the elections that have its measure, in its order.
    Built once per store in one pass (each election's figures derived once); `prepare()` builds
    it before a server forks, a one-shot CLI only when it ranks."""
    orders = _ORDERS.get(store)
    if orders is None:
        index = index_for(store)
        rows = [(row.name, row.measure, row.descending) for row in TABLE if row.measure is not None]
        measures = list(dict.fromkeys(measure for _, measure, _ in rows))  # rows share measures
        values: list[list[float | None]] = [[] for _ in measures]
        gc.disable()  # hundreds of thousands of small objects: don't let the collector rescan them
        try:
            for election_id in index.order:
                e = store.elections[election_id]
                d = derive(e)
                for column, measure in zip(values, measures, strict=True):
                    column.append(measure(e, d))
            orders = {}
            for name, measure, descending in rows:
                column = values[measures.index(measure)]
                present = [n for n, v in enumerate(column) if v is not None]
                present.sort(key=column.__getitem__, reverse=descending)  # type: ignore[arg-type]
                orders[name] = array("i", present)
        finally:
            gc.enable()
        _ORDERS[store] = orders
    return orders


def ranked(selection: Selection, store: Store, row: QuestionKind, limit: int) -> list[Election]:
    index = index_for(store)
    out: list[int] = []
    for n in rank_orders(store)[row.name]:
        if selection.positions is None or n in selection.positions:
            out.append(n)
            if len(out) == limit:
                break
    return [store.elections[index.order[n]] for n in out]
