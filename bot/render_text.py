"""Answer -> plain text, in the answer's language (console, CLI, Slack's fallback text)."""

from __future__ import annotations

import datetime as dt

from bot.messages import ORG_KIND, OUTCOME, OUTCOME_SHORT, TALLY_KIND, msg
from bot.models import Answer, Channel, Derived, Election, Figure, Intent, Kind, Lang, Outcome, Person, Quote, Source
from bot.places import state_name, zh_name

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def num(n: int) -> str:
    return f"{n:,}"


def pct(x: float) -> str:
    return f"{x:.1f}"


def date_text(value: str | dt.date, lang: Lang) -> str:
    """YYYY-MM-DD as is; a bare month as 'April 2022' / '2022年4月'."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    if len(text) == 7:
        year, month = text.split("-")
        return f"{year}年{int(month)}月" if lang == "zh" else f"{MONTHS[int(month) - 1]} {year}"
    return text


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
    return msg(
        lang,
        key,
        label=name_of(e, lang),
        yes=num(e.votes_for),
        no=num(e.votes_against),
        outcome=outcome,
        union=union_part(e, lang),
    )


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
    if lang == "zh":
        kind = zh_name(kind) or kind
        return kind
    return kind


def employer(e: Election, lang: Lang) -> str:
    return (zh_name(e.employer) or e.employer) if lang == "zh" else e.employer


def details(e: Election, d: Derived, lang: Lang) -> str:
    parts = [msg(lang, "place", employer=employer(e, lang), kind=facility(e, lang), where=where(e, lang))]
    approx = msg(lang, "approx") if e.eligible_approximate else ""
    if d.counted is not None:
        parts.append(msg(lang, "counted_detail", counted=num(d.counted)))
    if e.void_ballots is not None:
        parts.append(msg(lang, "void_detail", n=num(e.void_ballots)))
    if e.challenged_ballots is not None:
        parts.append(msg(lang, "challenged_detail", n=num(e.challenged_ballots)))
    if e.eligible_voters is not None:
        parts.append(msg(lang, "eligible_detail", approx=approx, n=num(e.eligible_voters)))
    if d.turnout is not None:
        parts.append(msg(lang, "turnout_detail", approx=approx, pct=pct(d.turnout)))
    if d.margin is not None and d.margin_points is not None:
        parts.append(msg(lang, "margin_detail", n=num(d.margin), pts=pct(d.margin_points)))
    if e.headcount is not None:
        more = msg(lang, "more_than") if e.headcount_more_than else ""
        parts.append(msg(lang, "headcount_detail", more=more, n=num(e.headcount)))
    return " · ".join(parts)


def tally_line(e: Election, lang: Lang) -> str | None:
    if not e.tally_date:
        return None
    kind = msg(lang, "tally_kind", kind=TALLY_KIND[lang][e.tally_type]) if e.tally_type else ""
    return msg(lang, "tally_line", kind=kind, date=date_text(e.tally_date, lang))


def source_item(s: Source, lang: Lang) -> str:
    publisher = s.publisher_zh if lang == "zh" and s.publisher_zh else s.publisher
    return msg(lang, "source_item", publisher=publisher, date=s.published.isoformat())


def sources_line(sources: tuple[Source, ...], lang: Lang) -> str | None:
    if not sources:
        return None
    items = ("；" if lang == "zh" else "; ").join(source_item(s, lang) for s in sources)
    return msg(lang, "sources" if len(sources) == 1 else "sources_many", list=items)


def footer(answer: Answer, e: Election | None = None) -> str | None:
    parts = [p for p in (tally_line(e, answer.lang) if e else None, sources_line(answer.sources, answer.lang)) if p]
    return " · ".join(parts) or None


def figure_text(e: Election, d: Derived, figure: Figure, lang: Lang) -> str | None:
    """One sentence stating the figure, or None when the sources do not give it."""
    label, approx = name_of(e, lang), msg(lang, "approx") if e.eligible_approximate else ""
    yes, no = e.votes_for, e.votes_against
    if figure is Figure.votes_for and yes is not None:
        return msg(lang, "figure.votes_for", label=label, n=num(yes), union=union_part(e, lang))
    if figure is Figure.votes_against and no is not None:
        return msg(lang, "figure.votes_against", label=label, n=num(no), union=union_part(e, lang))
    if figure is Figure.counted and d.counted is not None and yes is not None and no is not None:
        return msg(lang, "figure.counted", label=label, n=num(d.counted), no=num(no), yes=num(yes))
    if figure is Figure.eligible and e.eligible_voters is not None:
        return msg(lang, "figure.eligible", label=label, approx=approx, n=num(e.eligible_voters))
    if figure is Figure.void and e.void_ballots is not None:
        return msg(lang, "figure.void", label=label, n=num(e.void_ballots))
    if figure is Figure.challenged and e.challenged_ballots is not None:
        key = "determinative" if e.challenges_determinative else "not_determinative"
        return msg(lang, "figure.challenged", label=label, n=num(e.challenged_ballots), determinative=msg(lang, key))
    if figure is Figure.turnout and d.turnout is not None and e.eligible_voters is not None:
        cast = e.ballots_cast or 0
        return msg(
            lang,
            "figure.turnout",
            label=label,
            approx=approx,
            pct=pct(d.turnout),
            cast=num(cast),
            eligible=num(e.eligible_voters),
        )
    if figure is Figure.margin and d.margin is not None and yes is not None and no is not None:
        verb = msg(lang, "margin_won" if e.outcome is Outcome.won else "margin_lost")
        return msg(
            lang,
            "figure.margin",
            label=label,
            outcome_verb=verb,
            n=num(d.margin),
            no=num(no),
            yes=num(yes),
            pts=pct(d.margin_points or 0),
        )
    if figure is Figure.share and d.share_for is not None and d.share_against is not None and d.counted:
        return msg(
            lang,
            "figure.share",
            label=label,
            for_pct=pct(d.share_for),
            against_pct=pct(d.share_against),
            counted=num(d.counted),
        )
    if figure is Figure.tally_date and e.tally_date:
        kind = TALLY_KIND[lang][e.tally_type] + ("" if lang == "zh" else " ") if e.tally_type else ""
        key = "figure.tally_date" if len(e.tally_date) == 10 else "figure.tally_month"
        return msg(lang, key, label=label, date=date_text(e.tally_date, lang), kind=kind)
    if figure is Figure.count_location and e.count_location:
        return msg(lang, "figure.count_location", label=label, where=e.count_location.get(lang))
    if figure is Figure.objections and e.objections_window_business_days is not None:
        return msg(lang, "figure.objections", label=label, n=e.objections_window_business_days)
    if figure is Figure.headcount and e.headcount is not None:
        more = msg(lang, "more_than") if e.headcount_more_than else ""
        return msg(lang, "figure.headcount", label=label, more=more, n=num(e.headcount))
    if figure is Figure.place:
        return msg(
            lang, "figure.place", label=label, employer=employer(e, lang), kind=facility(e, lang), where=where(e, lang)
        )
    return None


def figure_or_missing(e: Election, d: Derived, figure: Figure, lang: Lang) -> str:
    return figure_text(e, d, figure, lang) or msg(
        lang, "missing", label=name_of(e, lang), what=msg(lang, f"what.{figure.value}")
    )


def win_text(e: Election, lang: Lang) -> str:
    return msg(lang, f"win.{e.outcome.value}", label=name_of(e, lang), union=union_part(e, lang))


def election_lines(answer: Answer) -> list[str]:
    """The body of an answer about one election."""
    e, d, lang = answer.elections[0], answer.derived[0], answer.lang
    lines: list[str] = []
    if answer.intent is Intent.figure and answer.figure:
        lines.append(figure_or_missing(e, d, answer.figure, lang))
    elif answer.intent is Intent.did_win:
        lines.append(win_text(e, lang))
    lines.append(headline(e, lang))
    if answer.intent is Intent.result:
        lines.append(details(e, d, lang))
        lines += [note.get(lang) for note in e.notes]
    return lines


def list_label(answer: Answer) -> str:
    lang, flt = answer.lang, answer.list_filter
    if flt and flt.outcome is Outcome.won:
        return msg(lang, "list_won")
    if flt and flt.outcome is Outcome.lost:
        return msg(lang, "list_lost")
    if flt and flt.union:
        return msg(lang, "list_union", union=(zh_name(flt.union) or flt.union) if lang == "zh" else flt.union)
    if flt and flt.employer:
        return msg(lang, "list_employer", employer=flt.employer)
    if flt and flt.pending:
        return msg(lang, "list_pending")
    if flt and flt.place:
        return msg(lang, "list_place", place=flt.place.title() if lang == "en" else flt.place)
    return msg(lang, "list_all")


def list_item(e: Election, lang: Lang) -> str:
    if e.votes_for is not None:
        return headline(e, lang)
    place = where(e, lang)
    label = name_of(e, lang) if e.code else place
    text = f"{label}: {OUTCOME[lang][e.outcome]}{union_part(e, lang)}"
    return text if e.code is None else f"{text} · {place}"


def person_name(p: Person, lang: Lang) -> str:
    """The name, saying so when it is election-bot's transliteration of the source's Chinese."""
    return msg(lang, "transliterated", name=p.name, zh=p.name_zh) if p.name_transliterated else p.name


def quote_lines(q: Quote, answer: Answer) -> list[str]:
    lang = answer.lang
    person = next((p for p in answer.people if p.id == q.speaker), None)
    org = next((o for o in answer.organisations if o.id == q.speaker), None)
    if person:
        name = person.name_zh if lang == "zh" and person.name_zh else person_name(person, lang)
        role = f"（{person.role.get(lang)}）" if lang == "zh" else f" ({person.role.get(lang)})"
    else:
        name = (org.name_zh if lang == "zh" and org and org.name_zh else org.name) if org else q.speaker
        role = ""
    date = ("，" if lang == "zh" else ", ") + date_text(q.date, lang) if q.date else ""
    lines = [
        msg(lang, "quote_head", speaker=name, role=role, channel=msg(lang, f"channel.{q.channel.value}"), date=date)
    ]
    body = "quote_source_says" if q.channel is Channel.no_response else "quote_reported"
    lines.append("> " + (msg(lang, body, text=q.text) if q.reported else f"“{q.text}”"))
    if q.translation and q.lang != lang:
        lines.append("> " + msg(lang, "translation", text=q.translation))
    return lines


def render_text(answer: Answer) -> str:
    return "\n".join(line for line in text_lines(answer) if line is not None)


def text_lines(answer: Answer) -> list[str]:
    lines = _text_lines(answer)
    if answer.read_chars:
        lines.insert(1, msg(answer.lang, "too_long", n=answer.read_chars))
    return lines


def _text_lines(answer: Answer) -> list[str]:
    lang = answer.lang
    if answer.kind is Kind.help:
        return [msg(lang, "help"), msg(lang, "try", examples=examples_text(answer))]
    if answer.kind in (Kind.suggestions, Kind.not_found):
        return not_answered_lines(answer)
    intent = answer.intent
    lines: list[str] = []
    if intent in (Intent.result, Intent.figure, Intent.did_win):
        lines = election_lines(answer)
        return [*lines, footer(answer, answer.elections[0]) or ""]
    if intent is Intent.compare:
        lines.append(msg(lang, "compare_title", labels=" / ".join(name_of(e, lang) for e in answer.elections)))
        for e, d in zip(answer.elections, answer.derived, strict=True):
            lines.append("• " + headline(e, lang))
            lines.append(
                "  " + (figure_or_missing(e, d, answer.figure, lang) if answer.figure else details(e, d, lang))
            )
    elif intent in (Intent.list, Intent.how_many):
        what = list_label(answer)
        if not answer.elections:
            lines.append(msg(lang, "list_empty"))
        elif intent is Intent.how_many:
            labels = ", ".join(name_of(e, lang) for e in answer.elections)
            if answer.total > len(answer.elections):
                labels += " …"
            lines.append(msg(lang, "count", what=what, n=num(answer.total), labels=labels))
        else:
            lines.append(msg(lang, "list_title", what=what, n=num(answer.total)))
            lines += ["• " + list_item(e, lang) for e in answer.elections]
            if answer.total > len(answer.elections):
                lines.append(msg(lang, "list_more", n=num(answer.total - len(answer.elections))))
    elif intent in (Intent.quotes, Intent.who_said):
        for q in answer.quotes:
            lines += quote_lines(q, answer)
        if answer.more_quotes:
            lines.append(msg(lang, "more_quotes", n=answer.more_quotes))
    elif intent is Intent.who_is:
        lines += who_is_lines(answer)
    elif intent is Intent.organisation:
        lines += organisation_lines(answer)
    return [*lines, sources_line(answer.sources, lang) or ""]


def who_is_lines(answer: Answer) -> list[str]:
    lang = answer.lang
    lines = []
    for person in answer.people:
        org = next((o for o in answer.organisations if o.id == person.organisation), None)
        if person.name_transliterated:
            name = person_name(person, lang)
        else:
            name = f"{person.name_zh}（{person.name}）" if lang == "zh" and person.name_zh else person.name
        org_text = ""
        if org and org.name.casefold() not in person.role.get(lang).casefold():
            org_text = f"（{org.name_zh or org.name}）" if lang == "zh" else f" ({org.name})"
        lines.append(msg(lang, "who_is", name=name, role=person.role.get(lang), org=org_text))
    first = answer.people[0]
    first_name = first.name_zh if lang == "zh" and first.name_zh else first.name
    if answer.more_quotes:
        lines.append(msg(lang, "statements_on_file", n=answer.more_quotes, name=first_name))
    else:
        lines.append(msg(lang, "no_statements", name=first.name))
    return lines


def organisation_lines(answer: Answer) -> list[str]:
    lang, org = answer.lang, answer.organisations[0]
    name = org.name_zh if lang == "zh" and org.name_zh else org.name
    abbr = f" ({org.abbreviation})" if org.abbreviation else ""
    lines = [msg(lang, "org_head", name=name, abbr=abbr, kind=ORG_KIND[lang][org.kind.value])]
    if org.description:
        lines.append(org.description.get(lang))
    if answer.elections:
        items = ", ".join(f"{name_of(e, lang)} ({OUTCOME_SHORT[lang][e.outcome]})" for e in answer.elections)
        if answer.total > len(answer.elections):
            items += " " + msg(lang, "list_more", n=num(answer.total - len(answer.elections)))
        lines.append(msg(lang, "org_elections", items=items))
    if answer.more_quotes:
        lines.append(msg(lang, "org_statements", n=answer.more_quotes, name=name))
    return lines


def examples_text(answer: Answer) -> str:
    sep = "、" if answer.lang == "zh" else ", "
    return sep.join(f"“{q}”" for q in answer.examples)


def not_answered_lines(answer: Answer) -> list[str]:
    lang = answer.lang
    by = msg(lang, "suggest_by", text=answer.unknown) if answer.unknown else ""
    if answer.kind is Kind.suggestions:
        lines = [msg(lang, "suggest", by=by)]
        lines += [f"• {s.question} — {s.label}" for s in answer.suggestions]
        return lines
    if answer.intent is Intent.quotes:
        who = ", ".join([p.name for p in answer.people] + [o.name for o in answer.organisations])
        about = ", ".join(name_of(e, lang) for e in answer.elections)
        if who and about:
            return [msg(lang, "quotes_none_about", who=who, about=about)]
        return [msg(lang, "quotes_none", who=who or about)]
    if answer.intent is Intent.who_said:
        return [msg(lang, "who_said_none"), msg(lang, "try", examples=examples_text(answer))]
    if answer.unknown_kind == "code":
        first = msg(lang, "not_found_code", code=answer.unknown)
    elif answer.unknown_kind == "speaker":
        first = msg(lang, "quotes_none_unknown", who=answer.unknown)
    else:
        first = msg(lang, "not_found", by=by)
    return [first, msg(lang, "try", examples=examples_text(answer))]
