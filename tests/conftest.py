from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis_server import RedisServer
from slack_stub import SlackStub

from bot.models import Channel, Election, Organisation, OrgKind, Outcome, Person, Quote, Source, Status, TallyType, Text
from bot.store import DEFAULT_FACTS_DIR, Store, load


@pytest.fixture(scope="module")
def stub() -> Iterator[SlackStub]:
    """The stand-in Slack Web API (slack_stub.py), one per test module."""
    server = SlackStub().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_store() -> Store:
    return load(DEFAULT_FACTS_DIR)


@pytest.fixture
def facts_copy(tmp_path: Path) -> Path:
    """A writable copy of the real fact directory (the curated files; the official layer is tested on its own)."""
    target = tmp_path / "facts"
    shutil.copytree(DEFAULT_FACTS_DIR, target, ignore=shutil.ignore_patterns("nlrb"))
    return target


@pytest.fixture(scope="session")
def store() -> Store:
    """A small store built from literal records, for unit tests."""
    src = Source(id="s1", publisher="Daily Labor", published=dt.date(2024, 3, 1), language="en")
    return Store.build(
        sources=[src],
        elections=[
            Election(
                id="abc1",
                code="ABC1",
                employer="Acme",
                city="Springfield",
                state="IL",
                union="Workers United",
                union_abbr="WU",
                tally_date="2024-02-28",
                tally_type=TallyType.final,
                status=Status.tallied,
                votes_for=120,
                votes_against=80,
                void_ballots=3,
                challenged_ballots=1,
                eligible_voters=250,
                outcome=Outcome.won,
                aliases=("Springfield plant",),
                sources=("s1",),
            ),
            Election(
                id="abc2",
                code="ABC2",
                employer="Acme",
                city="Shelbyville",
                state="IL",
                union="Workers United",
                tally_date="2024-02-29",
                status=Status.tallied,
                votes_for=50,
                votes_against=50,
                outcome=Outcome.lost,
                sources=("s1",),
            ),
        ],
        organisations=[
            Organisation(id="wu", name="Workers United", abbreviation="WU", kind=OrgKind.union, sources=("s1",))
        ],
        people=[
            Person(
                id="ann",
                name="Ann Example",
                aliases=("Example",),
                role=Text(en="WU organizer"),
                organisation="wu",
                sources=("s1",),
            )
        ],
        quotes=[
            Quote(
                id="q1",
                speaker="ann",
                text="We built this union one shift at a time.",
                lang="en",
                channel=Channel.rally,
                elections=("abc1",),
                source="s1",
            )
        ],
    )


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests (and the CLIs they start) out of the real cache and history folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A real redis-server of the test's own on 127.0.0.1 (it may stop and restart it)."""
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
