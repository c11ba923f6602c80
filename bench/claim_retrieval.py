"""Claim retrieval benchmark: CheckThat! 2020 Task 2 ("was this tweet's claim already
fact-checked?") with the knowledge base's lexical search.

The 10,375 verified claims are imported into a fresh SQLite store (as ``spinscope
checkthat retrieve`` does), each tweet of the dev and train splits is a query, the top 5
claims are ranked by FTS5 BM25 and scored as the task does (MAP@1/3/5, MAP@5 official,
trec_eval's ``map_cut``; see :mod:`spinscope.factchecks.claim_retrieval`). Query time
is per tweet (the search call, after one warm-up pass), p50 and p95. A second row per
split keeps links, hashtags and @handles as they are, to show what the tweet-aware query
handling gains.
Results go to the ``claim_retrieval`` section of ``docs/benchmarks.md``.

Usage::

    .venv/bin/python bench/claim_retrieval.py [--data ../shared/data/factchecks] [--no-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:claim_retrieval:begin -->", "<!-- bench:claim_retrieval:end -->"
SPLITS = ("dev", "train")


def _timed_run(store: Any, queries: list[Any]) -> tuple[list[Any], list[float]]:
    from spinscope.factchecks.claim_retrieval import RunLine, source_keys
    from spinscope.factchecks.lexical import search

    keys = source_keys(store, "ct20")
    run, ms = [], []
    for query in queries:
        t0 = time.perf_counter()
        hits = search(store, query.text, k=5, source="ct20")
        ms.append((time.perf_counter() - t0) * 1000)
        run += [RunLine(query.id, keys[h.id], r, h.score) for r, h in enumerate(hits, 1)]
    return run, ms


def run(data: Path) -> dict[str, Any]:
    from spinscope.factchecks import import_files, lexical
    from spinscope.factchecks.claim_retrieval import read_qrels, read_queries, score
    from spinscope.factchecks.importers import get_importer
    from spinscope.store import Store

    results: dict[str, Any] = {"rows": []}
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/kb.db") as store:
        t0 = time.perf_counter()
        summary = import_files(store, [data / "verified_claims.docs.tsv"], get_importer("ct20"))
        results["import_s"] = time.perf_counter() - t0
        results["claims"] = summary.stored
        plain_text = lexical.plain_text
        for split in SPLITS:
            queries = read_queries(data / split / "tweets.queries.tsv")
            qrels = read_qrels(data / split / "tweet-vclaim-pairs.qrels")
            for variant in ("tweet-aware", "raw"):
                # "raw": links and tags go to the tokeniser as they are.
                lexical.plain_text = plain_text if variant == "tweet-aware" else str
                try:
                    _timed_run(store, queries)  # warm-up
                    lines, ms = _timed_run(store, queries)
                finally:
                    lexical.plain_text = plain_text
                scores = score(qrels, lines)
                cuts = statistics.quantiles(ms, n=100, method="inclusive")
                results["rows"].append(
                    {
                        "split": split,
                        "variant": variant,
                        "queries": scores.queries,
                        **{f"map@{k}": v for k, v in scores.map_at.items()},
                        "p50_ms": statistics.median(ms),
                        "p95_ms": cuts[94],
                    }
                )
    return results


def section(results: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [
        BEGIN,
        "",
        f"- date: {meta['date']}",
        f"- machine: {meta['nproc']} CPUs, {meta['cpu']}, {meta['ram_gib']} GiB RAM, "
        f"Python {meta['python']} (1-min load {meta['load_1min_at_start']} at start)",
        "- command: `.venv/bin/python bench/claim_retrieval.py` (a fresh SQLite store in a "
        f"temp dir; {results['claims']:,} verified claims imported in "
        f"{results['import_s']:.1f} s; FTS5 BM25, k = 5)",
        "- the same run from the command line: `spinscope checkthat retrieve --kb "
        "verified_claims.docs.tsv dev/tweets.queries.tsv -o run.tsv` then `spinscope "
        "checkthat score dev/tweet-vclaim-pairs.qrels run.tsv`",
        "",
        "| split | query handling | tweets | MAP@1 | MAP@3 | MAP@5 | ms/query p50 | p95 |",
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results["rows"]:
        lines.append(
            f"| {r['split']} | {r['variant']} | {r['queries']} | {r['map@1']:.4f} "
            f"| {r['map@3']:.4f} | {r['map@5']:.4f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |"
        )
    lines += [
        "",
        "MAP@k as trec_eval's `map_cut_k` (the task's README points to trec_eval): "
        "AP@k(q) = (1/|R_q|) Σ_{i≤k, d_i ∈ R_q} P@i, "
        "averaged over every tweet of the qrels (a tweet without a retrieved relevant claim "
        "counts 0). Every tweet but one of the dev split has a single relevant claim, so "
        "AP@k is 1/rank of that claim. *tweet-aware* (what `factchecks search` and "
        "`checkthat retrieve` do): links dropped, #hashtags and @handles split into words "
        "(`#AustralianFires` → australian fires, `@realDonaldTrump` → real donald trump), "
        "English stop words left out; *raw*: the same without the link and tag handling. "
        "The link and tag handling was chosen among a few variants measured on both "
        "splits (dropping @handles, or the tweet's closing `— Name (@handle) date`, "
        "lowered MAP), so neither split is held out for that choice.",
        "",
        END,
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "--data", type=Path, default=SHARED / "data" / "factchecks" / "ct20-claim-retrieval"
    )
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    args = ap.parse_args(argv)
    if not (args.data / "verified_claims.docs.tsv").is_file():
        print(f"skip: no data at {args.data}", file=sys.stderr)
        return 0
    meta = machine()
    meta["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = section(run(args.data), meta)
    print(text)
    if not args.no_doc:
        update_doc(args.doc, text, BEGIN, END, heading="## Claim retrieval")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
