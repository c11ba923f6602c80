"""``python -m training.techniques STEP ...``: the technique-model training steps.

Every step's options are the fields of its configuration dataclass
(:mod:`training.techniques.config`); the command builds that dataclass and calls the
step function, exactly as other steps (and :mod:`.recipe`) do from Python.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from training.options import add_arguments, from_namespace
from training.techniques import config as c


@dataclass(frozen=True)
class Step:
    """A subcommand: its configuration class and the function that runs it."""

    config: type[Any]
    run: Callable[[Any], Any]
    help: str


def _recipe(cfg: c.RecipeConfig) -> None:
    from training.techniques import recipe

    recipe.run(cfg)


def _encoder(cfg: c.EncoderConfig) -> None:
    from training.techniques import encoder

    encoder.run(cfg)


def _train(cfg: c.TrainConfig) -> None:
    from training.techniques import train

    train.train(cfg)


def _finetune(cfg: c.FinetuneConfig) -> None:
    from training.techniques import finetune

    finetune.train(cfg)


def _pseudo(cfg: c.PseudoConfig) -> None:
    from training.techniques import pseudo

    pseudo.run(cfg)


def _report(cfg: c.ReportConfig) -> None:
    from training.techniques import report

    report.report(cfg)


def _export(cfg: c.ExportConfig) -> None:
    from training.techniques import export

    export.run(cfg)


def _bench(cfg: c.BenchConfig) -> None:
    from training.techniques import bench

    print(json.dumps(bench.run(cfg), indent=1))


def _card(cfg: c.CardConfig) -> None:
    from training.techniques import card

    print(card.write(cfg))


STEPS: dict[str, Step] = {
    "recipe": Step(c.RecipeConfig, _recipe, "train, cross-validate and export (all steps)"),
    "encoder": Step(c.EncoderConfig, _encoder, "export the frozen encoder, cache features"),
    "train": Step(c.TrainConfig, _train, "train heads on cached encoder features"),
    "finetune": Step(c.FinetuneConfig, _finetune, "fine-tune the encoder with the heads"),
    "pseudo": Step(c.PseudoConfig, _pseudo, "teacher labels of the unlabelled articles"),
    "report": Step(c.ReportConfig, _report, "pool out-of-fold predictions: CV report"),
    "export": Step(c.ExportConfig, _export, "build the shipped artifact"),
    "bench": Step(c.BenchConfig, _bench, "speed of an artifact (JSON on stdout)"),
    "card": Step(c.CardConfig, _card, "write MODEL_CARD.md of an artifact"),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m training.techniques",
        description="Train, evaluate and export the propaganda-technique model "
        "(needs the `train` extra).",
    )
    sub = p.add_subparsers(dest="step", required=True, metavar="STEP")
    for name, step in STEPS.items():
        add_arguments(sub.add_parser(name, help=step.help, description=step.help), step.config)
    return p


def parse(argv: Sequence[str] | None = None) -> tuple[Step, Any]:
    """The step named in ``argv`` and its configuration."""
    ns = parser().parse_args(argv)
    step = STEPS[ns.step]
    return step, from_namespace(step.config, ns)


def main(argv: Sequence[str] | None = None) -> None:
    step, cfg = parse(argv)
    step.run(cfg)
