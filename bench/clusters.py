"""Republication clusters: pairwise precision and recall on FakeNewsNet articles with
injected near-copies (target ≥ 0.95 both), and the time it takes.

How the corpus is built (seeded, so every run builds the same one):

1. Every FakeNewsNet v1 article (BuzzFeed and PolitiFact, real and fake) of at least
   ``--min-words`` words, with its domain (from its URL) and publication date.
2. Articles that are already near-copies of another one (the same story on two sites:
   Jaccard of word 3-shingles ≥ 0.3, or ≥ 50 % of the smaller one inside the other,
   checked on every pair) keep one of them: they would be true clusters the truth below
   does not know about.
3. ``--sources`` of the rest get 1-3 copies each, published 0-10 days later under made-up
   outlets, each made by one or two of: *edited words* (5-10 % of words replaced by
   words of other articles), *truncated* (the first 50-90 % of the words), *footer
   added* (a 25-60 word newsletter/copyright paragraph), *sentence added* (a sentence
   of another article inserted at a random place).
4. The truth: an original and its copies form one cluster; every other article is alone.

Precision and recall are pairwise: over the pairs of articles that share a predicted
cluster, and over the pairs that share a true one.

Usage::

    .venv/bin/python bench/clusters.py [--data ../shared/data/corpora/fakenewsnet-v1]
        [--sources 150] [--seed 13] [--no-doc] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:clusters:begin -->", "<!-- bench:clusters:end -->"

FOOTERS = (
    "Sign up for our free newsletter and get the stories that matter delivered to your "
    "inbox every morning. We respect your privacy and you can unsubscribe at any time.",
    "Copyright 2016 by the publisher. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed without permission. Support "
    "independent journalism today by becoming a member of our community of readers.",
    "Share this story with your friends and family on Facebook and Twitter. Comments are "
    "moderated and may take some time to appear. The views expressed by contributors are "
    "their own and do not necessarily reflect the views of this website or its owners, "
    "advertisers or partners.",
)
TRANSFORMS = ("edited", "truncated", "footer", "sentence")


def load(data: Path, min_words: int) -> list[dict[str, Any]]:
    """FakeNewsNet articles as ``{id, text, domain, date}``."""
    from spinscope.sources.domains import registrable_domain

    articles = []
    for path in sorted(data.glob("*/*NewsContent/*.json")):
        row = json.loads(path.read_text("utf-8"))
        text = (row.get("text") or "").strip()
        if len(text.split()) < min_words:
            continue
        date = None
        published = row.get("publish_date")
        if isinstance(published, dict) and "$date" in published:
            stamp = dt.datetime.fromtimestamp(published["$date"] / 1000, dt.UTC)
            date = stamp.date().isoformat()
        url = row.get("url") or row.get("source") or ""
        articles.append(
            {
                "id": path.stem.removesuffix("-Webpage"),
                "text": text,
                "domain": registrable_domain(url) if url else None,
                "date": date,
            }
        )
    return articles


def drop_natural_copies(articles: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Keep one article of each group that is already near-duplicate (exact check on
    every pair: the base corpus is small)."""
    from spinscope.corpus.clusters import shingles

    sets = [shingles(a["text"], 3) for a in articles]
    dropped: set[int] = set()
    for i, j in itertools.combinations(range(len(articles)), 2):
        if i in dropped or j in dropped:
            continue
        common = len(sets[i] & sets[j])
        if not common:
            continue
        jaccard = common / len(sets[i] | sets[j])
        if jaccard >= 0.3 or common / min(len(sets[i]), len(sets[j])) >= 0.5:
            dropped.add(j)
    kept = [a for k, a in enumerate(articles) if k not in dropped]
    return kept, len(dropped)


def _sentences(text: str) -> list[str]:
    from spinscope.segment import sentence_offsets

    return [text[s:e] for s, e in sentence_offsets(text)]


def make_copy(rng: random.Random, text: str, kinds: tuple[str, ...], pool: list[str]) -> str:
    for kind in kinds:
        if kind == "edited":
            words = text.split(" ")
            rate = rng.uniform(0.05, 0.10)
            for k in rng.sample(range(len(words)), max(1, int(rate * len(words)))):
                words[k] = rng.choice(pool).split(" ")[0] or words[k]
            text = " ".join(words)
        elif kind == "truncated":
            words = text.split(" ")
            text = " ".join(words[: max(1, int(rng.uniform(0.5, 0.9) * len(words)))])
        elif kind == "footer":
            text = text.rstrip() + "\n\n" + rng.choice(FOOTERS)
        elif kind == "sentence":
            parts = text.split("\n")
            at = rng.randrange(len(parts) + 1)
            parts.insert(at, rng.choice(pool))
            text = "\n".join(parts)
    return text


