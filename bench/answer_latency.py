"""p50/p99 of answer() over the dev questions (or any JSONL of {"q": ...}) on a fact store.

Usage: python bench/answer_latency.py [QUESTIONS.jsonl] [--facts DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bot.answer import answer
from bot.matcher import index_for
from bot.store import DEFAULT_FACTS_DIR, load
from bot.textsearch import quote_index

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "questions" / "dev.jsonl"


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", nargs="?", type=Path, default=DEV)
    parser.add_argument("--facts", type=Path, default=DEFAULT_FACTS_DIR)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    questions = [
        json.loads(line)["q"] for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    started = time.perf_counter()
    store = load(args.facts)
    index_for(store), quote_index(store)
    load_ms = (time.perf_counter() - started) * 1000
    for q in questions:  # warm caches once
        answer(q, store)
    samples: list[float] = []
    for _ in range(args.rounds):
        for q in questions:
            t0 = time.perf_counter_ns()
            answer(q, store)
            samples.append((time.perf_counter_ns() - t0) / 1e6)
    print(f"store: {len(store.elections)} elections, {len(store.quotes)} quotes; load+index {load_ms:.0f} ms")
    print(f"answer(): {len(samples)} calls over {len(questions)} questions")
    print(
        f"p50 {percentile(samples, 50):.3f} ms  p99 {percentile(samples, 99):.3f} ms  "
        f"mean {statistics.fmean(samples):.3f} ms  max {max(samples):.3f} ms"
    )


if __name__ == "__main__":
    main()
