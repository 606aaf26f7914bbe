"""From a question to a Slack message that fits, and getting it delivered.

`Replier.reply` answers (through the conversation seam when one is wired), renders, adds the
feedback buttons, and pages a long answer behind a "More" button. `post` and `respond_with`
deliver it; a message Slack rejects for its size is sent again, once, as plain text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import metrics, official
from bot.answer import help_answer
from bot.matcher import is_cjk
from bot.models import Answer, Kind, Lang
from bot.render_slack import button, error_message, slack_message
from bot.slack.limits import Block, paginate
from bot.slack.wording import say
from bot.store import Store

log = logging.getLogger("election_bot")
MORE_ACTION = "more"
FEEDBACK_ACTIONS = ("feedback_up", "feedback_down")
SIZE_ERRORS = frozenset({"msg_blocks_too_long", "invalid_blocks", "msg_too_long", "too_many_blocks"})


class Conversations(Protocol):
    """The seam for follow-up questions: answer `question` in the conversation `key`
    (`team:channel:thread_ts-or-channel`), reading and writing its context."""

    def ask(self, question: str, key: str) -> Answer: ...


def conversation_key(team: str | None, channel: str, thread_ts: str | None) -> str:
    return f"{team or '-'}:{channel}:{thread_ts or channel}"


@dataclass(frozen=True)
class Reply:
    text: str
    blocks: list[Block]
    answer: Answer | None
    lang: Lang


class Replier:
    def __init__(
        self,
        store: Store,
        answerer: Callable[[str, Store], Answer],
        *,
        conversations: Conversations | None = None,
    ) -> None:
        self.store, self._answerer, self._conversations = store, answerer, conversations

    def _answer(self, question: str, key: str | None, lang: Lang | None) -> Answer:
        if not question.strip() and lang:
            return help_answer(question, lang, self.store)  # usage in the member's language
        if self._conversations is not None and key is not None:
            return self._conversations.ask(question, key)
        return self._answerer(question, self.store)

    def reply(
        self,
        question: str,
        surface: str,
        *,
        key: str | None = None,
        lang: Lang | None = None,
        post_button: bool = False,
        feedback: bool = True,
        page: int = 1,
    ) -> Reply:
        """The answer as a Slack message (page `page` of it); if answering fails, a short apology."""
        started = time.perf_counter()
        try:
            a = self._answer(question, key, lang)
            listed = official.pages(a)  # an NLRB list: one page of elections per message, "More" for the next
            if listed > 1:
                a = official.page(a, self.store, page - 1)
            text, blocks = slack_message(a, post_button=post_button and a.answered)
        except Exception as exc:  # a member must never see a traceback or be left without a reply
            metrics.observe_answer(surface, None, time.perf_counter() - started)
            log.error("answering failed surface=%s: %s: %s", surface, type(exc).__name__, exc)
            apology = error_message(question)
            blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": apology}}]
            return Reply(apology, blocks, None, lang_of(question))
        _log_request(surface, a, started)
        if feedback and a.kind is not Kind.help:
            blocks.append(feedback_block(a))
        pages = paginate(blocks)
        if listed > 1:  # the page of elections is the page: its blocks fit one message, or the first does
            page, count, blocks = a.official_page + 1, listed, pages[0]
        else:
            page = max(1, min(page, len(pages)))
            count, blocks = len(pages), pages[page - 1]
        if page < count:
            label = say(a.lang, "more", page=page + 1, pages=count)
            blocks.append(
                {
                    "type": "actions",
                    "block_id": "more",
                    "elements": [button(label, MORE_ACTION, f"{page + 1}|{question}")],
                }
            )
        return Reply(text, blocks, a, a.lang)


def feedback_block(a: Answer) -> Block:
    up, down = (button(say(a.lang, k), k, a.question) for k in FEEDBACK_ACTIONS)
    return {"type": "actions", "block_id": "feedback", "elements": [up, down]}


def lang_of(text: str) -> Lang:
    return "zh" if is_cjk(text) else "en"


def _log_request(surface: str, a: Answer, started: float) -> None:
    ms = (time.perf_counter() - started) * 1000
    metrics.observe_answer(surface, a.answered, ms / 1000)
    log.info("request surface=%s intent=%s answered=%s latency_ms=%.1f", surface, a.intent.value, a.answered, ms)
    if not a.answered:
        log.info("unanswered surface=%s question=%r", surface, a.question[:300])


def post(client: WebClient, reply: Reply, **where: Any) -> str | None:
    """chat.postMessage (retried once as plain text if Slack rejects the blocks' size); the
    new message's ts, or None. Failures are logged once, without tokens, and not retried blindly."""
    try:
        try:
            response = client.chat_postMessage(
                text=reply.text, blocks=reply.blocks, unfurl_links=False, unfurl_media=False, **where
            )
        except SlackApiError as exc:
            if exc.response.get("error") not in SIZE_ERRORS:
                raise
            log.warning("chat.postMessage rejected for size (%s): sent as plain text", exc.response.get("error"))
            response = client.chat_postMessage(text=reply.text, unfurl_links=False, unfurl_media=False, **where)
    except SlackApiError as exc:
        metrics.count_api_error("chat.postMessage", str(exc.response.get("error")))
        log.error("chat.postMessage failed: status=%s error=%s", exc.response.status_code, exc.response.get("error"))
        return None
    except OSError as exc:
        metrics.count_api_error("chat.postMessage", type(exc).__name__)
        log.error("chat.postMessage failed: %s", type(exc).__name__)
        return None
    ts = response.get("ts")
    return str(ts) if ts else None


def update(client: WebClient, reply: Reply, *, channel: str, ts: str) -> None:
    try:
        client.chat_update(channel=channel, ts=ts, text=reply.text, blocks=reply.blocks)
    except SlackApiError as exc:
        metrics.count_api_error("chat.update", str(exc.response.get("error")))
        log.error("chat.update failed: status=%s error=%s", exc.response.status_code, exc.response.get("error"))
    except OSError as exc:
        metrics.count_api_error("chat.update", type(exc).__name__)
        log.error("chat.update failed: %s", type(exc).__name__)


def respond_with(respond: Callable[..., Any], reply: Reply, **options: Any) -> bool:
    """respond() through the response_url; a size rejection is retried once as plain text.
    Whether Slack took it."""
    try:
        response = respond(text=reply.text, blocks=reply.blocks, **options)
        body = str(response.body)
        if response.status_code >= 400 and any(e in body for e in SIZE_ERRORS):
            log.warning("response_url rejected the message for size (%s): sent as plain text", body[:60])
            response = respond(text=reply.text, **options)
    except OSError as exc:
        metrics.count_api_error("response_url", type(exc).__name__)
        log.error("response_url post failed: %s", type(exc).__name__)
        return False
    if response.status_code >= 400:
        metrics.count_api_error("response_url", str(response.status_code))
        log.error("response_url post failed: status=%s body=%s", response.status_code, str(response.body)[:100])
        return False
    return True
