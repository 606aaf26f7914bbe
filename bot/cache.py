"""A cache of the validated fact store, so the CLI answers without re-validating (or importing
pydantic) when nothing changed. Keyed on every fact file's name, size and mtime, and on the
code that defines and loads records, so an edit or an upgrade is never served stale.

The official layer (facts/nlrb/) is pickled on its own and read only when a question needs it:
a question about the news layer starts as fast as before the ~18,800 NLRB tallies arrived."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path

from bot import __version__
from bot.nlrb.layer import OfficialLayer
from bot.store import OFFICIAL_DIR, Store, load, load_official

CODE_FILES = ("models.py", "store.py", "nlrb/records.py", "nlrb/layer.py")
CACHE_ERRORS = (
    OSError,
    EOFError,
    pickle.UnpicklingError,
    AttributeError,
    ImportError,
    TypeError,
    ValueError,
    IndexError,
)


def cache_key(directory: Path) -> str:
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{Path.cwd()}|{directory.resolve()}".encode())
    here = Path(__file__).parent
    for name in CODE_FILES:
        digest.update((here / name).read_bytes())
    official = directory / OFFICIAL_DIR
    for path in sorted([*directory.iterdir(), *(official.iterdir() if official.is_dir() else ())]):
        if path.suffix in (".toml", ".jsonl"):
            stat = path.stat()
            digest.update(f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def load_cached(directory: Path, cache_dir: Path | None) -> Store:
    """The store from the cache when it is current; otherwise load (and validate) it and cache it."""
    if cache_dir is None or not directory.is_dir():
        return load(directory)
    try:
        path = cache_dir / f"store-{cache_key(directory)}.pickle"
    except OSError:
        return load(directory)
    with contextlib.suppress(*CACHE_ERRORS), path.open("rb") as f:
        store = pickle.load(f)
        if isinstance(store, Store):
            return store
    store = load(directory)  # a bad store raises here and is never cached
    official = path.with_name(path.name.replace("store-", "official-", 1))
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in [*path.parent.glob("store-*.pickle"), *path.parent.glob("official-*.pickle")]:
            old.unlink(missing_ok=True)
        _write(official, tuple(store.official.elections.values()))
        curated = {e.case_number.strip().upper() for e in store.elections.values() if e.case_number}
        deferred = OfficialLayer.deferred(
            official,
            functools.partial(load_official, directory.resolve()),
            cases={case: store.official.case(case) for case in curated},  # a curated election's case reads no pickle
        )
        _write(path, dataclasses.replace(store, official=deferred))
    return store


def _write(path: Path, value: object) -> None:
    """Atomic and private (0600 in a 0700 folder)."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".store-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
