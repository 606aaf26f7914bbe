"""A stand-in for Slack's Web API on 127.0.0.1: records what the bot sends, fails when told to,
and rejects messages Slack would reject for their shape or size.

Every block is parsed and validated by slack-sdk's own Block Kit models (section text <= 3,000
characters, button label <= 75, value <= 2,000, ...); a message may hold 50 blocks, 40,000
characters of text, and about 13,200 characters of text across its blocks (Slack answers
`msg_blocks_too_long` beyond that: measured in slackapi/bolt-js#2509)."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

BOT_USER_ID = "UBOT0001"
BOT_ID = "BBOT0001"
MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_TEXT = 40_000
MAX_BLOCKS_TEXT = 13_200
CHINESE_USERS = ("UZH",)  # users.info gives users whose id starts so the zh-CN locale


def _texts(value: object) -> int:
    if isinstance(value, dict):
        return sum(len(v) if k == "text" and isinstance(v, str) else _texts(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_texts(v) for v in value)
    return 0


def block_error(blocks: list[dict[str, Any]], *, limit: int = MAX_BLOCKS) -> str | None:
    """The error Slack gives for these blocks, or None when it would take them."""
    if len(blocks) > limit:
        return "invalid_blocks"
    for block in blocks:
        try:
            parsed = Block.parse(block)
            if parsed is None or type(parsed) is Block:
                return "invalid_blocks"
            parsed.to_dict()  # validates the block and everything in it
        except (SlackObjectFormationError, KeyError, TypeError, ValueError):
            return "invalid_blocks"
    if _texts(blocks) > MAX_BLOCKS_TEXT:
        return "msg_blocks_too_long"
    return None


def message_error(path: str, body: dict[str, Any]) -> str | None:
    if path in ("chat.postMessage", "chat.postEphemeral", "chat.update") or path.startswith("response/"):
        if len(body.get("text") or "") > MAX_TEXT:
            return "msg_too_long"
        return block_error(body.get("blocks") or [])
    if path == "views.publish":
        return block_error((body.get("view") or {}).get("blocks") or [], limit=MAX_VIEW_BLOCKS)
    if path == "chat.unfurl":
        for unfurl in (body.get("unfurls") or {}).values():
            error = block_error(unfurl.get("blocks") or [])
            if error:
                return error
    return None


@dataclass
class Call:
    path: str  # "chat.postMessage", or "response/<id>" for a response_url post
    headers: dict[str, str]
    body: dict[str, Any]
    raw: str
    at: float = field(default_factory=time.monotonic)  # when it arrived


@dataclass
class Scripted:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Workspace:
    """A workspace (or Enterprise Grid org) that installs the app through OAuth."""

    team_id: str
    bot_token: str
    enterprise_id: str | None = None
    bot_user_id: str = BOT_USER_ID
    scope: str = "commands,app_mentions:read,im:history,chat:write,users:read,links:read,links:write,assistant:write"


class SlackStub:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.grants: dict[str, Workspace] = {}  # OAuth code -> who approved the install
        self.workspaces: dict[str, Workspace] = {}  # bot token -> workspace, for auth.test
        self.script: dict[str, list[Scripted]] = {}
        self.socket_url = ""
        self._cond = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    @property
    def api_url(self) -> str:
        return self.base_url + "api/"

    def response_url(self, name: str) -> str:
        return self.base_url + f"response/{name}"

    def start(self) -> SlackStub:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def reset(self) -> None:
        with self._cond:
            self.calls.clear()
            self.script.clear()

    def fail_next(
        self, method: str, status: int, body: dict[str, Any], headers: dict[str, str] | None = None, delay: float = 0.0
    ) -> None:
        with self._cond:
            self.script.setdefault(method, []).append(Scripted(status, body, headers or {}, delay))

    def posts(self, method: str | None = None) -> list[Call]:
        with self._cond:
            return [
                c
                for c in self.calls
                if method is None or c.path == method or (method == "response" and c.path.startswith("response/"))
            ]

    def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 15.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate(self.calls):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out; calls so far: {[c.path for c in self.calls]}")
                self._cond.wait(left)
            return list(self.calls)

    def _record(self, call: Call) -> Scripted | None:
        with self._cond:
            scripted = self.script.get(call.path, [])
            reply = scripted.pop(0) if scripted else None
            self.calls.append(call)
            self._cond.notify_all()
            return reply

    def grant(self, code: str, workspace: Workspace) -> None:
        """The next `oauth.v2.access` with `code` installs the app in `workspace`."""
        with self._cond:
            self.grants[code] = workspace

    def _answer(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
        token = (headers.get("Authorization") or "").removeprefix("Bearer ")
        if path == "auth.test":
            ws = self.workspaces.get(token)  # installed through OAuth; any other token is the default team's
            return {
                "ok": True,
                "url": "https://stub.slack.test/",
                "team": "Stub",
                "user": "election-bot",
                "team_id": ws.team_id if ws else "T0001",
                "enterprise_id": ws.enterprise_id if ws else None,
                "user_id": ws.bot_user_id if ws else BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if path == "oauth.v2.access":
            with self._cond:
                ws = self.grants.pop(str(body.get("code")), None)
                if ws is None:
                    return {"ok": False, "error": "invalid_code"}
                self.workspaces[ws.bot_token] = ws
            return {
                "ok": True,
                "access_token": ws.bot_token,
                "token_type": "bot",
                "scope": ws.scope,
                "bot_user_id": ws.bot_user_id,
                "app_id": "A0001",
                "team": {"id": ws.team_id, "name": f"Team {ws.team_id}"},
                "enterprise": {"id": ws.enterprise_id, "name": "Grid"} if ws.enterprise_id else None,
                "authed_user": {"id": "U0INSTALLER"},
                "is_enterprise_install": False,
            }
        if path == "users.info":
            user = str(body.get("user", ""))
            locale = "zh-CN" if user.startswith(CHINESE_USERS) else "en-US"
            return {"ok": True, "user": {"id": user, "name": user.lower(), "locale": locale}}
        if path == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if path in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
            return {
                "ok": True,
                "channel": body.get("channel"),
                "ts": body.get("ts") or f"{time.time():.6f}",
                "message": {"text": body.get("text")},
            }
        return {"ok": True}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                    for key in ("blocks", "attachments"):
                        if isinstance(body.get(key), str):
                            body[key] = json.loads(body[key])
                path = self.path.removeprefix("/api/").lstrip("/")
                for key in ("view", "unfurls"):
                    if isinstance(body.get(key), str):
                        body[key] = json.loads(body[key])
                scripted = stub._record(Call(path, dict(self.headers), body, raw))
                error = message_error(path, body)
                if scripted:
                    time.sleep(scripted.delay)
                    self._send(scripted.status, scripted.body, scripted.headers)
                elif error:
                    self._send(400 if path.startswith("response/") else 200, {"ok": False, "error": error})
                else:
                    self._send(200, stub._answer(path, body, dict(self.headers)))

            do_GET = do_POST

            def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler
