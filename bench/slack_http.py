"""Median and p99 from a signed slash-command request to its HTTP response (since issue 7 the
acknowledgement; the answer follows through the response_url) over loopback: the bot
beside a minimal Bolt app that acks with fixed text, both under the Procfile's gunicorn
command, measured side by side (interleaved) in one run.

Usage: python bench/slack_http.py [REQUESTS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH, ROOT, serve, slack_requests, slack_stub, summary

SIGNING_SECRET, command_body, send = slack_requests.SIGNING_SECRET, slack_requests.command_body, slack_requests.send
SlackStub = slack_stub.SlackStub

QUESTIONS = ["ALB1", "LDJ5 turnout", "What did Chris Smalls say about LDJ5?", "LDJ5投票结果", "Who won the Super Bowl?"]


def main(requests: int = 1000) -> dict[str, float]:
    stub = SlackStub().start()
    env = {
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": stub.api_url,
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "WARNING",
    }
    logs = Path(tempfile.mkdtemp(prefix="bench-http-"))
    bot, bot_url = serve.start(env, logs / "bot.log")
    try:
        floor_env = {**env, "PYTHONPATH": f"{BENCH}{os.pathsep}{ROOT}"}
        floor, floor_url = serve.start(
            floor_env, logs / "floor.log", app="minimal_app:create()", health="/slack/events"
        )
    except BaseException:
        serve.stop(bot)
        stub.stop()
        raise
    timings: dict[str, list[float]] = {"bot": [], "floor": []}
    try:
        for n in range(requests + 100):
            question = QUESTIONS[n % len(QUESTIONS)]
            for name, url in (
                (("bot", bot_url), ("floor", floor_url)) if n % 2 else (("floor", floor_url), ("bot", bot_url))
            ):
                body = command_body(question, stub.response_url("bench"))
                t0 = time.perf_counter()
                reply = send(url + "/slack/events", body, "application/x-www-form-urlencoded")
                elapsed = (time.perf_counter() - t0) * 1000
                assert reply.status == 200, reply
                if n >= 100:  # the first 100 warm both up
                    timings[name].append(elapsed)
    finally:
        serve.stop(bot)
        serve.stop(floor)
        stub.stop()
    b, f = summary(timings["bot"]), summary(timings["floor"])
    result = {
        "requests": requests,
        "bot_p50_ms": b["p50"],
        "bot_p99_ms": b["p99"],
        "floor_p50_ms": f["p50"],
        "floor_p99_ms": f["p99"],
        "overhead_p50_pct": (b["p50"] / f["p50"] - 1) * 100,
        "overhead_p99_pct": (b["p99"] / f["p99"] - 1) * 100,
    }
    print(
        f"slash command over loopback, {requests} each: bot p50 {b['p50']:.2f} ms p99 {b['p99']:.2f} ms; "
        f"minimal Bolt app p50 {f['p50']:.2f} ms p99 {f['p99']:.2f} ms; "
        f"overhead p50 {result['overhead_p50_pct']:+.1f}% p99 {result['overhead_p99_pct']:+.1f}%"
    )
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
