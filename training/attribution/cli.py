"""``python -m training.attribution STEP ...``: train the attribution models.

* ``cues``: the logistic-regression cue model shipped as
  ``spinscope/attribution/cue_model.json.gz`` (``--cv K`` chooses its threshold);
* ``confidence``: the speaker confidence shipped as
  ``spinscope/attribution/speaker_confidence.json``, with its cross-validated figures;
* ``pronouns``: a learned ``he``/``she`` antecedent ranking measured against the rules
  (leave-one-set-out; not shipped);
* ``tagger``: the optional neural tagger (needs the ``train`` extra: torch, transformers).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from training.attribution.confidence import ConfidenceConfig
from training.attribution.cues import CuesConfig
from training.attribution.pronouns import PronounConfig
from training.attribution.tagger import TaggerConfig
from training.options import add_arguments, from_namespace


def _cues(cfg: CuesConfig) -> None:
    from training.attribution import cues

    cues.run(cfg)


def _confidence(cfg: ConfidenceConfig) -> None:
    from training.attribution import confidence

    confidence.run(cfg)


def _pronouns(cfg: PronounConfig) -> None:
    from training.attribution import pronouns

    pronouns.run(cfg)


def _tagger(cfg: TaggerConfig) -> None:
    from training.attribution import tagger

    tagger.train(cfg)


STEPS: dict[str, tuple[type[Any], Callable[[Any], None], str]] = {
    "cues": (CuesConfig, _cues, "train the cue model, or choose its threshold (--cv)"),
    "confidence": (ConfidenceConfig, _confidence, "train and measure the speaker confidence"),
    "pronouns": (PronounConfig, _pronouns, "measure a learned pronoun antecedent ranking"),
    "tagger": (TaggerConfig, _tagger, "fine-tune MiniLM as a tagger and export it to ONNX"),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m training.attribution", description="Train the attribution models."
    )
    sub = p.add_subparsers(dest="step", required=True, metavar="STEP")
    for name, (cls, _, help_) in STEPS.items():
        add_arguments(sub.add_parser(name, help=help_, description=help_), cls)
    return p


def parse(argv: Sequence[str] | None = None) -> tuple[Callable[[Any], None], Any]:
    """The step function named in ``argv`` and its configuration (usage errors exit 2)."""
    p = parser()
    ns = p.parse_args(argv)
    cls, fn, _ = STEPS[ns.step]
    try:
        return fn, from_namespace(cls, ns)
    except ValueError as exc:  # a configuration that its __post_init__ rejects
        p.error(str(exc))


def main(argv: Sequence[str] | None = None) -> None:
    fn, cfg = parse(argv)
    fn(cfg)
