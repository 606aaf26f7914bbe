"""manifest.yml declares exactly what the code handles: every subscribed event is answered by a
listener (Bolt answers 404 for one nobody handles), and every scope says why it is there."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import slack_payloads as p
from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_stub import SlackStub

from bot.config import Settings
from bot.models import Answer
from bot.slack.app import build_app
from bot.store import Store

MANIFEST = Path(__file__).resolve().parent.parent / "manifest.yml"


def _list(key: str) -> list[tuple[str, str]]:
    """(item, comment) under `key:` in the manifest (a flat YAML list)."""
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip() == f"{key}:")
    items = []
    for line in lines[start + 1 :]:
        found = re.match(r"\s*- ([\w.:]+)\s*(?:#\s*(.*))?$", line)
        if not found:
            break
        items.append((found.group(1), found.group(2) or ""))
    return items


SAMPLES = {
    "app_mention": p.mention("ALB1", channel="C0001", ts="1700000000.000100"),
    "message.im": p.dm_file_share("ALB1", channel="D0001"),
    "app_home_opened": p.home_opened("U0001"),
    "link_shared": p.link_shared("https://www.nlrb.gov/case/29-RC-288020", channel="C0001"),
    "assistant_thread_started": {
        "type": "assistant_thread_started",
        "assistant_thread": {"user_id": "U0001", "context": {}, "channel_id": "D0001", "thread_ts": "1.0"},
        "event_ts": "1.1",
    },
    "assistant_thread_context_changed": {
        "type": "assistant_thread_context_changed",
        "assistant_thread": {"user_id": "U0001", "context": {"channel_id": "C0002"}, "channel_id": "D0001", "thread_ts": "1.0"},
        "event_ts": "1.2",
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def app(real_store: Store) -> Iterator[App]:
    stub = SlackStub().start()
    settings = Settings(slack_bot_token="xoxb-m", slack_app_token="xapp-m", slack_api_url=stub.api_url)
    yield build_app(settings, real_store, transport="socket")
    stub.stop()


def test_every_subscribed_event_has_a_listener(app: App) -> None:
    subscribed = [name for name, _ in _list("bot_events")]
    assert sorted(subscribed) == sorted(SAMPLES)
    for name in subscribed:
        response = app.dispatch(BoltRequest(body=p.envelope(SAMPLES[name]), mode="socket_mode"))
        assert response.status == 200, name


def test_an_event_nobody_handles_is_not_subscribed(app: App) -> None:
    unhandled = {
        "type": "reaction_added",
        "user": "U0001",
        "reaction": "+1",
        "item": {"type": "message"},
        "event_ts": "1",
    }
    assert app.dispatch(BoltRequest(body=p.envelope(unhandled), mode="socket_mode")).status == 404
    assert "reaction_added" not in json.dumps(_list("bot_events"))


def test_every_scope_says_why() -> None:
    scopes = _list("bot")
    assert {s for s, _ in scopes} == {
        "commands", "app_mentions:read", "im:history", "chat:write", "users:read", "links:read", "links:write", "assistant:write",
    }  # fmt: skip
    assert all(len(why) > 10 for _, why in scopes)


class RecordingConversations:
    def __init__(self, store: Store) -> None:
        self.keys: list[str] = []
        self.store = store

    def ask(self, question: str, key: str) -> Answer:
        from bot.answer import answer

        self.keys.append(key)
        return answer(question, self.store)


def test_each_surface_asks_in_its_conversation(real_store: Store) -> None:
    """The conversation seam gets `team:channel:thread_ts-or-channel` (CONTRACT.md)."""
    stub = SlackStub().start()
    try:
        conversations = RecordingConversations(real_store)
        settings = Settings(slack_bot_token="xoxb-c", slack_app_token="xapp-c", slack_api_url=stub.api_url)
        app = build_app(settings, real_store, transport="socket", conversations=conversations)
        for event in (
            p.mention("ALB1", channel="C0007", ts="1700000007.000100"),
            p.dm_file_share("ALB1", channel="D0007"),
            p.dm_in_thread("ALB1 margin", channel="D0008", thread_ts="1700000008.000100"),
        ):
            assert app.dispatch(BoltRequest(body=p.envelope(event), mode="socket_mode")).status == 200
        stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) == 3)
    finally:
        stub.stop()
    assert sorted(conversations.keys) == [
        "T0001:C0007:1700000007.000100",
        "T0001:D0007:D0007",
        "T0001:D0008:1700000008.000100",
    ]
