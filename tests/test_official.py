"""Answers from the NLRB official layer (issue 9): by case number, both layers for a linked curated
election, and lists/counts/win rates over an employer's elections. Behaviour rows: questions/nlrb.jsonl."""

from __future__ import annotations

import pytest

from bot import official
from bot.answer import answer
from bot.intent import known_words
from bot.render_text import render_text
from bot.store import Store


def test_unknown_case_number_is_not_on_file_never_guessed(real_store: Store) -> None:
    a = answer("What was the result in case 99-RC-999999?", real_store)
    assert not a.answered and not a.official
    assert render_text(a).splitlines()[0] == "I have no election with the NLRB case number 99-RC-999999."


def test_jfk8_counted_includes_challenged_ballots(real_store: Store) -> None:
    text = render_text(answer("29-RC-288020", real_store))
    assert "Amazon Labor Union 2,654 (55.5%); against 2,131 — union won (certified)" in text
    assert "counted as published 4,852 (the NLRB's count includes the 67 challenged ballots)" in text
    assert "Source: NLRB, unionelections-open-cases-2022-08" in text


def test_ldj5_both_layers_each_with_its_dates_and_source(real_store: Store) -> None:
    text = render_text(answer("LDJ5 result", real_store))
    assert "NLRB tally, 2022-05-02 · Source: CNN Business (Chinese translation), 2022-05-02" in text
    assert "Official NLRB record of LDJ5 (case 29-RC-290053):" in text
    assert "dates: held 2022-04-29, closed 2022-05-11" in text


def test_alb1_official_record_not_on_file(real_store: Store) -> None:
    assert render_text(answer("ALB1结果", real_store)).endswith(
        "ALB1：手头的 NLRB 文件中没有这场选举的官方记录（没有案件编号）。"
    )


def test_bessemer_history_initial_then_rerun(real_store: Store) -> None:
    a = answer("what happened after the first Bessemer vote", real_store)
    assert a.intent.value == "history"
    assert [r.tally.value for r in a.official if r.tally] == ["initial", "rerun"]


@pytest.mark.parametrize(
    "question, employer, city, state, year",
    [
        ("the trader joe s in hadley", "trader joe s", "hadley", None, None),
        ("starbucks in hamburg ny", "starbucks", "hamburg", "NY", None),
        ("starbucks win rate in oregon", "starbucks", None, "OR", None),  # a state before a town called Oregon
        ("which starbucks stores voted in 2021", "starbucks", None, None, 2021),
        ("俄勒冈州星巴克工会赢了几次", "starbucks", None, "OR", None),
    ],
)
def test_scope(
    real_store: Store, question: str, employer: str, city: str | None, state: str | None, year: int | None
) -> None:
    found = official.scope(question, real_store, known=known_words())
    assert (found.employer, found.city, found.state, found.year) == (employer, city, state, year)


def test_bare_aggregate_stays_with_the_news_layer(real_store: Store) -> None:
    a = answer("which elections did the union lose?", real_store)
    assert not a.official and a.official_scope is None
    assert {e.id for e in a.elections} == {"alb1", "ldj5"}


def test_hundreds_answer_with_total_and_first_page(real_store: Store) -> None:
    a = answer("how many Teamsters elections in 2022?", real_store)
    assert a.official_total == 154
    assert len({r.case_number for r in a.official}) == official.PAGE
    assert render_text(a).splitlines()[-1] == "144 more not shown."
    second = official.page(a, real_store, 1)
    assert render_text(second).splitlines()[-1] == "134 more not shown."
    assert not {r.case_number for r in second.official} & {r.case_number for r in a.official}


def test_open_case_is_not_decided(real_store: Store) -> None:
    jfk8 = real_store.official.case("29-RC-288020")
    assert jfk8[-1].open and official.outcome(jfk8) == "won"
    assert official.won_lost(jfk8) is None  # the tally's union to certify, not a certification


@pytest.mark.parametrize(
    "question, text, employer, union, city",
    [
        ("starbuck in bufalo", "Starbuck in Bufalo", "starbucks", None, "buffalo"),
        ("trader joes in hadley", "", "trader joe s", None, "hadley"),
        ("teamstrs local 727", "", None, "teamsters local 727", None),
        ("international brotherhood of teamsters local union 727", "", None, "teamsters local 727", None),
    ],
)
def test_scope_reads_misspelt_names(
    real_store: Store, question: str, text: str, employer: str | None, union: str | None, city: str | None
) -> None:
    found = official.scope(question, real_store, known=known_words(), text=text)
    assert (found.employer, found.union, found.city, found.readings) == (employer, union, city, ())


def test_misspelling_near_two_employers_offers_both(real_store: Store) -> None:
    found = official.scope("elections at arema", real_store, known=known_words(), text="elections at Arema")
    assert found.employer is None
    assert sorted(s.employer or "" for s in found.readings) == ["areva", "arkema"]


@pytest.mark.parametrize("word", ["waiting", "leading", "writing"])
def test_words_not_written_as_names_read_only_as_prominent_names(real_store: Store, word: str) -> None:
    from bot.official_names import names_for

    names = names_for(real_store)
    assert names.near(word, as_name=False) == ()
    assert names.near("starbuck", as_name=False) == ("starbucks",)


@pytest.mark.parametrize(
    "question, case_type",
    [("decertification elections", "RD"), ("RM elections", "RM"), ("撤销认证选举", "RD"), ("RD or RM elections", None)],
)
def test_case_type(question: str, case_type: str | None) -> None:
    from bot.matcher import normalise

    assert official.case_type(normalise(question)) == case_type
