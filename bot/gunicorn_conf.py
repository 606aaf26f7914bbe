"""gunicorn settings for the Procfile's `web:` line (`--config python:bot.gunicorn_conf`).

Metrics across workers: prometheus-client's multiprocess mode has every worker write its
figures to files in one directory (PROMETHEUS_MULTIPROC_DIR), which /metrics adds up. The
directory must be set before the app is imported and must start empty, so this module,
which gunicorn reads before it loads (`--preload`) the app, takes care of it: the
operator's directory if set (its *.db files are cleared), else a private temporary one,
removed when gunicorn exits. A worker that exits has its live gauges removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


def _prepare() -> tuple[Path, bool]:
    """The directory, and whether it is ours to remove."""
    given = os.environ.get(_VARIABLE, "").strip()
    if not given:
        made = Path(tempfile.mkdtemp(prefix="election-bot-metrics-"))
        os.environ[_VARIABLE] = str(made)
        return made, True
    directory = Path(given)
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):  # a previous run's figures would be added to this one's
        stale.unlink()
    return directory, False


_DIRECTORY, _OWNED = _prepare()


def child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid, str(_DIRECTORY))  # type: ignore[no-untyped-call]


def on_exit(server: Any) -> None:
    if _OWNED:
        shutil.rmtree(_DIRECTORY, ignore_errors=True)
