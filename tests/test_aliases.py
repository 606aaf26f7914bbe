"""bot/aliases.py: the alias file's rows, and the errors a bad row gets."""

from __future__ import annotations

import pytest

from bot.aliases import alias_words, aliases, parse, spaced, state_in, zh_state
from bot.errors import BotError


def test_the_shipped_file_reads() -> None:
    table = aliases()
    assert dict(table.names)["星巴克"] == "starbucks"
    assert table.latin["vw"] == "volkswagen"
    assert dict(table.states)["怀俄明"] == "WY"


def test_chinese_names_are_read_as_the_names_words_longest_first() -> None:
    assert spaced("汽车工人联合会的选举").split()[0] == "uaw"  # not "工人联合" (Workers United) inside it
    assert alias_words("大众查塔努加") == frozenset({"volkswagen"})
    assert state_in("西弗吉尼亚的选举") == "WV"  # not 弗吉尼亚 (Virginia) inside it
    assert zh_state("CA") == "加州"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("星巴克\temployer", "x.tsv:1: expected 'alias<TAB>kind<TAB>name' with kind one of"),
        ("星巴克\tshop\tStarbucks", "x.tsv:1: expected 'alias<TAB>kind<TAB>name' with kind one of"),
        ("# comment\n加州\tstate\tCalifornia", "x.tsv:2: a state is a two-letter postal code (got 'California')"),
        ("星巴克\temployer\tStarbucks\n星巴克\temployer\tStarbucks", "x.tsv:2: alias '星巴克' is given twice"),
    ],
)
def test_a_bad_row_names_its_line(text: str, message: str) -> None:
    with pytest.raises(BotError) as error:
        parse(text, "x.tsv")
    assert str(error.value).startswith(message)
