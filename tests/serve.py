"""Start the Procfile's web command (gunicorn) on 127.0.0.1 and wait until it answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bot.slack.run import web_command

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def command(port: int, app: str | None = None) -> list[str]:
    """The Procfile's web command bound to loopback; `app` replaces the WSGI target."""
    words = [w.replace("0.0.0.0", "127.0.0.1") for w in web_command(port)]
    if app:
        words[-1] = app
    return words


def environment(env: dict[str, str]) -> dict[str, str]:
    """This environment without any SLACK_ variable, plus `env`."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT),
        **env,
    }


def start(
    env: dict[str, str], log: Path, *, app: str | None = None, health: str = "/healthz"
) -> tuple[subprocess.Popen[bytes], str]:
    """gunicorn as the Procfile runs it, bound to loopback; `app` replaces the WSGI target."""
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            command(port, app), env=environment(env), stdout=out, stderr=subprocess.STDOUT, cwd=ROOT
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + health, timeout=1):
                return process, base
        except urllib.error.HTTPError:
            return process, base  # it answers (a 404 from an app without /healthz is an answer)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("gunicorn did not start:\n" + log.read_text()) from None
            time.sleep(0.1)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (gunicorn master + workers), in MB."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        pids += [int(c) for c in children]
    return total / 1024
