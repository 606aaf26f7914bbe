"""Slack's size limits: cutting escape-safely, paging behind "More", the plain-text retry, and a
stand-in Web API that enforces the limits through slack-sdk's own Block Kit models."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import serve
from slack_payloads import button_on_public_message
from slack_requests import SIGNING_SECRET, dm, event_body, send
from slack_stub import SlackStub, block_error

from bot.slack.limits import MESSAGE_TEXT, paginate, split_line, text_length
from bot.store import DEFAULT_FACTS_DIR, load

FORM, JSON = "application/x-www-form-urlencoded", "application/json"


def section(text: str) -> dict[str, object]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_split_never_cuts_inside_an_escaped_entity_and_keeps_the_quote_marker() -> None:
    line = ">" + "AT&amp;T" * 1000  # no spaces: the cut has to fall between entities
    pieces = split_line(line, 3000)
    assert len(pieces) == 3
    assert all(len(p) <= 3000 and p.startswith(">") for p in pieces)
    assert all("&" not in re.sub(r"&(amp|lt|gt);", "", p) for p in pieces)  # no entity cut in two
    assert "".join(p[1:] for p in pieces) == line[1:]


def test_split_prefers_spaces() -> None:
    pieces = split_line("word " * 1000, 3000)
    assert len(pieces) == 2 and all(len(p) <= 3000 for p in pieces)
    assert all(set(p.split()) == {"word"} for p in pieces)  # cut between words


def test_pages_fit_the_budget_and_closing_blocks_go_last() -> None:
    blocks = [section("x" * 2900) for _ in range(10)]
    closing = [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "Source: CNN"}]},
        {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "👍"}, "action_id": "a"}]},
    ]  # fmt: skip
    pages = paginate(blocks + closing)
    assert len(pages) == 3
    assert all(text_length(p) <= MESSAGE_TEXT for p in pages)
    assert pages[-1][-2:] == closing and all(closing[0] not in p for p in pages[:-1])


@pytest.mark.parametrize(
    ("blocks", "error"),
    [
        ([section("x" * 3001)], "invalid_blocks"),
        ([{"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "x" * 76}, "action_id": "a"}]}], "invalid_blocks"),
        ([{"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "x"}, "action_id": "a", "value": "v" * 2001}]}], "invalid_blocks"),
        ([section("x")] * 51, "invalid_blocks"),
        ([{"type": "no_such_block"}], "invalid_blocks"),
        ([section("x" * 3000)] * 5, "msg_blocks_too_long"),
        ([section("x" * 3000)] * 4, None),
    ],
    ids=["section 3001", "button label 76", "button value 2001", "51 blocks", "unknown type", "15,000 chars", "12,000 chars"],
)  # fmt: skip
def test_the_stand_in_rejects_what_slack_rejects(blocks: list[dict[str, object]], error: str | None) -> None:
    assert block_error(blocks) == error


@pytest.fixture(scope="module")
def long_facts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real facts, and Paul Flaningan saying three very long things with AT&T in them."""
    facts = tmp_path_factory.mktemp("long") / "facts"
    shutil.copytree(DEFAULT_FACTS_DIR, facts)
    words = " ".join(f"AT&T word{n}" for n in range(500))  # ~5,900 characters, escaped longer
    extra = "".join(
        f'\n[[quote]]\nid = "flaningan-long-{n}"\nspeaker = "paul-flaningan"\ntext = "{words}"\nlang = "en"\n'
        f'channel = "statement"\nelections = ["alb1"]\nsource = "cnn-2022-10-18"\n'
        for n in range(3)
    )
    path = facts / "quotes.toml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return facts


@pytest.fixture(scope="module")
def web(stub: SlackStub, long_facts: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-limits",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": stub.api_url,
        "FACTS_DIR": str(long_facts),
        "WEB_CONCURRENCY": "1",
    }
    process, base = serve.start(env, tmp_path_factory.mktemp("limits") / "server.log")
    yield base + "/slack/events"
    serve.stop(process)


QUESTION = "What did Paul Flaningan say about AT&T word42?"


