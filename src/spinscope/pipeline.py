"""The pipeline: an ordered, checked list of components, called like a function.

>>> from spinscope import load
>>> nlp = load(components=["boilerplate.v1", "sentences.v1"])
>>> doc = nlp("Officials denied it. Critics were not convinced.")
>>> len(doc.sentences)
2
>>> [type(r).__name__ for r in nlp.pipe(["One.", "", "Two."])]
['Document', 'ErrorRecord', 'Document']

:class:`Pipeline` checks at build time that every span group a component requires is
assigned by an earlier component (and that a group it *uses* when present is not
assigned only later), and that every setting names a parameter of the component's
factory. Models load on the first document, or at :meth:`Pipeline.load`.

:meth:`Pipeline.pipe` streams documents through an engine (:mod:`spinscope.engines`):
in this process, or a local process pool; ids and order are kept, and a failure on one
document becomes an :class:`~spinscope.document.ErrorRecord` in its place so the rest
of a batch goes on.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spinscope.config import Config, PipelineSettings, load_config
from spinscope.document import Document, ErrorRecord
from spinscope.engines import Engine, PipelineSpec, Result, get_engine
from spinscope.errors import (
    ComponentError,
    ConfigError,
    MissingRequirementError,
    PipelineError,
    SpinscopeError,
)
from spinscope.language import (
    PIPELINE_KEY,
    LanguageGuess,
    decide_language,
    detect_language,
    language_code,
    language_name,
)
from spinscope.registry import Component, ComponentInfo, register, registry

__all__ = [
    "Component",
    "ComponentInfo",
    "Pipeline",
    "Result",
    "error_record",
    "register",
    "registry",
]

log = logging.getLogger(__name__)

Input = str | Document | ErrorRecord

_DEFAULTS = PipelineSettings(components=())


class Pipeline:
    """An ordered, checked list of components.

    Build one with :func:`spinscope.load` (from the configuration) or directly.

    Args:
        names: component names in run order.
        settings: per-component settings, ``{"techniques.v1": {"threshold": 0.4}}``.
        batch_size: documents handed to batched components at a time by :meth:`pipe`.
        n_process: worker processes :meth:`pipe` uses (-1: one per core).
        engine: the engine :meth:`pipe` uses (``"auto"``: in-process for one process,
            else a process pool).
        language: ``"auto"`` identifies each document's language and skips components
            that do not analyse it; an ISO 639-1 code takes every document to be in it.

    Raises:
        UnknownComponentError: a name is not registered or installed.
        MissingRequirementError: a component reads a group no earlier one assigns.
        PipelineError: a component appears twice, or a setting is unknown.
    """

    def __init__(
        self,
        names: Sequence[str],
        settings: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        batch_size: int = _DEFAULTS.batch_size,
        n_process: int = _DEFAULTS.n_process,
        engine: str = _DEFAULTS.engine,
        language: str = _DEFAULTS.language,
    ) -> None:
        if isinstance(names, str):
            raise PipelineError(f"give component names as a list, not the string {names!r}")
        self.names = list(names)
        self.settings = {k: dict(v) for k, v in (settings or {}).items()}
        # Validates the values, as the configuration file's [pipeline] section would.
        PipelineSettings(tuple(self.names), batch_size, n_process, engine, language)
        self.batch_size = batch_size
        self.n_process = n_process
        self.engine = engine
        self.language = language
        self.infos = [registry.get(n) for n in self.names]
        self.check()
        self._kwargs = [info.settings(self.settings.get(info.name)) for info in self.infos]
        self._components: list[Component] | None = None

    @classmethod
    def from_config(
        cls, config: Config | None = None, *, components: Sequence[str] | None = None
    ) -> Pipeline:
        """The pipeline a configuration describes (``components`` replaces its list).

        The one place a pipeline is made from configuration: :func:`spinscope.load`, the
        CLI and batch runs all come here.
        """
        cfg = config if config is not None else load_config()
        for name in cfg.components:
            if name not in registry:
                raise ConfigError(
                    f"settings for {name!r}, which is not an installed component; "
                    f"installed: {', '.join(registry.names())}"
                )
        run = cfg.pipeline
        return cls(
            list(components) if components is not None else list(run.components),
            cfg.components,
            batch_size=run.batch_size,
            n_process=run.n_process,
            engine=run.engine,
            language=run.language,
        )

    def check(self) -> None:
        """Raise if the order of components cannot satisfy what each one reads."""
        assigned: set[str] = set()
        seen: set[str] = set()
        for i, info in enumerate(self.infos):
            if info.name in seen:
                raise PipelineError(f"component {info.name!r} appears twice in the pipeline")
            seen.add(info.name)
            missing = [r for r in info.requires if r not in assigned]
            if missing:
                raise MissingRequirementError(
                    f"component {info.name!r} requires {missing}, which no earlier "
                    f"component assigns{self._hint(info, missing)}"
                )
            # An optional group assigned only later would be silently absent.
            for later in self.infos[i + 1 :]:
                late = [g for g in info.uses if g in later.assigns and g not in assigned]
                if late:
                    raise MissingRequirementError(
                        f"component {info.name!r} reads {late[0]!r}, which {later.name!r} "
                        f"assigns only after it; put {later.name!r} before {info.name!r}"
                    )
            assigned.update(info.assigns)

    def _hint(self, info: ComponentInfo, missing: list[str]) -> str:
        after = [i.name for i in self.infos if set(missing) & set(i.assigns)]
        if after:
            return f"; put {after[0]!r} before {info.name!r}"
        providers = sorted({p for group in missing for p in registry.providers(group)})
        return f"; add one of {providers} before it" if providers else ""

    @property
    def assigns(self) -> list[str]:
        """Span groups the pipeline writes, in order."""
        return [g for info in self.infos for g in info.assigns]

    @property
    def spec(self) -> PipelineSpec:
        """What a worker process needs to build this pipeline again."""
        return PipelineSpec(type(self), tuple(self.names), self.settings, self.language)

    def _build(self) -> list[Component]:
        if self._components is None:
            built = []
            for info, kwargs in zip(self.infos, self._kwargs, strict=True):
                try:
                    built.append(info.factory(**kwargs))
                except TypeError as exc:
                    raise PipelineError(f"bad configuration for {info.name!r}: {exc}") from exc
            self._components = built
        return self._components

    def load(self) -> Pipeline:
        """Build every component now (load models) instead of on the first document."""
        self._build()
        return self

    def __repr__(self) -> str:
        return f"<Pipeline {' -> '.join(self.names) or '(empty)'}>"

    def __call__(self, doc: str | Document) -> Document:
        """Analyse one text or document; errors propagate.

        Raises:
            EmptyInputError: ``doc`` is an empty or whitespace-only string.
            SpinscopeError: a component failed (other exceptions propagate as raised).
        """
        doc = _as_document(doc)
        plan = self._plan(doc)
        for info, component in zip(self.infos, self._build(), strict=True):
            if plan.admits(info, doc, component):
                doc = _run_one(info.name, component, doc)
        return plan.record(doc)

    def pipe(
        self,
        docs: Iterable[Input],
        *,
        batch_size: int | None = None,
        n_process: int | None = None,
        engine: str | Engine | None = None,
    ) -> Iterator[Result]:
        """Analyse a stream of texts or documents, in order, without stopping on errors.

        Args:
            docs: strings (article texts), documents, or :class:`ErrorRecord` s from
                ingest (passed straight through).
            batch_size: documents per batch; default: the pipeline's.
            n_process: worker processes; default: the pipeline's (-1: one per core).
            engine: an engine name or instance; default: the pipeline's.

        Yields:
            Each input's :class:`Document`, or an :class:`ErrorRecord` in its place.
        """
        size = self.batch_size if batch_size is None else batch_size
        if size < 1:
            raise PipelineError("batch_size must be at least 1")
        workers = self.n_process if n_process is None else n_process
        if isinstance(engine, str) or engine is None:
            runner = get_engine(engine or self.engine, n_process=workers)
        else:
            runner = engine
        return runner.run(self, _as_results(docs), batch_size=size)

    def process_batch(self, batch: Sequence[Result]) -> list[Result]:
        """Run every component over one batch; what engines call.

        A component's ``pipe`` gets the batch's live documents at once; if it fails,
        they are retried one by one so that only the bad document becomes an
        :class:`ErrorRecord`.
        """
        results: list[Result] = list(batch)
        plans = {i: self._plan(r) for i, r in enumerate(results) if isinstance(r, Document)}
        for info, component in zip(self.infos, self._build(), strict=True):
            live = [
                i
                for i, r in enumerate(results)
                if isinstance(r, Document) and plans[i].admits(info, r, component)
            ]
            if not live:
                continue
            batch_fn = getattr(component, "pipe", None)
            if batch_fn is not None and len(live) > 1:
                try:
                    docs_in = [results[i] for i in live]
                    out = list(batch_fn(docs_in))
                    if len(out) != len(live):
                        raise ComponentError(
                            f"{info.name}.pipe returned {len(out)} for {len(live)}"
                        )
                    for i, doc in zip(live, out, strict=True):
                        results[i] = _checked(info.name, doc)
                    continue
                except Exception:
                    log.debug("batch failed in %s; retrying documents one by one", info.name)
            for i in live:
                doc = results[i]
                assert isinstance(doc, Document)
                try:
                    results[i] = _run_one(info.name, component, doc)
                except Exception as exc:
                    results[i] = error_record(doc, exc, component=info.name)
        for i, plan in plans.items():
            done = results[i]
            if isinstance(done, Document):
                results[i] = plan.record(done)
        return results

    def _plan(self, doc: Document) -> _Plan:
        """Decide the document's language, when some component cares."""
        if not any(info.languages for info in self.infos):
            return _Plan(None, None)
        declared = language_code(doc.meta.language)
        if self.language != "auto":
            return _Plan(self.language, None, declared, forced=True)
        # The text and the page's declaration together; with neither, unknown (run all).
        guess = detect_language(doc.text)
        return _Plan(decide_language(guess, declared), guess, declared)


