"""Rows for one figure of one election. Each reads its values from the election's counts (derived
figures are computed, never stored) and says them in both languages; `unknown` is the reply
when the sources don't give the figure. Shared values the templates may use: {label}, {union},
{verdict}, {employer}, {facility}, {where} (filled in by the renderer in the reply's language)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.messages import APPROX, DETERMINATIVE, NOT_DETERMINATIVE, NOTHING
from bot.models import Derived, Election, Figure, Intent
from bot.table import QuestionKind, Reader, Value, Words

E = ("E",)
# Figures that add up across elections; shares, turnout and margins don't
ADDITIVE = frozenset(
    {Figure.votes_for, Figure.votes_against, Figure.counted, Figure.eligible, Figure.void, Figure.challenged}
)


def _approx(e: Election) -> Value:
    return APPROX if e.eligible_approximate else NOTHING


def _votes_for(e: Election, d: Derived) -> dict[str, Value] | None:
    return None if e.votes_for is None else {"n": e.votes_for}


def _votes_against(e: Election, d: Derived) -> dict[str, Value] | None:
    return None if e.votes_against is None else {"n": e.votes_against}


def _counted(e: Election, d: Derived) -> dict[str, Value] | None:
    if d.counted is None or e.votes_for is None or e.votes_against is None:
        return None
    return {"n": d.counted, "yes": e.votes_for, "no": e.votes_against}


def _eligible(e: Election, d: Derived) -> dict[str, Value] | None:
    return None if e.eligible_voters is None else {"n": e.eligible_voters, "approx": _approx(e)}


def _void(e: Election, d: Derived) -> dict[str, Value] | None:
    return None if e.void_ballots is None else {"n": e.void_ballots}


def _challenged(e: Election, d: Derived) -> dict[str, Value] | None:
    if e.challenged_ballots is None:
        return None
    decisive = DETERMINATIVE if e.challenges_determinative else NOT_DETERMINATIVE
    return {"n": e.challenged_ballots, "determinative": decisive}


def _turnout(e: Election, d: Derived) -> dict[str, Value] | None:
    if d.turnout is None or e.eligible_voters is None:
        return None
    return {"pct": d.turnout, "cast": e.ballots_cast or 0, "eligible": e.eligible_voters, "approx": _approx(e)}


def _margin(e: Election, d: Derived) -> dict[str, Value] | None:
    if d.margin is None or e.votes_for is None or e.votes_against is None:
        return None
    return {"n": d.margin, "yes": e.votes_for, "no": e.votes_against, "pts": d.margin_points or 0.0}


def _share(e: Election, d: Derived) -> dict[str, Value] | None:
    if d.share_for is None or d.share_against is None or not d.counted:
        return None
    return {"for_pct": d.share_for, "against_pct": d.share_against, "counted": d.counted}


def summands(row: QuestionKind, elections: Sequence[Election], derived: Sequence[Derived]) -> list[int] | None:
    """Each election's count for a row whose counts add up across elections (votes, ballots, voters),
    or None when the row's figures don't add up or one election lacks it: no total is then given."""
    if row.figure not in ADDITIVE or row.reads is None:
        return None
    counts = []
    for e, d in zip(elections, derived, strict=True):
        values = row.reads(e, d)
        n = values.get("n") if values else None
        if not isinstance(n, int):
            return None
        counts.append(n)
    return counts


def figure_row(
    figure: Figure, reads: Reader, en: tuple[str, ...], zh: tuple[str, ...], cues: Words, *, says: Words, unknown: Words
) -> QuestionKind:
    return QuestionKind(
        name=figure.value,
        intent=Intent.figure,
        figure=figure,
        needs=E,
        phrasings={"en": en, "zh": zh},
        cues=cues,
        reads=reads,
        says=says,
        unknown=unknown,
        example={"en": min(en, key=len), "zh": min(zh, key=len)},  # the plainest phrasing, offered as a question
    )


FIGURE_ROWS = (
    figure_row(
        Figure.votes_for,
        _votes_for,
        (
            "how many yes votes did the union get at {election}",
            "{election} votes for the union",
            "how many workers voted for the union at {election}",
            "how many people supported the union at {election}",
            "{election} yes votes",
            "how many voted yes at {election}",
            "how many votes in favour of unionizing at {election}",
            "how many pro union votes were there at {election}",
        ),
        (
            "{election}工会得了多少票",
            "工会在{election}得到多少票",
            "{election}有多少人投赞成票",
            "{election}有多少人支持工会",
            "{election}有多少张赞成票",
            "{election}赞成票",
            "{election}有多少人投票支持工会",
            "{election}支持工会的票数",
            "{election}投赞成票的有多少人",
        ),
        {
            "en": r"\byes\b|\bin favou?r\b|\bvoted for\b|\bvotes? for\b|\bsupport(ed|ers?)?\b|\bpro union\b",
            "zh": r"赞成|支持票|支持工会|得了?多少票|得票数",
        },
        says={"en": "{label}: {n:,} votes for the union{union}", "zh": "{label}：赞成加入工会 {n:,} 票{union}"},
        unknown={"en": "{label}: the news sources give no vote counts.", "zh": "{label}：新闻来源未给出票数。"},
    ),
    figure_row(
        Figure.votes_against,
        _votes_against,
        (
            "how many no votes were there at {election}",
            "{election} votes against the union",
            "how many workers voted against the union at {election}",
            "how many people opposed the union at {election}",
            "{election} no votes",
            "how many voted no at {election}",
            "how many anti union votes at {election}",
        ),
        ("{election}有多少张反对票", "{election}反对票", "{election}有多少人投了反对票", "{election}反对工会的票数"),
        {
            "en": r"\bno votes?\b|\bvoted (against|no)\b|\bvotes? against\b|\boppos(ed|ition)\b|\banti union\b",
            "zh": r"反对票|反对工会|投了?反对",
        },
        says={"en": "{label}: {n:,} votes against the union{union}", "zh": "{label}：反对加入工会 {n:,} 票{union}"},
        unknown={"en": "{label}: the news sources give no vote counts.", "zh": "{label}：新闻来源未给出票数。"},
    ),
    figure_row(
        Figure.counted,
        _counted,
        (
            "how many ballots were counted at {election}",
            "{election} total votes",
            "how many votes were cast at {election}",
            "how many people voted at {election}",
            "total number of ballots at {election}",
            "how many ballots were tallied in the {election} election",
            "{election} ballots counted",
        ),
        (
            "{election}有多少张选票被清点",
            "{election}总票数",
            "{election}共有多少张选票",
            "{election}一共清点了多少票",
            "{election}有多少人投票",
            "{election}的有效票是多少",
        ),
        {
            "en": r"\bcounted\b|\btotal (votes|ballots)\b|\bballots? (were )?(cast|counted|tallied)\b|\bvotes? cast\b|\bhow many\b(?!.*\beligible\b).*\bvoted\b",
            "zh": r"清点|总票数|多少张选票|一共.*票|多少人投了?票|投了?票的有?多少人|有效票|有效选票",
        },
        says={
            "en": "{label}: {n:,} ballots counted ({no:,} no + {yes:,} yes; void ballots are not counted)",
            "zh": "{label}：共清点 {n:,} 张选票（反对 {no:,} + 赞成 {yes:,}；无效票不计入）",
        },
        unknown={"en": "{label}: the sources give no ballot count.", "zh": "{label}：来源未给出清点票数。"},
    ),
    figure_row(
        Figure.eligible,
        _eligible,
        (
            "how many people were eligible to vote at {election}",
            "{election} eligible voters",
            "how many workers could vote at {election}",
            "how big was the bargaining unit at {election}",
            "how many were on the voter list at {election}",
            "number of eligible workers at {election}",
            "size of the unit at {election}",
            "how large was the voting unit at {election}",
            "{election} unit size",
        ),
        (
            "{election}有多少工人有投票资格",
            "{election}的合格选民有多少人",
            "{election}有多少合格选民",
            "{election}有多少人有资格投票",
            "{election}合格选民人数",
            "{election}有投票资格的员工有多少",
            "{election}的选举单位有多大",
            "{election}谈判单位有多少人",
        ),
        {
            "en": r"\beligib|\bcould vote\b|\bvoter (list|roll)\b|\bbargaining unit\b|\bvoting unit\b|\bunit size\b|\bsize of the (voting |bargaining )?unit\b|\bentitled to vote\b",
            "zh": r"合格选民|有资格|投票资格|选举单位|谈判单位",
        },
        says={"en": "{label}: {approx}{n:,} eligible voters", "zh": "{label}：{approx}{n:,} 名合格选民"},
        unknown={
            "en": "{label}: the sources give no number of eligible voters.",
            "zh": "{label}：来源未给出合格选民人数。",
        },
    ),
    figure_row(
        Figure.void,
        _void,
        (
            "{election} void ballots",
            "how many ballots were void at {election}",
            "how many spoiled ballots at {election}",
            "were any ballots invalid at {election}",
        ),
        ("{election}有多少张无效票", "{election}无效票", "{election}作废的选票有多少", "{election}有几张废票"),
        {"en": r"\bvoid\b|\bspoil(ed|t)\b|\binvalid\b", "zh": r"无效|作废|废票"},
        says={"en": "{label}: {n:,} void ballots", "zh": "{label}：无效票 {n:,} 张"},
        unknown={"en": "{label}: the sources give no count of void ballots.", "zh": "{label}：来源未给出无效票数。"},
    ),
    figure_row(
        Figure.challenged,
        _challenged,
        (
            "{election} challenged ballots",
            "how many ballots were challenged at {election}",
            "were the challenged ballots enough to change the {election} result",
            "how many contested ballots at {election}",
        ),
        ("{election}有多少张受质疑的选票", "{election}受质疑票", "{election}有争议的选票有多少"),
        {"en": r"\bchalleng|\bcontested\b|\bdeterminative\b", "zh": r"质疑|争议票|有争议"},
        says={
            "en": "{label}: {n:,} challenged ballots{determinative}",
            "zh": "{label}：受质疑票 {n:,} 张{determinative}",
        },
        unknown={
            "en": "{label}: the sources give no count of challenged ballots.",
            "zh": "{label}：来源未给出受质疑票数。",
        },
    ),
    figure_row(
        Figure.turnout,
        _turnout,
        (
            "what % of eligible workers voted at {election}",
            "how many of the eligible workers turned out at {election}",
            "what was the turnout at {election}",
            "{election} turnout",
            "what share of eligible workers cast a ballot at {election}",
            "what percentage of eligible voters voted at {election}",
            "how many of the eligible workers voted at {election}",
            "what was the participation rate at {election}",
            "what fraction of the workers took part in the {election} vote",
        ),
        (
            "{election}合格选民中投票的比例",
            "{election}有百分之多少的合格选民投了票",
            "{election}的合格选民里有多少人投票",
            "{election}的投票率",
            "{election}投票率是多少",
            "{election}有多大比例的合格选民投了票",
            "{election}的参与率",
        ),
        {
            "en": r"\bturnout\b|\bturn(ed)? out to vote\b|\bturned out\b|\belectorate\b|\bparticipat|\bcast a ballot\b|\b(share|percent\w*|fraction|proportion)\b.*\b(workers|employees|people|staff|eligible)\b.*\b(vote|voted|cast|took part|turned out)\b|\b(eligible|could vote)\b.*\b(voted|cast|took part|turned out)\b|\b(voted|cast|took part)\b.*\beligible\b",
            "zh": r"投票率|参与率|参选率|合格选民.*投了?票",
        },
        says={
            "en": "{label} turnout: {approx}{pct:.1f}% ({cast:,} ballots cast of {approx}{eligible:,} eligible voters)",
            "zh": "{label} 投票率：{approx}{pct:.1f}%（{approx}{eligible:,} 名合格选民中投出 {cast:,} 张选票）",
        },
        unknown={
            "en": "{label}: the sources give no turnout (it needs the eligible voters and the ballots cast).",
            "zh": "{label}：来源未给出投票率（需要合格选民人数和投票数）。",
        },
    ),
    figure_row(
        Figure.margin,
        _margin,
        (
            "how many more no votes than yes votes at {election}",
            "how many more votes did the winning side get at {election}",
            "how far short did the union fall at {election}",
            "how badly did the union lose at {election}",
            "how many votes separated yes and no at {election}",
            "how lopsided was the {election} vote",
            "how big was the defeat at {election}",
            "what was the margin at {election}",
            "{election} margin",
            "how much did the union lose {election} by",
            "by how many votes did the union win {election}",
            "how close was the vote at {election}",
            "what was the gap between yes and no at {election}",
            "how many votes separated the two sides at {election}",
            "by how much did {election} fail",
        ),
        (
            "{election}赞成票和反对票相差多少",
            "{election}反对票比赞成票多几票",
            "{election}领先多少个百分点",
            "{election}输了多少票",
            "{election}差了多少票",
            "{election}的票数差距",
            "{election}赢了多少票",
            "{election}相差多少票",
            "{election}差距有多大",
        ),
        {
            "en": r"\bmargins?\b|\bspread\b|\blandslide\b|\bblowout\b|\bnarrow(ly)?\b|\bhow badly\b|\bhow many more\b|\bmore (no|yes) votes than\b|\bby how (much|many)\b|\b(lose|lost|win|won|fail(ed)?)\b.*\bby\b|\bgap\b|\bhow close\b|\bseparat",
            "zh": r"差距|差额|相差|差了多少|差几票|输了多少|输了几票|赢了多少|赢了几票|多多少|多几票",
        },
        says={
            "en": "{label}: {verdict} by {n:,} votes ({no:,} no / {yes:,} yes), a margin of {pts:.1f} points",
            "zh": "{label}：{verdict}，相差 {n:,} 票（反对 {no:,} / 赞成 {yes:,}），差距 {pts:.1f} 个百分点",
        },
        unknown={
            "en": "{label}: the news sources give no vote counts, so no margin.",
            "zh": "{label}：新闻来源未给出票数，无法计算差距。",
        },
    ),
    figure_row(
        Figure.share,
        _share,
        (
            "what % voted yes at {election}",
            "what percentage voted for the union at {election}",
            "{election} vote share",
            "what share of the vote did the union get at {election}",
            "what percent of ballots were yes at {election}",
            "{election} percentage for and against",
            "what proportion of votes supported the union at {election}",
        ),
        (
            "{election}支持工会的票占百分之几",
            "{election}有百分之多少的选票支持工会",
            "{election}赞成票占多少比例",
            "{election}支持率",
            "{election}的得票率",
            "{election}赞成和反对的百分比",
        ),
        {
            "en": r"\bpercent(age)?s?\b|\bshares?\b|%|\bproportion\b|\bfraction\b",
            "zh": r"百分比|百分之|比例|占比|得票率|支持率",
        },
        says={
            "en": "{label}: {for_pct:.1f}% for the union, {against_pct:.1f}% against ({counted:,} ballots counted)",
            "zh": "{label}：赞成 {for_pct:.1f}%，反对 {against_pct:.1f}%（共清点 {counted:,} 张选票）",
        },
        unknown={
            "en": "{label}: the news sources give no vote counts, so no shares.",
            "zh": "{label}：新闻来源未给出票数，无法计算比例。",
        },
    ),
)
