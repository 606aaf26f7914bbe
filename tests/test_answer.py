from __future__ import annotations

import pytest

from bot.answer import answer
from bot.models import Figure, Intent, Kind
from bot.render_text import render_text
from bot.store import Store

# question, expected kind, expected intent, a record the answer must be about (or None)
REAL_TABLE = [
    # exact codes, places, and phrasing
    ("ALB1", Kind.answered, Intent.result, "alb1"),
    ("What was the result of the LDJ5 union election?", Kind.answered, Intent.result, "ldj5"),
    ("How did the Albany vote go?", Kind.answered, Intent.result, "alb1"),
    ("the Staten Island sortation centre", Kind.answered, Intent.result, "ldj5"),
    ("Tell me about the vote in upstate New York", Kind.answered, Intent.result, "alb1"),
    ("What about the Bessemer election?", Kind.answered, Intent.result, "bessemer"),
    # case, spacing, punctuation, full-width forms
    ("alb1", Kind.answered, Intent.result, "alb1"),
    ("alb 1", Kind.answered, Intent.result, "alb1"),
    ("ALB-1", Kind.answered, Intent.result, "alb1"),
    ("ＡＬＢ１", Kind.answered, Intent.result, "alb1"),
    ("  LdJ5   RESULTS!!! ", Kind.answered, Intent.result, "ldj5"),
    # typos in names
    ("Albnay result", Kind.answered, Intent.result, "alb1"),
    ("Besemer vote", Kind.answered, Intent.result, "bessemer"),
    ("Who is Chris Smals?", Kind.answered, Intent.who_is, "chris-smalls"),
    ("ALB1 margni", Kind.answered, Intent.figure, "alb1"),
    ("LDJ5 turnuot", Kind.answered, Intent.figure, "ldj5"),
    ("How many people were eligable at LDJ5?", Kind.answered, Intent.figure, "ldj5"),
    ("How did Amazon avoid a union at ALB1?", Kind.answered, Intent.result, "alb1"),  # "avoid" is not "void"
    # figures
    ("LDJ5 turnout", Kind.answered, Intent.figure, "ldj5"),
    ("ALB1 margin", Kind.answered, Intent.figure, "alb1"),
    ("How many people were eligible to vote at LDJ5?", Kind.answered, Intent.figure, "ldj5"),
    ("How many yes votes did the union get at LDJ5?", Kind.answered, Intent.figure, "ldj5"),
    ("how many workers voted against the union at albany", Kind.answered, Intent.figure, "alb1"),
    ("Where was the LDJ5 count held?", Kind.answered, Intent.figure, "ldj5"),
    ("How big is JFK8?", Kind.answered, Intent.figure, "jfk8"),
    ("When did the Albany count happen?", Kind.answered, Intent.figure, "alb1"),
    ("Did workers at ALB1 vote to unionize?", Kind.answered, Intent.did_win, "alb1"),
    # people, organisations, quotes
    ("What did Liz Shuler tweet?", Kind.answered, Intent.quotes, "shuler-solidarity"),
    ("Sean O'Brien quote", Kind.answered, Intent.quotes, "obrien-greedy-company"),
    ("What did Chris Smalls say about LDJ5?", Kind.answered, Intent.quotes, "smalls-proud-ldj5"),
    (
        "What did Amazon's spokesperson say about the Albany petition?",
        Kind.answered,
        Intent.quotes,
        "flaningan-signatures",
    ),
    ("what did the teamsters say", Kind.answered, Intent.quotes, "obrien-greedy-company"),
    ("Who said organizing will continue?", Kind.answered, Intent.who_said, "alu-organizing-will-continue"),
    ("who said you miss 100% of the shots", Kind.answered, Intent.who_said, "smalls-trillion-dollar"),
    ("Who is Kelly Nantel?", Kind.answered, Intent.who_is, "kelly-nantel"),
    ("Tell me about the Amazon Labor Union", Kind.answered, Intent.organisation, "alu"),
    ("Who is the president of the Amazon Labor Union?", Kind.answered, Intent.who_is, "chris-smalls"),
    ("who runs the ALU", Kind.answered, Intent.who_is, "chris-smalls"),
    ("Who is the Amazon spokesperson?", Kind.answered, Intent.who_is, "kelly-nantel"),
    ("What did Sanders say about LDJ5?", Kind.not_found, Intent.quotes, None),
    # lists and comparisons
    ("Which elections has the ALU been part of?", Kind.answered, Intent.list, "moreno-valley"),
    ("elections the union lost", Kind.answered, Intent.list, "alb1"),
    ("How many elections did the union win?", Kind.answered, Intent.how_many, "jfk8"),
    ("How many Amazon elections has the ALU lost?", Kind.answered, Intent.how_many, "ldj5"),
    ("LDJ5 vs ALB1", Kind.answered, Intent.compare, "alb1"),
    # Chinese
    ("LDJ5投票结果", Kind.answered, Intent.result, "ldj5"),
    ("LDJ5有多少张选票被清点", Kind.answered, Intent.figure, "ldj5"),
    ("阿拉巴马州贝塞默的选举结果", Kind.answered, Intent.result, "bessemer"),
    ("奥布莱恩说了什么", Kind.answered, Intent.quotes, "obrien-greedy-company"),
    ("谁说过战斗刚刚开始", Kind.answered, Intent.who_said, "alu-organizing-will-continue"),
    ("ALB1赢了吗", Kind.answered, Intent.did_win, "alb1"),
    # ambiguous: suggestions, not a guess
    ("Staten Island", Kind.suggestions, Intent.unknown, None),
    ("JFK9", Kind.suggestions, Intent.unknown, None),
    ("What's the weather in Albany?", Kind.not_found, Intent.unknown, None),  # off topic: no "did you mean"
    ("How many votes did Bernie Sanders get?", Kind.suggestions, Intent.unknown, None),
    # out of scope: no fact
    ("Who won the 2020 presidential election?", Kind.not_found, Intent.unknown, None),
    ("What time is it?", Kind.not_found, Intent.unknown, None),
    ("What was the vote at ABC123?", Kind.not_found, Intent.unknown, None),
    ("What did Jeff Bezos say about the union?", Kind.not_found, Intent.quotes, None),
    ("今天吃什么", Kind.not_found, Intent.unknown, None),
    ("What is the capital of France?", Kind.not_found, Intent.unknown, None),
    # help
    ("help", Kind.help, Intent.help, None),
    ("", Kind.help, Intent.help, None),
]