@dataclass
class _Plan:
    """One document's language and what the pipeline ran and skipped on it."""

    language: str | None
    guess: LanguageGuess | None
    declared: str | None = None
    forced: bool = False
    ran: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)

    def admits(self, info: ComponentInfo, doc: Document, component: object = None) -> bool:
        """Whether ``info`` runs on ``doc``; a skip is recorded with its reason.

        A component whose ``unavailable`` attribute holds a reason (a knowledge base
        that is not there) is skipped on every document, with that reason; one with a
        ``skip_reason(doc)`` method, on the documents it gives a reason for (an article
        without a URL has no outlet to look up).
        """
        reason = getattr(component, "unavailable", None) or None
        per_document = getattr(component, "skip_reason", None)
        if reason is None and callable(per_document):
            reason = per_document(doc) or None
        if reason is not None:
            reason = str(reason)
        elif info.languages and self.language and self.language not in info.languages:
            reason = (
                f"the text is in {language_name(self.language)} ({self.language}); "
                f"analyses {', '.join(info.languages)} only"
            )
        else:
            skipped = {s["component"] for s in self.skipped}
            missing = [g for g in info.requires if not doc.has_group(g)]
            if missing and skipped:
                reason = f"it needs {', '.join(missing)}, from a skipped component"
        if reason is None:
            self.ran.append(info.name)
            return True
        self.skipped.append({"component": info.name, "reason": reason})
        return False

    def record(self, doc: Document) -> Document:
        """Write the record into ``meta.extra`` (and the language into ``meta``)."""
        if self.language is None and not self.skipped:
            return doc
        entry: dict[str, Any] = {"language": self.language, "ran": list(self.ran)}
        if self.guess is not None:
            entry["detected"] = self.guess.to_dict()
        if self.declared is not None:
            entry["declared"] = self.declared
        if self.forced:
            entry["forced"] = True
        if self.skipped:
            entry["skipped"] = list(self.skipped)
        meta = doc.meta
        # Forcing a language changes what runs, not what the document is written in.
        language = meta.language if self.forced else self.language
        language = language or meta.language or self.language
        doc.meta = meta.replace(language=language, extra={**meta.extra, PIPELINE_KEY: entry})
        return doc


