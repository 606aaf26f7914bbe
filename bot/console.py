"""The console: a REPL on a terminal, one answer per line of piped input otherwise."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from bot.conversation import ContextStore, MemoryContexts, ask
from bot.models import Answer
from bot.render_text import render_text
from bot.store import Store

PROMPT = "election> "
QUIT = frozenset({":quit", ":q", ":exit", "quit", "exit"})
WELCOME = "election-bot console — ask about union elections (English or 中文). 'help' for examples, ':quit' to leave."
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def to_json(a: Answer, text: str) -> str:
    import json

    record = {
        "question": a.question,
        "answered": a.answered,
        "kind": a.kind.value,
        "intent": a.intent.value,
        "lang": a.lang,
        "text": text,
        "figure": a.figure.value if a.figure else None,
        "records": [e.id for e in a.elections]
        + [p.id for p in a.people]
        + [o.id for o in a.organisations]
        + [q.id for q in a.quotes],
        "sources": [
            {"id": s.id, "publisher": s.publisher, "published": s.published.isoformat(), "url": s.url}
            for s in a.sources
        ],
        "suggestions": [s.question for s in a.suggestions],
    }
    return json.dumps(record, ensure_ascii=False)


def colourise(text: str) -> str:
    """Headline in bold, source line dim."""
    lines = text.split("\n")
    lines[0] = BOLD + lines[0] + RESET
    if len(lines) > 1 and ("Source" in lines[-1] or "来源" in lines[-1]):
        lines[-1] = DIM + lines[-1] + RESET
    return "\n".join(lines)


def batch(
    lines: Iterable[str],
    store: Store,
    out: TextIO,
    *,
    as_json: bool = False,
    conversation: str | None = None,
    contexts: ContextStore | None = None,
) -> int:
    """Answer each non-blank line; returns how many questions were answered. With a
    `conversation` key the lines are one conversation (follow-ups see the previous line);
    without one, each line stands alone."""
    contexts = contexts if contexts is not None else MemoryContexts()
    count = 0
    for line in lines:
        question = line.rstrip("\r\n")
        if not question.strip():
            continue
        a = ask(question, store, contexts=contexts, key=conversation)
        text = render_text(a)
        if as_json:
            out.write(to_json(a, text) + "\n")
        else:
            out.write(text + "\n\n")
        out.flush()
        count += 1
    return count


def _setup_readline(history: Path | None) -> Callable[[], None]:
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return lambda: None
    if history is None:
        return lambda: None
    try:
        history.parent.mkdir(parents=True, exist_ok=True)
        if history.exists():
            readline.read_history_file(history)
    except OSError:
        return lambda: None
    readline.set_history_length(1000)

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(history)

    return save


def repl(
    store: Store,
    *,
    read: Callable[[str], str] = input,
    out: TextIO,
    colour: bool = False,
    history: Path | None = None,
) -> None:
    save = _setup_readline(history)
    contexts, key = MemoryContexts(), f"console:{os.getpid()}"  # one session, one conversation
    out.write(WELCOME + "\n")
    try:
        while True:
            try:
                question = read(PROMPT)
            except EOFError:
                out.write("\n")
                break
            except KeyboardInterrupt:
                out.write("\n")
                continue
            if question.strip() in QUIT:
                break
            if not question.strip():
                continue
            text = render_text(ask(question, store, contexts=contexts, key=key))
            out.write((colourise(text) if colour else text) + "\n\n")
    finally:
        save()
