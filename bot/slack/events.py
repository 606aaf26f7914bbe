"""Events: @mentions (answered in their thread, once, edits updating the reply), DMs (answered
where they were written), App Home, and NLRB case links unfurled to their tally."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import metrics
from bot.slack.home import home_view
from bot.slack.locale import Locales
from bot.slack.recent import Recent
from bot.slack.replies import Replier, conversation_key, post, update
from bot.slack.text import message_text

log = logging.getLogger("election_bot")
# Message subtypes a member writes: plain, with a file attached, a thread reply also sent to the channel.
ANSWERED_SUBTYPES = (None, "file_share", "thread_broadcast")
EDIT_WAIT = 10.0  # seconds an edit waits for the first reply to be posted
CASE_LINK = re.compile(r"nlrb\.gov/case/(\d{2}-[A-Za-z]{2}-\d{5,6})", re.IGNORECASE)


@dataclass
class MentionReply:
    """What a mention asked and where its reply went (set once posted: `posted` tells when)."""

    question: str
    reply_ts: str | None = None
    posted: threading.Event = field(default_factory=threading.Event)


def from_a_bot(event: dict[str, Any], context: BoltContext) -> bool:
    return bool(
        event.get("bot_id") or event.get("subtype") == "bot_message" or event.get("user") == context.bot_user_id
    )


def register(app: App, replier: Replier, locales: Locales) -> None:
    mentions: Recent[MentionReply] = Recent(size=10_000, ttl=24 * 3600.0)
    by_case = {e.case_number.upper(): e for e in replier.store.elections.values() if e.case_number}

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        if from_a_bot(event, context):
            return  # two bots must never ping-pong
        question = message_text(event, bot_user_id=context.bot_user_id)
        channel, thread = event["channel"], event.get("thread_ts") or event["ts"]
        key = conversation_key(context.team_id, channel, thread)
        message = f"{context.team_id}:{channel}:{event['ts']}"
        if event.get("edited"):  # Slack re-sends an edited mention under a new event id
            prior = mentions.get(message)
            if prior is not None:
                prior.posted.wait(EDIT_WAIT)  # an edit can overtake the first reply
            if prior is None or prior.reply_ts is None or prior.question == question:
                log.info("edited mention %s: reply kept as it is", event["ts"])
                return
            update(client, replier.reply(question, "mention_edit", key=key), channel=channel, ts=prior.reply_ts)
            edited = MentionReply(question, prior.reply_ts)
            edited.posted.set()
            mentions.put(message, edited)
            return
        record = MentionReply(question)
        if not mentions.first_time(message, record):
            return
        record.reply_ts = post(client, replier.reply(question, "mention", key=key), channel=channel, thread_ts=thread)
        record.posted.set()

    @app.event("message")
    def on_message(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") not in ANSWERED_SUBTYPES:
            return  # edits, deletions, joins, and anything outside DMs
        if from_a_bot(event, context):
            return
        question = message_text(event, bot_user_id=context.bot_user_id)
        if not question:
            return  # a file with no words: nothing was asked
        channel, thread = event["channel"], event.get("thread_ts")
        reply = replier.reply(question, "dm", key=conversation_key(context.team_id, channel, thread))
        post(client, reply, channel=channel, **({"thread_ts": thread} if thread else {}))

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return  # the Messages tab
        view = home_view(replier.store, locales.lang(client, event.get("user")))
        try:
            client.views_publish(user_id=event["user"], view=view)
        except SlackApiError as exc:
            metrics.count_api_error("views.publish", str(exc.response.get("error")))
            log.error("views.publish failed: error=%s", exc.response.get("error"))

    @app.event("link_shared")
    def on_link(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        unfurls: dict[str, Any] = {}
        for link in event.get("links", []):
            found = CASE_LINK.search(link.get("url", ""))
            election = by_case.get(found.group(1).upper()) if found else None
            if election is None:
                continue
            reply = replier.reply(election.code or election.id, "unfurl", feedback=False)
            if reply.answer and reply.answer.elections[:1] and reply.answer.elections[0].id == election.id:
                unfurls[link["url"]] = {"blocks": reply.blocks}
        if not unfurls:
            return
        try:
            client.chat_unfurl(channel=event["channel"], ts=event["message_ts"], unfurls=unfurls)
        except SlackApiError as exc:
            metrics.count_api_error("chat.unfurl", str(exc.response.get("error")))
            log.error("chat.unfurl failed: error=%s", exc.response.get("error"))
