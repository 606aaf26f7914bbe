"""A bounded, expiring map kept per process: recent event ids (so a retried event is answered
once), the replies to recent mentions (so an edited mention updates its reply), members' locales."""

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
    """What event dedupe needs; bot/state.py's SharedState (Redis across instances) has it too."""

    def first_time(self, key: str, ttl_seconds: float) -> bool: ...


class LocalSeen:
    """SeenEvents within this process: keys with their expiry, at most `size` of them."""

    def __init__(self, *, size: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self._expiry: OrderedDict[str, float] = OrderedDict()
        self._size, self._clock = size, clock
        self._lock = threading.Lock()

    def first_time(self, key: str, ttl_seconds: float) -> bool:
        now = self._clock()
        with self._lock:
            expires = self._expiry.get(key)
            if expires is not None and expires > now:
                return False
            self._expiry[key] = now + ttl_seconds
            self._expiry.move_to_end(key)
            while len(self._expiry) > self._size:
                self._expiry.popitem(last=False)
            return True
