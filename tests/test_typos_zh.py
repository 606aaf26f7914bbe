"""Chinese input-method typos inside domain words (bot/typos_zh.py, bot/data/zh_typos.tsv)."""

from __future__ import annotations

import pytest

from bot.errors import BotError
from bot.table import TABLE
from bot.typos_zh import mend, parse, typos


def test_misspelt_domain_words_are_read_as_meant() -> None:
    assert mend("alb1反队票有多少", is_name=lambda w: False) == "alb1反对票有多少"
    assert mend("ldj5 投票绿", is_name=lambda w: False) == "ldj5 投票率"
    assert mend("what was the turnout", is_name=lambda w: False) == "what was the turnout"


def test_a_misspelling_inside_a_name_is_left_as_written() -> None:
    assert mend("某公会的选举", is_name=lambda w: w == "公会") == "某公会的选举"


def test_no_misspelling_is_a_word_the_question_table_uses() -> None:
    texts = [p for row in TABLE for p in row.phrasings["zh"]] + [row.cues.get("zh", "") for row in TABLE]
    used = sorted({wrong for wrong in typos() for text in texts if wrong in text})
    assert used == []


@pytest.mark.parametrize(
    "text, message",
    [
        ("投票率\n", "zh_typos.tsv:1: expected 'word<TAB>misspelling misspelling ...'"),
        ("反对 反队\n赞成 反队\n", "zh_typos.tsv:2: misspelling '反队' is given twice"),
    ],
)
def test_malformed_rows_are_named(text: str, message: str) -> None:
    with pytest.raises(BotError) as caught:
        parse(text)
    assert str(caught.value) == message
