"""A bounded, expiring map kept per process: the replies to recent mentions (so an edited
mention updates its reply), members' locales. Event ids live in bot/state.py (SeenEvents)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

V = TypeVar("V")


class Recent(Generic[V]):
    def __init__(self, *, size: int = 10_000, ttl: float = 3600.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._items: OrderedDict[str, tuple[float, V]] = OrderedDict()
        self._size, self._ttl, self._clock = size, ttl, clock
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._items and next(iter(self._items.values()))[0] < now - self._ttl:
            self._items.popitem(last=False)

    def get(self, key: str) -> V | None:
        now = self._clock()
        with self._lock:
            self._expire(now)
            item = self._items.get(key)
            return item[1] if item else None

    def put(self, key: str, value: V) -> None:
        now = self._clock()
        with self._lock:
            self._expire(now)
            self._items[key] = (now, value)
            self._items.move_to_end(key)
            if len(self._items) > self._size:
                self._items.popitem(last=False)

    def first_time(self, key: str, value: V) -> bool:
        """Remember `key` (with `value`) and say whether it was new."""
        now = self._clock()
        with self._lock:
            self._expire(now)
            if key in self._items:
                return False
            self._items[key] = (now, value)
            if len(self._items) > self._size:
                self._items.popitem(last=False)
            return True


class SeenEvents(Protocol):
    """What event dedupe needs: bot/state.py's MemoryState (this process) and RedisState (shared)."""

    def first_time(self, key: str, ttl_seconds: float) -> bool: ...
