"""The ``checkworthy.v1`` component: how worth fact-checking each sentence is.

Span group written (schema ``spinscope.document/1``)::

    spans.checkworthy[] = {"start", "end", "label": "Yes" | "No", "score": p}

one span per sentence of the ``sentences`` group (outside page furniture when the
pipeline marks ``boilerplate``), ``score`` the calibrated probability that the sentence
is a check-worthy factual claim, ``label`` ``Yes`` (CheckThat!'s labels) from
``threshold`` on (chosen by cross-validation for F1 of ``Yes``; see the model card).
The model loads once per process, when the factory is called.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spinscope.checkworthy.model import MODEL_NAME, CheckworthyModel, default_model_dir
from spinscope.checkworthy.tsv import LABELS
from spinscope.document import Document, Span
from spinscope.errors import ConfigError
from spinscope.registry import register

__all__ = ["GROUP", "CheckworthyComponent", "load_model", "make_checkworthy"]

GROUP = "checkworthy"
YES, NO = LABELS

_CACHE: dict[str, CheckworthyModel] = {}
_LOCK = threading.Lock()


def load_model(path: str | Path | None = None) -> CheckworthyModel:
    """The model in ``path`` (default: the shipped one), loaded once per process."""
    d = Path(path) if path is not None else default_model_dir()
    key = str(d.resolve())
    with _LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = _CACHE[key] = CheckworthyModel.load(d)
    return model


def _model_info() -> dict[str, Any] | None:
    d = default_model_dir()
    if not (d / "config.json").is_file():
        return None
    return {"name": MODEL_NAME, "path": str(d)}


class CheckworthyComponent:
    """Adds the ``checkworthy`` span group: one scored span per sentence (``Yes`` / ``No``).

    Args:
        model: the check-worthiness model.
        threshold: probability from which a sentence is labelled ``checkworthy``;
            ``None``: the model's own (chosen by cross-validation).
    """

    def __init__(self, model: CheckworthyModel, *, threshold: float | None = None) -> None:
        self.model = model
        self.threshold = model.threshold if threshold is None else float(threshold)

    def __call__(self, doc: Document) -> Document:
        ranges = doc.content_ranges()
        sentences = [s for s in doc.sentences if any(a <= s.start < b for a, b in ranges)]
        probs = self.model.predict_proba([doc.text[s.start : s.end] for s in sentences])
        spans = []
        for s, p in zip(sentences, probs, strict=True):
            score = round(min(max(float(p), 0.0), 1.0), 6)
            spans.append(Span(s.start, s.end, YES if score >= self.threshold else NO, score))
        doc.set_spans(GROUP, spans)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


@register(
    "checkworthy.v1",
    assigns=(GROUP,),
    requires=("sentences",),
    uses=("boilerplate",),
    languages=("en",),
    default_config={"threshold": None, "model_path": None},
    description="check-worthy claims: a calibrated probability per sentence (CheckThat! 2024)",
    model=_model_info,
)
def make_checkworthy(
    threshold: float | None = None, model_path: str | None = None
) -> CheckworthyComponent:
    """Build the component; loads the model (once per process)."""
    if threshold is not None and not 0.0 < float(threshold) < 1.0:
        raise ConfigError(f"checkworthy.v1 threshold must be in (0, 1), got {threshold!r}")
    return CheckworthyComponent(load_model(model_path), threshold=threshold)
