"""Train the source (speaker) ranker of extract/sources.py on the PolNeAR train split.

Data: PolNeAR v1.0.0 (Newell, Margolin and Ruths, LREC 2018), the train split as laid out in
../shared/data/polnear/train (text/NAME.txt, attributions/NAME_ANNOTATOR.ann; its README gives
the rules: the text is never copied into the repository, what is learned from it may ship).
Each article goes through the pipeline's clean + language + annotate stages (the same parse
the quotation stage sees). For every attribution of the reference annotator, the candidates
around its content (DocSources.window) are labelled: the one holding the syntactic head of the
annotated Source span is positive, the others negative; attributions without a source give
negatives only, which is what teaches the ranker to answer None. Each attribution is seen
twice, with its annotated cue and without a cue, since callers may not know the cue.

A logistic regression (scikit-learn, L2, seed fixed) is fitted on binary features; C and the
decision threshold are chosen by 5-fold cross-validation over articles of the train split
(the dev split is only scored, never tuned on). Writes:
  src/newsgraph/data/sources.tsv           feature<TAB>weight lines and @threshold
  src/newsgraph/data/MODEL_CARD_sources.md data, date, features and figures

Usage (from the repository root; --parsed reuses a cache of parses, see load_split):
  PYTHONPATH=src .venv/bin/python scripts/train_sources.py [--polnear ../shared/data/polnear]
"""
from __future__ import annotations

import argparse
import datetime
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.benchmark.attribution import read_ann  # noqa: E402
from newsgraph.extract.sources import DocSources  # noqa: E402

SEED = 13
MIN_COUNT = 3  # a feature seen in fewer training rows gets no weight
OUT = ROOT / "src" / "newsgraph" / "data"


def load_split(polnear: Path, split: str, parsed: Path | None = None):
    """[(Document with .spacy, reference attributions)] for one split: parsed by the pipeline's
    clean + language + annotate stages, or read from ``parsed`` ({split}.spacy DocBin and
    {split}_docs.pkl Documents, in the order of the sorted text files)."""
    text_dir, ann_dir = polnear / split / "text", polnear / split / "attributions"
    if parsed is not None:
        import spacy
        from spacy.tokens import DocBin

        from newsgraph.settings import Settings

        nlp = spacy.load(Settings().model)
        docs = pickle.load(open(parsed / f"{split}_docs.pkl", "rb"))
        sdocs = list(DocBin().from_disk(parsed / f"{split}.spacy").get_docs(nlp.vocab))
        for d, s in zip(docs, sdocs):
            d.spacy = s
    else:
        from newsgraph.model import Document
        from newsgraph.pipeline import registry
        from newsgraph.read import read_paths
        from newsgraph.settings import Settings

        conf = Settings(workers=1, pipeline=("clean", "language", "annotate"))
        paths = sorted(text_dir.glob("*.txt"))
        docs = [d for d in registry.run_chain(registry.build(conf),
                                              [d for d in read_paths(paths, conf) if isinstance(d, Document)])
                if d.spacy is not None]
    out = []
    for d in docs:
        files = sorted(ann_dir.glob(f"{Path(d.source).stem}_*.ann"))
        out.append((d, read_ann(files[0]) if files else []))
    return out


def gold_head(sdoc, spans) -> int | None:
    """The syntactic head of an annotated source span: its token whose head lies outside it."""
    toks = [t for t in sdoc if any(a <= t.idx < b for a, b in spans)]
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t.i
    return toks[0].i if toks else None


def examples(data):
    """One group per attribution view: (doc index, has source, [features of "no source", then of
    each candidate], index of the right row: the source's candidate, else 0, "no source")."""
    groups = []
    for di, (d, gold) in enumerate(data):
        ds = DocSources(d.spacy, d.text)
        for a in gold:
            head = gold_head(d.spacy, a.source_spans) if a.source_spans else None
            cue = (a.cue_spans[0][0], a.cue_spans[-1][1]) if a.cue_spans else None
            # The whole content with its cue and without; each piece of a discontinuous content
            # alone, as the quotation stage sees them ("“A,” X said. “B.”" is two quotations).
            views = [((a.content[0][0], a.content[-1][1]), cue)] if cue else []
            views.append(((a.content[0][0], a.content[-1][1]), None))
            if len(a.content) > 1:
                views += [(piece, None) for piece in a.content]
            for (start, end), cue in views:
                cands = ds.window(start, end, a.content)
                rows = [ds.none_features(cands, start, end, cue)] + ds.features(cands, start, end, cue)
                groups.append((di, bool(a.source_spans), rows, _right(d.spacy, cands, head, a.source_spans), cue))
    return groups


