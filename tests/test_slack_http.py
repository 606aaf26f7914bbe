"""The Slack app end to end: gunicorn runs the Procfile's web command on 127.0.0.1, Slack's
requests are signed as Slack signs them, and replies land on a stand-in Web API server."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import serve
from slack_requests import SIGNING_SECRET, action_body, command_body, dm, event_body, mention, send
from slack_stub import BOT_ID, BOT_USER_ID, SlackStub

BOT_TOKEN = "xoxb-test-0000-secret-token"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@pytest.fixture(scope="module")
def server(stub: SlackStub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("gunicorn") / "server.log"
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": stub.api_url,
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "INFO",
        "SLACK_API_TIMEOUT": "2",
    }
    process, base = serve.start(env, log)
    yield base + "/slack/events", log
    serve.stop(process)


@pytest.fixture
def slack(stub: SlackStub, server: tuple[str, Path]) -> Iterator[tuple[str, SlackStub, Path]]:
    stub.reset()
    yield server[0], stub, server[1]


def _all_text(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False)


def test_health(server: tuple[str, Path]) -> None:
    with urllib.request.urlopen(server[0].replace("/slack/events", "/healthz")) as response:
        assert response.read() == b"ok\n"


def command(url: str, stub: SlackStub, text: str, tag: str) -> dict[str, Any]:
    """A signed /election: the acknowledgement is empty, the answer arrives at the response_url.
    Each tag is asked by its own member, so no test's question becomes another's context."""
    reply = send(url, command_body(text, stub.response_url(tag)).replace("user_id=U0001", f"user_id=U{tag}"), FORM)
    assert (reply.status, reply.body) == (200, "")
    calls = stub.wait_for(lambda c: any(x.path == f"response/{tag}" for x in c))
    return next(c for c in calls if c.path == f"response/{tag}").body


def test_slash_command_is_acknowledged_then_answered_ephemerally(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, log = slack
    body = command(url, stub, "How did the Albany vote go?", "cmd")
    assert body["response_type"] == "ephemeral"
    assert body["text"].startswith("ALB1: 406 no / 206 yes — union lost (Amazon Labor Union)")
    assert body["blocks"][0]["text"]["text"].startswith("*ALB1: 406 no / 206 yes")
    closing = {b.get("block_id"): [e["action_id"] for e in b["elements"]] for b in body["blocks"][-2:]}
    assert closing == {"share": ["post_to_channel"], "feedback": ["feedback_up", "feedback_down"]}
    assert "request surface=command intent=result answered=True" in log.read_text()


def test_empty_command_shows_usage_from_the_store(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    body = command(url, stub, "", "help")
    assert "I answer questions about union representation elections" in body["text"]
    assert "“LDJ5 result”" in body["text"]


def test_post_to_channel_posts_through_the_response_url_and_says_who_shared_it(
    slack: tuple[str, SlackStub, Path],
) -> None:
    """In channel through the response_url works wherever the command was typed (a DM between
    two people included, where the bot is no member); the private copy is then deleted."""
    url, stub, _ = slack
    reply = send(url, action_body("post_to_channel", "LDJ5 turnout", stub.response_url("post"), channel="D0777"), FORM)
    assert reply.status == 200
    calls = stub.wait_for(lambda c: len([x for x in c if x.path == "response/post"]) == 2)
    shared, deleted = [c.body for c in calls if c.path == "response/post"]
    assert shared["response_type"] == "in_channel" and shared["replace_original"] is False
    assert shared["text"].startswith("LDJ5 turnout: about 61.2%")
    assert shared["blocks"][-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": "Shared by @reporter"}]}
    assert all(b.get("block_id") not in ("share", "feedback") for b in shared["blocks"])
    assert deleted["delete_original"] is True
    assert stub.posts("chat.postMessage") == []


def test_suggestion_button_answers_the_suggestion(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    first = command(url, stub, "Staten Island", "first")
    buttons = next(b for b in first["blocks"] if b.get("block_id") == "suggestions")["elements"]
    choice = buttons[0]
    send(url, action_body(choice["action_id"], choice["value"], stub.response_url("s")), FORM)
    calls = stub.wait_for(lambda c: any(x.path == "response/s" for x in c))
    response = next(c for c in calls if c.path == "response/s").body
    assert response["replace_original"] is True
    assert response["text"].startswith("LDJ5: 618 no / 380 yes")


def test_mention_is_answered_in_thread(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    assert send(url, event_body(mention("ALB1 margin", ts="1700000001.000200")), JSON).status == 200
    calls = stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))
    post = next(c for c in calls if c.path == "chat.postMessage").body
    assert post["thread_ts"] == "1700000001.000200"
    assert post["text"].startswith("ALB1: the union lost by 200 votes")


def test_mention_inside_a_thread_stays_in_that_thread(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    send(url, event_body(mention("LDJ5", ts="1700000002.000300", thread_ts="1700000000.000001")), JSON)
    post = stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))[0].body
    assert post["thread_ts"] == "1700000000.000001"


def test_dm_answered_and_chinese_in_chinese(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    send(url, event_body(dm("Who is Kelly Nantel?")), JSON)
    send(url, event_body(dm("LDJ5投票结果", channel="D0002")), JSON)
    calls = stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    by_channel = {c.body["channel"]: c.body for c in calls if c.path == "chat.postMessage"}
    assert by_channel["D0001"]["text"].startswith("Kelly Nantel — Amazon spokesperson")
    assert by_channel["D0002"]["text"].startswith("LDJ5：反对 618 票 / 赞成 380 票")
    assert "thread_ts" not in by_channel["D0001"]


def test_own_and_other_bot_messages_and_edits_are_ignored(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    for event in (
        dm("ALB1", user=BOT_USER_ID, bot_id=BOT_ID),
        dm("ALB1", user="U0999", bot_id="B0999"),
        dm("ALB1", subtype="message_changed"),
    ):
        assert send(url, event_body(event), JSON).status == 200
    send(url, event_body(dm("JFK8", channel="D0009")), JSON)  # a sentinel that is answered
    calls = stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))
    time.sleep(0.3)
    assert [c.body["channel"] for c in stub.posts("chat.postMessage")] == ["D0009"]
    assert calls


def test_forged_signature_rejected_and_nothing_posted(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    reply = send(url, event_body(dm("ALB1")), JSON, secret="not-the-secret")
    assert reply.status == 401
    command = send(url, command_body("ALB1", stub.response_url("x")), FORM, secret="wrong")
    assert command.status == 401 and "406" not in command.body
    send(url, event_body(dm("JFK8", channel="D0010")), JSON)
    stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))
    time.sleep(0.3)
    assert [c.body["channel"] for c in stub.posts("chat.postMessage")] == ["D0010"]


def test_stale_timestamp_rejected(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    reply = send(url, command_body("ALB1", stub.response_url("x")), FORM, timestamp=int(time.time()) - 600)
    assert reply.status == 401


def test_event_delivered_three_times_is_answered_once(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, log = slack
    body = event_body(dm("ALB1 turnout"), event_id="EvRETRY0001")
    assert send(url, body, JSON).status == 200
    for attempt in (1, 2):
        headers = {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"}
        assert send(url, body, JSON, headers=headers).status == 200
    send(url, event_body(dm("JFK8", channel="D0011")), JSON)
    stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    time.sleep(0.3)
    assert sorted(c.body["channel"] for c in stub.posts("chat.postMessage")) == ["D0001", "D0011"]
    assert "duplicate event_id=EvRETRY0001 retry=2 reason=http_timeout" in log.read_text()


def test_retry_after_an_error_is_answered_when_first_delivery_was_lost(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    body = event_body(dm("ALB1", channel="D0016"), event_id="EvNEVERSEEN01")
    headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    assert send(url, body, JSON, headers=headers).status == 200
    stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))
    assert [c.body["channel"] for c in stub.posts("chat.postMessage")] == ["D0016"]


def test_markup_in_a_question_never_pings(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    nasty = "<!channel> <!here> <!everyone> <@U0666> <https://evil.example|click> ALB1 &lt;!channel&gt;"
    replies = [command(url, stub, nasty, "n1"), command(url, stub, "What did <@U0666> say? <!here>", "n2")]
    send(url, event_body(mention(nasty)), JSON)
    send(url, event_body(dm(nasty, channel="D0012")), JSON)
    calls = stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    everything = _all_text(replies) + _all_text([c.body for c in calls])
    for token in ("<!channel", "<!here", "<!everyone", "<@U", "<https://evil", "link_names"):
        assert token not in everything


def test_rate_limited_post_is_retried_after_retry_after(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, _ = slack
    stub.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    send(url, event_body(dm("LDJ5 margin", channel="D0013")), JSON)
    calls = stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    posts = [c for c in calls if c.path == "chat.postMessage"]
    assert [p.body["channel"] for p in posts] == ["D0013", "D0013"]  # the 429, then the retry that landed


def test_server_error_is_logged_and_next_request_answered(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, log = slack
    stub.fail_next("chat.postMessage", 500, {"ok": False, "error": "internal_error"})
    send(url, event_body(dm("ALB1", channel="D0014")), JSON)
    stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))
    send(url, event_body(dm("JFK8", channel="D0015")), JSON)
    stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    deadline = time.monotonic() + 5
    while "chat.postMessage failed: status=500" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "chat.postMessage failed: status=500 error=internal_error" in log.read_text()
    assert [c.body["channel"] for c in stub.posts("chat.postMessage")] == ["D0014", "D0015"]


def test_unanswered_questions_are_logged_and_tokens_never(slack: tuple[str, SlackStub, Path]) -> None:
    url, stub, log = slack
    # a member with no conversation here yet (follow-ups are kept per member per channel)
    reply = send(url, command_body("Who won the Super Bowl?", stub.response_url("u")).replace("U0001", "U0404"), FORM)
    assert reply.status == 200
    stub.wait_for(lambda c: any(x.path == "response/u" for x in c))
    text = _wait_for_log(log, "unanswered surface=command")
    assert "unanswered surface=command question='Who won the Super Bowl?'" in text
    assert BOT_TOKEN not in text and SIGNING_SECRET not in text
    assert all(c.headers.get("Authorization") == f"Bearer {BOT_TOKEN}" for c in stub.posts("chat.postMessage"))


def _wait_for_log(log: Path, text: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while text not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    return log.read_text()


def test_web_api_faults_in_turn(slack: tuple[str, SlackStub, Path]) -> None:
    """429 (retried after Retry-After), 500 (logged), a timeout (logged, not retried), then normal service."""
    url, stub, log = slack
    stub.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    send(url, event_body(dm("ALB1", channel="D0101")), JSON)
    stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    stub.fail_next("chat.postMessage", 500, {"ok": False, "error": "internal_error"})
    send(url, event_body(dm("ALB1", channel="D0102")), JSON)
    stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 3)
    assert "chat.postMessage failed: status=500" in _wait_for_log(log, "chat.postMessage failed: status=500")
    stub.fail_next("chat.postMessage", 200, {"ok": True}, delay=4)  # longer than SLACK_API_TIMEOUT=2
    send(url, event_body(dm("ALB1", channel="D0103")), JSON)
    assert "chat.postMessage failed: TimeoutError" in _wait_for_log(log, "chat.postMessage failed: TimeoutError")
    send(url, event_body(dm("JFK8", channel="D0104")), JSON)
    calls = stub.wait_for(lambda c: any(x.body.get("channel") == "D0104" for x in c if x.path == "chat.postMessage"))
    channels = [c.body["channel"] for c in calls if c.path == "chat.postMessage"]
    assert channels == ["D0101", "D0101", "D0102", "D0103", "D0104"]  # the timed-out post was not retried
