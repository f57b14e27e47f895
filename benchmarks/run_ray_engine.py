"""Words per second of the two ingest engines on the same 200 articles, run on demand.

The corpus is engine_corpus.py's (the example corpus, invented articles, five exact copies), full
length unless --paragraphs cuts it. Each engine ingests it into a fresh store with the same
number of CPUs: the local engine's worker processes, then Ray started here (local mode) with
that many CPUs. Ray's start is timed apart from the ingest it serves. Words are those of the
stored documents' text. Never run as a timed test.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine_corpus import write_corpus  # noqa: E402

from newsgraph import api  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402


def stored_words(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return sum(len(text.split()) for (text,) in con.execute("SELECT text FROM documents"))
    finally:
        con.close()


def run(paths: list[Path], db: Path, **settings) -> dict:
    start = time.perf_counter()
    report = api.ingest(paths, db=db, progress=False, **settings)
    seconds = time.perf_counter() - start
    words = stored_words(db)
    return {"documents": report.added, "words": words, "seconds": round(seconds, 1),
            "words_per_second": round(words / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="CPUs for each engine (default 2)")
    parser.add_argument("--paragraphs", type=int, default=0, help="cut invented articles after N paragraphs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_corpus(root / "corpus", 200, paragraphs=args.paragraphs or None)
        figures = {"local": run(paths, root / "local.db", workers=args.workers)}
        print(json.dumps({"local": figures["local"]}), flush=True)  # kept if Ray then fails to start
        import ray

        from newsgraph.pipeline.ray_engine import _start

        start = time.perf_counter()
        _start(ray, Settings(workers=args.workers))
        ray_start = time.perf_counter() - start
        try:
            figures["ray"] = run(paths, root / "ray.db", engine="ray", workers=args.workers)
        finally:
            ray.shutdown()
        figures["ray"]["ray_start_seconds"] = round(ray_start, 1)
    figures["ratio_ray_to_local"] = round(figures["ray"]["words_per_second"] / figures["local"]["words_per_second"], 2)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
