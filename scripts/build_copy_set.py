"""Build the copy-detection evaluation set in tests/data/copies from its hand-written parts.

The originals, independent reports, spun and translated copies, outlet boilerplate, roundup articles and
near-copy headlines are written by hand (see tests/data/copies/README.md). This script adds the mechanical
copies (boilerplate-wrapped, truncated, sentence-reordered, embedded in a roundup, lightly edited) and
writes every document into one JSONL file per split plus the gold pairs. It is deterministic: every
random choice comes from a generator seeded with the family and the variant, so the same inputs give the
same bytes. The outputs are committed; tests/gate/test_copies_gate.py checks they are up to date.

    python scripts/build_copy_set.py            # rewrite generated/, dev.jsonl, blind.jsonl, pairs.jsonl
    python scripts/build_copy_set.py --out DIR  # write the outputs elsewhere (the hand-written inputs stay read-only)
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "copies"
SEED = "newsgraph-copies-v1"

# Which families get which mechanical copy. Dev families are the odd numbers, blind the even ones;
# each variant is spread over both splits.
VARIANTS: dict[str, tuple[str, ...]] = {
    "boilerplate": ("01", "03", "07", "11", "19", "04", "08", "10", "14", "22"),
    "truncated": ("05", "07", "15", "23", "02", "12", "20", "24"),
    "reordered": ("09", "11", "13", "19", "06", "16", "18", "22"),
    "roundup": ("17", "21", "23", "04", "08", "14"),
    "edited": ("01", "05", "09", "15", "17", "02", "10", "12", "16", "24"),
}
# The kind a detector is expected to give each variant (the contract's five kinds).
KIND = {"boilerplate": "exact", "truncated": "partial", "reordered": "near", "roundup": "partial",
        "edited": "near", "spun": "spun", "translated": "translated"}

_ABBREV = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|St|Prof|No)\.$")
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»“]?\s+(?=[\"“«„‘'(]?[A-Z0-9])")


def split_of(family: str) -> str:
    return "dev" if int(family) % 2 else "blind"


def rng_for(family: str, variant: str) -> random.Random:
    return random.Random(f"{SEED}:{family}:{variant}")  # str seeds hash with SHA-512: stable across runs


def parse(text: str) -> tuple[list[str], list[str]]:
    """(head lines up to the first blank line, body paragraphs)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return blocks[0].split("\n"), blocks[1:]


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph after . ! ? (and a closing quote) before a capital or digit; not after Dr. etc."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        piece = paragraph[start:m.start()].rstrip()
        if _ABBREV.search(piece):
            continue
        parts.append(paragraph[start:m.end()].strip())
        start = m.end()
    parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


def words(text: str) -> int:
    return len(text.split())


def later(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def slug(entry: dict) -> str:
    return Path(entry["file"]).stem[3:].replace("_", "-")


def with_publisher(lines: list[str], publisher: str) -> list[str]:
    return [line.replace("{publisher}", publisher) for line in lines]


def boilerplate(orig: dict, outlet: dict, rng: random.Random) -> str:
    """The whole original, untouched, between another outlet's header and footer lines."""
    header = "\n".join(outlet["header"])
    footer = "\n".join(with_publisher(outlet["footer"], orig["publisher"]))
    return f"{header}\n\n{orig['text']}\n\n{footer}"


def truncated(orig: dict, outlet: dict, rng: random.Random) -> str:
    """The head and the first 40-70% of the body's words (whole sentences), then a 'read more' link."""
    head, paras = parse(orig["text"])
    target = rng.uniform(0.4, 0.7) * sum(words(p) for p in paras)
    kept: list[str] = []
    count = 0
    for para in paras:
        taken = []
        for sentence in sentences(para):
            if count >= target:
                break
            taken.append(sentence)
            count += words(sentence)
        if taken:
            kept.append(" ".join(taken))
        if count >= target:
            break
    header = "\n".join(outlet["header"])
    footer = "\n".join([f"Read the full story at {orig['publisher']}."] + outlet["footer"][1:])
    return f"{header}\n\n" + "\n".join(head) + "\n\n" + "\n\n".join(kept) + f"\n\n{footer}"


def reordered(orig: dict, outlet: dict, rng: random.Random) -> str:
    """Headline kept, byline dropped; the lead stays first, other paragraphs and the sentences
    inside every paragraph are shuffled (each multi-sentence paragraph changes order)."""
    head, paras = parse(orig["text"])
    rest = paras[1:]
    rng.shuffle(rest)
    out = []
    for para in [paras[0]] + rest:
        parts = sentences(para)
        if len(parts) > 1:
            order = parts[:]
            rng.shuffle(order)
            if order == parts:
                order = parts[1:] + parts[:1]
            parts = order
        out.append(" ".join(parts))
    return head[0] + "\n\n" + "\n\n".join(out)


def roundup(orig: dict, frame: dict, rng: random.Random) -> str:
    """3-6 consecutive paragraphs of the original inside a longer roundup written for it."""
    _, paras = parse(orig["text"])
    n = rng.randint(3, min(6, len(paras) - 1))
    start = rng.randint(0, len(paras) - n)
    return frame["text"].replace("{{EMBED}}", "\n\n".join(paras[start:start + n]))


def edited(orig: dict, edits: dict, rng: random.Random) -> str:
    """A new headline, 3-6 small word edits, one sentence dropped and an editor's note."""
    head, paras = parse(orig["text"])
    family = orig["id"][:2]
    head = [edits["headlines"][family]] + head[1:]
    # one sentence without quotation marks dropped from a later paragraph (never a paragraph's first)
    candidates = [(i, j) for i, p in enumerate(paras) if i > 0
                  for j, s in enumerate(sentences(p)) if j > 0 and not _QUOTE_MARK.search(s)]
    i, j = rng.choice(candidates)
    parts = sentences(paras[i])
    del parts[j]
    paras[i] = " ".join(parts)
    body = "\n\n".join(paras)
    quoted = [m.span() for m in re.finditer(r'"[^"]*"|“[^”]*”', body)]  # editors leave quotations alone
    spots = sorted({(m.start(), m.end(), new) for pattern, new in edits["word_edits"]
                    for m in re.finditer(pattern, body)
                    if not any(s <= m.start() < e for s, e in quoted)})
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(3, 6))), reverse=True)
    done = len(body)
    for start, end, new in chosen:  # right to left, skipping a spot that overlaps one already edited
        if end <= done:
            body, done = body[:start] + new + body[end:], start
    note = rng.choice(edits["notes"])
    return "\n".join(head) + "\n\n" + body + "\n\n" + note


