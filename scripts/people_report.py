"""People quality on a folder of articles (ingested into a temporary store): counts and examples.

    PYTHONPATH=src python scripts/people_report.py ../shared/data/polnear/train/text [--json] [--examples N]
"""
from __future__ import annotations

import argparse
import json

from newsgraph.benchmark.people import measure


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--json", action="store_true", help="figures only, as JSON")
    ap.add_argument("--examples", type=int, default=8, help="examples shown per problem")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    found = measure(args.folder, workers=args.workers)
    figures = found.figures()
    if args.json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        print(f"{key:>14}: {value}")
    for title, items in (("given-name mixes", found.given_mixes), ("suffix mixes", found.suffix_mixes),
                         ("gender mixes", found.gender_mixes), ("verb or plural-title names", found.bad_names),
                         ("no country", found.without_country)):
        print(f"\n{title} ({len(items)}):")
        for item in items[: args.examples]:
            print("  ", item)


if __name__ == "__main__":
    main()
