"""Answer -> text parts (headline, body, source line), in the answer's language; and plain text
(console, CLI, Slack's fallback). What a kind of question says comes from its table row."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from bot.messages import APPROX, OUTCOME, SUMMED, TALLY_KIND, VERDICT, date_text, msg
from bot.models import Answer, Derived, Election, Figure, Intent, Kind, Lang, Source, Status
from bot.places import state_name, zh_name
from bot.render_official import (
    both_layers,
    figure_lines,
    history_headline,
    not_on_file,
    official_figure_lines,
    official_lines,
    scope_lines,
)
from bot.render_records import not_answered_lines, organisation_lines, quote_lines, who_is_lines
from bot.table import BY_NAME, FIGURE_ROW, QuestionKind, Value
from bot.table.figures import summands


class Parts(NamedTuple):
    headline: str
    body: tuple[str, ...] = ()
    source: str | None = None  # the tally and source line
    tally: int | None = None  # the line (0: headline, n: body[n - 1]) that states an election's tally

    @property
    def lines(self) -> list[str]:
        return [self.headline, *self.body, *([self.source] if self.source else [])]


def num(n: int) -> str:
    return f"{n:,}"


def union_part(e: Election, lang: Lang) -> str:
    if not e.union:
        return ""
    return msg(lang, "union", name=(zh_name(e.union) or e.union) if lang == "zh" else e.union)


def name_of(e: Election, lang: Lang) -> str:
    """The code, or for an election without one, its place in the answer's language."""
    if e.code or lang == "en" or not e.city:
        return e.label
    return zh_name(e.city) or e.label


def headline(e: Election, lang: Lang) -> str:
    outcome = OUTCOME[lang][e.outcome]
    if e.votes_for is None or e.votes_against is None:
        return msg(lang, "no_counts", label=name_of(e, lang), outcome=outcome, union=union_part(e, lang))
    key = "tally_yes_no" if e.votes_for > e.votes_against else "tally_no_yes"
    yes, no = num(e.votes_for), num(e.votes_against)
    return msg(lang, key, label=name_of(e, lang), yes=yes, no=no, outcome=outcome, union=union_part(e, lang))


def where(e: Election, lang: Lang) -> str:
    city = (zh_name(e.city) or e.city) if lang == "zh" and e.city else e.city
    if city and e.near_city:
        city = msg(lang, "near", city=city)
    if lang == "zh":
        return "".join(p for p in (state_name(e.state, "zh"), city) if p)
    parts = [city, e.region, state_name(e.state)]
    return ", ".join(p for p in parts if p)


def facility(e: Election, lang: Lang) -> str:
    kind = e.facility_kind or msg(lang, "facility")
    return (zh_name(kind) or kind) if lang == "zh" else kind


def employer(e: Election, lang: Lang) -> str:
    return (zh_name(e.employer) or e.employer) if lang == "zh" else e.employer


def shared_values(e: Election, lang: Lang) -> dict[str, Value]:
    """What every row's template may name about an election."""
    union = e.union or ""
    return {
        "label": name_of(e, lang),
        "union": union_part(e, lang),
        "union_name": (zh_name(union) or union) if lang == "zh" else union,
        "verdict": VERDICT[e.outcome],
        "employer": employer(e, lang),
        "facility": facility(e, lang),
        "where": where(e, lang),
    }


def fill(template: str, values: Mapping[str, Value], lang: Lang) -> str:
    return template.format(**{k: v[lang] if isinstance(v, Mapping) else v for k, v in values.items()})


def figure_line(e: Election, d: Derived, row: QuestionKind, lang: Lang) -> str:
    """The row's reply about one election, or its "the sources don't say"."""
    values = row.reads(e, d) if row.reads else None
    template = row.says[lang] if values is not None else row.unknown[lang]
    return fill(template, {**shared_values(e, lang), **(values or {})}, lang)


