"""Official NLRB tallies -> text lines, in English and Chinese (issue 9). Each tally says its
figures as published, the figures derived from them, and the NLRB file it comes from; a case
with several tallies reads as its history (initial -> rerun -> run-off)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot.models import Answer, Election, Lang
from bot.official import PAGE, Figures, share

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
        "shown_page": "; elections {first}–{last}:",
        "count": "{total} NLRB elections ({scope}{outcome}).",
        "count_won": ", union won",
        "count_lost": ", union lost",
        "win_rate": "Union win rate ({scope}): {pct}% — won {won} of {decided} decided NLRB elections.",
        "win_rate_none": "No decided NLRB elections ({scope}): no win rate.",
        "rank": "{title} NLRB election ({scope}) first, of {total}:",
        "history_many": "{total} NLRB elections ({scope}) with more than one tally{shown}",
        "none": "No NLRB election on file matches ({scope}).",
        "more": "{n} more not shown.",
        "line": "{case} · {place} · {date}: {choices}; against {against} — {outcome}{extra}",
        "eligible_short": " · eligible {n}",
        "tie": "a tie: no margin",
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
        "shown_page": "；第 {first}–{last} 场：",
        "count": "共 {total} 场 NLRB 选举（{scope}{outcome}）。",
        "count_won": "，工会获胜",
        "count_lost": "，工会失利",
        "win_rate": "工会胜率（{scope}）：{pct}% — 在 {decided} 场有结果的 NLRB 选举中赢了 {won} 场。",
        "win_rate_none": "没有有结果的 NLRB 选举（{scope}），无法计算胜率。",
        "rank": "{title}的 NLRB 选举（{scope}，共 {total} 场）：",
        "history_many": "共 {total} 场 NLRB 选举（{scope}）有不止一次计票{shown}",
        "none": "档案中没有符合条件的 NLRB 选举（{scope}）。",
        "more": "还有 {n} 场未显示。",
        "line": "{case} · {place} · {date}：{choices}；反对 {against} 票 — {outcome}{extra}",
        "eligible_short": " · 合格选民 {n}",
        "tie": "平票：没有差距",
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
           "most_ballots": "Most ballots", "fewest_ballots": "Fewest ballots",
           "best_share": "Highest union share", "worst_share": "Lowest union share"},
    "zh": {"largest": "规模最大", "smallest": "规模最小", "closest": "最接近", "widest": "差距最大",
           "highest_turnout": "投票率最高", "lowest_turnout": "投票率最低",
           "most_ballots": "票数最多", "fewest_ballots": "票数最少",
           "best_share": "工会得票率最高", "worst_share": "工会得票率最低"},
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
    before = answer.official_page * PAGE  # elections on the pages before this one
    if before:
        page = m(lang, "shown_page", first=num(before + 1), last=num(before + shown))
    else:
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
        # the result the count was filtered on, never one read off the first page of many
        outcome = {"won": m(lang, "count_won"), "lost": m(lang, "count_lost")}.get(answer.official_outcome or "", "")
        head = m(lang, "count", total=num(total), scope=scope, outcome=outcome)
    elif intent == "rank":
        title = RANK_TITLES[lang].get(answer.row or "", RANK_TITLES[lang]["largest"])
        head = m(lang, "rank", title=title, scope=scope, total=num(total))
    else:
        head = m(lang, "list", total=num(total), scope=scope, shown=page)
    lines = [head, *(short_line(r, lang) for r in records)]
    if total > before + shown and intent != "rank":
        lines.append(m(lang, "more", n=num(total - before - shown)))
    return lines


def both_layers(e: Election, records: tuple[OfficialElection, ...], lang: Lang) -> str:
    return m(lang, "both_layers", label=e.label, case=records[0].case_number if records else e.case_number)


def not_on_file(answer: Answer) -> str:
    e = answer.elections[0]
    if e.case_number:
        return m(answer.lang, "not_in_files", label=e.label, case=e.case_number)
    return m(answer.lang, "not_linked", label=e.label)


def official_figure_lines(answer: Answer) -> list[str]:
    """A figure or yes/no question about one official election (no curated one): the answer read from
    the tally the question is about (answer.official[-1]), then that tally with its source."""
    from bot.official_figures import did_win_line, figure_line

    lang, r = answer.lang, answer.official[-1]
    if answer.intent.value == "did_win" or answer.figure is None:
        line = did_win_line(r, lang)
    else:
        line = figure_line(r, answer.figure, lang)
    return [line, *official_lines(answer.official, lang)]


# --- one figure of a curated election, read from its NLRB tallies (issue 9) -------------------

FIGURE_WORDS: Mapping[Lang, Mapping[str, str]] = {
    "en": {
        "line": "{label}, NLRB{moment}: {value} · Source: NLRB, {files}",
        "tallied": " {kind} of {date}",
        "held": " election held {date}",
        "votes_for": "{choices} for the union",
        "votes_against": "{n} votes against the union",
        "counted": "{valid} valid votes ({choices}; against {against})",
        "counted_published": "; the NLRB's published count is {total}{basis}",
        "eligible": "{n} eligible voters",
        "void": "{n} void ballots",
        "challenged": "{n} challenged ballots{determinative}",
        "turnout": "turnout {pct}% ({cast} ballots cast of {eligible} eligible)",
        "turnout_valid_only": " — valid votes only: the file gives no void or challenged ballots",
        "margin": "margin {n} votes ({pts} points of {valid} valid votes; {leader} ahead)",
        "margin_challenged": "; {n} challenged ballots, enough to change the result",
        "share": "{shares}; against {against_pct}% of {valid} valid votes",
        "tally_date": "{dates}",
        "no_tally_date": " (the file gives no tally date)",
        "against": "the no vote",
        "history": "{label}: the news sources report one tally; the NLRB files hold {n} tallies of case {case}: {tallies}.",
        "history_item": "{kind} {date}",
    },
    "zh": {
        "line": "{label}，NLRB{moment}：{value} · 来源：美国国家劳动关系委员会（NLRB），{files}",
        "tallied": " {date} {kind}",
        "held": " {date} 投票的选举",
        "votes_for": "支持工会：{choices}",
        "votes_against": "反对工会 {n} 票",
        "counted": "有效票 {valid} 张（{choices}；反对 {against}）",
        "counted_published": "；NLRB 公布的计票数为 {total}{basis}",
        "eligible": "合格选民 {n} 人",
        "void": "废票 {n} 张",
        "challenged": "受质疑选票 {n} 张{determinative}",
        "turnout": "投票率 {pct}%（{eligible} 名合格选民中 {cast} 人投票）",
        "turnout_valid_only": " — 仅按有效票计算：文件未给出废票和受质疑选票",
        "margin": "差距 {n} 票（占 {valid} 张有效票的 {pts} 个百分点；{leader}领先）",
        "margin_challenged": "；受质疑选票 {n} 张，足以改变结果",
        "share": "{shares}；反对 {against_pct}%（共 {valid} 张有效票）",
        "tally_date": "{dates}",
        "no_tally_date": "（文件未给出计票日期）",
        "against": "反对票",
        "history": "{label}：新闻来源只报道了一次计票；NLRB 文件中案件 {case} 有 {n} 次计票：{tallies}。",
        "history_item": "{kind} {date}",
    },
}
OFFICIAL_FIGURES = frozenset(
    {
        "votes_for",
        "votes_against",
        "counted",
        "eligible",
        "void",
        "challenged",
        "turnout",
        "margin",
        "share",
        "tally_date",
    }
)


def _f(lang: Lang, key: str, **values: object) -> str:
    return FIGURE_WORDS[lang][key].format(**values)


def _union_votes(r: OfficialElection, lang: Lang) -> str:
    return MESSAGES[lang]["sep"].join(
        f"{u.display or u.name or '?'} {num(u.votes)}" for u in r.unions if u.votes is not None
    )


def _dates(r: OfficialElection, lang: Lang) -> str:
    dates = [f"{DATE_NAMES[lang][name]} {value}" for name in DATE_NAMES[lang] if (value := getattr(r, name))]
    return MESSAGES[lang]["sep"].join(dates) + ("" if r.tally_date else _f(lang, "no_tally_date"))


def figure_value(r: OfficialElection, figure: str, lang: Lang) -> str | None:
    """One figure of one tally in words, derived figures computed from its counts; None if not given."""
    f = Figures.of(r)
    if figure == "votes_for":
        return (
            _f(lang, "votes_for", choices=_union_votes(r, lang)) if any(u.votes is not None for u in r.unions) else None
        )
    if figure == "votes_against":
        return None if r.votes_against is None else _f(lang, "votes_against", n=num(r.votes_against))
    if figure == "counted":
        if f.valid is None:
            return None
        text = _f(lang, "counted", valid=num(f.valid), choices=_union_votes(r, lang), against=num(r.votes_against or 0))
        if r.total_ballots_counted is not None and r.total_ballots_counted != f.valid:
            basis = (
                m(lang, "basis_challenged", n=num(r.challenged_ballots or 0))
                if r.counted_basis == "valid+challenged"
                else ""
            )
            text += _f(lang, "counted_published", total=num(r.total_ballots_counted), basis=basis)
        return text
    if figure == "eligible":
        return None if r.eligible_voters is None else _f(lang, "eligible", n=num(r.eligible_voters))
    if figure == "void":
        return None if r.void_ballots is None else _f(lang, "void", n=num(r.void_ballots))
    if figure == "challenged":
        if r.challenged_ballots is None:
            return None
        det = {True: "determinative", False: "not_determinative", None: ""}[r.challenges_determinative]
        return _f(lang, "challenged", n=num(r.challenged_ballots), determinative=m(lang, det) if det else "")
    if figure == "turnout":
        if f.turnout is None or f.cast is None or not r.eligible_voters:
            return None
        text = _f(lang, "turnout", pct=f.turnout, cast=num(f.cast), eligible=num(r.eligible_voters))
        return text + (
            _f(lang, "turnout_valid_only") if r.void_ballots is None and r.challenged_ballots is None else ""
        )
    if figure == "margin":
        if f.margin is None or f.valid is None:
            return None
        against = r.votes_against or 0
        top = max(r.unions, key=lambda u: u.votes or 0, default=None)
        leader = (top.display or top.name or "?") if top and (top.votes or 0) > against else _f(lang, "against")
        text = _f(lang, "margin", n=num(f.margin), pts=f.margin_points, valid=num(f.valid), leader=leader)
        if r.challenges_determinative and r.challenged_ballots:
            text += _f(lang, "margin_challenged", n=num(r.challenged_ballots))
        return text
    if figure == "share":
        if not f.valid:
            return None
        shares = MESSAGES[lang]["sep"].join(
            f"{u.display or u.name or '?'} {share(u.votes, r)}%" for u in r.unions if u.votes is not None
        )
        return _f(lang, "share", shares=shares, against_pct=share(r.votes_against or 0, r), valid=num(f.valid))
    if figure == "tally_date":
        return _f(lang, "tally_date", dates=_dates(r, lang))
    return None


def _moment(r: OfficialElection, lang: Lang, figure: str) -> str:
    """ "initial tally of 2022-04-01", "election held 2022-04-29": which count of the case a figure is from."""
    kind = KIND[lang]["revised" if r.revised else r.tally.value if r.tally else "initial"].strip(" ()（）")
    if figure == "tally_date":  # the dates are the figure
        return " " + kind if r.tally else ""
    if r.tally_date:
        return _f(lang, "tallied", kind=kind, date=r.tally_date)
    return _f(lang, "held", date=r.held_date or r.date or "?")


def figure_lines(label: str, records: tuple[OfficialElection, ...], figure: str, lang: Lang) -> list[str]:
    """The figure from each NLRB tally that gives it, each with its tally, date and source."""
    lines = []
    for r in records:
        value = figure_value(r, figure, lang)
        if value is None:
            continue
        lines.append(
            _f(lang, "line", label=label, moment=_moment(r, lang, figure), value=value, files=", ".join(r.sources))
        )
    return lines


def history_headline(label: str, records: tuple[OfficialElection, ...], lang: Lang) -> str:
    """A curated election the news reports once, which the NLRB counted more than once (Bessemer)."""
    tallies = MESSAGES[lang]["sep"].join(
        _f(
            lang,
            "history_item",
            kind=KIND[lang][r.tally.value if r.tally else "initial"].strip(" ()（）"),
            date=r.date or "?",
        )
        for r in records
    )
    return _f(lang, "history", label=label, n=len(records), case=records[0].case_number, tallies=tallies)
