"""Display names for employers and unions: the legal name as published, tidied for people.

`AMAZON.COM SERVICES LLC` and `Amazon.com Services LLC` -> Amazon; `Starbucks Corporation` ->
Starbucks; `UNITED FOOD AND COMMERCIAL WORKERS UNION LOCAL 328` -> United Food and
Commercial Workers Union Local 328. Locals are kept: "Workers United" and "SEIU Local 1199"
stay different unions. Pure functions over strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Brands whose legal entities read differently from the name people use. A legal name whose
# tidied form starts with the key (case-insensitive) is shown as the brand. Data, not logic:
# add a row when a well-known employer files under several entity names.
BRANDS: dict[str, str] = {
    "amazon.com": "Amazon",
    "amazon logistics": "Amazon",
    "amazon fulfillment": "Amazon",
    "amazon": "Amazon",
    "starbucks": "Starbucks",
    "siren retail corporation d/b/a starbucks": "Starbucks",
    "trader joe's": "Trader Joe's",
    "trader joes": "Trader Joe's",
    "apple inc": "Apple",
    "chipotle": "Chipotle",
    "rei": "REI",
    "recreational equipment": "REI",
}

_LEGAL_SUFFIX = re.compile(
    r"(?:[,\s]+(?:inc|incorporated|llc|l\.l\.c|lp|l\.p|llp|l\.l\.p|pllc|ltd|limited|corp|corporation|co|company|pc|p\.c|plc|na|n\.a)\.?)+$",
    re.IGNORECASE,
)
_DBA = re.compile(r"\s+(?:d/b/a|dba|d\.b\.a\.?|doing business as)\s+", re.IGNORECASE)
_AFFILIATION = re.compile(
    r"(?:[,\s]+(?:afl-cio|afl\s*-\s*cio|clc|ctw|ctw-clc|afl-cio-clc|afl-cio,\s*clc)\.?)+$", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_SMALL = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "de"})
_VOWELS = frozenset("AEIOUY")


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ,;")


def _word_case(word: str, first: bool) -> str:
    """One word of an all-capitals name: acronyms stay (no vowel, digits or dots, in brackets), others title."""
    core = word.strip("()&,.-/'\"#")
    if not core or any(ch.isdigit() for ch in core) or not (set(core.upper()) & _VOWELS) or "." in core:
        return word
    if word.startswith("(") and word.rstrip(",.;").endswith(")"):  # "(NUHW)", "(SPFPA)"
        return word
    if core.upper() in _ACRONYMS:
        return word
    if not first and core.lower() in _SMALL:
        return word.lower()
    if core.upper() in ("A/W", "F/K/A", "A/K/A", "D/B/A"):  # "affiliated with", "formerly known as"…
        return word.replace(core, core.lower())
    if "-" in core or "/" in core:  # "AFL-CIO", "UTU/SMART": each part on its own
        return "".join(_word_case(part, first) if part not in "-/" else part for part in re.split(r"([-/])", word))
    lead = len(word) - len(word.lstrip("(\"'"))
    return word[:lead] + word[lead : lead + 1].upper() + word[lead + 1 :].lower()


_ACRONYMS = frozenset(
    {"SEIU", "UFCW", "UAW", "IBEW", "AFSCME", "IUOE", "SPFPA", "UNITE", "HERE", "RWDSU", "IAM", "CWA", "USW", "UPMC",
     "AFT", "NNU", "OPEIU", "IATSE", "UGSOA", "IUE", "USA", "US", "ALU", "TWU", "ATU", "ILA", "ILWU", "BCTGM", "UE",
     "NABET", "AFM", "SAG", "AFTRA", "RN", "RNS", "LPN", "NYSNA", "MNA", "CNA", "UA", "SMART", "IUPAT", "HPAE",
     "CBRE", "CSRA", "NUHW", "AECOM", "URS", "ABM", "ISS", "G4S", "IAMAW", "UTU", "AFL", "CIO", "IBT", "UFT",
     "NYSUT", "IFT", "UHW", "EMT", "EMTS", "LEOS", "PBA", "USPOA", "IUJAT", "SAG-AFTRA", "NAGE", "NFFE", "AFGE"}
)  # fmt: skip


def tidy_case(name: str) -> str:
    """Title-case a name published in capitals (or in lower case); leave mixed case alone."""
    letters = [ch for ch in name if ch.isalpha()]
    if letters and not (all(ch.isupper() for ch in letters) or all(ch.islower() for ch in letters)):
        return name
    words = name.split(" ")
    return " ".join(_word_case(w, i == 0) for i, w in enumerate(words))


@lru_cache(maxsize=65536)
def employer_display(name: str) -> str:
    """The name people use for an employer: brand, else the d/b/a name, else the name without its legal suffix."""
    text = _squash(name)
    lowered = text.lower()
    for key, brand in BRANDS.items():
        if lowered.startswith(key) and (len(lowered) == len(key) or not lowered[len(key)].isalnum()):
            return brand
    parts = _DBA.split(text, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        text = parts[1]
        for key, brand in BRANDS.items():
            if text.lower().startswith(key):
                return brand
    text = _squash(_LEGAL_SUFFIX.sub("", text)) or _squash(text)
    return tidy_case(text)


@lru_cache(maxsize=65536)
def union_display(name: str) -> str:
    """A union's name in one spelling: spaces and capitals tidied, federation affiliations dropped, locals kept."""
    text = _squash(name)
    text = _squash(_AFFILIATION.sub("", text)) or text
    text = re.sub(r"\bLocal\s+(?:Union\s+)?No\.?\s*", "Local ", text, flags=re.IGNORECASE)
    text = re.sub(r",\s*(Local|District|Lodge)\b", r" \1", text, flags=re.IGNORECASE)
    text = re.sub(r"\b1199\s+SEIU\b", "1199SEIU", text, flags=re.IGNORECASE)  # the union's own spelling
    return tidy_case(text)


