"""Where the project's own files are (no imports: read by config and store alike)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_FACTS_DIR = Path(__file__).resolve().parent.parent / "facts"
