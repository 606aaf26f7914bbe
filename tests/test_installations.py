"""Installing in many workspaces: Bolt's OAuth flow with our settings, rows in a real SQLite file,
the stand-in Web API's oauth.v2.access, per-team tokens, and uninstalls."""

from __future__ import annotations

import json
import re
import time
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from polling import wait_until
from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_stub import SlackStub, Workspace

from bot.config import ConfigError, Settings, load_settings
from bot.installations import BOT_SCOPES, SignedStateStore, engine_from_url, oauth_settings

ROOT = Path(__file__).resolve().parent.parent
OAUTH_ENV = {
    "SLACK_CLIENT_ID": "1111.2222",
    "SLACK_CLIENT_SECRET": "client-secret",
    "SLACK_STATE_SECRET": "state-secret",
}


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/db/installations.sqlite3"


def rows(url: str, table: str) -> list[dict[str, Any]]:
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as conn:
        result = [dict(r) for r in conn.execute(sqlalchemy.text(f"SELECT * FROM {table}")).mappings()]
    engine.dispose()
    return result


def oauth_app(stub: SlackStub, database: str, **env: str) -> App:
    settings = load_settings({**OAUTH_ENV, "DATABASE_URL": database, **env})
    client = WebClient(base_url=stub.api_url)
    app = App(
        signing_secret="unused",
        oauth_settings=oauth_settings(settings),
        client=client,
        request_verification_enabled=False,
    )
    app.enable_token_revocation_listeners()

    @app.event("app_mention")
    def reply(event: dict[str, Any], client: WebClient) -> None:
        client.chat_postMessage(channel=event["channel"], text="answer")

    return app


def install(app: App, stub: SlackStub, workspace: Workspace, code: str) -> tuple[int, str]:
    """The browser's part: open /slack/install, approve (Slack redirects with a code), land on the redirect."""
    assert app.oauth_flow is not None
    page = app.oauth_flow.handle_installation(BoltRequest(body="", query="", headers={}))
    assert page.status == 200
    cookie = page.headers["set-cookie"][0].split(";")[0]
    link = re.search(r'href="(https://slack.com/oauth/v2/authorize\?[^"]+)"', page.body)
    assert link, page.body
    query = urllib.parse.parse_qs(urllib.parse.urlparse(link.group(1).replace("&amp;", "&")).query)
    assert query["scope"] == [",".join(BOT_SCOPES)]
    assert cookie == f"slack-app-oauth-state={query['state'][0]}"
    stub.grant(code, workspace)
    back = {"code": code, "state": query["state"][0]}
    done = app.oauth_flow.handle_callback(BoltRequest(body="", query=back, headers={"cookie": cookie}))
    return done.status, done.body


def event(payload: dict[str, Any], team: str) -> BoltRequest:
    body = {"type": "event_callback", "team_id": team, "api_app_id": "A0001", "event_id": f"Ev{team}{payload['type']}"}
    body |= {"event": payload, "authorizations": [{"team_id": team, "user_id": "UBOT0001", "is_bot": True}]}
    return BoltRequest(body=json.dumps(body), headers={"content-type": "application/json"})


def test_not_configured_means_single_workspace() -> None:
    assert oauth_settings(Settings(slack_bot_token="xoxb-1")) is None


def test_install_answer_with_that_teams_token_then_uninstall(stub: SlackStub, database: str) -> None:
    stub.reset()
    app = oauth_app(stub, database)
    status, _ = install(app, stub, Workspace("T0002", "xoxb-team-two"), "code-2")
    assert status == 200
    assert install(app, stub, Workspace("T0003", "xoxb-team-three"), "code-3")[0] == 200
    access = stub.posts("oauth.v2.access")[0]
    assert access.headers["Authorization"] == "Basic MTExMS4yMjIyOmNsaWVudC1zZWNyZXQ="  # client id:secret
    bots = {r["team_id"]: r["bot_token"] for r in rows(database, "slack_bots")}
    assert bots == {"T0002": "xoxb-team-two", "T0003": "xoxb-team-three"}

    mention = {"type": "app_mention", "user": "U1", "text": "<@UBOT0001> ALB1", "ts": "1.1", "channel": "C9"}
    assert app.dispatch(event(mention, "T0003")).status == 200
    post = stub.wait_for(lambda calls: any(c.path == "chat.postMessage" for c in calls))[-1]
    assert post.headers["Authorization"] == "Bearer xoxb-team-three"

    assert app.dispatch(event({"type": "app_uninstalled"}, "T0003")).status == 200
    teams = {"slack_installations": {"T0002"}, "slack_bots": {"T0002"}}
    wait_until(lambda: {table: {r["team_id"] for r in rows(database, table)} for table in teams} == teams)
    stub.reset()
    assert app.dispatch(event(mention, "T0003")).status == 200  # no installation: not answered
    assert app.dispatch(event(mention, "T0002")).status == 200  # a sentinel that is answered
    stub.wait_for(lambda calls: any(c.path == "chat.postMessage" for c in calls))
    time.sleep(0.2)
    assert [c.headers["Authorization"] for c in stub.posts("chat.postMessage")] == ["Bearer xoxb-team-two"]


