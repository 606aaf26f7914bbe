from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bot.console import PROMPT, WELCOME, repl
from bot.store import Store


def test_console_piped_stdin_one_answer_per_question() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input="ALB1\nLDJ5投票结果\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0
    answers = result.stdout.strip().split("\n\n")
    assert len(answers) == 2
    assert answers[0].startswith("ALB1: 406 no / 206 yes")
    assert answers[1].startswith("LDJ5：反对 618 票 / 赞成 380 票")
    assert "\033[" not in result.stdout


def _reader(lines: list[str]) -> tuple[list[str], object]:
    prompts: list[str] = []
    feed: Iterator[str] = iter(lines)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return prompts, read


def test_repl_answers_until_quit(real_store: Store, tmp_path: Path) -> None:
    out = io.StringIO()
    prompts, read = _reader(["help", "", "ALB1 margin", ":quit", "never read"])
    repl(real_store, read=read, out=out, history=tmp_path / "history")  # type: ignore[arg-type]
    text = out.getvalue()
    assert text.startswith(WELCOME)
    assert "ALB1: the union lost by 200 votes" in text
    assert prompts == [PROMPT] * 4


def test_repl_colour_only_when_asked(real_store: Store) -> None:
    plain, coloured = io.StringIO(), io.StringIO()
    for out, colour in ((plain, False), (coloured, True)):
        _, read = _reader(["ALB1"])
        repl(real_store, read=read, out=out, colour=colour)  # type: ignore[arg-type]
    assert "\033[1m" in coloured.getvalue() and "\033[" not in plain.getvalue()


def test_repl_keeps_history(real_store: Store, tmp_path: Path) -> None:
    history = tmp_path / "state" / "history"
    _, read = _reader([":q"])
    repl(real_store, read=read, out=io.StringIO(), history=history)  # type: ignore[arg-type]
    assert history.exists()


def test_repl_session_is_one_conversation(real_store: Store) -> None:
    _, read = _reader(["LDJ5 result", "turnout?", "<@U01> and *ALB1*?", ":quit"])
    out = io.StringIO()
    repl(real_store, read=read, out=out)  # type: ignore[arg-type]
    answers = out.getvalue().removeprefix(WELCOME + "\n").strip().split("\n\n")
    assert answers[1].startswith("LDJ5 turnout: about 61.2%")
    assert answers[2].startswith("ALB1: the sources give no turnout")
