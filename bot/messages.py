"""Every user-facing phrase, in English and Chinese. Renderers fill these in from numbers.
(What one kind of question says lives in its row of the question table, bot/table/.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from bot.models import Lang, Outcome, Person

Words = Mapping[Lang, str]
NOTHING: Words = {"en": "", "zh": ""}
APPROX: Words = {"en": "about ", "zh": "约"}
MORE_THAN: Words = {"en": "more than ", "zh": "超过 "}
DETERMINATIVE: Words = {"en": " (determinative)", "zh": "（足以影响结果）"}
NOT_DETERMINATIVE: Words = {"en": " (not enough to change the result)", "zh": "（不足以改变结果）"}
TALLY_KIND: dict[str, Words] = {
    "preliminary": {"en": "preliminary ", "zh": "初步"},
    "final": {"en": "final ", "zh": "最终"},
    "revised": {"en": "revised ", "zh": "修订"},
    "rerun": {"en": "rerun ", "zh": "重新投票"},
}
VERDICT: dict[Outcome, Words] = {
    Outcome.won: {"en": "the union won", "zh": "工会胜选"},
    Outcome.lost: {"en": "the union lost", "zh": "工会落败"},
    Outcome.undecided: {"en": "the vote was too close to call", "zh": "结果太接近，无法确定"},
    Outcome.pending: {"en": "no vote has been counted yet", "zh": "尚未计票"},
}
# What a figure that adds up across elections counts ("LDJ5 + ALB1 together: 586 votes for the union")
SUMMED: dict[str, Words] = {
    "votes_for": {"en": "votes for the union", "zh": "赞成票 "},
    "votes_against": {"en": "votes against the union", "zh": "反对票 "},
    "counted": {"en": "ballots counted", "zh": "计票 "},
    "eligible": {"en": "eligible voters", "zh": "合格选民 "},
    "void": {"en": "void ballots", "zh": "无效票 "},
    "challenged": {"en": "challenged ballots", "zh": "有争议的选票 "},
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")  # fmt: skip


def date_text(value: str | dt.date, lang: Lang) -> str:
    """YYYY-MM-DD as is; a bare month as 'April 2022' / '2022年4月'."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    if len(text) == 7:
        year, month = text.split("-")
        return f"{year}年{int(month)}月" if lang == "zh" else f"{MONTHS[int(month) - 1]} {year}"
    return text


def date_words(value: str) -> Words:
    """A date as it follows a verb: 'on 2022-10-18', 'in April 2022'."""
    return {"en": ("in " if len(value) == 7 else "on ") + date_text(value, "en"), "zh": date_text(value, "zh")}


OUTCOME: dict[Lang, dict[Outcome, str]] = {
    "en": {
        Outcome.won: "union won",
        Outcome.lost: "union lost",
        Outcome.undecided: "too close to call",
        Outcome.pending: "petition filed, no vote yet",
    },
    "zh": {
        Outcome.won: "工会胜选",
        Outcome.lost: "工会落败",
        Outcome.undecided: "结果太接近，无法确定",
        Outcome.pending: "已提交选举申请，尚未投票",
    },
}
OUTCOME_SHORT: dict[Lang, dict[Outcome, str]] = {
    "en": {Outcome.won: "won", Outcome.lost: "lost", Outcome.undecided: "undecided", Outcome.pending: "petition filed"},
    "zh": {Outcome.won: "胜选", Outcome.lost: "落败", Outcome.undecided: "未定", Outcome.pending: "已提交申请"},
}

