"""Settings: the only module that reads the environment (and `.env`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.errors import BotError
from bot.paths import DEFAULT_FACTS_DIR

SLACK_API_URL = "https://slack.com/api/"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
OAUTH_VARIABLES = ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET")


class ConfigError(BotError):
    pass


@dataclass(frozen=True)
class Settings:
    facts_dir: Path = DEFAULT_FACTS_DIR
    log_level: str = "INFO"
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = SLACK_API_URL
    slack_api_timeout: float = 10.0  # seconds for one Web API call
    port: int = 3000
    no_color: bool = False
    history_file: Path | None = None
    cache_dir: Path | None = None  # where the CLI keeps the validated store; None: no cache
    # Scaling out (bot/state.py, bot/installations.py, bot/metrics.py): all optional.
    redis_url: str | None = None  # shared state across workers/instances; None: per process
    database_url: str | None = None  # installations and OAuth state (SQLAlchemy URL)
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_state_secret: str | None = None  # signs OAuth state values
    slack_redirect_uri: str | None = None
    metrics_dir: Path | None = None  # PROMETHEUS_MULTIPROC_DIR: set under gunicorn by bot/gunicorn_conf.py
    metrics_token: str | None = None  # if set, /metrics wants "Authorization: Bearer <token>"

    def __repr__(self) -> str:  # secrets never reach a log line through repr()
        return (
            f"Settings(facts_dir={str(self.facts_dir)!r}, log_level={self.log_level!r}, "
            f"slack_api_url={self.slack_api_url!r}, port={self.port}, "
            f"bot_token={'set' if self.slack_bot_token else 'unset'}, "
            f"signing_secret={'set' if self.slack_signing_secret else 'unset'}, "
            f"app_token={'set' if self.slack_app_token else 'unset'}, "
            f"redis={'set' if self.redis_url else 'unset'}, oauth={'set' if self.oauth_configured else 'unset'})"
        )

    @property
    def oauth_configured(self) -> bool:
        """Installable in many workspaces (OAuth) rather than one bot token."""
        return bool(self.slack_client_id and self.slack_client_secret and self.slack_state_secret)

    @property
    def slack_configured(self) -> bool:
        if self.oauth_configured:  # many workspaces: served over HTTP, tokens from the installations
            return bool(self.slack_signing_secret)
        return bool(self.slack_bot_token and (self.slack_app_token or self.slack_signing_secret))

    @property
    def socket_mode(self) -> bool:
        return bool(self.slack_app_token) and not self.oauth_configured

    @property
    def http_variables(self) -> tuple[str, ...]:
        """What serving Slack over HTTP needs: the signing secret, and a bot token unless installed through OAuth."""
        return ("SLACK_SIGNING_SECRET",) if self.oauth_configured else ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")

    def require(self, *names: str) -> None:
        """Raise one clear error naming every missing variable among `names` (env var names)."""
        missing = [name for name in names if not getattr(self, name.lower())]
        if missing:
            raise ConfigError(
                f"missing environment variable(s): {', '.join(missing)} (set them in the environment or .env)"
            )


def load_settings(environ: Mapping[str, str] | None = None, *, dotenv: bool = True) -> Settings:
    """Read settings from `environ` (default: os.environ, after loading `.env` when present)."""
    if environ is None:
        env_file = Path.cwd() / ".env"
        if dotenv and env_file.is_file():
            from dotenv import load_dotenv  # imported only when there is a .env to read

            load_dotenv(env_file, override=False)
        environ = os.environ

    def get(name: str) -> str | None:
        value = environ.get(name, "").strip()
        return value or None

    port_text = get("PORT") or "3000"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError(f"PORT must be a port number from 1 to 65535 (got {port_text!r})")
    level = (get("LOG_LEVEL") or "INFO").upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)} (got {level!r})")
    api_url = get("SLACK_API_URL") or SLACK_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise ConfigError(f"SLACK_API_URL must be an http(s) URL (got {api_url!r})")
    timeout_text = get("SLACK_API_TIMEOUT") or "10"
    try:
        timeout = float(timeout_text)
    except ValueError:
        timeout = 0.0
    if not 0 < timeout <= 120:
        raise ConfigError(f"SLACK_API_TIMEOUT must be a number of seconds from 0 to 120 (got {timeout_text!r})")
    redis_url = get("REDIS_URL")
    if redis_url and not redis_url.startswith(REDIS_SCHEMES):  # the value is not echoed: it may hold a password
        raise ConfigError(f"REDIS_URL must be a URL starting with {', '.join(REDIS_SCHEMES)}")
    oauth = {name: get(name) for name in OAUTH_VARIABLES}
    if any(oauth.values()) and not all(oauth.values()):
        missing = ", ".join(name for name, value in oauth.items() if not value)
        raise ConfigError(f"installing in many workspaces (OAuth) also needs: {missing}")
    state = Path(get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    cache = Path(get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return Settings(
        facts_dir=Path(get("FACTS_DIR") or DEFAULT_FACTS_DIR),
        log_level=level,
        slack_bot_token=get("SLACK_BOT_TOKEN"),
        slack_signing_secret=get("SLACK_SIGNING_SECRET"),
        slack_app_token=get("SLACK_APP_TOKEN"),
        slack_api_url=api_url if api_url.endswith("/") else api_url + "/",
        slack_api_timeout=timeout,
        port=int(port_text),
        no_color="NO_COLOR" in environ,
        history_file=Path(get("ELECTION_BOT_HISTORY") or state / "election-bot" / "history"),
        cache_dir=None if get("ELECTION_BOT_NO_CACHE") else cache / "election-bot",
        redis_url=redis_url,
        database_url=get("DATABASE_URL") or f"sqlite:///{state / 'election-bot' / 'installations.sqlite3'}",
        slack_client_id=oauth["SLACK_CLIENT_ID"],
        slack_client_secret=oauth["SLACK_CLIENT_SECRET"],
        slack_state_secret=oauth["SLACK_STATE_SECRET"],
        slack_redirect_uri=get("SLACK_REDIRECT_URI"),
        metrics_dir=Path(multiproc) if (multiproc := get("PROMETHEUS_MULTIPROC_DIR")) else None,
        metrics_token=get("METRICS_TOKEN"),
    )