def _as_document(doc: str | Document) -> Document:
    if isinstance(doc, Document):
        return doc
    if isinstance(doc, str):
        from spinscope.ingest.text import document_from_text

        return document_from_text(doc)
    raise PipelineError(f"a pipeline analyses str or Document, got {type(doc).__name__}")


def _as_results(docs: Iterable[Input]) -> Iterator[Result]:
    for i, item in enumerate(docs):
        if isinstance(item, Document | ErrorRecord):
            yield item
            continue
        try:
            yield _as_document(item)
        except SpinscopeError as exc:
            yield ErrorRecord(f"#{i}", str(exc), type(exc).__name__, source=f"input #{i}")


def _checked(name: str, doc: object) -> Document:
    if not isinstance(doc, Document):
        raise ComponentError(f"component {name!r} returned {type(doc).__name__}, not a Document")
    return doc


def _run_one(name: str, component: Component, doc: Document) -> Document:
    return _checked(name, component(doc))


def error_record(doc: Document, exc: BaseException, *, component: str | None = None) -> ErrorRecord:
    """An :class:`ErrorRecord` for ``doc`` failing with ``exc``."""
    if isinstance(exc, SpinscopeError):
        message = str(exc)
    else:
        # An unexpected failure: keep the last frame so a bug report can find it.
        frame = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
        where = f" (at {frame[0].filename}:{frame[0].lineno})" if frame else ""
        message = f"{type(exc).__name__}: {exc}{where}"
    return ErrorRecord(
        id=doc.id,
        error=message,
        kind=type(exc).__name__,
        component=component,
        source=doc.meta.source,
    )
