"""The component registry: versioned names, their factories, and what they declare.

A *component* is a callable ``Document -> Document`` made by a *factory* registered
under a versioned name (``"techniques.v1"``) with :func:`register`. The declaration
says which span groups the component **assigns**, which it **requires** (they must be
assigned by an earlier component) and which it **uses** when present (if a component
of the pipeline assigns one, it must run earlier: ``boilerplate`` is read by every
analysis through :meth:`Document.content_ranges`).

Components are found through the ``spinscope.components`` entry-point group, built-in
and third-party alike, and loaded by name on first use, so listing them is cheap and
only the modules a pipeline needs are imported. A factory decorated in a notebook or a
test registers in-process the same way, without an entry point::

    # pyproject.toml of a plugin distribution
    [project.entry-points."spinscope.components"]
    "shouting.v1" = "spinscope_shouting:make_shouting"
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, runtime_checkable

from spinscope.document import Document
from spinscope.errors import PipelineError, UnknownComponentError
from spinscope.plugins import COMPONENTS, entry_points_of, load_named

__all__ = ["Component", "ComponentInfo", "Registry", "register", "registry"]


@runtime_checkable
class Component(Protocol):
    """What the pipeline calls: one document in, the same document (annotated) out.

    A component may also offer ``pipe(docs) -> Iterator[Document]`` to batch work
    (model inference); the pipeline uses it when present.
    """

    def __call__(self, doc: Document) -> Document: ...


Factory = Callable[..., Component]
F = TypeVar("F", bound=Factory)

#: The attribute :func:`register` sets on a factory, so an entry point that names the
#: factory finds its declaration without a second list.
INFO_ATTRIBUTE = "component_info"


@dataclass(frozen=True)
class ComponentInfo:
    """A registered component factory and what it declares.

    Attributes:
        name: versioned name, ``"<stage>.v<N>"``.
        factory: ``factory(**settings) -> Component``.
        assigns: span groups the component writes.
        requires: span groups it reads; an earlier component must assign each.
        uses: span groups it reads when present; if a component of the pipeline
            assigns one, that component must run earlier.
        languages: ISO 639-1 codes of the languages it analyses; empty: any. On a
            document in another language the pipeline skips it and says why.
        default_config: the factory's settings and their defaults (from its signature
            unless given).
        description: one line for ``spinscope components``.
        model: a callable returning model name/version info (or ``None`` if the
            component has no model), evaluated lazily so listing is cheap.
    """

    name: str
    factory: Factory
    assigns: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    default_config: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    model: Callable[[], Mapping[str, Any] | None] | None = None

    def model_info(self) -> Mapping[str, Any] | None:
        return self.model() if self.model else None

    @property
    def reads(self) -> tuple[str, ...]:
        """Every span group the component may read."""
        return self.requires + tuple(g for g in self.uses if g not in self.requires)

    def settings(self, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The factory's keyword arguments: defaults, then ``overrides``.

        Raises:
            PipelineError: an override names a setting the factory does not take.
        """
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(self.default_config))
        if unknown and not _takes_any_keyword(self.factory):
            valid = ", ".join(sorted(self.default_config)) or "none"
            raise PipelineError(
                f"bad configuration for {self.name!r}: unknown setting(s) "
                f"{', '.join(map(repr, unknown))}; valid settings: {valid}"
            )
        return {**self.default_config, **overrides}


def _takes_any_keyword(factory: Factory) -> bool:
    try:
        params = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):  # a builtin or C callable: let the call decide
        return True
    return any(p.kind is p.VAR_KEYWORD for p in params)


def _signature_defaults(factory: Factory) -> dict[str, Any]:
    try:
        params = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {
        p.name: p.default
        for p in params
        if p.default is not p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    }


def _check_name(name: str) -> None:
    stage, _, version = name.rpartition(".")
    if not stage or not version.startswith("v") or not version[1:].isdigit():
        raise PipelineError(f"component names look like 'stage.v1', got {name!r}")


