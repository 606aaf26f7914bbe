"""Slack's message markup -> the plain question the engine reads."""

from __future__ import annotations

import re

_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]*)>|<(https?://[^>]+)>")
_SPECIAL = re.compile(r"<[!@#][^>]*>")


def to_plain(text: str, *, bot_user_id: str | None = None) -> str:
    """Drop the bot's own mention and every mention or broadcast token; keep link labels; unescape."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = _SPECIAL.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())
