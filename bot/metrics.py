"""Prometheus metrics: what the bot counts, and the WSGI app that serves them at /metrics.

Under gunicorn each worker is a process: `bot/gunicorn_conf.py` gives them a shared
PROMETHEUS_MULTIPROC_DIR (set before this module is imported, as prometheus-client requires),
and /metrics then adds up every worker's figures. Without it (one process) the default
registry is served.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, make_wsgi_app, multiprocess
from prometheus_client.registry import REGISTRY

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
METRICS_PATH = "/metrics"

# Surfaces: command, mention, dm, post_button, suggestion_button, ... (whatever the Slack app names).
# Outcomes: answered, unanswered (the bot abstained or suggested), failed (answering raised).
REQUESTS = Counter("election_bot_requests", "Questions received, by surface and outcome.", ["surface", "outcome"])
ANSWER_SECONDS = Histogram(
    "election_bot_answer_seconds",
    "Time to answer one question and render it, by surface.",
    ["surface"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
DUPLICATES = Counter(
    "election_bot_duplicate_events",
    "Slack retries acknowledged without answering again, by X-Slack-Retry-Reason (or 'seen').",
    ["reason"],
)
API_ERRORS = Counter(
    "election_bot_slack_api_errors", "Failed Slack Web API calls, by method and error.", ["method", "error"]
)
REDIS_FALLBACKS = Counter(
    "election_bot_redis_fallbacks",
    "Shared-state operations served by the per-process store because Redis was unreachable.",
    ["operation"],
)
REDIS_OUTAGES = Counter("election_bot_redis_outages", "Times Redis became unreachable (one per outage, per process).")


def observe_answer(surface: str, answered: bool | None, seconds: float) -> None:
    """One question: `answered` None means answering failed."""
    outcome = "failed" if answered is None else "answered" if answered else "unanswered"
    REQUESTS.labels(surface, outcome).inc()
    ANSWER_SECONDS.labels(surface).observe(seconds)


def count_duplicate(reason: str) -> None:
    DUPLICATES.labels(reason or "seen").inc()


def count_api_error(method: str, error: str) -> None:
    """`error` is Slack's error code (`channel_not_found`) or an exception's class name: a small set."""
    API_ERRORS.labels(method, error[:64]).inc()


def metrics_app(multiprocess_dir: Path | None, *, token: str | None = None) -> WsgiApp:
    """The /metrics WSGI app: every worker's figures when `multiprocess_dir` is set, else this process's.

    With `token` (METRICS_TOKEN), a scrape must send `Authorization: Bearer <token>`: the
    figures are no secret, but they need not be public on the bot's Slack URL either.
    """
    registry = REGISTRY
    if multiprocess_dir is not None:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=str(multiprocess_dir))  # type: ignore[no-untyped-call]
    serve: WsgiApp = make_wsgi_app(registry)
    if token is None:
        return serve
    expected = f"Bearer {token}".encode()

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        given = str(environ.get("HTTP_AUTHORIZATION", "")).encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            start_response(
                "401 Unauthorized", [("Content-Type", "text/plain; charset=utf-8"), ("WWW-Authenticate", "Bearer")]
            )
            return [b"metrics need Authorization: Bearer <METRICS_TOKEN>\n"]
        return serve(environ, start_response)

    return guarded


def with_metrics(app: WsgiApp, multiprocess_dir: Path | None, *, token: str | None = None) -> WsgiApp:
    """`app` with GET /metrics in front of it."""
    serve_metrics = metrics_app(multiprocess_dir, token=token)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == METRICS_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            return serve_metrics(environ, start_response)
        return app(environ, start_response)

    return application
