"""Component registry and the pipeline that runs components over documents.

A *component* is a callable ``Document -> Document`` registered under a versioned
name (``"techniques.v1"``) together with the span groups it **assigns** and
**requires**. :class:`Pipeline` checks at build time that every requirement is
assigned by an earlier component, then runs documents through the components in
order. Components may also offer ``pipe(docs) -> Iterator[Document]`` to batch work
(model inference); the pipeline uses it when present.

:meth:`Pipeline.pipe` streams documents, keeps their ids and order, and turns a
failure on one document into an :class:`ErrorRecord` so the rest of a batch goes on.
With ``n_process > 1`` documents are processed by a local process pool, each worker
building the pipeline once (models are loaded once per process).
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol, runtime_checkable

from spinscope.document import Document, ErrorRecord
from spinscope.errors import (
    ComponentError,
    MissingRequirementError,
    PipelineError,
    SpinscopeError,
    UnknownComponentError,
)

__all__ = [
    "Component",
    "ComponentInfo",
    "Pipeline",
    "register",
    "registry",
]

log = logging.getLogger(__name__)


@runtime_checkable
class Component(Protocol):
    """What the pipeline calls: one document in, the same document (annotated) out."""

    def __call__(self, doc: Document) -> Document: ...


Factory = Callable[..., Component]


@dataclass(frozen=True)
class ComponentInfo:
    """A registered component factory and what it declares.

    Attributes:
        name: versioned name, ``"<stage>.v<N>"``.
        factory: ``factory(**config) -> Component``.
        assigns: span groups the component writes.
        requires: span groups it reads (must be assigned earlier in the pipeline).
        default_config: keyword arguments passed to the factory unless overridden.
        description: one line for ``spinscope components``.
        model: a callable returning model name/version info (or ``None`` if the
            component has no model), evaluated lazily so listing is cheap.
    """

    name: str
    factory: Factory
    assigns: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    default_config: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    model: Callable[[], Mapping[str, Any] | None] | None = None

    def model_info(self) -> Mapping[str, Any] | None:
        return self.model() if self.model else None


class _Registry:
    """Name -> :class:`ComponentInfo`. Built-ins register on first access."""

    def __init__(self) -> None:
        self._items: dict[str, ComponentInfo] = {}
        self._loaded = False

    def add(self, info: ComponentInfo) -> None:
        existing = self._items.get(info.name)
        if existing is not None and existing.factory is not info.factory:
            raise PipelineError(f"a different component is already registered as {info.name!r}")
        self._items[info.name] = info

    def _ensure_builtins(self) -> None:
        if not self._loaded:
            self._loaded = True
            # Importing the module registers the built-in components (decorators).
            from spinscope import components  # noqa: F401

    def get(self, name: str) -> ComponentInfo:
        self._ensure_builtins()
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise UnknownComponentError(
                f"no component named {name!r}; installed components: {known}"
            ) from None

    def names(self) -> list[str]:
        self._ensure_builtins()
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        self._ensure_builtins()
        return name in self._items

    def all(self) -> list[ComponentInfo]:
        self._ensure_builtins()
        return [self._items[n] for n in sorted(self._items)]


registry = _Registry()


def register(
    name: str,
    *,
    assigns: Sequence[str] = (),
    requires: Sequence[str] = (),
    default_config: Mapping[str, Any] | None = None,
    description: str = "",
    model: Callable[[], Mapping[str, Any] | None] | None = None,
) -> Callable[[Factory], Factory]:
    """Register a component factory under a versioned name.

    Example:
        >>> @register("shout.v1", assigns=("shouts",), description="ALL-CAPS words")
        ... def make_shout() -> Component:
        ...     def shout(doc: Document) -> Document:
        ...         return doc
        ...     return shout
    """
    stage, _, version = name.rpartition(".")
    if not stage or not version.startswith("v") or not version[1:].isdigit():
        raise PipelineError(f"component names look like 'stage.v1', got {name!r}")

    def decorator(factory: Factory) -> Factory:
        registry.add(
            ComponentInfo(
                name=name,
                factory=factory,
                assigns=tuple(assigns),
                requires=tuple(requires),
                default_config=dict(default_config or {}),
                description=description or (factory.__doc__ or "").strip().split("\n")[0],
                model=model,
            )
        )
        return factory

    return decorator


Result = Document | ErrorRecord


class Pipeline:
    """An ordered, checked list of components.

    Args:
        names: component names in run order.
        config: per-component keyword overrides, ``{"techniques.v1": {"threshold": 0.4}}``.

    Raises:
        UnknownComponentError: a name is not registered.
        MissingRequirementError: a component requires a group no earlier one assigns.
    """

    def __init__(
        self,
        names: Sequence[str],
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.names = list(names)
        self.config = {k: dict(v) for k, v in (config or {}).items()}
        self.infos = [registry.get(n) for n in self.names]
        self.check()
        self._components: list[Component] | None = None

    def check(self) -> None:
        """Raise if the order of components cannot satisfy every ``requires``."""
        assigned: set[str] = set()
        seen: set[str] = set()
        for info in self.infos:
            if info.name in seen:
                raise PipelineError(f"component {info.name!r} appears twice in the pipeline")
            seen.add(info.name)
            missing = [r for r in info.requires if r not in assigned]
            if missing:
                providers = sorted(i.name for i in registry.all() if set(missing) & set(i.assigns))
                hint = f"; add one of {providers} before it" if providers else ""
                raise MissingRequirementError(
                    f"component {info.name!r} requires {missing}, which no earlier "
                    f"component assigns{hint}"
                )
            assigned.update(info.assigns)

    @property
    def assigns(self) -> list[str]:
        return [g for info in self.infos for g in info.assigns]

    def _build(self) -> list[Component]:
        if self._components is None:
            built = []
            for info in self.infos:
                kwargs = {**info.default_config, **self.config.get(info.name, {})}
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
        return f"<Pipeline {' -> '.join(self.names)}>"

    def __call__(self, doc: Document) -> Document:
        """Run every component on one document; errors propagate."""
        for info, component in zip(self.infos, self._build(), strict=True):
            doc = _run_one(info.name, component, doc)
        return doc

    def pipe(
        self,
        docs: Iterable[Document | ErrorRecord],
        *,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> Iterator[Result]:
        """Process a stream of documents, in order, without stopping on errors.

        Args:
            docs: documents (an :class:`ErrorRecord` from ingest passes straight through).
            batch_size: documents handed to batched components (and workers) at a time.
            n_process: worker processes; ``1`` runs in this process, ``-1`` uses all cores.

        Yields:
            Each input's :class:`Document`, or an :class:`ErrorRecord` if it failed.
        """
        if batch_size < 1:
            raise PipelineError("batch_size must be at least 1")
        if n_process == -1:
            n_process = os.cpu_count() or 1
        batches = _batched(docs, batch_size)
        if n_process <= 1:
            for batch in batches:
                yield from self._process_batch(batch)
            return
        with ProcessPoolExecutor(
            max_workers=n_process,
            initializer=_worker_init,
            initargs=(self.names, self.config),
        ) as pool:
            # Bounded look-ahead keeps memory flat on huge corpora while workers stay busy.
            pending: list[Any] = []
            for batch in batches:
                pending.append(pool.submit(_worker_run, batch))
                if len(pending) >= 2 * n_process:
                    yield from pending.pop(0).result()
            for fut in pending:
                yield from fut.result()

    def _process_batch(self, batch: list[Document | ErrorRecord]) -> list[Result]:
        results: list[Result] = list(batch)
        for info, component in zip(self.infos, self._build(), strict=True):
            live = [i for i, r in enumerate(results) if isinstance(r, Document)]
            if not live:
                break
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
        return results


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


def _batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


_WORKER_PIPELINE: Pipeline | None = None


def _worker_init(names: list[str], config: dict[str, dict[str, Any]]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(names, config).load()


def _worker_run(batch: list[Document | ErrorRecord]) -> list[Result]:
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return _WORKER_PIPELINE._process_batch(batch)
