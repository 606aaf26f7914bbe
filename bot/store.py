"""Load and validate the fact store, and look records up by id. No fuzzy matching here."""

from __future__ import annotations

import dataclasses
import os
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.errors import FactStoreError
from bot.models import Election, Organisation, Person, Quote, Source

DEFAULT_FACTS_DIR = Path(__file__).resolve().parent.parent / "facts"

# file name -> (TOML table name, record noun, model)
FILES: dict[str, tuple[str, str, type[BaseModel]]] = {
    "sources.toml": ("source", "source", Source),
    "elections.toml": ("election", "election", Election),
    "organisations.toml": ("organisation", "organisation", Organisation),
    "people.toml": ("person", "person", Person),
    "quotes.toml": ("quote", "quote", Quote),
}

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True, eq=False)
class Store:
    sources: Mapping[str, Source]
    elections: Mapping[str, Election]
    organisations: Mapping[str, Organisation]
    people: Mapping[str, Person]
    quotes: Mapping[str, Quote]
    warnings: tuple[str, ...] = ()
    by_code: Mapping[str, Election] = field(default_factory=dict)
    quotes_by_speaker: Mapping[str, tuple[Quote, ...]] = field(default_factory=dict)
    quotes_by_election: Mapping[str, tuple[Quote, ...]] = field(default_factory=dict)
    people_by_org: Mapping[str, tuple[Person, ...]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        sources: Iterable[Source],
        elections: Iterable[Election],
        organisations: Iterable[Organisation] = (),
        people: Iterable[Person] = (),
        quotes: Iterable[Quote] = (),
        warnings: Iterable[str] = (),
    ) -> Store:
        """Make a store from records that are already valid one by one, and index it."""
        election_map = {e.id: e for e in elections}
        quote_map = {q.id: q for q in quotes}
        person_map = {p.id: p for p in people}
        by_speaker: dict[str, list[Quote]] = {}
        by_election: dict[str, list[Quote]] = {}
        for quote in quote_map.values():
            by_speaker.setdefault(quote.speaker, []).append(quote)
            for election_id in quote.elections:
                by_election.setdefault(election_id, []).append(quote)
        by_org: dict[str, list[Person]] = {}
        for person in person_map.values():
            if person.organisation:
                by_org.setdefault(person.organisation, []).append(person)
        return cls(
            sources={s.id: s for s in sources},
            elections=election_map,
            organisations={o.id: o for o in organisations},
            people=person_map,
            quotes=quote_map,
            warnings=tuple(warnings),
            by_code={e.code: e for e in election_map.values() if e.code},
            quotes_by_speaker={k: tuple(v) for k, v in by_speaker.items()},
            quotes_by_election={k: tuple(v) for k, v in by_election.items()},
            people_by_org={k: tuple(v) for k, v in by_org.items()},
        )

    def speaker_name(self, speaker_id: str) -> str:
        if speaker_id in self.people:
            return self.people[speaker_id].name
        return self.organisations[speaker_id].name


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if path.is_absolute() and path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def _read_table(path: Path, table: str, problems: list[str]) -> list[Any]:
    where = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(f"{where}: file is missing")
        return []
    except OSError as exc:
        problems.append(f"{where}: cannot read file ({exc.strerror})")
        return []
    if not raw.strip():
        problems.append(f"{where}: file is empty; expected [[{table}]] tables")
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{where}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})")
        return []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{where}: invalid TOML: {exc}")
        return []
    unknown = sorted(set(data) - {table})
    if unknown:
        problems.append(f"{where}: unexpected top-level key {unknown[0]!r}; expected [[{table}]] tables")
    records = data.get(table, [])
    if not isinstance(records, list):
        problems.append(f"{where}: {table!r} must be an array of tables ([[{table}]])")
        return []
    return records


def _describe(error: Mapping[str, Any]) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "missing":
        return f"missing field '{loc}'"
    if error["type"] == "extra_forbidden":
        return f"unknown field '{loc}'"
    if not loc:
        return message
    value = error.get("input")
    shown = f" (got {value!r})" if isinstance(value, str | int | float | bool) else ""
    return f"{loc}: {message}{shown}"


