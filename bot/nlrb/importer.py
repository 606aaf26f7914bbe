"""`election-bot import nlrb FILE…`: read NLRB files, merge them, write the snapshot and a report.

Writes, in the output folder (facts/nlrb by default):
- ``elections.jsonl``: one OfficialElection a line, compact (defaults and empty fields left out),
  sorted by case number, unit and tally, so the same files always give the same bytes;
- ``sources.jsonl``: one Source per file read (publisher NLRB);
- ``import-report.txt``: rows read per file, merged, skipped (with why), and every field where
  two files disagree.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from bot.nlrb.formats import ImportProblem, Parsed, parse
from bot.nlrb.merge import Disagreement, Merger, build
from bot.nlrb.records import OfficialElection

FORMAT_ORDER = ("foia", "export", "reuning", "reuning-starbucks", "annual")  # most detailed first
ARCHIVE = "https://github.com/{repo}/blob/{commit}/{path}"

# Where the files shipped in data/nlrb/ came from (see data/nlrb/PROVENANCE.md).
KNOWN: dict[str, dict[str, str]] = {
    "nlrb-foia-2022-000194-elections-2017-01-to-2021-11.xlsx": {
        "id": "nlrb-foia-2022-000194",
        "title": "NLRB FOIA release 2022-000194: election results with election mode, January 2017 - November 2021",
        "url": ARCHIVE.format(
            repo="labordata/nlrb-data",
            commit="f6bc7e1a",
            path="raw/NLRB-2022-000194_final-Election_results_with_election_mode_Jan_2017-Nov_2021.xlsx",
        ),
        "note": "Every tally of elections held 2017-01-01 to 2021-11-30; archived by labordata/nlrb-data. The release "
        "date is not stated: the date given is the latest date in the file.",
    },
    "nlrb-recent-election-results-export-2023-04-17.csv": {
        "id": "nlrb-election-results-export-2023-04-17",
        "title": "NLRB Recent Election Results, CSV export of 2023-04-17 (partial: closed cases, Regions 4 and 6)",
        "published": "2023-04-17",
        "url": ARCHIVE.format(
            repo="lizard12995/nlrb_election_mapper",
            commit="8c9fc72d",
            path="testing/raw/recent_election_results__all_dates_--20230417103337.csv",
        ),
        "note": "The nlrb.gov export as a user downloads it; archived by lizard12995/nlrb_election_mapper.",
    },
    "elections_with_location.csv": {
        "id": "unionelections-open-cases-2022-08",
        "title": "NLRB election results for cases open in August 2022 (unionelections.org processed copy)",
        "published": "2022-08-09",
        "url": ARCHIVE.format(
            repo="reuning/unionwebsite",
            commit="ec7e7f1a1f8e2b007d74ac058b67c11d9dfcd6e6",
            path="gen/data/elections_with_location.csv",
        ),
        "note": "NLRB records processed by unionelections.org (locations added); open cases as of 2022-08-09.",
    },
    "starbucks_with_location.csv": {
        "id": "unionelections-starbucks-2023-08",
        "title": "NLRB election results for Starbucks cases to August 2023 (unionelections.org processed copy)",
        "published": "2023-08-04",
        "url": ARCHIVE.format(
            repo="reuning/unionwebsite",
            commit="907cc1e9efe2bf5f44cdedffd4f9e908b628434d",
            path="gen/data/starbucks_with_location.csv",
        ),
        "note": "NLRB records processed by unionelections.org; Starbucks cases filed to 2023-08-04.",
    },
}
for _year in range(2011, 2023):
    KNOWN[f"nlrb-closed-elections-fy{_year}.xlsx"] = {
        "id": f"nlrb-closed-elections-fy{_year}",
        "title": f"NLRB Election Reports: elections closed in fiscal year {_year} (October {_year - 1} - September {_year})",
        "url": ARCHIVE.format(
            repo="taylor-watson/nlrb_elections", commit="21614e4a", path=f"raw_files/nlrb{_year % 100:02d}_raw.xlsx"
        ),
        "note": "Annual report of closed elections; 'Election Held Date' is the (last) voting day, not the tally date.",
    }


@dataclass(frozen=True, slots=True)
class FileRead:
    path: Path
    source: dict[str, Any]
    parsed: Parsed


@dataclass(frozen=True, slots=True)
class Summary:
    files: tuple[FileRead, ...]
    records: tuple[OfficialElection, ...]
    disagreements: tuple[Disagreement, ...]
    merged: int
    repeats: int


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64] or "nlrb-file"


def _source(path: Path, parsed: Parsed, archive_root: Path | None) -> dict[str, Any]:
    known = KNOWN.get(path.name) or {"id": _slug(path.stem), "title": path.name}
    # dated as stated (the file's name or its "Time run" stamp), else by the latest date it holds
    found = re.search(r"(20\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)", path.name)
    dates = [d for r in parsed.rows for d in (r.closed_date, r.tally_date, r.held_date) if d]
    published = (
        known.get("published")
        or parsed.time_run
        or ("-".join(found.groups()) if found else max(dates, default="1970-01-01"))
    )
    archive = path.name
    if archive_root is not None:
        try:
            archive = path.resolve().relative_to(archive_root.resolve()).as_posix()
        except ValueError:
            archive = path.name
    return {"id": known["id"], "publisher": "NLRB", "title": known["title"], "published": published,
            "language": "en", "url": known.get("url"), "archive": archive, "note": known.get("note")}  # fmt: skip


def run(paths: Sequence[Path], *, archive_root: Path | None = None) -> Summary:
    """Read every file, merge, and build the records. Raises ImportProblem for a file it cannot read."""
    reads: list[FileRead] = []
    for path in paths:
        if not path.is_file():
            raise ImportProblem(f"{path}: no such file")
        parsed = parse(path, "pending")
        source = _source(path, parsed, archive_root)
        for row in parsed.rows:
            row.source = source["id"]
        reads.append(FileRead(path, source, dataclasses.replace(parsed, skipped=[
            dataclasses.replace(s, source=source["id"]) for s in parsed.skipped])))  # fmt: skip
    ids = Counter(r.source["id"] for r in reads)
    if clash := [i for i, n in ids.items() if n > 1]:
        raise ImportProblem(f"two files would share the source id {clash[0]!r}; give each file a different name")
    reads.sort(key=lambda r: (FORMAT_ORDER.index(r.parsed.formats[0]) if r.parsed.formats else 99, r.path.name))
    merger = Merger()
    for read in reads:
        for row in read.parsed.rows:
            merger.add(row)
    records, disagreements = build(merger, [r.source["id"] for r in reads])
    return Summary(tuple(reads), tuple(records), tuple(disagreements), merger.merged, merger.repeats)


# --- output -----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _compact(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _compact(record: Any) -> dict[str, Any]:
    """The record's fields in declaration order, without those left at their default."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.default is not dataclasses.MISSING and value == f.default:
            continue
        out[f.name] = _plain(value)
    return out


