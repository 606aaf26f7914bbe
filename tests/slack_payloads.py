"""Payloads shaped as Slack sends them, copied from the shapes in slack-bolt's own
tests/scenario_tests (test_message_file_share.py, test_message_thread_broadcast.py,
test_events_assistant.py, test_events_org_apps.py, test_shortcut.py) with our ids: every
field Slack sends, Enterprise Grid ones included, not a hand-minimal subset."""

from __future__ import annotations

import json
import time
import urllib.parse
from itertools import count
from typing import Any

from slack_stub import BOT_USER_ID

TEAM, ENTERPRISE = "T0001", "E0001"
_ids = count(1)


def envelope(event: dict[str, Any], *, event_id: str | None = None, grid: bool = True) -> str:
    """An event_callback as Bolt's tests build it (Enterprise Grid fields when `grid`)."""
    body: dict[str, Any] = {
        "token": "verification-token",
        "team_id": TEAM,
        "api_app_id": "A0001",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"EvP{next(_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [
            {"enterprise_id": ENTERPRISE if grid else None, "team_id": TEAM, "user_id": BOT_USER_ID, "is_bot": True, "is_enterprise_install": False}
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJ{next(_ids)}",
    }  # fmt: skip
    if grid:
        body["enterprise_id"] = ENTERPRISE
    return json.dumps(body)


def rich_text(text: str) -> list[dict[str, Any]]:
    return [
        {
            "type": "rich_text",
            "block_id": f"b{next(_ids)}",
            "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}],
        }
    ]


def _ts() -> str:
    return f"{time.time():.6f}"


def dm_file_share(text: str, *, channel: str) -> dict[str, Any]:
    ts = _ts()
    return {
        "type": "message", "text": text,
        "files": [{
            "id": "F0001", "created": 1652227642, "timestamp": 1652227642, "name": "tally.png", "title": "tally.png",
            "mimetype": "image/png", "filetype": "png", "pretty_type": "PNG", "user": "U0001", "editable": False,
            "size": 92582, "mode": "hosted", "is_external": False, "external_type": "", "is_public": False,
            "public_url_shared": False, "display_as_bot": False, "username": "",
            "url_private": "https://files.slack.com/files-pri/T0001-F0001/tally.png",
            "permalink": "https://stub.slack.com/files/U0001/F0001/tally.png", "has_rich_preview": False,
        }],
        "upload": False, "user": "U0001", "display_as_bot": False, "ts": ts, "blocks": rich_text(text),
        "client_msg_id": "ca088267-717f-41a8-9db8-c98ae14ad6a0", "channel": channel, "subtype": "file_share",
        "event_ts": ts, "channel_type": "im",
    }  # fmt: skip


def dm_thread_broadcast(text: str, *, channel: str, thread_ts: str) -> dict[str, Any]:
    ts = _ts()
    return {
        "type": "message", "subtype": "thread_broadcast", "text": text, "user": "U0001", "ts": ts,
        "thread_ts": thread_ts,
        "root": {
            "client_msg_id": "111-222-333-444-555", "type": "message", "text": "LDJ5", "user": "U0001",
            "ts": thread_ts, "team": TEAM, "thread_ts": thread_ts, "reply_count": 2, "reply_users_count": 1,
            "latest_reply": ts, "reply_users": ["U0001"], "is_locked": False,
        },
        "client_msg_id": "111-222-333-444-666", "channel": channel, "event_ts": ts, "channel_type": "im",
        "blocks": rich_text(text),
    }  # fmt: skip


def dm_in_thread(text: str, *, channel: str, thread_ts: str, user: str = "U0001") -> dict[str, Any]:
    """A member's reply inside a DM thread (the shape of an assistant thread's user message)."""
    ts = _ts()
    return {
        "user": user, "type": "message", "ts": ts, "text": text, "team": TEAM, "user_team": TEAM,
        "source_team": TEAM, "user_profile": {}, "thread_ts": thread_ts, "parent_user_id": user,
        "channel": channel, "event_ts": ts, "channel_type": "im", "blocks": rich_text(text),
    }  # fmt: skip


def mention(text: str, *, channel: str, ts: str, edited: bool = False, bot_id: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "client_msg_id": f"c{next(_ids)}", "type": "app_mention", "text": f"<@{BOT_USER_ID}> {text}", "user": "U0001",
        "ts": ts, "team": TEAM, "blocks": rich_text(text), "channel": channel, "event_ts": ts,
    }  # fmt: skip
    if edited:
        event["edited"] = {"user": "U0001", "ts": _ts()}
        event["event_ts"] = _ts()
    if bot_id:
        event |= {"bot_id": bot_id, "user": "U0BOT", "bot_profile": {"id": bot_id, "name": "otherbot", "team_id": TEAM}}
    return event


def rate_limited() -> str:
    return json.dumps({
        "token": "verification-token", "type": "app_rate_limited", "team_id": TEAM,
        "minute_rate_limited": 1518467820, "api_app_id": "A0001",
    })  # fmt: skip


def home_opened(user: str) -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home", "event_ts": _ts()}


def link_shared(url: str, *, channel: str) -> dict[str, Any]:
    ts = _ts()
    return {
        "type": "link_shared", "channel": channel, "is_bot_user_member": True, "user": "U0001", "message_ts": ts,
        "unfurl_id": f"C{next(_ids)}.{ts}.abc", "thread_ts": None, "source": "conversations_history",
        "links": [{"domain": "nlrb.gov", "url": url}], "event_ts": ts,
    }  # fmt: skip


def message_shortcut(text: str, response_url: str, *, channel: str = "C0001") -> str:
    payload = {
        "type": "message_action", "token": "verification-token", "action_ts": _ts(),
        "team": {"id": TEAM, "domain": "stub", "enterprise_id": ENTERPRISE, "enterprise_name": "Org Name"},
        "user": {"id": "U0001", "username": "reporter", "team_id": TEAM, "name": "reporter"},
        "channel": {"id": channel, "name": "newsroom"}, "is_enterprise_install": False,
        "enterprise": {"id": ENTERPRISE, "name": "Org Name"},
        "callback_id": "ask_about_message", "trigger_id": "111.111.xxxxxx", "response_url": response_url,
        "message_ts": "1700000000.000100",
        "message": {"client_msg_id": "m1", "type": "message", "text": text, "user": "U0002", "ts": "1700000000.000100",
                    "team": TEAM, "blocks": rich_text(text)},
    }  # fmt: skip
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def button_on_public_message(action_id: str, value: str, response_url: str, *, channel: str, thread_ts: str) -> str:
    payload = {
        "type": "block_actions", "user": {"id": "U0002", "username": "editor", "name": "editor", "team_id": TEAM},
        "api_app_id": "A0001", "token": "verification-token",
        "container": {"type": "message", "message_ts": "1700000009.000900", "channel_id": channel, "is_ephemeral": False, "thread_ts": thread_ts},
        "trigger_id": "t.1", "team": {"id": TEAM, "domain": "stub", "enterprise_id": ENTERPRISE},
        "enterprise": {"id": ENTERPRISE, "name": "Org Name"}, "is_enterprise_install": False,
        "channel": {"id": channel, "name": "newsroom"},
        "message": {"type": "message", "user": BOT_USER_ID, "ts": "1700000009.000900", "thread_ts": thread_ts, "text": "…"},
        "response_url": response_url,
        "actions": [{"type": "button", "action_id": action_id, "block_id": "suggestions", "text": {"type": "plain_text", "text": value},
                     "value": value, "action_ts": _ts()}],
    }  # fmt: skip
    return urllib.parse.urlencode({"payload": json.dumps(payload)})
