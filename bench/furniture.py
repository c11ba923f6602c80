"""Page furniture benchmark: what of a saved news page the analyses read.

On the html-eval pages (``data/html-eval``: saved English news and blog pages, each with
snippets that belong to the article, ``with``, and snippets of page furniture,
``without``), every page is read with :func:`spinscope.ingest.read_document` (trafilatura
and the metadata the page declares) and then run through ``boilerplate.v1``. A snippet
counts as *in the analysed text* when it occurs (whitespace collapsed, case kept) in the
text outside the ``boilerplate`` spans (:meth:`Document.content_ranges`). Two rows:

* ``extracted text`` — every extracted character is analysed (no ``boilerplate.v1``);
* ``boilerplate.v1`` — the extracted text less the spans ``boilerplate.v1`` marks.

Kept = share of ``with`` snippets in the analysed text (higher is better); leaked = share
of ``without`` snippets in it (lower is better). The metadata the page gives (title,
author, date, taken from the same evaluation data where it names them) is compared with
``Meta``: exact match after whitespace collapsing and case folding; dates on the first
10 characters.

It counts the lines ``boilerplate.v1`` marks on the plain-text FakeNewsNet articles, per
kind, and the ``labels.v1`` devices found in the 371 labelled PTC articles and the
FakeNewsNet texts, per kind (the precision of those hits was judged by hand; see the
prose next to this section in ``docs/benchmarks.md``).

Usage::

    .venv/bin/python bench/furniture.py [--data ../shared/data] [--no-doc] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from techniques import machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPINSCOPE_SHARED", ROOT.parent / "shared"))
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:furniture:begin -->", "<!-- bench:furniture:end -->"
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _same(found: Any, expected: Any) -> bool:
    """Equal after whitespace collapsing and case folding (lists: as "a; b")."""
    if isinstance(expected, list):
        expected = "; ".join(map(str, expected))
    if not isinstance(found, str) or not isinstance(expected, str):
        return False
    return _norm(found).casefold() == _norm(expected).casefold()


def html_eval(data: Path) -> dict[str, Any]:
    """Kept/leaked snippet shares and metadata agreement on the html-eval pages."""
    from spinscope.ingest import IngestOptions, read_document
    from spinscope.ingest.boilerplate import make_boilerplate

    spec = json.loads((data / "evaldata-dev.json").read_text("utf-8"))
    boilerplate = make_boilerplate()
    rows = {"extracted text": Counter[str](), "boilerplate.v1": Counter[str]()}
    meta = Counter[str]()
    kinds = Counter[str]()
    failed: list[str] = []
    started = time.perf_counter()
    bp_seconds = 0.0
    for entry in spec.values():
        try:
            doc = read_document(data / "pages" / entry["file"], options=IngestOptions())
        except Exception as exc:  # a page the reader refuses counts as nothing kept
            failed.append(f"{entry['file']}: {type(exc).__name__}")
            continue
        t0 = time.perf_counter()
        doc = boilerplate(doc)
        bp_seconds += time.perf_counter() - t0
        for span in doc.spans["boilerplate"]:
            kinds.update(span.attrs.get("lines", ()))
        whole = _norm(doc.text)
        analysed = _norm("\n".join(doc.text[a:b] for a, b in doc.content_ranges()))
        for name, text in (("extracted text", whole), ("boilerplate.v1", analysed)):
            row = rows[name]
            for snippet in entry["with"]:
                row["with"] += 1
                row["kept"] += _norm(snippet) in text
            for snippet in entry["without"]:
                row["without"] += 1
                row["leaked"] += _norm(snippet) in text
            row["chars"] += len(text)
        for key, value in (
            ("title", doc.meta.title),
            ("author", doc.meta.extra.get("author")),
        ):
            if entry.get(key):
                meta[f"{key}_given"] += 1
                meta[f"{key}_ok"] += _same(value, entry[key])
        if entry.get("date"):
            meta["date_given"] += 1
            meta["date_ok"] += (doc.meta.published or "")[:10] == entry["date"][:10]
    return {
        "pages": len(spec),
        "failed": failed,
        "rows": {k: dict(v) for k, v in rows.items()},
        "meta": dict(meta),
        "kinds": dict(kinds.most_common()),
        "seconds": round(time.perf_counter() - started, 1),
        "boilerplate_ms": round(bp_seconds * 1000, 1),
    }


def _fakenewsnet_texts(data: Path) -> list[str]:
    """The article texts of the FakeNewsNet v1 JSON files, in file order."""
    texts: list[str] = []
    fnn = data / "corpora" / "fakenewsnet-v1"
    for path in sorted(fnn.rglob("*.json")) if fnn.is_dir() else ():
        try:
            item = json.loads(path.read_text("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            texts.append(item["text"])
    return texts


def plain_text_furniture(data: Path) -> dict[str, Any]:
    """Lines ``boilerplate.v1`` marks on the FakeNewsNet texts, per kind and per place."""
    from spinscope.ingest.boilerplate import find_boilerplate

    texts = _fakenewsnet_texts(data)
    kinds = Counter[str]()
    places = Counter[str]()
    marked = 0
    for text in texts:
        spans = find_boilerplate(text)
        marked += bool(spans)
        for span in spans:
            kinds.update(span.attrs["lines"])
            places[span.label] += len(span.attrs["lines"])
    return {
        "texts": len(texts),
        "with_furniture": marked,
        "kinds": dict(kinds.most_common()),
        "places": dict(places),
    }


def label_hits(data: Path) -> dict[str, Any]:
    """``labels.v1`` devices per kind on the labelled PTC articles and FakeNewsNet texts."""
    from spinscope.techniques.labels import find_labels

    texts: list[str] = []
    ptc = data / "ptc" / "articles"
    if ptc.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(ptc.glob("*.txt"))]
    n_ptc = len(texts)
    texts += _fakenewsnet_texts(data)
    kinds = Counter[str]()
    regimes = 0
    for text in texts:
        for cue in find_labels(text):
            kinds[cue.kind] += 1
            regimes += text[cue.cue[0] : cue.cue[1]].lower().startswith("regime")
    return {
        "ptc_articles": n_ptc,
        "fakenewsnet_texts": len(texts) - n_ptc,
        "kinds": dict(kinds),
        "regime": regimes,
    }


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} % ({part}/{whole})" if whole else "n/a"


def section(result: dict[str, Any], info: dict[str, Any], command: str) -> str:
    """The markdown of the furniture section."""
    ev = result["html_eval"]
    lines = [
        BEGIN,
        "### Page furniture and page metadata (bench/furniture.py)",
        "",
        f"- date: {result['date']}",
        f"- machine: {info['nproc']} CPUs (`nproc`), {info['cpu']}, {info['ram_gib']} GiB RAM, "
        f"Python {info['python']}",
        f"- command: `{command}`",
        f"- input: {ev['pages']} html-eval pages (`data/html-eval`), read with "
        f"`read_document` ({len(ev['failed'])} refused); {ev['seconds']} s in all, "
        f"`boilerplate.v1` {ev['boilerplate_ms']} ms of it",
        "",
        "| analysed text | `with` snippets kept | `without` snippets leaked | characters |",
        "|---|---:|---:|---:|",
    ]
    for name, row in ev["rows"].items():
        lines.append(
            f"| {name} | {_pct(row.get('kept', 0), row.get('with', 0))}"
            f" | {_pct(row.get('leaked', 0), row.get('without', 0))} | {row.get('chars', 0):,} |"
        )
    m = ev["meta"]
    lines += [
        "",
        "| page metadata | agrees with the evaluation data |",
        "|---|---:|",
        *(
            f"| {key} | {_pct(m.get(f'{key}_ok', 0), m.get(f'{key}_given', 0))} |"
            for key in ("title", "author", "date")
        ),
        "",
        "Lines marked, by kind: "
        + (", ".join(f"{k} {v}" for k, v in ev["kinds"].items()) or "none")
        + ".",
    ]
    fnn = result.get("plain_text")
    if fnn and fnn["texts"]:
        kinds = ", ".join(f"{k} {v}" for k, v in fnn["kinds"].items())
        places = ", ".join(f"{k} {v}" for k, v in sorted(fnn["places"].items()))
        lines += [
            "",
            f"Plain text: on {fnn['texts']} FakeNewsNet texts `boilerplate.v1` marks "
            f"{sum(fnn['kinds'].values())} lines in {fnn['with_furniture']} texts ({places}): "
            f"{kinds}.",
        ]
    lab = result.get("labels")
    if lab:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(lab["kinds"].items()))
        lines += [
            "",
            f"`labels.v1` on {lab['ptc_articles']} PTC articles + {lab['fakenewsnet_texts']} "
            f"FakeNewsNet texts (whole texts): {sum(lab['kinds'].values())} devices ({kinds}), "
            f'{lab["regime"]} of them "the X regime".',
        ]
    lines += ["", END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    if not (args.data / "html-eval" / "evaldata-dev.json").is_file():
        print(f"skip: no html-eval data under {args.data}")
        return 0
    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "html_eval": html_eval(args.data / "html-eval"),
        "plain_text": plain_text_furniture(args.data),
        "labels": label_hits(args.data),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(section(result, machine(), "python bench/furniture.py"))
    if not args.no_doc:
        update_doc(
            args.doc,
            section(result, machine(), "python bench/furniture.py"),
            BEGIN,
            END,
            heading="## Page furniture, page metadata and labels",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
