from __future__ import annotations

from bot.answer import answer
from bot.render_text import render_text
from bot.store import Store


def test_tally_answer_whole_text(real_store: Store) -> None:
    assert render_text(answer("ALB1 result", real_store)) == (
        "ALB1: 406 no / 206 yes — union lost (Amazon Labor Union)\n"
        "Amazon warehouse · near Albany, upstate New York, New York · 612 ballots counted · margin 200 votes (32.7 points)\n"
        "There were some challenged and void ballots, but not enough to sway the result; the source gives no count of them.\n"
        "The ALU's third attempt to unionize an Amazon warehouse.\n"
        "Organizers at ALB1 say they were inspired to form a union by the ALU's success on Staten Island; "
        "some workers said they were also motivated by seeing colleagues injured on the job.\n"
        "NLRB preliminary tally, 2022-10-18 · Source: CNN, 2022-10-18\n"
        "ALB1: the NLRB's record of this election isn't in the files on hand (no case number on file)."  # issue 9
    )


def test_figure_answer_in_chinese(real_store: Store) -> None:
    assert render_text(answer("LDJ5有多少张选票被清点", real_store)) == (
        "LDJ5：共清点 998 张选票（反对 618 + 赞成 380；无效票不计入）\n"
        "LDJ5：反对 618 票 / 赞成 380 票 — 工会落败（亚马逊工会）\n"
        "NLRB 计票，2022-05-02 · 来源：CNN Business（中文译文），2022-05-02\n"
        "LDJ5，NLRB 2022-04-29 投票的选举：有效票 998 张（Amazon Labor Union 380；反对 618）"
        " · 来源：美国国家劳动关系委员会（NLRB），nlrb-closed-elections-fy2022"
    )  # issue 9: the NLRB's figure for the same election follows, with its own source


def test_turnout_uses_ballots_cast_and_says_approximate(real_store: Store) -> None:
    first = render_text(answer("LDJ5 turnout", real_store)).splitlines()[0]
    assert first == "LDJ5 turnout: about 61.2% (1,000 ballots cast of about 1,633 eligible voters)"


def test_missing_figure_is_said_not_guessed(real_store: Store) -> None:
    first = render_text(answer("ALB1 void ballots", real_store)).splitlines()[0]
    assert first == "ALB1: the sources give no count of void ballots."


def test_translation_is_labelled(real_store: Store) -> None:
    text = render_text(answer("What did Liz Shuler tweet?", real_store))
    assert "> (reported speech, as the source paraphrases it) 它“声援”ALU工人组织者“他们正在改变世界，刚刚开始”" in text
    assert "Translation by election-bot from the published Chinese — not the speaker's own words:" in text


def test_chinese_answer_shows_no_english_translation(real_store: Store) -> None:
    text = render_text(answer("奥布莱恩说了什么", real_store))
    assert "贪婪" in text and "Translation" not in text


def test_abstention_text_offers_examples(real_store: Store) -> None:
    text = render_text(answer("What time is it?", real_store))
    assert text.startswith("I don't know")
    assert "“LDJ5 result”" in text


def test_suggestions_listed(real_store: Store) -> None:
    assert render_text(answer("Staten Island", real_store)).splitlines() == [
        "I'm not sure what you mean. Did you mean:",
        "• LDJ5 result — LDJ5 (Amazon, Staten Island, NY)",
        "• JFK8 result — JFK8 (Amazon, Staten Island, NY)",
    ]


def test_no_statements_names_speaker_and_topic_apart(real_store: Store) -> None:
    assert render_text(answer("What did Sanders say about LDJ5?", real_store)) == (
        "I have no statements on file from Bernie Sanders about LDJ5."
    )


def test_chinese_list_names_the_union_in_chinese(real_store: Store) -> None:
    assert render_text(answer("亚马逊工会参与了哪些选举", real_store)).splitlines()[0] == "亚马逊工会参与的选举（4）："
