"""Socket Mode end to end: Bolt's SocketModeHandler opens a connection through the stand-in
Web API (apps.connections.open) to a local WebSocket server that plays Slack's part."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import slack_payloads
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_requests import dm, mention
from slack_stub import SlackStub
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from bot.answer import examples
from bot.config import Settings
from bot.slack.app import build_app
from bot.slack.wording import WORDS
from bot.store import Store


class SocketSlack:
    """Sends envelopes to whoever connects; collects their acknowledgements."""

    def __init__(self) -> None:
        self.outbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.acks: queue.Queue[dict[str, Any]] = queue.Queue()
        self.server: Server = serve(self._serve, "127.0.0.1", 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link"

    def _serve(self, ws: ServerConnection) -> None:
        ws.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}}))
        try:
            while True:
                try:
                    envelope = self.outbox.get(timeout=0.05)
                    ws.send(json.dumps(envelope))
                except queue.Empty:
                    pass
                with contextlib.suppress(TimeoutError):
                    self.acks.put(json.loads(ws.recv(timeout=0.05)))
        except ConnectionClosed:
            return

    def deliver_payload(self, payload: str, envelope_id: str) -> None:
        self.outbox.put(
            {
                "envelope_id": envelope_id,
                "type": "events_api",
                "accepts_response_payload": False,
                "payload": json.loads(payload),
            }
        )

    def deliver(self, event: dict[str, Any], envelope_id: str) -> None:
        self.outbox.put({
            "envelope_id": envelope_id, "type": "events_api", "accepts_response_payload": False,
            "payload": {"type": "event_callback", "team_id": "T0001", "api_app_id": "A0001", "event_id": f"Ev{envelope_id}", "event": event},
        })  # fmt: skip


@pytest.fixture(params=[None, "signing-secret-also-set"], ids=["tokens", "tokens+secret"])
def socket_bot(real_store: Store, request: pytest.FixtureRequest) -> Iterator[tuple[SlackStub, SocketSlack]]:
    """Socket Mode needs no signing secret, and keeps working with one set (the same settings
    as the web: line, which verifies every HTTP request with it)."""
    stub = SlackStub().start()
    slack = SocketSlack()
    stub.socket_url = slack.url
    settings = Settings(
        slack_bot_token="xoxb-socket-test",
        slack_app_token="xapp-socket-test",
        slack_signing_secret=request.param,
        slack_api_url=stub.api_url,
    )
    handler = SocketModeHandler(build_app(settings, real_store, transport="socket"), app_token=settings.slack_app_token)
    handler.connect()  # type: ignore[no-untyped-call]
    yield stub, slack
    handler.close()  # type: ignore[no-untyped-call]
    slack.server.shutdown()
    stub.stop()


def test_socket_mode_dm_and_mention(socket_bot: tuple[SlackStub, SocketSlack]) -> None:
    stub, slack = socket_bot
    slack.deliver(dm("ALB1 margin"), "env-1")
    slack.deliver(mention("斯莫尔斯说了什么", ts="1700000003.000100"), "env-2")
    calls = stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 2)
    posts = {c.body["channel"]: c.body for c in calls if c.path == "chat.postMessage"}
    assert posts["D0001"]["text"].startswith("ALB1: the union lost by 200 votes")
    assert posts["C0001"]["thread_ts"] == "1700000003.000100"
    assert "骄傲" in posts["C0001"]["text"] or "克里斯蒂安·斯莫斯" in posts["C0001"]["text"]
    acked = {slack.acks.get(timeout=10)["envelope_id"] for _ in range(2)}
    assert acked == {"env-1", "env-2"}
    assert any(
        c.path == "apps.connections.open" and c.headers.get("Authorization") == "Bearer xapp-socket-test" for c in calls
    )


def test_assistant_panel_greets_with_prompts_from_the_store_and_answers_in_its_thread(
    socket_bot: tuple[SlackStub, SocketSlack], real_store: Store
) -> None:
    stub, slack = socket_bot
    thread = "1726133698.626339"
    started = {
        "type": "assistant_thread_started",
        "assistant_thread": {"user_id": "UZH0009", "context": {"channel_id": "C0222", "team_id": "T0001", "enterprise_id": "E0001"}, "channel_id": "D0111", "thread_ts": thread},
        "event_ts": "1726133698.665188",
    }  # fmt: skip
    slack.deliver_payload(slack_payloads.envelope(started), "env-a1")
    calls = stub.wait_for(lambda c: any(x.path == "assistant.threads.setSuggestedPrompts" for x in c))
    greeting = next(c.body for c in calls if c.path == "chat.postMessage")
    assert greeting["channel"] == "D0111" and greeting["thread_ts"] == thread
    assert greeting["text"] == WORDS["assistant_greeting"]["zh"]  # the member's Slack locale is zh-CN
    prompts = next(c.body for c in calls if c.path == "assistant.threads.setSuggestedPrompts")
    assert [x["message"] for x in prompts["prompts"]] == list(examples(real_store, "zh"))[:4]
    assert prompts["thread_ts"] == thread

    stub.reset()
    slack.deliver_payload(
        slack_payloads.envelope(slack_payloads.dm_in_thread("ALB1", channel="D0111", thread_ts=thread)), "env-a2"
    )
    calls = stub.wait_for(lambda c: any(x.path == "chat.postMessage" for x in c))
    status = next(c.body for c in calls if c.path == "assistant.threads.setStatus")
    assert status["status"] == WORDS["thinking"]["en"] and status["thread_ts"] == thread
    answer = next(c.body for c in calls if c.path == "chat.postMessage")
    assert answer["thread_ts"] == thread and answer["text"].startswith("ALB1: 406 no / 206 yes")
