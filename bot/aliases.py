"""Other names of employers, unions, states and cities (bot/data/name_aliases.tsv): "星巴克" is
Starbucks, "VW" is Volkswagen, "怀俄明" is Wyoming. One row per alias; see the file's header for
its columns and how to extend it. Read once, on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.errors import BotError

PATH = Path(__file__).parent / "data" / "name_aliases.tsv"
KINDS = frozenset({"employer", "union", "city", "state", "word"})


@dataclass(frozen=True, slots=True)
class Aliases:
    names: tuple[tuple[str, str], ...]  # Chinese alias -> the name's words (name_key form), longest alias first
    states: tuple[tuple[str, str], ...]  # Chinese alias -> postal code, longest alias first
    latin: dict[str, str]  # a Latin alias, as one word -> the name's words ("vw" -> "volkswagen")


def parse(text: str, source: str = "name_aliases.tsv") -> Aliases:
    """The rows of an alias file; a malformed or repeated row is an error naming its line."""
    from bot.nlrb.names import name_key

    names: dict[str, str] = {}
    states: dict[str, str] = {}
    latin: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[1] not in KINDS or not cells[0].strip() or not cells[2].strip():
            raise BotError(f"{source}:{number}: expected 'alias<TAB>kind<TAB>name' with kind one of {sorted(KINDS)}")
        alias, kind, name = (c.strip() for c in cells)
        if alias in names or alias in states or alias.casefold() in latin:
            raise BotError(f"{source}:{number}: alias {alias!r} is given twice")
        if kind == "state":
            if len(name) != 2 or not name.isupper():
                raise BotError(f"{source}:{number}: a state is a two-letter postal code (got {name!r})")
            states[alias] = name
        elif alias.isascii():
            latin[alias.casefold()] = name_key(name)
        else:
            names[alias] = name_key(name)
    by_length = sorted(names.items(), key=lambda item: -len(item[0]))
    return Aliases(tuple(by_length), tuple(sorted(states.items(), key=lambda item: -len(item[0]))), latin)


@lru_cache(maxsize=1)
def aliases() -> Aliases:
    return parse(PATH.read_text(encoding="utf-8"), PATH.name)


def spaced(norm: str) -> str:
    """A normalised question with every alias replaced by the words of its name, spaced out as words."""
    table = aliases()
    for zh, key in table.names:
        if zh in norm:
            norm = norm.replace(zh, f" {key} ")
    if table.latin:
        norm = " ".join(table.latin.get(t, t) for t in norm.split())
    return norm


def alias_words(norm: str) -> frozenset[str]:
    """The words of every name a question gives by an alias ("大众" -> {"volkswagen"})."""
    table = aliases()
    found = {w for zh, key in table.names if zh in norm for w in key.split()}
    found |= {w for t in norm.split() if t in table.latin for w in table.latin[t].split()}
    return frozenset(found)


def state_in(text: str) -> str | None:
    """The postal code of the first state a (Chinese) question names."""
    return next((code for zh, code in aliases().states if zh in text), None)


def zh_state(code: str) -> str | None:
    """A state's Chinese name as replies write it (the shortest alias: "加州", "纽约州")."""
    names = [zh for zh, c in aliases().states if c == code]
    return min(names, key=len) if names else None
