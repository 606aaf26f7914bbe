from __future__ import annotations

import io
import logging
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pytest
from slack_bolt.request import BoltRequest
from slack_sdk.signature import SignatureVerifier
from slack_stub import SlackStub

from bot import logs
from bot.answer import answer
from bot.config import ConfigError, Settings, load_settings
from bot.logs import RedactSecrets
from bot.models import Answer
from bot.slack.app import build_app
from bot.slack.recent import Recent
from bot.slack.text import to_plain
from bot.store import Store


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("<@UBOT> ALB1 result", "ALB1 result"),
        ("<@UBOT|election-bot> LDJ5", "LDJ5"),
        ("<!channel> what about <@U123> at ALB1?", "what about at ALB1?"),
        ("see <https://example.com|this story> on LDJ5", "see this story on LDJ5"),
        ("<https://example.com> LDJ5", "https://example.com LDJ5"),
        ("AT&amp;T &lt;3", "AT&T <3"),
        ("<#C123|newsroom> LDJ5", "LDJ5"),
        ("ask <mailto:desk@example.org|the desk> about ALB1", "ask the desk about ALB1"),
        ("<mailto:desk@example.org> LDJ5", "desk@example.org LDJ5"),
        ("tally on <!date^1392734382^{date_short}|Feb 18, 2014> at ALB1", "tally on Feb 18, 2014 at ALB1"),
        ("<https://nlrb.gov/case/29-RC-288020|the JFK8 case> result", "the JFK8 case result"),
        ("<!subteam^S123|@editors> LDJ5", "LDJ5"),
    ],
)
def test_slack_markup_to_plain(raw: str, plain: str) -> None:
    assert to_plain(raw, bot_user_id="UBOT") == plain


def test_deduplicator_is_bounded_and_expires() -> None:
    now = [0.0]
    seen: Recent[None] = Recent(size=2, ttl=10, clock=lambda: now[0])
    assert seen.first_time("a", None) and not seen.first_time("a", None)
    assert seen.first_time("b", None) and seen.first_time("c", None)
    assert seen.first_time("a", None)  # evicted by size
    now[0] = 11
    assert seen.first_time("c", None)  # expired


def test_settings_from_environment() -> None:
    settings = load_settings(
        {
            "SLACK_BOT_TOKEN": "xoxb-1",
            "SLACK_APP_TOKEN": "xapp-1",
            "PORT": "8080",
            "SLACK_API_URL": "http://127.0.0.1:9/api",
        }
    )
    assert settings.socket_mode and settings.slack_configured and settings.port == 8080
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert "xoxb-1" not in repr(settings) and "xapp-1" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PORT": "http"}, "PORT must be a port number from 1 to 65535 (got 'http')"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL (got 'LOUD')"),
        ({"SLACK_API_URL": "slack.com"}, "SLACK_API_URL must be an http(s) URL (got 'slack.com')"),
    ],
)
def test_bad_settings(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(env)
    assert str(info.value) == message


def test_missing_variables_named() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({}).require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
    assert (
        str(info.value)
        == "missing environment variable(s): SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (set them in the environment or .env)"
    )


def test_tokens_redacted_from_logs() -> None:
    import logging

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token %s used", ("xoxb-123-abc",), None)
    RedactSecrets().filter(record)
    assert record.getMessage() == "token [redacted] used"


def test_log_lines_follow_stderr_after_it_is_swapped_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server built while stderr was swapped (as under a test runner) must not write to the old,
    closed stream once the swap is undone, and must still redact tokens."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    logs.setup("INFO")
    first.close()
    monkeypatch.setattr(sys, "stderr", second)
    logging.getLogger("bot.test").info("token xoxb-1-2 used")
    assert second.getvalue().endswith(" INFO bot.test token [redacted] used\n")
    assert "Logging error" not in second.getvalue()


def _signed_command(text: str, response_url: str, secret: str = "s3cret") -> BoltRequest:
    body = urllib.parse.urlencode(
        {
            "command": "/election",
            "text": text,
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T1",
            "response_url": response_url,
        }
    )
    ts = str(int(time.time()))
    headers = {
        "x-slack-request-timestamp": [ts],
        "x-slack-signature": [SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)],
        "content-type": ["application/x-www-form-urlencoded"],
    }
    return BoltRequest(body=body, headers=headers)


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    server = SlackStub().start()
    yield server
    server.stop()


def _settings(stub: SlackStub) -> Settings:
    return Settings(slack_bot_token="xoxb-x", slack_signing_secret="s3cret", slack_api_url=stub.api_url)


def test_a_failure_while_answering_gets_a_short_apology(stub: SlackStub, real_store: Store) -> None:
    """Through Bolt's own dispatch with a signed request, as Bolt tests itself."""

    def broken(question: str, store: Store) -> Answer:
        raise RuntimeError("index exploded")

    app = build_app(_settings(stub), real_store, transport="http", answerer=broken)
    response = app.dispatch(_signed_command("ALB1", stub.response_url("x")))
    assert response.status == 200
    reply = stub.wait_for(lambda c: any(x.path == "response/x" for x in c))[-1]
    assert reply.body["text"].startswith("Sorry — something went wrong on my side")
    assert "index exploded" not in reply.raw and "Traceback" not in reply.raw


def test_slash_command_is_acknowledged_before_it_is_answered(stub: SlackStub, real_store: Store) -> None:
    """The answer waits on an event the test sets only after the acknowledgement came back."""
    release = threading.Event()

    def slow(question: str, store: Store) -> Answer:
        assert release.wait(10)
        return answer(question, store)

    app = build_app(_settings(stub), real_store, transport="http", answerer=slow)
    response = app.dispatch(_signed_command("ALB1", stub.response_url("slow")))
    assert response.status == 200 and response.body == ""
    assert stub.posts("response") == []
    release.set()
    reply = stub.wait_for(lambda c: any(x.path == "response/slow" for x in c))[-1]
    assert reply.body["text"].startswith("ALB1: 406 no / 206 yes")
    assert reply.body["response_type"] == "ephemeral"


def test_http_app_needs_the_signing_secret_whatever_else_is_set(stub: SlackStub, real_store: Store) -> None:
    settings = Settings(slack_bot_token="xoxb-x", slack_app_token="xapp-x", slack_api_url=stub.api_url)
    with pytest.raises(ConfigError) as info:
        build_app(settings, real_store, transport="http")
    assert str(info.value) == (
        "missing environment variable(s): SLACK_SIGNING_SECRET (set them in the environment or .env)"
    )


@pytest.mark.parametrize("app_token", [None, "xapp-x"])
def test_http_app_rejects_a_forged_request_even_with_an_app_token(
    stub: SlackStub, real_store: Store, app_token: str | None
) -> None:
    settings = Settings(
        slack_bot_token="xoxb-x", slack_signing_secret="s3cret", slack_app_token=app_token, slack_api_url=stub.api_url
    )
    app = build_app(settings, real_store, transport="http")
    assert app.dispatch(_signed_command("ALB1", stub.response_url("f"), secret="forged")).status == 401
