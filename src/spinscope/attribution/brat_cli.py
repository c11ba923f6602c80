"""``spinscope brat``: attributions in PolNeAR's brat layout, and their scorer.

    spinscope brat attributions ../shared/data/polnear/dev -o build/pred-dev
    spinscope brat score ../shared/data/polnear/dev build/pred-dev
    spinscope brat agreement ../shared/data/polnear/train

``attributions`` reads ``TEXT_DIR/text/*.txt`` (a PolNeAR compartment) or
``TEXT_DIR/*.txt`` and writes ``OUT_DIR/<article>.ann``. ``score`` prints content
P/R/F1 (a predicted content matches a gold one sharing ≥ 50 % of the gold span's
tokens, one-to-one) and source/cue accuracy on matched pairs; ``agreement`` scores
the annotators of multiply-annotated articles against each other with the same
scorer (the human reference). See :mod:`spinscope.attribution.brat` for the rules
(doubly-annotated articles: the alphabetically first annotator is gold).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from spinscope.attribution.brat import (
    BratAttribution,
    Score,
    score_agreement,
    score_corpus,
    write_ann,
)
from spinscope.attribution.component import analyse
from spinscope.attribution.cues import DEFAULT_THRESHOLD
from spinscope.attribution.owners import fold_nested_quotations
from spinscope.document import Document
from spinscope.errors import SpinscopeError

__all__ = ["annotate_dir", "brat_app"]

brat_app = typer.Typer(
    name="brat",
    help="Attributions in PolNeAR's brat standoff layout, and their scorer.",
    no_args_is_help=True,
    add_completion=False,
)


def annotate_dir(
    text_dir: Path, out_dir: Path, *, threshold: float = DEFAULT_THRESHOLD, force: bool = False
) -> tuple[int, float]:
    """Write one ``.ann`` per ``.txt``; returns ``(articles, seconds)``."""
    src = text_dir / "text" if (text_dir / "text").is_dir() else text_dir
    texts = sorted(src.glob("*.txt"))
    if not texts:
        raise typer.BadParameter(f"no .txt files in {src}")
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for txt in texts:
        target = out_dir / f"{txt.stem}.ann"
        if target.exists() and not force:
            raise typer.BadParameter(f"{target} exists; pass --force to overwrite")
        text = txt.read_bytes().decode("utf-8")
        atts, *_ = analyse(Document(text), threshold=threshold)
        brat = [
            BratAttribution(cue=(a.cue,), content=a.content, source=(a.source,) if a.source else ())
            for a in fold_nested_quotations(text, atts)
        ]
        target.write_text(write_ann(brat, text), "utf-8")
    return len(texts), time.perf_counter() - t0


@brat_app.command("attributions")
def attributions_cmd(
    text_dir: Annotated[
        Path, typer.Argument(help="folder of .txt files (or a PolNeAR compartment)")
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="folder for the .ann files")],
    threshold: Annotated[float, typer.Option(help="cue tagger threshold")] = DEFAULT_THRESHOLD,
    force: Annotated[bool, typer.Option(help="overwrite existing .ann files")] = False,
) -> None:
    """Extract attributions from every .txt and write PolNeAR-style .ann files."""
    try:
        n, secs = annotate_dir(text_dir, out, threshold=threshold, force=force)
    except SpinscopeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(
        f"{n} articles -> {out} in {secs:.1f}s ({n / max(secs, 1e-9):.1f} articles/s)", err=True
    )


_OVERLAP_HELP = (
    "match rule: 'gold' (default: ≥ 50 %% of the gold span's tokens; the rule under which "
    "PolNeAR annotators agree at content F1 0.82), 'longer' (≥ 50 %% of the longer span) "
    "or 'any' (one shared token)"
)


def _check_overlap(overlap: str) -> None:
    if overlap not in ("longer", "gold", "any"):
        raise typer.BadParameter(f"--overlap must be gold, longer or any, not {overlap!r}")


def _print_score(score: Score, overlap: str, as_json: bool, unit: str = "articles") -> None:
    d = score.to_dict()
    if as_json:
        typer.echo(json.dumps(d, indent=2))
        return
    out = sys.stdout
    out.write(f"match rule: {overlap}\n")
    out.write(
        f"{unit} {d['articles']}  gold {d['gold']}  pred {d['pred']}  matched {d['matched']}\n"
    )
    out.write(
        f"content  P {d['content_precision']:.3f}  R {d['content_recall']:.3f}  "
        f"F1 {d['content_f1']:.3f}\n"
    )
    out.write(f"source accuracy (matched pairs) {d['source_accuracy']:.3f}\n")
    out.write(f"cue accuracy    (matched pairs) {d['cue_accuracy']:.3f}\n")


@brat_app.command("score")
def score_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="PolNeAR compartment (text/ + attributions/)")],
    pred_dir: Annotated[Path, typer.Argument(help="folder of predicted <article>.ann files")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    overlap: Annotated[str, typer.Option(help=_OVERLAP_HELP)] = "gold",
) -> None:
    """Content P/R/F1 and source/cue accuracy of PRED_DIR against GOLD_DIR."""
    _check_overlap(overlap)
    try:
        score = score_corpus(gold_dir, pred_dir, overlap)  # type: ignore[arg-type]
    except SpinscopeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    _print_score(score, overlap, as_json)


@brat_app.command("agreement")
def agreement_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="PolNeAR compartment (text/ + attributions/)")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    overlap: Annotated[str, typer.Option(help=_OVERLAP_HELP)] = "gold",
) -> None:
    """Inter-annotator agreement of GOLD_DIR's multiply-annotated articles (same scorer)."""
    _check_overlap(overlap)
    try:
        score = score_agreement(gold_dir, overlap)  # type: ignore[arg-type]
    except SpinscopeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    _print_score(score, overlap, as_json, unit="annotator pairs (ordered)")
