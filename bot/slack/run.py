"""Starting the Slack app: Socket Mode in-process, or HTTP through gunicorn."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from bot import logs
from bot.config import ConfigError, Settings, load_settings
from bot.store import load

SOCKET_MODE_OAUTH = (
    "Socket Mode serves one workspace (SLACK_BOT_TOKEN); installing in many workspaces "
    "(SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET) needs HTTP mode: `make run` or the Procfile's web line"
)
PROCFILE = Path(__file__).resolve().parents[2] / "Procfile"


def run_socket_mode(facts: Path | None, settings: Settings | None = None) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.slack.app import build_app
    from bot.slack.conversations import EngineConversations
    from bot.state import state_from_settings
    from bot.warm import prepare

    settings = settings or load_settings()
    if settings.oauth_configured:
        raise ConfigError(SOCKET_MODE_OAUTH)
    settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    logs.setup(settings.log_level)
    store = load(facts or settings.facts_dir)
    state = state_from_settings(settings)  # event ids and conversations, shared when REDIS_URL is set
    app = build_app(settings, store, transport="socket", seen=state, conversations=EngineConversations(store, state))
    prepare(store)  # before connecting: the first event must not pay for the indexes
    print("Connecting to Slack over Socket Mode. Ctrl-C to stop.", file=sys.stderr)
    SocketModeHandler(app, app_token=settings.slack_app_token).start()  # type: ignore[no-untyped-call]
    return 0


def web_command(port: int) -> list[str]:
    """The Procfile's `web:` command, with $PORT filled in."""
    for line in PROCFILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("web:"):
            return [word.replace("$PORT", str(port)) for word in shlex.split(line.removeprefix("web:"))]
    raise RuntimeError("Procfile has no web: line")


def run_from_settings(settings: Settings, facts: Path | None) -> int:
    if settings.socket_mode:
        return run_socket_mode(facts, settings)
    settings.require(*settings.http_variables)
    if facts:
        os.environ["FACTS_DIR"] = str(facts)
    command = web_command(settings.port)
    print(f"Serving Slack over HTTP on port {settings.port} (/slack/events).", file=sys.stderr)
    os.execvp(command[0], command)
