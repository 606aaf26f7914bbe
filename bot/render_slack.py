"""Answer -> Slack message (fallback text + Block Kit blocks). Pure.

Every piece of text is escaped for mrkdwn (&, <, >) before any markup is added, so no
reply can carry <!channel>, <!here>, <@U…> or a link the bot didn't write itself.
"""

from __future__ import annotations

from typing import Any

from bot.language import reply_language
from bot.messages import msg
from bot.models import Answer, Kind
from bot.render_text import render_parts
from bot.slack.limits import chunks, safe_cut
from bot.slack.text import to_plain

SECTION_LIMIT = 3000  # characters of text in one section block
MAX_BLOCKS = 50
FALLBACK_LIMIT = 3000
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BAR_WIDTH = 10
POST_ACTION = "post_to_channel"
SUGGESTION_ACTION = "suggestion"  # action ids suggestion_0, suggestion_1 …

Block = dict[str, Any]

POST_LABEL = {"en": "Post to channel", "zh": "发到频道"}
TRUNCATED = {"en": "(answer shortened to fit Slack)", "zh": "（回答过长，已截短）"}


def escape(text: str) -> str:
    """Slack's three control characters, escaped as Slack asks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": text[:limit] or " ", "emoji": False}


def tally_bar(share: float) -> str:
    filled = max(0, min(BAR_WIDTH, round(share / 100 * BAR_WIDTH)))
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def bar_line(answer: Answer, index: int = 0) -> str | None:
    d, e = answer.derived[index], answer.elections[index]
    if d.share_for is None or d.share_against is None:
        return None
    if answer.lang == "zh":
        side, share, other = ("反对", d.share_against, f"赞成 {d.share_for:.1f}%")
        if d.share_for > d.share_against:
            side, share, other = ("赞成", d.share_for, f"反对 {d.share_against:.1f}%")
        return f"`{tally_bar(share)}` {side} {share:.1f}% · {other}"
    if (e.votes_for or 0) > (e.votes_against or 0):
        return f"`{tally_bar(d.share_for)}` {d.share_for:.1f}% yes · {d.share_against:.1f}% no"
    return f"`{tally_bar(d.share_against)}` {d.share_against:.1f}% no · {d.share_for:.1f}% yes"


def _mrkdwn_line(line: str) -> str:
    if line.startswith("> "):
        return ">" + escape(line[2:])
    return escape(line)


def _chunks(lines: list[str]) -> list[str]:
    """Join lines into section texts of at most SECTION_LIMIT characters, splitting only at line ends
    (a single overlong line is split escape-safely, staying quoted: see bot.slack.limits)."""
    return list(chunks(lines, SECTION_LIMIT))


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:SECTION_LIMIT]}]}


def _question_value(question: str) -> str:
    """A question carried in a button to be answered again: plain words, never markup (angle
    brackets mean nothing to the matcher, so none are kept)."""
    return to_plain(question).replace("<", " ").replace(">", " ")[:BUTTON_VALUE_LIMIT]


def button(label: str, action_id: str, value: str, *, primary: bool = False) -> Block:
    element: Block = {
        "type": "button",
        "text": plain(to_plain(label), BUTTON_TEXT_LIMIT),
        "action_id": action_id,
        "value": _question_value(value),
    }
    if primary:
        element["style"] = "primary"
    return element


def slack_message(answer: Answer, *, post_button: bool = False) -> tuple[str, list[Block]]:
    """The fallback text and the blocks of a reply. `post_button` adds "Post to channel"."""
    parts = render_parts(answer)
    lines = [parts.headline, *parts.body]
    footer = parts.source
    body = [f"*{escape(parts.headline)}*", *(_mrkdwn_line(line) for line in parts.body)]
    bar = bar_line(answer) if parts.tally is not None and answer.kind is Kind.answered and answer.derived else None
    if bar and parts.tally is not None:
        body.insert(parts.tally + 1, bar)
    blocks: list[Block] = [section(chunk) for chunk in _chunks(body)]
    if answer.suggestions:
        buttons = [button(s.question, f"{SUGGESTION_ACTION}_{i}", s.question) for i, s in enumerate(answer.suggestions)]
        blocks.append({"type": "actions", "block_id": "suggestions", "elements": buttons})
    reserved = (1 if footer else 0) + (1 if post_button else 0)
    if len(blocks) + reserved > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - reserved - 1], context(escape(TRUNCATED[answer.lang]))]
    if footer:
        blocks.append(context(escape(footer)))
    if post_button:
        label = POST_LABEL[answer.lang]
        blocks.append(
            {
                "type": "actions",
                "block_id": "share",
                "elements": [button(label, POST_ACTION, answer.question, primary=True)],
            }
        )
    fallback = escape("\n".join([*lines, footer] if footer else lines))
    if len(fallback) > FALLBACK_LIMIT:
        fallback = fallback[: safe_cut(fallback, FALLBACK_LIMIT - 1)] + "…"
    return fallback, blocks


def error_message(question: str) -> str:
    """What a member sees when something failed on our side: short, in their language, no details."""
    return msg(reply_language(question.casefold()), "internal_error")
