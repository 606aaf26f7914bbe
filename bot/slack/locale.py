"""A member's language from their Slack locale (`users.info` with `include_locale`, which
needs the `users:read` scope). Without the scope, or on any error: English."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.models import Lang
from bot.slack.recent import Recent

log = logging.getLogger("election_bot")


class Locales:
    def __init__(self) -> None:
        self._langs: Recent[Lang] = Recent(size=10_000, ttl=3600.0)

    def lang(self, client: WebClient, user: str | None) -> Lang:
        if not user:
            return "en"
        known = self._langs.get(user)
        if known:
            return known
        try:
            member: dict[str, Any] = client.users_info(user=user, include_locale=True).get("user") or {}
        except SlackApiError as exc:
            log.info("users.info failed (%s): answering in English", exc.response.get("error"))
            return "en"
        except OSError as exc:
            log.info("users.info failed (%s): answering in English", type(exc).__name__)
            return "en"
        lang: Lang = "zh" if str(member.get("locale") or "").lower().startswith("zh") else "en"
        self._langs.put(user, lang)
        return lang