TRUNCATED_AT = 99  # the NLRB's files cut names at about 100 characters


def complete_names(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(name as published, display name) pairs -> {display of a name cut short by a file's column
    width: the one longer display name it begins}, when there is exactly one."""
    pairs = list(names)
    cut = {display for published, display in pairs if len(published) >= TRUNCATED_AT}
    names_sorted = sorted({display for _, display in pairs})
    completed: dict[str, str] = {}
    for i, name in enumerate(names_sorted):
        if name not in cut:
            continue
        longer = []
        for other in names_sorted[i + 1 :]:
            if not other.startswith(name):
                break
            longer.append(other)
        if len(longer) == 1:
            completed[name] = longer[0]
    return completed


@lru_cache(maxsize=65536)
def name_key(display: str) -> str:
    """The form a display name is indexed under: case-folded, letters and digits only."""
    return re.sub(r"[^0-9a-z]+", " ", display.casefold()).strip()


# National unions and federations a local or council belongs to, found in its name (first match
# wins: Workers United before SEIU, its affiliate). Data: add a row for another national union.
AFFILIATIONS: tuple[tuple[str, str], ...] = (
    ("Workers United", r"(?<!utility )workers united"),  # not the Utility Workers Union (UWUA)
    ("Amazon Labor Union", r"amazon labor union"),
    ("Teamsters", r"teamsters?\b|\bibt\b"),
    ("SEIU", r"\bseiu|service employees international|\b1199|\b32bj\b"),
    ("UFCW", r"united food (?:and|&) commercial|\bufcw\b"),
    ("RWDSU", r"retail,? wholesale|\brwdsu\b"),
    ("IBEW", r"brotherhood of electrical workers|\bibew\b"),
    ("UAW", r"united automobile|\buaw\b"),
    ("USW", r"united steel|steelworkers|\busw\b"),
    ("IAM", r"machinists|\biam\b|\biamaw\b"),
    ("CWA", r"communications workers|\bcwa\b"),
    ("AFSCME", r"afscme|state,? county,? (?:and|&) municipal"),
    ("IUOE", r"operating engineers|\biuoe\b"),
    ("SPFPA", r"security,? police,? (?:and|&) fire|\bspfpa\b"),
    ("UNITE HERE", r"unite here"),
    ("AFT", r"american federation of teachers|\baft\b"),
    ("NNU", r"national nurses|\bnnu\b"),
    ("Carpenters", r"carpenters"),
    ("LIUNA", r"laborers'? international|\bliuna\b"),
    ("IUPAT", r"painters|\biupat\b"),
    ("UA (plumbers and pipefitters)", r"plumbing|pipe ?fitt|\bplumbers\b"),
    ("OPEIU", r"office (?:and|&) professional employees|\bopeiu\b"),
    ("ATU", r"amalgamated transit|\batu\b"),
    ("TWU", r"transport workers|\btwu\b"),
    ("IATSE", r"theatrical stage|\biatse\b"),
    ("UGSOA", r"government security officers|\bugsoa\b"),
    ("Boilermakers", r"boilermakers"),
    ("Ironworkers", r"iron ?workers"),
    ("SMART", r"sheet metal|\bsmart\b"),
    ("BCTGM", r"bakery,? confectionery|\bbctgm\b"),
)
_AFFILIATION_PATTERNS = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in AFFILIATIONS)


@lru_cache(maxsize=65536)
def affiliation(name: str) -> str | None:
    """The national union a union's name shows it belongs to ("Teamsters Local 705" -> Teamsters)."""
    return next((label for label, pattern in _AFFILIATION_PATTERNS if pattern.search(name)), None)
