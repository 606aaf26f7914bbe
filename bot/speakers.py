"""Who a question asks to hear from, and which of their statements it asks for.

Never a quote in the wrong mouth: a named speaker the store doesn't know, or a described one
("Amazon's founder") no person's role fits, is reported as such — the engine then says it has
no statements from them, and never falls back to someone else's words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple
from weakref import WeakKeyDictionary

from bot.lexicon import Pattern
from bot.matcher import normalise
from bot.models import Channel, Organisation, Person, Quote
from bot.store import Store
from bot.textsearch import terms

# Words for a role, and the words a holder's role must contain to fit it.
ROLES: tuple[tuple[Pattern, Pattern], ...] = (  # the most specific first: "chief executive" before "chief"
    (  # a deputy is not the head: "the ALU's vice president" is never its president
        Pattern(r"\b(vice|deputy|assistant)[ -]?(president|chair\w*|head|director|leader)\b|副主席|副总裁|副会长"),
        Pattern(r"\b(vice|deputy|assistant)[ -]?(president|chair\w*|head|director|leader)\b|副主席|副总裁|副会长"),
    ),
    (
        Pattern(r"\bfounders?\b|\bceo\b|\bchief executive( officer)?\b|\bowner\b|创始人|创办人|老板|首席执行官"),
        Pattern(r"founder|ceo|chief executive|owner|创始人|首席执行官"),
    ),
    (
        Pattern(r"\bspokes(person|man|woman|people)\b|\b(speaks?|spoke|speaking) for\b|\brep(resentative)?s?\b|发言人"),
        Pattern(r"spokes|发言人"),
    ),
    (
        Pattern(
            r"\b(president|head|leader|chief|boss|chair(man|woman|person|s)?|runs|leads|heads|general president)\b|主席|总裁|领导|负责人|老大|总经理"
        ),
        Pattern(r"president|head|leader|chief|主席|总裁|领导|总经理"),
    ),
    (Pattern(r"\btreasurer\b|财务"), Pattern(r"treasurer|财务")),
    (Pattern(r"\bsecretar(y|ies)\b|秘书"), Pattern(r"secretar|秘书")),  # none on file: asked, never another role
    (Pattern(r"\borgani[sz]ers?\b|组织者"), Pattern(r"organi[sz]er|组织者")),
    (Pattern(r"\bprofessor\b|\bacademic\b|\bexpert\b|教授|专家|学者"), Pattern(r"professor|教授")),
    (Pattern(r"\blawyers?\b|\battorneys?\b|律师"), Pattern(r"lawyer|attorney|律师")),
    (Pattern(r"\b(workers?|employees?|staff)\b|工人|员工|工作人员"), Pattern(r"worker|员工|工人|工作人员")),
    (Pattern(r"\bsenators?\b|参议员"), Pattern(r"senator|参议员")),
)
# A role word right after these is what someone acts on, not a role asked ("who represents workers at JFK8?")
ACTED_ON = Pattern(
    r"\b(represents?|represented|organi[sz]es?|organi[sz]ed|fired|hired|pays?|paid|treats?|helps?|supports?)( the| its| their)?\s*$"
)
# The most specific first: "told CNN in a statement" is a statement.
CHANNELS: tuple[tuple[Channel, Pattern], ...] = (
    (Channel.tweet, Pattern(r"\btweet(s|ed)?\b|\btwitter\b|\bx post\b|推特|推文|发推")),
    (Channel.statement, Pattern(r"\bstatements?\b|\bpress release\b|声明")),
    (Channel.filing, Pattern(r"\bfiling\b|\bfiled\b|\bsec\b|\bregulatory\b|文件|申报")),
    (Channel.rally, Pattern(r"\brally\b|\brallies\b|\bspeech\b|集会|演讲")),
    (Channel.report, Pattern(r"\breport\b|\bstudy\b|\bfindings?\b|\banaly[sz]is\b|报告|研究|调查")),
    (
        Channel.interview,
        Pattern(r"\binterview(s|ed)?\b|\btold (reporters|the press|a reporter)\b|采访|访问"),
    ),
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ZH_WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ISO = Pattern(r"\b(20\d\d)[-/.](\d{1,2})(?:[-/.](\d{1,2}))?\b")
_MONTH = Pattern(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(20\d\d))?\b"
)
_ZH_DATE = Pattern(r"(?:(20\d\d)\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?")


class Speakers(NamedTuple):
    ids: tuple[str, ...]  # people and organisations whose statements are wanted
    unknown: str | None = None  # a named or described speaker the store has no one for


def role_asked(norm: str) -> tuple[Pattern, str] | None:
    """The role a question asks about: the pattern a holder's role must match, and the words used."""
    for words, holder in ROLES:
        for found in words.finditer(norm):
            if not ACTED_ON.search(norm[: found.start()]):  # "who represents workers": workers are not asked for
                return holder, found.group(0)
    return None


