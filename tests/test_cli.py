"""The CLI through a subprocess, as a user or a script runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.store import DEFAULT_FACTS_DIR


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "FACTS_DIR" and not k.startswith("SLACK_")}
    full_env = {**base, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
    )


def test_ask_one_question() -> None:
    result = run("ask", "How did the Albany vote go?")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ALB1: 406 no / 206 yes — union lost (Amazon Labor Union)\n")
    assert "Source: CNN, 2022-10-18" in result.stdout


def test_ask_json_fields() -> None:
    result = run("ask", "--json", "LDJ5 void ballots")
    record = json.loads(result.stdout)
    assert {"question", "answered", "text", "intent", "lang", "sources", "suggestions"} <= set(record)
    assert record["answered"] is True and record["intent"] == "figure" and record["lang"] == "en"
    assert record["sources"][0]["publisher"] == "CNN Business (Chinese translation)"


def test_ask_batch_from_stdin_one_json_per_question() -> None:
    result = run("ask", "--json", stdin="ALB1\n\nWhat time is it?\n今天吃什么\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in lines] == ["ALB1", "What time is it?", "今天吃什么"]
    assert [r["answered"] for r in lines] == [True, False, False]
    assert lines[2]["lang"] == "zh"


def test_ask_conversation_reads_stdin_as_one_conversation() -> None:
    result = run("ask", "--json", "--conversation", stdin="ALB1 result\nand LDJ5?\nturnout?\n它的投票率呢\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["intent"], r["figure"], r["records"][:1]) for r in lines] == [
        ("result", None, ["alb1"]),
        ("result", None, ["ldj5"]),
        ("figure", "turnout", ["ldj5"]),
        ("figure", "turnout", ["ldj5"]),
    ]
    assert [r["lang"] for r in lines] == ["en", "en", "en", "zh"]


def test_ask_without_conversation_answers_each_line_alone() -> None:
    result = run("ask", "--json", stdin="ALB1 result\nturnout?\n")
    second = json.loads(result.stdout.splitlines()[1])
    assert second["answered"] is False and second["intent"] == "figure" and second["records"] == []


def test_slack_markup_reads_as_plain_words_on_the_cli() -> None:
    result = run("ask", "<@U0123ABCD> what was the *margin* at `ALB1`? &lt;pls&gt;")
    assert result.stdout.startswith("ALB1: the union lost by 200 votes"), result.stdout


def test_bad_fact_store_is_one_line_exit_2(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    for path in DEFAULT_FACTS_DIR.glob("*.toml"):
        (facts / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    elections = facts / "elections.toml"
    elections.write_text(
        elections.read_text(encoding="utf-8").replace("votes_for = 206", "votes_for = 500"), encoding="utf-8"
    )
    result = run("ask", "ALB1", cwd=tmp_path, env={"FACTS_DIR": str(facts)})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: facts/elections.toml: election 'alb1': outcome 'lost' contradicts the counts "
        "(500 for, 406 against) and challenges are not determinative\n"
    )
    assert "Traceback" not in result.stderr


def test_facts_check_reports_every_problem(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    for path in DEFAULT_FACTS_DIR.glob("*.toml"):
        (facts / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (facts / "quotes.toml").write_bytes(b"")
    (facts / "sources.toml").write_bytes(b"\xff\xfe")
    result = run("facts", "check", "facts", cwd=tmp_path)
    assert result.returncode == 2
    assert "facts/sources.toml: not valid UTF-8 (byte 0xff at offset 0)" in result.stdout
    assert "facts/quotes.toml: file is empty; expected [[quote]] tables" in result.stdout


def test_facts_check_ok() -> None:
    result = run("facts", "check")
    assert result.returncode == 0
    assert result.stdout.startswith("ok: 5 elections, 12 people")


@pytest.mark.parametrize("args", [("frobnicate",), ("ask", "--nope"), ("facts",)])
def test_bad_usage_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_empty_question_is_an_error() -> None:
    result = run("ask", "  ")
    assert result.returncode == 2
    assert result.stderr == "Error: the question is empty\n"


def test_cli_path_does_not_import_slack_bolt() -> None:
    code = "import sys, bot.cli; bot.cli.main(['ask', 'ALB1']); print('slack_bolt' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().endswith("False")


def test_run_without_slack_settings_says_so_and_starts_the_console(tmp_path: Path) -> None:
    result = run("run", stdin="ALB1\n", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == (
        "Slack is not configured (it needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET in .env): "
        "starting the console.\n"
    )
    assert result.stdout.startswith("ALB1: 406 no / 206 yes")
