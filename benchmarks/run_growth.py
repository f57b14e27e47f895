"""Flat cost as the store grows, run on demand (`make bench-growth`), never in the test suite.

Acceptance it serves (issue 14): the ingest rate into a store of 100k articles is at least
0.8 x the rate into a store of 1k, every look-up the writer makes is served by an index or a
bounded structure, memory stays bounded; and the writer's own ceiling (articles linked and
stored per second, given parsed results) is stated, since it bounds what a cluster can feed it.

For each size it takes a store built by growth_store.py (bulk SQL, cached under /tmp) and
ingests the same fresh batch of invented articles (synthetic_articles.py, another seed than
the store's templates, so they name the store's people, actors and places) into a copy of it:

- full: `ingest` as the CLI runs it (read, clean, parse, extract, embed, link, store);
- writer: the same batch parsed once beforehand (pickled), fed to the writer alone (the
  ingest loop: appearances, then save_document), timed per writer stage after WARMUP documents.

Each measurement runs in its own process, which reports its peak memory. Bytes per article:
the store file over its documents, and what the batch added over the batch.
"""
from __future__ import annotations

import argparse
import json
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic_articles  # noqa: E402

BATCH_SEED = 14  # the store's templates use seed 0
WARMUP = 10  # documents the writer stores before its clock starts


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) / 1024, 1)


def _store_bytes(db: Path) -> int:
    return sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())


# -- the measurements, each in a process of its own ----------------------------------------------
def child_parse(folder: str, out: str) -> dict:
    """Parse the batch once (the whole chain, vectors included) and pickle the documents."""
    from newsgraph.model import Document
    from newsgraph.pipeline.executor import process
    from newsgraph.read import read_paths
    from newsgraph.settings import load_settings

    settings = load_settings()
    docs = [d for d in read_paths([folder], settings) if isinstance(d, Document)]
    parsed = list(process(docs, settings))
    Path(out).write_bytes(pickle.dumps(parsed))
    return {"documents": len(parsed), "words": sum(len(d.text.split()) for d in parsed)}


def child_writer(db: str, parsed: str) -> dict:
    """The writer alone over pre-parsed documents: seconds in all and per stage."""
    from newsgraph.cluster.backfill import cluster_stored
    from newsgraph.dedupe.copies import ENCODERS, index_stored
    import importlib

    from newsgraph.pipeline.appearances import Appearances
    from newsgraph.settings import load_settings
    from newsgraph.store.sqlite import Store

    ingest_module = importlib.import_module("newsgraph.pipeline.ingest")  # the package exports a function of that name
    settings = load_settings()
    ENCODERS.get(settings.embedding_model)  # loaded before any clock starts
    docs = pickle.loads(Path(parsed).read_bytes())
    stages: dict[str, float] = {}

    def timed(name, fn):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
        return run

    for name in ("store_vectors", "link_copies", "link_document", "link_events", "assign_story",
                 "link_statements", "refresh_sources"):
        setattr(ingest_module, name, timed(name, getattr(ingest_module, name)))
    for name in ("insert_document", "insert_quote", "insert_times", "log"):
        setattr(Store, name, timed(name, getattr(Store, name)))
    with Store(db) as store:
        t0 = time.perf_counter()
        index_stored(store, model=settings.embedding_model)
        cluster_stored(store, ENCODERS.get(settings.embedding_model))
        seen = Appearances(store)
        t1 = time.perf_counter()
        startup, admitted = t1 - t0, 0
        for i, doc in enumerate(docs):
            if i == WARMUP:  # the first documents load what the writer loads once (actor tables ...): untimed
                stages.clear()
                t1, admitted = time.perf_counter(), 0
            if seen.admit(doc):
                ingest_module.save_document(store, doc, settings)
                seen.stored(doc)
                admitted += 1
        t2 = time.perf_counter()
    return {"documents": admitted, "startup_s": round(startup, 3), "seconds": round(t2 - t1, 3),
            "stages_ms_per_doc": {k: round(1000 * v / max(admitted, 1), 2) for k, v in stages.items()},
            "peak_mb": _peak_mb()}


def child_ingest(db: str, folder: str) -> dict:
    """The whole ingest, as `newsgraph ingest` runs it."""
    from newsgraph import api

    before = _store_bytes(Path(db))
    t0 = time.perf_counter()
    report = api.ingest([folder], db=db)
    seconds = time.perf_counter() - t0
    return {"added": report.added, "seconds": round(seconds, 2), "bytes_before": before,
            "bytes_after": _store_bytes(Path(db)), "peak_mb": _peak_mb()}


