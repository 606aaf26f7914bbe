"""Shared state: conversation contexts and event dedupe, in Redis when configured, else in process.

One small interface (`SharedState`), two implementations, chosen in one place
(`state_from_settings`). `RedisState` never lets Redis fail a request: while Redis is
unreachable it serves from a per-process `MemoryState`, logs one error per outage and one
line when Redis is back, and tries Redis again at most once per `retry_interval`.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

import redis
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from bot import metrics

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger("election_bot.state")
T = TypeVar("T")

REDIS_TIMEOUT = 0.25  # seconds to connect or to wait for a reply: a request never waits long on Redis
RETRY_INTERVAL = 1.0  # seconds between attempts to reach Redis during an outage (per process)
KEY_PREFIX = "election-bot:"
SEEN_IN_REDIS, SEEN_IN_OUTAGE = "redis", "outage"  # what RedisState's local copy of a once-only key holds


class SharedState(Protocol):
    """Conversation contexts (`get`/`put`, JSON strings with a TTL) and once-only keys."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str, ttl_seconds: float) -> None: ...

    def first_time(self, key: str, ttl_seconds: float) -> bool:
        """True the first time `key` is seen within `ttl_seconds` (Redis `SET NX EX`)."""
        ...


class MemoryState:
    """In-process, thread-safe, bounded (oldest written goes first) and expiring."""

    def __init__(self, *, size: int = 20_000, clock: Callable[[], float] = time.monotonic) -> None:
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()  # key -> (expires at, value)
        self._size, self._clock = size, clock
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._live(key, self._clock())

    def put(self, key: str, value: str, ttl_seconds: float) -> None:
        with self._lock:
            self._set(key, value, ttl_seconds)

    def first_time(self, key: str, ttl_seconds: float, *, mark: str = "1") -> bool:
        with self._lock:
            if self._live(key, self._clock()) is not None:
                return False
            self._set(key, mark, ttl_seconds)
            return True

    def _live(self, key: str, now: float) -> str | None:
        item = self._items.get(key)
        if item is None:
            return None
        if item[0] <= now:
            del self._items[key]
            return None
        return item[1]

    def _set(self, key: str, value: str, ttl_seconds: float) -> None:
        now = self._clock()
        self._items[key] = (now + ttl_seconds, value)
        self._items.move_to_end(key)
        while self._items and (len(self._items) > self._size or next(iter(self._items.values()))[0] <= now):
            self._items.popitem(last=False)


class RedisState:
    """Redis (redis-py), with a per-process `MemoryState` that keeps a copy and takes over in an outage.

    Writes go to both, so a Redis outage or restart does not lose what this process saw;
    reads prefer Redis (every instance's latest) and fall back to the local copy. Once-only
    keys are decided by Redis alone while it is up, by the local copy while it is not, and a
    key claimed during an outage stays claimed after it.
    """

    def __init__(
        self,
        client: redis.Redis,
        *,
        local: MemoryState | None = None,
        prefix: str = KEY_PREFIX,
        retry_interval: float = RETRY_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client, self.local = client, local or MemoryState()
        self._prefix, self._retry_interval, self._clock = prefix, retry_interval, clock
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._next_attempt = 0.0
        self._fallbacks = 0

    @classmethod
    def from_url(
        cls, url: str, *, timeout: float = REDIS_TIMEOUT, retry_interval: float = RETRY_INTERVAL
    ) -> RedisState:
        client = redis.Redis.from_url(
            url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 1),  # one immediate retry on a fresh connection (Redis restarted), no backoff
            decode_responses=True,
        )
        return cls(client, retry_interval=retry_interval)

    @property
    def available(self) -> bool:
        return self._down_since is None

    def where(self) -> str:
        """host:port or socket path, for log lines (never the password)."""
        kwargs = self.client.connection_pool.connection_kwargs
        return str(kwargs.get("path") or f"{kwargs.get('host')}:{kwargs.get('port')}")

    def get(self, key: str) -> str | None:
        value = self._call("get", lambda: cast(str | None, self.client.get(self._prefix + key)), None)
        return value if value is not None else self.local.get(key)

    def put(self, key: str, value: str, ttl_seconds: float) -> None:
        self.local.put(key, value, ttl_seconds)
        ms = max(1, int(ttl_seconds * 1000))
        self._call("put", lambda: bool(self.client.set(self._prefix + key, value, px=ms)), False)

    def first_time(self, key: str, ttl_seconds: float) -> bool:
        if self.local.get(key) == SEEN_IN_OUTAGE:
            return False  # claimed by this process while Redis was away; Redis never heard of it
        ms = max(1, int(ttl_seconds * 1000))
        shared = self._call("first_time", lambda: self._claim(self._prefix + key, ms), None)
        if shared is None:  # Redis unreachable: this process's memory decides
            return self.local.first_time(key, ttl_seconds, mark=SEEN_IN_OUTAGE)
        self.local.put(key, SEEN_IN_REDIS, ttl_seconds)  # so a retry during a later outage is still caught here
        return shared

    def _claim(self, key: str, ms: int) -> bool:
        """SET NX with a value of our own: if a timed-out SET did land and redis-py's retry then
        finds the key taken, the value tells us the key is ours after all."""
        token = secrets.token_hex(8)
        return bool(self.client.set(key, token, nx=True, px=ms)) or self.client.get(key) == token

    def ping(self) -> bool:
        """Try Redis now (at start-up); an unreachable Redis starts an outage, logged once."""
        with self._lock:
            self._next_attempt = 0.0
        return bool(self._call("ping", lambda: bool(self.client.ping()), False))

    def _call(self, operation: str, command: Callable[[], T], fallback: T) -> T:
        if not self._may_try():
            self._fell_back(operation)
            return fallback
        try:
            result = command()
        except (RedisError, OSError) as exc:
            self._went_down(exc)
            self._fell_back(operation)
            return fallback
        if self._down_since is not None:
            self._came_back()
        return result

    def _may_try(self) -> bool:
        """Up: always. Down: one caller per `retry_interval` (the others go straight to the local store)."""
        if self._down_since is None:
            return True
        with self._lock:
            now = self._clock()
            if now < self._next_attempt:
                return False
            self._next_attempt = now + self._retry_interval
            return True

    def _went_down(self, exc: Exception) -> None:
        with self._lock:
            now = self._clock()
            self._next_attempt = now + self._retry_interval
            if self._down_since is not None:
                return
            self._down_since, self._fallbacks = now, 0
        metrics.REDIS_OUTAGES.inc()
        log.error(
            "Redis at %s unreachable (%s): using per-process state until it is back (pid %d)",
            self.where(),
            type(exc).__name__,
            os.getpid(),
        )

    def _came_back(self) -> None:
        with self._lock:
            if self._down_since is None:
                return
            seconds, fallbacks = self._clock() - self._down_since, self._fallbacks
            self._down_since = None
        log.info(
            "Redis at %s reachable again after %.1f s (%d operations used per-process state; pid %d)",
            self.where(),
            seconds,
            fallbacks,
            os.getpid(),
        )

    def _fell_back(self, operation: str) -> None:
        with self._lock:
            self._fallbacks += 1
        metrics.REDIS_FALLBACKS.labels(operation).inc()


def state_from_settings(settings: Settings) -> SharedState:
    """Redis when REDIS_URL is set (tried once now; unreachable is logged, not fatal), else in-process."""
    if not settings.redis_url:
        return MemoryState()
    state = RedisState.from_url(settings.redis_url)
    if state.ping():
        log.info("shared state in Redis at %s", state.where())
    state.client.connection_pool.disconnect()  # nothing pooled crosses gunicorn's fork
    return state
