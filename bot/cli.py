"""Command line: argument parsing, exit codes and wiring. No slack_bolt import on these paths."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot import __version__
from bot.errors import BotError, FactStoreError
from bot.store import Store, load

if TYPE_CHECKING:
    from bot.config import Settings

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="election-bot", description="Sourced answers about union representation elections."
    )
    parser.add_argument("--version", action="version", version=f"election-bot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ask = sub.add_parser("ask", help="answer a question (or one question per line of stdin)")
    ask.add_argument("question", nargs="*", help="the question; read from stdin when omitted")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument(
        "--conversation", action="store_true", help="read the lines of stdin as one conversation (follow-ups)"
    )
    ask.add_argument("--facts", type=Path, help="fact directory (default: FACTS_DIR or ./facts)")
    console = sub.add_parser("console", help="interactive console (batch mode when stdin is not a terminal)")
    console.add_argument("--facts", type=Path)
    facts = sub.add_parser("facts", help="fact store tools")
    facts_sub = facts.add_subparsers(dest="facts_command", metavar="ACTION", required=True)
    check = facts_sub.add_parser("check", help="report every problem in a fact directory")
    check.add_argument("directory", nargs="?", type=Path)
    imp = sub.add_parser("import", help="import official records (needs the 'import' extra)")
    imp_sub = imp.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    nlrb = imp_sub.add_parser(
        "nlrb",
        help="NLRB election files (CSV exports, FOIA and annual workbooks) -> facts/nlrb/",
        description="Write the official layer from exactly these files (`make nlrb` rebuilds it from data/nlrb/).",
    )
    nlrb.add_argument("files", nargs="+", type=Path, metavar="FILE")
    nlrb.add_argument("--out", type=Path, help="output folder (default: FACTS_DIR/nlrb)")
    nlrb.add_argument("--archive-root", type=Path, help="folder the files' archive paths are given relative to")
    run = sub.add_parser("run", help="start Slack when tokens are configured, otherwise the console")
    run.add_argument("--facts", type=Path)
    slack = sub.add_parser("slack", help="connect to Slack over Socket Mode (needs SLACK_APP_TOKEN)")
    slack.add_argument("--facts", type=Path)
    return parser


def _store(facts: Path | None, settings: Settings | None = None) -> Store:
    from bot.cache import load_cached
    from bot.config import load_settings

    settings = settings or load_settings()
    return load_cached(facts or settings.facts_dir, settings.cache_dir)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except BotError as exc:  # a bad fact store or bad settings: one line, no traceback
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "ask":
        return _ask(args)
    if args.command == "console":
        return _console(args)
    if args.command == "facts":
        return _facts_check(args.directory)
    if args.command == "import":
        return _import_nlrb(args)
    if args.command == "run":
        return _run(args)
    if args.command == "slack":
        from bot.slack.run import run_socket_mode

        return run_socket_mode(args.facts)
    parser.print_help()
    return EXIT_USAGE


def _ask(args: argparse.Namespace) -> int:
    from bot.console import batch

    store = _store(args.facts)
    lines = [" ".join(args.question)] if args.question else sys.stdin
    if args.question and not " ".join(args.question).strip():
        print("Error: the question is empty", file=sys.stderr)
        return EXIT_USAGE
    conversation = f"cli:{os.getpid()}" if args.conversation else None
    batch(lines, store, sys.stdout, as_json=args.json, conversation=conversation)
    return EXIT_OK


def _console(args: argparse.Namespace, settings: Settings | None = None) -> int:
    from bot.config import load_settings
    from bot.console import batch, repl

    settings = settings or load_settings()
    store = _store(args.facts, settings)
    if not sys.stdin.isatty():  # piped: the lines are one console session, so one conversation
        batch(sys.stdin, store, sys.stdout, conversation=f"console:{os.getpid()}")
        return EXIT_OK
    colour = sys.stdout.isatty() and not settings.no_color
    repl(store, out=sys.stdout, colour=colour, history=settings.history_file)
    return EXIT_OK


def _facts_check(directory: Path | None) -> int:
    from bot.config import load_settings

    directory = directory or load_settings().facts_dir
    try:
        store = load(directory)
    except FactStoreError as exc:
        for problem in exc.first():
            print(problem)
        print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
        return EXIT_USAGE
    for warning in store.warnings:
        print(f"warning: {warning}")
    print(
        f"ok: {len(store.elections)} elections, {len(store.people)} people, "
        f"{len(store.organisations)} organisations, {len(store.quotes)} quotes, {len(store.sources)} sources, "
        f"{len(store.official)} official NLRB tallies"
    )
    return EXIT_OK


def _import_nlrb(args: argparse.Namespace) -> int:
    from bot.config import load_settings
    from bot.nlrb.formats import ImportProblem
    from bot.nlrb.importer import run, write

    out = args.out or load_settings().facts_dir / "nlrb"
    try:
        summary = run(args.files, archive_root=args.archive_root)
    except ImportProblem as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    changed = write(summary, out)
    skipped = sum(len(f.parsed.skipped) for f in summary.files)
    print(
        f"{sum(f.parsed.read for f in summary.files)} rows read from {len(summary.files)} files, "
        f"{summary.merged} merged, {skipped} skipped, {len(summary.disagreements)} disagreements: "
        f"{len(summary.records)} tallies; {len(changed)} file(s) changed in {out}"
    )
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from bot.config import load_settings

    settings = load_settings()
    if settings.slack_configured:
        print("Slack tokens found: starting the Slack app.", file=sys.stderr)
        from bot.slack.run import run_from_settings

        return run_from_settings(settings, args.facts)
    missing = "" if settings.slack_bot_token else "SLACK_BOT_TOKEN and "
    print(
        f"Slack is not configured (it needs {missing}SLACK_APP_TOKEN or SLACK_SIGNING_SECRET in .env): "
        "starting the console.",
        file=sys.stderr,
    )
    return _console(args, settings)
