"""A defective fact directory stops every entry point before it serves anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.slack import wsgi
from bot.store import DEFAULT_FACTS_DIR

DEFECTS = [
    ("bad TOML", "elections.toml", lambda t: t.replace("[[election]]", "[[election]", 1), "elections.toml: invalid TOML: "),
    ("missing field", "people.toml", lambda t: t.replace('name = "Kelly Nantel"\n', "", 1), "people.toml: person 'kelly-nantel': missing field 'name'"),
    ("broken invariant", "elections.toml", lambda t: t.replace("votes_against = 618", "votes_against = 619", 1), "elections.toml: election 'ldj5': votes_for + votes_against (999) != total_ballots_counted (998)"),
    ("duplicate alias", "people.toml", lambda t: t.replace('aliases = ["Nantel"]', 'aliases = ["Nantel", "Flaningan"]', 1), "alias 'flaningan' already belongs to person 'paul-flaningan'"),
    ("dangling id", "quotes.toml", lambda t: t.replace('speaker = "justin-medina"', 'speaker = "nobody"', 1), "quotes.toml: quote 'medina-intense': speaker: unknown person or organisation id 'nobody'"),
    ("0-byte file", "sources.toml", lambda t: "", "sources.toml: file is empty; expected [[source]] tables"),
    ("non-UTF-8 file", "organisations.toml", lambda t: t.encode("utf-8").replace(b"Amazon", b"Amaz\xf3n", 1), "organisations.toml: not valid UTF-8 (byte 0xf3 at offset"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "file", "edit", "message"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_defect_refuses_start_up(
    name: str,
    file: str,
    edit: object,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(DEFAULT_FACTS_DIR, facts)
    path = facts / file
    changed = edit(path.read_text(encoding="utf-8"))  # type: ignore[operator]
    path.write_bytes(changed if isinstance(changed, bytes) else changed.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTS_DIR", str(facts))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")  # never reached: start-up stops first
    with pytest.raises(SystemExit) as info:
        wsgi.create()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: facts/") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
