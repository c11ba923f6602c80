"""``spinscope semeval``: SemEval-2020 Task 11 predictions, official scoring, baselines.

Commands:

* ``si ARTICLES_DIR -o PRED.tsv`` — find technique spans in every ``article<ID>.txt``
  and write merged SI predictions;
* ``tc ARTICLES_DIR --spans TEMPLATE.tsv -o PRED.tsv`` — label every template span;
* ``score si|tc GOLD PRED [--json]`` — the official scores (GOLD: a labels file or folder);
* ``train-baseline PTC_DIR -o MODEL.pkl`` / ``cv-baseline PTC_DIR`` — the TF-IDF+LR
  baseline (needs the ``train`` extra).

``--model`` picks the predictor: ``pipeline`` (default; the ``techniques.v1``
component) or ``baseline:PATH`` (a file from ``train-baseline``).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from spinscope.errors import SpinscopeError
from spinscope.techniques.semeval import (
    PTC_TECHNIQUES,
    SIScore,
    SpanPair,
    TCScore,
    fill_template,
    load_ptc,
    read_articles,
    read_si,
    read_tc,
    read_template,
    score_si,
    score_tc,
    write_si,
    write_tc,
)

if TYPE_CHECKING:
    from spinscope.document import Document

__all__ = ["PIPELINE", "semeval_app"]

#: Components run over each article by ``--model pipeline``.
PIPELINE: tuple[str, ...] = ("boilerplate.v1", "sentences.v1", "techniques.v1")

semeval_app = typer.Typer(
    help="SemEval-2020 Task 11 (PTC): predictions, official scorer, TF-IDF baseline.",
    no_args_is_help=True,
    add_completion=False,
)


class Task(StrEnum):
    """Which SemEval subtask to score."""

    si = "si"
    tc = "tc"


ModelOpt = Annotated[
    str,
    typer.Option(
        "--model",
        help="'pipeline' (the techniques.v1 component) or 'baseline:PATH' (train-baseline file).",
    ),
]
OutOpt = Annotated[Path, typer.Option("-o", "--output", help="Where to write the predictions.")]
ArticlesArg = Annotated[
    Path, typer.Argument(help="Folder of article<ID>.txt files.", exists=True, file_okay=False)
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _baseline_path(model: str) -> Path | None:
    if model == "pipeline":
        return None
    kind, _, path = model.partition(":")
    if kind != "baseline" or not path:
        raise _fail(f"--model must be 'pipeline' or 'baseline:PATH', got {model!r}")
    return Path(path)


def _load_baseline(path: Path) -> Any:
    from spinscope.techniques.baseline import TechniquesBaseline

    try:
        return TechniquesBaseline.load(path)
    except (OSError, ValueError) as exc:
        raise _fail(f"cannot load the baseline: {exc}") from None


def _documents(articles: dict[str, str], names: Sequence[str]) -> list[tuple[str, Document]]:
    """Run the pipeline ``names`` over the articles; failed articles are reported and skipped."""
    from spinscope.document import Document
    from spinscope.pipeline import Pipeline

    try:
        # SemEval scores the model's own spans: no trimming to phrase boundaries (a
        # display concern), and English is given (PTC is English).
        settings = {"techniques.v1": {"trim": False}} if "techniques.v1" in names else {}
        nlp = Pipeline(list(names), settings, language="en").load()
    except SpinscopeError as exc:
        raise _fail(f"{exc} (or use --model baseline:PATH)", 4) from None
    docs = [Document(text, id=aid) for aid, text in articles.items()]
    out: list[tuple[str, Document]] = []
    for result in nlp.pipe(docs):
        if isinstance(result, Document):
            out.append((result.id, result))
        else:
            typer.echo(f"warning: article {result.id}: {result.error}", err=True)
    return out


@semeval_app.command("si")
def si_command(articles_dir: ArticlesArg, output: OutOpt, model: ModelOpt = "pipeline") -> None:
    """Write SI predictions (id, start, end; overlapping spans merged) for every article."""
    articles = read_articles(articles_dir)
    baseline_file = _baseline_path(model)
    predictions: dict[str, list[SpanPair]] = {}
    if baseline_file is not None:
        baseline = _load_baseline(baseline_file)
        for aid, text in articles.items():
            predictions[aid] = [(s, e) for s, e, _, _ in baseline.analyze(text)]
    else:
        for aid, doc in _documents(articles, PIPELINE):
            predictions[aid] = [(s.start, s.end) for s in doc.group("techniques")]
    n = write_si(output, predictions)
    typer.echo(f"wrote {n} spans for {len(articles)} articles to {output}", err=True)


def _pipeline_classifier() -> Callable[[Document, list[SpanPair]], list[tuple[str, float]]]:
    """``spinscope.techniques.component.classify_spans`` (provided by the model)."""
    try:
        module = importlib.import_module("spinscope.techniques.component")
        fn: Callable[[Document, list[SpanPair]], list[tuple[str, float]]]
        fn = module.classify_spans
    except (ImportError, AttributeError) as exc:
        raise _fail(
            f"the techniques component offers no classify_spans ({exc}); use --model baseline:PATH",
            4,
        ) from None
    return fn


@semeval_app.command("tc")
def tc_command(
    articles_dir: ArticlesArg,
    spans: Annotated[
        Path,
        typer.Option("--spans", help="Template: id, ?, start, end per line.", exists=True),
    ],
    output: OutOpt,
    model: ModelOpt = "pipeline",
) -> None:
    """Label every template span with a technique and write the TC predictions."""
    articles = read_articles(articles_dir)
    try:
        template = read_template(spans)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    missing = sorted({aid for aid, _, _ in template} - set(articles))
    if missing:
        raise _fail(f"template articles without text in {articles_dir}: {missing[:5]}")
    by_article: dict[str, list[SpanPair]] = {}
    for aid, s, e in template:
        by_article.setdefault(aid, []).append((s, e))
    labelled: dict[tuple[str, int, int], list[str]] = {}
    baseline_file = _baseline_path(model)
    if baseline_file is not None:
        baseline = _load_baseline(baseline_file)
        results = {
            aid: baseline.classify_spans(articles[aid], pairs) for aid, pairs in by_article.items()
        }
    else:
        classify = _pipeline_classifier()
        wanted = {aid: articles[aid] for aid in by_article}
        docs = dict(_documents(wanted, PIPELINE[:-1]))
        absent = sorted(set(by_article) - set(docs))
        if absent:
            raise _fail(f"could not process articles {absent[:5]}", 4)
        try:
            results = {aid: classify(docs[aid], pairs) for aid, pairs in by_article.items()}
        except SpinscopeError as exc:
            raise _fail(f"{exc} (or use --model baseline:PATH)", 4) from None
    for aid, pairs in by_article.items():
        for (s, e), (label, _) in zip(pairs, results[aid], strict=True):
            labelled.setdefault((aid, s, e), []).append(label)
    labels = [labelled[(aid, s, e)].pop(0) for aid, s, e in template]
    n = write_tc(output, fill_template(template, labels))
    typer.echo(f"wrote {n} labelled spans to {output}", err=True)


def _print_si(score: SIScore) -> None:
    o = score.overall
    typer.echo(f"SI  P={o.precision:.4f}  R={o.recall:.4f}  F1={o.f1:.4f}")
    typer.echo(f"    |S|={o.n_pred} predicted spans, |T|={o.n_gold} gold spans (merged)")


def _print_tc(score: TCScore) -> None:
    m = score.micro
    typer.echo(f"TC  micro P={m.precision:.4f}  R={m.recall:.4f}  F1={m.f1:.4f}")
    typer.echo(f"    macro-F1={score.macro_f1:.4f}  ({m.n_pred} predicted, {m.n_gold} gold)")
    width = max((len(t) for t in score.per_technique), default=10)
    typer.echo(f"{'technique':<{width}}  {'P':>6}  {'R':>6}  {'F1':>6}  {'gold':>5}  {'pred':>5}")
    for technique, v in score.per_technique.items():
        typer.echo(
            f"{technique:<{width}}  {v.precision:6.4f}  {v.recall:6.4f}  {v.f1:6.4f}"
            f"  {v.n_gold:5d}  {v.n_pred:5d}"
        )


@semeval_app.command("score")
def score_command(
    task: Annotated[Task, typer.Argument(help="si or tc.")],
    gold: Annotated[Path, typer.Argument(help="Gold labels file or folder.", exists=True)],
    pred: Annotated[Path, typer.Argument(help="Predictions file.", exists=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    merge_pred: Annotated[
        bool,
        typer.Option(
            "--merge-pred", "-m", help="SI: merge overlapping predictions (else an error)."
        ),
    ] = False,
    lenient: Annotated[
        bool,
        typer.Option(
            "--lenient", help="TC: allow predicted spans that differ from the gold spans."
        ),
    ] = False,
    any_technique: Annotated[
        bool,
        typer.Option("--any-technique", help="TC: accept labels outside the 14 PTC classes."),
    ] = False,
) -> None:
    """Score predictions with the official SemEval-2020 Task 11 metric."""
    try:
        if task is Task.si:
            si = score_si(read_si(gold), read_si(pred), merge_pred=merge_pred)
            if as_json:
                typer.echo(json.dumps(si.to_dict(), indent=2))
            else:
                _print_si(si)
            return
        tc = score_tc(
            read_tc(gold),
            read_tc(pred),
            techniques=None if any_technique else PTC_TECHNIQUES,
            strict=not lenient,
        )
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(tc.to_dict(), indent=2))
    else:
        _print_tc(tc)


@semeval_app.command("train-baseline")
def train_baseline_command(
    ptc_dir: Annotated[
        Path, typer.Argument(help="PTC folder: articles/, labels-si/, labels-tc/.", exists=True)
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Model file to write.")],
    no_si: Annotated[bool, typer.Option("--no-si", help="Train the TC classifier only.")] = False,
) -> None:
    """Train the TF-IDF + logistic-regression baseline on all labelled PTC articles."""
    from spinscope.techniques.baseline import train

    ptc = load_ptc(ptc_dir)
    if not ptc.tc:
        raise _fail(f"{ptc_dir} has no labels-tc folder")
    model = train(ptc, with_si=not no_si and bool(ptc.si))
    model.save(output)
    typer.echo(f"trained on {len(ptc.ids)} articles; saved {output}", err=True)


@semeval_app.command("cv-baseline")
def cv_baseline_command(
    ptc_dir: Annotated[Path, typer.Argument(help="PTC folder.", exists=True)],
    k: Annotated[int, typer.Option(help="Folds.")] = 5,
    seed: Annotated[int, typer.Option(help="Split seed.")] = 13,
    no_si: Annotated[bool, typer.Option("--no-si", help="Skip the SI baseline.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Article-level k-fold CV of the baseline (the folds the neural model uses)."""
    from spinscope.techniques.baseline import cross_validate

    ptc = load_ptc(ptc_dir)
    result = cross_validate(ptc, k=k, seed=seed, with_si=not no_si and bool(ptc.si))
    report = result.to_dict()
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    for key, mean in report["mean"].items():
        typer.echo(f"{key:<14} {mean:.4f} ± {report['std'][key]:.4f}")


if __name__ == "__main__":  # python -m spinscope.techniques.semeval_cli ...
    semeval_app()