def _copy(built: Path, db: Path) -> None:
    """A copy of a built store to write into, brought to the current schema (untimed)."""
    from newsgraph.store.sqlite import Store

    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(built, db)
    with Store(db) as store:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the run ------------------------------------------------------------------------------------
def measure(sizes: list[int], count: int, full: bool, tmp: Path) -> dict:
    import growth_store

    batch = tmp / "batch"
    parsed = tmp / "parsed.pkl"
    if not parsed.exists():  # a --work folder of an earlier run keeps its batch and its parse
        synthetic_articles.write_articles(batch, count, BATCH_SEED)
        _child("parse", str(batch), str(parsed))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in batch.iterdir())
    rows = []
    for n in sizes:
        t = time.perf_counter()
        built = growth_store.cached(n)
        print(f"store of {n}: {built} ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
        db = tmp / "store.db"
        _copy(built, db)
        row = {"stored": n, "store_mb": round(_store_bytes(db) / 2 ** 20, 1),
               "bytes_per_article": round(_store_bytes(db) / n)}
        writer = _child("writer", str(db), str(parsed))
        row["writer"] = {**writer, "articles_s": round(writer["documents"] / writer["seconds"], 2)}
        if full:
            _copy(built, db)
            ing = _child("ingest", str(db), str(batch))
            row["ingest"] = {**ing, "articles_s": round(ing["added"] / ing["seconds"], 3),
                             "words_s": round(words / ing["seconds"]),
                             "added_bytes_per_article": round((ing["bytes_after"] - ing["bytes_before"])
                                                              / max(ing["added"], 1))}
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    return {"batch": {"articles": count, "words": words}, "sizes": rows}


def table(result: dict) -> str:
    lines = [f"{'stored':>8} {'MB':>7} {'B/article':>9} | {'ingest art/s':>12} {'words/s':>8} {'+B/article':>10} "
             f"{'peak MB':>7} | {'writer art/s':>12} {'peak MB':>7} {'startup s':>9}"]
    for r in result["sizes"]:
        i, w = r.get("ingest"), r["writer"]
        full = (f"{i['articles_s']:>12.2f} {i['words_s']:>8} {i['added_bytes_per_article']:>10} {i['peak_mb']:>7}"
                if i else f"{'-':>12} {'-':>8} {'-':>10} {'-':>7}")
        lines.append(f"{r['stored']:>8} {r['store_mb']:>7} {r['bytes_per_article']:>9} | {full} | "
                     f"{w['articles_s']:>12.1f} {w['peak_mb']:>7} {w['startup_s']:>9}")
    stages = sorted({k for r in result["sizes"] for k in r["writer"]["stages_ms_per_doc"]})
    lines.append("writer ms per article by stage: " + " ".join(f"{s:>15}" for s in ["stored"] + stages))
    for r in result["sizes"]:
        per = r["writer"]["stages_ms_per_doc"]
        lines.append(" " * 32 + " ".join(f"{x:>15}" for x in [r["stored"]] + [per.get(s, 0) for s in stages]))
    first, last = result["sizes"][0], result["sizes"][-1]
    for kind in ("ingest", "writer"):
        if kind in first and kind in last:
            ratio = last[kind]["articles_s"] / first[kind]["articles_s"]
            lines.append(f"{kind} rate at {last['stored']} / at {first['stored']}: {ratio:.2f} (target >= 0.8)")
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *args = sys.argv[2:]
        print(json.dumps({"parse": child_parse, "writer": child_writer, "ingest": child_ingest}[kind](*args)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="stored articles (default 1000,10000,100000)")
    parser.add_argument("--articles", type=int, default=150, help="articles in the fresh batch (default 150)")
    parser.add_argument("--writer-only", action="store_true", help="skip the full ingest (parse included)")
    parser.add_argument("--work", help="keep the batch and its parse in this folder, reused by later runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    tmp = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="newsgraph-growth-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        result = measure([int(s) for s in args.sizes.split(",")], args.articles, not args.writer_only, tmp)
    finally:
        if not args.work:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(result, indent=2) if args.json else table(result))
    first, last = result["sizes"][0], result["sizes"][-1]
    kind = "ingest" if "ingest" in first else "writer"
    return 0 if last[kind]["articles_s"] >= 0.8 * first[kind]["articles_s"] else 1


if __name__ == "__main__":
    sys.exit(main())
