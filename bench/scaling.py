"""Scaling benchmark: peak RSS and seconds per MB of the default pipeline by input size.

``spinscope analyze FILE`` (the default pipeline) runs, each case in a fresh subprocess
whose peak RSS is read from ``wait4`` (``ru_maxrss``, model loading included), on:

* ``ptc``: the 165 unlabelled PTC articles (one directory, one run) — the reference;
* ``prose-1mb`` / ``prose-5mb``: PTC articles (labelled ones, then the unlabelled)
  concatenated, blank line between them, repeated until the size is reached;
* ``line-500kb``: the same words with every character other than letters, digits and
  blanks removed, on one line (no sentence ends: the worst case for per-sentence work).

Inputs are built in a temporary directory and deleted afterwards (no data is kept).
``--baseline-src DIR`` runs the same cases first with ``PYTHONPATH=DIR`` (the ``src``
folder of another checkout, e.g. ``git archive`` of the previous commit) and adds
before/after ratios; ``--before-json FILE`` takes those "before" figures from an
earlier ``--json`` run instead (the baseline runs away on the large inputs, and need not
be measured twice). ``--timeout`` stops a case that runs away (reported as ``>``).

Usage::

    .venv/bin/python bench/scaling.py [--baseline-src /tmp/base/src] [--no-doc] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
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
BEGIN, END = "<!-- bench:scaling:begin -->", "<!-- bench:scaling:end -->"
MB = 1_000_000
CASES = ("ptc", "prose-1mb", "prose-5mb", "line-500kb")
_NOT_WORD = re.compile(r"[^\w\s]+")
_BLANKS = re.compile(r"\s+")


def build_inputs(ptc: Path, tmp: Path) -> dict[str, Path]:
    """The input file (or directory) of each case, written under ``tmp``."""
    texts = [p.read_text("utf-8") for p in sorted((ptc / "articles").glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((ptc / "unlabeled").glob("*.txt"))]
    corpus = "\n\n".join(texts)

    def prose(size: int) -> str:
        reps = -(-size // len(corpus.encode("utf-8")))
        return "\n\n".join([corpus] * reps).encode("utf-8")[:size].decode("utf-8", "ignore")

    out = {"ptc": ptc / "unlabeled"}
    for name, size in (("prose-1mb", MB), ("prose-5mb", 5 * MB)):
        out[name] = tmp / f"{name}.txt"
        out[name].write_text(prose(size), "utf-8")
    line = _BLANKS.sub(" ", _NOT_WORD.sub("", prose(MB))).strip()
    out["line-500kb"] = tmp / "line-500kb.txt"
    out["line-500kb"].write_text(line.encode("utf-8")[: MB // 2].decode("utf-8", "ignore"))
    return out


def input_bytes(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.glob("*.txt"))
    return path.stat().st_size


def run_case(path: Path, src: str | None, timeout: float) -> dict[str, Any]:
    """``spinscope analyze`` on ``path`` in a fresh process: seconds and peak RSS."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    with tempfile.TemporaryDirectory() as out_dir:
        cmd = [
            sys.executable,
            "-m",
            "spinscope",
            "analyze",
            str(path),
            "--quiet",
            "--max-bytes",
            str(100 * MB),
            "--format",
            "jsonl",
            "-o",
            str(Path(out_dir) / "out.jsonl"),
        ]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        status, rss_kib = None, 0
        while status is None:
            pid, st, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, rss_kib = st, usage.ru_maxrss
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                _, st, usage = os.wait4(proc.pid, 0)
                return {
                    "status": "timeout",
                    "seconds": round(time.perf_counter() - start, 1),
                    "peak_rss_mib": round(usage.ru_maxrss / 1024),
                }
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    ok = proc.returncode == 0
    return {
        "status": "ok" if ok else "failed",
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(rss_kib / 1024),
        **({} if ok else {"error": err[-500:]}),
    }