def _validate(path: Path, noun: str, model: type[R], raw: list[Any], problems: list[str], invalid: set[str]) -> list[R]:
    """Valid records; the ids of invalid ones go to `invalid`, so references to them are not reported twice."""
    where = display_path(path)
    records: list[R] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        ident = item.get("id") if isinstance(item, dict) else None
        name = f"{noun} {ident!r}" if isinstance(ident, str) else f"{noun} #{number}"
        if not isinstance(item, dict):
            problems.append(f"{where}: {name}: must be a table")
            continue
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            problems.extend(f"{where}: {name}: {_describe(e)}" for e in exc.errors())
            if isinstance(ident, str):
                invalid.add(ident)
            continue
        if ident in seen:
            problems.append(f"{where}: {name}: duplicate id")
            continue
        seen.add(str(ident))
        records.append(record)
    return records


def normalise_alias(text: str) -> str:
    """The form two aliases are compared in: NFKC, case-folded, letters and digits only."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _check_references(store: Store, paths: Mapping[str, str], problems: list[str], invalid: set[str]) -> list[str]:
    warnings: list[str] = []

    def need(where: str, name: str, fieldname: str, ref: str, table: Mapping[str, Any], what: str) -> None:
        if ref not in table and ref not in invalid:
            problems.append(f"{where}: {name}: {fieldname}: unknown {what} id {ref!r}")

    files = paths
    for e in store.elections.values():
        for ref in e.sources:
            need(files["elections.toml"], f"election {e.id!r}", "sources", ref, store.sources, "source")
        cast = e.ballots_cast
        if e.eligible_approximate and e.eligible_voters is not None and cast is not None and cast > e.eligible_voters:
            warnings.append(
                f"{files['elections.toml']}: election {e.id!r}: ballots counted + void + challenged "
                f"({cast}) > approximate eligible_voters ({e.eligible_voters})"
            )
    for o in store.organisations.values():
        for ref in o.sources:
            need(files["organisations.toml"], f"organisation {o.id!r}", "sources", ref, store.sources, "source")
    for p in store.people.values():
        for ref in p.sources:
            need(files["people.toml"], f"person {p.id!r}", "sources", ref, store.sources, "source")
        if p.organisation:
            need(
                files["people.toml"],
                f"person {p.id!r}",
                "organisation",
                p.organisation,
                store.organisations,
                "organisation",
            )
    speakers = {**store.people, **store.organisations}
    for q in store.quotes.values():
        name = f"quote {q.id!r}"
        need(files["quotes.toml"], name, "speaker", q.speaker, speakers, "person or organisation")
        need(files["quotes.toml"], name, "source", q.source, store.sources, "source")
        for ref in q.elections:
            need(files["quotes.toml"], name, "elections", ref, store.elections, "election")
    _check_aliases(store, files, problems)
    return warnings


def _check_aliases(store: Store, files: Mapping[str, str], problems: list[str]) -> None:
    owners: dict[str, str] = {}
    groups: list[tuple[str, str, Iterable[str | None]]] = []
    for e in store.elections.values():
        groups.append((files["elections.toml"], f"election {e.id!r}", (e.code, *e.aliases)))
    for o in store.organisations.values():
        groups.append(
            (files["organisations.toml"], f"organisation {o.id!r}", (o.name, o.name_zh, o.abbreviation, *o.aliases))
        )
    for p in store.people.values():
        groups.append((files["people.toml"], f"person {p.id!r}", (p.name, p.name_zh, *p.aliases)))
    for where, owner, aliases in groups:
        for alias in {normalise_alias(a) for a in aliases if a}:
            if not alias:
                continue
            if alias in owners and owners[alias] != owner:
                problems.append(f"{where}: {owner}: alias {alias!r} already belongs to {owners[alias]}")
            owners.setdefault(alias, owner)


def load(directory: Path | str = DEFAULT_FACTS_DIR) -> Store:
    """Load and validate every fact file in `directory`; raise FactStoreError listing every problem."""
    directory = Path(directory)
    problems: list[str] = []
    if not directory.is_dir():
        raise FactStoreError([f"{display_path(directory)}: not a directory of fact files"])
    loaded: dict[str, list[Any]] = {}
    invalid: set[str] = set()
    paths = {name: display_path(directory / name) for name in FILES}
    for name, (table, noun, model) in FILES.items():
        raw = _read_table(directory / name, table, problems)
        loaded[name] = _validate(directory / name, noun, model, raw, problems, invalid)
    store = Store.build(
        sources=loaded["sources.toml"],
        elections=loaded["elections.toml"],
        organisations=loaded["organisations.toml"],
        people=loaded["people.toml"],
        quotes=loaded["quotes.toml"],
    )
    warnings = _check_references(store, paths, problems, invalid)
    if problems:
        raise FactStoreError(problems)
    return dataclasses.replace(store, warnings=tuple(warnings))
