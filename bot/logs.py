"""Logging set-up for the long-running surfaces, with secrets scrubbed from every record."""

from __future__ import annotations

import logging
import re

SECRET = re.compile(r"\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)")


class RedactSecrets(logging.Filter):
    """Replaces anything shaped like a Slack token in a log record by a placeholder."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if SECRET.search(message):
            record.msg, record.args = SECRET.sub("[redacted]", message), ()
        return True


def setup(level: str) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RedactSecrets())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    if level != "DEBUG":  # the Slack libraries are chatty at INFO
        for name in ("slack_bolt", "slack_sdk", "election_bot.bolt"):
            logging.getLogger(name).setLevel(logging.WARNING)