class RoleIndex:
    """People's roles, read once per store: normalised role texts, the people whose role fits a
    role pattern (remembered per pattern), and the words of each role (for "who is leading the
    audit?"), so a question never reads every person's role."""

    def __init__(self, store: Store) -> None:
        self.roles = {p.id: normalise(p.role.en + " " + (p.role.zh or "")) for p in store.people.values()}
        self.fitting: dict[str, tuple[str, ...]] = {}
        self.postings: dict[str, list[str]] = {}
        for person in store.people.values():
            for term in terms(person.role.en) | terms(person.role.zh or ""):
                self.postings.setdefault(term, []).append(person.id)

    def fit(self, role: Pattern) -> tuple[str, ...]:
        if role.source not in self.fitting:
            self.fitting[role.source] = tuple(pid for pid, text in self.roles.items() if role.search(text))
        return self.fitting[role.source]

    def described(self, asked: set[str]) -> list[str]:
        """People whose role holds most of the asked words (at least two)."""
        counts: dict[str, int] = {}
        for term in asked:
            for pid in self.postings.get(term, ()):
                counts[pid] = counts.get(pid, 0) + 1
        needed = max(2, round(0.6 * len(asked)))
        return [pid for pid, n in counts.items() if n >= needed]


_ROLE_INDEXES: WeakKeyDictionary[Store, RoleIndex] = WeakKeyDictionary()


def role_index(store: Store) -> RoleIndex:
    index = _ROLE_INDEXES.get(store)
    if index is None:
        index = _ROLE_INDEXES[store] = RoleIndex(store)
    return index


def holders(org: Organisation | None, role: Pattern, store: Store, described: str = "") -> list[Person]:
    """People whose role fits; with `described` words ("SF State"), only those whose role or
    organisation mentions one of them."""
    if org:
        index = role_index(store)
        found = [p for p in store.people_by_org.get(org.id, ()) if role.search(index.roles[p.id])]
    else:
        found = [store.people[pid] for pid in role_index(store).fit(role)]
    words = [w for w in normalise(described).split() if len(w) > 1]
    if not words:
        return found
    return [p for p in found if any(w in _about(p, store) for w in words)]


def _about(person: Person, store: Store) -> str:
    """A person's role and organisation, with the initials of their names ("San Francisco" -> "sf")."""
    org = store.organisations.get(person.organisation or "")
    text = " ".join([person.role.en, *([org.name] if org else [])])
    capitals = re.findall(r"(?:[A-Z][a-z]+ ){1,4}[A-Z][a-z]+", text)
    initials = ["".join(w[0] for w in run.split()) for run in capitals]
    initials += [i[:2] for i in initials if len(i) > 2]  # "San Francisco State" -> "sfs", "sf"
    return normalise(" ".join([text, *initials]))


def channel_asked(norm: str) -> Channel | None:
    return next((channel for channel, words in CHANNELS if words.search(norm)), None)


def date_asked(norm: str) -> tuple[str | None, int | None]:
    """(a date prefix 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', a weekday 0-6) the question narrows to."""
    weekday = next((n for n, day in enumerate(WEEKDAYS) if re.search(rf"\b{day}\b", norm)), None)
    if weekday is None:
        weekday = next((n for n, day in enumerate(ZH_WEEKDAYS) if day in norm), None)
    if m := _ISO.search(norm):
        year, month, day = m.groups()
        return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else ""), weekday
    if m := _MONTH.search(norm):
        month = MONTH_NAMES.index(m.group(1)[:3]) + 1
        year, day = m.group(3), m.group(2)
        prefix = f"{year}-{month:02d}" if year else f"-{month:02d}"
        return prefix + (f"-{int(day):02d}" if day else ""), weekday
    if m := _ZH_DATE.search(norm):
        year, month, day = m.groups()
        prefix = f"{year}-{int(month):02d}" if year else f"-{int(month):02d}"
        return prefix + (f"-{int(day):02d}" if day else ""), weekday
    return None, weekday


def sources_asked(norm: str, store: Store) -> set[str]:
    """Sources a question names by their publisher ("what did Smalls tell CNN Business?"), when it
    names one specifically (a publisher of two words or more, so "CNN" alone narrows nothing)."""
    named = set()
    for source in store.sources.values():
        name = normalise(re.sub(r"\(.*?\)", " ", source.publisher))
        if len(name.split()) >= 2 and re.search(rf"\b{re.escape(name)}\b", norm):
            named.add(source.id)
    return named


def narrow(
    pool: Sequence[Quote], store: Store, channel: Channel | None, date: str | None, weekday: int | None
) -> list[Quote]:
    out = []
    for q in pool:
        if channel and q.channel is not channel:
            continue
        source = store.sources.get(q.source)
        day = q.date or (source.published.isoformat() if source else None)  # undated: the day it was reported
        if date and not (day and (day.startswith(date) if not date.startswith("-") else day[4:].startswith(date))):
            continue
        if weekday is not None and not (day and len(day) == 10 and dt.date.fromisoformat(day).weekday() == weekday):
            continue
        out.append(q)
    return out
