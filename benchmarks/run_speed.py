"""Speed benchmark, run on demand (`make bench`): the whole pipeline against bare spaCy.

Reports words per second of both, measured in the same run on the same texts,
their ratio, and peak memory. The corpus is the bundled example plus the
seeds in ../shared when present, repeated so the run lasts long enough to
measure. Never run as a timed test.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsgraph.benchmark.speed import speed
from newsgraph.cli.main import example_corpus
from newsgraph.settings import load_settings

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus (default 20)")
    parser.add_argument("--workers", type=int, default=0, help="processes (default: one per core)")
    args = parser.parse_args()
    paths = [example_corpus()] + ([SEEDS] if SEEDS.is_dir() else [])
    figures = speed(paths, load_settings(flags={"workers": args.workers}), repeat=args.repeat)
    print(json.dumps(figures, indent=2))
    print(f"pipeline runs at {figures['ratio']:.2f} x bare spaCy's speed (target >= 0.8)")


if __name__ == "__main__":
    main()