class Registry:
    """Component name -> :class:`ComponentInfo`.

    In-process registrations (:func:`register`) and the ``spinscope.components`` entry
    points are one namespace; an entry point is imported the first time its name is
    asked for.
    """

    def __init__(self, group: str = COMPONENTS) -> None:
        self.group = group
        self._items: dict[str, ComponentInfo] = {}

    def add(self, info: ComponentInfo) -> None:
        """Register ``info``; the same factory twice is fine, another one is an error."""
        existing = self._items.get(info.name)
        if existing is not None and existing.factory is not info.factory:
            raise PipelineError(f"a different component is already registered as {info.name!r}")
        self._items[info.name] = info

    def _entry_point_names(self) -> set[str]:
        return set(entry_points_of(self.group))

    def _load(self, name: str) -> ComponentInfo | None:
        ep = entry_points_of(self.group).get(name)
        if ep is None:
            return None
        # Importing the module runs its @register; the factory carries its declaration.
        info = load_named(
            ep,
            ComponentInfo,
            what="a factory decorated with @spinscope.register",
            get=lambda obj: getattr(obj, INFO_ATTRIBUTE, None) or self._items.get(name),
        )
        self.add(info)
        return info

    def get(self, name: str) -> ComponentInfo:
        """The declaration of ``name``, importing its plugin if needed.

        Raises:
            UnknownComponentError: nothing is registered or installed under ``name``.
            PipelineError: the plugin is installed but broken.
        """
        info = self._items.get(name) or self._load(name)
        if info is None:
            known = ", ".join(self.names()) or "none"
            raise UnknownComponentError(
                f"no component named {name!r}; installed components: {known}"
            )
        return info

    def names(self) -> list[str]:
        """Every component name, registered or installed (nothing is imported)."""
        return sorted(set(self._items) | self._entry_point_names())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self._items or name in self._entry_point_names())

    def all(self) -> list[ComponentInfo]:
        """Every component's declaration (imports every plugin)."""
        return [self.get(n) for n in self.names()]

    def providers(self, group: str) -> list[str]:
        """Names of the components that assign the span group ``group`` (a broken
        plugin is left out: this feeds hints in error messages)."""
        found = []
        for name in self.names():
            try:
                info = self.get(name)
            except PipelineError:
                continue
            if group in info.assigns:
                found.append(name)
        return found


registry = Registry()


def register(
    name: str,
    *,
    assigns: Sequence[str] = (),
    requires: Sequence[str] = (),
    uses: Sequence[str] = (),
    languages: Sequence[str] = (),
    default_config: Mapping[str, Any] | None = None,
    description: str = "",
    model: Callable[[], Mapping[str, Any] | None] | None = None,
) -> Callable[[F], F]:
    """Register a component factory under a versioned name.

    Args:
        name: ``"<stage>.v<N>"``; a changed output format is a new version.
        assigns: span groups the component writes.
        requires: span groups it needs from earlier components.
        uses: span groups it reads when an earlier component assigned them.
        languages: the languages it analyses (ISO 639-1); default: any.
        default_config: the factory's settings; default: its signature's defaults.
        description: one line for ``spinscope components``; default: the docstring's first.
        model: returns ``{"name": ..., "version": ...}`` of the model it loads, if any.

    Example:
        >>> @register("shout.v1", assigns=("shouts",), requires=("tokens",))
        ... def make_shout(min_length: int = 3) -> Component:
        ...     def shout(doc: Document) -> Document:
        ...         return doc
        ...     return shout
        >>> registry.get("shout.v1").default_config
        {'min_length': 3}
    """
    _check_name(name)

    def decorator(factory: F) -> F:
        info = ComponentInfo(
            name=name,
            factory=factory,
            assigns=tuple(assigns),
            requires=tuple(requires),
            uses=tuple(uses),
            languages=tuple(languages),
            default_config=dict(
                default_config if default_config is not None else _signature_defaults(factory)
            ),
            description=description or (factory.__doc__ or "").strip().split("\n")[0],
            model=model,
        )
        registry.add(info)
        setattr(factory, INFO_ATTRIBUTE, info)
        return factory

    return decorator
