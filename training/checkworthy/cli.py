"""``python -m training.checkworthy STEP``: the check-worthiness model.

* ``train``: cross-validate, fit on CheckThat! 2024 Task 1 train+dev and export
  ``src/spinscope/models/checkworthy-v1/`` with its model card.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from training.checkworthy.train import TrainConfig
from training.options import add_arguments, from_namespace


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(
        prog="python -m training.checkworthy", description="Train the check-worthiness model."
    )
    sub = p.add_subparsers(dest="step", required=True, metavar="STEP")
    add_arguments(sub.add_parser("train", help="CV, fit, export, model card"), TrainConfig)
    ns = p.parse_args(argv)
    from training.checkworthy.train import train

    print(json.dumps(train(from_namespace(TrainConfig, ns)), indent=2))
