"""Scaling out, end to end: two instances of the Procfile's web line sharing one real Redis,
Redis stopped and restarted under traffic, and the OAuth install flow into SQLite against the
stand-in Web API. Requests are signed as Slack signs them."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
import serve
import sqlalchemy
from polling import wait_until
from prometheus_client.parser import text_string_to_metric_families
from redis_server import RedisServer
from slack_requests import SIGNING_SECRET, dm, event_body, mention, send
from slack_stub import SlackStub, Workspace

JSON = "application/json"
OAUTH = {"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "client-secret", "SLACK_STATE_SECRET": "state-secret"}


@dataclass
class Instance:
    process: Any
    base: str
    log: Path

    @property
    def events(self) -> str:
        return self.base + "/slack/events"

    def metric(self, name: str, labels: dict[str, str]) -> float:
        with urllib.request.urlopen(self.base + "/metrics", timeout=10) as response:
            text = response.read().decode()
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == name and sample.labels == labels:
                    return float(sample.value)
        return 0.0


def start_instances(stub: SlackStub, folder: Path, count: int, **env: str) -> list[Instance]:
    base_env = {
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": stub.api_url,
        "SLACK_API_TIMEOUT": "2",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "INFO",
    }
    instances = []
    for n in range(count):
        log = folder / f"instance{n}.log"
        instances.append(Instance(*serve.start(base_env | env, log), log))
    return instances


def posts_by_channel(stub: SlackStub) -> Counter[str]:
    return Counter(str(c.body.get("channel")) for c in stub.posts("chat.postMessage"))


@pytest.fixture(scope="module")
def pair(stub: SlackStub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Instance]]:
    """Two instances, two workers each, one Redis."""
    folder = tmp_path_factory.mktemp("pair")
    redis = RedisServer(folder).start()
    instances = start_instances(stub, folder, 2, SLACK_BOT_TOKEN="xoxb-pair", REDIS_URL=redis.url)
    yield instances
    for instance in instances:
        serve.stop(instance.process)
    redis.stop()


def test_same_event_to_both_instances_is_answered_once(stub: SlackStub, pair: list[Instance]) -> None:
    stub.reset()
    one, two = pair
    before = sum(i.metric("election_bot_duplicate_events_total", {"reason": "http_error"}) for i in pair)
    bodies = [event_body(dm("LDJ5 turnout", channel=f"DTWICE{n}")) for n in range(12)]
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}  # not a timeout: must be checked
    deliveries = [(one, b, {}) for b in bodies] + [(two, b, retry) for b in bodies]
    with ThreadPoolExecutor(8) as pool:  # the original and its retry race each other
        statuses = list(pool.map(lambda d: send(d[0].events, d[1], JSON, headers=d[2]).status, deliveries))
    assert statuses == [200] * 24
    expected = {f"DTWICE{n}" for n in range(12)}
    stub.wait_for(lambda calls: expected <= {c.body.get("channel") for c in calls if c.path == "chat.postMessage"})
    send(one.events, event_body(dm("ALB1", channel="DSENTINEL")), JSON)  # after it, any duplicate has had time
    stub.wait_for(lambda calls: any(c.body.get("channel") == "DSENTINEL" for c in calls))
    time.sleep(0.5)
    assert posts_by_channel(stub) == Counter(expected | {"DSENTINEL"})
    after = sum(i.metric("election_bot_duplicate_events_total", {"reason": "http_error"}) for i in pair)
    assert after - before == 12


def test_conversation_begun_on_one_instance_continues_on_the_other(stub: SlackStub, pair: list[Instance]) -> None:
    one, two = pair

    def ask(instance: Instance, question: str, channel: str) -> str:
        before = len(stub.posts("chat.postMessage"))
        assert send(instance.events, event_body(dm(question, channel=channel)), JSON).status == 200
        calls = stub.wait_for(lambda c: len([x for x in c if x.path == "chat.postMessage"]) > before)
        return str([c for c in calls if c.path == "chat.postMessage"][-1].body["text"])

    stub.reset()
    assert ask(one, "LDJ5 result", "DCONV1").startswith("LDJ5: 618 no / 380 yes")
    assert ask(two, "turnout?", "DCONV1").startswith("LDJ5 turnout")  # the other instance knows what "it" is
    assert not ask(two, "turnout?", "DCONV2").startswith("LDJ5")  # another conversation does not


def test_metrics_count_answers_across_workers(stub: SlackStub, pair: list[Instance]) -> None:
    one, _ = pair
    labels = {"surface": "mention", "outcome": "answered"}
    before = one.metric("election_bot_requests_total", labels)
    for n in range(6):
        assert send(one.events, event_body(mention("ALB1", channel=f"CMET{n}")), JSON).status == 200
    wait_until(lambda: one.metric("election_bot_requests_total", labels) == before + 6)
    assert one.metric("election_bot_answer_seconds_count", {"surface": "mention"}) >= 6


def test_redis_stopped_for_ten_seconds_under_traffic(stub: SlackStub, tmp_path: Path) -> None:
    stub.reset()
    redis = RedisServer(tmp_path).start()
    instances = start_instances(stub, tmp_path, 2, SLACK_BOT_TOKEN="xoxb-outage", REDIS_URL=redis.url)
    statuses: list[int] = []
    sent: list[str] = []
    stop = threading.Event()

    def traffic() -> None:
        n = 0
        while not stop.is_set():
            channel = f"DOUT{n}"
            statuses.append(send(instances[n % 2].events, event_body(dm("JFK8", channel=channel)), JSON).status)
            sent.append(channel)
            n += 1
            time.sleep(0.05)

    sender = threading.Thread(target=traffic)
    try:
        sender.start()
        time.sleep(2)
        redis.stop()
        time.sleep(10)
        redis.start()
        time.sleep(3)
        stop.set()
        sender.join()
        stub.wait_for(lambda calls: set(sent) <= {c.body.get("channel") for c in calls if c.path == "chat.postMessage"})
        # after recovery, Redis decides again: one event to both instances is answered once
        body = event_body(dm("ALB1", channel="DAFTER"))
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
        assert [send(i.events, body, JSON, headers=retry if i is instances[1] else {}).status for i in instances] == [
            200,
            200,
        ]
        stub.wait_for(lambda calls: any(c.body.get("channel") == "DAFTER" for c in calls))
        time.sleep(0.5)
        fallbacks = [i.metric("election_bot_redis_fallbacks_total", {"operation": "first_time"}) for i in instances]
        outages = [i.metric("election_bot_redis_outages_total", {}) for i in instances]
    finally:
        stop.set()
        for instance in instances:
            serve.stop(instance.process)
        redis.stop()
    assert set(statuses) == {200}
    assert len(sent) > 150
    assert all(n > 0 for n in fallbacks) and all(1 <= n <= 2 for n in outages)  # /metrics saw it (per worker)
    assert posts_by_channel(stub) == Counter([*sent, "DAFTER"])  # every one answered, once
    for instance in instances:
        text = instance.log.read_text()
        down = Counter(re.findall(r"ERROR election_bot.state Redis at \S+ unreachable .*\(pid (\d+)\)", text))
        up = Counter(re.findall(r"INFO election_bot.state Redis at \S+ reachable again after .*; pid (\d+)\)", text))
        assert down and set(down.values()) == {1}, text  # one error per worker that noticed, per outage
        assert up and set(up.values()) == {1} and set(up) <= set(down), text
        assert "Traceback" not in text


# --- installing in many workspaces -----------------------------------------------------------


def get(url: str, cookie: str = "") -> tuple[int, Message, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def team_event(event: dict[str, Any], team: str, event_id: str | None = None) -> str:
    body = json.loads(event_body(event, event_id=event_id))
    body["team_id"] = team
    body["authorizations"][0]["team_id"] = team
    return json.dumps(body)


def bot_rows(database: str, table: str = "slack_bots") -> dict[str, str]:
    engine = sqlalchemy.create_engine(database)
    with engine.connect() as conn:
        rows = conn.execute(sqlalchemy.text(f"SELECT team_id, bot_token FROM {table}")).all()
    engine.dispose()
    return {str(team): str(token) for team, token in rows}


def install(instance: Instance, stub: SlackStub, workspace: Workspace) -> str:
    """The installer's browser: /slack/install, approve at Slack, back to /slack/oauth_redirect."""
    status, headers, page = get(instance.base + "/slack/install")
    assert status == 200
    cookie = str(headers.get("Set-Cookie")).split(";")[0]
    state = cookie.split("=", 1)[1]
    assert f"state={state}" in page
    code = f"code-{workspace.team_id}"
    stub.grant(code, workspace)
    query = urllib.parse.urlencode({"code": code, "state": state})
    status, _, page = get(f"{instance.base}/slack/oauth_redirect?{query}", cookie)
    assert status == 200, page
    return page