def details(e: Election, d: Derived, lang: Lang) -> str:
    parts = [msg(lang, "place", employer=employer(e, lang), kind=facility(e, lang), where=where(e, lang))]
    approx = "约" if lang == "zh" and e.eligible_approximate else "about " if e.eligible_approximate else ""
    if d.counted is not None:
        parts.append(msg(lang, "counted_detail", counted=num(d.counted)))
    if e.void_ballots is not None:
        parts.append(msg(lang, "void_detail", n=num(e.void_ballots)))
    if e.challenged_ballots is not None:
        parts.append(msg(lang, "challenged_detail", n=num(e.challenged_ballots)))
    if e.eligible_voters is not None:
        parts.append(msg(lang, "eligible_detail", approx=approx, n=num(e.eligible_voters)))
    if d.turnout is not None:
        parts.append(msg(lang, "turnout_detail", approx=approx, pct=f"{d.turnout:.1f}"))
    if d.margin is not None and d.margin_points is not None:
        parts.append(msg(lang, "margin_detail", n=num(d.margin), pts=f"{d.margin_points:.1f}"))
    if e.headcount is not None:
        more = ("超过 " if lang == "zh" else "more than ") if e.headcount_more_than else ""
        parts.append(msg(lang, "headcount_detail", more=more, n=num(e.headcount)))
    return " · ".join(parts)


def tally_line(e: Election, lang: Lang) -> str | None:
    if not e.tally_date:
        return None
    kind = TALLY_KIND[e.tally_type][lang] if e.tally_type else ""
    return msg(lang, "tally_line", kind=kind, date=date_text(e.tally_date, lang))


def sources_line(sources: tuple[Source, ...], lang: Lang) -> str | None:
    if not sources:
        return None
    items = ("；" if lang == "zh" else "; ").join(
        msg(
            lang,
            "source_item",
            publisher=s.publisher_zh if lang == "zh" and s.publisher_zh else s.publisher,
            date=s.published.isoformat(),
        )
        for s in sources
    )
    return msg(lang, "sources" if len(sources) == 1 else "sources_many", list=items)


def footer(answer: Answer, e: Election | None = None) -> str | None:
    parts = [p for p in (tally_line(e, answer.lang) if e else None, sources_line(answer.sources, answer.lang)) if p]
    return " · ".join(parts) or None


# --- one part builder per intent -------------------------------------------------------


def _one_election(answer: Answer) -> Parts:
    e, d, lang = answer.elections[0], answer.derived[0], answer.lang
    tail = footer(answer, e)
    if answer.intent is Intent.figure and answer.figure:
        return Parts(figure_line(e, d, FIGURE_ROW[answer.figure], lang), (headline(e, lang),), tail, tally=1)
    if answer.intent is Intent.did_win:
        return Parts(
            msg(lang, f"win.{e.outcome.value}", label=name_of(e, lang), union=union_part(e, lang)),
            (headline(e, lang),),
            tail,
            tally=1,
        )
    notes = tuple(note.get(lang) for note in e.notes)
    if answer.intent is Intent.history:
        return Parts(msg(lang, "history_one", label=name_of(e, lang)), (headline(e, lang), *notes), tail, tally=1)
    return Parts(headline(e, lang), (details(e, d, lang), *notes), tail, tally=0)


def _compare(answer: Answer) -> Parts:
    lang, body = answer.lang, []
    row = BY_NAME.get(answer.row or "")
    row = row if row and row.intent is Intent.figure else None
    for e, d in zip(answer.elections, answer.derived, strict=True):
        body.append("• " + headline(e, lang))
        tallies = tuple(r for r in answer.official if e.case_number and r.case_number == e.case_number)
        nlrb = figure_lines(name_of(e, lang), tallies, row.name, lang) if row and row.figure else []
        lines = nlrb or [
            figure_line(e, d, row, lang) if row else details(e, d, lang)
        ]  # the NLRB's when the news lacks it
        body.extend("  " + line for line in lines)
    title = msg(lang, "compare_title", labels=" / ".join(name_of(e, lang) for e in answer.elections))
    if answer.combined and row:
        title = combined_line(answer, row)
    return Parts(title, tuple(body), sources_line(answer.sources, lang))


