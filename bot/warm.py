"""Build everything a question needs before the first question arrives.

A server calls `prepare(store)` once, before gunicorn forks its workers (`--preload`) and
before Socket Mode connects: the matcher's index, the quote index and every lexicon pattern
then exist once, are shared copy-on-write by the workers, and no request pays for them.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass

from bot.answer import prepare as build_indexes  # importing the engine also loads the patterns found below
from bot.lexicon import Pattern
from bot.store import Store


@dataclass(frozen=True)
class Prepared:
    elections: int
    patterns: int
    seconds: float


def _patterns(value: object, seen: set[int]) -> Iterable[Pattern]:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item, seen)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _patterns(item, seen)


def compile_patterns() -> int:
    """Compile every lexicon pattern held by a loaded `bot` module; returns how many."""
    seen: set[int] = set()
    found = [
        pattern
        for name, module in list(sys.modules.items())
        if name == "bot" or name.startswith("bot.")
        for value in list(vars(module).values())
        for pattern in _patterns(value, seen)
    ]
    for pattern in found:
        pattern.compiled  # noqa: B018  (compiling is the point)
    return len(found)


def prepare(store: Store, *, freeze: bool = False) -> Prepared:
    """Build the indexes and patterns for `store`. `freeze` (just before a fork) moves every object
    built so far out of the collector's reach, so workers' collections don't copy shared pages."""
    started = time.perf_counter()
    build_indexes(store)  # matcher, quote words, roles, rank orders, the official layer's elections
    patterns = compile_patterns()
    if freeze:
        gc.collect()
        gc.freeze()
    return Prepared(len(store.elections), patterns, time.perf_counter() - started)
