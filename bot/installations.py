"""Installing in many workspaces: Bolt's OAuth flow with slack-sdk's SQLAlchemy stores.

With SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET set, the HTTP app serves
/slack/install and /slack/oauth_redirect; each workspace's (or Enterprise Grid org's) bot
token is kept in SQL (DATABASE_URL: a SQLite file by default, PostgreSQL in production) and
looked up per request by team/enterprise. Bolt's token-revocation listeners delete the rows
on `app_uninstalled` and `tokens_revoked`.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bot.config import ConfigError

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger("election_bot.installations")

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600  # an installer has ten minutes between "Add to Slack" and approving
# The bot scopes requested at install: the same list as manifest.yml's oauth_config (a test checks).
BOT_SCOPES = (
    "commands",
    "app_mentions:read",
    "im:history",
    "chat:write",
    "users:read",
    "links:read",
    "links:write",
    "assistant:write",
)


class SignedStateStore(OAuthStateStore):
    """OAuth `state` values signed with SLACK_STATE_SECRET around a store that keeps them single-use.

    A state not made by this deployment (forged, or from another app sharing the database)
    is refused before the database is asked.
    """

    def __init__(self, store: OAuthStateStore, secret: str) -> None:
        self._store, self._key = store, secret.encode("utf-8")

    @property
    def logger(self) -> logging.Logger:
        return log

    def issue(self, *args: Any, **kwargs: Any) -> str:
        state = self._store.issue(*args, **kwargs)
        return f"{state}.{self._sign(state)}"

    def consume(self, state: str) -> bool:
        value, _, signature = state.rpartition(".")
        if not value or not hmac.compare_digest(signature, self._sign(value)):
            log.warning("OAuth state refused: not signed with this app's SLACK_STATE_SECRET")
            return False
        return bool(self._store.consume(value))

    def _sign(self, value: str) -> str:
        return hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def engine_from_url(url: str) -> sqlalchemy.Engine:
    """A SQLAlchemy engine; a SQLite file's folder is created. Bad URLs become one clear line."""
    try:
        parsed = sqlalchemy.make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database or "").parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"DATABASE_URL: cannot make the folder {folder} ({type(exc).__name__})") from None
        return sqlalchemy.create_engine(parsed)
    except ArgumentError:
        raise ConfigError("DATABASE_URL must be a SQLAlchemy database URL, e.g. postgresql://user@host/db") from None
    except ModuleNotFoundError as exc:
        raise ConfigError(f"DATABASE_URL needs the Python driver {exc.name!r}: pip install it") from None


def oauth_settings(settings: Settings) -> OAuthSettings | None:
    """Bolt's OAuth settings when OAuth is configured (else None: single workspace, one bot token).

    Creates the tables if needed; no database connection is left open, so nothing pooled
    crosses gunicorn's fork.
    """
    client_id, client_secret, secret = (
        settings.slack_client_id,
        settings.slack_client_secret,
        settings.slack_state_secret,
    )
    if not (client_id and client_secret and secret and settings.database_url):
        return None
    engine = engine_from_url(settings.database_url)
    installations = SQLAlchemyInstallationStore(client_id=client_id, engine=engine, logger=log)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine, logger=log)
    try:
        installations.create_tables()  # type: ignore[no-untyped-call]
        states.create_tables()  # type: ignore[no-untyped-call]
    except SQLAlchemyError as exc:
        raise ConfigError(f"DATABASE_URL: cannot set up the installation tables ({type(exc).__name__})") from None
    finally:
        engine.dispose()
    oauth = OAuthSettings(
        client_id=client_id,
        client_secret=client_secret,
        scopes=list(BOT_SCOPES),
        redirect_uri=settings.slack_redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=installations,
        installation_store_bot_only=True,
        state_store=SignedStateStore(states, secret),
        state_expiration_seconds=STATE_SECONDS,
        logger=log,
    )
    # Each request's token is looked up in SQL; the auth.test that follows is cached per token
    # (a revoked token's rows are deleted, so it is never found again to reach the cache).
    oauth.authorize = InstallationStoreAuthorize(
        logger=log,
        installation_store=installations,
        client_id=client_id,
        client_secret=client_secret,
        bot_only=True,
        cache_enabled=True,
    )
    return oauth
