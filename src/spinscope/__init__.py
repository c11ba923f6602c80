"""spinscope: reads news and shows, with evidence, how it persuades.

>>> import spinscope
>>> nlp = spinscope.load(components=["boilerplate.v1", "sentences.v1"])
>>> doc = nlp("The so-called experts lied again. Nobody checked.")
>>> [doc.span_text(s) for s in doc.sentences]
['The so-called experts lied again.', 'Nobody checked.']

:func:`load` builds a reusable :class:`~spinscope.pipeline.Pipeline` from the
configuration (models load once, on first use); call it on a text or a
:class:`Document`, or stream many with ``nlp.pipe``. :func:`analyze` does the same
for one text or file in one call.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from spinscope.about import __version__
from spinscope.config import Config, ConfigArg, load_config, resolve_config
from spinscope.document import Document, ErrorRecord, Meta, Span, SpanGroup
from spinscope.errors import SpinscopeError
from spinscope.pipeline import Pipeline
from spinscope.registry import register, registry

__all__ = [
    "Config",
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
    "resolve_config",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def load(config: ConfigArg = None, components: Sequence[str] | None = None) -> Pipeline:
    """Build a reusable pipeline; models load once, on first use, per process.

    Args:
        config: a :class:`Config`, a TOML file path, or a mapping layered over the
            shipped defaults (``{"components": {"techniques.v1": {"threshold": 0.4}}}``);
            default: the shipped defaults and ``$SPINSCOPE_CONFIG``.
        components: component names in run order; default: the configuration's
            ``[pipeline] components``.

    Returns:
        A :class:`~spinscope.pipeline.Pipeline`: ``nlp(text)`` analyses one text,
        ``nlp.pipe(texts)`` streams many.

    Raises:
        ConfigError: invalid configuration.
        PipelineError: an unknown component, a bad order, an unknown setting.

    Example:
        >>> import spinscope
        >>> nlp = spinscope.load(components=["boilerplate.v1", "sentences.v1"])
        >>> [len(d.sentences) for d in nlp.pipe(["One. Two.", "Three."], batch_size=8)]
        [2, 1]
    """
    return Pipeline.from_config(resolve_config(config), components=components)


def analyze(
    text_or_path: str | os.PathLike[str] | Document,
    *,
    pipeline: Pipeline | None = None,
    components: Sequence[str] | None = None,
    config: ConfigArg = None,
) -> Document:
    """Analyse one article given as text, a file path, or a :class:`Document`.

    A ``str`` is taken as a path only if it is a single line naming an existing file;
    anything else is the article text itself. HTML files are extracted first.

    Args:
        text_or_path: the article text, a path to a text/HTML file, or a Document.
        pipeline: a pipeline from :func:`load` to reuse (recommended for many articles).
        components: component names, when no ``pipeline`` is given.
        config: a Config, a TOML path or a mapping over the defaults (ingest and
            component options).

    Returns:
        The annotated :class:`Document`; its ``spans`` hold one group per analysis.

    Raises:
        spinscope.errors.InputError: empty, binary, undecodable or too large input.
        spinscope.errors.PipelineError: unknown components or a missing model.

    Example:
        >>> import spinscope
        >>> doc = spinscope.analyze("They call it a so-called peace plan.",
        ...                         components=["boilerplate.v1", "sentences.v1"])
        >>> len(doc.sentences)
        1
    """
    from spinscope import ingest

    cfg = resolve_config(config)
    if isinstance(text_or_path, Document):
        doc = text_or_path
    elif isinstance(text_or_path, os.PathLike) or (
        "\n" not in text_or_path and len(text_or_path) < 4096 and Path(text_or_path).is_file()
    ):
        doc = ingest.read_document(Path(text_or_path), options=cfg.ingest)
    else:
        doc = ingest.document_from_text(text_or_path)
    if pipeline is None:
        pipeline = Pipeline.from_config(cfg, components=components)
    return pipeline(doc)
