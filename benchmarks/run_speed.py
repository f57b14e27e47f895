"""Speed benchmark, run on demand (`make bench`): the whole pipeline against bare spaCy.

Reports words per second of both, measured in the same run on the same texts,
their ratio, peak memory, and where the time goes (seconds per stage and per
part of the writer). Two corpora, each measured on its own: the PolNeAR dev
texts in ../shared (84 real articles, once), and the team's own corpus (the
bundled example plus the seeds in ../shared when present, repeated so the run
lasts long enough to measure). A corpus that is absent is skipped with a line
saying so. Never run as a timed test.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsgraph.benchmark.speed import speed
from newsgraph.cli.main import example_corpus
from newsgraph.settings import load_settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV_TEXTS = SHARED / "data" / "polnear" / "dev" / "text"
SEEDS = SHARED / "seeds"


def corpora(repeat: int) -> list[tuple[str, list[Path], int]]:
    """(name, paths, passes) of each corpus present; a line on stdout for each one absent."""
    out = []
    if DEV_TEXTS.is_dir():
        out.append(("PolNeAR dev texts", [DEV_TEXTS], 1))
    else:
        print(f"skipped: PolNeAR dev texts ({DEV_TEXTS} is absent)")
    own = [example_corpus()] + ([SEEDS] if SEEDS.is_dir() else [])
    if not SEEDS.is_dir():
        print(f"note: seeds ({SEEDS}) absent; own corpus is the bundled example alone")
    out.append(("own corpus (example" + (" + seeds" if SEEDS.is_dir() else "") + ")", own, repeat))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the own corpus (default 20)")
    parser.add_argument("--workers", type=int, default=0, help="processes (default: one per core)")
    args = parser.parse_args()
    settings = load_settings(flags={"workers": args.workers})
    for name, paths, passes in corpora(args.repeat):
        figures = speed(paths, settings, repeat=passes)
        print(f"== {name}, {passes} pass{'es' if passes > 1 else ''}")
        print(json.dumps(figures, indent=2))
        print(f"pipeline runs at {figures['ratio']:.2f} x bare spaCy's speed (target >= 0.8)")


if __name__ == "__main__":
    main()