def _right(sdoc, cands, head, spans) -> int:
    """The row of the annotated source among a view's rows (0, "no source", when absent): the
    candidate holding the source's head, else the one overlapping the source span most."""
    if head is None:
        return 0
    for k, c in enumerate(cands):
        if c.start <= head < c.end:
            return k + 1
    over = [sum(1 for i in range(c.start, c.end) if any(x <= sdoc[i].idx < y for x, y in spans)) for c in cands]
    return over.index(max(over)) + 1 if over and max(over) > 0 else 0


def vectorise(groups, vocab=None):
    """Sparse rows of every group, the row offset of each group and its right row."""
    from scipy.sparse import csr_matrix

    if vocab is None:
        counts = Counter(f for g in groups for feats in g[2] for f in feats)
        vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    indptr, cols, offsets, right = [0], [], [], []
    for g in groups:
        offsets.append(len(indptr) - 1)
        right.append(offsets[-1] + g[3])
        for feats in g[2]:
            cols.extend(sorted({vocab[f] for f in feats if f in vocab}))
            indptr.append(len(cols))
    X = csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(indptr) - 1, len(vocab)))
    return X, np.array(offsets), np.array(right), vocab


def fit(X, offsets, right, l2, w0=None):
    """Conditional logit: softmax over each group's rows, L2 penalty, L-BFGS."""
    from scipy.optimize import minimize

    n = X.shape[0]
    gidx = np.repeat(np.arange(len(offsets)), np.diff(np.append(offsets, n)))
    target = np.zeros(n)
    target[right] = 1.0
    XT = X.T.tocsr()

    def loss(w):
        s = X @ w
        m = np.maximum.reduceat(s, offsets)
        e = np.exp(s - m[gidx])
        z = np.add.reduceat(e, offsets)
        p = e / z[gidx]
        nll = -np.sum(s[right] - m - np.log(z))
        return nll + 0.5 * l2 * w @ w, XT @ (p - target) + l2 * w

    res = minimize(loss, np.zeros(X.shape[1]) if w0 is None else w0, jac=True, method="L-BFGS-B",
                   options={"maxiter": 500})
    return res.x


def choose(X, offsets, w, threshold):
    """Per group: the chosen row (0 = no source) under the model's decision rule."""
    n = X.shape[0]
    s = X @ w
    out = []
    bounds = list(offsets) + [n]
    for k in range(len(offsets)):
        a, b = bounds[k], bounds[k + 1]
        if b - a == 1:
            out.append(0)
            continue
        g = s[a:b]
        j = 1 + int(np.argmax(g[1:]))
        e = np.exp(g - g.max())
        out.append(j if g[j] > g[0] and e[j] / e.sum() >= threshold else 0)
    return out


def decide(groups, picks):
    out = Counter()
    for g, j in zip(groups, picks):
        has, right = g[1], g[3]
        if not has:
            out["right" if j == 0 else "spurious"] += 1
        elif right == 0:
            out["miss"] += 1
        elif j == right:
            out["right"] += 1
        else:
            out["none" if j == 0 else "wrong"] += 1
    return out


def folds_of(groups, folds=5):
    rng = np.random.default_rng(SEED)
    doc_ids = sorted({g[0] for g in groups})
    fold_of = dict(zip(doc_ids, rng.permutation(len(doc_ids)) % folds))
    return np.array([fold_of[g[0]] for g in groups])


def subset(X, offsets, right, mask):
    """The groups selected by ``mask`` as a matrix of their own."""
    n = X.shape[0]
    bounds = np.append(offsets, n)
    rows = np.concatenate([np.arange(bounds[k], bounds[k + 1]) for k in np.flatnonzero(mask)])
    new_off = np.concatenate([[0], np.cumsum(np.diff(bounds)[mask])[:-1]])
    new_right = new_off + (right[mask] - offsets[mask])
    return X[rows], new_off, new_right