MESSAGES: dict[Lang, dict[str, str]] = {
    "en": {
        "tally_no_yes": "{label}: {no} no / {yes} yes — {outcome}{union}",
        "tally_yes_no": "{label}: {yes} yes / {no} no — {outcome}{union}",
        "no_counts": "{label}: {outcome}{union} — the news sources give no vote counts",
        "union": " ({name})",
        "tally_line": "NLRB {kind}tally, {date}",
        "sources": "Source: {list}",
        "sources_many": "Sources: {list}",
        "source_item": "{publisher}, {date}",
        "place": "{employer} {kind} · {where}",
        "facility": "facility",
        "counted_detail": "{counted} ballots counted",
        "void_detail": "{n} void",
        "challenged_detail": "{n} challenged",
        "eligible_detail": "{approx}{n} eligible",
        "turnout_detail": "turnout {approx}{pct}%",
        "margin_detail": "margin {n} votes ({pts} points)",
        "share_detail": "{pct}% yes",
        "headcount_detail": "{more}{n} workers",
        "win.won": "Yes — the union won at {label}{union}.",
        "win.lost": "No — the union lost at {label}{union}.",
        "win.undecided": "Not decided — the {label} vote was too close to call.",
        "win.pending": "Not yet — a petition for an election at {label} was filed; no vote has been counted.",
        "compare_title": "Comparing {labels}:",
        "combined": "{labels} together: {approx}{n} {what} ({parts})",
        "combined_unknown": "{labels} together: no total I can give from the sources — each election's figure is below",
        "list_title": "{what} ({n}):",
        "list_all": "Elections on file",
        "q_union": " involving {union}",
        "q_employer": " at {employer}",
        "q_place": " in {place}",
        "q_year": " in {year}",
        "history_one": "{label}: one tally on file (no rerun or run-off recorded)",
        "asked": "(A long message: I answered its question “{text}”)",
        "which_E": "Which election do you mean?",
        "which_P": "Whose statements do you mean?",
        "which_PO": "Which person or organisation do you mean?",
        "which_O": "Which organisation do you mean?",
        "which_EE": "Which two elections should I compare?",
        "quotes_none_channel": "I have no {channel} from {who} on file.",
        "list_won": "Elections the union won",
        "list_lost": "Elections the union lost",
        "list_pending": "Elections not yet decided",
        "count": "{what}: {n} — {labels}.",
        "count_split": "{what}: {n} on file — {held} voted ({held_labels}), {pending} {petitions} without a vote yet ({pending_labels}).",
        "list_empty": "No elections on file match that.",
        "list_more": "… and {n} more.",
        "quote_head": "{speaker}{role}, {channel}{date}:",
        "quote_reported": "(reported speech, as the source paraphrases it) {text}",
        "translation": "Translation by election-bot from the published Chinese — not the speaker's own words: “{text}”",
        "more_quotes": "({n} more on file — ask about a topic or an election to narrow it.)",
        "who_is": "{name} — {role}{org}.",
        "same_person": "Yes: {names} are the same person.",
        "different_people": "No: {names} are different people.",
        "statements_on_file": "{n} statement(s) on file: ask “What did {name} say?”",
        "no_statements": "No statements from {name} on file.",
        "org_head": "{name}{abbr} — {kind}.",
        "org_elections": "Elections on file: {items}",
        "org_statements": "{n} statement(s) on file from {name}.",
        "quotes_none": "I have no statements on file from {who}.",
        "quotes_none_about": "I have no statements on file from {who} about {about}.",
        "quotes_none_topic": "None of the statements on file from {who} is about “{topic}”.",
        "quotes_none_unknown": "I have no statements from {who} on file.",
        "quotes_elsewhere": "On file from them about other elections:",
        "instruction": "I answer questions about union elections from my sources; I don't take instructions.",
        "instruction_facts": "I don't take instructions or confirm claims; this is what my sources say:",
        "who_is_unknown": "I have nothing on file about {who}.",
        "who_said_none": "I found no statement on file with those words.",
        "suggest": "I'm not sure what you mean{by}. Did you mean:",
        "suggest_by": " by “{text}”",
        "not_found_by": " about “{text}”",
        "not_found": "I don't know{by} — I answer only from my fact store of union elections.",
        "not_found_code": "I have no election with the code {code}.",
        "not_found_case": "I have no election with the NLRB case number {code}.",
        "try": "Try: {examples}",
        "help": "I answer questions about union representation elections from a sourced fact store: tallies, turnout, margins, outcomes, and who said what. Ask in English or Chinese.",
        "internal_error": "Sorry — something went wrong on my side and I couldn't answer. Please try again in a moment.",
        "cannot_post": "I can't post in this channel. Invite me first (/invite @election-bot), then press the button again.",
        "posted": "Posted to the channel.",
        "channel.statement": "statement",
        "channel.tweet": "tweet",
        "channel.interview": "interview",
        "channel.rally": "at a rally",
        "channel.report": "report",
        "channel.filing": "filing",
        "channels.statement": "statements",
        "channels.tweet": "tweets",
        "channels.interview": "interviews",
        "channels.rally": "rally speeches",
        "channels.report": "reports",
        "channels.filing": "filings",
        "channel.no_response": "no response to a request for comment",
        "quote_source_says": "(the source's words) {text}",
        "near": "near {city}",
        "union_side": "the union",
        "company_side": "the company",
        "transliterated": "{name} (election-bot's transliteration of {zh})",
    },
    "zh": {
        "tally_no_yes": "{label}：反对 {no} 票 / 赞成 {yes} 票 — {outcome}{union}",
        "tally_yes_no": "{label}：赞成 {yes} 票 / 反对 {no} 票 — {outcome}{union}",
        "no_counts": "{label}：{outcome}{union} — 新闻来源未给出票数",
        "union": "（{name}）",
        "tally_line": "NLRB {kind}计票，{date}",
        "sources": "来源：{list}",
        "sources_many": "来源：{list}",
        "source_item": "{publisher}，{date}",
        "place": "{employer}{kind} · {where}",
        "facility": "设施",
        "counted_detail": "共清点 {counted} 张选票",
        "void_detail": "无效票 {n} 张",
        "challenged_detail": "受质疑票 {n} 张",
        "eligible_detail": "{approx}{n} 名合格选民",
        "turnout_detail": "投票率{approx}{pct}%",
        "margin_detail": "相差 {n} 票（{pts} 个百分点）",
        "share_detail": "赞成 {pct}%",
        "headcount_detail": "{more}{n} 名员工",
        "win.won": "是的 — 工会在 {label} 胜选{union}。",
        "win.lost": "没有 — 工会在 {label} 落败{union}。",
        "win.undecided": "尚无定论 — {label} 的计票结果太接近，无法确定。",
        "win.pending": "还没有 — {label} 已提交工会选举申请，尚未计票。",
        "compare_title": "对比 {labels}：",
        "combined": "{labels} 合计：{what}{approx}{n}（{parts}）",
        "combined_unknown": "{labels} 合计：无法根据来源给出总数 — 以下是各场选举的数字",
        "list_title": "{what}（{n}）：",
        "list_all": "已收录的选举",
        "q_union": "{union}参与的",
        "q_employer": "{employer}的",
        "q_place": "{place}的",
        "q_year": "{year}年的",
        "list_all_q": "选举",
        "history_one": "{label}：只收录了一次计票（没有重新投票或决选的记录）",
        "asked": "（消息较长，我回答的是其中的问题：“{text}”）",
        "which_E": "你问的是哪一场选举？",
        "which_P": "你问的是谁的言论？",
        "which_PO": "你问的是哪个人或组织？",
        "which_O": "你问的是哪个组织？",
        "which_EE": "要比较哪两场选举？",
        "quotes_none_channel": "没有收录{who}的{channel}。",
        "list_won": "工会胜选的选举",
        "list_lost": "工会落败的选举",
        "list_pending": "尚未决定的选举",
        "count": "{what}：{n} 场 — {labels}。",
        "count_split": "{what}：共 {n} 场 — {held} 场已投票（{held_labels}），{pending} 场仅有申请、尚未投票（{pending_labels}）。",
        "list_empty": "没有符合条件的选举。",
        "list_more": "……另有 {n} 场。",
        "quote_head": "{speaker}{role}，{channel}{date}：",
        "quote_reported": "（转述，非原话）{text}",
        "translation": "election-bot 译文（非发言人原话）：“{text}”",
        "more_quotes": "（另有 {n} 条记录 — 可指明话题或选举以缩小范围。）",
        "who_is": "{name} — {role}{org}。",
        "same_person": "是的：{names}是同一个人。",
        "different_people": "不是：{names}是不同的人。",
        "statements_on_file": "收录了 {n} 条言论：可以问“{name}说了什么”",
        "no_statements": "没有收录 {name} 的言论。",
        "org_head": "{name}{abbr} — {kind}。",
        "org_elections": "已收录的选举：{items}",
        "org_statements": "收录了 {name} 的 {n} 条言论。",
        "quotes_none": "没有收录 {who} 的言论。",
        "quotes_none_about": "没有收录 {who} 关于 {about} 的言论。",
        "quotes_none_topic": "收录的 {who} 的言论中，没有关于“{topic}”的。",
        "quotes_elsewhere": "收录了他们关于其他选举的言论：",
        "instruction": "我只根据资料回答关于工会选举的问题，不执行指令。",
        "instruction_facts": "我不执行指令，也不替人确认说法；资料中的内容如下：",
        "quotes_none_unknown": "没有收录{who}的言论。",
        "who_is_unknown": "没有关于{who}的资料。",
        "who_said_none": "没有找到包含这些词语的言论。",
        "suggest": "我不确定你{by}指的是什么。你是想问：",
        "suggest_by": "说的“{text}”",
        "not_found_by": "“{text}”",
        "not_found": "我不知道{by} — 我只根据收录的工会选举资料回答。",
        "not_found_code": "没有代码为 {code} 的选举。",
        "not_found_case": "没有 NLRB 案件编号为 {code} 的选举。",
        "try": "可以试试：{examples}",
        "help": "我根据有来源的资料回答工会代表选举的问题：计票结果、投票率、票数差距、结果以及谁说了什么。可以用中文或英文提问。",
        "internal_error": "抱歉，我这边出了问题，暂时无法回答。请稍后再试。",
        "cannot_post": "我无法在这个频道发消息。请先邀请我（/invite @election-bot），再按一次按钮。",
        "posted": "已发到频道。",
        "channel.statement": "声明",
        "channel.tweet": "推特",
        "channel.interview": "采访",
        "channel.rally": "集会",
        "channel.report": "报告",
        "channel.filing": "文件",
        "channels.statement": "声明",
        "channels.tweet": "推文",
        "channels.interview": "采访言论",
        "channels.rally": "集会发言",
        "channels.report": "报告",
        "channels.filing": "文件",
        "channel.no_response": "未回应置评请求",
        "quote_source_says": "（来源的报道）{text}",
        "near": "{city}附近",
        "union_side": "工会",
        "company_side": "公司",
        "transliterated": "{zh}（{name} 为 election-bot 音译）",
    },
}

ORG_KIND: dict[Lang, dict[str, str]] = {
    "en": {
        "union": "union",
        "employer": "employer",
        "federation": "union federation",
        "agency": "federal agency",
        "research": "research and advocacy group",
        "university": "university",
        "other": "organisation",
    },
    "zh": {
        "union": "工会",
        "employer": "雇主",
        "federation": "工会联合会",
        "agency": "联邦机构",
        "research": "研究机构",
        "university": "大学",
        "other": "组织",
    },
}


def msg(lang: Lang, key: str, **values: object) -> str:
    return MESSAGES[lang][key].format(**values)


def person_name(p: Person, lang: Lang) -> str:
    """The name, saying so when it is election-bot's transliteration of the source's Chinese."""
    return msg(lang, "transliterated", name=p.name, zh=p.name_zh) if p.name_transliterated else p.name
