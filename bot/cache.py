"""A cache of the validated fact store, so the CLI answers without re-validating (or importing
pydantic) when nothing changed. Keyed on every fact file's name, size and mtime, and on the
code that defines and loads records, so an edit or an upgrade is never served stale."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from bot import __version__
from bot.store import Store, load

CODE_FILES = ("models.py", "store.py")
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
    for path in sorted(directory.iterdir()):
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
    _write(path, store)
    return store


def _write(path: Path, store: Store) -> None:
    """Atomic and private (0600 in a 0700 folder); a cache that can't be written is skipped."""
    import tempfile

    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in path.parent.glob("store-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".store-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(store, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
