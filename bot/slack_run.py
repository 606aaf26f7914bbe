"""Starting the Slack app (filled in by the Slack issue)."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.errors import BotError


def run_socket_mode(facts: Path | None) -> int:
    raise BotError("the Slack app is not built yet; use `election-bot console`")


def run_from_settings(settings: Settings, facts: Path | None) -> int:
    raise BotError("the Slack app is not built yet; use `election-bot console`")
