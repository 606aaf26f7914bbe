"""Rows about many elections: lists, counts, win rates and rankings. Filters (place, year,
union, employer, outcome, pending) are slots read from the question, not rows: "elections the
ALU lost in New York" is the list row with three filters."""

from __future__ import annotations

from bot.models import Derived, Election, Figure, Intent
from bot.table import Measure, QuestionKind, Words

_LIST_EN = (
    "list them",
    "which ones",
    "give me a rundown of every {org} union vote",
    "overview of all the elections",
    "list all {org} votes",
    "all the {org} elections",
    "list all elections",
    "give me every election you know about",
    "which elections do you have",
    "which elections did {org} lose",
    "which elections has {org} been part of",
    "elections in {place}",
    "elections in {year}",
    "which elections did the union win",
    "which elections are still pending",
    "which votes have no result yet",
    "show me the {org} elections",
    "what elections happened in {place} in {year}",
    "elections the union lost",
    "which {org} votes went against the union",
    "which votes are still undecided",
    "which elections went the union's way",
)
_LIST_ZH = (
    "列出来",
    "是哪几场",
    "列出所有选举",
    "有哪些选举",
    "{org}参与了哪些选举",
    "{place}的选举",
    "工会输掉了哪些选举",
    "哪些选举还在等待结果",
    "{year}年的选举",
    "工会赢了哪些选举",
    "尚未出结果的投票",
    "{org}输掉的选举有哪些",
    "{place}有哪些投票",
)
_COUNT_EN = (
    "how many {org} elections are in {place}",
    "how many elections did {org} lose",
    "how many {org} votes has the union won",
    "how many elections did the union win",
    "how many elections are on file",
    "how many elections has {org} lost",
    "how many elections were there in {place}",
    "how many votes did {org} hold in {year}",
    "number of elections in {place}",
    "how many times did the union lose",
)
_COUNT_ZH = ("工会赢了多少场选举", "一共有多少场选举", "{org}输了几次", "{place}有多少场选举", "{year}年有几场选举")
_RATE_EN = (
    "what is the union win rate",
    "how often does the union win",
    "what share of elections did {org} win",
    "win rate in {place}",
    "what percentage of votes did unions win in {year}",
    "{org} success rate",
    "how successful has {org} been",
)
_RATE_ZH = (
    "{org}赢了百分之几的选举",
    "工会的胜率是多少",
    "{org}的胜率",
    "工会赢的比例是多少",
    "{place}的胜率",
    "{org}成功率",
)


def _margin(e: Election, d: Derived) -> float | None:
    return d.margin_points


def _size(e: Election, d: Derived) -> float | None:
    """Workers in the unit: eligible voters, else the facility's headcount, else the ballots counted."""
    for value in (e.eligible_voters, e.headcount, d.counted):
        if value is not None:
            return value
    return None


def _counted(e: Election, d: Derived) -> float | None:
    return d.counted


def _yes_share(e: Election, d: Derived) -> float | None:
    return d.share_for


def _turnout(e: Election, d: Derived) -> float | None:
    return d.turnout


_SHOWS: dict[Measure, Figure] = {
    _margin: Figure.margin,
    _size: Figure.eligible,
    _turnout: Figure.turnout,
    _counted: Figure.counted,
    _yes_share: Figure.share,
}


def _rank(
    name: str, measure: Measure, descending: bool, en: tuple[str, ...], zh: tuple[str, ...], cues: Words, says: Words
) -> QuestionKind:
    return QuestionKind(
        name=name,
        intent=Intent.rank,
        figure=_SHOWS[measure],
        phrasings={"en": en, "zh": zh},
        cues=cues,
        says=says,
        unknown={"en": "No election on file has the counts to rank by.", "zh": "没有收录可供排名的计票数据。"},
        measure=measure,
        descending=descending,
        example={"en": _plainest(en, "which"), "zh": _plainest(zh, "哪")},
    )


def _plainest(phrasings: tuple[str, ...], question_word: str) -> str:
    """The first phrasing that asks with the question word: offered as an example question."""
    return next((p for p in phrasings if question_word in p), phrasings[0])


