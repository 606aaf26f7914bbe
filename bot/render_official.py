"""Official NLRB tallies -> text lines, in English and Chinese (issue 9). Each tally says its
figures as published, the figures derived from them, and the NLRB file it comes from; a case
with several tallies reads as its history (initial -> rerun -> run-off)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot.models import Answer, Election, Lang
from bot.official import Figures, share

if TYPE_CHECKING:
    from bot.nlrb.records import OfficialElection

# All the wording of the official layer, by language.
MESSAGES: Mapping[Lang, Mapping[str, str]] = {
    "en": {
        "title": "{case}{kind} · {employer} · {place}",
        "choices": "{choices}; against {against} — {outcome}",
        "choice": "{name} {votes}{share}",
        "counted": "valid votes {valid}; counted as published {total}{basis}",
        "valid_only": "valid votes {valid}",
        "basis_challenged": " (the NLRB's count includes the {n} challenged ballots)",
        "void": "void {n}",
        "challenged": "challenged {n}{determinative}",
        "determinative": " (determinative)",
        "not_determinative": " (not determinative)",
        "eligible": "eligible {n}",
        "turnout": "turnout {pct}% ({cast} of {eligible})",
        "margin": "margin {n} votes ({pts} points)",
        "dates": "dates: {dates}",
        "unit": "unit: {text}",
        "source": "Source: NLRB, {files}",
        "history": "{case}: {n} tallies on file, in order:",
        "not_linked": "{label}: the NLRB's record of this election isn't in the files on hand (no case number on file).",
        "not_in_files": "{label}: case {case} isn't in the NLRB files on hand.",
        "both_layers": "Official NLRB record of {label} (case {case}):",
        "sep": ", ",
        "against_word": "against",
        "list": "{total} NLRB elections ({scope}){shown}",
        "list_one": "1 NLRB election ({scope}):",
        "shown": "; the first {n}:",
        "count": "{total} NLRB elections ({scope}{outcome}).",
        "count_won": ", union won",
        "count_lost": ", union lost",
        "win_rate": "Union win rate ({scope}): {pct}% — won {won} of {decided} decided NLRB elections.",
        "win_rate_none": "No decided NLRB elections ({scope}): no win rate.",
        "rank": "{title} NLRB election ({scope}) first, of {total}:",
        "history_many": "{total} NLRB elections ({scope}) with more than one tally{shown}",
        "none": "No NLRB election on file matches ({scope}).",
        "more": "{n} more not shown: ask “more”.",
        "line": "{case} · {place} · {date}: {choices}; against {against} — {outcome}{extra}",
        "eligible_short": " · eligible {n}",
        "linked_label": "{label} (NLRB case {case})",
        "tie": "a tie: no margin",
        "nlrb_figure": "NLRB file: {line}",
    },
    "zh": {
        "title": "案件 {case}{kind} · {employer} · {place}",
        "choices": "{choices}；反对 {against} 票 — {outcome}",
        "choice": "{name} {votes} 票{share}",
        "counted": "有效票 {valid}；公布的计票数 {total}{basis}",
        "valid_only": "有效票 {valid}",
        "basis_challenged": "（劳动关系委员会的计票数包括 {n} 张受质疑选票）",
        "void": "废票 {n}",
        "challenged": "受质疑选票 {n}{determinative}",
        "determinative": "（足以影响结果）",
        "not_determinative": "（不足以影响结果）",
        "eligible": "合格选民 {n}",
        "turnout": "投票率 {pct}%（{eligible} 人中 {cast} 人投票）",
        "margin": "差距 {n} 票（{pts} 个百分点）",
        "dates": "日期：{dates}",
        "unit": "投票单位：{text}",
        "source": "来源：美国国家劳动关系委员会（NLRB），{files}",
        "history": "{case}：共有 {n} 次计票记录，依次为：",
        "not_linked": "{label}：手头的 NLRB 文件中没有这场选举的官方记录（没有案件编号）。",
        "not_in_files": "{label}：手头的 NLRB 文件中没有案件 {case}。",
        "both_layers": "{label} 的 NLRB 官方记录（案件 {case}）：",
        "sep": "，",
        "against_word": "反对",
        "list": "共 {total} 场 NLRB 选举（{scope}）{shown}",
        "list_one": "1 场 NLRB 选举（{scope}）：",
        "shown": "；前 {n} 场：",
        "count": "共 {total} 场 NLRB 选举（{scope}{outcome}）。",
        "count_won": "，工会获胜",
        "count_lost": "，工会失利",
        "win_rate": "工会胜率（{scope}）：{pct}% — 在 {decided} 场有结果的 NLRB 选举中赢了 {won} 场。",
        "win_rate_none": "没有有结果的 NLRB 选举（{scope}），无法计算胜率。",
        "rank": "{title}的 NLRB 选举（{scope}，共 {total} 场）：",
        "history_many": "共 {total} 场 NLRB 选举（{scope}）有不止一次计票{shown}",
        "none": "档案中没有符合条件的 NLRB 选举（{scope}）。",
        "more": "还有 {n} 场未显示：可以问“更多”。",
        "line": "{case} · {place} · {date}：{choices}；反对 {against} 票 — {outcome}{extra}",
        "eligible_short": " · 合格选民 {n}",
        "linked_label": "{label}（NLRB 案件 {case}）",
        "tie": "平票：没有差距",
        "nlrb_figure": "NLRB 文件：{line}",
    },
}
KIND: Mapping[Lang, Mapping[str, str]] = {
    "en": {"initial": " (initial tally)", "rerun": " (rerun)", "runoff": " (run-off)", "revised": " (revised count)"},
    "zh": {"initial": "（首次计票）", "rerun": "（重新投票）", "runoff": "（决选）", "revised": "（修订计票）"},
}
OUTCOME: Mapping[Lang, Mapping[str, str]] = {
    "en": {
        "won": "union won (certified)",
        "kept": "union kept (decertification failed)",
        "lost": "union lost",
        "removed": "union removed",
        "no_certified_result": "no certified result (withdrawn or dismissed)",
        "open": "no certified result on file (case open)",
        "none": "no certified result on file",
    },
    "zh": {
        "won": "工会胜出（已认证）",
        "kept": "工会保住了代表资格（撤销认证未通过）",
        "lost": "工会失利",
        "removed": "工会被撤销认证",
        "no_certified_result": "没有认证结果（撤回或驳回）",
        "open": "档案中尚无认证结果（案件未结）",
        "none": "档案中没有认证结果",
    },
}
DATE_NAMES: Mapping[Lang, Mapping[str, str]] = {
    "en": {"filed_date": "filed", "held_date": "held", "tally_date": "tallied", "closed_date": "closed"},
    "zh": {"filed_date": "立案", "held_date": "投票", "tally_date": "计票", "closed_date": "结案"},
}
UNIT_CHARS = 160


def m(lang: Lang, key: str, **values: object) -> str:
    return MESSAGES[lang][key].format(**values)


def num(n: int) -> str:
    return f"{n:,}"


def outcome_key(r: OfficialElection) -> str:
    if r.outcome is None:
        return "open" if r.open else "none"
    if r.case_type.value in ("RD", "UD") and r.outcome.value in ("won", "lost"):
        return "kept" if r.outcome.value == "won" else "removed"
    return r.outcome.value


def title(r: OfficialElection, lang: Lang) -> str:
    kind = KIND[lang]["revised" if r.revised else r.tally.value] if r.tally else ""
    employer = r.employer_display if r.employer_display == r.employer else f"{r.employer_display} ({r.employer})"
    place = ", ".join(p for p in (r.city, r.state) if p)
    return m(lang, "title", case=r.case_number, kind=kind, employer=employer, place=place or "?")


def choices(r: OfficialElection, lang: Lang) -> str:
    parts = []
    for u in r.unions:
        pct = share(u.votes, r)
        parts.append(
            m(
                lang,
                "choice",
                name=u.display or u.name or "?",
                votes="?" if u.votes is None else num(u.votes),
                share="" if pct is None else f" ({pct}%)",
            )
        )
    against = "?" if r.votes_against is None else num(r.votes_against)
    outcome = OUTCOME[lang][outcome_key(r)]
    return m(lang, "choices", choices=MESSAGES[lang]["sep"].join(parts), against=against, outcome=outcome)


def figures_line(r: OfficialElection, lang: Lang) -> str:
    f = Figures.of(r)
    parts: list[str] = []
    if f.valid is not None:
        basis = ""
        if r.counted_basis == "valid+challenged":
            basis = m(lang, "basis_challenged", n=num(r.challenged_ballots or 0))
        if r.total_ballots_counted is None:
            parts.append(m(lang, "valid_only", valid=num(f.valid)))
        else:
            parts.append(m(lang, "counted", valid=num(f.valid), total=num(r.total_ballots_counted), basis=basis))
    if r.void_ballots is not None:
        parts.append(m(lang, "void", n=num(r.void_ballots)))
    if r.challenged_ballots is not None:
        det = {True: "determinative", False: "not_determinative", None: ""}[r.challenges_determinative]
        parts.append(m(lang, "challenged", n=num(r.challenged_ballots), determinative=m(lang, det) if det else ""))
    if r.eligible_voters is not None:
        parts.append(m(lang, "eligible", n=num(r.eligible_voters)))
    if f.turnout is not None and f.cast is not None and r.eligible_voters:
        parts.append(m(lang, "turnout", pct=f.turnout, cast=num(f.cast), eligible=num(r.eligible_voters)))
    if f.margin == 0:
        parts.append(m(lang, "tie"))
    elif f.margin is not None:
        parts.append(m(lang, "margin", n=num(f.margin), pts=f.margin_points))
    return MESSAGES[lang]["sep"].join(parts)


def tally_lines(r: OfficialElection, lang: Lang, *, unit: bool = True) -> list[str]:
    lines = [title(r, lang), choices(r, lang)]
    figures = figures_line(r, lang)
    if figures:
        lines.append(figures)
    dates = [f"{DATE_NAMES[lang][name]} {value}" for name in DATE_NAMES[lang] if (value := getattr(r, name))]
    if dates:
        lines.append(m(lang, "dates", dates=MESSAGES[lang]["sep"].join(dates)))
    if unit and r.unit_description:
        text = " ".join(r.unit_description.split())
        lines.append(m(lang, "unit", text=text if len(text) <= UNIT_CHARS else text[: UNIT_CHARS - 1] + "…"))
    lines.append(m(lang, "source", files=", ".join(r.sources)))
    return lines


def official_lines(records: tuple[OfficialElection, ...], lang: Lang) -> list[str]:
    """Every tally, in history order; a case with several says how many first."""
    lines: list[str] = []
    cases: dict[str, int] = {}
    for r in records:
        cases[r.case_number] = cases.get(r.case_number, 0) + 1
    shown: set[str] = set()
    for r in records:
        if cases[r.case_number] > 1 and r.case_number not in shown:
            lines.append(m(lang, "history", case=r.case_number, n=cases[r.case_number]))
        shown.add(r.case_number)
        lines += tally_lines(r, lang, unit=len(records) == 1)
    return lines


RANK_TITLES: Mapping[Lang, Mapping[str, str]] = {
    "en": {"largest": "Largest", "smallest": "Smallest", "closest": "Closest", "widest": "Most lopsided",
           "highest_turnout": "Highest-turnout", "lowest_turnout": "Lowest-turnout",
           "most_ballots": "Most ballots", "fewest_ballots": "Fewest ballots"},
    "zh": {"largest": "规模最大", "smallest": "规模最小", "closest": "最接近", "widest": "差距最大",
           "highest_turnout": "投票率最高", "lowest_turnout": "投票率最低",
           "most_ballots": "票数最多", "fewest_ballots": "票数最少"},
}  # fmt: skip


def short_line(r: OfficialElection, lang: Lang) -> str:
    """One tally on one line, for lists."""
    kind = KIND[lang]["revised" if r.revised else r.tally.value] if r.tally and r.tally.value != "initial" else ""
    votes = MESSAGES[lang]["sep"].join(
        f"{u.display or u.name or '?'} {'?' if u.votes is None else num(u.votes)}" for u in r.unions
    )
    return m(
        lang,
        "line",
        case=r.case_number + kind,
        place=", ".join(p for p in (r.city, r.state) if p) or "?",
        date=r.date or "?",
        choices=votes or "?",
        against="?" if r.votes_against is None else num(r.votes_against),
        outcome=OUTCOME[lang][outcome_key(r)],
        extra="" if r.eligible_voters is None else m(lang, "eligible_short", n=num(r.eligible_voters)),
    )


def scope_lines(answer: Answer) -> list[str]:
    """An answer over many official elections: the total (and rate or rank), then one page."""
    lang, total, scope = answer.lang, answer.official_total, answer.official_scope or ""
    records = answer.official
    shown = len({(r.case_number, r.unit) for r in records})
    page = m(lang, "shown", n=shown) if total > shown else ":" if lang == "en" else "："
    intent = answer.intent.value
    if total == 0:
        return [m(lang, "none", scope=scope)]
    if intent == "list" and total == 1:
        return [m(lang, "list_one", scope=scope), *official_lines(records, lang)]
    if intent == "history":
        head = m(lang, "history_many", total=total, scope=scope, shown=page)
        return [head, *official_lines(records, lang)]
    if intent == "win_rate":
        rate = answer.win_rate
        if rate is None or not rate.decided:
            head = m(lang, "win_rate_none", scope=scope)
        else:
            head = m(lang, "win_rate", scope=scope, pct=rate.percent, won=num(rate.won), decided=num(rate.decided))
    elif intent == "count":
        outcome = ""
        if total and all(outcome_key(r) in ("won", "kept") for r in records[-1:]) and _all(records, ("won", "kept")):
            outcome = m(lang, "count_won")
        elif total and _all(records, ("lost", "removed")):
            outcome = m(lang, "count_lost")
        head = m(lang, "count", total=num(total), scope=scope, outcome=outcome)
    elif intent == "rank":
        title = RANK_TITLES[lang].get(answer.row or "", RANK_TITLES[lang]["largest"])
        head = m(lang, "rank", title=title, scope=scope, total=num(total))
    else:
        head = m(lang, "list", total=num(total), scope=scope, shown=page)
    lines = [head, *(short_line(r, lang) for r in records)]
    if total > shown and intent != "rank":
        lines.append(m(lang, "more", n=num(total - shown)))
    return lines


def _all(records: tuple[OfficialElection, ...], keys: tuple[str, ...]) -> bool:
    finals = {r.case_number: r for r in records}
    return bool(finals) and all(outcome_key(r) in keys for r in finals.values())


def both_layers(e: Election, records: tuple[OfficialElection, ...], lang: Lang) -> str:
    return m(lang, "both_layers", label=e.label, case=records[0].case_number if records else e.case_number)


def not_on_file(answer: Answer) -> str:
    e = answer.elections[0]
    if e.case_number:
        return m(answer.lang, "not_in_files", label=e.label, case=e.case_number)
    return m(answer.lang, "not_linked", label=e.label)


def figure_lines(answer: Answer, news: list[str] | None) -> list[str]:
    """A figure or yes/no question about one official tally (answer.official[-1]): the answer read
    from the tally, then the tally itself with its source. `news`: the curated election's own reply
    (its figure from the news sources), when the election is a curated one; a figure the news
    sources don't give is answered from the NLRB's record first."""
    from bot.official_figures import did_win_line, figure_line

    lang, r = answer.lang, answer.official[-1]
    e = answer.elections[0] if answer.elections else None
    name = m(lang, "linked_label", label=e.label, case=r.case_number) if e else None
    if answer.intent.value == "did_win" or answer.figure is None:
        line = did_win_line(r, lang, name=name)
    else:
        line = figure_line(r, answer.figure, lang, name=name)
    record = official_lines(answer.official, lang)
    if news is None:
        return [line, *record]
    if answer.kind.value == "answered" and news_gives(answer):
        return [*news, m(lang, "nlrb_figure", line=line), record[-1]]  # both layers, each with its source
    return [line, *record, *news]


def news_gives(answer: Answer) -> bool:
    """Whether the curated election's news sources give the figure asked."""
    from bot.figures import derive
    from bot.table import FIGURE_ROW

    if answer.figure is None or not answer.elections:
        return True
    row = FIGURE_ROW[answer.figure]
    e = answer.elections[0]
    return row.reads is None or row.reads(e, derive(e)) is not None
