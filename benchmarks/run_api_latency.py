"""API latency benchmark, run on demand (`make bench-api`), never in the test suite.

Acceptance it serves: p95 latency under 100 ms for the list and search endpoints on a
store of 10,000 articles. It builds that store (synthetic_store.py; or reuses --db),
starts the real server in a subprocess on a free port of 127.0.0.1, waits for
/api/health, then sends a bounded number of sequential GET requests to every endpoint,
with parameters that exist in the store (pages, filters, words with and without hits).
/api/health is the baseline measured in the same run: the ratio p95 / baseline p95
says how much of a request is the endpoint's own work and not HTTP, routing and JSON.
Exits 1 when a list or search endpoint has p95 >= the threshold (or answers errors),
naming it. The server is stopped at the end, also on error or Ctrl-C.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api_requests  # noqa: E402
import synthetic_store  # noqa: E402

BASELINE = "/api/health"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(db: Path, port: int) -> list[str]:
    """`newsgraph serve` from this interpreter's environment, else uvicorn on the app factory."""
    cli = Path(sys.executable).with_name("newsgraph")
    if cli.exists() and subprocess.run([str(cli), "serve", "--help"], capture_output=True).returncode == 0:
        return [str(cli), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    code = ("import sys, uvicorn; from newsgraph.serve.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")
    return [sys.executable, "-c", code, str(db), str(port)]


@contextmanager
def running_server(db: Path, log: Path, timeout: float = 60.0):
    """The server's base URL while it runs; it is stopped on leaving, whatever happened."""
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(server_command(db, port), stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
            try:
                if httpx.get(base + BASELINE, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"no answer from {base}{BASELINE} in {timeout:.0f} s:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def measure(client: httpx.Client, path: str, variants: list[dict], requests: int, warmup: int,
            budget: float) -> dict:
    """Sequential GETs cycling through ``variants``; times in ms, errors, the slowest request."""
    times, errors, slowest, by_variant = [], [], (0.0, None), {}
    spent = 0.0
    for i in range(warmup + requests):
        variant = dict(variants[i % len(variants)])
        url = path.format(**{k: variant.pop(k) for k in list(variant) if "{" + k + "}" in path})
        t0 = time.perf_counter()
        response = client.get(url, params=variant)
        elapsed = (time.perf_counter() - t0) * 1000
        if i < warmup:
            continue
        times.append(elapsed)
        by_variant.setdefault(json.dumps({"url": url, **variant}), []).append(elapsed)
        spent += elapsed / 1000
        if response.status_code != 200:
            errors.append(f"{response.status_code} {url} {variant}: {response.text[:200]}")
        if elapsed > slowest[0]:
            slowest = (elapsed, {"url": url, **variant})
        if spent > budget:
            break
    return {"requests": len(times), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "max_ms": max(times), "errors": errors, "slowest": slowest[1],
            "slowest_variants": [{"median_ms": round(percentile(t, 50), 1), **json.loads(v)} for v, t in
                                 sorted(by_variant.items(), key=lambda vt: -percentile(vt[1], 50))[:5]]}


def run(db: Path, requests: int, warmup: int, budget: float, seed: int, log: Path) -> tuple[dict, list[str]]:
    rng = random.Random(seed)
    plan = api_requests.plans(api_requests.pools(db, rng), rng)
    results = {}
    with running_server(db, log) as base, httpx.Client(base_url=base, timeout=60) as client:
        openapi = client.get("/openapi.json").json()
        checked, notes = api_requests.checked(plan, openapi)
        results[BASELINE] = {**measure(client, BASELINE, [{}], requests, warmup, budget), "gated": False}
        for path, (variants, gated) in checked.items():
            results[path] = {**measure(client, path, variants, requests, warmup, budget), "gated": gated}
    base_p95 = results[BASELINE]["p95_ms"]
    for r in results.values():
        r["ratio"] = r["p95_ms"] / base_p95 if base_p95 else None
    return results, notes


def table(results: dict, threshold: float) -> str:
    lines = [f"{'endpoint':<30} {'gate':>4} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95/base':>9}"]
    for path, r in results.items():
        flag = "" if not r["gated"] else ("  SLOW" if r["p95_ms"] >= threshold else "")
        flag += f"  {len(r['errors'])} errors" if r["errors"] else ""
        lines.append(f"{path:<30} {'yes' if r['gated'] else '-':>4} {r['requests']:>4} {r['p50_ms']:>8.1f} "
                     f"{r['p95_ms']:>8.1f} {r['max_ms']:>8.1f} {r['ratio']:>9.1f}{flag}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="use this store (built there first if missing) instead of a fresh one")
    parser.add_argument("--articles", type=int, default=10000, help="documents in a built store (default 10000)")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per endpoint (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="unmeasured requests first (default 10)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds at most per endpoint (default 60)")
    parser.add_argument("--threshold", type=float, default=100.0, help="p95 ms a list/search endpoint must stay under")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the server is stopped on kill too

    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-api-"))
    try:
        db = Path(args.db) if args.db else tmp / "store.db"
        store = {"path": str(db), "reused": db.exists()}
        if not db.exists():
            print(f"building a store of {args.articles} articles at {db} ...", file=sys.stderr)
            store.update(synthetic_store.build(db, args.articles, args.seed))
        results, notes = run(db, args.requests, args.warmup, args.budget, args.seed, tmp / "server.log")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    slow = [p for p, r in results.items() if r["gated"] and r["p95_ms"] >= args.threshold]
    failing = [p for p, r in results.items() if r["errors"]]
    if args.json:
        print(json.dumps({"store": store, "baseline": BASELINE, "threshold_ms": args.threshold, "notes": notes,
                          "endpoints": results, "slow": slow, "errors": failing,
                          "ok": not slow and not failing}, indent=2))
    else:
        if "seconds" in store:
            print(f"store: {store['documents']} documents, {store['quotes']} quotations, {store['events']} events, "
                  f"{store['people']} people, built in {store['seconds']:.0f} s "
                  f"(template through the pipeline {store['template_seconds']:.0f} s)")
        for note in notes:
            print("note:", note)
        print(table(results, args.threshold))
        for path in slow:
            print(f"SLOW: {path} p95 {results[path]['p95_ms']:.1f} ms >= {args.threshold:.0f} ms; "
                  f"slowest request {results[path]['slowest']}")
    for path in failing:
        print(f"ERRORS: {path}: {len(results[path]['errors'])}, first: {results[path]['errors'][0]}",
              file=sys.stderr)
    return 1 if slow or failing else 0


if __name__ == "__main__":
    sys.exit(main())