def measure(inputs: dict[str, Path], src: str | None, timeout: float) -> dict[str, Any]:
    results = {}
    for name in CASES:
        size = input_bytes(inputs[name])
        r = run_case(inputs[name], src, timeout)
        r["mb"] = round(size / MB, 3)
        r["s_per_mb"] = round(r["seconds"] / (size / MB), 2)
        print(json.dumps({"case": name, "src": src or "this checkout", **r}), file=sys.stderr)
        results[name] = r
    return results


def _fmt_time(r: dict[str, Any]) -> str:
    mark = ">" if r["status"] == "timeout" else ""
    return f"{mark}{r['seconds']:.1f}"


def section(
    after: dict[str, Any], before: dict[str, Any] | None, info: dict[str, Any], meta: dict[str, Any]
) -> str:
    ref = after["ptc"]["s_per_mb"]
    head = "| input | MB | seconds | s/MB | s/MB ÷ PTC's | peak RSS MiB |"
    rule = "|---|---:|---:|---:|---:|---:|"
    if before:
        head += " before: seconds | before: peak RSS MiB | time after/before | RSS after/before |"
        rule += "---:|---:|---:|---:|"
    rows = []
    for name in CASES:
        r = after[name]
        row = (
            f"| {name} | {r['mb']:.2f} | {_fmt_time(r)} | {r['s_per_mb']:.1f} "
            f"| {r['s_per_mb'] / ref:.2f} | {r['peak_rss_mib']} |"
        )
        if before:
            b = before[name]
            mark = ">" if b["status"] == "timeout" else ""
            row += (
                f" {_fmt_time(b)} | {mark}{b['peak_rss_mib']} "
                f"| {mark and '<'}{r['seconds'] / b['seconds']:.2f} "
                f"| {mark and '<'}{r['peak_rss_mib'] / max(b['peak_rss_mib'], 1):.2f} |"
            )
        rows.append(row)
    failed = [n for n in CASES if after[n]["status"] != "ok"]
    return "\n".join(
        [
            BEGIN,
            "",
            f"Measured {meta['date']} on {info['nproc']} cores, {info['cpu']}, "
            f"{info['ram_gib']} GiB RAM, Python {info['python']} (load {info['load_1min_at_start']}"
            " at start).",
            f"Command: `{meta['command']}`; `spinscope analyze FILE` with the default "
            "pipeline, each case in a fresh process (model loading included), "
            f"timeout {meta['timeout']:.0f} s (`>`: stopped there)"
            + (f"; before = `{meta['baseline']}`" if before else "")
            + ".",
            "",
            head,
            rule,
            *rows,
            "",
            f"Failed or stopped: {', '.join(failed)}." if failed else "All cases finished.",
            "",
            END,
        ]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--ptc", type=Path, default=SHARED / "data" / "ptc")
    ap.add_argument("--baseline-src", help="src folder of the checkout to compare with")
    ap.add_argument("--before-json", type=Path, help="'before' figures from a --json run")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per case")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.ptc / "unlabeled").is_dir():
        print(f"skip: no PTC data at {args.ptc}", file=sys.stderr)
        return 0
    info = machine()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build_inputs(args.ptc, Path(tmp))
        before = None
        if args.before_json:
            saved = json.loads(args.before_json.read_text("utf-8"))
            before = saved.get("before") or saved["after"]
        elif args.baseline_src:
            before = measure(inputs, args.baseline_src, args.timeout)
        after = measure(inputs, None, args.timeout)
    argv_shown = " ".join(argv if argv is not None else sys.argv[1:])
    meta = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": f".venv/bin/python bench/scaling.py {argv_shown}".strip(),
        "timeout": args.timeout,
        "baseline": args.baseline_src or (args.before_json and args.before_json.name),
    }
    if args.json:
        print(json.dumps({"machine": info, "meta": meta, "before": before, "after": after}))
    if not args.no_doc:
        update_doc(args.doc, section(after, before, info, meta), BEGIN, END, "## Scaling")
        print(f"updated {args.doc}", file=sys.stderr)
    return 0 if all(r["status"] == "ok" for r in after.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
