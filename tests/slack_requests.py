"""Requests signed and shaped as Slack sends them."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from itertools import count
from typing import Any

from slack_sdk.signature import SignatureVerifier
from slack_stub import BOT_USER_ID

SIGNING_SECRET = "test-signing-secret-0123456789"
_ids = count(1)


@dataclass
class Reply:
    status: int
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


def send(
    url: str,
    body: str,
    content_type: str,
    *,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
    headers: dict[str, str] | None = None,
    signed: bool = True,
) -> Reply:
    """POST `body` as Slack does: signed with `secret` at `timestamp` (now), or without signature headers."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body),
    }
    request = urllib.request.Request(
        url,
        data=body.encode("utf-8"),
        method="POST",
        headers={"Content-Type": content_type, **(signature if signed else {}), **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return Reply(response.status, response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.read().decode("utf-8"))


def command_body(text: str, response_url: str) -> str:
    return urllib.parse.urlencode({
        "token": "legacy", "team_id": "T0001", "team_domain": "stub", "channel_id": "C0001", "channel_name": "newsroom",
        "user_id": "U0001", "user_name": "reporter", "command": "/election", "text": text, "api_app_id": "A0001",
        "response_url": response_url, "trigger_id": f"trigger.{next(_ids)}",
    })  # fmt: skip


def action_body(action_id: str, value: str, response_url: str, *, channel: str = "C0001") -> str:
    payload = {
        "type": "block_actions", "user": {"id": "U0001", "username": "reporter", "team_id": "T0001"},
        "api_app_id": "A0001", "token": "legacy", "team": {"id": "T0001", "domain": "stub"},
        "container": {"type": "message", "channel_id": channel, "is_ephemeral": True},
        "channel": {"id": channel, "name": "newsroom"}, "trigger_id": f"trigger.{next(_ids)}",
        "response_url": response_url,
        "actions": [{"type": "button", "action_id": action_id, "block_id": "b", "value": value, "action_ts": f"{time.time():.6f}"}],
    }  # fmt: skip
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def event_body(event: dict[str, Any], *, event_id: str | None = None) -> str:
    return json.dumps({
        "token": "legacy", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):08d}", "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": "T0001", "user_id": BOT_USER_ID, "is_bot": True}],
    })  # fmt: skip


def mention(
    text: str, *, ts: str = "1700000000.000100", thread_ts: str | None = None, channel: str = "C0001"
) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": "U0001",
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def dm(text: str, *, user: str = "U0001", channel: str = "D0001", **extra: Any) -> dict[str, Any]:
    ts = f"{time.time():.6f}"
    return {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        **extra,
    }
