"""Layered configuration: the shipped ``default_config.toml`` under a user's TOML file.

Partial user files override only the keys they set. Unknown sections or keys are an
error that names the valid choices, so typos never pass silently.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from copy import deepcopy
from importlib import resources
from pathlib import Path
from typing import Any

from spinscope.errors import ConfigError

__all__ = ["DEFAULT_CONFIG_TEXT", "Config", "load_config"]

DEFAULT_CONFIG_TEXT = (
    resources.files("spinscope").joinpath("default_config.toml").read_text("utf-8")
)
_DEFAULTS: dict[str, Any] = tomllib.loads(DEFAULT_CONFIG_TEXT)

# Sections whose keys are free-form (component names map to factory kwargs).
_OPEN_SECTIONS = {"components"}

Config = dict[str, Any]


def _merge(base: dict[str, Any], override: Mapping[str, Any], path: str = "") -> dict[str, Any]:
    out = deepcopy(base)
    for key, value in override.items():
        where = f"{path}.{key}" if path else key
        if (
            key not in out
            and path.split(".")[0] not in _OPEN_SECTIONS
            and key not in _OPEN_SECTIONS
        ):
            valid = ", ".join(sorted(out)) or "(none)"
            raise ConfigError(f"unknown configuration key {where!r}; valid keys here: {valid}")
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value, where)
        else:
            expected = out.get(key)
            # ints are fine where floats are expected
            wrong_type = not isinstance(value, type(expected)) and not (
                isinstance(expected, float) and isinstance(value, int)
            )
            if expected is not None and wrong_type:
                raise ConfigError(
                    f"configuration key {where!r} should be {type(expected).__name__}, "
                    f"got {type(value).__name__}"
                )
            out[key] = deepcopy(value)
    return out


def load_config(
    path: str | os.PathLike[str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    """Defaults, then the user's file (or ``$SPINSCOPE_CONFIG``), then ``overrides``.

    Raises:
        ConfigError: the file is missing, not TOML, or sets unknown keys.
    """
    config = deepcopy(_DEFAULTS)
    path = path or os.environ.get("SPINSCOPE_CONFIG") or None
    if path is not None:
        p = Path(path)
        try:
            user = tomllib.loads(p.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"configuration file {p} does not exist") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"configuration file {p} is not valid TOML: {exc}") from None
        config = _merge(config, user)
    if overrides:
        config = _merge(config, overrides)
    return config
