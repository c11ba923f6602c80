"""Every attribution of a fixed draw of corpus articles, one JSON line each: what a
change to the attribution rules does to articles nobody annotated.

    SPINSCOPE_SHARED=../shared PYTHONPATH=src .venv/bin/python bench/attribution_dump.py \\
        build/before.jsonl [--articles 958]
    (change the rules)
    ... bench/attribution_dump.py build/after.jsonl
    diff build/before.jsonl build/after.jsonl

The draw is the PTC articles (labelled and unlabelled) and the FakeNewsNet v1 texts,
shuffled with ``random.Random(5)``; each line is ``[article, cue start, cue, source,
speaker name, speaker role]``, in the order ``attribution.v1`` gives them (after
``boilerplate.v1``, as ``analyze`` runs it). The annotated speaker sets score what they
hold; this shows every other place a rule fires, for a reader to judge the changed
lines. Not a timed benchmark, and it writes nothing into ``docs/``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speakers as bench  # the speaker bench's readers of the corpora

from spinscope.attribution.component import analyse
from spinscope.document import Document


def article_ids(shared: Path) -> list[str]:
    """PTC and FakeNewsNet v1 ids in the fixed draw order."""
    ptc = shared / "data" / "ptc"
    ids = [
        f"ptc:{p.stem}" for p in sorted([*ptc.glob("articles/*.txt"), *ptc.glob("unlabeled/*.txt")])
    ]
    fnn = shared / "data" / "corpora" / "fakenewsnet-v1"
    ids += [
        p.name.removesuffix("-Webpage.json")
        for p in sorted(fnn.glob("*/*NewsContent/*-Webpage.json"))
    ]
    random.Random(5).shuffle(ids)
    return ids


def dump(out: Path, articles: int, max_chars: int = 40_000) -> int:
    """Write the attributions of the first ``articles`` of the draw; the lines written."""
    corpus = bench.SHARED / "data" / "corpora" / "fakenewsnet-v1"
    furniture = bench._furniture()
    lines = 0
    with out.open("w", encoding="utf-8") as fh:
        for aid in article_ids(bench.SHARED)[:articles]:
            try:
                text = bench.article_text(corpus, aid)
            except (OSError, ValueError, KeyError):
                continue
            if not text or len(text) > max_chars:
                continue
            atts, speakers, links, _ = analyse(furniture(Document(text)))
            for a, sid in zip(atts, links, strict=True):
                sp = speakers[sid] if sid is not None and a.source is not None else None
                src = text[a.source[0] : a.source[1]] if a.source else None
                row = [aid, a.cue[0], text[a.cue[0] : a.cue[1]], src]
                row += [sp.name if sp else None, sp.role if sp else None]
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                lines += 1
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("out", type=Path, help="the JSON-lines file to write")
    ap.add_argument("--articles", type=int, default=958, help="how many articles of the draw")
    args = ap.parse_args(argv)
    if not (bench.SHARED / "data" / "ptc").is_dir():
        print(f"skip: no corpora under {bench.SHARED / 'data'}")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n = dump(args.out, args.articles)
    print(f"{n} attributions -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
