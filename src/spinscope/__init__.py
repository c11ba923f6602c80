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
from spinscope.document import Document, ErrorRecord, Meta, Span, SpanGroup
from spinscope.errors import SpinscopeError
from spinscope.pipeline import Pipeline, register, registry

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
    "load_config",
    "register",
    "registry",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def _config(config: str | os.PathLike[str] | Mapping[str, Any] | None) -> dict[str, Any]:
    """A path (or ``None``: defaults + ``$SPINSCOPE_CONFIG``) or a mapping over the defaults."""
    if isinstance(config, Mapping):
        return load_config(overrides=config)
    return load_config(config)


def load(
    components: Sequence[str] | None = None,
    *,
    config: str | os.PathLike[str] | Mapping[str, Any] | None = None,
) -> Pipeline:
    """Build a reusable pipeline; models load once, on first use, per process.

    Args:
        components: component names in run order; default: ``[pipeline] components``
            of the configuration.
        config: a TOML file path, or a mapping layered over the shipped defaults
            (``{"components": {"techniques.v1": {"threshold": 0.4}}}``).

    Returns:
        A :class:`~spinscope.pipeline.Pipeline`; call it on a Document or use ``pipe``.

    Example:
        >>> nlp = spinscope.load(["boilerplate.v1", "sentences.v1"])  # doctest: +SKIP
        >>> for doc in nlp.pipe(docs, n_process=2): ...  # doctest: +SKIP
    """
    cfg = _config(config)
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

    Args:
        text_or_path: the article text, a path to a text/HTML file, or a Document.
        pipeline: a pipeline from :func:`load` to reuse (recommended for many articles).
        components: component names, when no ``pipeline`` is given.
        config: a TOML path or a mapping over the defaults (ingest and component options).

    Returns:
        The annotated :class:`Document`; its ``spans`` hold one group per analysis.

    Raises:
        spinscope.errors.InputError: empty, binary, undecodable or too large input.
        spinscope.errors.PipelineError: unknown components or a missing model.

    Example:
        >>> doc = spinscope.analyze("They call it a so-called peace plan.",
        ...                         components=["boilerplate.v1", "sentences.v1"])
        >>> len(doc.sentences)
        1
    """
    from spinscope import ingest

    cfg = _config(config)
    if isinstance(text_or_path, Document):
        doc = text_or_path
    elif isinstance(text_or_path, os.PathLike) or (
        "\n" not in text_or_path and len(text_or_path) < 4096 and Path(text_or_path).is_file()
    ):
        doc = ingest.read_document(
            Path(text_or_path), options=ingest.IngestOptions.from_config(cfg)
        )
    else:
        doc = ingest.document_from_text(text_or_path)
    if pipeline is None:
        names = list(components) if components is not None else cfg["pipeline"]["components"]
        pipeline = Pipeline(names, cfg.get("components", {}))
    return pipeline(doc)