def combined_line(answer: Answer, row: QuestionKind) -> str:
    """A figure summed over the elections compared, from each one's count; no total when one lacks it."""
    lang = answer.lang
    labels = " + ".join(name_of(e, lang) for e in answer.elections)
    counts = summands(row, answer.elections, answer.derived)
    if counts is None or row.name not in SUMMED:
        return msg(lang, "combined_unknown", labels=labels)
    approx = row.name == "eligible" and any(e.eligible_approximate for e in answer.elections)
    return msg(
        lang,
        "combined",
        labels=labels,
        n=num(sum(counts)),
        what=SUMMED[row.name][lang],
        approx=APPROX[lang] if approx else "",
        parts=" + ".join(num(n) for n in counts),
    )


def list_label(answer: Answer) -> str:
    """What a list holds: 'Elections the union lost involving Amazon Labor Union in New York'."""
    lang, flt = answer.lang, answer.list_filter
    if flt is None:
        return msg(lang, "list_all")
    base = f"list_{flt.outcome.value}" if flt.outcome else "list_pending" if flt.pending else "list_all"
    qualifiers = []
    if flt.union:
        qualifiers.append(msg(lang, "q_union", union=(zh_name(flt.union) or flt.union) if lang == "zh" else flt.union))
    if flt.employer:
        qualifiers.append(
            msg(lang, "q_employer", employer=(zh_name(flt.employer) or flt.employer) if lang == "zh" else flt.employer)
        )
    if flt.place:
        qualifiers.append(msg(lang, "q_place", place=flt.place.title() if lang == "en" else flt.place))
    if flt.year:
        qualifiers.append(msg(lang, "q_year", year=flt.year))
    if lang == "zh":
        return "".join(reversed(qualifiers)) + msg(lang, base + "_q" if qualifiers and base == "list_all" else base)
    return msg(lang, base) + "".join(qualifiers)


def list_item(e: Election, lang: Lang) -> str:
    if e.votes_for is not None:
        return headline(e, lang)
    place = where(e, lang)
    label = name_of(e, lang) if e.code else place
    text = f"{label}: {OUTCOME[lang][e.outcome]}{union_part(e, lang)}"
    return text if e.code is None else f"{text} · {place}"


def _count_split(answer: Answer) -> str | None:
    """A count mixing held votes and petitions not yet voted on says how many of each ('4 on file:
    3 voted (…), 1 petition without a vote yet (Moreno Valley)'); None when they are all of one kind."""
    lang = answer.lang
    pending = [e for e in answer.elections if e.status is Status.petition_filed]
    held = [e for e in answer.elections if e.status is not Status.petition_filed]
    if not pending or not held:
        return None
    return msg(
        lang,
        "count_split",
        what=list_label(answer),
        n=num(answer.total),
        held=num(len(held)),
        held_labels=", ".join(name_of(e, lang) for e in held),
        pending=num(len(pending)),
        petitions="petition" if len(pending) == 1 else "petitions",
        pending_labels=", ".join(name_of(e, lang) for e in pending),
    )


