"""The floor for the Slack HTTP bench: a Bolt app that acks /election with fixed text, served
by the same gunicorn command as the bot."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient


def create() -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
    app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"], client=client)

    @app.command("/election")
    def on_command(ack: Callable[..., None]) -> None:
        ack(text="ok")

    return SlackRequestHandler(app)
