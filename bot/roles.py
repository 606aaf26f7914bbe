"""Whose role a question asks about: "the AFL-CIO president", "ALU的财务主管", "the president of
the Teamsters". The organisation a role belongs to is the one written against it, never merely one
the question names elsewhere ("劳联-产联主席对ALU工人说了什么": the ALU is the audience, not the
president's organisation). Words written where the organisation goes that no record owns
("劳联-产联主席" before the alias was on file, "the Starbucks president") describe someone the
store doesn't know: the caller says so rather than give another person's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from bot.language import CJK_CHARS
from bot.lexicon import Pattern
from bot.matcher import Analysis
from bot.models import Organisation

# Between an organisation and its role: "ALU president", "ALU's president", "ALU的主席"
_BEFORE = Pattern(r"^\s*(的|之)?\s*$")
# Between a role and its organisation: "the president of the ALU", "treasurer at the ALU"
_AFTER = Pattern(r"^\s+(of|at|for|from|with|in)\s+(the\s+)?$")
_ZH_QUALIFIER = re.compile(f"([{CJK_CHARS}][{CJK_CHARS} ]*)$")
_LATIN_QUALIFIER = re.compile(r"((?:[A-Z][\w&.'’-]*\s+)*[A-Z][\w&.'’-]*)\s+(?:['’]s\s+)?$")
# Words before a role that say whose it is without naming anyone: "the union's president", "该组织主席"
_GENERIC = frozenset(
    [
        "工会",
        "公司",
        "组织",
        "该组织",
        "这个组织",
        "那个组织",
        "这家公司",
        "那家公司",
        "资方",
        "雇主",
        "官方",
        "他们",
        "她们",
        "它",
        "它们",
        "美国",
        "联邦",
        "全国",
        "当地",
        "地方",
        "前",
        "新",
        "老",
        "现任",
        "前任",
        "副",
        "the",
        "a",
        "an",
        "union",
        "company",
    ]
)
_ZH_POINTING = ("这", "那", "该", "他", "她", "它", "其", "谁", "哪")


class RoleOwner(NamedTuple):
    org: Organisation | None  # the organisation the role is written against
    unknown: str | None = None  # words in the organisation's place that no record owns, with the role


def role_owner(read: str, a: Analysis, orgs: Sequence[Organisation], role: str) -> RoleOwner:
    """The organisation whose `role` (the role's words as the question has them) is asked about."""
    if not orgs:  # no organisation named: the role is read against everyone's (bot.speakers.holders)
        return RoleOwner(None)
    norm = a.norm
    at = norm.find(role.casefold())
    if at < 0:
        return RoleOwner(orgs[0] if len(orgs) == 1 else None)
    end = at + len(role)
    for org in orgs:
        for hit in a.hits:
            if not any(t.kind == "organisation" and t.key == org.id for t in hit.targets):
                continue
            start = norm.find(hit.text)
            while start >= 0:
                if (start + len(hit.text) <= at and _BEFORE.search(norm[start + len(hit.text) : at])) or (
                    start >= end and _AFTER.search(norm[end:start])
                ):
                    return RoleOwner(org)
                start = norm.find(hit.text, start + 1)
    qualifier = _qualifier(read, norm[:at], role, a)
    if qualifier:
        return RoleOwner(None, unknown=qualifier)
    return RoleOwner(orgs[0] if len(orgs) == 1 else None)


def _qualifier(read: str, before: str, role: str, a: Analysis) -> str | None:
    """The words right before a role, when no record owns them: "劳联-产联主席", "the Starbucks president"."""
    covered = {w for hit in a.hits for w in hit.text.split()} | {hit.text for hit in a.hits}
    zh = _ZH_QUALIFIER.search(before)
    if zh:
        words = zh.group(1).split()
        run = words[-1] if words else ""
        for hit in sorted(covered, key=len, reverse=True):  # a record named in the run ends the qualifier there
            if hit and hit in run:
                run = run[run.rfind(hit) + len(hit) :]
        run = run.removesuffix("的")
        if len(words) > 1 and run == words[-1] and not any(w in covered for w in words[:-1]):
            run = "-".join(words[-2:])  # "劳联-产联": a hyphenated name, split by normalising
        if len(run) >= 2 and run not in _GENERIC and not run.startswith(_ZH_POINTING):
            return run + role
        return None
    written = re.search(rf"(?i)\b{re.escape(role)}\b", read)
    if written is None:
        return None
    latin = _LATIN_QUALIFIER.search(read[: written.start()])
    if latin is None or latin.start() == 0:
        return None  # a capitalised first word opens the sentence: not a name
    words = [w.strip(".'’").casefold() for w in latin.group(1).split()]
    if all(w in covered or w in _GENERIC for w in words):
        return None
    return f"the {latin.group(1)} {written.group(0)}"
