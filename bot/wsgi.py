"""The WSGI entry gunicorn serves (see Procfile): Slack at /slack/events, health at /healthz."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any

from bot import logs
from bot.config import Settings, load_settings
from bot.errors import BotError
from bot.store import Store, load

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def build_wsgi(settings: Settings | None = None, store: Store | None = None) -> WsgiApp:
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from bot.slack_app import build_app

    settings = settings or load_settings()
    settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
    logs.setup(settings.log_level)
    store = store or load(settings.facts_dir)
    slack = SlackRequestHandler(build_app(settings, store), path="/slack/events")

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz" and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n"]
        return slack(environ, start_response)

    return application


def create() -> WsgiApp:
    """gunicorn's factory (`bot.wsgi:create()`): settings from the environment and .env."""
    try:
        return build_wsgi()
    except BotError as exc:  # one clear line, no traceback, and gunicorn stops
        print(f"Error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
