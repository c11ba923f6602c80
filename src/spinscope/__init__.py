"""spinscope: reads news and shows, with evidence, how it persuades.

>>> import spinscope
>>> doc = spinscope.analyze("The so-called experts lied again.")
>>> sorted(doc.spans)  # doctest: +SKIP
['boilerplate', 'sentences', 'techniques', 'tokens']

:func:`analyze` runs the default pipeline on one text or file; :func:`load` builds a
reusable :class:`~spinscope.pipeline.Pipeline` (models load once) for many documents.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from spinscope.about import __version__
from spinscope.config import load_config
from spinscope.document import Document, Meta, Span, SpanGroup
from spinscope.errors import SpinscopeError
from spinscope.pipeline import ErrorRecord, Pipeline, register, registry

__all__ = [
    "Document",
    "ErrorRecord",
    "Meta",
    "Pipeline",
    "Span",
    "SpanGroup",
    "SpinscopeError",
    "__version__",
    "analyze",
    "load",
    "register",
    "registry",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def load(
    components: Sequence[str] | None = None,
    *,
    config: str | os.PathLike[str] | Mapping[str, Any] | None = None,
) -> Pipeline:
    """Build a pipeline (models are loaded on first use, once per process).

    Args:
        components: component names in order; default: ``[pipeline] components`` of the config.
        config: a TOML path, or a mapping layered over the defaults.
    """
    cfg = load_config(overrides=config) if isinstance(config, Mapping) else load_config(config)
    names = list(components) if components is not None else list(cfg["pipeline"]["components"])
    return Pipeline(names, cfg.get("components", {}))


def analyze(
    text_or_path: str | os.PathLike[str] | Document,
    *,
    pipeline: Pipeline | None = None,
    components: Sequence[str] | None = None,
    config: str | os.PathLike[str] | Mapping[str, Any] | None = None,
) -> Document:
    """Analyse one article given as text, a file path, or a :class:`Document`.

    A ``str`` is taken as a path only if it is a single line naming an existing file;
    anything else is the article text itself. HTML files are extracted first.

    Raises:
        spinscope.errors.InputError: empty, binary or undecodable input.
    """
    from spinscope import ingest

    if isinstance(text_or_path, Document):
        doc = text_or_path
    elif isinstance(text_or_path, os.PathLike) or (
        "\n" not in text_or_path and len(text_or_path) < 4096 and Path(text_or_path).is_file()
    ):
        cfg = load_config(config if not isinstance(config, Mapping) else None)
        doc = ingest.read_document(
            Path(text_or_path), options=ingest.IngestOptions.from_config(cfg)
        )
    else:
        doc = ingest.document_from_text(text_or_path)
    nlp = pipeline or load(components, config=config)
    return nlp(doc)
