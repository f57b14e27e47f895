"""Train the attributed-content model (src/newsgraph/extract/contents.py) on PolNeAR's train split.

    .venv/bin/pip install scikit-learn          # training only; the package scores with plain Python
    .venv/bin/python scripts/train_contents.py  # ../shared/data/polnear beside the repository

Steps (deterministic: the solver is, and the data order is the files' name order):
1. parse every train article as the pipeline does (clean, language, annotate) and run the rules;
2. make the candidates of contents.py, each labelled by whether it matches a content of the
   reference annotator (each covers at least half of the other's characters);
3. fit a logistic regression (L2, C) on the feature strings seen at least MIN_COUNT times;
4. choose the threshold on train alone: FOLDS-fold out-of-fold scores, added to the rules' quotations
   as the product adds them, the lowest threshold whose precision reaches --precision;
5. refit on all of train and write the weight table and its card; with --dev, report the dev figures.
The dev split is only measured, never used to choose anything.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsgraph.benchmark.attribution import Prediction, Scores, predictions_of, read_gold  # noqa: E402
from newsgraph.extract import contents, extract_quotes  # noqa: E402
from newsgraph.extract.marks import find_regions  # noqa: E402
from newsgraph.model import Document  # noqa: E402
from newsgraph.pipeline.registry import build, run_chain  # noqa: E402
from newsgraph.read import read_paths  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402

MIN_COUNT = 2
FOLDS = 5
THRESHOLDS = [round(0.3 + 0.025 * k, 3) for k in range(25)]


def parsed(split: Path):
    """(document with its parse, reference gold, every annotator's content characters) per article."""
    gold = read_gold(split / "text", split / "attributions")
    conf = Settings(pipeline=("clean", "language", "annotate"), workers=1)
    docs = [d for d in read_paths([split / "text" / f"{n}.txt" for n in gold], conf) if isinstance(d, Document)]
    for doc in run_chain(build(conf), docs):
        if doc.spacy is not None:
            attrs, allowed = gold[Path(doc.source).stem]
            yield doc, attrs, allowed


def matches(s: int, e: int, chars: set[int]) -> bool:
    inter = len(chars & set(range(s, e)))
    return 2 * inter >= len(chars) and 2 * inter >= e - s


def examples(split: Path):
    """Per article: text, gold, allowed characters, the rules' predictions, candidates and labels."""
    out = []
    for doc, attrs, allowed in parsed(split):
        rules = predictions_of(extract_quotes(doc, model=None))
        closed = [(r.start, r.end) for r in find_regions(doc.text) if r.closed and r.end > r.start]
        cands = contents.candidates(doc.spacy, closed)
        gold = [(a.chars, min(a.chars), max(a.chars)) for a in attrs if a.chars]
        labels = [int(any(matches(c.start, c.end, g) for g, lo, hi in gold if c.end > lo and c.start <= hi))
                  for c in cands]
        out.append((doc.text, attrs, allowed, rules, cands, labels))
        doc.spacy = None
    return out


def fit(rows, c_value: float, vocabulary: dict[str, int] | None = None):
    """A logistic regression over the rows' feature strings; (model, vocabulary)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    feats = [c.features for _, _, _, _, cands, _ in rows for c in cands]
    labels = [y for *_, ys in rows for y in ys]
    if vocabulary is None:
        counts = Counter(f for fs in feats for f in set(fs))
        vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    indices, indptr = [], [0]
    for fs in feats:
        indices.extend(sorted({vocabulary[f] for f in fs if f in vocabulary}))
        indptr.append(len(indices))
    matrix = csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(feats), len(vocabulary)))
    clf = LogisticRegression(C=c_value, max_iter=3000)
    clf.fit(matrix, labels)
    return clf, vocabulary


def as_model(clf, vocabulary: dict[str, int], threshold: float, name: str) -> contents.ContentModel:
    weights = {f: float(clf.coef_[0][i]) for f, i in vocabulary.items() if abs(clf.coef_[0][i]) >= 1e-3}
    return contents.ContentModel(weights, float(clf.intercept_[0]), threshold, name)


def score(rows, model: contents.ContentModel) -> Scores:
    """The rules' quotations plus the model's contents, as QuoteFinder adds them, scored."""
    scores = Scores()
    for text, attrs, allowed, rules, cands, _ in rows:
        chosen = contents.select(cands, model, [piece for p in rules for piece in p.pieces])
        preds = rules + [Prediction.span(c.start, c.end, "indirect") for _, c in chosen]
        scores.add("", text, attrs, allowed, preds)
    return scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=REPO.parent / "shared" / "data" / "polnear")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "newsgraph" / "data" / f"{contents.DEFAULT_MODEL}.tsv.gz")
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--precision", type=float, default=0.90, help="precision the threshold must reach on train")
    ap.add_argument("--dev", action="store_true", help="also report the dev split's figures")
    args = ap.parse_args()

    print("parsing train ...", file=sys.stderr)
    train = examples(args.polnear / "train")
    parts = [[r for k, r in enumerate(train) if k % FOLDS == h] for h in range(FOLDS)]
    folds = [fit([r for k, r in enumerate(train) if k % FOLDS != h], args.c) for h in range(FOLDS)]
    table = []
    for threshold in THRESHOLDS:
        total = Scores()
        for h in range(FOLDS):
            part = score(parts[h], as_model(*folds[h], threshold, "fold"))
            for key in ("found_all", "gold_all", "right_all", "predicted_all"):
                setattr(total, key, getattr(total, key) + getattr(part, key))
        f = total.figures()
        table.append((threshold, f["all_recall"], f["all_precision"]))
        print(f"threshold {threshold}: recall {f['all_recall']} precision {f['all_precision']}", file=sys.stderr)
    threshold = next((t for t, _, p in table if p >= args.precision), THRESHOLDS[-1])
    clf, vocabulary = fit(train, args.c)
    model = as_model(clf, vocabulary, threshold, contents.DEFAULT_MODEL)
    model.write(args.out)
    figures = {"train": score(train, model).figures()}
    if args.dev:
        print("parsing dev ...", file=sys.stderr)
        figures["dev"] = score(examples(args.polnear / "dev"), model).figures()
    card = args.out.with_suffix("").with_suffix(".md")
    card.write_text(CARD.format(
        date=dt.date.today().isoformat(), n=len(train), folds=FOLDS, features=len(model.weights), c=args.c,
        precision=args.precision, threshold=threshold, size=args.out.stat().st_size // 1024,
        table="\n".join(f"| {t} | {r:.3f} | {p:.3f} |" for t, r, p in table),
        figures="\n".join(f"| {split} | {f['all_recall']:.3f} | {f['all_precision']:.3f} | {f['direct_recall']:.3f} |"
                          for split, f in figures.items())), encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} weights, threshold {threshold}) and {card}", file=sys.stderr)


CARD = """# Model card: attributed contents ({features} weights)

- What: a logistic model scoring candidate contents (extract/contents.py) for the quotation stage.
- Data: PolNeAR v1.0.0 train split ({n} articles; Newell, Margolin and Ruths, LREC 2018), read from
  ../shared/data/polnear at training time; no text of it is in this file, only feature weights.
- Made by: scripts/train_contents.py on {date} (scikit-learn LogisticRegression, L2, C={c}, features
  seen twice or more; deterministic). File: {size} KB.
- Threshold {threshold}: the lowest whose precision, out of fold on train with the rules' quotations
  added as the product adds them, reaches {precision}.

Out-of-fold on train ({folds} folds), rules plus model, every attribution:

| threshold | recall | precision |
| --- | --- | --- |
{table}

Rules plus the final model (the dev split is measured only, never used to choose):

| split | all recall | all precision | direct recall |
| --- | --- | --- | --- |
{figures}
"""

if __name__ == "__main__":
    main()
