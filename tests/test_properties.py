"""Any text at all: answer() returns an Answer, and what the renderers make of it stays within
Slack's limits and carries no live mention, broadcast or link."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import answer
from bot.models import Answer
from bot.render_slack import (
    BUTTON_TEXT_LIMIT,
    BUTTON_VALUE_LIMIT,
    FALLBACK_LIMIT,
    MAX_BLOCKS,
    SECTION_LIMIT,
    slack_message,
)
from bot.render_text import render_text
from bot.store import Store

LIVE_MARKUP = re.compile(r"<[!@#]|<(https?|mailto):")
PIECES = st.sampled_from(
    [
        "<!channel>", "<!here>", "<!everyone>", "<@U0123>", "<@U0123|bob>", "<#C01|news>", "<https://evil.example|click>",
        "<mailto:a@b.c>", "&lt;!channel&gt;", "*bold*", "_it_", "`x`", "> q", "\u200b", "\u200f", "\u202e", "\x00", "\x1b[2J",
        "\ufeff", "🏳️‍🌈", "👩🏽‍🔧", "ＡＬＢ１", "ALB1", "LDJ5", "alb 1", "JFK9", "斯莫尔斯", "投票结果", "مرحبا", "שלום", "\n", "\t",
        "What did", "say?", "Who said", "vs", "turnout", "elections", "%", "'", "’", "\\", "\"",
    ]
)  # fmt: skip
QUESTIONS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map(" ".join),
    st.lists(PIECES, max_size=60).map("".join),
)


def check_rendering(a: Answer) -> None:
    assert isinstance(render_text(a), str)
    fallback, blocks = slack_message(a, post_button=a.answered)
    assert len(fallback) <= FALLBACK_LIMIT and len(blocks) <= MAX_BLOCKS
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_LIMIT
        for element in block.get("elements", []):
            if element.get("type") == "button":
                assert len(element["text"]["text"]) <= BUTTON_TEXT_LIMIT
                assert len(element["value"]) <= BUTTON_VALUE_LIMIT
            else:
                assert len(element["text"]) <= SECTION_LIMIT
    assert not LIVE_MARKUP.search(fallback + json.dumps(blocks, ensure_ascii=False))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(QUESTIONS)
def test_any_text_is_answered_and_rendered_safely(real_store: Store, question: str) -> None:
    a = answer(question, real_store)
    assert isinstance(a, Answer)
    check_rendering(a)


@settings(max_examples=15, deadline=None)
@given(st.text(min_size=1, max_size=30), st.integers(min_value=50_000, max_value=100_000))
def test_huge_questions(real_store: Store, seed: str, size: int) -> None:
    question = ("ALB1 <!channel> " + seed * (size // len(seed) + 1))[:size]
    a = answer(question, real_store)
    check_rendering(a)
