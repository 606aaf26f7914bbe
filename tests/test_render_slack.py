from __future__ import annotations

import dataclasses
import json

from bot.answer import answer
from bot.models import Quote
from bot.render_slack import MAX_BLOCKS, SECTION_LIMIT, escape, slack_message, tally_bar
from bot.store import Store


def test_escape() -> None:
    assert escape("<!channel> & <@U1|bob> > x") == "&lt;!channel&gt; &amp; &lt;@U1|bob&gt; &gt; x"


def test_tally_bar() -> None:
    assert tally_bar(66.3) == "███████░░░"
    assert tally_bar(0) == "░" * 10 and tally_bar(100) == "█" * 10


def test_tally_blocks_whole(real_store: Store) -> None:
    text, blocks = slack_message(answer("ALB1 margin", real_store), post_button=True)
    assert text.startswith("ALB1: the union lost by 200 votes")
    assert blocks == [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "*ALB1: the union lost by 200 votes (406 no / 206 yes), a margin of 32.7 points*\n"
                "ALB1: 406 no / 206 yes — union lost (Amazon Labor Union)\n"
                "`███████░░░` 66.3% no · 33.7% yes",
            },
        },
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": "NLRB preliminary tally, 2022-10-18 · Source: CNN, 2022-10-18"}],
        },
        {
            "type": "actions",
            "block_id": "share",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Post to channel", "emoji": False},
                    "action_id": "post_to_channel",
                    "value": "ALB1 margin",
                    "style": "primary",
                }
            ],
        },
    ]


def test_quotes_are_block_quotes_with_labelled_translation(real_store: Store) -> None:
    _, blocks = slack_message(answer("Sean O'Brien quote", real_store))
    lines = blocks[0]["text"]["text"].split("\n")
    assert lines[0].startswith("*Sean O'Brien (")
    assert lines[1].startswith(">“亚马逊的斗争仍在继续。")
    assert lines[2].startswith(">Translation by election-bot from the published Chinese — not the speaker's own words:")


def test_suggestions_become_buttons(real_store: Store) -> None:
    a = answer("Staten Island", real_store)
    _, blocks = slack_message(a, post_button=False)
    actions = next(b for b in blocks if b["type"] == "actions")
    assert [(e["action_id"], e["value"]) for e in actions["elements"]] == [
        ("suggestion_0", "LDJ5 result"),
        ("suggestion_1", "JFK8 result"),
    ]


def test_long_answers_split_within_limits(real_store: Store) -> None:
    base = answer("What did Chris Smalls say?", real_store)
    long_quote = dataclasses.replace(base.quotes[0], text="<!channel> " + "word " * 2000)
    many: tuple[Quote, ...] = tuple(dataclasses.replace(long_quote, id=f"q{i}") for i in range(40))
    huge = dataclasses.replace(base, quotes=many)
    text, blocks = slack_message(huge, post_button=True)
    assert len(blocks) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in blocks if b["type"] == "section")
    assert blocks[-1]["block_id"] == "share" and blocks[-2]["type"] == "context"
    assert "<!channel>" not in json.dumps(blocks) and "<!channel>" not in text
    assert len(text) <= 3000


def test_every_answer_kind_renders(real_store: Store) -> None:
    for q in (
        "help",
        "What time is it?",
        "JFK9",
        "LDJ5 vs ALB1",
        "elections the union lost",
        "Who is Kelly Nantel?",
        "Amazon",
        "谁说过战斗刚刚开始",
    ):
        a = answer(q, real_store)
        text, blocks = slack_message(a, post_button=a.answered)
        assert text and blocks, q
