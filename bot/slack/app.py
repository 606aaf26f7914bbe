"""build_app(settings, store, transport=...) -> a Bolt App. The only module that builds one.

Handlers stay thin: acknowledge, answer, render, reply. The listeners live by surface:
events.py (mentions, DMs, App Home, link unfurls), interactive.py (the slash command,
buttons, the message shortcut), assistant.py (the assistant panel).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from slack_bolt import App, BoltResponse
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot import metrics
from bot.answer import answer
from bot.config import Settings
from bot.models import Answer
from bot.slack import assistant, events, interactive
from bot.slack.locale import Locales
from bot.slack.recent import SeenEvents
from bot.slack.replies import Conversations, Replier
from bot.state import MemoryState
from bot.store import Store

log = logging.getLogger("election_bot")
Transport = Literal["http", "socket"]
RETRIES = 3
EVENT_TTL = 3600.0  # Slack retries an event for about an hour at most


def make_client(settings: Settings) -> WebClient:
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=int(settings.slack_api_timeout) or 1,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=RETRIES),
            RateLimitErrorRetryHandler(max_retry_count=RETRIES),  # waits as long as Retry-After says
        ],
    )


def build_app(
    settings: Settings,
    store: Store,
    *,
    transport: Transport,
    client: WebClient | None = None,
    answerer: Callable[[str, Store], Answer] = answer,
    conversations: Conversations | None = None,
    seen: SeenEvents | None = None,
    oauth: OAuthSettings | None = None,
) -> App:
    """The Bolt app for every surface.

    Every request that reaches it over HTTP is verified with the signing secret, whatever else
    is configured: an app for `transport="http"` cannot be built without one. Socket Mode
    requests come over the socket Slack authenticated (Bolt skips the check for them only),
    so Socket Mode needs no signing secret.

    `conversations` answers follow-ups in their thread (the seam for bot/conversation.py);
    `seen` remembers event ids (default: this process; bot/state.py's RedisState shares them
    across workers and instances). With `oauth` (bot/installations.py) the app serves any
    workspace that installed it: each request's token is looked up by team/enterprise, and
    `app_uninstalled` / `tokens_revoked` delete the installation.
    """
    if transport == "http":
        settings.require(*settings.http_variables)
    secret = settings.slack_signing_secret
    app = App(
        signing_secret=secret or "",
        # One workspace: the client carries its bot token. Many (OAuth): none; Bolt finds each request's.
        client=client or make_client(replace(settings, slack_bot_token=None) if oauth else settings),
        oauth_settings=oauth,
        # Without a secret this app can only be handed to Socket Mode (see above).
        request_verification_enabled=secret is not None,
        logger=logging.getLogger("election_bot.bolt"),
    )
    if oauth:
        app.enable_token_revocation_listeners()
    app.middleware(skip_retried_events(seen or MemoryState()))
    app.middleware(note_rate_limits)
    replier = Replier(store, answerer, conversations=conversations)
    locales = Locales()
    events.register(app, replier, locales)
    interactive.register(app, replier, locales)
    assistant.register(app, replier, locales)

    @app.error
    def on_error(error: Exception, body: dict[str, object]) -> None:
        kind = body.get("type") or body.get("command") or "request"
        log.error("handler failed for %s: %s: %s", kind, type(error).__name__, error)

    return app


def skip_retried_events(
    seen: SeenEvents,
) -> Callable[[BoltRequest, BoltResponse, Callable[[], None]], BoltResponse | None]:
    def middleware(req: BoltRequest, resp: BoltResponse, next: Callable[[], None]) -> BoltResponse | None:
        body = req.body
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            retry = req.headers.get("x-slack-retry-num", [None])[0]
            reason = req.headers.get("x-slack-retry-reason", [""])[0]
            # A retry for http_timeout means the first delivery arrived (we were slow to say so):
            # skip it even on a worker that never saw the id; other retries go through the cache.
            first = seen.first_time(f"event:{event_id}", EVENT_TTL)
            if not first or (retry and reason == "http_timeout"):
                metrics.count_duplicate(reason if retry else "")
                log.info(
                    "duplicate event_id=%s retry=%s reason=%s: acknowledged, not answered again",
                    event_id,
                    retry,
                    reason,
                )
                return BoltResponse(status=200, body="")
        next()
        return None

    return middleware


def note_rate_limits(req: BoltRequest, resp: BoltResponse, next: Callable[[], None]) -> BoltResponse | None:
    """Slack sends `app_rate_limited` (not an event_callback) when it drops a minute of events."""
    if req.body.get("type") == "app_rate_limited":
        log.warning(
            "Slack rate-limited this app's events: 1 minute of events dropped (minute_rate_limited=%s, team=%s)",
            req.body.get("minute_rate_limited"),
            req.body.get("team_id"),
        )
        return BoltResponse(status=200, body="")
    next()
    return None
