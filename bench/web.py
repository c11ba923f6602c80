"""Web benchmark: concurrent clients analysing PTC-size articles through the HTTP API on
loopback, against the pipeline's own batch throughput on the same machine.

Per server variant, ``spinscope serve`` is started in its own process (models loaded at
start-up, not timed) with one analysis worker (a thread of the server) or a pool of
worker processes; then ``--clients`` clients (default 50) each send ``--requests``
(default 20) ``POST /v1/analyze`` one after another, all at once: 1,000 analyses. The
articles are the 165 unlabelled PTC articles, cycled (the shipped sample when PTC is
absent). Reported: errors (any answer but 200), latency p50/p95, throughput.

The batch baseline is what ``spinscope analyze`` does with a folder: ``Pipeline.pipe``
over the same articles in one process (local engine) and in a 2-process pool, timed
after the models are loaded, in a fresh subprocess each.

Usage::

    .venv/bin/python bench/web.py [--clients 50] [--requests 20] [--variants thread,process2]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:web:begin -->", "<!-- bench:web:end -->"
#: Server variants: name -> analysis workers.
VARIANTS = {"thread": 1, "process2": 2}


def articles(ptc: Path) -> tuple[list[str], str]:
    folder = ptc / "unlabeled"
    if folder.is_dir():
        from spinscope.techniques.semeval import read_articles

        texts = list(read_articles(folder).values())
        return texts, f"the {len(texts)} unlabelled PTC articles"
    sample = resources.files("spinscope").joinpath("data/sample-article.txt").read_text("utf-8")
    return [sample], "the shipped sample article (PTC absent)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start_server(workers: int, port: int, store: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SPINSCOPE_TOKEN": ""}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "spinscope",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--store",
            store,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _load(url: str, texts: list[str], clients: int, requests: int) -> dict[str, Any]:
    import httpx2 as httpx

    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as http:

        async def client(c: int) -> None:
            nonlocal errors
            for r in range(requests):
                text = texts[(c * requests + r) % len(texts)]
                t = time.perf_counter()
                try:
                    response = await http.post("/v1/analyze", json={"text": text})
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t)
                errors += not ok

        start = time.perf_counter()
        await asyncio.gather(*(client(c) for c in range(clients)))
        wall = time.perf_counter() - start
    latencies.sort()
    n = len(latencies)
    return {
        "requests": n,
        "errors": errors,
        "p50_s": round(statistics.median(latencies), 2),
        "p95_s": round(latencies[min(n - 1, int(0.95 * n))], 2),
        "articles_per_s": round(n / wall, 2),
        "wall_s": round(wall, 1),
    }


def run_server_variant(
    name: str, texts: list[str], clients: int, requests: int, tmp: Path
) -> dict[str, Any]:
    import httpx2 as httpx

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _start_server(VARIANTS[name], port, f"sqlite:///{tmp / f'{name}.db'}")
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the {name} server did not start")
            time.sleep(0.5)
        result = asyncio.run(_load(url, texts, clients, requests))
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"variant": name, "workers": VARIANTS[name], **result}


def batch_worker(n_process: int, ptc: Path, limit: int | None) -> dict[str, Any]:
    """``Pipeline.pipe`` over the articles, timed after loading; in its own process."""
    import spinscope
    from spinscope.document import Document

    texts, _ = articles(ptc)
    texts = texts[:limit] if limit else texts
    docs = [Document(t, id=str(i)) for i, t in enumerate(texts)]
    nlp = spinscope.load()
    nlp.load()
    nlp(docs[0].text)  # warm-up
    engine = "local" if n_process == 1 else "process"
    if n_process > 1:
        list(nlp.pipe(docs[:n_process], n_process=n_process, engine=engine))
    start = time.perf_counter()
    results = list(nlp.pipe(docs, n_process=n_process, engine=engine))
    wall = time.perf_counter() - start
    return {
        "variant": f"batch-{n_process}",
        "articles": len(results),
        "wall_s": round(wall, 1),
        "articles_per_s": round(len(results) / wall, 2),
    }


def run_batch(n_process: int, ptc: Path, limit: int | None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--batch-worker", str(n_process), "--ptc", str(ptc)]
    out = subprocess.run(
        [*command, *(["--batch-limit", str(limit)] if limit else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def section(
    servers: list[dict[str, Any]], batches: list[dict[str, Any]], meta: dict[str, Any]
) -> str:
    lines = [
        BEGIN,
        "",
        f"Measured {meta['date']} on {meta['machine']} with `{meta['command']}`: "
        f"{meta['clients']} concurrent clients × {meta['requests']} `POST /v1/analyze` each "
        f"on loopback, articles cycled from {meta['corpus']}; servers started (models "
        "loaded) before timing.",
        "",
        "| server | analysis workers | requests | errors | p50 latency | p95 latency "
        "| articles/s | vs batch |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    rates = {int(b["variant"].split("-")[1]): b["articles_per_s"] for b in batches}
    for r in servers:
        kind = "1 thread" if r["workers"] == 1 else f"{r['workers']} processes"
        base = rates.get(r["workers"])
        ratio = f"{r['articles_per_s'] / base:.2f}×" if base else "–"
        lines.append(
            f"| {r['variant']} | {kind} | {r['requests']} | {r['errors']} | {r['p50_s']} s "
            f"| {r['p95_s']} s | {r['articles_per_s']} | {ratio} |"
        )
    lines += [
        "",
        "The same articles through `Pipeline.pipe` (what `spinscope analyze` runs on a "
        "folder), models loaded:",
        "",
        "| batch | articles | articles/s |",
        "|---|---:|---:|",
    ]
    for b in batches:
        lines.append(f"| {b['variant']} | {b['articles']} | {b['articles_per_s']} |")
    lines += [
        "",
        f"Load average (1 min) when the run started: {meta['load']}; on a shared machine "
        'the absolute rates are low, the ratios are what to read. "vs batch" divides the '
        "server's rate by the batch rate with as many workers. Latency is mostly waiting: "
        f"{meta['clients']} clients share the workers, so each request waits for about "
        f"{meta['clients']} ÷ (articles/s) seconds; concurrent requests are analysed in "
        "batches, as `Pipeline.pipe` does.",
        "",
        END,
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--ptc", type=Path, default=SHARED / "data" / "ptc")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=20, help="requests per client")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--batch-limit", type=int, help="articles of the batch baseline (all)")
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--batch-worker", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.batch_worker:
        print(json.dumps(batch_worker(args.batch_worker, args.ptc, args.batch_limit)))
        return 0
    try:
        import httpx2  # noqa: F401
    except ImportError:
        print("skip: needs the test extra (httpx2)", file=sys.stderr)
        return 0
    load = machine()["load_1min_at_start"]
    texts, corpus = articles(args.ptc)
    names = [v for v in args.variants.split(",") if v]
    servers = []
    with tempfile.TemporaryDirectory(prefix="spinscope-bench-web-") as tmp:
        for name in names:
            servers.append(run_server_variant(name, texts, args.clients, args.requests, Path(tmp)))
            print(json.dumps(servers[-1]), flush=True)
    batches = []
    for n in sorted({VARIANTS[n] for n in names}):
        batches.append(run_batch(n, args.ptc, args.batch_limit))
        print(json.dumps(batches[-1]), flush=True)
    m = machine()
    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB, Python {m['python']}",
        "command": " ".join(["python bench/web.py", *(argv if argv is not None else sys.argv[1:])]),
        "clients": args.clients,
        "requests": args.requests,
        "corpus": corpus,
        "load": load,
    }
    if not args.no_doc:
        update_doc(args.doc, section(servers, batches, meta), BEGIN, END, heading="## Web app")
    return 1 if any(s["errors"] for s in servers) else 0


if __name__ == "__main__":
    raise SystemExit(main())