def jsonl(items: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n" for item in items)


def report(summary: Summary) -> str:
    lines = ["# NLRB import report", "", "## Files", ""]
    shared = Counter(src for r in summary.records if len(r.sources) > 1 for src in r.sources)
    for read in summary.files:
        p = read.parsed
        lines.append(
            f"- {read.path.name} ({', '.join(p.formats)}; source {read.source['id']}): "
            f"{p.read} rows read, {len(p.rows)} kept, {len(p.skipped)} skipped, "
            f"{shared[read.source['id']]} in tallies merged with another file"
        )
    by_source = Counter(s for r in summary.records for s in r.sources)
    lines += [
        "",
        f"Records written: {len(summary.records)} tallies of {len({r.case_number for r in summary.records})} cases.",
        f"Rows merged into a tally from another file: {summary.merged}. Exact repeats within a file dropped: {summary.repeats}.",
        "Records citing each file: " + ", ".join(f"{s} {n}" for s, n in sorted(by_source.items())) + ".",
        "",
        "## Skipped rows",
        "",
    ]
    skipped = [s for read in summary.files for s in read.parsed.skipped]
    reasons = Counter(s.reason.split(":")[0] for s in skipped)
    lines += [f"- {reason}: {n}" for reason, n in sorted(reasons.items())] + [""]
    lines += [f"  {s.source}:{s.line}: {s.case_number}: {s.reason}" for s in skipped]
    fields = Counter(d.field for d in summary.disagreements)
    lines += [
        "",
        "## Fields where files disagree",
        "",
        "The value kept is the one from the more detailed row (listed in the record's sources order).",
        "",
    ]
    lines += [f"- {name}: {n}" for name, n in sorted(fields.items())] + [""]
    for d in summary.disagreements:
        lines.append(f"  {d.record}: {d.field}: " + " | ".join(f"{where} = {value!r}" for where, value in d.values))
    return "\n".join(lines) + "\n"


def write(summary: Summary, out_dir: Path) -> list[Path]:
    """Write the snapshot (only files whose bytes change are rewritten)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        out_dir / "elections.jsonl": jsonl(_compact(r) for r in summary.records),
        out_dir / "sources.jsonl": jsonl({k: v for k, v in r.source.items() if v is not None} for r in summary.files),
        out_dir / "import-report.txt": report(summary),
    }
    changed = []
    for path, content in outputs.items():
        data = content.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            partial = path.with_name(f".{path.name}.partial")
            partial.write_bytes(data)
            os.replace(partial, path)  # atomic: an interrupted import leaves the old snapshot whole
            changed.append(path)
    return changed
