"""The WSGI entry gunicorn serves (see Procfile): Slack at /slack/events, health at /healthz,
metrics at /metrics, and the install pages /slack/install and /slack/oauth_redirect when
installing in many workspaces (OAuth).

`create()` runs once in gunicorn's master (`--preload`): it refuses to start without the
signing secret, loads the store and builds everything a question needs, then the workers
fork and share it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

from bot import logs
from bot.config import Settings, load_settings
from bot.errors import BotError
from bot.store import Store, load

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
log = logging.getLogger("election_bot")


def build_wsgi(settings: Settings | None = None, store: Store | None = None) -> WsgiApp:
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from bot.installations import oauth_settings
    from bot.metrics import with_metrics
    from bot.slack.app import build_app
    from bot.slack.conversations import EngineConversations
    from bot.state import state_from_settings
    from bot.warm import prepare

    settings = settings or load_settings()
    settings.require(*settings.http_variables)  # before the slow part: fail fast
    logs.setup(settings.log_level)
    ready = False
    store = store or load(settings.facts_dir)
    state = state_from_settings(settings)  # event ids and conversations, shared when REDIS_URL is set
    app = build_app(
        settings,
        store,
        transport="http",
        seen=state,
        conversations=EngineConversations(store, state),
        oauth=oauth_settings(settings),
    )
    # /slack/events, and /slack/install + /slack/oauth_redirect when installing through OAuth; then /metrics
    slack = with_metrics(
        SlackRequestHandler(app, path="/slack/events"), settings.metrics_dir, token=settings.metrics_token
    )

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz" and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            status = "200 OK" if ready else "503 Service Unavailable"
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n" if ready else b"starting\n"]
        return slack(environ, start_response)

    prepared = prepare(store, freeze=True)
    ready = True
    log.info(
        "ready: %d elections, %d patterns, indexes built in %.2f s (pid %d)",
        prepared.elections,
        prepared.patterns,
        prepared.seconds,
        os.getpid(),
    )
    return application


def create() -> WsgiApp:
    """gunicorn's factory (`bot.slack.wsgi:create()`): settings from the environment and .env."""
    try:
        return build_wsgi()
    except BotError as exc:  # one clear line, no traceback, and gunicorn stops
        print(f"Error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
