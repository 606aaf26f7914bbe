from __future__ import annotations

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
