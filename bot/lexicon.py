"""Words the engine knows in English questions, apart from the question table's phrasings.

Patterns run on normalised text (see matcher.normalise): lower case, punctuation turned
to spaces, apostrophes inside words dropped ("what's" -> "whats", "O'Brien" -> "obrien").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any


def words(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


class Pattern:
    """A regular expression compiled on first use: a one-shot CLI run needs only a few of these."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(replacement, text)


# Function words, question words and politeness: they explain themselves in any question.
STOPWORDS = words(
    "a an the of in on at to for from by with about into near and or but is are was were be been being do "
    "does did done doing has have had having can could would will shall should may might must what whats "
    "which who whom whose when where why how hows i me my we our you your he she it its they them their "
    "this that these those there here then than so as if not no yes just only also still please pls plz "
    "thanks thank tell show give get got find know let lets us any some all each every much many more "
    "most less least very really ok okay hi hello hey bot again whole entire full across over under after "
    "before during up down out off per via vs versus between around go went gone goes happen happened "
    "happening say said latest recent recently final finally number numbers total overall actual actually "
    "exact exactly figure figures data details info theyre youre were weve theyve ive im hes shes thats theres"
)

# The domain's own vocabulary: never typo-corrected into a name.
DOMAIN = words(
    "vote votes voted voting voter voters ballot ballots election elections electoral union unions "
    "unionize unionise unionized unionised unionizing unionising unionization unionisation organize "
    "organise organized organised organizing organising organizer organiser organizers organisers worker "
    "workers employee employees staff people facility facilities warehouse warehouses site center centre "
    "plant location result results tally tallies count counts counted outcome status nlrb labor labour "
    "board representation petition campaign drive effort attempt amazon amazons company employer side "
    "sides percent percentage share margin turnout win won lose lost victory defeat support against favor "
    "favour yes no quote quotes statement statements tweet tweets comment comments spokesperson spokesman "
    "spokeswoman president leader leaders treasurer organizer professor senator representative"
)

# Long words the table relies on: a one-edit typo of one ("margni", "turnuot", "eligable") is read
# as the word. Short ones are left out, so "avoid" never becomes "void".
KEYWORDS = words(
    "margin margins turnout result results eligible ballots ballot election elections counted challenged "
    "percentage percent objections objection statement statements tweeted quoted compare versus happened "
    "unionize unionise unionized unionised workers against support supported opposed tallied headcount "
    "located location participation"
)

# Ordinary English words that look like names in the store; never typo-corrected to them.
NEVER_CORRECT = words(
    "small smaller smallest wesleyan logan lynch sander sanders medina perez weather whether bezos super "
    "bowl time times today tomorrow yesterday place places"
)