def read_frame(path: Path) -> dict:
    """A roundup frame: 'key: value' lines, '---', then the article with an {{EMBED}} line."""
    meta, _, text = path.read_text(encoding="utf-8").partition("\n---\n")
    fields = dict(line.split(": ", 1) for line in meta.strip().splitlines())
    return {**fields, "text": text.strip()}


def load_hand_written(data: Path) -> list[dict]:
    docs = []
    for line in (data / "catalogue.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        entry["text"] = (data / entry["file"]).read_text(encoding="utf-8").strip()
        entry["title"] = entry["text"].split("\n", 1)[0]
        docs.append(entry)
    return docs


def build(data: Path = DATA, out: Path = DATA) -> dict[str, int]:
    """Write generated/*.txt, dev.jsonl, blind.jsonl and pairs.jsonl under ``out``; counts per kind."""
    docs = load_hand_written(data)
    originals = {d["id"][:2]: d for d in docs if d["id"].endswith("/original")}
    outlets = json.loads((data / "frames" / "outlets.json").read_text(encoding="utf-8"))
    edits = json.loads((data / "frames" / "near_edits.json").read_text(encoding="utf-8"))
    pairs = [{"copy": d["id"], "original": f"{d['id'][:2]}/original", "kind": KIND[d["id"][3:]],
              "variant": d["id"][3:]} for d in docs if d["id"][3:] in ("spun", "translated")]

    generated = out / "generated"
    generated.mkdir(parents=True, exist_ok=True)
    for old in generated.glob("*.txt"):
        old.unlink()
    for variant, families in VARIANTS.items():
        for family in families:
            orig, rng = originals[family], rng_for(family, variant)
            outlet = rng.choice(outlets)
            days, author, title = rng.randint(1, 4), orig["author"], orig["title"]
            if variant == "roundup":
                frame = read_frame(data / "frames" / "roundups" / f"{family}.txt")
                text = roundup(orig, frame, rng)
                publisher, author, days = frame["publisher"], frame["author"], int(frame["days_after"])
                title = frame["text"].split("\n", 1)[0]
                domain = re.sub(r"[^a-z]", "", publisher.lower()) + ".example"
            elif variant == "edited":
                text, publisher, domain = edited(orig, edits, rng), outlet["name"], outlet["domain"]
                title = edits["headlines"][family]
            else:
                make = {"boilerplate": boilerplate, "truncated": truncated, "reordered": reordered}[variant]
                text, publisher, domain = make(orig, outlet, rng), outlet["name"], outlet["domain"]
                author = None if variant == "reordered" else author
            published = later(orig["published"], days)
            doc = {"id": f"{family}/{variant}", "file": f"generated/{family}_{variant}.txt",
                   "publisher": publisher, "author": author, "published": published, "title": title,
                   "url": f"https://www.{domain}/{published[:4]}/{published[5:7]}/{slug(orig)}-{variant}",
                   "text": text}
            (out / doc["file"]).write_text(text + "\n", encoding="utf-8")
            docs.append(doc)
            pairs.append({"copy": doc["id"], "original": orig["id"], "kind": KIND[variant], "variant": variant})

    texts = [d["text"] for d in docs]
    assert len(set(texts)) == len(texts), "two documents with the same text would be stored as one"
    counts: dict[str, int] = {"documents": len(docs)}
    for split in ("dev", "blind"):
        records = [_record(d) for d in sorted(docs, key=lambda d: d["id"]) if split_of(d["id"][:2]) == split]
        random.Random(f"{SEED}:order:{split}").shuffle(records)  # copies may come before their original
        (out / f"{split}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                            encoding="utf-8")
        counts[f"{split}_documents"] = len(records)
    for p in pairs:
        p["split"] = split_of(p["copy"][:2])
        counts[p["kind"]] = counts.get(p["kind"], 0) + 1
    pairs.sort(key=lambda p: (p["split"], p["copy"]))
    (out / "pairs.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
    counts["pairs"] = len(pairs)
    counts["independent"] = sum("/independent-" in d["id"] for d in docs)
    return counts


def _record(doc: dict) -> dict:
    """The JSONL line the engine reads (text plus the metadata fields src/newsgraph/read accepts)."""
    record = {"id": doc["id"], "url": doc["url"], "publisher": doc["publisher"], "published": doc["published"],
              "author": doc["author"], "title": doc["title"], "text": doc["text"]}
    return {k: v for k, v in record.items() if v is not None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the hand-written inputs (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: the data folder)")
    args = parser.parse_args()
    counts = build(args.data, args.out or args.data)
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
