"""Load time, memory and answer() latency at 1k, 10k and 100k synthetic elections (and the
shipped store). Each size is measured in a fresh process.

Usage: python bench/scale.py [SIZES...]   (default: shipped 1000 10000 100000)
"""

from __future__ import annotations

import gc
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from common import OUT, ROOT, summary

ROUNDS = 30
RUNS = 3


def mix(store: object, rng: random.Random) -> list[str]:
    """The fixed question mix: tally by code, by place, by employer with a typo, quotes, out of scope."""
    from bot.store import Store

    assert isinstance(store, Store)
    elections = list(store.elections.values())
    people = list(store.people.values())
    quotes = list(store.quotes.values())
    questions: list[str] = []
    for e in rng.sample(elections, 10):
        code = e.code or e.id
        questions += [f"{code} result", f"{code.lower()} turnout", f"Did the union win at {code[:3]} {code[3:]}?"]
        questions.append(f"{e.employer} {e.facility_kind or ''} in {e.city} vote".replace("  ", " "))
        name = e.employer if len(e.employer) < 6 else e.employer[:2] + e.employer[3] + e.employer[2] + e.employer[4:]
        questions.append(f"{name} elections in {e.city}")
    for p in rng.sample(people, 5):
        questions.append(f"What did {p.name} say?")
    for q in rng.sample(quotes, 5):
        words = (q.translation or q.text).split()[:4]
        questions.append("Who said " + " ".join(words) + "?")
    questions += [
        "What's the weather in Chicago?",
        "Who won the Super Bowl?",
        "今天吃什么",
        "What was the vote at QQQ999?",
    ]
    return questions


def child(directory: str) -> None:
    started = time.perf_counter()
    from bot.answer import answer
    from bot.matcher import index_for
    from bot.store import load
    from bot.textsearch import quote_index

    store = load(directory)
    loaded = time.perf_counter()
    index_for(store), quote_index(store)
    indexed = time.perf_counter()
    gc.collect()
    rss = int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20
    if Path(directory).resolve() == (ROOT / "facts").resolve():
        dev = ROOT.parent / "shared" / "questions" / "dev.jsonl"
        questions = [json.loads(line)["q"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        questions = mix(store, random.Random(7))
    for q in questions:
        answer(q, store)
    samples: list[float] = []
    for _ in range(ROUNDS):
        for q in questions:
            t0 = time.perf_counter_ns()
            answer(q, store)
            samples.append((time.perf_counter_ns() - t0) / 1e6)
    lists = []
    for q in ("elections the union lost", "list elections", "How many elections did the union win?"):
        t0 = time.perf_counter_ns()
        answer(q, store)
        lists.append((time.perf_counter_ns() - t0) / 1e6)
    print(
        json.dumps(
            {
                "elections": len(store.elections),
                "people": len(store.people),
                "quotes": len(store.quotes),
                "load_s": loaded - started,
                "index_s": indexed - loaded,
                "rss_mb": rss,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "answers": len(samples),
                "questions": len(questions),
                **{f"answer_{k}_ms": v for k, v in summary(samples).items()},
                "list_max_ms": max(lists),
            }
        )
    )


def measure(size: str) -> dict[str, float]:
    if size == "shipped":
        directory = ROOT / "facts"
    else:
        directory = OUT / f"store-{size}"
        if not (directory / "elections.jsonl").exists():
            from generate import generate

            generate(int(size), directory)
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(directory)], capture_output=True, text=True, check=True
    )
    return dict(json.loads(result.stdout))


def main(argv: list[str]) -> list[dict[str, float]]:
    if argv[:1] == ["--child"]:
        child(argv[1])
        return []
    results = []
    for size in argv or ["shipped", "1000", "10000", "100000"]:
        r = measure(size)
        results.append(r)
        print(
            f"{int(r['elections']):>7} elections: load {r['load_s']:.2f} s + index {r['index_s']:.2f} s, "
            f"RSS {r['rss_mb']:.0f} MB (peak {r['peak_rss_mb']:.0f} MB), "
            f"answer p50 {r['answer_p50_ms']:.3f} ms p99 {r['answer_p99_ms']:.3f} ms, lists <= {r['list_max_ms']:.1f} ms"
        )
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
