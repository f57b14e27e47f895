"""The 200-article corpus both ingest engines are compared on (tests/pipeline/test_ray_engine.py,
benchmarks/run_ray_engine.py): text the team wrote, nothing borrowed.

The bundled example corpus (seven reports of one story, with a spun and a translated copy),
invented articles from synthetic_articles.py (quotations, people, events between countries),
and a few exact copies of them under other names, so exact copies, near copies, stories and
statements are all exercised. ``paragraphs`` cuts each invented article after that many
paragraphs (byline and headline included): the test's cheaper setting, same kinds of output.
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic_articles  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "examples" / "corpus"
EXACT_COPIES = 5


def write_corpus(folder: Path, count: int = 200, paragraphs: int | None = None, seed: int = 0) -> list[Path]:
    """``count`` articles (the example corpus's files count as theirs) written under ``folder``;
    the paths, in the order they are read."""
    examples = folder / "examples"
    shutil.copytree(EXAMPLES, examples)
    count -= 7  # documents in the example corpus (regional-feed.jsonl holds two)
    invented = folder / "invented"
    invented.mkdir(parents=True)
    rng = random.Random(seed)
    texts = []
    for i in range(count - EXACT_COPIES):
        name, text = synthetic_articles._Article(rng, i).write()
        if paragraphs:
            text = "\n\n".join(text.split("\n\n")[:paragraphs]).rstrip("\n") + "\n"
        (invented / name).write_text(text, encoding="utf-8")
        texts.append((name, text))
    for n, (name, text) in enumerate(texts[:: max(1, len(texts) // EXACT_COPIES)][:EXACT_COPIES]):
        (invented / f"zz-copy-{n}-{name}").write_text(text, encoding="utf-8")  # the same text, another source
    return [examples, invented]


def words(paths: list[Path]) -> int:
    """Whitespace-separated words in every file under ``paths`` (the speed figures' unit)."""
    return sum(len(p.read_text(encoding="utf-8").split()) for root in paths for p in sorted(root.rglob("*"))
               if p.is_file())
