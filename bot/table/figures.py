"""Rows for one figure of one election. Each reads its values from the election's counts (derived
figures are computed, never stored) and says them in both languages; `unknown` is the reply
when the sources don't give the figure. Shared values the templates may use: {label}, {union},
{verdict}, {employer}, {facility}, {where} (filled in by the renderer in the reply's language)."""

from __future__ import annotations

from bot.messages import APPROX, DETERMINATIVE, MORE_THAN, NOT_DETERMINATIVE, NOTHING, TALLY_KIND, date_words
from bot.models import Derived, Election, Figure, Intent
from bot.table import QuestionKind, Reader, Value, Words

E = ("E",)


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


def _tally_date(e: Election, d: Derived) -> dict[str, Value] | None:
    if not e.tally_date:
        return None
    kind = TALLY_KIND[e.tally_type] if e.tally_type else NOTHING
    month_only: Words = {"en": " (the source gives only the month)", "zh": "（来源只给出月份）"}
    return {"date": date_words(e.tally_date), "kind": kind, "month": month_only if len(e.tally_date) == 7 else NOTHING}


def _count_location(e: Election, d: Derived) -> dict[str, Value] | None:
    where = e.count_location
    return None if where is None else {"at": {"en": where.en, "zh": where.zh or where.en}}


def _objections(e: Election, d: Derived) -> dict[str, Value] | None:
    days = e.objections_window_business_days
    return None if days is None else {"n": days}


def _headcount(e: Election, d: Derived) -> dict[str, Value] | None:
    if e.headcount is None:
        return None
    return {"n": e.headcount, "more": MORE_THAN if e.headcount_more_than else NOTHING}


def _place(e: Election, d: Derived) -> dict[str, Value] | None:
    return {}


def _union(e: Election, d: Derived) -> dict[str, Value] | None:
    return None if e.union is None else {}


