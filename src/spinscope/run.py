"""Batch analysis as plain functions: what ``spinscope analyze`` does, minus the printing.

1. :func:`iter_documents` turns paths (files, directories, JSONL/CSV corpora) and
   ``"-"`` (stdin) into a stream of documents, one :class:`ErrorRecord` in place of
   each input that cannot be read;
2. :func:`analyze_paths` runs a pipeline over that stream, in order, without stopping
   on a bad document;
3. :class:`RunSummary` counts the results and maps them to the CLI's exit codes.

Example:
    >>> from spinscope import ErrorRecord
    >>> from spinscope.run import analyze_paths
    >>> for result in analyze_paths(["articles/"]):  # doctest: +SKIP
    ...     if isinstance(result, ErrorRecord):
    ...         print("failed:", result.source, result.error)
    ...     else:
    ...         print(result.id, len(result.group("techniques")))
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import BinaryIO

from spinscope import ingest
from spinscope.config import ConfigArg, resolve_config
from spinscope.document import Document, ErrorRecord
from spinscope.engines import Engine
from spinscope.errors import InputError
from spinscope.ingest import IngestOptions
from spinscope.ingest.ids import UniqueIds, display_name
from spinscope.pipeline import Pipeline

__all__ = [
    "STDIN",
    "ExitCode",
    "RunSummary",
    "analyze_paths",
    "iter_documents",
]

#: The input name that means "read standard input".
STDIN = "-"

Result = Document | ErrorRecord


class ExitCode(IntEnum):
    """Exit codes of ``spinscope analyze`` (documented in ``docs/user-guide.md``)."""

    OK = 0
    """Every input was analysed."""
    SOME_FAILED = 1
    """Some inputs failed (one ``ERROR`` line each on stderr); the others were analysed."""
    USAGE = 2
    """Bad command line or configuration: a missing file, an unknown option or key."""
    NO_INPUT = 3
    """No input could be analysed: nothing found, or every input empty, binary, too large..."""
    PIPELINE = 4
    """The pipeline cannot be built or run: unknown component, missing or broken model."""


@dataclass
class RunSummary:
    """Counts of a run's results, and the exit code they call for.

    Attributes:
        documents: documents analysed.
        input_failures: inputs that could not be read (empty, binary, malformed row...).
        pipeline_failures: documents on which a component failed.
    """

    documents: int = 0
    input_failures: int = 0
    pipeline_failures: int = 0

    @property
    def failed(self) -> int:
        return self.input_failures + self.pipeline_failures

    @property
    def total(self) -> int:
        return self.documents + self.failed

    def add(self, result: Result) -> None:
        """Count one result."""
        if isinstance(result, Document):
            self.documents += 1
        elif result.component is not None:
            self.pipeline_failures += 1
        else:
            self.input_failures += 1

    @property
    def exit_code(self) -> ExitCode:
        """``OK``, ``SOME_FAILED``, or, when nothing was analysed, ``PIPELINE`` if a
        component failed and ``NO_INPUT`` otherwise."""
        if self.documents and not self.failed:
            return ExitCode.OK
        if self.documents:
            return ExitCode.SOME_FAILED
        return ExitCode.PIPELINE if self.pipeline_failures else ExitCode.NO_INPUT


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    options: IngestOptions | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Result]:
    """Read inputs into documents, lazily and in order.

    Args:
        inputs: file paths, directories (walked recursively), JSONL/CSV corpora (one
            document per row), or ``"-"`` for standard input.
        options: how to read them (size limit, encoding, corpus keys, format).
        stdin: the binary stream ``"-"`` reads; default ``sys.stdin.buffer``.

    Yields:
        One :class:`Document` per article, or an :class:`ErrorRecord` for each input
        (file, row, missing path) that cannot be read. Never raises for bad input.
    """
    options = options or IngestOptions()
    unique = UniqueIds()  # ids stay unique across inputs too (a.jsonl and b.jsonl)
    for item in inputs:
        if str(item) == STDIN:
            yield from unique(
                ingest.read_stdin(stdin if stdin is not None else sys.stdin.buffer, options=options)
            )
            continue
        try:
            yield from unique(ingest.read_path(item, options=options))
        except InputError as exc:  # the path itself is missing or unreadable
            name = display_name(Path(item).stem or str(item))
            yield ErrorRecord(name, str(exc), type(exc).__name__, source=display_name(item))


def analyze_paths(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    pipeline: Pipeline | None = None,
    components: Sequence[str] | None = None,
    config: ConfigArg = None,
    options: IngestOptions | None = None,
    batch_size: int | None = None,
    n_process: int | None = None,
    engine: str | Engine | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Result]:
    """Analyse files, directories, corpora or stdin; one result per document, in order.

    Args:
        inputs: see :func:`iter_documents`.
        pipeline: a ready pipeline (:func:`spinscope.load`); default: built from
            ``components`` and ``config``.
        components: component names, when no ``pipeline`` is given.
        config: a TOML path or a mapping of overrides (defaults to the shipped config).
        options: ingest options; default: the config's ``[ingest]`` section.
        batch_size: documents per batch; default: the pipeline's (``[pipeline] batch_size``).
        n_process: worker processes; default: the pipeline's (``[pipeline] n_process``).
        engine: an engine name or instance; default: the pipeline's (``[pipeline] engine``).
        stdin: the binary stream ``"-"`` reads.

    Returns:
        A lazy iterator over each analysed :class:`Document`, or an
        :class:`ErrorRecord` for an input that could not be read or analysed. One bad
        input never stops the run.

    Raises:
        ConfigError: invalid configuration (raised at the call, before any input is read).
        PipelineError: the pipeline cannot be built (unknown component, bad order).
    """
    cfg = resolve_config(config) if pipeline is None or options is None else None
    if pipeline is None:
        assert cfg is not None
        pipeline = Pipeline.from_config(cfg, components=components)
    if options is None:
        assert cfg is not None
        options = cfg.ingest
    docs = iter_documents(inputs, options=options, stdin=stdin)
    return pipeline.pipe(docs, batch_size=batch_size, n_process=n_process, engine=engine)
