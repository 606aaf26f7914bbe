"""answer(question, store) -> Answer. Pure: no I/O, no Slack, no environment.

A question is read in three steps: its plain words (Slack markup and long pasted context
dropped: bot.language), the records it names (bot.matcher: placeholders in a template), and
the kind of question it is (bot.intent: the best row of the question table).
`Resolver.steps` (bot.resolver) lists, in order, the few rules that come before the table.
"""

from __future__ import annotations

from bot import aggregates, intent, official
from bot.context import Context
from bot.intent import known_words
from bot.language import (
    LONG,
    find_question,
    is_cjk,
    last_sentence,
    plain_words,
    reply_language,
    without_instructions,
)
from bot.matcher import Analysis, analyse, index_for
from bot.models import Answer, Intent, Kind, Lang
from bot.names import absorb_name_typos
from bot.reply import PERSON_POINTING
from bot.reply import examples as examples  # re-exported: the Slack home and assistant show them
from bot.resolver import Resolver
from bot.speakers import role_index
from bot.store import Store
from bot.textsearch import quote_index
from bot.transliterate import in_latin

BACKGROUND = 20  # characters before a closing question that make them background, not part of it


def answer(question: str, store: Store, *, context: Context | None = None) -> Answer:
    question = question.strip()
    text = plain_words(question)
    if is_cjk(text):  # "凯利·南特尔是谁": a person the sources name in Latin letters, written in Chinese
        entries = index_for(store).entries
        text = in_latin(text, store, lambda run: run in entries)
    asked, before = find_question(text)
    core, instructed = without_instructions(asked)
    analysis = analyse(core, store, known=known_words())
    if not before and "\n" not in text and (last := last_sentence(text)) and last.endswith(("?", "？")):
        # "背景：……。我想知道亚马逊当时对JFK8结果说了什么？": a closing question naming a record is the question
        last_analysis = analyse(without_instructions(last)[0], store, known=known_words())
        if _records_named(last_analysis) and len(text) - len(last) >= BACKGROUND:
            asked, before = last, text[: len(text) - len(last)].strip()
            core, instructed = without_instructions(asked)
            analysis = last_analysis
    if before and not _records_named(analysis):
        if len(text) <= LONG and "\n" not in text:  # "Albany warehouse election - what were the numbers?": one question
            asked, before = text, ""
            last = last_sentence(text)  # "I'm writing a story. The ALB1 vote — how many voted against?"
            if last is not None and _records_named(analyse(last, store, known=known_words())):
                asked = last
            core, instructed = without_instructions(asked)
            analysis = analyse(core, store, known=known_words())
        else:  # "…ALB1's count was on Tuesday. What was the margin?"
            context = _context_before(before, store) or context
    elif before and PERSON_POINTING.search(analysis.norm):  # "Teamsters side: what did their head say after LDJ5?"
        context = _context_before(before, store) or context
    analysis, namesake = absorb_name_typos(analysis, store, known_words(), core)  # "Jon Logan"; "Jim Logan"
    lang = reply_language(analysis.norm, [h.text for h in analysis.hits])
    cut = asked if len(question) > LONG or "\n" in text.strip() else None
    resolver = Resolver(question, cut, analysis, lang, store, context)
    resolver.instructed = instructed
    resolver.namesake = namesake
    if asked != text:  # the part of the message read as the question: names elsewhere in it are not asked about
        resolver.read = asked
    return resolver.resolve()


def help_answer(question: str, lang: Lang, store: Store) -> Answer:
    """The help reply (usage and examples drawn from the table and the store), in `lang`."""
    return Answer(
        question=question, kind=Kind.help, intent=Intent.help, lang=lang, examples=examples(store, lang), row="help"
    )


def prepare(store: Store) -> None:
    """Build every per-store index now (matcher, quote words, rank orders) rather than on the first
    question: a server calls this before it forks its workers, so they share them."""
    intent.prepare()
    index_for(store)
    quote_index(store)
    role_index(store)
    aggregates.rank_orders(store)
    official.prepare(store)  # the official layer's elections, results and names (empty without the layer)


def _records_named(a: Analysis) -> bool:
    return bool(a.targets("election", "person"))


def _context_before(text: str, store: Store) -> Context | None:
    """What the text before a long message's question is about: the first election (and person)
    of the last sentence that names one."""
    orgs: list[str] = []
    for sentence in reversed(text.split("\n")[-20:]):
        a = analyse(sentence, store, known=known_words())
        elections = [t.key for t in a.targets("election")]
        people = [t.key for t in a.targets("person")]
        orgs = orgs or [t.key for t in a.targets("organisation")]  # "Teamsters side: what did their head say?"
        if elections or people:
            return Context(elections=tuple(elections[:1]), people=tuple(people[:1]), organisations=tuple(orgs[:1]))
    return Context(organisations=tuple(orgs[:1])) if orgs else None
