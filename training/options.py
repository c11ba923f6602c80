"""Typed step configurations as command-line options.

Each training step takes a keyword-only dataclass; its fields (name, type, default and
``help`` metadata) define the step's argparse options, so the command line and the
Python call cannot drift apart.
"""

from __future__ import annotations

import argparse
import dataclasses
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def option(default: Any = dataclasses.MISSING, *, help: str = "", **kw: Any) -> Any:
    """A dataclass field carrying its command-line help."""
    return dataclasses.field(default=default, metadata={"help": help, **kw})


def _base_type(tp: Any) -> tuple[Any, bool]:
    """``(type, optional)`` of an annotation such as ``int`` or ``str | None``."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False


def add_arguments(parser: argparse.ArgumentParser, cls: type[Any]) -> None:
    """One ``--kebab-case`` option per field of the dataclass ``cls``.

    Fields without a default are required; ``bool`` fields are flags; ``tuple`` and
    ``list`` fields take one or more values (``nargs="+"``).
    """
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        tp, _ = _base_type(hints[f.name])
        flag = "--" + f.name.replace("_", "-")
        kw: dict[str, Any] = {"dest": f.name, "help": f.metadata.get("help", "")}
        if "metavar" in f.metadata:
            kw["metavar"] = f.metadata["metavar"]
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            kw["required"] = True
        elif f.default is not dataclasses.MISSING:
            kw["default"] = f.default
        else:
            kw["default"] = f.default_factory()
        origin = typing.get_origin(tp)
        if tp is bool:
            kw["action"] = argparse.BooleanOptionalAction if f.default else "store_true"
        elif origin in (list, tuple):
            kw["nargs"] = "+"
            kw["type"] = typing.get_args(tp)[0]
        else:
            kw["type"] = tp if tp in (int, float, str, Path) else str
        parser.add_argument(flag, **kw)


def from_namespace(cls: type[T], ns: argparse.Namespace) -> T:
    """The dataclass ``cls`` built from the parsed options of :func:`add_arguments`."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {k: v for k, v in vars(ns).items() if k in names}
    hints = typing.get_type_hints(cls)
    for k, v in values.items():
        if typing.get_origin(_base_type(hints[k])[0]) is tuple and v is not None:
            values[k] = tuple(v)
    return cls(**values)
