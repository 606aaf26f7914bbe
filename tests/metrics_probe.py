"""A WSGI app for testing metrics under gunicorn: /hit counts one answered question, /metrics serves them."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from typing import Any

from bot import metrics
from bot.config import load_settings


def create() -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    serve_metrics = metrics.metrics_app(load_settings().metrics_dir)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO")
        if path == "/metrics":
            return serve_metrics(environ, start_response)
        if path == "/hit":
            metrics.observe_answer("probe", True, 0.003)
            body = {"pid": os.getpid(), "dir": os.environ.get("PROMETHEUS_MULTIPROC_DIR")}
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps(body).encode()]
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok\n"]

    return app
