from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cache import load_cached
from bot.errors import FactStoreError
from bot.store import load


def _to_jsonl(facts: Path, stem: str) -> Path:
    """Rewrite STEM.toml as STEM.jsonl (dates as ISO strings)."""
    import tomllib

    table = {"elections": "election", "people": "person", "quotes": "quote"}[stem]
    records = tomllib.loads((facts / f"{stem}.toml").read_text(encoding="utf-8"))[table]
    (facts / f"{stem}.toml").unlink()
    path = facts / f"{stem}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_loads_like_toml(facts_copy: Path) -> None:
    before = load(facts_copy)
    _to_jsonl(facts_copy, "elections")
    _to_jsonl(facts_copy, "quotes")
    after = load(facts_copy)
    assert after.elections == before.elections and after.quotes == before.quotes


def test_jsonl_problems_name_their_line(facts_copy: Path) -> None:
    path = _to_jsonl(facts_copy, "elections")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"votes_for": 206', '"votes_for": -206')
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FactStoreError) as info:
        load(facts_copy)
    problems = [p.replace(str(facts_copy), "facts") for p in info.value.problems]
    assert problems == [
        "facts/elections.jsonl: line 4: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        "facts/elections.jsonl: line 2: election 'alb1': votes_for: must be 0 or more (got -206)",
    ]


def test_toml_and_jsonl_of_one_type_is_an_error(facts_copy: Path) -> None:
    (facts_copy / "quotes.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(FactStoreError) as info:
        load(facts_copy)
    assert any("both quotes.toml and quotes.jsonl exist; keep one" in p for p in info.value.problems)


def test_cache_reused_then_refreshed_on_edit(facts_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_cached(facts_copy, cache)
    assert list(cache.glob("store-*.pickle"))
    again = load_cached(facts_copy, cache)
    assert again.elections == first.elections and again is not first
    path = facts_copy / "people.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Amazon spokesperson"', '"Amazon spokeswoman"', 1), encoding="utf-8"
    )
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_cached(facts_copy, cache).people["paul-flaningan"].role.en == "Amazon spokeswoman"
    assert len(list(cache.glob("store-*.pickle"))) == 1


def test_bad_store_is_never_cached(facts_copy: Path, tmp_path: Path) -> None:
    (facts_copy / "quotes.toml").write_bytes(b"")
    with pytest.raises(FactStoreError):
        load_cached(facts_copy, tmp_path / "cache")
    assert not list(tmp_path.rglob("store-*.pickle"))


def test_corrupt_cache_is_ignored(facts_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(facts_copy, cache)
    for path in cache.glob("store-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert "alb1" in load_cached(facts_copy, cache).elections


def test_cached_cli_run_does_not_import_pydantic(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = "import sys, bot.cli; bot.cli.main(['ask', 'ALB1']); print('pydantic' in sys.modules)"
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        for _ in range(2)
    ]
    assert runs[0].stdout.strip().endswith("True")  # first run validates
    assert runs[1].stdout.strip().endswith("False")  # second run answers from the cache
    assert runs[1].stdout.startswith("ALB1: 406 no / 206 yes")