def _employer(e: Election, d: Derived) -> dict[str, Value] | None:
    return {}


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
        unknown={"en": "{label}: the sources give no vote counts.", "zh": "{label}：来源未给出票数。"},
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
        unknown={"en": "{label}: the sources give no vote counts.", "zh": "{label}：来源未给出票数。"},
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
        ),
        {
            "en": r"\bcounted\b|\btotal (votes|ballots)\b|\bballots? (were )?(cast|counted|tallied)\b|\bvotes? cast\b|\bhow many (people )?voted\b",
            "zh": r"清点|总票数|多少张选票|一共.*票|多少人投票",
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
        ),
        (
            "{election}的合格选民有多少人",
            "{election}有多少合格选民",
            "{election}有多少人有资格投票",
            "{election}合格选民人数",
            "{election}有投票资格的员工有多少",
        ),
        {
            "en": r"\beligib|\bcould vote\b|\bvoter (list|roll)\b|\bbargaining unit\b|\bvoting unit\b|\bentitled to vote\b",
            "zh": r"合格选民|有资格|投票资格",
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
        ("{election}有多少张无效票", "{election}无效票", "{election}作废的选票有多少"),
        {"en": r"\bvoid\b|\bspoil(ed|t)\b|\binvalid\b", "zh": r"无效|作废"},
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
            "{election}有百分之多少的合格选民投了票",
            "{election}的合格选民里有多少人投票",
            "{election}的投票率",
            "{election}投票率是多少",
            "{election}有多大比例的合格选民投了票",
            "{election}的参与率",
        ),
        {
            "en": r"\bturnout\b|\bturn(ed)? out to vote\b|\bhow many turned out\b|\bparticipat|\bcast a ballot\b|\b(share|percent\w*|fraction|proportion|how many)\b.*\b(workers|employees|people|staff|eligible)\b.*\b(vote|voted|cast|took part|turned out)\b|\b(eligible|could vote)\b.*\b(voted|cast|took part)\b|\b(voted|cast|took part)\b.*\beligible\b",
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
            "{election}输了多少票",
            "{election}差了多少票",
            "{election}的票数差距",
            "{election}赢了多少票",
            "{election}相差多少票",
            "{election}差距有多大",
        ),
        {
            "en": r"\bmargins?\b|\bby how (much|many)\b|\b(lose|lost|win|won|fail(ed)?)\b.*\bby\b|\bgap\b|\bhow close\b|\bseparat",
            "zh": r"差距|差额|相差|差了多少|输了多少|赢了多少|多多少",
        },
        says={
            "en": "{label}: {verdict} by {n:,} votes ({no:,} no / {yes:,} yes), a margin of {pts:.1f} points",
            "zh": "{label}：{verdict}，相差 {n:,} 票（反对 {no:,} / 赞成 {yes:,}），差距 {pts:.1f} 个百分点",
        },
        unknown={
            "en": "{label}: the sources give no vote counts, so no margin.",
            "zh": "{label}：来源未给出票数，无法计算差距。",
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
            "en": "{label}: the sources give no vote counts, so no shares.",
            "zh": "{label}：来源未给出票数，无法计算比例。",
        },
    ),
    figure_row(
        Figure.tally_date,
        _tally_date,
        (
            "when did the {election} count take place",
            "what day was the {election} tally",
            "when was the {election} vote counted",
            "{election} tally date",
            "when did the {election} vote happen",
            "what day were the {election} ballots counted",
            "when was the {election} election",
        ),
        ("{election}什么时候计票", "{election}的计票日期", "{election}投票是哪天", "{election}选举是什么时候"),
        {"en": r"\bwhen\b|\bdate\b|\bwhat day\b|\bwhich day\b", "zh": r"什么时候|何时|日期|哪天|哪一天|几号"},
        says={
            "en": "{label} was tallied {date} ({kind}NLRB tally){month}",
            "zh": "{label} 的计票时间：{date}（NLRB {kind}计票）{month}",
        },
        unknown={"en": "{label}: the sources give no tally date.", "zh": "{label}：来源未给出计票日期。"},
    ),
    figure_row(
        Figure.count_location,
        _count_location,
        (
            "was the {election} count streamed",
            "could the public watch the {election} count",
            "where were the {election} votes counted",
            "where was the {election} count held",
            "in which office did the nlrb tally the {election} votes",
            "which office counted the {election} ballots",
            "was the {election} count broadcast",
            "where did the counting take place for {election}",
        ),
        (
            "{election}的选票是在哪里清点的",
            "{election}在哪里计票",
            "{election}计票地点",
            "{election}的计票在哪个办公室进行",
        ),
        {
            "en": r"\b(where|office|zoom|broadcast|stream(ed)?|watch|live)\b.*\b(count|counted|counting|tally|tallied)\b|\b(count|counted|counting|tally|tallied)\b.*\b(where|office|zoom|broadcast|stream(ed)?|watch|live)\b",
            "zh": r"在哪里?(清点|计票)|计票地点|哪个办公室|(清点|计票).*哪里",
        },
        says={"en": "{label}: the count was held at {at}", "zh": "{label}：计票地点为{at}"},
        unknown={
            "en": "{label}: the sources don't say where the count was held.",
            "zh": "{label}：来源未说明计票地点。",
        },
    ),
    figure_row(
        Figure.objections,
        _objections,
        (
            "how long did the parties have to file objections at {election}",
            "{election} objection deadline",
            "how many days to object to the {election} result",
            "can the {election} result be appealed",
        ),
        ("{election}提出异议的期限", "{election}有几天可以提出异议", "{election}的结果可以上诉吗"),
        {"en": r"\bobject(ions?)?\b|\bappeal", "zh": r"异议|申诉|上诉"},
        says={
            "en": "{label}: the parties had {n} business days to file objections",
            "zh": "{label}：双方有 {n} 个工作日提出异议",
        },
        unknown={
            "en": "{label}: the sources don't say how long the parties had to object.",
            "zh": "{label}：来源没有说明提出异议的期限。",
        },
    ),
    figure_row(
        Figure.headcount,
        _headcount,
        (
            "how many people work at {election}",
            "how big is {election}",
            "how many workers are at {election}",
            "{election} headcount",
            "how many employees work at {election}",
            "how large is the {election} workforce",
        ),
        (
            "{election}仓库雇了多少人",
            "{election}有多少员工",
            "{election}规模多大",
            "{election}有多少工人",
            "{election}员工人数",
        ),
        {
            "en": r"\bhow (big|large)\b|\bheadcount\b|\bworkforce\b|\bhow many (workers|employees|people|ppl|staff) (are|work|there)\b|\bemploys?\b|\bsize\b",
            "zh": r"员工人数|多少(名)?员工|多少(名)?工人|规模|多大|雇了?多少",
        },
        says={"en": "{label}: {more}{n:,} workers", "zh": "{label}：{more}{n:,} 名员工"},
        unknown={"en": "{label}: the sources give no headcount.", "zh": "{label}：来源未给出员工人数。"},
    ),
    figure_row(
        Figure.place,
        _place,
        (
            "where is {election}",
            "where is the {election} warehouse located",
            "which city is {election} in",
            "what state is {election} in",
            "location of {election}",
        ),
        ("{election}在哪里", "{election}位于哪个城市", "{election}在哪个州", "{election}的地点"),
        {
            "en": r"\bwhere is\b|\bwheres\b|\blocated\b|\blocation\b|\b(which|what) (city|state|town)\b",
            "zh": r"在哪里|在哪|位于|哪个城市|哪个州|什么地方",
        },
        says={"en": "{label}: {employer} {facility} in {where}", "zh": "{label}：{where}的{employer}{facility}"},
        unknown={"en": "{label}: the sources don't say where it is.", "zh": "{label}：来源未说明地点。"},
    ),
    figure_row(
        Figure.union,
        _union,
        (
            "which union ran the {election} campaign",
            "who organized {election}",
            "what union was on the ballot at {election}",
            "which union was involved at {election}",
        ),
        ("{election}是哪个工会组织的", "{election}的工会是哪个", "哪个工会参加了{election}的选举"),
        {"en": r"\b(which|what) union\b|\bwho organi[sz]ed\b|\bunion on the ballot\b", "zh": r"哪个工会|什么工会"},
        says={"en": "{label}: the union on the ballot was {union_name}", "zh": "{label}：参加选举的工会是{union_name}"},
        unknown={"en": "{label}: the sources don't name the union.", "zh": "{label}：来源没有说明是哪个工会。"},
    ),
    figure_row(
        Figure.employer,
        _employer,
        (
            "who is the employer at {election}",
            "which company runs {election}",
            "who owns {election}",
            "what company was the {election} vote at",
        ),
        ("{election}的雇主是谁", "{election}是哪家公司的", "{election}属于哪个公司"),
        {"en": r"\bemployer\b|\b(which|what) company\b|\bwho owns\b", "zh": r"雇主|哪家公司|哪个公司"},
        says={"en": "{label}: the employer is {employer}", "zh": "{label}：雇主是{employer}"},
        unknown={"en": "{label}: the sources don't name the employer.", "zh": "{label}：来源没有说明雇主。"},
    ),
)
