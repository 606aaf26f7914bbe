"""Cold start of `election-bot ask` beside `python -c "import pydantic, rapidfuzz"`, side by
side (interleaved runs, medians). Bytecode is compiled first, as an install leaves it; the
store cache is warmed by one run, as any second use of the CLI finds it.

Usage: python bench/cli_start.py [RUNS]
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT

QUESTIONS = ["ALB1", "What did Chris Smalls say about LDJ5?", "LDJ5投票结果"]


def main(runs: int = 21) -> dict[str, float]:
    compileall.compile_dir(str(ROOT / "bot"), quiet=1)
    cli = str(Path(sys.executable).parent / "election-bot")
    env = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="bench-cli-"), "PATH": str(Path(sys.executable).parent)}
    subprocess.run([cli, "ask", "ALB1"], capture_output=True, env=env, check=True)  # warms the store cache
    baseline: list[float] = []
    ours: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    for _ in range(runs):
        for question in QUESTIONS:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import pydantic, rapidfuzz"], check=True, env=env)
            baseline.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            subprocess.run([cli, "ask", question], capture_output=True, check=True, env=env)
            ours[question].append(time.perf_counter() - t0)
    base = statistics.median(baseline)
    result = {"baseline_ms": base * 1000}
    for question, samples in ours.items():
        result[f"ask {question!r} ms"] = statistics.median(samples) * 1000
    worst = max(statistics.median(s) for s in ours.values())
    result["ratio"] = worst / base
    print(
        f"CLI cold start: import pydantic, rapidfuzz {base * 1000:.0f} ms; "
        + "; ".join(f"ask {q!r} {statistics.median(s) * 1000:.0f} ms" for q, s in ours.items())
        + f"; worst ratio {result['ratio']:.2f}x"
    )
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
