"""Logging set-up for the long-running surfaces, with secrets scrubbed from every record."""

from __future__ import annotations

import logging
import re
import sys

SECRET = re.compile(r"\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)")


class RedactSecrets(logging.Filter):
    """Replaces anything shaped like a Slack token in a log record by a placeholder."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if SECRET.search(message):
            record.msg, record.args = SECRET.sub("[redacted]", message), ()
        return True


class CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is at the time of the record, not the one at set-up.

    A server built inside a test (or any code that swaps stderr) keeps logging after the swap
    is undone; a handler holding the old stream would then write to a closed file.
    """

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def setup(level: str) -> None:
    handler = CurrentStderr()
    handler.addFilter(RedactSecrets())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    if level != "DEBUG":  # the Slack libraries are chatty at INFO
        for name in ("slack_bolt", "slack_sdk", "election_bot.bolt"):
            logging.getLogger(name).setLevel(logging.WARNING)
