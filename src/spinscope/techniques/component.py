"""The ``techniques.v1`` component: propaganda-technique spans with calibrated scores.

The model (``spinscope/models/techniques-v2``) loads lazily, once per process, when
the factory is called; importing this module is cheap and works without it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from spinscope.document import Document, Span
from spinscope.errors import OffsetError
from spinscope.pipeline import register
from spinscope.techniques.definitions import DEFINITIONS
from spinscope.techniques.model import Prediction, TechniqueModel

__all__ = [
    "MODEL_NAME",
    "TechniquesComponent",
    "classify_spans",
    "classify_spans_topk",
    "load_model",
    "model_dir",
]

MODEL_NAME = "techniques-v2"
GROUP = "techniques"

_CACHE: dict[tuple[str, int | None], TechniqueModel] = {}
_LOCK = threading.Lock()


def model_dir() -> Path:
    """Where the shipped artifact lives (inside the installed package)."""
    return Path(str(resources.files("spinscope").joinpath("models", MODEL_NAME)))


def load_model(path: str | Path | None = None, *, threads: int | None = None) -> TechniqueModel:
    """The technique model, loaded once per process and directory.

    Raises:
        spinscope.errors.ModelNotFoundError: the artifact is missing.
    """
    d = Path(path) if path is not None else model_dir()
    key = (str(d.resolve()), threads)
    with _LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = TechniqueModel.load(d, threads=threads)
            _CACHE[key] = model
    return model


def _model_info() -> dict[str, Any] | None:
    cfg = model_dir() / "config.json"
    if not cfg.is_file():
        return None
    raw = json.loads(cfg.read_text("utf-8"))
    return {
        "name": raw.get("name", MODEL_NAME),
        "base": raw.get("base_model"),
        "path": str(model_dir()),
    }


def _to_span(p: Prediction) -> Span:
    tech = DEFINITIONS[p.label]
    return Span(
        p.start,
        p.end,
        p.label,
        round(min(max(p.score, 0.0), 1.0), 6),
        {
            "name": tech.name,
            "definition": tech.definition,
            "span_prob": round(p.span_conf, 4),
            "label_prob": round(p.label_prob, 4),
        },
    )


class TechniquesComponent:
    """Adds the ``techniques`` span group (overlapping spans, one per technique label)."""

    def __init__(self, model: TechniqueModel, *, min_score: float = 0.0) -> None:
        self.model = model
        self.min_score = min_score

    def _spans(self, preds: Iterable[Prediction]) -> list[Span]:
        return [_to_span(p) for p in preds if p.score >= self.min_score]

    def __call__(self, doc: Document) -> Document:
        # Streams the text through the model: memory is bounded by the model's chunk
        # size, not by the document's length.
        doc.set_spans(GROUP, self._spans(self.model.predict(doc.text, doc.content_ranges())))
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        # One document at a time: the encoder never batches windows of two documents
        # together, so this is what a joint pass would compute, without holding every
        # document's head states at once.
        for doc in docs:
            yield self(doc)


@register(
    "techniques.v1",
    assigns=(GROUP,),
    uses=("boilerplate",),
    languages=("en",),
    default_config={"threshold": None, "min_score": 0.0, "model_path": None, "threads": None},
    description="propaganda-technique spans (14 PTC techniques) with calibrated scores",
    model=_model_info,
)
def make_techniques(
    threshold: float | None = None,
    min_score: float = 0.0,
    model_path: str | None = None,
    threads: int | None = None,
) -> TechniquesComponent:
    """Build the component; loads the model (once per process)."""
    model = load_model(model_path, threads=threads)
    if threshold is not None:
        model = model.with_config(threshold=float(threshold))
    return TechniquesComponent(model, min_score=min_score)


def classify_spans(
    doc: Document, spans: Sequence[tuple[int, int]], *, model: TechniqueModel | None = None
) -> list[tuple[str, float]]:
    """The most likely technique and its probability for each given ``[start, end)``
    span of ``doc`` (SemEval TC: the spans are known, only the label is asked)."""
    if not spans:
        return []
    m = model or load_model()
    for s, e in spans:
        if not (0 <= s < e <= len(doc.text)):
            raise OffsetError(f"span [{s}, {e}) is outside the text ({len(doc.text)} chars)")
    enc = m.encode(doc.text, [(0, len(doc.text))])
    probs = m.classify(enc, list(spans))
    labels = m.config.labels
    return [(labels[int(p.argmax())], float(p.max())) for p in probs]


def classify_spans_topk(
    doc: Document,
    spans: Sequence[tuple[int, int]],
    k: int = 3,
    *,
    model: TechniqueModel | None = None,
) -> list[list[tuple[str, float]]]:
    """Like :func:`classify_spans` but the ``k`` best techniques per span."""
    if not spans:
        return []
    m = model or load_model()
    enc = m.encode(doc.text, [(0, len(doc.text))])
    probs = m.classify(enc, list(spans))
    labels = m.config.labels
    out = []
    for p in probs:
        order = p.argsort()[::-1][:k]
        out.append([(labels[int(i)], float(p[i])) for i in order])
    return out
