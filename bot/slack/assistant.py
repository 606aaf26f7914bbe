"""The assistant panel ("Agents & AI Apps"), through Bolt's Assistant middleware: a greeting
with suggested prompts drawn from the store, a status while answering, answers in the
assistant thread. Bolt routes every threaded DM from a member here, so a reply inside any DM
thread is also answered in that thread."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, Assistant, BoltContext, Say, SetStatus, SetSuggestedPrompts
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answer import examples
from bot.slack.locale import Locales
from bot.slack.replies import Replier, conversation_key, lang_of, post
from bot.slack.text import message_text
from bot.slack.wording import say as words

log = logging.getLogger("election_bot")
PROMPTS = 4  # Slack shows at most four suggested prompts
PROMPT_TITLE_LIMIT = 75


def register(app: App, replier: Replier, locales: Locales) -> None:
    assistant = Assistant()

    @assistant.thread_started
    def on_started(
        event: dict[str, Any], say: Say, set_suggested_prompts: SetSuggestedPrompts, client: WebClient
    ) -> None:
        lang = locales.lang(client, (event.get("assistant_thread") or {}).get("user_id"))
        say(words(lang, "assistant_greeting"))
        prompts = [{"title": q[:PROMPT_TITLE_LIMIT], "message": q} for q in examples(replier.store, lang)[:PROMPTS]]
        if prompts:
            set_suggested_prompts(prompts=prompts, title=words(lang, "assistant_prompts_title"))

    @assistant.thread_context_changed
    def on_context_changed() -> None:
        """The channel the member is looking at changes nothing: answers come from the store."""

    @assistant.user_message
    def on_message(event: dict[str, Any], set_status: SetStatus, client: WebClient, context: BoltContext) -> None:
        question = message_text(event, bot_user_id=context.bot_user_id)
        if not question:
            return
        channel, thread = context.channel_id or event["channel"], context.thread_ts or event.get("thread_ts")
        try:
            set_status(words(lang_of(question), "thinking"))
        except SlackApiError as exc:  # an ordinary DM thread has no assistant status
            log.debug("assistant.threads.setStatus failed: %s", exc.response.get("error"))
        reply = replier.reply(question, "assistant", key=conversation_key(context.team_id, channel, thread))
        post(client, reply, channel=channel, thread_ts=thread)

    app.assistant(assistant)
