"""``spinscope checkthat checkworthy`` and ``score-checkworthy``: CheckThat! 2024 Task 1
(check-worthiness of debate sentences) runs and their score.

    spinscope checkthat checkworthy CT24_checkworthy_english_dev-test.tsv -o run.tsv
    spinscope checkthat score-checkworthy CT24_checkworthy_english_dev-test.tsv run.tsv

Exit codes: 0 done; 2 usage error or an unreadable file (an ``ERROR`` line on stderr).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from spinscope.errors import MalformedRecordError, ModelError

__all__ = ["add_commands", "checkworthy_command", "score_checkworthy_command"]

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str) -> typer.Exit:
    _err.print(f"ERROR {message}", markup=False)
    return typer.Exit(2)


def checkworthy_command(
    sentences: Annotated[
        Path,
        typer.Argument(
            help="TSV with a header: Sentence_id, Text[, class_label].", show_default=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="TSV to write: Sentence_id, class_label (Yes/No)."),
    ],
    threshold: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Probability from which a sentence is Yes; default the model's (chosen by "
            "cross-validation).",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option(help="Model folder; default the shipped checkworthy-v1.", show_default=False),
    ] = None,
) -> None:
    """Label each sentence of SENTENCES check-worthy (Yes) or not (No)."""
    from spinscope.checkworthy.component import load_model
    from spinscope.checkworthy.tsv import read_rows, unquote, write_labels

    try:
        rows = read_rows(sentences, need_text=True)
        m = load_model(model)
    except (MalformedRecordError, ModelError) as exc:
        raise _fail(str(exc)) from exc
    probs = m.predict_proba([unquote(r.text or "") for r in rows])
    cut = m.threshold if threshold is None else threshold
    write_labels(output, [(r.id, bool(p >= cut)) for r, p in zip(rows, probs, strict=True)])
    yes = int((probs >= cut).sum())
    _err.print(f"{len(rows):,} sentences, {yes:,} Yes (threshold {cut:.2f}) -> {output}")


def score_checkworthy_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold TSV: Sentence_id, [Text,] class_label.", show_default=False)
    ],
    predicted: Annotated[
        Path, typer.Argument(help="Run TSV: Sentence_id, class_label.", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """F1 of Yes (the task's figure), precision, recall and accuracy of PREDICTED."""
    from spinscope.checkworthy.metrics import score
    from spinscope.checkworthy.tsv import read_rows

    try:
        g = {r.id: r.positive for r in read_rows(gold, need_label=True)}
        p = {r.id: r.positive for r in read_rows(predicted, need_label=True)}
        result = score(g, p)
    except MalformedRecordError as exc:
        raise _fail(str(exc)) from exc
    except ValueError as exc:
        raise _fail(f"{predicted}: {exc}") from exc
    if as_json:
        print(json.dumps(result.as_dict(), indent=2))
        return
    # Plain print: tab-separated lines for other tools.
    for name in ("f1", "precision", "recall", "accuracy"):
        print(f"{name}\t{getattr(result, name):.4f}")
    print(f"sentences\t{result.n}")


def add_commands(app: typer.Typer) -> None:
    """Mount the two commands on the ``checkthat`` app."""
    app.command("checkworthy")(checkworthy_command)
    app.command("score-checkworthy")(score_checkworthy_command)
