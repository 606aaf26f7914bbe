"""Synthetic NLRB-like fact stores for benchmarks: realistic names, valid tallies.

Usage: python bench/generate.py SIZE OUT_DIR [--format toml|jsonl] [--seed N]
Writes sources, elections, organisations, people and quotes in proportion to SIZE
(elections). Every store satisfies the loader's invariants; the same seed gives the same store.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EMPLOYERS = [
    "Amazon", "Starbucks", "Apple", "Trader Joe's", "REI", "Chipotle", "Tesla", "Walmart", "Costco", "Kroger",
    "Home Depot", "Target", "FedEx", "UPS", "Dollar General", "Volkswagen", "Mercedes-Benz", "Google", "Microsoft",
    "Activision Blizzard", "Alphabet", "Barnes & Noble", "Whole Foods", "Medieval Times", "Ben & Jerry's",
    "Kaiser Permanente", "HCA Healthcare", "Providence", "Mount Sinai", "New York University", "Columbia University",
    "Harvard University", "MIT", "Stanford Health Care", "John Deere", "Caterpillar", "General Motors", "Ford",
    "Stellantis", "Boeing", "Lockheed Martin", "Pratt & Whitney", "Sysco", "US Foods", "PepsiCo", "Coca-Cola",
    "Anheuser-Busch", "Tyson Foods", "JBS", "Smithfield",
]  # fmt: skip
CITIES = [
    ("Buffalo", "NY"), ("Albany", "NY"), ("Rochester", "NY"), ("Syracuse", "NY"), ("Yonkers", "NY"), ("Newark", "NJ"),
    ("Jersey City", "NJ"), ("Philadelphia", "PA"), ("Pittsburgh", "PA"), ("Boston", "MA"), ("Worcester", "MA"),
    ("Hartford", "CT"), ("Providence", "RI"), ("Baltimore", "MD"), ("Richmond", "VA"), ("Raleigh", "NC"),
    ("Charlotte", "NC"), ("Atlanta", "GA"), ("Savannah", "GA"), ("Miami", "FL"), ("Orlando", "FL"), ("Tampa", "FL"),
    ("Birmingham", "AL"), ("Bessemer", "AL"), ("Memphis", "TN"), ("Nashville", "TN"), ("Chattanooga", "TN"),
    ("Louisville", "KY"), ("Columbus", "OH"), ("Cleveland", "OH"), ("Cincinnati", "OH"), ("Detroit", "MI"),
    ("Lansing", "MI"), ("Chicago", "IL"), ("Joliet", "IL"), ("Indianapolis", "IN"), ("Milwaukee", "WI"),
    ("Madison", "WI"), ("Minneapolis", "MN"), ("St. Paul", "MN"), ("Des Moines", "IA"), ("Kansas City", "MO"),
    ("St. Louis", "MO"), ("Omaha", "NE"), ("Denver", "CO"), ("Phoenix", "AZ"), ("Tucson", "AZ"), ("Las Vegas", "NV"),
    ("Salt Lake City", "UT"), ("Albuquerque", "NM"), ("Dallas", "TX"), ("Houston", "TX"), ("Austin", "TX"),
    ("San Antonio", "TX"), ("Oklahoma City", "OK"), ("New Orleans", "LA"), ("Seattle", "WA"), ("Tacoma", "WA"),
    ("Spokane", "WA"), ("Portland", "OR"), ("Eugene", "OR"), ("Sacramento", "CA"), ("Oakland", "CA"),
    ("San Jose", "CA"), ("Fresno", "CA"), ("Los Angeles", "CA"), ("San Diego", "CA"), ("Moreno Valley", "CA"),
    ("Riverside", "CA"), ("Anchorage", "AK"), ("Honolulu", "HI"), ("Boise", "ID"), ("Billings", "MT"),
]  # fmt: skip
UNIONS = [
    ("Workers United", "WU"), ("Teamsters", "IBT"), ("United Auto Workers", "UAW"),
    ("Service Employees International Union", "SEIU"), ("United Food and Commercial Workers", "UFCW"),
    ("Communications Workers of America", "CWA"), ("Amazon Labor Union", "ALU"),
    ("Retail, Wholesale and Department Store Union", "RWDSU"), ("International Association of Machinists", "IAM"),
    ("United Steelworkers", "USW"), ("American Federation of Teachers", "AFT"), ("National Nurses United", "NNU"),
]  # fmt: skip
KINDS = [
    "fulfillment center",
    "sortation center",
    "delivery station",
    "store",
    "warehouse",
    "plant",
    "hospital",
    "campus",
]
FIRST = [
    "Maria",
    "James",
    "Aisha",
    "Chen",
    "Luis",
    "Fatima",
    "Dmitri",
    "Grace",
    "Kwame",
    "Priya",
    "Sofia",
    "Noah",
    "Mei",
    "Omar",
    "Hana",
    "Diego",
]
LAST = [
    "Garcia",
    "Okafor",
    "Nguyen",
    "Kowalski",
    "Haddad",
    "Silva",
    "Johansson",
    "Patel",
    "Reyes",
    "Kim",
    "Moreau",
    "Abebe",
    "Rossi",
    "Tanaka",
    "Novak",
    "Mensah",
]
ROLES = [
    "organizer",
    "union president",
    "spokesperson",
    "shop steward",
    "warehouse worker",
    "barista",
    "nurse",
    "professor of labor studies",
]
WORDS = [
    "we",
    "will",
    "keep",
    "organizing",
    "until",
    "every",
    "worker",
    "has",
    "a",
    "voice",
    "on",
    "the",
    "job",
    "and",
    "a",
    "fair",
    "contract",
    "this",
    "vote",
    "shows",
    "the",
    "company",
    "cannot",
    "stop",
    "workers",
    "who",
    "stand",
    "together",
    "for",
    "safety",
    "dignity",
    "and",
    "respect",
    "our",
    "team",
    "looks",
    "forward",
    "to",
    "continuing",
    "to",
    "work",
    "directly",
    "with",
    "employees",
    "on",
    "pay",
    "benefits",
    "and",
    "schedules",
]


def _code(rng: random.Random, used: set[str]) -> str:
    while True:
        code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTVWXYZ") for _ in range(3)) + str(rng.randint(1, 99))
        if code not in used:
            used.add(code)
            return code


def elections(size: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    used: set[str] = set()
    for n in range(size):
        employer = rng.choice(EMPLOYERS)
        city, state = rng.choice(CITIES)
        union, abbr = rng.choice(UNIONS)
        year = rng.randint(2015, 2025)
        record: dict[str, Any] = {
            "id": f"e{n:06d}", "code": _code(rng, used), "employer": employer, "facility_kind": rng.choice(KINDS),
            "city": city, "state": state, "union": union, "union_abbr": abbr, "sources": ["nlrb"],
        }  # fmt: skip
        if rng.random() < 0.05:
            record.update(status="petition_filed", outcome="pending")
            yield record
            continue
        eligible = rng.randint(8, 6000)
        cast = rng.randint(eligible // 3, eligible)
        void = rng.randint(0, max(1, cast // 100))
        challenged = rng.randint(0, max(1, cast // 50))
        counted = max(0, cast - void - challenged)
        yes = rng.randint(0, counted)
        no = counted - yes
        determinative = challenged >= abs(yes - no)
        record.update(
            case_number=f"{rng.randint(1, 34):02d}-RC-{rng.randint(100000, 999999)}",
            tally_date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            tally_type=rng.choice(["preliminary", "final"]),
            status="tallied", votes_for=yes, votes_against=no, total_ballots_counted=counted,
            void_ballots=void, challenged_ballots=challenged, challenges_determinative=determinative,
            eligible_voters=eligible,
            outcome="undecided" if determinative else ("won" if yes > no else "lost"),
        )  # fmt: skip
        yield record


def people(size: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for n in range(max(1, size // 10)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"  # numbered: names stay unique aliases
        yield {"id": f"p{n:06d}", "name": name, "role": {"en": rng.choice(ROLES)}, "sources": ["nlrb"]}


def quotes(size: int, n_people: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    for n in range(max(1, size // 5)):
        words = rng.sample(WORDS, 12)
        yield {
            "id": f"q{n:06d}", "speaker": f"p{rng.randrange(n_people):06d}", "text": " ".join(words).capitalize() + ".",
            "lang": "en", "channel": rng.choice(["statement", "tweet", "interview", "rally"]),
            "elections": [f"e{rng.randrange(size):06d}"], "source": "nlrb",
        }  # fmt: skip


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(value, ensure_ascii=False)


def write(path: Path, table: str, records: Iterator[dict[str, Any]], fmt: str) -> int:
    count = 0
    with path.with_suffix(f".{fmt}").open("w", encoding="utf-8") as out:
        for record in records:
            count += 1
            if fmt == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                out.write(f"[[{table}]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in record.items()) + "\n")
    return count


def generate(size: int, out: Path, *, fmt: str = "jsonl", seed: int = 1) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.*"):
        old.unlink()
    source = {"id": "nlrb", "publisher": "NLRB (synthetic)", "published": "2025-12-31", "language": "en"}
    (out / "sources.toml").write_text(
        "[[source]]\n" + "".join(f"{k} = {_toml_value(v) if k != 'published' else v}\n" for k, v in source.items()),
        encoding="utf-8",
    )
    (out / "organisations.toml").write_text(
        '[[organisation]]\nid = "nlrb-org"\nname = "National Labor Relations Board"\nabbreviation = "NLRB"\nkind = "agency"\nsources = ["nlrb"]\n',
        encoding="utf-8",
    )
    write(out / "elections", "election", elections(size, rng), fmt)
    n_people = write(out / "people", "person", people(size, rng), fmt)
    write(out / "quotes", "quote", quotes(size, n_people, rng), fmt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--format", choices=("toml", "jsonl"), default="jsonl")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.size, args.out, fmt=args.format, seed=args.seed)
    print(f"wrote {args.size} elections to {args.out} ({args.format})")


if __name__ == "__main__":
    main()