def cross_validate(groups, X, offsets, right, l2, thresholds, folds=5):
    fold = folds_of(groups, folds)
    picks = {t: [None] * len(groups) for t in thresholds}
    for f in range(folds):
        w = fit(*subset(X, offsets, right, fold != f), l2)
        Xt, ot, _ = subset(X, offsets, right, fold == f)
        idx = np.flatnonzero(fold == f)
        for t in thresholds:
            for k, j in zip(idx, choose(Xt, ot, w, t)):
                picks[t][k] = j
    return picks


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--parsed", type=Path, default=None, help="a cache of parses ({split}.spacy, {split}_docs.pkl)")
    ap.add_argument("--l2", type=float, nargs="*", default=[1.0, 3.0, 10.0])
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: no search, first --l2)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    train = load_split(args.polnear, "train", args.parsed)
    groups = examples(train)
    X, offsets, right, vocab = vectorise(groups)
    print(f"train: {len(train)} articles, {len(groups)} attribution views, {X.shape[0]} rows, "
          f"{len(vocab)} features", file=sys.stderr)
    thresholds = (0.0, 0.2, 0.3, 0.4, 0.5)
    best = None if args.folds else (float("nan"), args.l2[0], 0.0, Counter())
    for l2 in args.l2 if args.folds else ():
        picks = cross_validate(groups, X, offsets, right, l2, thresholds, args.folds)
        for t in thresholds:
            d = decide(groups, picks[t])
            acc = d["right"] / len(groups)
            print(f"l2={l2} threshold={t}: accuracy {acc:.4f} {dict(d)}", file=sys.stderr)
            if best is None or acc > best[0] + 1e-4:  # ties go to the smaller l2 and threshold
                best = (acc, l2, t, d)
    acc, l2, thr, d = best
    print(f"chosen l2={l2} threshold={thr} (cross-validated accuracy {acc:.4f})", file=sys.stderr)
    w = fit(X, offsets, right, l2)
    names = sorted(vocab, key=vocab.get)
    weights = {n: float(x) for n, x in zip(names, w) if abs(x) >= 1e-3}

    dev = load_split(args.polnear, "dev", args.parsed)
    dgroups = examples(dev)
    Xd, od, _, _ = vectorise(dgroups, vocab)
    dd = decide(dgroups, choose(Xd, od, w, thr))
    print(f"dev: accuracy {dd['right'] / len(dgroups):.4f} {dict(dd)}", file=sys.stderr)
    if args.no_write:
        return 0
    lines = [f"# source ranker weights (scripts/train_sources.py, PolNeAR train split, seed {SEED}, l2={l2})",
             f"@threshold\t{thr}"]
    lines += [f"{n}\t{x:.4f}" for n, x in sorted(weights.items())]
    (OUT / "sources.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    card = CARD.format(
        date=datetime.date.today().isoformat(), n_train=len(train), n_groups=len(groups), rows=X.shape[0],
        n_feats=len(weights), l2=l2, thr=thr, cv=acc, cv_detail=_detail(d, len(groups)), n_dev=len(dev),
        dev=dd["right"] / len(dgroups), dev_detail=_detail(dd, len(dgroups)), seed=SEED)
    (OUT / "MODEL_CARD_sources.md").write_text(card, encoding="utf-8")
    return 0


def _detail(d: Counter, n: int) -> str:
    return (f"right {d['right']}, wrong {d['wrong']}, no answer though a source exists {d['none']}, "
            f"answer though none {d['spurious']}, source not among the candidates {d['miss']} (of {n})")


CARD = """# Model card: source ranker (extract/sources.py, data/sources.tsv)

- What it does: for an attributed content span (a quotation, or reported speech found by any
  stage) and, when known, its cue, ranks the mentions around it (named entities, pronouns, noun
  phrases such as "the campaign", "a spokesman", "the report") and returns the likeliest source,
  or none when no candidate reaches the threshold. The quotation stage uses it where the rules
  leave a quotation without a speaker.
- Model: logistic regression over binary features of each candidate: mention type and head
  lemma, side and distance to the content (tokens, sentences, paragraphs), rank by proximity,
  dependency relation, the verb it is the subject of (its lemma, whether it is a reporting verb,
  whether it governs the content or sits between candidate and content), colon lead-ins
  (`X said:` closing the paragraph before, `Name, Outlet: “…”`), `according to`, possessives,
  mentions inside other quotations, the last reporting-verb subject before the content, how
  often the article names the candidate, the headline; and, when a cue is given, the
  candidate's relation to it. Scored in plain Python from the weights file.
- Data: PolNeAR v1.0.0 (Newell, Margolin and Ruths, LREC 2018), train split ({n_train}
  articles), reference annotator; {n_groups} attribution views (each attribution with and without
  its cue), {rows} candidate rows. Only the weights are shipped, no text.
- Training: scripts/train_sources.py, scikit-learn LogisticRegression (L2), seed {seed}; L2 weight
  {l2} and threshold {thr} chosen by 5-fold cross-validation over train articles; {n_feats} weights kept.
- Trained: {date}.
- Figures (share of attribution views decided right: the source's head chosen, or none where the
  annotator gave none):
  - train, cross-validated: {cv:.4f} ({cv_detail})
  - dev ({n_dev} articles, never tuned on): {dev:.4f} ({dev_detail})
  - in the quotation engine, dev named-speaker accuracy: see the README of the repository and the
    commit that shipped these weights (`newsgraph benchmark quotes`).
- Limits: English US political news of 2015-2016; sources outside the window (three sentences
  before the content, the previous paragraph, the sentence after) are never proposed.
"""

if __name__ == "__main__":
    sys.exit(main())
