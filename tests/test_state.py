"""Shared state: the in-process store, and Redis through a real redis-server on 127.0.0.1
that the tests stop, pause and restart."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from polling import wait_until
from prometheus_client import REGISTRY
from redis_server import RedisServer
from serve import free_port

from bot.config import ConfigError, Settings, load_settings
from bot.state import MemoryState, RedisState, SharedState, state_from_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fallbacks(operation: str) -> float:
    return REGISTRY.get_sample_value("election_bot_redis_fallbacks_total", {"operation": operation}) or 0.0


def outage_lines(caplog: pytest.LogCaptureFixture) -> tuple[list[str], list[str]]:
    messages = [r.getMessage() for r in caplog.records if r.name == "election_bot.state"]
    return [m for m in messages if "unreachable" in m], [m for m in messages if "reachable again" in m]


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="election_bot.state")
    return caplog


@pytest.fixture
def shared(redis_server: RedisServer) -> Iterator[RedisState]:
    state = RedisState.from_url(redis_server.url, timeout=2, retry_interval=0.05)  # slow CI is not an outage
    yield state
    state.client.close()


# --- MemoryState ---------------------------------------------------------------------------


def test_memory_get_put_and_expiry() -> None:
    clock = Clock()
    state = MemoryState(clock=clock)
    assert state.get("c") is None
    state.put("c", '{"turn": 1}', 60)
    assert state.get("c") == '{"turn": 1}'
    clock.now += 59.9
    assert state.get("c") == '{"turn": 1}'
    clock.now += 0.1
    assert state.get("c") is None
    assert len(state) == 0


def test_memory_first_time_once_per_ttl() -> None:
    clock = Clock()
    state = MemoryState(clock=clock)
    assert state.first_time("event:Ev1", 3600) is True
    assert state.first_time("event:Ev1", 3600) is False
    clock.now += 3600
    assert state.first_time("event:Ev1", 3600) is True


def test_memory_is_bounded_oldest_written_goes_first() -> None:
    state = MemoryState(size=3, clock=Clock())
    for key in "abcd":
        state.put(key, key, 60)
    assert [state.get(k) for k in "abcd"] == [None, "b", "c", "d"]
    state.put("b", "b2", 60)  # rewriting makes it the newest
    state.put("e", "e", 60)
    assert [state.get(k) for k in "bcde"] == ["b2", None, "d", "e"]


def test_memory_drops_expired_entries_as_it_writes() -> None:
    clock = Clock()
    state = MemoryState(clock=clock)
    for n in range(100):
        state.first_time(f"event:{n}", 10)
    clock.now += 10
    state.put("fresh", "x", 10)
    assert len(state) == 1


def first_time_races(states: list[SharedState], keys: int = 20, threads: int = 16) -> list[int]:
    """Every thread claims every key; returns how many claims won, per key."""
    wins = [0] * keys
    lock, barrier = threading.Lock(), threading.Barrier(threads)

    def claim(n: int) -> None:
        barrier.wait()
        for k in range(keys):
            if states[n % len(states)].first_time(f"event:race{k}", 60):
                with lock:
                    wins[k] += 1

    workers = [threading.Thread(target=claim, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return wins


def test_memory_first_time_is_thread_safe() -> None:
    assert first_time_races([MemoryState()]) == [1] * 20


# --- RedisState against a real redis-server -----------------------------------------------


def test_redis_put_get_with_ttl(shared: RedisState) -> None:
    shared.put("T1:C1:171.1", '{"elections": ["alb1"]}', 1800)
    assert shared.get("T1:C1:171.1") == '{"elections": ["alb1"]}'
    assert 1_799_000 < shared.client.pttl("election-bot:T1:C1:171.1") <= 1_800_000
    assert shared.get("T1:C1:other") is None


def test_redis_context_written_by_one_instance_is_read_by_another(redis_server: RedisServer) -> None:
    one, two = RedisState.from_url(redis_server.url, timeout=2), RedisState.from_url(redis_server.url, timeout=2)
    one.put("T1:D1:D1", "turn-1", 60)
    assert two.get("T1:D1:D1") == "turn-1"
    two.put("T1:D1:D1", "turn-2", 60)
    assert one.get("T1:D1:D1") == "turn-2"  # Redis wins over this process's older copy


def test_redis_first_time_once_across_instances_and_threads(redis_server: RedisServer) -> None:
    instances: list[SharedState] = [RedisState.from_url(redis_server.url, timeout=2) for _ in range(4)]
    assert first_time_races(instances) == [1] * 20


def test_redis_stopped_then_restarted(
    redis_server: RedisServer, shared: RedisState, logs: pytest.LogCaptureFixture
) -> None:
    shared.put("conv", "before", 60)
    assert shared.first_time("event:before", 60) is True
    get_fallbacks = fallbacks("get")

    redis_server.stop()
    for n in range(50):  # requests keep being served, from this process's store
        assert shared.get("conv") == "before"
        assert shared.first_time(f"event:outage{n}", 60) is True
        assert shared.first_time(f"event:outage{n}", 60) is False
    shared.put("conv", "during", 60)
    assert shared.get("conv") == "during"
    assert shared.first_time("event:before", 60) is False
    assert not shared.available
    assert fallbacks("get") > get_fallbacks
    down, up = outage_lines(logs)
    assert down == [
        f"Redis at 127.0.0.1:{redis_server.port} unreachable (ConnectionError): using per-process state until it is back"
        f" (pid {os.getpid()})"
    ]
    assert up == []

    redis_server.start()  # empty: nothing was persisted
    wait_until(lambda: shared.get("conv") is not None and shared.available)
    assert shared.first_time("event:after", 60) is True
    assert shared.client.exists("election-bot:event:after")
    assert shared.first_time("event:after", 60) is False
    assert shared.first_time("event:outage3", 60) is False  # seen during the outage, by this process
    assert shared.get("conv") == "during"  # Redis lost it; this process's copy carries the conversation on
    shared.put("conv", "after", 60)
    assert shared.client.get("election-bot:conv") == "after"
    down, up = outage_lines(logs)
    assert len(down) == 1
    assert len(up) == 1
    assert up[0].startswith(f"Redis at 127.0.0.1:{redis_server.port} reachable again after ")


def test_redis_paused_requests_do_not_hang(redis_server: RedisServer, logs: pytest.LogCaptureFixture) -> None:
    """A Redis that accepts nothing (SIGSTOP) costs a request its short timeout, then nothing."""
    shared = RedisState.from_url(redis_server.url, timeout=0.1, retry_interval=60)
    shared.put("conv", "kept", 60)
    assert redis_server.process is not None
    os.kill(redis_server.process.pid, signal.SIGSTOP)
    try:
        assert shared.get("conv") == "kept"
        assert [shared.first_time("event:p", 60), shared.first_time("event:p", 60)] == [True, False]
    finally:
        os.kill(redis_server.process.pid, signal.SIGCONT)
    assert len(outage_lines(logs)[0]) == 1
    assert "(TimeoutError)" in outage_lines(logs)[0][0]


# --- chosen in one place --------------------------------------------------------------------


def test_no_redis_url_means_in_process() -> None:
    assert isinstance(state_from_settings(Settings()), MemoryState)


def test_redis_url_means_redis(redis_server: RedisServer, logs: pytest.LogCaptureFixture) -> None:
    state = state_from_settings(load_settings({"REDIS_URL": redis_server.url}))
    assert isinstance(state, RedisState)
    assert state.available
    assert [r.getMessage() for r in logs.records] == [f"shared state in Redis at 127.0.0.1:{redis_server.port}"]


def test_unreachable_redis_at_start_is_logged_once_and_served_locally(logs: pytest.LogCaptureFixture) -> None:
    port = free_port()
    state = state_from_settings(load_settings({"REDIS_URL": f"redis://:hunter2@127.0.0.1:{port}/0"}))
    assert isinstance(state, RedisState)
    assert not state.available
    assert state.first_time("event:x", 60) is True
    assert state.first_time("event:x", 60) is False
    messages = [r.getMessage() for r in logs.records]
    assert messages == [
        f"Redis at 127.0.0.1:{port} unreachable (ConnectionError): using per-process state until it is back"
        f" (pid {os.getpid()})"
    ]


@pytest.mark.parametrize(
    "env, message",
    [
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL must be a URL starting with redis://, rediss://, unix://"),
        (
            {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s"},
            "installing in many workspaces (OAuth) also needs: SLACK_STATE_SECRET",
        ),
    ],
)
def test_settings_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(env)
    assert str(error.value) == message


def test_settings_defaults(tmp_path: Path) -> None:
    settings = load_settings({"XDG_STATE_HOME": str(tmp_path)})
    assert settings.redis_url is None
    assert settings.database_url == f"sqlite:///{tmp_path}/election-bot/installations.sqlite3"
    assert not settings.oauth_configured
    assert "hunter2" not in repr(load_settings({"REDIS_URL": "redis://:hunter2@h:1/0"}))
