"""Conversations: follow-ups resolve against the previous turn; contexts expire and are bounded."""

from __future__ import annotations

import pytest

from bot.conversation import TTL_SECONDS, Context, MemoryContexts, ask
from bot.models import Figure, Intent, Kind
from bot.render_text import render_text
from bot.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_context_round_trips_through_json() -> None:
    ctx = Context(
        elections=("alb1",),
        people=("chris-smalls",),
        quotes=("smalls-proud-alb1",),
        earlier=("ldj5",),
        intent="figure",
        figure="turnout",
        row="turnout",
        lang="zh",
    )
    assert Context.from_json(ctx.to_json()) == ctx


def test_a_damaged_context_is_a_fresh_start(real_store: Store) -> None:
    contexts = MemoryContexts()
    contexts.put("k", "{not json", TTL_SECONDS)
    assert ask("turnout?", real_store, contexts=contexts, key="k").kind is Kind.suggestions


def test_memory_contexts_expire_and_are_bounded() -> None:
    clock = Clock()
    contexts = MemoryContexts(limit=2, clock=clock)
    contexts.put("a", "1", ttl_seconds=10)
    clock.now = 9.9
    assert contexts.get("a") == "1"
    clock.now = 10.0
    assert contexts.get("a") is None
    for key in ("x", "y", "z"):
        contexts.put(key, key, ttl_seconds=10)
    assert [contexts.get(k) for k in ("x", "y", "z")] == [None, "y", "z"]


@pytest.mark.parametrize(
    ("turns", "last_intent", "last_figure", "last_record"),
    [
        (["ALB1 result", "and LDJ5?"], Intent.result, None, "ldj5"),
        (["ALB1 result", "and LDJ5?", "turnout?"], Intent.figure, Figure.turnout, "ldj5"),
        (["LDJ5投票结果", "它的投票率呢"], Intent.figure, Figure.turnout, "ldj5"),
        (["turnout?", "at LDJ5"], Intent.figure, Figure.turnout, "ldj5"),
        (["ALB1 margin", "LDJ5 too"], Intent.figure, Figure.margin, "ldj5"),
        (["LDJ5 vs ALB1", "which had the higher yes share?"], Intent.compare, None, "alb1"),
        (["LDJ5投票结果", "那ALB1呢", "哪个输得比较多"], Intent.compare, None, "ldj5"),
        (
            ["elections the union lost", "margin at the Albany one?", "and the Staten Island one"],
            Intent.figure,
            Figure.margin,
            "ldj5",
        ),
        (["Who is the ALU president?", "what did he tweet?"], Intent.quotes, None, "chris-smalls"),
        (["ALB1 result", "what did Smalls say about it?"], Intent.quotes, None, "smalls-proud-alb1"),
    ],
)
def test_follow_ups(
    real_store: Store, turns: list[str], last_intent: Intent, last_figure: Figure | None, last_record: str
) -> None:
    contexts = MemoryContexts()
    for question in turns:
        a = ask(question, real_store, contexts=contexts, key="c1")
    assert (a.intent, a.figure) == (last_intent, last_figure)
    assert last_record in {r.id for group in (a.elections, a.people, a.quotes) for r in group}


def test_follow_up_without_context_asks_which_election(real_store: Store) -> None:
    a = ask("它的投票率呢", real_store, contexts=MemoryContexts(), key="fresh")
    assert (a.kind, a.intent, a.figure, a.lang) == (Kind.suggestions, Intent.figure, Figure.turnout, "zh")
    assert render_text(a).splitlines()[0] == "你问的是哪一场选举？"
    assert a.suggestions and all("投票率" in s.question for s in a.suggestions)


def test_conversations_are_kept_apart(real_store: Store) -> None:
    contexts = MemoryContexts()
    ask("ALB1 result", real_store, contexts=contexts, key="one")
    assert ask("turnout?", real_store, contexts=contexts, key="two").kind is Kind.suggestions
    assert ask("margin?", real_store, contexts=contexts, key="one").elections[0].id == "alb1"


def test_no_key_no_memory(real_store: Store) -> None:
    contexts = MemoryContexts()
    ask("ALB1 result", real_store, contexts=contexts, key=None)
    assert ask("margin?", real_store, contexts=contexts, key=None).kind is Kind.suggestions