def _list(answer: Answer) -> Parts:
    lang, what, row = answer.lang, list_label(answer), BY_NAME[answer.row or "list"]
    if not answer.elections and answer.intent is not Intent.win_rate:
        return Parts(msg(lang, "list_empty"), (), None)
    more = (
        (msg(lang, "list_more", n=num(answer.total - len(answer.elections))),)
        if answer.total > len(answer.elections)
        else ()
    )
    if answer.intent is Intent.how_many and not more and (split := _count_split(answer)):
        return Parts(split, (), sources_line(answer.sources, lang))
    if answer.intent is Intent.how_many:
        labels = ", ".join(name_of(e, lang) for e in answer.elections) + (" …" if more else "")
        return Parts(
            msg(lang, "count", what=what, n=num(answer.total), labels=labels), (), sources_line(answer.sources, lang)
        )
    if answer.intent is Intent.win_rate and answer.win_rate:
        rate = answer.win_rate
        if rate.percent is None:
            return Parts(fill(row.unknown[lang], {"what": what}, lang))
        title = fill(
            row.says[lang], {"what": what, "won": rate.won, "decided": rate.decided, "pct": rate.percent}, lang
        )
        return Parts(
            title, tuple("• " + list_item(e, lang) for e in answer.elections[:5]), sources_line(answer.sources, lang)
        )
    if answer.intent is Intent.rank:
        return Parts(
            row.says[lang],
            tuple("• " + rank_item(e, d, row, lang) for e, d in zip(answer.elections, answer.derived, strict=True)),
            sources_line(answer.sources, lang),
        )
    title = fill(row.says[lang], {"what": what, "n": num(answer.total)}, lang)
    return Parts(
        title, tuple("• " + list_item(e, lang) for e in answer.elections) + more, sources_line(answer.sources, lang)
    )


def rank_item(e: Election, d: Derived, row: QuestionKind, lang: Lang) -> str:
    """One ranked election: its tally, then the figure it was ranked by, briefly."""
    approx = ("约" if lang == "zh" else "about ") if e.eligible_approximate else ""
    figure = row.figure or Figure.margin
    if figure is Figure.margin and d.margin is not None and d.margin_points is not None:
        measure = msg(lang, "margin_detail", n=num(d.margin), pts=f"{d.margin_points:.1f}")
    elif figure is Figure.turnout and d.turnout is not None:
        measure = msg(lang, "turnout_detail", approx=approx, pct=f"{d.turnout:.1f}")
    elif figure is Figure.share and d.share_for is not None:
        measure = msg(lang, "share_detail", pct=f"{d.share_for:.1f}")
    elif figure is Figure.eligible and e.eligible_voters is not None:
        measure = msg(lang, "eligible_detail", approx=approx, n=num(e.eligible_voters))
    elif figure is Figure.eligible and e.headcount is not None:
        more = ("超过 " if lang == "zh" else "more than ") if e.headcount_more_than else ""
        measure = msg(lang, "headcount_detail", more=more, n=num(e.headcount))
    else:
        measure = msg(lang, "counted_detail", counted=num(d.counted or 0))
    return f"{headline(e, lang)} · {measure}"


def _records(answer: Answer) -> Parts:
    lines: list[str] = []
    if answer.intent in (Intent.quotes, Intent.who_said):
        for q in answer.quotes:
            lines += quote_lines(q, answer)
        if answer.more_quotes:
            lines.append(msg(answer.lang, "more_quotes", n=answer.more_quotes))
    elif answer.intent is Intent.who_is:
        lines = who_is_lines(answer)
    else:
        lines = organisation_lines(answer)
    return Parts(lines[0], tuple(lines[1:]), sources_line(answer.sources, answer.lang))


BUILDERS: dict[Intent, Callable[[Answer], Parts]] = {
    Intent.result: _one_election,
    Intent.figure: _one_election,
    Intent.did_win: _one_election,
    Intent.history: _one_election,
    Intent.compare: _compare,
    Intent.list: _list,
    Intent.how_many: _list,
    Intent.win_rate: _list,
    Intent.rank: _list,
    Intent.quotes: _records,
    Intent.who_said: _records,
    Intent.who_is: _records,
    Intent.organisation: _records,
}


def official_parts(answer: Answer) -> Parts:
    many = answer.official_total or answer.official_scope is not None
    lines = scope_lines(answer) if many else official_lines(answer.official, answer.lang)
    return Parts(lines[0], tuple(lines[1:]))


