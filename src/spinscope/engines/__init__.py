"""Engines: how a pipeline is run over a stream of documents.

``spinscope analyze``, the Python API (:meth:`Pipeline.pipe`) and the web app hand
their documents to an :class:`Engine` and read results back, in order, one per
input: a :class:`~spinscope.document.Document` or an
:class:`~spinscope.document.ErrorRecord`. Engines differ only in where the work runs:

* ``"local"``: in this process (:class:`LocalEngine`);
* ``"process"``: a local process pool, one pipeline per worker, each worker's model
  threads sized so the workers share the cores (:class:`ProcessPoolEngine`);
* a plugin's, registered under the ``spinscope.engines`` entry-point group (a
  callable taking ``n_process=`` and returning an engine).

>>> from spinscope import Document, Pipeline
>>> engine = get_engine("local")
>>> nlp = Pipeline(["sentences.v1"])
>>> [len(d.group("sentences")) for d in engine.run(nlp, [Document("One. Two.")], batch_size=8)]
[2]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spinscope.engines.base import Engine, PipelineSpec, Result, batched
from spinscope.engines.local import LocalEngine
from spinscope.engines.pool import ProcessPoolEngine
from spinscope.errors import ConfigError
from spinscope.plugins import ENGINES, entry_points_of, load_entry_point

__all__ = [
    "Engine",
    "LocalEngine",
    "PipelineSpec",
    "ProcessPoolEngine",
    "Result",
    "batched",
    "engine_names",
    "get_engine",
]

_BUILTIN: dict[str, Callable[..., Engine]] = {
    "local": lambda n_process=1: LocalEngine(),
    "process": lambda n_process=-1: ProcessPoolEngine(n_process=n_process),
}


def engine_names() -> list[str]:
    """The engines that can be named: ``auto``, the built-ins, and installed plugins'."""
    return ["auto", *sorted(set(_BUILTIN) | set(entry_points_of(ENGINES)))]


def get_engine(name: str = "auto", *, n_process: int = 1, **options: Any) -> Engine:
    """The engine called ``name``.

    Args:
        name: ``"auto"`` (``"local"`` when ``n_process`` is 1, else ``"process"``),
            ``"local"``, ``"process"``, or an installed plugin's engine.
        n_process: worker processes for engines that have them (-1: one per core).
        options: further keyword arguments for the engine's factory.

    Raises:
        ConfigError: no engine has that name.
    """
    if name == "auto":
        name = "local" if n_process == 1 else "process"
    factory = _BUILTIN.get(name)
    if factory is None:
        ep = entry_points_of(ENGINES).get(name)
        if ep is None:
            raise ConfigError(
                f"no engine named {name!r}; choose one of {', '.join(engine_names())}"
            )
        factory = load_entry_point(ep)
    engine: Engine = factory(n_process=n_process, **options)
    return engine
