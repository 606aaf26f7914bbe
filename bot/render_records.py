"""Text lines about people, organisations and quotes, and the replies that answer nothing."""

from __future__ import annotations

from bot.messages import ORG_KIND, OUTCOME_SHORT, date_text, msg, person_name
from bot.models import Answer, Channel, Election, Lang, Quote
from bot.places import zh_name


def _label(e: Election, lang: Lang) -> str:
    if e.code or lang == "en" or not e.city:
        return e.label
    return zh_name(e.city) or e.label


def _abbreviated(abbreviation: str | None, said: str, lang: Lang) -> str:
    """ " (ALU)" after a name written out, unless the text already holds the abbreviation."""
    if not abbreviation or abbreviation in said:
        return ""
    return f"（{abbreviation}）" if lang == "zh" else f" ({abbreviation})"


def quote_lines(q: Quote, answer: Answer) -> list[str]:
    lang = answer.lang
    person = next((p for p in answer.people if p.id == q.speaker), None)
    org = next((o for o in answer.organisations if o.id == q.speaker), None)
    if person:
        name = person.name_zh if lang == "zh" and person.name_zh else person_name(person, lang)
        role = f"（{person.role.get(lang)}）" if lang == "zh" else f" ({person.role.get(lang)})"
    else:
        name = (org.name_zh if lang == "zh" and org and org.name_zh else org.name) if org else q.speaker
        role = _abbreviated(org.abbreviation, name, lang) if org else ""
    date = ("，" if lang == "zh" else ", ") + date_text(q.date, lang) if q.date else ""
    channel = msg(lang, f"channel.{q.channel.value}")
    lines = [msg(lang, "quote_head", speaker=name, role=role, channel=channel, date=date)]
    body = "quote_source_says" if q.channel is Channel.no_response else "quote_reported"
    lines.append("> " + (msg(lang, body, text=q.text) if q.reported else f"“{q.text}”"))
    if q.translation and q.lang != lang:
        lines.append("> " + msg(lang, "translation", text=q.translation))
    return lines


def who_is_lines(answer: Answer) -> list[str]:
    lang = answer.lang
    lines = []
    if len(answer.names) > 1:  # "Is Christian Smalls the same person as Chris Smalls?"
        key = "same_person" if len(answer.people) == 1 else "different_people"
        lines.append(msg(lang, key, names=("和" if lang == "zh" else " and ").join(answer.names)))
    for person in answer.people:
        org = next((o for o in answer.organisations if o.id == person.organisation), None)
        if person.name_transliterated:
            name = person_name(person, lang)
        else:
            name = f"{person.name_zh}（{person.name}）" if lang == "zh" and person.name_zh else person.name
        org_text = ""
        if org and org.name.casefold() not in person.role.get(lang).casefold():
            org_text = f"（{org.name_zh or org.name}）" if lang == "zh" else f" ({org.name})"
        role = person.role.get(lang)
        if org and org.name in role:  # "President of the Amazon Labor Union (ALU)": the name people use too
            role = role.replace(org.name, org.name + _abbreviated(org.abbreviation, role, lang), 1)
        lines.append(msg(lang, "who_is", name=name, role=role, org=org_text))
    first = answer.people[0]
    first_name = first.name_zh if lang == "zh" and first.name_zh else first.name
    if answer.more_quotes:
        lines.append(msg(lang, "statements_on_file", n=answer.more_quotes, name=first_name))
    else:
        lines.append(msg(lang, "no_statements", name=first_name))
    return lines


def organisation_lines(answer: Answer) -> list[str]:
    lang, org = answer.lang, answer.organisations[0]
    name = org.name_zh if lang == "zh" and org.name_zh else org.name
    abbr = f" ({org.abbreviation})" if org.abbreviation else ""
    lines = [msg(lang, "org_head", name=name, abbr=abbr, kind=ORG_KIND[lang][org.kind.value])]
    if org.description:
        lines.append(org.description.get(lang))
    if answer.elections:
        items = ", ".join(f"{_label(e, lang)} ({OUTCOME_SHORT[lang][e.outcome]})" for e in answer.elections)
        if answer.total > len(answer.elections):
            items += " " + msg(lang, "list_more", n=f"{answer.total - len(answer.elections):,}")
        lines.append(msg(lang, "org_elections", items=items))
    if answer.more_quotes:
        lines.append(msg(lang, "org_statements", n=answer.more_quotes, name=name))
    return lines


def _examples(answer: Answer) -> str:
    sep = "、" if answer.lang == "zh" else ", "
    return sep.join(f"“{q}”" for q in answer.examples)


def _speaker_names(answer: Answer) -> str:
    lang = answer.lang
    names = [(p.name_zh or p.name) if lang == "zh" else p.name for p in answer.people]
    names += [(o.name_zh or o.name) if lang == "zh" else o.name for o in answer.organisations]
    return ", ".join(names)


def not_answered_lines(answer: Answer) -> list[str]:
    lang = answer.lang
    by = msg(lang, "suggest_by", text=answer.unknown) if answer.unknown else ""
    items = [f"• {s.question} — {s.label}" for s in answer.suggestions]
    if answer.unknown_kind == "which":
        from bot.table import BY_NAME

        needs = "".join(BY_NAME[answer.row].needs) if answer.row in BY_NAME else "E"
        key = (
            f"which_{needs}"
            if f"which_{needs}" in ("which_E", "which_P", "which_PO", "which_O", "which_EE")
            else "which_PO"
        )
        if needs == "POE":
            key = "which_P"
        return [msg(lang, key), *items] if items else [msg(lang, key), msg(lang, "try", examples=_examples(answer))]
    if answer.unknown_kind == "instruction":
        return [msg(lang, "instruction"), msg(lang, "try", examples=_examples(answer))]
    if answer.unknown_kind == "speaker":
        key = "who_is_unknown" if answer.intent.value == "who_is" else "quotes_none_unknown"
        return [msg(lang, key, who=answer.unknown)]
    if answer.suggestions and answer.intent.value != "quotes":
        return [msg(lang, "suggest", by=by), *items]
    if answer.intent.value == "quotes":
        if answer.suggestions and answer.kind.value == "not_found":  # their statements about other elections
            return [*_quotes_none(answer), msg(lang, "quotes_elsewhere"), *items]
        if answer.suggestions:
            return [msg(lang, "suggest", by=by), *items]
        return _quotes_none(answer)
    if answer.intent.value == "who_said":
        return [msg(lang, "who_said_none"), msg(lang, "try", examples=_examples(answer))]
    if answer.unknown_kind == "code":
        key = "not_found_case" if answer.unknown and "-" in answer.unknown else "not_found_code"
        first = msg(lang, key, code=answer.unknown)
    else:
        first = msg(lang, "not_found", by=msg(lang, "not_found_by", text=answer.unknown) if answer.unknown else "")
    return [first, msg(lang, "try", examples=_examples(answer))]


def _quotes_none(answer: Answer) -> list[str]:
    lang = answer.lang
    who = _speaker_names(answer)
    about = ", ".join(_label(e, lang) for e in answer.elections)
    if answer.topic and who:  # "what did Flaningan say about dominoes?": he spoke, not about that
        return [msg(lang, "quotes_none_topic", who=who, topic=answer.topic)]
    if answer.channel:
        return [
            msg(lang, "quotes_none_channel", channel=msg(lang, f"channels.{answer.channel.value}"), who=who or about)
        ]
    if who and about:
        return [msg(lang, "quotes_none_about", who=who, about=about)]
    return [msg(lang, "quotes_none", who=who or about)]
