"""What shared state costs a request: the in-process store vs Redis on loopback vs Redis down.

One "request" is what an event costs the state: `first_time(event id)`, `get(context)`,
`put(context)` with a ~600-byte JSON context. Timed one request at a time (p50/p99 over
REQUESTS after a warm-up), from 8 threads at once, and with Redis stopped (the fallback
path every request takes during an outage). Bounded: it stops by itself.

Usage: python bench/state_overhead.py [REQUESTS]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import common  # noqa: F401  (puts tests/ on the path, for the redis-server the tests use)
from redis_server import RedisServer

from bot.state import MemoryState, RedisState, SharedState

CONTEXT = json.dumps(
    {"elections": ["ldj5", "alb1"], "people": ["smalls"], "intent": "result", "lang": "en"} | {"pad": "x" * 480}
)


def one_request(state: SharedState, n: int) -> float:
    started = time.perf_counter()
    state.first_time(f"event:Ev{n:010d}", 3600)
    state.get(f"T1:C1:{n % 500}")
    state.put(f"T1:C1:{n % 500}", CONTEXT, 1800)
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100)
    return statistics.median(samples), cuts[98]


def measure(state: SharedState, requests: int, *, threads: int = 1, start: int = 0) -> tuple[float, float]:
    for n in range(start, start + 500):
        one_request(state, n)
    numbers = range(start + 500, start + 500 + requests)
    if threads == 1:
        return percentiles([one_request(state, n) for n in numbers])
    with ThreadPoolExecutor(threads) as pool:
        return percentiles(list(pool.map(lambda n: one_request(state, n), numbers)))


def main(requests: int = 5000) -> dict[str, float]:
    results: dict[str, float] = {"requests": requests}
    server = RedisServer(Path(tempfile.mkdtemp(prefix="bench-redis-"))).start()
    try:
        redis_state = RedisState.from_url(server.url)
        cases: list[tuple[str, SharedState, int]] = [
            ("memory", MemoryState(), 1),
            ("redis", redis_state, 1),
            ("memory_8t", MemoryState(), 8),
            ("redis_8t", redis_state, 8),
        ]
        for offset, (name, state, threads) in enumerate(cases):
            p50, p99 = measure(state, requests, threads=threads, start=offset * 1_000_000)
            results[f"{name}_p50_ms"], results[f"{name}_p99_ms"] = p50, p99
            print(f"{name:10s} p50 {p50:.3f} ms  p99 {p99:.3f} ms", flush=True)
        server.stop()
        p50, p99 = measure(redis_state, requests, start=9_000_000)
        results["outage_p50_ms"], results["outage_p99_ms"] = p50, p99
        print(f"{'outage':10s} p50 {p50:.3f} ms  p99 {p99:.3f} ms (Redis stopped: per-process fallback)")
    finally:
        server.stop()
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
