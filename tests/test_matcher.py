from __future__ import annotations

import pytest

from bot.matcher import OneEdit, analyse, edits1, normalise
from bot.store import Store


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("ＡＬＢ１", "alb1"),
        ("What's up, O’Brien?", "what up obrien"),
        ("Amazon's spokesperson", "amazon spokesperson"),
        ("  LDJ5投票结果！ ", "ldj5 投票结果"),
        ("zero\u200bwidth", "zero width"),
    ],
)
def test_normalise(raw: str, norm: str) -> None:
    assert normalise(raw) == norm


@pytest.mark.parametrize("question", ["ALB1", "alb1", "alb 1", "ALB-1", "ＡＬＢ１", "Alb_1"])
def test_codes_in_every_spelling(real_store: Store, question: str) -> None:
    assert [t.key for t in analyse(question, real_store).targets("election")] == ["alb1"]


def test_codes_are_exact(real_store: Store) -> None:
    analysis = analyse("JFK9", real_store)
    assert analysis.targets("election") == [] and analysis.unknown_codes == ["jfk9"]


def test_typo_corrected_and_marked_fuzzy(real_store: Store) -> None:
    analysis = analyse("Albnay", real_store)
    assert [t.key for t in analysis.targets("election")] == ["alb1"]
    assert analysis.hits[0].fuzzy


def test_common_words_are_not_corrected_into_names(real_store: Store) -> None:
    assert analyse("the small warehouse", real_store).targets("person") == []


def test_chinese_aliases_found_inside_a_sentence(real_store: Store) -> None:
    analysis = analyse("斯莫尔斯说了什么", real_store)
    assert [t.key for t in analysis.targets("person")] == ["chris-smalls"]
    assert analysis.leftover == ["说了什么"]


ONE_EDIT_WORDS = frozenset({"albany", "bessemer", "starbucks", "staten", "union", "unions", "vote"})


@pytest.mark.parametrize(
    "word",
    [
        "albany",
        "albnay",
        "albny",
        "allbany",
        "albeny",
        "starbuck",
        "starbucksx",
        "unoin",
        "uniosn",
        "vot",
        "votes",
        "albaný",
        "zzzz",
    ],
)
def test_one_edit_finds_what_edits1_finds(word: str) -> None:
    assert OneEdit(ONE_EDIT_WORDS).near(word) == edits1(word) & ONE_EDIT_WORDS
