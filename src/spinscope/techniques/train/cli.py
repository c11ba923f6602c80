"""``spinscope train techniques``: the whole recipe, seeded and logged.

Steps (each skipped when its output already exists, so an interrupted run resumes):
1. export the frozen MiniLM-L6 encoder to ONNX + int8, cache its features (OUT/enc);
2. k-fold CV of the heads over the 371 labelled PTC articles (OUT/fold<k>);
3. pool out-of-fold predictions: metrics, SI threshold, calibration (OUT/cv_report.json);
4. train the heads on all articles (OUT/full) and export the artifact (OUT/artifact).

Torch and transformers are imported only when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

train_app = typer.Typer(
    help="Train spinscope models (needs the `train` extra).", no_args_is_help=True
)


@train_app.command("techniques")
def techniques(
    ptc: Annotated[Path, typer.Option(help="PTC corpus directory (articles/, labels-tc/)")],
    out: Annotated[Path, typer.Option(help="output directory for runs and the artifact")],
    folds: Annotated[int, typer.Option(help="number of CV folds (0: no CV)")] = 5,
    epochs: Annotated[int, typer.Option(help="head training epochs")] = 8,
    seed: Annotated[int, typer.Option(help="random seed")] = 13,
    threads: Annotated[int, typer.Option(help="torch threads")] = 2,
) -> None:
    """Train, cross-validate and export the propaganda-technique model."""
    import os
    import subprocess

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from spinscope.techniques.train import train as tr

    out.mkdir(parents=True, exist_ok=True)
    enc = out / "enc"
    py = sys.executable
    if not (enc / "feats-labeled.npz").is_file():
        subprocess.run(
            [py, "-m", "spinscope.techniques.train.encoder", "--ptc", str(ptc), "--out", str(enc)],
            check=True,
        )
    common = [
        "--ptc",
        str(ptc),
        "--feats",
        str(enc / "feats-labeled.npz"),
        "--epochs",
        str(epochs),
        "--seed",
        str(seed),
        "--threads",
        str(threads),
    ]
    fold_dirs = []
    for k in range(folds):
        d = out / f"fold{k}"
        fold_dirs.append(str(d))
        if not (d / "oof.pkl").is_file():
            tr.train(
                tr.parser().parse_args(
                    [*common, "--out", str(d), "--fold", str(k), "--folds", str(folds)]
                )
            )
    full = out / "full"
    if not (full / "head.pt").is_file():
        tr.train(tr.parser().parse_args([*common, "--out", str(full)]))
    if folds:
        subprocess.run(
            [
                py,
                "-m",
                "spinscope.techniques.train.report",
                "--ptc",
                str(ptc),
                "--out",
                str(out / "cv_report.json"),
                *fold_dirs,
            ],
            check=True,
        )
        subprocess.run(
            [
                py,
                "-m",
                "spinscope.techniques.train.export",
                "--run",
                str(full),
                "--enc",
                str(enc),
                "--cv",
                str(out / "cv_report.json"),
                "--out",
                str(out / "artifact"),
            ],
            check=True,
        )
    typer.echo(f"done: {out}")


if __name__ == "__main__":  # pragma: no cover
    train_app()
