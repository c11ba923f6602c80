"""Batch benchmark: ``spinscope batch`` (spinscope.corpus.batch.run_batch) into SQLite.

The corpus repeats the 165 unlabelled PTC articles and the FakeNewsNet v1 article texts
(each copy gets a line "(copy N)" appended, so that no two texts share a key and nothing
is skipped). It is written as JSONL to a temporary directory, never into the repository.

Measures (each run in a fresh subprocess, into a fresh SQLite file):

* ``throughput``: the default pipeline over ``--articles`` articles with one
  single-threaded worker (in-process), the process pool (2 workers × 1 thread), and the
  Ray engine (2 actors × 1 thread and 1 actor × 1 thread, a local Ray started for the
  run; with ``--nodes``, also 2 actors on a two-node Ray cluster simulated on this
  machine: a head and a second raylet of one CPU each); start-up and model loading
  included;
* ``large``: the process pool and Ray (2 × 1) over ``--large`` articles, the size a user
  would hand to Ray, where start-up weighs less;
* for each of those runs, the peak RSS of one worker (pool process or Ray actor, sampled
  from ``/proc``) and the driver's time in store writes (documents/s the single SQLite
  writer sustained with full analysed documents);
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

    .venv/bin/python bench/batch.py [--articles 400] [--large 2000] [--nodes]
        [--rss-sizes 1000,10000] [--no-doc]
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
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:batch:begin -->", "<!-- bench:batch:end -->"
ENGINES = ("single", "pool", "ray", "ray1", "nodes")
#: workers × threads of each engine kind.
SHAPES = {
    "single": "1 × 1 (in-process)",
    "pool": "2 × 1 (process pool)",
    "ray": "2 × 1 (local Ray)",
    "ray1": "1 × 1 (local Ray)",
    "nodes": "2 × 1 (2 raylets × 1 CPU)",
}
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


class WorkerRss:
    """Peak RSS of the busiest worker process (pool children, Ray actors), sampled."""

    def __init__(self, match: Callable[[int, str], bool]) -> None:
        self.match = match
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> WorkerRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.5):
            for proc in Path("/proc").iterdir():
                if not proc.name.isdigit():
                    continue
                try:
                    status = (proc / "status").read_text()
                    cmd = (proc / "cmdline").read_bytes().decode(errors="replace")
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                ppid = int(fields.get("PPid", "0").strip() or 0)
                if "VmRSS" in fields and self.match(ppid, cmd):
                    rss = int(fields["VmRSS"].split()[0])
                    self.peak_kib = max(self.peak_kib, rss)


@contextmanager
def timed_writes() -> Iterator[list[float]]:
    """Seconds the batch driver spends in store transactions (``write_rows``)."""
    import spinscope.corpus.batch as batch

    spent = [0.0]
    # run_batch calls the name it imported: replace it there.
    original = vars(batch)["write_rows"]

    def write_rows(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    vars(batch)["write_rows"] = write_rows
    try:
        yield spent
    finally:
        vars(batch)["write_rows"] = original


def worker(
    kind: str,
    corpus: Path,
    db: Path,
    components: str | None,
    batch_size: int,
    address: str | None = None,
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
    me = os.getpid()
    if kind == "pool":
        engine = ProcessPoolEngine(n_process=2, threads=1)
        rss = WorkerRss(lambda ppid, cmd: ppid == me)
    elif kind in ("ray", "ray1", "nodes"):
        from spinscope.engines.ray import RayEngine

        engine = RayEngine(n_process=1 if kind == "ray1" else 2, threads=1, address=address)
        rss = WorkerRss(lambda ppid, cmd: cmd.startswith("ray::_Analyser"))
    else:
        set_inference_threads(1)
        engine = LocalEngine()
        rss = WorkerRss(lambda ppid, cmd: False)
    # Start-up (models, and Ray's own processes) is paid before the first commit; the
    # steady rate is counted from the commit of each worker's first batch (the second
    # worker's first batch, nearly done at the first commit, would otherwise count as
    # work done in no time).
    workers = 1 if kind in ("single", "ray1") else 2
    commits: list[tuple[float, int]] = []

    def progress(summary: Any) -> None:
        written = summary.done + summary.failed
        if len(commits) < workers and written and (not commits or written > commits[-1][1]):
            commits.append((time.perf_counter() - start, written))

    with rss, timed_writes() as write_s, Store.open(f"sqlite:///{db}") as store:
        summary = run_batch(
            store,
            [corpus],
            pipeline=pipeline,
            engine=engine,
            batch_size=batch_size,
            progress=progress,
        )
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    written = summary.done + summary.failed
    return {
        "kind": kind,
        "documents": summary.done,
        "failed": summary.failed,
        "seconds": round(seconds, 2),
        "per_s": round(written / seconds, 2),
        "rss_mib": round(own, 1),
        "worker_rss_mib": round(max(own * 1024, rss.peak_kib) / 1024, 1),
        "first_s": round(commits[0][0], 2) if commits else None,
        "steady_per_s": (
            round((written - commits[-1][1]) / (seconds - commits[-1][0]), 2)
            if commits and seconds > commits[-1][0] and written > commits[-1][1]
            else None
        ),
        "write_s": round(write_s[0], 3),
        "writes_per_s": round(written / write_s[0]) if write_s[0] else None,
    }


@contextmanager
def two_raylets(folder: Path) -> Iterator[str]:
    """A Ray cluster of two nodes on this machine (a head and a second raylet, one CPU
    each), as ``ray start --block`` processes that stop their own children on exit."""
    ray = str(Path(sys.executable).with_name("ray"))
    port = "6391"
    # No token: the two nodes and the driver run on this machine, as one user.
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
    # A temp dir of our own: `ray start` records the cluster's address there, and a
    # record left in the shared /tmp/ray would make other Ray users join a dead cluster.
    temp = folder / "ray"
    common = ["--num-cpus", "1", "--block", "--disable-usage-stats", "--temp-dir", str(temp)]
    head = subprocess.Popen(
        [ray, "start", "--head", "--port", port, "--include-dashboard", "false", *common],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    nodes = [head]
    try:
        time.sleep(10)
        nodes.append(
            subprocess.Popen(
                [ray, "start", "--address", f"127.0.0.1:{port}", *common],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(10)
        yield f"127.0.0.1:{port}"
    finally:
        for node in reversed(nodes):
            node.terminate()
            node.wait(60)


def run(
    kind: str,
    corpus: Path,
    db: Path,
    components: str | None,
    batch_size: int = 16,
    address: str | None = None,
) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", kind, "--corpus", str(corpus), "--db", str(db)]
    cmd += ["--batch-size", str(batch_size)]
    if components is not None:
        cmd += ["--components", components]
    if address is not None:
        cmd += ["--address", address]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps(result), flush=True)
    return result


def _engine_rows(rows: list[dict[str, Any]], single: float | None) -> list[str]:
    pool = next((x["per_s"] for x in rows if x["kind"] == "pool"), None)
    lines = [
        "| engine | workers × threads | articles/s | vs one worker | vs the pool "
        "| first commit (s) | articles/s after it | vs the pool after it "
        "| peak RSS of a worker (MiB) | store writes/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    pool_steady = next((x.get("steady_per_s") for x in rows if x["kind"] == "pool"), None)
    for x in rows:
        vs_single = f"{x['per_s'] / single:.2f}×" if single else "–"
        vs_pool = f"{x['per_s'] / pool:.2f}×" if pool else "–"
        writes = f"{x['writes_per_s']:,}" if x.get("writes_per_s") else "–"
        steady = x.get("steady_per_s")
        steady_vs = f"{steady / pool_steady:.2f}×" if steady and pool_steady else "–"
        lines.append(
            f"| {x['kind']} | {SHAPES[x['kind']]} | {x['per_s']} | {vs_single} | {vs_pool} "
            f"| {x.get('first_s') or '–'} | {steady or '–'} | {steady_vs} "
            f"| {x['worker_rss_mib']} | {writes} |"
        )
    return lines


def _projection(r: dict[str, Any]) -> list[str]:
    """Hours for 1M articles on N nodes × C cores, from the measured per-core rate."""
    t = {x["kind"]: x for x in r["throughput"]}
    big = {x["kind"]: x for x in r.get("large", [])}
    ray = big.get("ray") or t.get("ray")
    # the single worker of the same corpus as the Ray run, when it ran
    single = big.get("single") if "ray" in big else t.get("single")
    single = single or t.get("single")
    if single is None or ray is None:
        return []
    per_core = single["per_s"]
    efficiency = ray["per_s"] / (2 * per_core)
    writes = min(x["writes_per_s"] for x in (ray, single) if x.get("writes_per_s"))
    lines = [
        "",
        f"Projection to 1M articles: one core analyses {per_core} articles/s "
        f"({1000 / per_core:.0f} ms an article, the single run on "
        f"{single['documents']:,} articles); Ray on 2 cores reached "
        f"{efficiency:.2f} of twice that on {ray['documents']:,} articles (the driver's "
        "reading and writing share the cores with the actors). At that efficiency, "
        f"N nodes × C cores (one 1-thread actor per core, about {ray['worker_rss_mib']:.0f} "
        "MiB each) need:",
        "",
        "| nodes × cores | actors | articles/s | hours for 1M | under the SQLite writer's "
        f"{writes:,}/s |",
        "|---|---:|---:|---:|---|",
    ]
    for nodes, cores in ((1, 2), (1, 16), (4, 16), (16, 16), (64, 16)):
        rate = per_core * efficiency * nodes * cores
        hours = 1_000_000 / rate / 3600
        under = "yes" if rate < writes else "no: PostgreSQL"
        lines.append(
            f"| {nodes} × {cores} | {nodes * cores} | {rate:,.0f} | {hours:,.1f} | {under} |"
        )
    return lines


def section(r: dict[str, Any], meta: dict[str, Any]) -> str:
    t = {x["kind"]: x for x in r["throughput"]}
    single = t["single"]["per_s"] if "single" in t else None
    n = r["throughput"][0]["documents"] + r["throughput"][0]["failed"]
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
        f"Throughput, the default pipeline over {n:,} articles (start-up and model loading "
        "included; first commit: seconds from the start until the first batch was stored, "
        "which pays for start-up: models, and for Ray its own processes; after it: the rate "
        "from the commit of each worker's first batch on; store writes/s: documents the "
        "driver wrote per second of its time in store transactions, full analysed "
        "documents into SQLite):",
        "",
        *_engine_rows(r["throughput"], single),
    ]
    if r.get("large"):
        big = r["large"]
        lines += [
            "",
            f"The same over {big[0]['documents'] + big[0]['failed']:,} articles, a corpus "
            "one would hand to Ray (its start-up, a few seconds, weighs less):",
            "",
            # ratios to the single worker of the same corpus when it ran
            *_engine_rows(big, next((x["per_s"] for x in big if x["kind"] == "single"), single)),
        ]
    lines += _projection(r)
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
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--large", type=int, default=2000, help="pool and Ray on a larger corpus")
    ap.add_argument(
        "--nodes", action="store_true", help="also Ray on two raylets simulating two nodes"
    )
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
    ap.add_argument("--engines", default="single,pool,ray,ray1")
    ap.add_argument("--large-engines", default="pool,ray")
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    ap.add_argument("--rss-worker", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--components", help=argparse.SUPPRESS)
    ap.add_argument("--address", help=argparse.SUPPRESS)
    ap.add_argument("--batch-size", type=int, default=16, help=argparse.SUPPRESS)
    ap.add_argument("--store-batch-size", type=int, default=64)
    args = ap.parse_args(argv)
    if args.rss_worker:
        sizes = [int(x) for x in args.rss_worker.split(",")]
        print(json.dumps(rss_worker(args.corpus, args.db, args.components, sizes)))
        return 0
    if args.worker:
        print(
            json.dumps(
                worker(
                    args.worker,
                    args.corpus,
                    args.db,
                    args.components,
                    args.batch_size,
                    args.address,
                )
            )
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
        if args.nodes:
            with two_raylets(folder) as address:
                results["throughput"].append(
                    run("nodes", corpus, folder / "nodes.db", None, address=address)
                )
        if args.large:
            corpus = write_corpus(base, args.large, folder / "large.jsonl")
            results["large"] = [
                run(kind, corpus, folder / f"large-{kind}.db", None)
                for kind in args.large_engines.split(",")
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
