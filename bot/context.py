"""The context of a conversation: what a follow-up question may refer to (see bot/conversation.py)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from bot.models import Answer, Lang

MAX_OFFICIAL = 12  # NLRB tallies remembered from one turn (a page of a list)


@dataclass(frozen=True, slots=True)
class Context:
    """What a follow-up may refer to: the previous turn's records and kind of question."""

    elections: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    official: tuple[str, ...] = ()  # NLRB tallies (ids) of the last turn about official elections only
    official_query: str | None = None  # what the last list over the NLRB's elections was filtered on (JSON)
    earlier: tuple[str, ...] = ()  # elections of the turns before, most recent first ("the Staten Island one")
    intent: str | None = None
    figure: str | None = None
    row: str | None = None
    role: str | None = None  # the role the last who-is question asked ("who leads …?")
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
            quotes=tuple(data.get("quotes", ())),
            official=tuple(data.get("official", ())),
            official_query=data.get("official_query"),
            earlier=tuple(data.get("earlier", ())),
            intent=data.get("intent"),
            figure=data.get("figure"),
            row=data.get("row"),
            role=data.get("role"),
            lang="zh" if data.get("lang") == "zh" else "en",
        )

    @classmethod
    def of(cls, a: Answer, previous: Context | None = None) -> Context:
        """The context an answer leaves: its records, or the previous turn's when it names none; its
        kind of question, even when it could not answer it ("turnout?" -> "at LDJ5")."""
        before = previous or cls()
        people = list(a.speakers) or [p.id for p in a.people]
        about_official = bool(a.official) and not a.elections  # an NLRB election: no curated one is carried
        elections = (
            ()
            if about_official
            else (
                tuple(e.id for e in a.elections[:4])
                or tuple(dict.fromkeys(e for q in a.quotes for e in q.elections))[
                    :1
                ]  # what the quoted words were about
                or before.elections
            )
        )
        earlier = tuple(dict.fromkeys(e for e in (*before.elections, *before.earlier) if e not in elections))[:4]
        official = tuple(r.id for r in a.official[:MAX_OFFICIAL]) if about_official else ()
        return cls(
            elections=elections,
            official=official or (before.official if not (a.elections or a.people) else ()),
            official_query=a.official_query or (before.official_query if not (a.elections or a.people) else None),
            earlier=earlier,
            people=tuple(people[:3]) or before.people,
            organisations=tuple(o.id for o in a.organisations)[:3] or before.organisations,
            # a turn about the speaker ("what's her title?") keeps the quotes shown before ("when did she say it?")
            quotes=tuple(q.id for q in a.quotes[:3]) or (before.quotes if a.intent.value == "who_is" else ()),
            intent=a.intent.value if a.row else before.intent,
            figure=a.figure.value if a.figure else (None if a.row else before.figure),
            row=a.row or before.row,
            role=a.role if a.row else before.role,
            lang=a.lang,
        )
