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
from spinscope.registry import register
from spinscope.techniques.definitions import DEFINITIONS
from spinscope.techniques.model import Prediction, TechniqueModel
from spinscope.techniques.trim import trim_span

__all__ = [
    "DISPLAY_THRESHOLD",
    "MODEL_NAME",
    "TechniquesComponent",
    "classify_spans",
    "classify_spans_topk",
    "load_model",
    "model_dir",
    "phrase_spans",
]

MODEL_NAME = "techniques-v2"
GROUP = "techniques"

#: Calibrated score from which reports show a technique span by default (the span's
#: ``shown`` attribute). Chosen by 5-fold cross-validation on PTC for span precision:
#: see the model card's notes and docs/benchmarks.md ("Display threshold").
DISPLAY_THRESHOLD = 0.3

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


def _to_span(
    p: Prediction, start: int, end: int, display_threshold: float, share: float = 1.0
) -> Span:
    tech = DEFINITIONS[p.label]
    score = round(min(max(p.score, 0.0), 1.0), 6)
    attrs: dict[str, Any] = {
        "name": tech.name,
        "definition": tech.definition,
        "span_prob": round(p.span_conf, 4),
        "label_prob": round(p.label_prob, 4),
        "shown": score >= display_threshold,
    }
    if share < 1.0:
        # One prediction cut into pieces (at a sentence end): each piece shows the
        # prediction's score, and counts for its share of one expected span.
        attrs["share"] = round(share, 4)
    return Span(start, end, p.label, score, attrs)


def phrase_spans(
    text: str, preds: Iterable[Prediction], *, trim: bool = True
) -> list[tuple[int, int, Prediction, float]]:
    """``(start, end, prediction, share)`` for each piece of each prediction, trimmed to
    phrase boundaries (:func:`spinscope.techniques.trim.trim_span`; a prediction may
    become several pieces, each with a ``1 / pieces`` share of it, or none). A range
    keeps one prediction per label, the most confident."""
    best: dict[tuple[int, int, str], tuple[Prediction, float]] = {}
    for p in preds:
        pieces = trim_span(text, p.start, p.end) if trim else [(p.start, p.end)]
        for s, e in pieces:
            old = best.get((s, e, p.label))
            if old is None or p.score > old[0].score:
                best[(s, e, p.label)] = (p, 1.0 / len(pieces))
    return sorted(((s, e, p, w) for (s, e, _), (p, w) in best.items()), key=lambda x: x[:2])


class TechniquesComponent:
    """Adds the ``techniques`` span group (overlapping spans, one per technique label).

    Args:
        model: the technique model.
        min_score: spans scoring below this are not kept at all.
        display_threshold: spans scoring at least this are marked ``shown`` (what
            reports highlight by default); the others stay in the group, marked
            ``shown: false``.
        trim: trim spans to phrase boundaries (:mod:`spinscope.techniques.trim`).
    """

    def __init__(
        self,
        model: TechniqueModel,
        *,
        min_score: float = 0.0,
        display_threshold: float = DISPLAY_THRESHOLD,
        trim: bool = True,
    ) -> None:
        self.model = model
        self.min_score = min_score
        self.display_threshold = display_threshold
        self.trim = trim

    def spans(self, text: str, preds: Iterable[Prediction]) -> list[Span]:
        """The group's spans for the model's predictions on ``text``: post-processed
        (trimmed, marked ``shown``)."""
        kept = (p for p in preds if p.score >= self.min_score)
        return [
            _to_span(p, s, e, self.display_threshold, share)
            for s, e, p, share in phrase_spans(text, kept, trim=self.trim)
        ]

    def __call__(self, doc: Document) -> Document:
        # Streams the text through the model: memory is bounded by the model's chunk
        # size, not by the document's length.
        preds = self.model.predict(doc.text, doc.content_ranges())
        doc.set_spans(GROUP, self.spans(doc.text, preds))
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
    default_config={
        "threshold": None,
        "min_score": 0.0,
        "model_path": None,
        "threads": None,
        "trim": True,
        "display_threshold": DISPLAY_THRESHOLD,
    },
    description="propaganda-technique spans (14 PTC techniques) with calibrated scores",
    model=_model_info,
)
def make_techniques(
    threshold: float | None = None,
    min_score: float = 0.0,
    model_path: str | None = None,
    threads: int | None = None,
    trim: bool = True,
    display_threshold: float = DISPLAY_THRESHOLD,
) -> TechniquesComponent:
    """Build the component; loads the model (once per process)."""
    model = load_model(model_path, threads=threads)
    if threshold is not None:
        model = model.with_config(threshold=float(threshold))
    return TechniquesComponent(
        model, min_score=min_score, display_threshold=display_threshold, trim=trim
    )


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
