"""Every request reaching the app over HTTP is signature-verified, whatever else is configured
(issue 7). Real gunicorn through the Procfile's web line; signatures from slack-sdk's
SignatureVerifier; a stand-in Web API that records every call the bot makes."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import serve
from slack_requests import SIGNING_SECRET, action_body, command_body, dm, event_body, send
from slack_stub import SlackStub

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
BOT_TOKEN = "xoxb-test-0000-secret-token"
APP_TOKEN = "xapp-test-0000-app-token"

# The combinations of the three Slack variables that can serve HTTP: the bot token and the
# signing secret, with or without the app token (set beside them on platforms where web: and
# worker: share one set of config vars).
SERVING = {
    "bot+secret": {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET},
    "bot+secret+app": {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_APP_TOKEN": APP_TOKEN},
}  # fmt: skip

FORGERIES: dict[str, dict[str, object]] = {
    "wrong secret": {"secret": "not-the-signing-secret"},
    "no signature headers": {"signed": False},
    "replayed after six minutes": {"timestamp": int(time.time()) - 360},
}


@pytest.fixture(scope="module", params=list(SERVING))
def web(request: pytest.FixtureRequest, stub: SlackStub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("gunicorn") / "server.log"
    env = {**SERVING[request.param], "SLACK_API_URL": stub.api_url, "WEB_CONCURRENCY": "1", "LOG_LEVEL": "INFO"}
    process, base = serve.start(env, log)
    yield base + "/slack/events"
    serve.stop(process)


Request = Callable[[SlackStub, str], tuple[str, str]]  # (stub, tag) -> (body, content type)
REQUESTS: dict[str, Request] = {
    "slash command": lambda stub, tag: (command_body("ALB1", stub.response_url(tag)), FORM),
    "DM event": lambda stub, tag: (event_body(dm("ALB1", channel=f"D{tag}")), JSON),
    "post button": lambda stub, tag: (action_body("post_to_channel", "ALB1", stub.response_url(tag), channel=f"C{tag}"), FORM),
}  # fmt: skip


def _answered(stub: SlackStub, tag: str) -> bool:
    return any(c.path == f"response/{tag}" or c.body.get("channel") in (f"D{tag}", f"C{tag}") for c in stub.posts())


@pytest.mark.parametrize("kind", list(REQUESTS))
def test_forged_unsigned_and_replayed_requests_get_401_and_no_web_api_call(
    web: str, stub: SlackStub, kind: str
) -> None:
    stub.reset()
    for n, forgery in enumerate(FORGERIES.values()):
        body, content_type = REQUESTS[kind](stub, f"FORGED{n}")
        reply = send(web, body, content_type, **forgery)  # type: ignore[arg-type]
        assert reply.status == 401, (forgery, reply)
        assert "406" not in reply.body
    body, content_type = REQUESTS[kind](stub, "GOOD")  # a correctly signed one, sent last, is answered
    assert send(web, body, content_type).status == 200
    stub.wait_for(lambda calls: _answered(stub, "GOOD"))
    time.sleep(0.3)  # anything a forged request had started would have landed by now
    assert not any(_answered(stub, f"FORGED{n}") for n in range(len(FORGERIES)))
    assert {c.path.split("/")[0] for c in stub.posts()} <= {"response", "chat.postMessage"}


@pytest.mark.parametrize(
    "env",
    [
        {"SLACK_BOT_TOKEN": BOT_TOKEN},
        {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN},
    ],
    ids=["bot", "bot+app"],
)
def test_http_serving_without_the_signing_secret_refuses_to_start(env: dict[str, str]) -> None:
    result = subprocess.run(
        serve.command(serve.free_port()),
        env=serve.environment(env),
        cwd=serve.ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert output == (
        "Error: missing environment variable(s): SLACK_SIGNING_SECRET (set them in the environment or .env)\n"
    )


def test_everything_is_built_once_before_the_workers_fork(stub: SlackStub, tmp_path: Path) -> None:
    env = {**SERVING["bot+secret"], "SLACK_API_URL": stub.api_url, "WEB_CONCURRENCY": "2", "LOG_LEVEL": "INFO"}
    log = tmp_path / "server.log"
    process, base = serve.start(env, log)
    try:
        stub.reset()
        tags = [f"W{n}" for n in range(6)]
        for tag in tags:
            assert (
                send(base + "/slack/events", command_body("LDJ5 turnout", stub.response_url(tag)), FORM).status == 200
            )
        stub.wait_for(lambda calls: all(_answered(stub, tag) for tag in tags))
    finally:
        serve.stop(process)
    ready = [line for line in log.read_text().splitlines() if " ready: " in line]
    assert len(ready) == 1, ready
    assert ready[0].endswith(f"(pid {process.pid})")  # gunicorn's master, before it forked