def _records(a: object) -> set[str]:
    from bot.models import Answer

    assert isinstance(a, Answer)
    return {r.id for group in (a.elections, a.people, a.organisations, a.quotes) for r in group}


@pytest.mark.parametrize(("question", "kind", "intent", "record"), REAL_TABLE)
def test_real_questions(real_store: Store, question: str, kind: Kind, intent: Intent, record: str | None) -> None:
    a = answer(question, real_store)
    assert (a.kind, a.intent) == (kind, intent)
    if record:
        assert record in _records(a)
    if kind in (Kind.suggestions, Kind.not_found):
        assert not a.derived and not a.quotes, "an abstention states no figures or quotes"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("ALB1 result", "en"), ("ALB1的投票结果是什么", "zh"), ("今天吃什么", "zh"), ("help", "en")],
)
def test_language_follows_question(real_store: Store, question: str, lang: str) -> None:
    assert answer(question, real_store).lang == lang


def test_figure_is_named(real_store: Store) -> None:
    assert answer("LDJ5 void ballots", real_store).figure is Figure.void


def test_answers_name_their_sources(real_store: Store) -> None:
    for question in ("ALB1", "LDJ5 turnout", "What did Liz Shuler tweet?", "Who is Kelly Nantel?", "LDJ5 vs ALB1"):
        assert answer(question, real_store).sources, question


def test_unit_store_exact_code_not_fuzzy(store: Store) -> None:
    assert answer("ABC1 result", store).elections[0].id == "abc1"
    assert answer("ABC3 result", store).kind is Kind.suggestions  # one edit from ABC1/ABC2: offered, not answered


def test_unit_store_shared_place_facet(store: Store) -> None:
    a = answer("elections in Illinois", store)
    assert a.intent is Intent.list and [e.id for e in a.elections] == ["abc1", "abc2"]


def test_long_message_is_answered_from_its_question_at_the_end(real_store: Store) -> None:
    pasted = "Amazon workers near Albany voted this week, the article says. " * 60
    a = answer(pasted + "What was the margin at LDJ5?", real_store)
    assert (a.intent, a.figure, a.elections[0].id) == (Intent.figure, Figure.margin, "ldj5")
    assert render_text(a).split("\n")[1] == "(A long message: I answered its question “What was the margin at LDJ5?”)"


def test_long_message_question_leans_on_the_sentence_before(real_store: Store) -> None:
    pasted = "Background: lots of things happened in 2022 at many warehouses across the country. " * 5
    a = answer(pasted + "The ALB1 count was on Tuesday. How many votes did the union lose by?", real_store)
    assert (a.figure, a.elections[0].id) == (Figure.margin, "alb1")


def test_nlrb_case_numbers_are_exact(store: Store) -> None:
    import dataclasses

    with_case = dataclasses.replace(store.elections["abc1"], case_number="29-RC-288020")
    cased = Store.build(
        sources=store.sources.values(), elections=[with_case], organisations=store.organisations.values()
    )
    a = answer("What was the result in case 29-RC-288020?", cased)
    assert (a.kind, a.intent, a.elections[0].id) == (Kind.answered, Intent.result, "abc1")
    missing = answer("29-RC-288021 tally", cased)
    assert missing.kind is not Kind.answered and not missing.elections
    assert render_text(missing).startswith("I have no election with the NLRB case number 29-RC-288021.")


def test_rank_and_win_rate_through_the_index(store: Store) -> None:
    from bot.answer import prepare

    prepare(store)
    closest = answer("Which vote was the closest?", store)
    assert (closest.intent, [e.id for e in closest.elections]) == (Intent.rank, ["abc2", "abc1"])
    rate = answer("What is the union's win rate in Illinois?", store)
    assert rate.intent is Intent.win_rate and rate.win_rate is not None
    assert (rate.win_rate.won, rate.win_rate.decided) == (1, 2)
    assert "won 1 of 2 decided elections (50.0%)" in render_text(rate)
