"""Metrics: counted in process, and added up across gunicorn workers (the Procfile's web line)."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import serve
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from bot import metrics


def sample(text: str, name: str, labels: dict[str, str]) -> float | None:
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and s.labels == labels:
                return float(s.value)
    return None


def serve_wsgi(app: Any, **headers: str) -> tuple[str, str]:
    status: list[str] = []
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/metrics", "QUERY_STRING": ""} | headers
    body = b"".join(app(environ, lambda s, h: status.append(s)))
    return status[0], body.decode()


def test_counts_in_one_process() -> None:
    def now(name: str, labels: dict[str, str]) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    before = {
        "answered": now("election_bot_requests_total", {"surface": "dm", "outcome": "answered"}),
        "unanswered": now("election_bot_requests_total", {"surface": "dm", "outcome": "unanswered"}),
        "failed": now("election_bot_requests_total", {"surface": "dm", "outcome": "failed"}),
        "slow": now("election_bot_answer_seconds_bucket", {"surface": "dm", "le": "0.5"}),
        "dup": now("election_bot_duplicate_events_total", {"reason": "http_timeout"}),
        "seen": now("election_bot_duplicate_events_total", {"reason": "seen"}),
        "api": now("election_bot_slack_api_errors_total", {"method": "chat.postMessage", "error": "channel_not_found"}),
    }
    metrics.observe_answer("dm", True, 0.002)
    metrics.observe_answer("dm", False, 0.3)
    metrics.observe_answer("dm", None, 0.001)
    metrics.count_duplicate("http_timeout")
    metrics.count_duplicate("")
    metrics.count_api_error("chat.postMessage", "channel_not_found")

    status, text = serve_wsgi(metrics.metrics_app(None))
    assert status == "200 OK"
    assert (
        sample(text, "election_bot_requests_total", {"surface": "dm", "outcome": "answered"}) == before["answered"] + 1
    )
    assert (
        sample(text, "election_bot_requests_total", {"surface": "dm", "outcome": "unanswered"})
        == before["unanswered"] + 1
    )
    assert sample(text, "election_bot_requests_total", {"surface": "dm", "outcome": "failed"}) == before["failed"] + 1
    assert sample(text, "election_bot_answer_seconds_bucket", {"surface": "dm", "le": "0.5"}) == before["slow"] + 3
    assert sample(text, "election_bot_duplicate_events_total", {"reason": "http_timeout"}) == before["dup"] + 1
    assert sample(text, "election_bot_duplicate_events_total", {"reason": "seen"}) == before["seen"] + 1
    labels = {"method": "chat.postMessage", "error": "channel_not_found"}
    assert sample(text, "election_bot_slack_api_errors_total", labels) == before["api"] + 1


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Bearer s3cret-x", "bearer s3cret"])
def test_token_guards_the_figures(authorization: str | None) -> None:
    app = metrics.metrics_app(None, token="s3cret")
    status, text = serve_wsgi(app, **({"HTTP_AUTHORIZATION": authorization} if authorization else {}))
    assert (status, text) == ("401 Unauthorized", "metrics need Authorization: Bearer <METRICS_TOKEN>\n")
    status, text = serve_wsgi(app, HTTP_AUTHORIZATION="Bearer s3cret")
    assert status == "200 OK"
    assert "election_bot_requests_total" in text


def hit(base: str) -> dict[str, Any]:
    with urllib.request.urlopen(base + "/hit", timeout=10) as response:
        return dict(json.loads(response.read()))


def get_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode())


def wait_for_workers(master: int, count: int, old: set[int]) -> set[int]:
    deadline = time.monotonic() + 20
    while True:
        children = set(map(int, Path(f"/proc/{master}/task/{master}/children").read_text().split()))
        if len(children) == count and not children & old:
            return children
        assert time.monotonic() < deadline, f"workers did not restart: {children}"
        time.sleep(0.1)


@pytest.mark.parametrize("operator_dir", [False, True])
def test_counts_add_up_across_workers_and_restarts(tmp_path: Path, operator_dir: bool) -> None:
    env = {"WEB_CONCURRENCY": "2", "PYTHONPATH": f"{serve.ROOT}{os.pathsep}{serve.ROOT / 'tests'}"}
    if operator_dir:
        env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path / "prom")
        (tmp_path / "prom").mkdir()
        (tmp_path / "prom" / "counter_1.db").write_bytes(b"stale")  # a previous run's; must not count
    process, base = serve.start(env, tmp_path / "gunicorn.log", app="metrics_probe:create()")
    try:
        workers = wait_for_workers(process.pid, 2, set())
        with ThreadPoolExecutor(8) as pool:
            first = list(pool.map(lambda _: hit(base), range(30)))
        directory = Path(first[0]["dir"])
        assert not (directory / "counter_1.db").exists()
        for pid in workers:  # every worker dies; gunicorn starts new ones; their counts must stay
            os.kill(pid, signal.SIGTERM)
        wait_for_workers(process.pid, 2, workers)
        later = [hit(base) for _ in range(5)]
        assert not {r["pid"] for r in later} & workers
        text = get_text(base + "/metrics")
        assert sample(text, "election_bot_requests_total", {"surface": "probe", "outcome": "answered"}) == 35
        assert sample(text, "election_bot_answer_seconds_count", {"surface": "probe"}) == 35
    finally:
        serve.stop(process)
    assert directory.exists() == operator_dir  # a directory gunicorn made for itself is removed