def test_tokens_revoked_deletes_the_bot(stub: SlackStub, database: str) -> None:
    app = oauth_app(stub, database)
    install(app, stub, Workspace("T0004", "xoxb-team-four"), "code-4")
    revoked = {"type": "tokens_revoked", "tokens": {"bot": ["UBOT0001"]}}
    assert app.dispatch(event(revoked, "T0004")).status == 200
    wait_until(lambda: rows(database, "slack_bots") == [])


def test_redirect_with_a_forged_state_installs_nothing(stub: SlackStub, database: str) -> None:
    app = oauth_app(stub, database)
    assert app.oauth_flow is not None
    forged = "0f8fad5b-d9cb-469f-a165-70867728950e.00"
    request = BoltRequest(
        body="", query={"code": "c", "state": forged}, headers={"cookie": f"slack-app-oauth-state={forged}"}
    )
    assert app.oauth_flow.handle_callback(request).status == 401
    assert rows(database, "slack_bots") == []


def test_state_is_signed_and_single_use(database: str) -> None:
    engine = engine_from_url(database)
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    inner = SQLAlchemyOAuthStateStore(expiration_seconds=60, engine=engine)
    inner.create_tables()
    ours, theirs = SignedStateStore(inner, "secret-a"), SignedStateStore(inner, "secret-b")
    state = ours.issue()
    assert ours.consume(state) is True
    assert ours.consume(state) is False  # used once
    other = theirs.issue()
    assert ours.consume(other) is False  # another deployment's state, same database
    assert ours.consume(other.rpartition(".")[0]) is False  # unsigned
    assert theirs.consume(other) is True


def test_tables_made_in_a_new_sqlite_folder(database: str) -> None:
    oauth_settings(load_settings({**OAUTH_ENV, "DATABASE_URL": database}))
    tables = set(sqlalchemy.inspect(sqlalchemy.create_engine(database)).get_table_names())
    assert {"slack_installations", "slack_bots", "slack_oauth_states"} <= tables


@pytest.mark.parametrize(
    "url, message",
    [
        ("not a url", "DATABASE_URL must be a SQLAlchemy database URL, e.g. postgresql://user@host/db"),
        ("nosuchdb://u@h/db", "DATABASE_URL must be a SQLAlchemy database URL, e.g. postgresql://user@host/db"),
        ("mysql+mysqldb://u@127.0.0.1/db", "DATABASE_URL needs the Python driver 'MySQLdb': pip install it"),
    ],
)
def test_bad_database_url(url: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        oauth_settings(load_settings({**OAUTH_ENV, "DATABASE_URL": url}))
    assert str(error.value) == message


def test_database_that_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "a-folder.db").mkdir()
    with pytest.raises(ConfigError) as error:
        oauth_settings(load_settings({**OAUTH_ENV, "DATABASE_URL": f"sqlite:///{tmp_path}/a-folder.db"}))
    assert str(error.value) == "DATABASE_URL: cannot set up the installation tables (OperationalError)"


def test_sqlite_folder_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    with pytest.raises(ConfigError) as error:
        oauth_settings(load_settings({**OAUTH_ENV, "DATABASE_URL": f"sqlite:///{tmp_path}/a-file/x.db"}))
    assert str(error.value) == f"DATABASE_URL: cannot make the folder {tmp_path}/a-file (FileExistsError)"


def test_scopes_match_the_manifest() -> None:
    manifest = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    bot = re.search(r"^  scopes:\n    bot:\n((?:      - .*\n|\s*#.*\n)+)", manifest, re.M)
    assert bot, "manifest.yml has no oauth_config.scopes.bot list"
    listed = tuple(line.split("- ", 1)[1].split("#")[0].strip() for line in bot.group(1).splitlines() if "- " in line)
    assert listed == BOT_SCOPES


def test_oauth_settings_choose_http_and_need_no_bot_token() -> None:
    settings = load_settings({**OAUTH_ENV, "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s"})
    assert settings.slack_configured and not settings.socket_mode
    assert settings.http_variables == ("SLACK_SIGNING_SECRET",)
    assert load_settings({"SLACK_BOT_TOKEN": "xoxb-1"}).http_variables == ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")


def test_socket_mode_refuses_oauth_with_one_line() -> None:
    from bot.slack.run import run_socket_mode

    settings = load_settings({**OAUTH_ENV, "SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1"})
    with pytest.raises(ConfigError) as error:
        run_socket_mode(None, settings)
    assert str(error.value) == (
        "Socket Mode serves one workspace (SLACK_BOT_TOKEN); installing in many workspaces "
        "(SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET) needs HTTP mode: `make run` or the Procfile's web line"
    )
