"""Batch benchmark: ``spinscope batch`` (spinscope.corpus.batch.run_batch) into SQLite.

The corpus repeats the 165 unlabelled PTC articles and the FakeNewsNet v1 article texts
(each copy gets a line "(copy N)" appended, so that no two texts share a key and nothing
is skipped). It is written as JSONL to a temporary directory, never into the repository.

Measures (each run in a fresh subprocess, into a fresh SQLite file):

* ``throughput``: the default pipeline over ``--articles`` articles with one
  single-threaded worker (in-process), the process pool (2 workers × 1 thread), and the
  Ray engine (2 actors × 1 thread, a local Ray started for the run); start-up and model
  loading included;
* ``rss``: peak RSS (``ru_maxrss``) of a run over ``--rss-sizes`` articles (1k and 10k)
  with ``--rss-components`` (default: boilerplate and sentences; the corpus streams, so
  memory should not grow with the corpus);
* ``--rss-only --rss-pipeline default``: only the peak RSS, of the default pipeline
  (every model loaded; one in-process engine, so the worker's ``ru_maxrss`` is the
  whole run's), read after each of ``--rss-sizes`` articles of one run over the
  largest, written to its own block (``bench:batch-rss``) after the batch block, with
  each size's difference to the smallest;
* ``store``: documents/s written with the pipeline stubbed (no component), the store's
  own cost per document (hashing, JSON, compression, insert-or-skip, a commit a batch).

Usage::

    .venv/bin/python bench/batch.py [--articles 200] [--rss-sizes 1000,10000] [--no-doc]
    .venv/bin/python bench/batch.py --rss-only --rss-pipeline default [--rss-sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:batch:begin -->", "<!-- bench:batch:end -->"
ENGINES = ("single", "pool", "ray")
RSS_BEGIN, RSS_END = "<!-- bench:batch-rss:begin -->", "<!-- bench:batch-rss:end -->"


def texts(data: Path) -> list[dict[str, str]]:
    """The base articles: PTC unlabelled (title line first) and FakeNewsNet texts."""
    out = []
    for path in sorted((data / "ptc" / "unlabeled").glob("*.txt")):
        out.append({"id": path.stem, "text": path.read_text("utf-8")})
    fnn = data / "corpora" / "fakenewsnet-v1"
    for path in sorted(fnn.glob("*/*/*.json")):
        row = json.loads(path.read_text("utf-8"))
        if (row.get("text") or "").strip():
            out.append(
                {
                    "id": path.stem,
                    "text": row["text"],
                    "title": row.get("title") or "",
                    "url": row.get("canonical_link") or row.get("url") or "",
                }
            )
    # FakeNewsNet repeats some texts: keep one of each, so every row is analysed.
    unique = {row["text"]: row for row in reversed(out)}
    return [row for row in out if unique[row["text"]] is row]


def write_corpus(base: list[dict[str, str]], n: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = dict(base[i % len(base)])
            copy = i // len(base)
            row["id"] = f"{row['id']}~{copy}"
            if copy:
                row["text"] = f"{row['text']}\n(copy {copy})"
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def worker(
    kind: str, corpus: Path, db: Path, components: str | None, batch_size: int
) -> dict[str, Any]:
    from spinscope import Pipeline, load
    from spinscope.corpus.batch import run_batch
    from spinscope.engines import LocalEngine, ProcessPoolEngine
    from spinscope.resources import set_inference_threads
    from spinscope.store import Store

    start = time.perf_counter()
    names = None if components is None else [c for c in components.split(",") if c]
    pipeline = load() if names is None else Pipeline(names)
    engine: Any
    if kind == "pool":
        engine = ProcessPoolEngine(n_process=2, threads=1)
    elif kind == "ray":
        from spinscope.engines.ray import RayEngine

        engine = RayEngine(n_process=2, threads=1)
    else:
        set_inference_threads(1)
        engine = LocalEngine()
    with Store.open(f"sqlite:///{db}") as store:
        summary = run_batch(
            store, [corpus], pipeline=pipeline, engine=engine, batch_size=batch_size
        )
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "kind": kind,
        "documents": summary.done,
        "failed": summary.failed,
        "seconds": round(seconds, 2),
        "per_s": round((summary.done + summary.failed) / seconds, 2),
        "rss_mib": round(rss, 1),
    }


def run(
    kind: str, corpus: Path, db: Path, components: str | None, batch_size: int = 16
) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", kind, "--corpus", str(corpus), "--db", str(db)]
    cmd += ["--batch-size", str(batch_size)]
    if components is not None:
        cmd += ["--components", components]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps(result), flush=True)
    return result


def section(r: dict[str, Any], meta: dict[str, Any]) -> str:
    t = {x["kind"]: x for x in r["throughput"]}
    single = t["single"]["per_s"]
    lines = [
        BEGIN,
        "",
        f"Measured {meta['date']} on {meta['machine']} with `{meta['command']}`; corpus: "
        f"{r['base']} distinct texts (the 165 unlabelled PTC articles and the FakeNewsNet v1 "
        "texts) repeated, each copy marked so that no text repeats, as JSONL, into a fresh "
        "SQLite file per run. The cores were shared with other work: load average "
        f"{r['load'][0]:.1f} at the start, {r['load'][1]:.1f} at the end; engine ratios "
        "mean something only while the load stays under the number of cores.",
        "",
        f"Throughput, the default pipeline over {t['single']['documents']} articles "
        "(start-up and model loading included):",
        "",
        "| engine | workers × threads | articles/s | vs one worker |",
        "|---|---|---:|---:|",
    ]
    shapes = {"single": "1 × 1 (in-process)", "pool": "2 × 1 (process pool)", "ray": "2 × 1"}
    for kind in ENGINES:
        if kind in t:
            x = t[kind]
            ratio = x["per_s"] / single
            lines.append(f"| {kind} | {shapes[kind]} | {x['per_s']} | {ratio:.2f}× |")
    if "ray" in t and "pool" in t:
        lines += [
            "",
            f"Ray vs the process pool (same workers, one machine): "
            f"{t['ray']['per_s'] / t['pool']['per_s']:.2f}×.",
        ]
    lines += [
        "",
        f"Peak RSS of a whole run (`{r['rss_components']}`, in-process):",
        "",
        "| articles | seconds | peak RSS (MiB) |",
        "|---:|---:|---:|",
    ]
    for x in r["rss"]:
        lines.append(f"| {x['documents']:,} | {x['seconds']} | {x['rss_mib']} |")
    s = r["store"]
    lines += [
        "",
        f"Store writes with the pipeline stubbed (no component): {s['documents']:,} "
        f"documents in {s['seconds']} s, **{s['per_s']:,.0f} documents/s** into SQLite "
        f"(reading, hashing, compressed JSON, insert-or-skip; `--batch-size {s['batch_size']}`, "
        "a commit per batch; start-up included).",
        "",
        END,
    ]
    return "\n".join(lines)


def rss_worker(corpus: Path, db: Path, components: str | None, sizes: list[int]) -> list[Any]:
    """One in-process run over ``corpus``; when ``n`` of ``sizes`` articles are committed,
    the peak RSS so far (``ru_maxrss``: a run of ``n`` articles would have stopped there)
    and the seconds since start-up."""
    from spinscope import Pipeline, load
    from spinscope.corpus.batch import BatchSummary, run_batch
    from spinscope.engines import LocalEngine
    from spinscope.resources import set_inference_threads
    from spinscope.store import Store

    start = time.perf_counter()
    set_inference_threads(1)
    names = None if components is None else [c for c in components.split(",") if c]
    pipeline = load() if names is None else Pipeline(names)
    wanted = sorted(sizes)
    rows: list[dict[str, Any]] = []

    def checkpoint(summary: BatchSummary) -> None:
        done = summary.done + summary.failed
        while wanted and done >= wanted[0]:
            seconds = time.perf_counter() - start
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            rows.append(
                {
                    "documents": wanted.pop(0),
                    "seconds": round(seconds, 2),
                    "per_s": round(done / seconds, 2),
                    "rss_mib": round(rss, 1),
                }
            )
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)

    with Store.open(f"sqlite:///{db}") as store:
        run_batch(store, [corpus], pipeline=pipeline, engine=LocalEngine(), progress=checkpoint)
    return rows


def measure_rss(base: list[dict[str, str]], sizes: list[int], components: str | None) -> list[Any]:
    """Peak RSS after each of ``sizes`` articles of one in-process run over the largest
    (``components`` None: the default pipeline), into a fresh SQLite file."""
    with tempfile.TemporaryDirectory(prefix="spinscope-bench-rss-") as tmp:
        folder = Path(tmp)
        corpus = write_corpus(base, max(sizes), folder / "rss.jsonl")
        cmd = [sys.executable, __file__, "--rss-worker", ",".join(map(str, sizes))]
        cmd += ["--corpus", str(corpus), "--db", str(folder / "rss.db")]
        if components is not None:
            cmd += ["--components", components]
        out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    rows: list[Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return rows


def rss_section(rows: list[dict[str, Any]], meta: dict[str, Any], label: str) -> str:
    """The ``bench:batch-rss`` block: peak RSS per corpus size and its change from the
    smallest run (flat within ±10 % is the target: the corpus streams)."""
    first = rows[0]["rss_mib"]
    lines = [
        RSS_BEGIN,
        "",
        f"Peak RSS of a `spinscope batch` run with {label} (one in-process engine, one "
        "thread), read when the first N articles are committed (one run over the largest "
        "N; seconds and rates include start-up and model loading), measured "
        f"{meta['date']} on "
        f"{meta['machine']} with `{meta['command']}`; load average "
        f"{meta['load'][0]:.1f} at the start, {meta['load'][1]:.1f} at the end:",
        "",
        "| articles | seconds | articles/s | peak RSS (MiB) | vs the smallest |",
        "|---:|---:|---:|---:|---:|",
    ]
    for x in rows:
        change = 100.0 * (x["rss_mib"] - first) / first
        lines.append(
            f"| {x['documents']:,} | {x['seconds']} | {x['per_s']} | {x['rss_mib']} "
            f"| {change:+.1f} % |"
        )
    lines += ["", RSS_END]
    return "\n".join(lines)


def write_rss_section(doc: Path, text: str) -> None:
    """Replace the ``bench:batch-rss`` block, or put it right after the batch block."""
    current = doc.read_text("utf-8") if doc.is_file() else ""
    if RSS_BEGIN not in current and END in current:
        head, tail = current.split(END, 1)
        doc.write_text(f"{head}{END}\n\n{text}{tail}", "utf-8")
        return
    update_doc(doc, text, RSS_BEGIN, RSS_END, heading="## Batch into the store")


def rss_only(args: argparse.Namespace, argv: list[str] | None) -> int:
    """``--rss-only``: measure and write the peak RSS block alone."""
    components = None if args.rss_pipeline == "default" else args.rss_components
    label = "the default pipeline" if components is None else f"`{components}`"
    load = [os.getloadavg()[0]]
    rows = measure_rss(texts(args.data), [int(x) for x in args.rss_sizes.split(",")], components)
    load.append(os.getloadavg()[0])
    m = machine()
    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB, Python {m['python']}",
        "command": "python bench/batch.py " + " ".join(argv or sys.argv[1:]),
        "load": load,
    }
    if not args.no_doc:
        write_rss_section(args.doc, rss_section(rows, meta, label))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rss-sizes", default="1000,10000")
    ap.add_argument("--rss-components", default="boilerplate.v1,sentences.v1")
    ap.add_argument(
        "--rss-pipeline",
        choices=("components", "default"),
        default="components",
        help="with --rss-only: the default pipeline, or --rss-components",
    )
    ap.add_argument("--rss-only", action="store_true", help="measure peak RSS only")
    ap.add_argument("--store-size", type=int, default=5000)
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    ap.add_argument("--rss-worker", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--components", help=argparse.SUPPRESS)
    ap.add_argument("--batch-size", type=int, default=16, help=argparse.SUPPRESS)
    ap.add_argument("--store-batch-size", type=int, default=64)
    args = ap.parse_args(argv)
    if args.rss_worker:
        sizes = [int(x) for x in args.rss_worker.split(",")]
        print(json.dumps(rss_worker(args.corpus, args.db, args.components, sizes)))
        return 0
    if args.worker:
        print(
            json.dumps(worker(args.worker, args.corpus, args.db, args.components, args.batch_size))
        )
        return 0
    if not (args.data / "ptc" / "unlabeled").is_dir():
        print(f"skip: {args.data / 'ptc' / 'unlabeled'} not found", file=sys.stderr)
        return 0
    if args.rss_only:
        return rss_only(args, argv)
    base = texts(args.data)
    results: dict[str, Any] = {"rss_components": args.rss_components, "base": len(base)}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="spinscope-bench-batch-") as tmp:
        folder = Path(tmp)
        corpus = write_corpus(base, args.articles, folder / "throughput.jsonl")
        results["throughput"] = [
            run(kind, corpus, folder / f"{kind}.db", None) for kind in args.engines.split(",")
        ]
        results["rss"] = []
        for n in (int(x) for x in args.rss_sizes.split(",")):
            corpus = write_corpus(base, n, folder / f"rss-{n}.jsonl")
            results["rss"].append(
                run("single", corpus, folder / f"rss-{n}.db", args.rss_components)
            )
        corpus = write_corpus(base, args.store_size, folder / "store.jsonl")
        results["store"] = run("single", corpus, folder / "store.db", "", args.store_batch_size)
        results["store"]["batch_size"] = args.store_batch_size
    load.append(os.getloadavg()[0])
    results["load"] = load
    m = machine()
    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB, Python {m['python']}",
        "command": "python bench/batch.py " + " ".join(argv or sys.argv[1:]),
    }
    if not args.no_doc:
        update_doc(args.doc, section(results, meta), BEGIN, END, heading="## Batch into the store")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
