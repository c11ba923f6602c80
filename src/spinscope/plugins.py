"""Plugin discovery through Python entry points.

spinscope's own analyses and third-party packages extend it the same way: a
distribution declares entry points in one of the groups below, and spinscope loads
them lazily, by name, the first time they are needed. Nothing in the core keeps a
hand-written list of built-ins, and worker processes find plugins exactly as the
parent did (entry points are read from the installed distributions' metadata).

Groups:
    ``spinscope.components``: pipeline components; the entry point's name is the
        component name (``"techniques.v1"``) and its object a factory decorated with
        :func:`spinscope.registry.register`.
    ``spinscope.report_sections``: report sections (text, HTML, JSON profile) that an
        analysis contributes; see :mod:`spinscope.reports.sections`.
    ``spinscope.engines``: engines that run a pipeline over many documents (a callable
        taking ``n_process=``); see :mod:`spinscope.engines`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Protocol, TypeVar

from spinscope.errors import PipelineError

__all__ = [
    "COMPONENTS",
    "ENGINES",
    "REPORT_SECTIONS",
    "entry_points_of",
    "load_entry_point",
    "load_named",
]

log = logging.getLogger(__name__)

COMPONENTS = "spinscope.components"
REPORT_SECTIONS = "spinscope.report_sections"
ENGINES = "spinscope.engines"


@cache
def _cached(group: str) -> Mapping[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=group):
        previous = found.get(ep.name)
        if previous is not None and previous.value != ep.value:
            # Two distributions claim one name: the first installed wins, loudly.
            log.warning(
                "entry point %r in %s is declared twice (%s and %s); using the first",
                ep.name,
                group,
                previous.value,
                ep.value,
            )
            continue
        found[ep.name] = ep
    return found


def entry_points_of(group: str, *, refresh: bool = False) -> Mapping[str, EntryPoint]:
    """The entry points of ``group`` by name (cached; ``refresh`` re-reads metadata,
    e.g. after a plugin was installed in this process)."""
    if refresh:
        _cached.cache_clear()
    return _cached(group)


def load_entry_point(ep: EntryPoint) -> Any:
    """Import an entry point's object; a broken plugin is a clear :class:`PipelineError`."""
    try:
        return ep.load()
    except Exception as exc:
        dist = ep.dist.name if ep.dist is not None else "an installed package"
        raise PipelineError(
            f"plugin {ep.name!r} ({ep.value}, from {dist}) failed to load: "
            f"{type(exc).__name__}: {exc}"
        ) from exc


class _Named(Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=_Named)


def load_named(
    ep: EntryPoint, kind: type[N], *, what: str, get: Callable[[Any], Any] = lambda obj: obj
) -> N:
    """Load ``ep`` and check that it gives a ``kind`` carrying the entry point's own name.

    Args:
        ep: the entry point (its name is the plugin's name).
        kind: the type the loaded object (after ``get``) must have.
        what: what a ``kind`` is, for messages ("a factory decorated with ...").
        get: finds the ``kind`` from the loaded object (an attribute of a factory...).

    Raises:
        PipelineError: the plugin fails to import, is not a ``kind``, or names itself
            differently from its entry point.
    """
    obj = get(load_entry_point(ep))
    if not isinstance(obj, kind):
        raise PipelineError(f"entry point {ep.name!r} ({ep.value}) is not {what}")
    if obj.name != ep.name:
        raise PipelineError(
            f"entry point {ep.name!r} ({ep.value}) names itself {obj.name!r}; "
            "the entry point's name must be the plugin's name"
        )
    return obj
