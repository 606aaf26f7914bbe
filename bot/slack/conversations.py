"""Slack's side of follow-up questions: each thread (or DM, or channel for /election) is one
conversation of bot/conversation.py, keyed `team:channel:thread_ts-or-channel`.

The contexts default to the engine's in-process store, behind a lock because Slack answers on
several threads at once; pass a shared one (bot/state.py's SharedState, Redis) so a follow-up
that lands on another worker or instance still finds its thread's context.
"""

from __future__ import annotations

import threading

from bot.conversation import ContextStore, MemoryContexts, ask
from bot.models import Answer
from bot.store import Store


class LockedContexts:
    """A ContextStore safe to share between threads."""

    def __init__(self, contexts: ContextStore) -> None:
        self._contexts = contexts
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._contexts.get(key)

    def put(self, key: str, value: str, ttl_seconds: float) -> None:
        with self._lock:
            self._contexts.put(key, value, ttl_seconds)


class EngineConversations:
    """The `Conversations` seam of bot/slack/replies.py, answered by bot/conversation.py."""

    def __init__(self, store: Store, contexts: ContextStore | None = None) -> None:
        self._store = store
        self._contexts = contexts if contexts is not None else LockedContexts(MemoryContexts())

    def ask(self, question: str, key: str) -> Answer:
        return ask(question, self._store, contexts=self._contexts, key=key)
