"""Rows for facts about one election other than its counts: when and where it was tallied, the
objections window, the workforce, its place, union and employer."""

from __future__ import annotations

from bot.messages import MORE_THAN, NOTHING, TALLY_KIND, date_words
from bot.models import Derived, Election, Figure
from bot.table import Value, Words
from bot.table.figures import figure_row


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


def _case_number(e: Election, d: Derived) -> dict[str, Value] | None:
    return None if e.case_number is None else {"case": e.case_number}


FACT_ROWS = (
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
            "when was the {election} case closed",
            "when were the {election} results announced",
            "when did the {election} tally come out",
            "when was the {election} count released",
            "when were the {election} results published",
            "when was the {election} count made public",
        ),
        (
            "{election}什么时候计票",
            "{election}的计票日期",
            "{election}投票是哪天",
            "{election}选举是什么时候",
            "{election}什么时候结案",
            "{election}的结果什么时候公布",
            "{election}计票结果是哪天出来的",
            "{election}结果何时发布",
            "{election}的结果什么时候公开",
        ),
        {
            "en": r"\bwhen\b|\bdate\b|\bwhat day\b|\bwhich day\b|\bclosed\b",
            "zh": r"什么时候|何时|日期|哪天|哪一天|几号|结案",
        },
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
            "where did the {election} tally happen",
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
            "en": r"^(?!.*\b(count|counted|counting|tally|tallied|ballots)\b).*(\bwhere is\b|\bwheres\b|\blocated\b|\blocation\b|\b(which|what) (city|state|town)\b)",
            "zh": r"^(?!.*(计票|清点|点票)).*(在哪里|在哪|位于|哪个城市|哪个州|什么地方)",  # not the count's place
        },
        says={"en": "{label}: {employer} {facility} · {where}", "zh": "{label}：{where}的{employer}{facility}"},
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
            "who filed the petition at {election}",
            "who petitioned for the {election} election",
        ),
        (
            "{election}是哪个工会组织的",
            "{election}的工会是哪个",
            "哪个工会参加了{election}的选举",
            "{election}的选举申请是谁提交的",
        ),
        {
            "en": r"\b(which|what) union\b|\bwho organi[sz]ed\b|\bunion on the ballot\b|\bwho (filed|petitioned)\b",
            "zh": r"哪个工会|什么工会|谁提交|谁申请",
        },
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
    figure_row(
        Figure.case_number,
        _case_number,
        (
            "what is the nlrb case number for {election}",
            "{election} case number",
            "which nlrb case was {election}",
            "what was the docket number of the {election} election",
            "case no of {election}",
        ),
        ("{election}的案号是多少", "{election}的NLRB案件编号", "{election}是哪个案件", "{election}案号"),
        {
            "en": r"\bcase (number|no|num|#|id)\b|\bdocket\b|\bwhich (nlrb )?case\b",
            "zh": r"案号|案件编号|案件号|哪个案件",
        },
        says={"en": "{label}: NLRB case number {case}", "zh": "{label}：NLRB 案件编号 {case}"},
        unknown={
            "en": "{label}: no NLRB case number is on file (the NLRB's record of this election isn't in the files on hand).",
            "zh": "{label}：档案中没有 NLRB 案件编号（手头的 NLRB 文件中没有这场选举的官方记录）。",
        },
    ),
)
