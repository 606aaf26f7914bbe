from __future__ import annotations

import json

import pytest

from bot.config import ConfigError, load_settings
from bot.logs import RedactSecrets
from bot.slack_app import EventDeduplicator
from bot.slack_text import to_plain


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
    ],
)
def test_slack_markup_to_plain(raw: str, plain: str) -> None:
    assert to_plain(raw, bot_user_id="UBOT") == plain


def test_deduplicator_is_bounded_and_expires() -> None:
    now = [0.0]
    dedupe = EventDeduplicator(size=2, ttl=10, clock=lambda: now[0])
    assert dedupe.first_time("a") and not dedupe.first_time("a")
    assert dedupe.first_time("b") and dedupe.first_time("c")
    assert dedupe.first_time("a")  # evicted by size
    now[0] = 11
    assert dedupe.first_time("c")  # expired


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


def test_a_failure_while_answering_gets_a_short_apology(monkeypatch: pytest.MonkeyPatch, real_store: object) -> None:
    """Through Bolt's own dispatch with a signed request, as Bolt tests itself."""
    import time
    import urllib.parse

    from slack_bolt.request import BoltRequest
    from slack_sdk.signature import SignatureVerifier
    from slack_stub import SlackStub

    from bot import slack_app
    from bot.config import Settings

    def broken(question: str, store: object) -> None:
        raise RuntimeError("index exploded")

    stub = SlackStub().start()
    try:
        settings = Settings(slack_bot_token="xoxb-x", slack_signing_secret="s3cret", slack_api_url=stub.api_url)
        app = slack_app.build_app(settings, real_store)  # type: ignore[arg-type]
        monkeypatch.setattr(slack_app, "answer", broken)
        body = urllib.parse.urlencode(
            {
                "command": "/election",
                "text": "ALB1",
                "user_id": "U1",
                "channel_id": "C1",
                "team_id": "T1",
                "response_url": stub.response_url("x"),
            }
        )
        ts = str(int(time.time()))
        headers = {
            "x-slack-request-timestamp": [ts],
            "x-slack-signature": [SignatureVerifier("s3cret").generate_signature(timestamp=ts, body=body)],
            "content-type": ["application/x-www-form-urlencoded"],
        }
        response = app.dispatch(BoltRequest(body=body, headers=headers))
    finally:
        stub.stop()
    assert response.status == 200
    assert json.loads(response.body)["text"].startswith("Sorry — something went wrong on my side")
    assert "index exploded" not in response.body and "Traceback" not in response.body
