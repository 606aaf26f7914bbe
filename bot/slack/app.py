"""build_app(settings, store) -> a Bolt App. The only module that imports slack_bolt.

Handlers stay thin: acknowledge, answer, render, reply.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Literal

from slack_bolt import App, BoltResponse
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.answer import answer
from bot.config import Settings
from bot.messages import msg
from bot.models import Answer
from bot.render_slack import POST_ACTION, SUGGESTION_ACTION, error_message, slack_message
from bot.slack.text import to_plain
from bot.store import Store

log = logging.getLogger("election_bot")
COMMAND = "/election"
Transport = Literal["http", "socket"]
RETRIES = 3


class EventDeduplicator:
    """Remembers recent event ids (bounded, expiring) so a retried event is answered once."""

    def __init__(self, *, size: int = 10_000, ttl: float = 3600.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._size, self._ttl, self._clock = size, ttl, clock
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        now = self._clock()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) < now - self._ttl:
                self._seen.popitem(last=False)
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)
            return True


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


def _log_request(surface: str, a: Answer, started: float) -> None:
    ms = (time.perf_counter() - started) * 1000
    log.info("request surface=%s intent=%s answered=%s latency_ms=%.1f", surface, a.intent.value, a.answered, ms)
    if not a.answered:
        log.info("unanswered surface=%s question=%r", surface, a.question[:300])


def build_app(
    settings: Settings,
    store: Store,
    *,
    transport: Transport,
    client: WebClient | None = None,
    answerer: Callable[[str, Store], Answer] = answer,
) -> App:
    """The Bolt app: slash command, mentions, DMs and buttons.

    Every request that reaches it over HTTP is verified with the signing secret, whatever else
    is configured: an app for `transport="http"` cannot be built without one. Socket Mode
    requests come over the socket Slack authenticated (Bolt skips the check for them only),
    so Socket Mode needs no signing secret.
    """
    if transport == "http":
        settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
    secret = settings.slack_signing_secret
    app = App(
        token=settings.slack_bot_token,
        signing_secret=secret or "",
        client=client or make_client(settings),
        # Without a secret this app can only be handed to Socket Mode (see above).
        request_verification_enabled=secret is not None,
        logger=logging.getLogger("election_bot.bolt"),
    )
    dedupe = EventDeduplicator()

    @app.middleware
    def skip_retried_events(req: BoltRequest, resp: BoltResponse, next: Callable[[], None]) -> BoltResponse | None:
        body = req.body
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            retry = req.headers.get("x-slack-retry-num", [None])[0]
            reason = req.headers.get("x-slack-retry-reason", [""])[0]
            # A retry for http_timeout means the first delivery arrived (we were slow to say so):
            # skip it even on a worker that never saw the id; other retries go through the cache.
            first = dedupe.first_time(str(event_id))
            if not first or (retry and reason == "http_timeout"):
                log.info(
                    "duplicate event_id=%s retry=%s reason=%s: acknowledged, not answered again",
                    event_id,
                    retry,
                    reason,
                )
                return BoltResponse(status=200, body="")
        next()
        return None

    def reply_for(
        question: str, surface: str, *, post_button: bool = False
    ) -> tuple[str, list[dict[str, Any]], Answer | None]:
        """The answer as a Slack message; if answering fails, a short apology (the operator gets the log)."""
        started = time.perf_counter()
        try:
            a = answerer(question, store)
            text, blocks = slack_message(a, post_button=post_button and a.answered)
        except Exception as exc:  # a member must never see a traceback or be left without a reply
            log.error("answering failed surface=%s: %s: %s", surface, type(exc).__name__, exc)
            apology = error_message(question)
            return apology, [{"type": "section", "text": {"type": "mrkdwn", "text": apology}}], None
        _log_request(surface, a, started)
        return text, blocks, a

    @app.command(COMMAND)
    def on_command(ack: Callable[..., None], command: dict[str, Any], respond: Callable[..., Any]) -> None:
        ack()  # first: Slack gives 3 s for this, and the answer follows through the response_url
        text, blocks, _ = reply_for(to_plain(command.get("text", "")), "command", post_button=True)
        respond(text=text, blocks=blocks, response_type="ephemeral")

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        question = to_plain(event.get("text", ""), bot_user_id=context.get("bot_user_id"))
        text, blocks, _ = reply_for(question, "mention")
        thread = event.get("thread_ts") or event["ts"]
        _post(client, channel=event["channel"], text=text, blocks=blocks, thread_ts=thread)

    @app.event("message")
    def on_message(event: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return  # edits, joins, other bots, and anything outside DMs
        if event.get("user") == context.get("bot_user_id"):
            return
        question = to_plain(event.get("text", ""), bot_user_id=context.get("bot_user_id"))
        text, blocks, _ = reply_for(question, "dm")
        _post(client, channel=event["channel"], text=text, blocks=blocks)

    @app.action(POST_ACTION)
    def on_post(
        ack: Callable[..., None],
        body: dict[str, Any],
        action: dict[str, Any],
        client: WebClient,
        respond: Callable[..., Any],
    ) -> None:
        ack()
        question = action.get("value", "")
        text, blocks, a = reply_for(question, "post_button")
        lang = a.lang if a else "en"
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        if not channel or a is None:
            respond(text=msg(lang, "cannot_post") if a else text, response_type="ephemeral", replace_original=False)
            return
        try:
            client.chat_postMessage(channel=channel, text=text, blocks=blocks, unfurl_links=False, unfurl_media=False)
        except SlackApiError as exc:
            log.warning("post_to_channel failed: %s", exc.response.get("error"))
            respond(text=msg(lang, "cannot_post"), response_type="ephemeral", replace_original=False)
            return
        respond(delete_original=True)

    @app.action(re.compile(rf"^{SUGGESTION_ACTION}_\d+$"))
    def on_suggestion(ack: Callable[..., None], action: dict[str, Any], respond: Callable[..., Any]) -> None:
        ack()
        text, blocks, _ = reply_for(action.get("value", ""), "suggestion_button", post_button=True)
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=True)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        kind = body.get("type") or body.get("command") or "request"
        log.error("handler failed for %s: %s: %s", kind, type(error).__name__, error)

    return app


def _post(client: WebClient, **message: Any) -> None:
    """chat.postMessage; failures are logged (once, without tokens) and not retried blindly."""
    try:
        client.chat_postMessage(unfurl_links=False, unfurl_media=False, **message)
    except SlackApiError as exc:
        log.error("chat.postMessage failed: status=%s error=%s", exc.response.status_code, exc.response.get("error"))
    except OSError as exc:
        log.error("chat.postMessage failed: %s", type(exc).__name__)
