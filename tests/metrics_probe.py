"""A WSGI app for testing metrics under gunicorn: /hit counts one answered question; with_metrics adds /metrics."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from typing import Any

from bot import metrics
from bot.config import load_settings


def create() -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    settings = load_settings()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/hit":
            metrics.observe_answer("probe", True, 0.003)
            body = {"pid": os.getpid(), "dir": os.environ.get("PROMETHEUS_MULTIPROC_DIR")}
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps(body).encode()]
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok\n"]

    return metrics.with_metrics(app, settings.metrics_dir, token=settings.metrics_token)
