"""One figure of one official NLRB election, in English and Chinese (official3).

The question table's figure rows recognise the question ("how many were eligible", "turnout",
"案号"); this module reads the figure from the NLRB's published tally instead of a news record,
derives what the tally does not state (valid votes, turnout, margin, shares) from its counts, and
says which count it used. What the file does not give is said as such, naming the file. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from bot.lexicon import Pattern
from bot.models import Figure, Lang
from bot.official import Figures

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection

Values = dict[str, object]
Reader = Callable[["OfficialElection", Figures, Lang], Values | None]

# Words naming one tally of a case's history.
TALLY_WORDS: tuple[tuple[str, Pattern], ...] = (
    ("runoff", Pattern(r"\brun ?off\b|决选")),
    (
        "rerun",
        Pattern(
            r"\bre ?run\b|\bre ?vote\b|\b(second|2nd) (\w+ )?(vote|election|tally|time|count|round)\b|重新投票|重投|第二次"
        ),
    ),
    ("initial", Pattern(r"\b(first|initial|original)\b|首次|第一次|最初")),
)
SEP: Mapping[Lang, str] = {"en": ", ", "zh": "，"}
DASH = "—"

# The reply of each figure, by language; {label} names the election (see label()).
SAYS: Mapping[Lang, Mapping[Figure, str]] = {
    "en": {
        Figure.place: "{place}",
        Figure.union: "on the ballot: {unions}{winner}",
        Figure.employer: "the employer is {employer}{legal}",
        Figure.case_number: "NLRB case number {case}",
    },
    "zh": {
        Figure.place: "{place}",
        Figure.union: "选票上的工会：{unions}{winner}",
        Figure.employer: "雇主是 {employer}{legal}",
        Figure.case_number: "NLRB 案件编号 {case}",
    },
}
# What a figure is called when the file does not give it.
WHAT: Mapping[Lang, Mapping[Figure, str]] = {
    "en": {
        Figure.votes_for: "votes for the union",
        Figure.votes_against: "votes against the union",
        Figure.counted: "vote counts",
        Figure.eligible: "number of eligible voters",
        Figure.void: "count of void ballots",
        Figure.challenged: "count of challenged ballots",
        Figure.turnout: "turnout (it needs the eligible voters and the ballots cast)",
        Figure.margin: "margin (it needs both sides' votes)",
        Figure.share: "shares (they need both sides' votes)",
        Figure.tally_date: "dates",
        Figure.count_location: "place of the count",
        Figure.objections: "objections window",
        Figure.headcount: "headcount of the workplace (only the eligible voters)",
        Figure.place: "place",
        Figure.union: "union's name",
        Figure.employer: "employer",
        Figure.case_number: "case number",
    },
    "zh": {
        Figure.votes_for: "支持工会的票数",
        Figure.votes_against: "反对工会的票数",
        Figure.counted: "票数",
        Figure.eligible: "合格选民人数",
        Figure.void: "废票数",
        Figure.challenged: "受质疑选票数",
        Figure.turnout: "投票率（需要合格选民人数和投票数）",
        Figure.margin: "差距（需要双方票数）",
        Figure.share: "得票比例（需要双方票数）",
        Figure.tally_date: "日期",
        Figure.count_location: "计票地点",
        Figure.objections: "提出异议的期限",
        Figure.headcount: "员工总数（只有合格选民人数）",
        Figure.place: "地点",
        Figure.union: "工会名称",
        Figure.employer: "雇主",
        Figure.case_number: "案件编号",
    },
}
WORDS: Mapping[Lang, Mapping[str, str]] = {
    "en": {
        "unknown": "{label}: the NLRB file ({files}) gives no {what}.",
        "figure": "{label}: {value} — {outcome}",
        "label": "{employer} ({place}), NLRB case {case}{kind}",
        "published": "; the NLRB published {total} as counted{basis}",
        "basis_challenged": ", which includes the {n} challenged ballots",
        "valid": "{n} valid",
        "void": "{n} void",
        "challenged": "{n} challenged",
        "against": "votes against",
        "winner": "; {name} was to be certified",
        "legal": " (legal name: {name})",
        "determinative": " (determinative: enough to change the result)",
        "not_determinative": " (not enough to change the result)",
        "union_share": "{name} {pct}%",
        "won_yes": "Yes — {label}: {outcome}.",
        "won_no": "No — {label}: {outcome}.",
        "won_open": "Not decided on file — {label}: {outcome}.",
    },
    "zh": {
        "unknown": "{label}：NLRB 文件（{files}）没有给出{what}。",
        "figure": "{label}：{value} — {outcome}",
        "label": "{employer}（{place}），NLRB 案件 {case}{kind}",
        "published": "；NLRB 公布的计票数为 {total}{basis}",
        "basis_challenged": "，其中包括 {n} 张受质疑选票",
        "valid": "有效票 {n}",
        "void": "废票 {n}",
        "challenged": "受质疑选票 {n}",
        "against": "反对票",
        "winner": "；获认证的是{name}",
        "legal": "（法定名称：{name}）",
        "determinative": "（足以影响结果）",
        "not_determinative": "（不足以改变结果）",
        "union_share": "{name} {pct}%",
        "won_yes": "是的 — {label}：{outcome}。",
        "won_no": "没有 — {label}：{outcome}。",
        "won_open": "档案中尚无结论 — {label}：{outcome}。",
    },
}


def num(n: int) -> str:
    return f"{n:,}"


def w(lang: Lang, key: str, **values: object) -> str:
    return WORDS[lang][key].format(**values)


def union_names(r: OfficialElection) -> list[str]:
    return [u.display or u.name or "?" for u in r.unions]


def _place(r: OfficialElection, f: Figures, lang: Lang) -> Values | None:
    place = ", ".join(p for p in (r.city, r.state) if p)
    return {"place": place} if place else None


def _union(r: OfficialElection, f: Figures, lang: Lang) -> Values | None:
    names = union_names(r)
    if not names:
        return None
    winner = w(lang, "winner", name=r.union_to_certify) if r.union_to_certify and len(names) > 1 else ""
    return {"unions": SEP[lang].join(names), "winner": winner}


def _employer(r: OfficialElection, f: Figures, lang: Lang) -> Values | None:
    legal = w(lang, "legal", name=r.employer) if r.employer != r.employer_display else ""
    return {"employer": r.employer_display, "legal": legal}


def _case(r: OfficialElection, f: Figures, lang: Lang) -> Values | None:
    return {"case": r.case_number}


# Figures bot.render_official.figure_value does not say (the counts and derived figures it does).
READS: Mapping[Figure, Reader] = {
    Figure.place: _place,
    Figure.union: _union,
    Figure.employer: _employer,
    Figure.case_number: _case,
}  # count_location, objections, headcount: no NLRB file gives them


def label(r: OfficialElection, lang: Lang) -> str:
    from bot.render_official import KIND

    kind = KIND[lang]["revised" if r.revised else r.tally.value] if r.tally and r.tally.value != "initial" else ""
    place = ", ".join(p for p in (r.city, r.state) if p) or "?"
    return w(lang, "label", employer=r.employer_display, place=place, case=r.case_number, kind=kind)


def value(r: OfficialElection, figure: Figure, lang: Lang) -> str | None:
    """The figure of one tally in words (render_official.figure_value says the counts and derived
    figures; this module the place, union, employer and case number), or None when not given."""
    from bot.render_official import figure_value

    reader = READS.get(figure)
    if reader is None:
        return figure_value(r, figure.value, lang)
    values = reader(r, Figures.of(r), lang)
    return None if values is None else SAYS[lang][figure].format(**values)


def reads(r: OfficialElection, figure: Figure) -> bool:
    """Whether the tally gives the figure."""
    return value(r, figure, "en") is not None


def figure_line(r: OfficialElection, figure: Figure, lang: Lang, *, name: str | None = None) -> str:
    """The figure of one tally, or what the file does not give; `name` labels it (a curated code)."""
    from bot.render_official import OUTCOME, outcome_key

    shown = label(r, lang) if name is None else name
    said = value(r, figure, lang)
    if said is None:
        return w(lang, "unknown", label=shown, files=", ".join(r.sources), what=WHAT[lang][figure])
    return w(lang, "figure", label=shown, value=said, outcome=OUTCOME[lang][outcome_key(r)])


def did_win_line(r: OfficialElection, lang: Lang, *, name: str | None = None) -> str:
    from bot.render_official import OUTCOME, outcome_key

    key = outcome_key(r)
    verdict = "won_yes" if key in ("won", "kept") else "won_no" if key in ("lost", "removed") else "won_open"
    return w(lang, verdict, label=label(r, lang) if name is None else name, outcome=OUTCOME[lang][key])


def tally_asked(norm: str) -> str | None:
    """The tally of a case's history a question names ("the rerun", "首次计票"), else None."""
    named = [kind for kind, words in TALLY_WORDS if words.search(norm)]
    return named[0] if len(named) == 1 else None  # "initial vs rerun" names none of them alone


def pick(tallies: Sequence[OfficialElection], norm: str, *, deciding: bool = False) -> OfficialElection:
    """The tally a question is about: the one it names (initial / rerun / run-off), else the latest
    (with `deciding`, the latest that carries a result)."""
    kind = tally_asked(norm)
    named = [r for r in tallies if r.tally is not None and r.tally.value == kind]
    if named:
        return named[-1]
    if deciding:
        decided = [r for r in tallies if r.outcome is not None]
        if decided:
            return decided[-1]
    return tallies[-1]
