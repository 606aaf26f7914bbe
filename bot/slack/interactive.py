"""The slash command, the buttons on answers, and the message shortcut. Each acknowledges
first; the answer follows through the request's response_url."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.render_slack import POST_ACTION, SUGGESTION_ACTION, escape
from bot.render_slack import context as context_block
from bot.slack.locale import Locales
from bot.slack.replies import FEEDBACK_ACTIONS, MORE_ACTION, Replier, Reply, conversation_key, lang_of, respond_with
from bot.slack.text import message_text, to_plain
from bot.slack.wording import say

log = logging.getLogger("election_bot")
COMMAND = "/election"
SHORTCUT = "ask_about_message"  # callback_id in manifest.yml


def _is_public(body: dict[str, Any]) -> bool:
    """Whether the pressed button sits on a message everyone sees (a mention's answer, a post)."""
    return not (body.get("container") or {}).get("is_ephemeral", False)


def _thread(body: dict[str, Any]) -> str | None:
    """The thread of the message a button sits on, so a private answer lands beside it."""
    return (body.get("message") or {}).get("thread_ts")


def register(app: App, replier: Replier, locales: Locales) -> None:
    @app.command(COMMAND)
    def on_command(
        ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
    ) -> None:
        ack()  # first: Slack gives 3 s for this, and the answer follows through the response_url
        question = to_plain(command.get("text", ""))
        lang = None if question else locales.lang(client, command.get("user_id"))
        # Private answers, so a private conversation: one per member per channel (in a channel the
        # bare `team:channel` key would let one member's question steer another's follow-up).
        key = conversation_key(context.team_id, command.get("channel_id", ""), command.get("user_id"))
        reply = replier.reply(question, "command", key=key, lang=lang, post_button=True)
        respond_with(respond, reply, response_type="ephemeral")

    @app.action(POST_ACTION)
    def on_post(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        """Share an ephemeral answer: post it through the response_url `in_channel` (works wherever
        the command was typed, DMs between two people included), then remove the private copy."""
        ack()
        reply = replier.reply(action.get("value", ""), "post_button", feedback=False)
        if reply.answer is None:
            respond_with(respond, reply, response_type="ephemeral", replace_original=False)
            return
        user = body.get("user") or {}
        name = user.get("username") or user.get("name") or user.get("id", "")
        shared = say(reply.lang, "shared_by", name=escape(name))
        public = Reply(f"{reply.text}\n{shared}", [*reply.blocks, context_block(shared)], reply.answer, reply.lang)
        if respond_with(respond, public, response_type="in_channel", replace_original=False):
            respond(delete_original=True)
        else:
            respond(text=say(reply.lang, "post_failed"), response_type="ephemeral", replace_original=False)

    @app.action(re.compile(rf"^{SUGGESTION_ACTION}_\d+$"))
    def on_suggestion(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        """A suggestion pressed on a private answer replaces it; on a public one, the presser gets
        the answer privately (in the thread) and the public message stays as everyone saw it."""
        ack()
        public = _is_public(body)
        reply = replier.reply(action.get("value", ""), "suggestion_button", post_button=not public)
        if public:
            respond_with(respond, reply, response_type="ephemeral", replace_original=False, thread_ts=_thread(body))
        else:
            respond_with(respond, reply, response_type="ephemeral", replace_original=True)

    @app.action(MORE_ACTION)
    def on_more(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        page, _, question = action.get("value", "").partition("|")
        public = _is_public(body)
        reply = replier.reply(
            question, "more", page=int(page) if page.isdigit() else 1, post_button=not public, feedback=False
        )
        respond_with(respond, reply, response_type="ephemeral", replace_original=False, thread_ts=_thread(body))

    @app.action(re.compile(rf"^({'|'.join(FEEDBACK_ACTIONS)})$"))
    def on_feedback(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        question = action.get("value", "")
        verdict = "down" if action["action_id"] == "feedback_down" else "up"
        user = (body.get("user") or {}).get("id")
        (log.warning if verdict == "down" else log.info)(
            "feedback=%s user=%s question=%r", verdict, user, question[:300]
        )
        respond(
            text=say(lang_of(question), "feedback_thanks"),
            response_type="ephemeral",
            replace_original=False,
            thread_ts=_thread(body),
        )

    @app.shortcut(SHORTCUT)
    def on_shortcut(ack: Ack, shortcut: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        """ "Ask election-bot about this message": the message's text, answered privately."""
        ack()
        message = shortcut.get("message") or {}
        question = message_text(message, bot_user_id=context.bot_user_id)
        if not question:
            respond(text=say("en", "shortcut_no_text"), response_type="ephemeral")
            return
        # A one-off private question about someone's message: it starts no conversation, so it
        # can't steer the follow-ups of the thread the message sits in.
        respond_with(respond, replier.reply(question, "shortcut"), response_type="ephemeral")
