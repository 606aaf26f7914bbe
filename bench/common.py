"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import platform
import statistics
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(ROOT / "tests"))  # the stand-in Slack server and signed-request helpers the tests use

import serve  # noqa: E402
import slack_requests  # noqa: E402
import slack_stub  # noqa: E402

__all__ = ["OUT", "ROOT", "machine", "percentile", "serve", "slack_requests", "slack_stub", "summary"]


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float]:
    return {"p50": percentile(samples, 50), "p99": percentile(samples, 99), "mean": statistics.fmean(samples)}


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    import os

    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