def test_install_answer_with_that_workspaces_token_uninstall(stub: SlackStub, tmp_path: Path) -> None:
    stub.reset()
    database = f"sqlite:///{tmp_path}/installs/bot.sqlite3"
    (app,) = start_instances(stub, tmp_path, 1, DATABASE_URL=database, **OAUTH)
    try:
        assert "Thank you!" in install(app, stub, Workspace("T0777", "xoxb-seven"))
        install(app, stub, Workspace("T0888", "xoxb-eight"))
        assert bot_rows(database) == {"T0777": "xoxb-seven", "T0888": "xoxb-eight"}
        assert bot_rows(database, "slack_installations") == bot_rows(database)

        send(app.events, team_event(mention("LDJ5 turnout", channel="CSEVEN"), "T0777"), JSON)
        post = stub.wait_for(lambda calls: any(c.body.get("channel") == "CSEVEN" for c in calls))[-1]
        assert post.headers["Authorization"] == "Bearer xoxb-seven"
        assert post.body["text"].startswith("LDJ5 turnout")

        assert send(app.events, team_event({"type": "app_uninstalled"}, "T0777"), JSON).status == 200
        wait_until(lambda: bot_rows(database) == bot_rows(database, "slack_installations") == {"T0888": "xoxb-eight"})
        stub.reset()
        send(app.events, team_event(mention("ALB1", channel="CGONE"), "T0777"), JSON)
        send(app.events, team_event(mention("ALB1", channel="CEIGHT"), "T0888"), JSON)  # a sentinel
        stub.wait_for(lambda calls: any(c.body.get("channel") == "CEIGHT" for c in calls))
        time.sleep(0.3)
        assert [(c.body["channel"], c.headers["Authorization"]) for c in stub.posts("chat.postMessage")] == [
            ("CEIGHT", "Bearer xoxb-eight")
        ]
        forged = send(app.events, team_event({"type": "app_uninstalled"}, "T0888"), JSON, secret="forged")
        assert forged.status == 401
        assert bot_rows(database) == {"T0888": "xoxb-eight"}
    finally:
        serve.stop(app.process)
    assert "Traceback" not in app.log.read_text()


def test_single_workspace_has_no_install_pages(stub: SlackStub, pair: list[Instance]) -> None:
    assert get(pair[0].base + "/slack/install")[0] == 404