def build(
    articles: list[dict[str, Any]], sources: int, seed: int
) -> tuple[list[dict[str, Any]], list[list[str]], dict[str, int]]:
    """The corpus (originals and copies, shuffled), the true clusters, and how many
    copies each transformation made."""
    rng = random.Random(seed)
    pool = [s for a in articles for s in _sentences(a["text"]) if len(s.split()) >= 8]
    corpus = [dict(a) for a in articles]
    truth: list[list[str]] = []
    used: dict[str, int] = dict.fromkeys(TRANSFORMS, 0)
    for n, original in enumerate(rng.sample(articles, min(sources, len(articles)))):
        family = [original["id"]]
        for c in range(rng.randint(1, 3)):
            kinds = tuple(rng.sample(TRANSFORMS, rng.choice((1, 1, 2))))
            for kind in kinds:
                used[kind] += 1
            date = None
            if original["date"]:
                later = dt.date.fromisoformat(original["date"]) + dt.timedelta(rng.randint(0, 10))
                date = later.isoformat()
            copy_id = f"copy-{n}-{c}"
            corpus.append(
                {
                    "id": copy_id,
                    "text": make_copy(rng, original["text"], kinds, pool),
                    "domain": f"outlet{rng.randint(1, 40)}.example",
                    "date": date,
                }
            )
            family.append(copy_id)
        truth.append(family)
    rng.shuffle(corpus)
    return corpus, truth, used


def pairs(groups: list[list[str]] | list[tuple[str, ...]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}


def run(data: Path, sources: int, seed: int, min_words: int) -> dict[str, Any]:
    from spinscope.corpus.clusters import ClusterOptions, Record, find_clusters

    articles = load(data, min_words)
    base, natural = drop_natural_copies(articles)
    corpus, truth, used = build(base, sources, seed)
    records = [Record(a["id"], a["text"], a["domain"], a["date"]) for a in corpus]
    started = time.perf_counter()
    clusters = find_clusters(records)
    seconds = time.perf_counter() - started
    predicted, true = pairs([c.ids for c in clusters]), pairs(truth)
    hits = len(predicted & true)
    options = ClusterOptions()
    return {
        "articles": len(articles),
        "natural_copies_dropped": natural,
        "originals": len(base),
        "copied": len(truth),
        "copies": sum(len(f) - 1 for f in truth),
        "transforms": used,
        "records": len(records),
        "true_pairs": len(true),
        "predicted_pairs": len(predicted),
        "precision": hits / len(predicted) if predicted else 0.0,
        "recall": hits / len(true) if true else 0.0,
        "clusters": len(clusters),
        "seconds": seconds,
        "options": {
            "shingle": options.shingle,
            "threshold": options.threshold,
            "containment": options.containment,
            "lsh_threshold": options.lsh_threshold,
            "num_perm": options.num_perm,
        },
        "missed": sorted(sorted(p) for p in true - predicted)[:10],
        "wrong": sorted(sorted(p) for p in predicted - true)[:10],
    }


def section(r: dict[str, Any], meta: dict[str, Any], argv: list[str]) -> str:
    o = r["options"]
    used = ", ".join(f"{k} {v}" for k, v in r["transforms"].items())
    command = " ".join(["bench/clusters.py", *argv]).strip()
    return "\n".join(
        [
            BEGIN,
            "",
            f"- date: {meta['date']}",
            f"- machine: {meta['nproc']} CPUs, {meta['cpu']}, {meta['ram_gib']} GiB RAM, "
            f"Python {meta['python']}",
            f"- command: `.venv/bin/python {command}`",
            f"- settings: word {o['shingle']}-shingles, Jaccard ≥ {o['threshold']} or "
            f"containment ≥ {o['containment']}, MinHash {o['num_perm']} permutations, LSH "
            f"threshold {o['lsh_threshold']}",
            "",
            f"Corpus: {r['articles']} FakeNewsNet v1 articles of ≥ {meta['min_words']} words; "
            f"{r['natural_copies_dropped']} that were already near-copies of another dropped; "
            f"{r['copied']} of the remaining {r['originals']} given {r['copies']} injected "
            f"copies (transformations used: {used}; a copy gets one or two) → "
            f"{r['records']} records, {r['true_pairs']} true pairs "
            "(see the docstring of bench/clusters.py for how copies are made).",
            "",
            "| pairs predicted | true pairs | precision | recall | clusters | s |",
            "|--:|--:|--:|--:|--:|--:|",
            f"| {r['predicted_pairs']} | {r['true_pairs']} | {r['precision']:.3f} | "
            f"{r['recall']:.3f} | {r['clusters']} | {r['seconds']:.2f} |",
            "",
            END,
        ]
    )


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "corpora" / "fakenewsnet-v1")
    ap.add_argument("--sources", type=int, default=150, help="originals given copies")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--min-words", type=int, default=100)
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(args_list)
    if not args.data.is_dir():
        print(f"skip: no FakeNewsNet data at {args.data}", file=sys.stderr)
        return 0
    result = run(args.data, args.sources, args.seed, args.min_words)
    if args.json:
        print(json.dumps(result, indent=2))
    meta = machine()
    meta["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    meta["min_words"] = args.min_words
    text = section(result, meta, [a for a in args_list if a not in ("--no-doc", "--json")])
    print(text)
    if not args.no_doc:
        update_doc(args.doc, text, BEGIN, END, heading="## Republication clusters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
