"""The App Home tab: what the bot knows (counts from the store), example questions in the
member's language, and the latest elections. Pure: store + language -> a `home` view."""

from __future__ import annotations

from typing import Any

from bot.answer import examples
from bot.models import Election, Lang
from bot.render_slack import escape
from bot.slack.wording import say
from bot.store import Store

LATEST = 5


def latest(store: Store, n: int = LATEST) -> list[Election]:
    """The `n` elections with the latest tally dates (partial dates sort as written)."""
    dated = [e for e in store.elections.values() if e.tally_date]
    return sorted(dated, key=lambda e: (e.tally_date or "", e.id), reverse=True)[:n]


def _line(e: Election, lang: Lang) -> str:
    place = ", ".join(p for p in (e.city, e.state) if p)
    tally = f"{e.votes_for} / {e.votes_against}" if e.votes_for is not None and e.votes_against is not None else ""
    if lang == "zh":
        tally = f"赞成 {e.votes_for} / 反对 {e.votes_against}" if tally else ""
    elif tally:
        tally = f"{e.votes_for} yes / {e.votes_against} no"
    parts = [f"*{escape(e.label)}*", escape(e.employer), escape(place), escape(e.tally_date or ""), tally]
    return " · ".join(p for p in parts if p)


def home_view(store: Store, lang: Lang) -> dict[str, Any]:
    knows = say(
        lang,
        "home_knows",
        elections=len(store.elections),
        people=len(store.people),
        organisations=len(store.organisations),
        quotes=len(store.quotes),
        sources=len(store.sources),
    )
    asks = "\n".join(f"• {escape(q)}" for q in examples(store, lang))
    recent = "\n".join(_line(e, lang) for e in latest(store)) or "—"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": say(lang, "home_title")}},
        {"type": "section", "text": {"type": "mrkdwn", "text": knows}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": say(lang, "home_ask")}]},
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": say(lang, "home_examples")}},
        {"type": "section", "block_id": "examples", "text": {"type": "mrkdwn", "text": asks or "—"}},
        {"type": "header", "text": {"type": "plain_text", "text": say(lang, "home_latest")}},
        {"type": "section", "block_id": "latest", "text": {"type": "mrkdwn", "text": recent[:3000]}},
    ]
    return {"type": "home", "blocks": blocks}
