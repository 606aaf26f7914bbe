"""Slack's message markup -> the plain question the engine reads. Pure.

Slack sends `&`, `<`, `>` escaped and wraps everything special in angle brackets:
mentions `<@U…>`, channels `<#C…|name>`, broadcasts `<!here>`, dates
`<!date^1392734382^{date}|Feb 18th>`, links `<https://…|label>`, `<mailto:a@b.org|a@b.org>`.
A link or a date becomes its readable text (a label is read as words); every mention and
broadcast is dropped, so nothing the member typed can ping anyone when it is echoed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_LINK = re.compile(r"<((?:https?|mailto|tel|slack):[^|>]*)(?:\|([^>]*))?>")
_DATE = re.compile(r"<!date\^[^|>]*\|([^>]*)>")
_SPECIAL = re.compile(r"<[!@#][^>]*>")


def _link(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if label:
        return label
    return target.removeprefix("mailto:").removeprefix("tel:")


def to_plain(text: str, *, bot_user_id: str | None = None) -> str:
    """Drop the bot's own mention and every mention or broadcast token; keep link labels and
    date fallbacks; unescape."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    text = _LINK.sub(_link, text)
    text = _DATE.sub(lambda m: m.group(1), text)
    text = _SPECIAL.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def _rich_text(elements: Iterable[Mapping[str, Any]]) -> Iterable[str]:
    for element in elements:
        kind = element.get("type")
        if kind in ("text", "link"):
            yield element.get("text") or element.get("url") or ""
        elif kind == "date":
            yield element.get("fallback", "")
        elif "elements" in element:
            yield from _rich_text(element["elements"])
            yield " "


def message_text(message: Mapping[str, Any], *, bot_user_id: str | None = None) -> str:
    """The question in a message or mention event: its `text`, or, when a client sent only
    rich_text blocks, the words in them (mentions and broadcasts left out, as above)."""
    text = message.get("text") or ""
    if text.strip():
        return to_plain(text, bot_user_id=bot_user_id)
    words = "".join(_rich_text(b for b in message.get("blocks") or () if b.get("type") == "rich_text"))
    return " ".join(words.split())
