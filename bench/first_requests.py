"""The first /election requests after start (issue 7): the Procfile's web line on a 100k-election
store, two workers; as soon as /healthz is 200, rounds of 1, 8 and 32 concurrent signed
/election requests. Measures each acknowledgement, the time until each reply reaches the
stand-in Web API (the response_url points at it), and the workers' memory from
/proc/<pid>/smaps_rollup (what the second worker adds: its private pages, USS).

Usage: python bench/first_requests.py [--write]   (--write puts the section in RESULTS.md)
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import BENCH, OUT, percentile, serve, slack_requests, slack_stub

SIZE = 100_000
ROUNDS = (1, 8, 32)
FORM = "application/x-www-form-urlencoded"
START = "<!-- first_requests: start -->"
END = "<!-- first_requests: end -->"
TARGETS = {"ack_p99_ms": 300.0, "ack_max_ms": 3000.0, "second_worker_share": 0.25}


def store_dir() -> Path:
    directory = OUT / f"store-{SIZE}"
    if not (directory / "elections.jsonl").exists():
        from generate import generate

        generate(SIZE, directory)
    return directory


def questions(directory: Path, n: int) -> list[str]:
    """Tallies, turnout and employer-and-city questions about the store's first elections."""
    out: list[str] = []
    with (directory / "elections.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            e = json.loads(line)
            code = e.get("code") or e["id"]
            out += [f"{code} result", f"{code.lower()} turnout", f"{e['employer']} elections in {e['city']}"]
            if len(out) >= n:
                return out[:n]
    return out


def wait_healthy(base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.HTTPError, OSError):
            pass
        time.sleep(0.02)
    raise RuntimeError("/healthz never answered 200")


def memory(pid: int) -> dict[str, float]:
    """Rss, Pss and USS (private clean + dirty) in MB from smaps_rollup."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value) / 1024
    return {"rss": fields["Rss"], "pss": fields["Pss"], "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def workers(master: int) -> list[int]:
    return sorted(int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split())


def fire(url: str, stub: slack_stub.SlackStub, asked: list[str], tag: str) -> list[tuple[float, float]]:
    """Send len(asked) signed /election requests at once; (ack ms, reply ms) for each."""
    barrier = threading.Barrier(len(asked))
    sent: dict[str, tuple[float, float, int, str]] = {}

    def one(n: int, question: str) -> None:
        body = slack_requests.command_body(question, stub.response_url(f"{tag}-{n}"))
        barrier.wait()
        t0 = time.monotonic()
        reply = slack_requests.send(url, body, FORM)
        sent[f"{tag}-{n}"] = (t0, time.monotonic(), reply.status, reply.body)

    threads = [threading.Thread(target=one, args=(n, q)) for n, q in enumerate(asked)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(status == 200 and body == "" for _, _, status, body in sent.values()), sent
    calls = stub.wait_for(lambda c: set(sent) <= {x.path.removeprefix("response/") for x in c}, timeout=60)
    arrived = {c.path.removeprefix("response/"): c.at for c in calls if c.path.startswith("response/")}
    assert all("text" in c.body for c in calls if c.path.startswith(f"response/{tag}-"))
    return [((done - t0) * 1000, (arrived[name] - t0) * 1000) for name, (t0, done, _, _) in sent.items()]


def main() -> dict[str, object]:
    directory = store_dir()
    stub = slack_stub.SlackStub().start()
    env = {
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": slack_requests.SIGNING_SECRET,
        "SLACK_API_URL": stub.api_url,
        "FACTS_DIR": str(directory),
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }
    log = Path(tempfile.mkdtemp(prefix="bench-first-")) / "server.log"
    launched = time.monotonic()
    process, base = serve.start(env, log)
    rounds: dict[int, list[tuple[float, float]]] = {}
    try:
        wait_healthy(base)
        ready_s = time.monotonic() - launched
        asked = questions(directory, sum(ROUNDS))
        for size in ROUNDS:
            rounds[size] = fire(base + "/slack/events", stub, asked[:size], f"c{size}")
            asked = asked[size:]
        first, second = (memory(pid) for pid in workers(process.pid)[:2])
        master = memory(process.pid)
    finally:
        serve.stop(process)
        stub.stop()
    acks = [a for r in rounds.values() for a, _ in r]
    result: dict[str, object] = {
        "ready_s": ready_s,
        "rounds": {
            size: {
                "ack_p50_ms": percentile([a for a, _ in r], 50),
                "ack_p99_ms": percentile([a for a, _ in r], 99),
                "ack_max_ms": max(a for a, _ in r),
                "reply_p50_ms": percentile([b for _, b in r], 50),
                "reply_max_ms": max(b for _, b in r),
                "delivered": len(r),
            }
            for size, r in rounds.items()
        },
        "ack_p99_ms": percentile(acks, 99),
        "ack_max_ms": max(acks),
        "master": master,
        "first": first,
        "second": second,
        "second_worker_share": second["uss"] / first["rss"],
    }
    for size, r in result["rounds"].items():  # type: ignore[attr-defined]
        print(
            f"{size:>2} at once: ack p50 {r['ack_p50_ms']:.1f} ms p99 {r['ack_p99_ms']:.1f} ms max {r['ack_max_ms']:.1f} ms; "
            f"reply p50 {r['reply_p50_ms']:.0f} ms max {r['reply_max_ms']:.0f} ms; {r['delivered']}/{size} delivered"
        )
    print(
        f"ready after {ready_s:.2f} s; worker RSS {first['rss']:.0f} MB; second worker adds {second['uss']:.0f} MB "
        f"of its own ({result['second_worker_share']:.0%} of the first's RSS)"
    )
    return result


def ok(passed: bool) -> str:
    return "✅" if passed else "❌"


def section(r: dict[str, object]) -> str:
    rounds: dict[int, dict[str, float]] = r["rounds"]  # type: ignore[assignment]
    first, second, master = (r[k] for k in ("first", "second", "master"))
    assert isinstance(first, dict) and isinstance(second, dict) and isinstance(master, dict)
    ack_p99, ack_max, share = float(r["ack_p99_ms"]), float(r["ack_max_ms"]), float(r["second_worker_share"])  # type: ignore[arg-type]
    rows = "\n".join(
        f"| {size} | {x['ack_p50_ms']:.1f} ms | {x['ack_p99_ms']:.1f} ms | {x['ack_max_ms']:.1f} ms "
        f"| {x['reply_p50_ms']:.0f} ms | {x['reply_max_ms']:.0f} ms | {int(x['delivered'])}/{size} |"
        for size, x in rounds.items()
    )
    mem = "\n".join(
        f"| {name} | {m['rss']:.0f} MB | {m['pss']:.0f} MB | {m['uss']:.0f} MB |"
        for name, m in (("master", master), ("worker 1", first), ("worker 2", second))
    )
    delivered = all(int(x["delivered"]) == size for size, x in rounds.items())
    return f"""{START}
## First requests after start (`bench/first_requests.py`)

The Procfile's `web:` line (gunicorn `--preload`, `gthread`, two workers) on a
{SIZE:,}-election store; /healthz was 200 {float(r["ready_s"]):.1f} s after launch (load, validation and
indexes, all in the master before the fork). Then, with no warm-up, rounds of 1, 8 and 32
signed `/election` requests sent at once. "Ack" is the HTTP response to the request (empty:
the answer follows through the `response_url`); "reply" is until the answer reached the
stand-in Web API at that `response_url`.

| target | measured | |
| --- | --- | --- |
| ack p99 < 300 ms | {ack_p99:.1f} ms | {ok(ack_p99 < TARGETS["ack_p99_ms"])} |
| no ack ≥ 3 s | max {ack_max:.1f} ms | {ok(ack_max < TARGETS["ack_max_ms"])} |
| every reply delivered | {"yes" if delivered else "no"} | {ok(delivered)} |
| second worker adds < 25 % of the first's RSS | {second["uss"]:.0f} MB private = {share:.0%} of {first["rss"]:.0f} MB | {ok(share < TARGETS["second_worker_share"])} |

| at once | ack p50 | ack p99 | ack max | reply p50 | reply max | delivered |
| --- | --- | --- | --- | --- | --- | --- |
{rows}

Memory after the rounds, from `/proc/<pid>/smaps_rollup` (USS = private clean + dirty):

| process | RSS | PSS | USS |
| --- | --- | --- | --- |
{mem}

What dominates: the acknowledgement is Bolt's parsing and signature check (the answer runs
after it, on Bolt's listener threads); a reply's time is the queue of answers on two cores
plus one POST to the `response_url`. Workers share the store and indexes copy-on-write
(`gc.freeze()` before the fork keeps the collector from touching them); what a worker owns
is what answering has touched since.
{END}"""


def write(text: str) -> None:
    path = BENCH / "RESULTS.md"
    current = path.read_text(encoding="utf-8")
    if START in current:
        before, rest = current.split(START, 1)
        current = before + text + rest.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    figures = main()
    if "--write" in sys.argv[1:]:
        write(section(figures))