AGGREGATE_ROWS = (
    QuestionKind(
        name="list",
        intent=Intent.list,
        phrasings={"en": _LIST_EN, "zh": _LIST_ZH},
        cues={
            "en": r"\b(list|all|every|which|what|any) (of the )?(\w+ )?(elections?|votes|facilities|campaigns|warehouses)\b|\belections\b|\bpending\b|\bno result\b|\bbeen part of\b|\btook part\b|\bwent (against|for)\b",
            "zh": r"哪些选举|所有选举|哪些|哪几场|哪几次|列出|列表|所有的?选举|参与了|等待结果|(结果|输掉|赢得|失败|成功)的(选举|投票)|(选举|投票)有哪些",
        },
        says={"en": "{what} ({n}):", "zh": "{what}（{n}）："},
        example={"en": "Which elections did the union lose?", "zh": "工会输掉了哪些选举"},
    ),
    QuestionKind(
        name="count",
        intent=Intent.how_many,
        phrasings={"en": _COUNT_EN, "zh": _COUNT_ZH},
        cues={
            "en": r"\bhow many\b.*\b(elections|times|facilities|campaigns|wins|losses)\b|\bnumber of (elections|wins|losses)\b",
            "zh": r"多少次|(?<!哪)几次|多少场|(?<!哪)几场",  # "哪几场" asks which ones: a list
        },
        says={"en": "{what}: {n}", "zh": "{what}：{n} 场"},
        example={"en": "How many elections did the union win?", "zh": "工会赢了多少场选举"},
    ),
    QuestionKind(
        name="win_rate",
        intent=Intent.win_rate,
        phrasings={"en": _RATE_EN, "zh": _RATE_ZH},
        cues={
            "en": r"\bwin(ning)? rate\b|\bsuccess rate\b|\bhow often\b|\b(share|percentage|proportion) of (elections|votes)\b.*\b(win|won)\b|\bbatting average\b|\btrack record\b|\brecord\b.*\bwins?\b.*\blosses\b|\bwins? (vs|versus|and|to) losses\b",
            "zh": r"胜率|成功率|赢的比例|获胜比例",
        },
        says={
            "en": "{what}: the union won {won} of {decided} decided elections ({pct:.1f}%)",
            "zh": "{what}：在 {decided} 场有结果的选举中，工会赢了 {won} 场（{pct:.1f}%）",
        },
        unknown={"en": "{what}: no election with a result on file.", "zh": "{what}：没有已有结果的选举。"},
        example={"en": "What is the union win rate?", "zh": "工会的胜率是多少"},
    ),
    _rank(
        "closest",
        _margin,
        False,
        (
            "which vote was the closest",
            "which election was decided by the fewest votes",
            "which was closer",
            "which one was closer",
            "what was the tightest election",
            "closest elections",
            "which election had the smallest margin",
            "narrowest win or loss",
        ),
        ("哪场选举最接近", "哪个更接近", "差距最小的选举", "最势均力敌的投票"),
        {
            "en": r"\bclos(est|er)\b|\bdecided by the (fewest|smallest|narrowest)\b|\btightest\b|\bnarrowest\b|\bsmallest margin\b|\bnearest\b",
            "zh": r"最接近|差距最小|势均力敌",
        },
        {"en": "Closest votes on file, by margin:", "zh": "差距最小的选举："},
    ),
    _rank(
        "widest",
        _margin,
        True,
        (
            "which vote was the most lopsided",
            "biggest margin",
            "which election had the widest margin",
            "the biggest defeat or win",
            "most one sided election",
        ),
        ("哪场选举差距最大", "差距最大的选举", "输得最惨的选举"),
        {
            "en": r"\bwidest\b|\blopsided\b|\bone sided\b|\b(biggest|largest|widest) (margin|defeat|loss|win|blowout)\b|\bblowout\b",
            "zh": r"差距最大|最悬殊|输得最惨|赢得最多",
        },
        {"en": "Widest margins on file:", "zh": "差距最大的选举："},
    ),
    _rank(
        "largest",
        _size,
        True,
        (
            "which was the largest election",
            "biggest vote by number of voters",
            "which election had the most eligible voters",
            "largest bargaining unit",
            "the biggest election",
        ),
        ("规模最大的选举", "哪场选举人数最多", "合格选民最多的选举"),
        {"en": r"\b(largest|biggest|most voters|most eligible|most workers)\b", "zh": r"规模最大|人数最多|最多"},
        {
            "en": "Largest elections on file (eligible voters, else workers, else ballots counted):",
            "zh": "规模最大的选举（按合格选民人数，其次员工人数，再次清点票数）：",
        },
    ),
    _rank(
        "smallest",
        _size,
        False,
        ("which was the smallest election", "fewest voters", "smallest bargaining unit"),
        ("规模最小的选举", "人数最少的选举"),
        {"en": r"\bsmallest\b(?! margin)|\bfewest (voters|workers|employees|eligible)\b", "zh": r"规模最小|人数最少"},
        {"en": "Smallest elections on file:", "zh": "规模最小的选举："},
    ),
    _rank(
        "highest_turnout",
        _turnout,
        True,
        ("which election had the highest turnout", "best turnout", "highest participation"),
        ("投票率最高的选举", "哪场选举投票率最高"),
        {"en": r"\b(highest|best|biggest|top) (turnout|participation)\b", "zh": r"投票率最高"},
        {"en": "Highest turnout on file:", "zh": "投票率最高的选举："},
    ),
    _rank(
        "most_ballots",
        _counted,
        True,
        ("which election had the most ballots counted", "where were the most votes cast", "most votes counted"),
        ("哪场选举清点的选票最多", "投票人数最多的选举"),
        {"en": r"\bmost (ballots|votes)\b", "zh": r"选票最多|票数最多|投票人数最多"},
        {"en": "Most ballots counted:", "zh": "清点选票最多的选举："},
    ),
    _rank(
        "best_share",
        _yes_share,
        True,
        (
            "where did the union get its best yes share",
            "highest share of yes votes",
            "where was support for the union strongest",
            "which election had the highest union vote share",
            "in which vote did the union win the biggest share of the ballots",
        ),
        ("工会在哪里得票率最高", "赞成票比例最高的选举"),
        {
            "en": r"\b(best|highest|biggest|largest|strongest) (yes |union )?(vote )?(share|support|percentage)\b"
            r"|\bsupport\b.*\bstrongest\b",
            "zh": r"得票率最高|比例最高|支持率最高",
        },
        {"en": "Highest share of yes votes:", "zh": "赞成票比例最高的选举："},
    ),
    _rank(
        "worst_share",
        _yes_share,
        False,
        (
            "where did the union get its lowest yes share",
            "lowest share of yes votes",
            "where was support for the union weakest",
            "which election had the lowest union vote share",
            "in which election did the union get the smallest share of the vote",
        ),
        ("工会在哪里得票率最低", "赞成票比例最低的选举"),
        {
            "en": r"\b(worst|lowest|smallest|weakest) (yes |union )?(vote )?(share|support|percentage)\b"
            r"|\bsupport\b.*\bweakest\b",
            "zh": r"得票率最低|比例最低|支持率最低",
        },
        {"en": "Lowest share of yes votes:", "zh": "赞成票比例最低的选举："},
    ),
    _rank(
        "lowest_turnout",
        _turnout,
        False,
        ("which election had the lowest turnout", "worst turnout", "lowest participation"),
        ("投票率最低的选举", "哪场选举投票率最低"),
        {"en": r"\b(lowest|worst|smallest|poorest) (turnout|participation)\b", "zh": r"投票率最低"},
        {"en": "Lowest turnout on file:", "zh": "投票率最低的选举："},
    ),
    _rank(
        "fewest_ballots",
        _counted,
        False,
        ("which election had the fewest votes counted", "fewest ballots cast", "least votes counted"),
        ("哪场选举清点的选票最少", "投票人数最少的选举"),
        {"en": r"\b(fewest|least) (ballots|votes)\b", "zh": r"选票最少|票数最少|投票人数最少"},
        {"en": "Fewest ballots counted:", "zh": "清点选票最少的选举："},
    ),
)
