"""Soak over loopback: signed requests (slash, mention, DM mixed, some Slack retries, some
forged) at a fixed concurrency against the Procfile's gunicorn command and the stand-in Web
API. Checks: no 5xx, no lost reply, no duplicate reply, every forged request rejected; reports
memory growth. Bounded in count and time: it stops by itself.

Usage: python bench/soak.py [REQUESTS] [CONCURRENCY] [SECONDS] [INSTANCES]
"""

from __future__ import annotations

import contextlib
import random
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import serve, slack_requests, slack_stub
from redis_server import RedisServer

QUESTIONS = [
    "ALB1",
    "LDJ5 turnout",
    "What did Chris Smalls say about LDJ5?",
    "LDJ5投票结果",
    "Staten Island",
    "Who won the Super Bowl?",
    "elections the union lost",
]
FORM, JSON = "application/x-www-form-urlencoded", "application/json"


def plan(requests: int, rng: random.Random) -> list[tuple[str, int]]:
    """(kind, n) for each request; a retry repeats an earlier event's n."""
    kinds = rng.choices(["slash", "mention", "dm", "retry", "forged"], weights=[40, 25, 25, 5, 5], k=requests)
    events: list[int] = []
    out = []
    for n, kind in enumerate(kinds):
        if kind == "retry" and not events:
            kind = "dm"
        if kind in ("mention", "dm"):
            events.append(n)
        out.append((kind, rng.choice(events) if kind == "retry" else n))
    return out


def main(
    requests: int = 10_000, concurrency: int = 20, seconds: float = 600, *, instances: int = 1
) -> dict[str, float]:
    """With `instances` > 1: that many copies of the web line share one real Redis (REDIS_URL);
    requests go round-robin, and each retry (reason `http_error`, which only the shared
    event-id store can catch) goes to another instance than its original."""
    rng = random.Random(11)
    stub = slack_stub.SlackStub().start()
    env = {
        "SLACK_BOT_TOKEN": "xoxb-soak",
        "SLACK_SIGNING_SECRET": slack_requests.SIGNING_SECRET,
        "SLACK_API_URL": stub.api_url,
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    redis = RedisServer(folder).start() if instances > 1 else None
    if redis:
        env["REDIS_URL"] = redis.url
    servers = [serve.start(env, folder / f"server{i}.log") for i in range(instances)]
    urls = [base + "/slack/events" for _, base in servers]
    retry_reason = "http_error" if instances > 1 else "http_timeout"
    bodies: dict[int, str] = {}

    def one(kind: str, n: int) -> tuple[str, int, int, bool]:
        question = QUESTIONS[n % len(QUESTIONS)]
        url = urls[(n + (kind == "retry")) % len(urls)]
        if kind == "slash":
            reply = slack_requests.send(url, slack_requests.command_body(question, stub.response_url(str(n))), FORM)
            return kind, n, reply.status, reply.body == ""  # an empty ack; the answer goes to the response_url
        if kind == "forged":
            body = slack_requests.event_body(slack_requests.dm(question, channel=f"DFORGED{n}"))
            return kind, n, slack_requests.send(url, body, JSON, secret="forged-secret").status, False
        if kind == "retry":
            headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": retry_reason}
            return kind, n, slack_requests.send(url, bodies[n], JSON, headers=headers).status, True
        event = (
            slack_requests.mention(question, ts=f"{n}.000100", channel=f"C{n}")
            if kind == "mention"
            else slack_requests.dm(question, channel=f"D{n}")
        )
        bodies[n] = slack_requests.event_body(event, event_id=f"EvSOAK{n:07d}")
        return kind, n, slack_requests.send(url, bodies[n], JSON).status, True

    work = plan(requests, rng)
    warm = [one("slash", n) for n in range(1_000_000, 1_000_050)]
    assert all(status == 200 for _, _, status, _ in warm)
    rss_before = sum(serve.rss_mb(process.pid) for process, _ in servers)
    deadline = time.monotonic() + seconds
    results: list[tuple[str, int, int, bool]] = []
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        # events go first in order, so a retry is only ever sent after its original
        for start in range(0, len(work), concurrency * 10):
            if time.monotonic() > deadline:
                break
            batch = work[start : start + concurrency * 10]
            originals = [w for w in batch if w[0] != "retry"]
            results += list(pool.map(lambda w: one(*w), originals))
            results += list(pool.map(lambda w: one(*w), [w for w in batch if w[0] == "retry" and w[1] in bodies]))
    elapsed = time.perf_counter() - started
    expected = {
        f"{'C' if k == 'mention' else 'D'}{n}"
        for k, n, status, _ in results
        if k in ("mention", "dm") and status == 200
    }
    with contextlib.suppress(AssertionError):
        stub.wait_for(
            lambda calls: expected <= {c.body.get("channel") for c in calls if c.path == "chat.postMessage"}, timeout=60
        )
        slash = {str(n) for k, n, status, _ in results if k == "slash" and status == 200}
        stub.wait_for(lambda calls: slash <= {c.path.removeprefix("response/") for c in calls}, timeout=60)
    time.sleep(1.0)  # let any duplicate that is coming arrive
    rss_after = sum(serve.rss_mb(process.pid) for process, _ in servers)
    for process, _ in servers:
        serve.stop(process)
    if redis:
        redis.stop()
    stub.stop()
    posts = Counter(c.body.get("channel") for c in stub.posts("chat.postMessage"))
    statuses = Counter(status for _, _, status, _ in results)
    kinds = Counter(kind for kind, _, _, _ in results)
    forged_accepted = sum(1 for k, _, status, _ in results if k == "forged" and status != 401)
    responses = {c.path.removeprefix("response/") for c in stub.posts("response")}
    slash_unanswered = sum(
        1 for k, n, status, ok in results if k == "slash" and not (status == 200 and ok and str(n) in responses)
    )
    lost = len(expected - set(posts))
    duplicates = sum(1 for channel, count in posts.items() if count > 1)
    stray = sum(1 for channel in posts if channel not in expected)
    result = {
        "requests": len(results),
        "seconds": elapsed,
        "rate_per_s": len(results) / elapsed,
        "server_errors": sum(v for k, v in statuses.items() if k >= 500),
        "lost_replies": lost,
        "duplicate_replies": duplicates,
        "stray_replies": stray,
        "forged_accepted": forged_accepted,
        "slash_unanswered": slash_unanswered,
        "rss_before_mb": rss_before,
        "rss_after_mb": rss_after,
    }
    print(
        f"soak ({instances} instance(s)): {len(results)} requests ({dict(kinds)}) at concurrency {concurrency} in {elapsed:.1f} s "
        f"({result['rate_per_s']:.0f}/s); statuses {dict(statuses)}; 5xx {result['server_errors']}, "
        f"lost {lost}, duplicate {duplicates}, stray {stray}, forged accepted {forged_accepted}, "
        f"slash unanswered {slash_unanswered}; server RSS {rss_before:.0f} -> {rss_after:.0f} MB "
        f"({rss_after - rss_before:+.0f} MB)"
    )
    return result


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[1:]]
    main(
        int(args[0]) if args else 10_000,
        int(args[1]) if len(args) > 1 else 20,
        args[2] if len(args) > 2 else 600,
        instances=int(args[3]) if len(args) > 3 else 1,
    )
