"""The context of a conversation: what a follow-up question may refer to (see bot/conversation.py)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from bot.models import Answer, Lang


@dataclass(frozen=True, slots=True)
class Context:
    """What a follow-up may refer to: the previous turn's records and kind of question."""

    elections: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    intent: str | None = None
    figure: str | None = None
    row: str | None = None
    lang: Lang = "en"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Context:
        data = json.loads(text)
        return cls(
            elections=tuple(data.get("elections", ())),
            people=tuple(data.get("people", ())),
            organisations=tuple(data.get("organisations", ())),
            intent=data.get("intent"),
            figure=data.get("figure"),
            row=data.get("row"),
            lang="zh" if data.get("lang") == "zh" else "en",
        )

    @classmethod
    def of(cls, a: Answer, previous: Context | None = None) -> Context:
        """The context an answer leaves; an answer about nothing keeps the previous records."""
        before = previous or cls()
        speakers = {q.speaker for q in a.quotes}
        return cls(
            elections=tuple(e.id for e in a.elections[:4]) or before.elections,
            people=tuple(p.id for p in a.people if not speakers or p.id in speakers)[:3] or before.people,
            organisations=tuple(o.id for o in a.organisations)[:3] or before.organisations,
            intent=a.intent.value if a.answered else before.intent,
            figure=a.figure.value if a.figure else (None if a.answered else before.figure),
            row=a.row if a.answered else before.row,
            lang=a.lang,
        )
