"""Chinese input-method typos inside the domain's words: "反队票" is 反对票, "投票绿" 投票率.

The misspellings are data (bot/data/zh_typos.tsv): one domain word per row with the
same-sound misspellings a pinyin input method offers. A misspelling is read as its word only
where it is not part of a name (a name the store knows is never corrected), so a question's
own words are mended and its names are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from bot.errors import BotError
from bot.language import is_cjk

PATH = Path(__file__).parent / "data" / "zh_typos.tsv"


def parse(text: str, source: str = "zh_typos.tsv") -> dict[str, str]:
    """Misspelling -> domain word; a malformed row or a misspelling given twice is an error naming its line."""
    fixes: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, *wrongs = line.split()
        if not wrongs:
            raise BotError(f"{source}:{number}: expected 'word<TAB>misspelling misspelling ...'")
        for wrong in wrongs:
            if wrong in fixes or wrong == word:
                raise BotError(f"{source}:{number}: misspelling {wrong!r} is given twice")
            fixes[wrong] = word
    return fixes


@lru_cache(maxsize=1)
def typos() -> dict[str, str]:
    return parse(PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(typos(), key=len, reverse=True)))


def mend(text: str, *, is_name: Callable[[str], bool]) -> str:
    """The text with each misspelt domain word read as meant, unless `is_name` says the
    misspelling is part of a name (names are never corrected)."""
    if not is_cjk(text):
        return text

    def fix(match: re.Match[str]) -> str:
        wrong = match.group(0)
        return wrong if is_name(wrong) else typos()[wrong]

    return _pattern().sub(fix, text)
