"""The one exception family the core raises."""

from __future__ import annotations


class BotError(Exception):
    """Something the user or the operator can fix; its message is one clean line."""


class FactStoreError(BotError):
    """The fact store is invalid. `problems` lists every problem found, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)

    def first(self, limit: int = 20) -> list[str]:
        """At most `limit` problems, then one line counting the rest."""
        if len(self.problems) <= limit:
            return list(self.problems)
        return [*self.problems[:limit], f"… and {len(self.problems) - limit} more problems"]