def test_a_long_answer_is_paged_within_slacks_limits_with_a_more_button(web: str, stub: SlackStub) -> None:
    stub.reset()
    assert send(web, event_body(dm(QUESTION.replace("&", "&amp;"), channel="D0100")), JSON).status == 200
    post = stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))[-1]
    assert block_error(post.body["blocks"]) is None  # Slack would take it
    sections = [b["text"]["text"] for b in post.body["blocks"] if b["type"] == "section"]
    quoted = [s for s in sections if "word" in s]
    assert len(quoted) > 1 and all(s.startswith(">") for s in quoted)  # every continuation stays a quote
    assert all("&" not in re.sub(r"&(amp|lt|gt);", "", s) for s in sections)  # no entity cut in two
    more = next(b for b in post.body["blocks"] if b.get("block_id") == "more")["elements"][0]
    assert more["action_id"] == "more" and more["value"] == f"2|{QUESTION}"
    assert more["text"]["text"].startswith("More (2 of ")

    body = button_on_public_message("more", more["value"], stub.response_url("more"), channel="D0100", thread_ts="1.0")
    assert send(web, body, FORM).status == 200
    page2 = stub.wait_for(lambda c: any(x.path == "response/more" for x in c))[-1].body
    assert page2["response_type"] == "ephemeral" and page2["replace_original"] is False
    assert block_error(page2["blocks"]) is None
    assert page2["blocks"][0]["text"]["text"] != post.body["blocks"][0]["text"]["text"]


def test_a_post_rejected_for_size_is_sent_again_as_plain_text(web: str, stub: SlackStub) -> None:
    stub.reset()
    stub.fail_next("chat.postMessage", 200, {"ok": False, "error": "msg_blocks_too_long"})
    assert send(web, event_body(dm("ALB1", channel="D0200")), JSON).status == 200
    calls = stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    first, retry = (c.body for c in calls if c.path == "chat.postMessage")
    assert first["blocks"] and "blocks" not in retry
    assert retry["text"] == first["text"] and retry["text"].startswith("ALB1: 406 no / 206 yes")


def test_the_fallback_text_is_cut_escape_safely(long_facts: Path) -> None:
    from bot.answer import answer
    from bot.render_slack import FALLBACK_LIMIT, slack_message

    text, _ = slack_message(answer(QUESTION, load(long_facts)))
    assert len(text) <= FALLBACK_LIMIT and text.endswith("…")
    assert "&" not in re.sub(r"&(amp|lt|gt);", "", text)


def _cases(blocks: list[dict[str, object]]) -> list[str]:
    text = " ".join(str(b.get("text", {}).get("text", "")) for b in blocks if isinstance(b.get("text"), dict))  # type: ignore[union-attr]
    return re.findall(r"\b\d{2}-RM-\d{6}\b", text)


def test_an_nlrb_list_shows_a_page_of_elections_and_more_brings_the_next(web: str, stub: SlackStub) -> None:
    stub.reset()
    assert send(web, event_body(dm("RM elections", channel="D0300")), JSON).status == 200
    post = stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))[-1].body
    assert block_error(post["blocks"]) is None
    assert "246 NLRB elections (employer petition (RM)); the first 10:" in post["text"]
    first = _cases(post["blocks"])
    assert len(set(first)) == 10
    more = next(b for b in post["blocks"] if b.get("block_id") == "more")["elements"][0]
    assert (more["value"], more["text"]["text"]) == ("2|RM elections", "More (2 of 25)")

    body = button_on_public_message("more", more["value"], stub.response_url("rm2"), channel="D0300", thread_ts="1.0")
    assert send(web, body, FORM).status == 200
    page2 = stub.wait_for(lambda c: any(x.path == "response/rm2" for x in c))[-1].body
    assert block_error(page2["blocks"]) is None
    assert "246 NLRB elections (employer petition (RM)); elections 11–20:" in page2["text"]
    assert "226 more not shown." in page2["text"]
    second = _cases(page2["blocks"])
    assert len(set(second)) == 10 and not set(second) & set(first)
    more2 = next(b for b in page2["blocks"] if b.get("block_id") == "more")["elements"][0]
    assert (more2["value"], more2["text"]["text"]) == ("3|RM elections", "More (3 of 25)")

    last = button_on_public_message(
        "more", "25|RM elections", stub.response_url("rm25"), channel="D0300", thread_ts="1.0"
    )
    assert send(web, last, FORM).status == 200
    page25 = stub.wait_for(lambda c: any(x.path == "response/rm25" for x in c))[-1].body
    assert "elections 241–246:" in page25["text"] and "more not shown" not in page25["text"]
    assert not any(b.get("block_id") == "more" for b in page25["blocks"])  # the last page has no More
