"""Run every benchmark and write bench/RESULTS.md (machine, date, figures, what dominates).

Usage: python bench/run_all.py   (what `make bench` runs)
"""

from __future__ import annotations

import datetime as dt

import cli_start
import first_requests
import issue9
import nlrb
import official_latency
import scale
import scaled
import slack_http
import soak
from common import BENCH, machine

TARGETS = {
    "load_s": 3.0,
    "rss_mb": 400.0,
    "answer_p99_100k_ms": 20.0,
    "answer_p99_shipped_ms": 1.0,
    "http_overhead_pct": 20.0,
    "cli_ratio": 1.5,
}


def ok(value: float, limit: float) -> str:
    return "✅" if value < limit else "❌"


def main() -> None:
    sizes = scale.main([])
    http = slack_http.main(1000)
    cli = cli_start.main(21)
    soaked = soak.main(10_000, 20, 600)
    first = first_requests.main()
    official = nlrb.main()
    latency = official_latency.main()
    scaled_out = scaled.main()
    targets9 = issue9.main(official, latency)  # last: it runs `make test`
    shipped, largest = sizes[0], sizes[-1]
    rows = "\n".join(
        f"| {int(r['elections']):,} | {int(r['people']):,} / {int(r['quotes']):,} | {r['load_s']:.2f} s | {r['index_s']:.2f} s "
        f"| {r['rss_mb']:.0f} MB | {r['peak_rss_mb']:.0f} MB | {r['answer_p50_ms']:.3f} ms | {r['answer_p99_ms']:.3f} ms "
        f"| {r['list_max_ms']:.1f} ms |"
        for r in sizes
    )
    cli_rows = "\n".join(
        f"| `election-bot {k.removesuffix(' ms')}` | {v:.0f} ms |" for k, v in cli.items() if k.startswith("ask")
    )
    text = f"""# Benchmark results

Written by `make bench` (`bench/run_all.py`) on {dt.date.today().isoformat()}.
Machine: {machine()}.

## Targets

| target | measured | |
| --- | --- | --- |
| load + validation at 100k elections < 3 s | {largest["load_s"]:.2f} s (+ {largest["index_s"]:.2f} s to build the matcher's index) | {ok(largest["load_s"], TARGETS["load_s"])} |
| RSS at 100k elections < 400 MB | {largest["rss_mb"]:.0f} MB after start-up (peak while loading {largest["peak_rss_mb"]:.0f} MB) | {ok(largest["peak_rss_mb"], TARGETS["rss_mb"])} |
| `answer()` p99 at 100k elections < 20 ms | {largest["answer_p99_ms"]:.2f} ms (p50 {largest["answer_p50_ms"]:.3f} ms) | {ok(largest["answer_p99_ms"], TARGETS["answer_p99_100k_ms"])} |
| `answer()` p99 on the shipped store < 1 ms | {shipped["answer_p99_ms"]:.3f} ms (p50 {shipped["answer_p50_ms"]:.3f} ms) | {ok(shipped["answer_p99_ms"], TARGETS["answer_p99_shipped_ms"])} |
| Slack HTTP overhead over a minimal Bolt app < 20 % | p50 {http["overhead_p50_pct"]:+.1f} %, p99 {http["overhead_p99_pct"]:+.1f} % | {ok(max(http["overhead_p50_pct"], http["overhead_p99_pct"]), TARGETS["http_overhead_pct"])} |
| CLI cold start < 1.5× `python -c "import pydantic, rapidfuzz"` | {cli["ratio"]:.2f}× (worst of three questions) | {ok(cli["ratio"], TARGETS["cli_ratio"])} |

## Store size (`bench/scale.py`)

Synthetic NLRB-like stores from `bench/generate.py` (seeded; JSONL for elections, people
and quotes). Each size: the median (by load time) of three fresh processes. The answer mix, {int(largest["questions"])} questions ×
{int(largest["answers"] / largest["questions"])} rounds: tallies by code (three spellings), by employer +
place, by employer name with a transposition typo, "what did X say", "who said …",
out-of-scope. The shipped store uses `../shared/questions/dev.jsonl`. "Lists" is the slowest
of three list/count questions that match half the store.

| elections | people / quotes | load + validate | index | RSS | peak RSS | answer p50 | answer p99 | lists |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

What dominates: load is pydantic-core validating the JSONL in one call (about half), the
records' `__post_init__` invariants, and the cross-record checks (ids, aliases); import of
pydantic itself is ~0.2 s of every row. The index is normalising aliases and facet values and
filing 100k codes. Memory is the records (slotted dataclasses, ~0.5 KB each with their
values) and the alias dict; the peak adds the parse buffers, which are returned to the OS
after loading. The answer p99 at scale comes from "who said …" over quotes that share a
small synthetic vocabulary (every term is common: the worst case for the word index) and
from facet intersections over thousands of elections; tallies by code stay near p50.

## Slack over HTTP (`bench/slack_http.py`)

{http["requests"]} signed `/election` requests to each app, sequential, interleaved, after 100
warm-up requests each; gunicorn as the Procfile runs it (`gthread`, one worker), loopback.

| app | p50 | p99 |
| --- | --- | --- |
| election-bot | {http["bot_p50_ms"]:.2f} ms | {http["bot_p99_ms"]:.2f} ms |
| minimal Bolt app (acks fixed text) | {http["floor_p50_ms"]:.2f} ms | {http["floor_p99_ms"]:.2f} ms |

What dominates: the floor itself — Bolt's request parsing and signature check, gunicorn and
the HTTP round trip. The bot's own work (answer + Block Kit) is well under a millisecond.

## CLI cold start (`bench/cli_start.py`)

Median of 21 interleaved runs, bytecode compiled, the validated-store cache warm (as on any
second use).

| command | median |
| --- | --- |
| `python -c "import pydantic, rapidfuzz"` | {cli["baseline_ms"]:.0f} ms |
{cli_rows}

What dominates: interpreter start and the editable-install finder (shared with the
baseline), then importing the record dataclasses and the matcher. pydantic is not imported
on this path: the store comes from the cache, and lexicon patterns compile on first use.

## Soak (`bench/soak.py`)

{int(soaked["requests"]):,} signed requests at concurrency 20 in {soaked["seconds"]:.1f} s ({soaked["rate_per_s"]:.0f}/s) against gunicorn
with two workers and the stand-in Web API: slash commands, mentions and DMs mixed, 5 % Slack
retries (`X-Slack-Retry-Reason: http_timeout`) and 5 % forged signatures.

| check | result |
| --- | --- |
| 5xx responses | {soaked["server_errors"]} |
| lost replies | {soaked["lost_replies"]} |
| duplicate replies | {soaked["duplicate_replies"]} |
| replies to forged or unknown events | {soaked["stray_replies"]} |
| forged requests accepted | {soaked["forged_accepted"]} |
| slash commands without an answer | {soaked["slash_unanswered"]} |
| server RSS (master + workers) | {soaked["rss_before_mb"]:.0f} MB → {soaked["rss_after_mb"]:.0f} MB ({soaked["rss_after_mb"] - soaked["rss_before_mb"]:+.0f} MB) |

The growth is the event-id cache filling (bounded at 10,000 ids per worker, expiring after an hour).

{first_requests.section(first)}

{issue9.section(targets9)}

{official_latency.section(latency)}

{nlrb.section(official)}

{scaled.section(scaled_out)}
"""
    (BENCH / "RESULTS.md").write_text(text, encoding="utf-8")
    print(f"wrote {BENCH / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
