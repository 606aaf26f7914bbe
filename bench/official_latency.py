"""answer() on questions it has never seen, about the shipped NLRB layer: p50/p99 of first-time calls.

Questions are made (seeded) from the snapshot itself — case numbers, employers with and without a
typo, employer + town, national unions and locals, states and case types with years, ranks and
rates, in English and Chinese — and each is asked once, after prepare() (as a server does before it
forks), so no per-question cache helps. The slowest questions are listed: where time goes.

Usage: python bench/official_latency.py [--questions N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import time

from common import OUT, percentile

from bot.answer import answer
from bot.places import US_STATES
from bot.store import load
from bot.warm import prepare

TARGET_P99_MS = 2.0
SEED = 9


def _typo(word: str, rng: random.Random) -> str:
    """One transposition inside the word (never the first letter): "Starbucks" -> "Starbcuks"."""
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def questions(n: int) -> list[str]:
    """n distinct questions about the layer, made from its own records."""
    store = load()
    rng = random.Random(SEED)
    records = list(store.official.elections.values())
    employers = sorted({r.employer_display for r in records if len(r.employer_display) >= 6})
    towns = sorted({(r.employer_display, r.city, r.state) for r in records if r.city and r.state})
    unions = sorted({u.display for r in records for u in r.unions if u.display and "Local" in u.display})
    states = sorted(US_STATES.values())
    makers = [
        lambda: f"What was the result in case {rng.choice(records).case_number}?",
        lambda: f"{rng.choice(records).case_number} turnout",
        lambda: f"{rng.choice(employers)} elections",
        lambda: f"{_typo(rng.choice(employers), rng)} elections",
        lambda: "How did the vote go at {} in {}, {}?".format(*rng.choice(towns)),
        lambda: f"win rate for {rng.choice(unions)}",
        lambda: f"how many elections did the union win in {rng.choice(states)} in {rng.randint(2011, 2022)}",
        lambda: f"decertification elections in {rng.choice(states)} {rng.randint(2011, 2022)}",
        lambda: f"closest NLRB election in {rng.choice(states)} in {rng.randint(2011, 2022)}",
        lambda: f"largest {rng.choice(employers)} election",
        lambda: f"{rng.choice(employers)}在{rng.randint(2011, 2022)}年的选举",
    ]
    found: dict[str, None] = {}
    while len(found) < n:
        found[rng.choice(makers)()] = None
    return list(found)


def main(n: int = 2000, *, profile: bool = False) -> dict[str, float]:
    asked = questions(n)
    store = load()
    t0 = time.perf_counter()
    prepare(store)
    prepare_s = time.perf_counter() - t0
    answer("29-RC-288020", store)  # the first call imports the renderers' and layer's modules
    samples: list[tuple[float, str]] = []
    profiler = cProfile.Profile() if profile else None
    for q in asked:
        if profiler:
            profiler.enable()
        t0 = time.perf_counter_ns()
        answer(q, store)
        samples.append(((time.perf_counter_ns() - t0) / 1e6, q))
        if profiler:
            profiler.disable()
    times = [t for t, _ in samples]
    result = {
        "questions": float(len(samples)),
        "prepare_s": prepare_s,
        "p50_ms": percentile(times, 50),
        "p99_ms": percentile(times, 99),
        "max_ms": max(times),
    }
    slowest = sorted(samples, reverse=True)[:5]
    OUT.mkdir(exist_ok=True)
    (OUT / "official_latency.json").write_text(
        json.dumps({**result, "slowest": [[round(t, 2), q] for t, q in slowest]}, indent=2, ensure_ascii=False),
        encoding="utf-8",
    )
    print(
        f"official answer(), first-time questions: {len(samples)} — p50 {result['p50_ms']:.3f} ms, "
        f"p99 {result['p99_ms']:.3f} ms, max {result['max_ms']:.1f} ms (prepare {prepare_s:.2f} s)"
    )
    for t, q in slowest:
        print(f"  {t:7.2f} ms  {q}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return result


def section(r: dict[str, float]) -> str:
    ok = "✅" if r["p99_ms"] < TARGET_P99_MS else "❌"
    return f"""## First-time questions about the NLRB layer (`bench/official_latency.py`)

{int(r["questions"]):,} distinct questions made (seeded) from the snapshot — case numbers, employers (some with a
transposition typo), employer + town, locals, states × years × case types, ranks and rates, English and
Chinese — each asked once after `prepare()` (built in {r["prepare_s"]:.2f} s, before a server forks).

| target | measured | |
| --- | --- | --- |
| `answer()` p99 < {TARGET_P99_MS:g} ms on never-seen questions | p99 {r["p99_ms"]:.3f} ms (p50 {r["p50_ms"]:.3f} ms, max {r["max_ms"]:.1f} ms) | {ok} |
"""


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    main(args.questions, profile=args.profile)
