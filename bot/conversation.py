"""Conversations: follow-up questions resolve against the previous turn of the same conversation.

A conversation is a console session, a Slack thread or DM, or the lines of `election-bot ask
--conversation`. Its context (the last turn's records, kind of question and language) lives
behind `ContextStore`, with a bounded, expiring in-process default; a shared store (Redis)
can replace it without touching the engine.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from bot.answer import answer
from bot.context import Context
from bot.models import Answer
from bot.store import Store

__all__ = ["TTL_SECONDS", "Context", "ContextStore", "MemoryContexts", "ask", "load_context"]

TTL_SECONDS = 30 * 60.0
MAX_CONVERSATIONS = 10_000


class ContextStore(Protocol):
    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str, ttl_seconds: float) -> None: ...


class MemoryContexts:
    """In-process contexts: at most `limit` conversations, each forgotten `ttl_seconds` after its last turn."""

    def __init__(self, limit: int = MAX_CONVERSATIONS, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._limit = limit
        self._clock = clock

    def get(self, key: str) -> str | None:
        item = self._items.get(key)
        if item is None:
            return None
        expires, value = item
        if expires <= self._clock():
            del self._items[key]
            return None
        return value

    def put(self, key: str, value: str, ttl_seconds: float) -> None:
        self._items[key] = (self._clock() + ttl_seconds, value)
        self._items.move_to_end(key)
        while len(self._items) > self._limit:
            self._items.popitem(last=False)


def load_context(contexts: ContextStore, key: str | None) -> Context | None:
    raw = contexts.get(key) if key else None
    if raw is None:
        return None
    try:
        return Context.from_json(raw)
    except (ValueError, TypeError, AttributeError):  # a damaged entry is a fresh start, not an error
        return None


def ask(question: str, store: Store, *, contexts: ContextStore, key: str | None) -> Answer:
    """Answer one turn of a conversation: read its context, answer, remember the new context."""
    previous = load_context(contexts, key)
    a = answer(question, store, context=previous)
    if key:
        contexts.put(key, Context.of(a, previous).to_json(), TTL_SECONDS)
    return a
