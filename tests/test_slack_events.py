"""Slack's real event and interaction shapes (see slack_payloads.py), signed, to the Procfile's
gunicorn line; replies land on the stand-in Web API, which enforces Slack's limits."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serve
import slack_payloads as p
from slack_requests import SIGNING_SECRET, action_body, command_body, send
from slack_stub import SlackStub

from bot.slack.wording import WORDS
from bot.store import Store

FORM, JSON = "application/x-www-form-urlencoded", "application/json"
CASE = "29-RC-288020"


@pytest.fixture(scope="module")
def server(stub: SlackStub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    base = tmp_path_factory.mktemp("events")
    facts = base / "facts"
    shutil.copytree(serve.ROOT / "facts", facts)
    elections = facts / "elections.toml"
    text = elections.read_text(encoding="utf-8")
    jfk8 = next(block for block in text.split("[[election]]") if 'code = "JFK8"' in block)
    if "case_number" not in jfk8:  # give JFK8 its real NLRB case number unless the facts already do
        text = text.replace(jfk8, jfk8.replace('code = "JFK8"\n', f'code = "JFK8"\ncase_number = "{CASE}"\n', 1))
    elections.write_text(text, encoding="utf-8")
    env = {
        "SLACK_BOT_TOKEN": "xoxb-events-0000",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": stub.api_url,
        "FACTS_DIR": str(facts),
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "INFO",
    }
    process, url = serve.start(env, base / "server.log")
    yield url + "/slack/events", base / "server.log"
    serve.stop(process)


@pytest.fixture
def slack(stub: SlackStub, server: tuple[str, Path]) -> Iterator[tuple[str, SlackStub, Path]]:
    stub.reset()
    yield server[0], stub, server[1]


def posts(stub: SlackStub, channel: str) -> list[dict[str, object]]:
    return [c.body for c in stub.posts("chat.postMessage") if c.body.get("channel") == channel]


def settle(stub: SlackStub, sentinel_channel: str, url: str) -> None:
    """Send a DM that is answered, wait for it: anything sent before has been handled by then."""
    send(url, p.envelope(p.dm_in_thread("JFK8", channel=sentinel_channel, thread_ts="1.0")), JSON)
    stub.wait_for(lambda c: any(x.body.get("channel") == sentinel_channel for x in c if x.path == "chat.postMessage"))
    time.sleep(0.2)


def test_an_edited_mention_is_answered_once_and_its_reply_updated(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    ts = "1700000100.000100"
    send(url, p.envelope(p.mention("ALB1", channel="C0100", ts=ts)), JSON)
    first = stub.wait_for(lambda c: len(posts(stub, "C0100")) == 1)
    reply_ts = next(c for c in first if c.path == "chat.postMessage" and c.body["channel"] == "C0100")
    send(url, p.envelope(p.mention("ALB1", channel="C0100", ts=ts, edited=True)), JSON)  # unchanged
    send(url, p.envelope(p.mention("LDJ5 turnout", channel="C0100", ts=ts, edited=True)), JSON)
    calls = stub.wait_for(lambda c: any(x.path == "chat.update" for x in c))
    settle(stub, "D0101", url)
    assert len(posts(stub, "C0100")) == 1
    updates = [c.body for c in calls if c.path == "chat.update"]
    assert len(updates) == 1 and updates[0]["channel"] == "C0100"
    assert str(updates[0]["text"]).startswith("LDJ5 turnout: about 61.2%")
    assert updates[0]["ts"] and reply_ts.body["thread_ts"] == ts


def test_a_mention_from_another_bot_is_ignored(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    send(url, p.envelope(p.mention("ALB1", channel="C0200", ts="1700000200.000100", bot_id="B0999")), JSON)
    settle(stub, "D0201", url)
    assert posts(stub, "C0200") == []


def test_dm_with_a_file_and_a_thread_broadcast_are_answered(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    send(url, p.envelope(p.dm_file_share("ALB1 margin", channel="D0300")), JSON)
    send(url, p.envelope(p.dm_thread_broadcast("LDJ5", channel="D0301", thread_ts="1700000300.000100")), JSON)
    stub.wait_for(lambda c: posts(stub, "D0300") != [] and posts(stub, "D0301") != [])
    assert str(posts(stub, "D0300")[0]["text"]).startswith("ALB1: the union lost by 200 votes")
    broadcast = posts(stub, "D0301")[0]
    assert broadcast["thread_ts"] == "1700000300.000100" and str(broadcast["text"]).startswith("LDJ5:")


def test_a_reply_inside_a_dm_thread_is_answered_in_that_thread(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    send(url, p.envelope(p.dm_in_thread("ALB1", channel="D0400", thread_ts="1700000400.000100")), JSON)
    stub.wait_for(lambda c: posts(stub, "D0400") != [])
    assert posts(stub, "D0400")[0]["thread_ts"] == "1700000400.000100"


def test_a_message_with_only_rich_text_blocks_is_read(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    event = p.dm_file_share("ALB1", channel="D0450") | {"text": ""}
    send(url, p.envelope(event), JSON)
    stub.wait_for(lambda c: posts(stub, "D0450") != [])
    assert str(posts(stub, "D0450")[0]["text"]).startswith("ALB1: 406 no / 206 yes")


def test_app_rate_limited_is_acknowledged_and_logged(slack: tuple[str, SlackStub, Path]) -> None:
    url, _, log = slack
    assert send(url, p.rate_limited(), JSON).status == 200
    deadline = time.monotonic() + 5
    while "rate-limited" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (
        "WARNING election_bot Slack rate-limited this app's events: 1 minute of events dropped "
        "(minute_rate_limited=1518467820, team=T0001)"
    ) in log.read_text()


def test_a_suggestion_on_a_public_reply_answers_the_presser_privately(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    body = p.button_on_public_message(
        "suggestion_0", "LDJ5 result", stub.response_url("pub"), channel="C0500", thread_ts="1700000500.000100"
    )
    assert send(url, body, FORM).status == 200
    calls = stub.wait_for(lambda c: any(x.path == "response/pub" for x in c))
    reply = next(c.body for c in calls if c.path == "response/pub")
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert reply["thread_ts"] == "1700000500.000100"
    assert str(reply["text"]).startswith("LDJ5: 618 no / 380 yes")
    assert all(b.get("block_id") != "share" for b in reply["blocks"])  # type: ignore[union-attr]
    assert stub.posts("chat.postMessage") == [] and stub.posts("chat.update") == []


def test_feedback_down_is_logged_with_the_question(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, log = slack
    send(url, action_body("feedback_down", "ALB1 turnout", stub.response_url("fb")), FORM)
    calls = stub.wait_for(lambda c: any(x.path == "response/fb" for x in c))
    thanks = next(c.body for c in calls if c.path == "response/fb")
    assert thanks["text"] == WORDS["feedback_thanks"]["en"] and thanks["replace_original"] is False
    assert "WARNING election_bot feedback=down user=U0001 question='ALB1 turnout'" in log.read_text()


def test_the_message_shortcut_answers_the_message_privately(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    assert send(url, p.message_shortcut("How did the JFK8 vote go?", stub.response_url("sc")), FORM).status == 200
    calls = stub.wait_for(lambda c: any(x.path == "response/sc" for x in c))
    reply = next(c.body for c in calls if c.path == "response/sc")
    assert reply["response_type"] == "ephemeral" and str(reply["text"]).startswith(
        "JFK8: union won (Amazon Labor Union)"
    )


@pytest.mark.parametrize(("user", "lang"), [("U0001", "en"), ("UZH0001", "zh")])
def test_app_home_in_the_members_language(
    slack: tuple[str, SlackStub, Path], real_store: Store, user: str, lang: str
) -> None:
    url, stub, _ = slack
    send(url, p.envelope(p.home_opened(user)), JSON)
    calls = stub.wait_for(lambda c: any(x.path == "views.publish" for x in c))
    published = next(c.body for c in calls if c.path == "views.publish")
    assert published["user_id"] == user
    view = published["view"]
    text = json.dumps(view, ensure_ascii=False)
    assert view["type"] == "home"
    knows = view["blocks"][1]["text"]["text"]
    n = f"{len(real_store.elections):,}"
    assert knows.startswith(f"I know *{n}* elections" if lang == "en" else f"我掌握 *{n}* 场选举")
    latest = next(b for b in view["blocks"] if b.get("block_id") == "latest")["text"]["text"]
    assert latest.splitlines()[0].startswith("*")
    assert (WORDS["home_examples"][lang]) in text
    assert any(c.path == "users.info" and c.body.get("include_locale") in (True, "true", "1") for c in calls)


def test_without_users_read_app_home_is_in_english(slack: tuple[str, SlackStub, Path], real_store: Store) -> None:
    url, stub, _ = slack
    stub.fail_next("users.info", 200, {"ok": False, "error": "missing_scope", "needed": "users:read"})
    send(url, p.envelope(p.home_opened("UZH0404")), JSON)
    calls = stub.wait_for(lambda c: any(x.path == "views.publish" for x in c))
    view = next(c.body for c in calls if c.path == "views.publish")["view"]
    assert view["blocks"][1]["text"]["text"].startswith(f"I know *{len(real_store.elections):,}* elections")


def test_election_with_no_text_answers_usage_in_the_members_language(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    body = command_body("", stub.response_url("zh")).replace("user_id=U0001", "user_id=UZH0002")
    assert send(url, body, FORM).status == 200
    calls = stub.wait_for(lambda c: any(x.path == "response/zh" for x in c))
    assert str(next(c.body for c in calls if c.path == "response/zh")["text"]).startswith("我根据有来源的资料")


def test_an_nlrb_case_link_unfurls_to_its_tally(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    link = f"https://www.nlrb.gov/case/{CASE}"
    send(url, p.envelope(p.link_shared(link, channel="C0600")), JSON)
    send(url, p.envelope(p.link_shared("https://www.nlrb.gov/case/01-RC-000001", channel="C0601")), JSON)
    calls = stub.wait_for(lambda c: any(x.path == "chat.unfurl" for x in c))
    settle(stub, "D0602", url)
    unfurls = [c.body for c in stub.posts("chat.unfurl")]
    assert [u["channel"] for u in unfurls] == ["C0600"]  # the case the store doesn't hold is left alone
    blocks = unfurls[0]["unfurls"][link]["blocks"]  # type: ignore[index]
    assert blocks[0]["text"]["text"].startswith("*JFK8: union won (Amazon Labor Union)")
    assert calls


def test_a_follow_up_in_a_thread_resolves_against_that_threads_question(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    thread, other = "1700000700.000100", "1700000701.000100"
    send(url, p.envelope(p.mention("ALB1 result", channel="C0700", ts=thread)), JSON)
    stub.wait_for(lambda c: len(posts(stub, "C0700")) == 1)
    follow_up = p.mention("margin?", channel="C0700", ts="1700000700.000200") | {"thread_ts": thread}
    send(url, p.envelope(follow_up), JSON)
    send(url, p.envelope(p.mention("margin?", channel="C0700", ts=other)), JSON)  # a new thread: no context
    stub.wait_for(lambda c: len(posts(stub, "C0700")) == 3)
    in_thread = [b for b in posts(stub, "C0700") if b["thread_ts"] == thread]
    assert str(in_thread[-1]["text"]).startswith("ALB1: the union lost by 200 votes")
    fresh = next(b for b in posts(stub, "C0700") if b["thread_ts"] == other)
    assert not str(fresh["text"]).startswith("ALB1")


def test_a_follow_up_in_a_dm_and_slash_commands_kept_per_member(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    send(url, p.envelope(p.dm_file_share("LDJ5的结果", channel="D0800")), JSON)
    stub.wait_for(lambda c: len(posts(stub, "D0800")) == 1)
    send(url, p.envelope(p.dm_file_share("它的投票率呢", channel="D0800")), JSON)
    stub.wait_for(lambda c: len(posts(stub, "D0800")) == 2)
    assert "61.2" in str(posts(stub, "D0800")[1]["text"])

    send(url, command_body("ALB1 result", stub.response_url("a1")), FORM)
    stub.wait_for(lambda c: any(x.path == "response/a1" for x in c))
    other_member = command_body("margin?", stub.response_url("b1")).replace("user_id=U0001", "user_id=U0002")
    send(url, other_member, FORM)
    send(url, command_body("margin?", stub.response_url("a2")), FORM)
    calls = stub.wait_for(lambda c: {"response/b1", "response/a2"} <= {x.path for x in c})
    replies = {c.path: str(c.body["text"]) for c in calls if c.path.startswith("response/")}
    assert replies["response/a2"].startswith("ALB1: the union lost by 200 votes")
    assert not replies["response/b1"].startswith("ALB1")