def official_figure(parts: Parts, answer: Answer) -> Parts:
    """A curated election's figure (or tallies over time) from the NLRB's file too: said first when the
    news sources don't give it, else after the news layer's figure and source, each with its source."""
    e, lang = answer.elections[0], answer.lang
    news = (*parts.body, *([parts.source] if parts.source else []))
    if answer.intent is Intent.history:
        head = history_headline(name_of(e, lang), answer.official, lang) if len(answer.official) > 1 else parts.headline
        return Parts(head, (*news, both_layers(e, answer.official, lang), *official_lines(answer.official, lang)))
    lines = figure_lines(name_of(e, lang), answer.official, str(answer.figure or ""), lang)
    row = FIGURE_ROW.get(answer.figure) if answer.figure else None
    if row is not None and row.reads is not None and answer.derived and row.reads(e, answer.derived[0]) is None:
        return Parts(lines[0], (*lines[1:], *news), None, None)  # the news gives none: its "no figure" is not said
    return Parts(parts.headline, (*news, *lines), None, parts.tally)


def with_official(parts: Parts, answer: Answer) -> Parts:
    """The news layer's answer, then the NLRB's record of the same election: each with its source."""
    if answer.intent is Intent.figure or answer.intent is Intent.history:
        return official_figure(parts, answer)  # render_official: the figure (or tallies) from the NLRB's file
    official = [
        both_layers(answer.elections[0], answer.official, answer.lang),
        *official_lines(answer.official, answer.lang),
    ]
    return Parts(parts.headline, (*parts.body, *([parts.source] if parts.source else []), *official), None, parts.tally)


def render_parts(answer: Answer) -> Parts:
    lang = answer.lang
    if answer.kind is Kind.help:
        parts = Parts(msg(lang, "help"), (msg(lang, "try", examples=examples_text(answer)),))
    elif answer.unknown_kind == "instruction" and answer.elections:  # refused, then what the sources say
        facts = _one_election(answer)
        parts = Parts(msg(lang, "instruction_facts"), (facts.headline, *facts.body), facts.source)
    elif answer.kind is Kind.not_found and answer.intent is Intent.figure and answer.elections:
        parts = _one_election(answer)  # the row's "the sources don't say", with the tally for context
    elif answer.kind is Kind.not_found and answer.combined:
        parts = _compare(answer)  # no total: each election's figure, or its "the sources don't say"
    elif answer.official_scope is not None:  # issue 9: an answer over the NLRB's records
        parts = official_parts(answer)
    elif answer.kind in (Kind.suggestions, Kind.not_found):
        lines = not_answered_lines(answer)
        parts = Parts(lines[0], tuple(lines[1:]))
    elif answer.official and not answer.elections:  # issue 9: the NLRB's tallies alone
        parts = official_parts(answer)
    else:
        parts = BUILDERS[answer.intent](answer)
    if answer.official and _one_figure(answer):  # a figure of an NLRB election, read from its tally
        lines = official_figure_lines(answer)
        parts = Parts(lines[0], tuple(lines[1:]))
    elif answer.official and answer.elections and answer.intent is not Intent.compare:  # the news, then the NLRB's
        parts = with_official(parts, answer)
    elif answer.official_checked and answer.elections:  # ALB1: no case on file, said rather than guessed
        parts = Parts(
            parts.headline,
            (*parts.body, *([parts.source] if parts.source else []), not_on_file(answer)),
            None,
            parts.tally,
        )
    if answer.asked:
        return Parts(
            parts.headline,
            (msg(lang, "asked", text=answer.asked), *parts.body),
            parts.source,
            None if parts.tally is None else parts.tally + 1 if parts.tally else 0,
        )
    return parts


def _one_figure(answer: Answer) -> bool:
    if answer.kind is Kind.suggestions or answer.official_scope is not None:
        return False
    return not answer.elections and answer.intent in (Intent.figure, Intent.did_win)  # curated: with_official


def render_text(answer: Answer) -> str:
    return "\n".join(render_parts(answer).lines)


def examples_text(answer: Answer) -> str:
    sep = "、" if answer.lang == "zh" else ", "
    return sep.join(f"“{q}”" for q in answer.examples)
