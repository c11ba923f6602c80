"""Layered, typed configuration: the shipped ``default_config.toml`` under a user's file.

:func:`load_config` layers a user's TOML file (or ``$SPINSCOPE_CONFIG``) and a mapping
of overrides over the shipped defaults and returns a validated :class:`Config`. Partial
user files override only the keys they set. Unknown sections or keys, values of the
wrong type or out of range are an error that names the valid choices, so typos never
pass silently. Component settings (``[components."techniques.v1"]``) are checked
against each component's factory when a pipeline is built.

>>> cfg = load_config(overrides={"pipeline": {"batch_size": 4}})
>>> cfg.pipeline.batch_size, cfg.ingest.encoding
(4, 'auto')
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from spinscope.errors import ConfigError
from spinscope.ingest.options import IngestOptions

__all__ = [
    "DEFAULT_CONFIG_TEXT",
    "Config",
    "ConfigArg",
    "PipelineSettings",
    "load_config",
    "resolve_config",
]

DEFAULT_CONFIG_TEXT = (
    resources.files("spinscope").joinpath("default_config.toml").read_text("utf-8")
)
_DEFAULTS: dict[str, Any] = tomllib.loads(DEFAULT_CONFIG_TEXT)

# Sections whose keys are free-form (component names map to factory kwargs).
_OPEN_SECTIONS = {"components"}


@dataclass(frozen=True)
class PipelineSettings:
    """The ``[pipeline]`` section.

    Attributes:
        components: component names in run order.
        batch_size: documents handed to batched components (and workers) at a time.
        n_process: worker processes; 1 runs in this process, -1 one per core.
        engine: how documents are processed: ``"auto"``, ``"local"`` (this process),
            ``"process"`` (a local process pool) or an engine a plugin installs.
        language: ``"auto"`` (identify each document's language; components that do
            not analyse it are skipped, with a notice) or an ISO 639-1 code that every
            document is taken to be in (forces components to run).
    """

    components: tuple[str, ...]
    batch_size: int = 16
    n_process: int = 1
    engine: str = "auto"
    language: str = "auto"

    def __post_init__(self) -> None:
        if isinstance(self.components, str) or not all(
            isinstance(c, str) and c for c in self.components
        ):
            raise ConfigError(
                f"pipeline components must be a list of component names, got {self.components!r}"
            )
        object.__setattr__(self, "components", tuple(self.components))
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int):
            raise ConfigError(f"pipeline batch_size must be an integer, got {self.batch_size!r}")
        if self.batch_size < 1:
            raise ConfigError(f"pipeline batch_size must be at least 1, got {self.batch_size}")
        if (
            isinstance(self.n_process, bool)
            or not isinstance(self.n_process, int)
            or (self.n_process < 1 and self.n_process != -1)
        ):
            raise ConfigError(
                "pipeline n_process must be -1 (one per core) or at least 1, "
                f"got {self.n_process!r}"
            )
        if not isinstance(self.engine, str) or not self.engine:
            raise ConfigError(f"pipeline engine must be a name, got {self.engine!r}")
        if not isinstance(self.language, str) or not (
            self.language == "auto" or (len(self.language) == 2 and self.language.isalpha())
        ):
            raise ConfigError(
                "pipeline language must be 'auto' or a two-letter ISO 639-1 code such as "
                f"'en', got {self.language!r}"
            )


@dataclass(frozen=True)
class Config:
    """A validated configuration.

    Attributes:
        pipeline: the ``[pipeline]`` section.
        ingest: the ``[ingest]`` section, as the options ingest reads.
        components: per-component settings, ``{"techniques.v1": {"threshold": 0.4}}``,
            passed to each factory (checked against it when a pipeline is built).
    """

    pipeline: PipelineSettings
    ingest: IngestOptions = field(default_factory=IngestOptions)
    components: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Config:
        """A configuration from a complete mapping (the defaults layered with a user's
        file, as :func:`load_config` builds it).

        Raises:
            ConfigError: a section is missing, or a value is invalid.
        """
        try:
            pipeline = PipelineSettings(**data["pipeline"])
        except KeyError:
            raise ConfigError("configuration lacks the [pipeline] section") from None
        except TypeError as exc:
            raise ConfigError(f"bad [pipeline] section: {exc}") from None
        components = data.get("components") or {}
        for name, settings in components.items():
            if not isinstance(settings, Mapping):
                raise ConfigError(
                    f"[components.{name!r}] must be a table of settings, got {settings!r}"
                )
        return cls(
            pipeline=pipeline,
            ingest=IngestOptions.from_config(data),
            components={name: dict(settings) for name, settings in components.items()},
        )

    def to_dict(self) -> dict[str, Any]:
        """The TOML-shaped mapping (``load_config(overrides=cfg.to_dict())`` round-trips)."""
        ingest = {
            "max_bytes": self.ingest.max_bytes,
            "encoding": self.ingest.encoding,
            "text_key": self.ingest.text_key,
            "id_key": self.ingest.id_key,
            "html_timeout": self.ingest.html_timeout,
        }
        return {
            "pipeline": {
                "components": list(self.pipeline.components),
                "batch_size": self.pipeline.batch_size,
                "n_process": self.pipeline.n_process,
                "engine": self.pipeline.engine,
                "language": self.pipeline.language,
            },
            "ingest": ingest,
            "components": {k: dict(v) for k, v in self.components.items()},
        }

    def merged(self, overrides: Mapping[str, Any]) -> Config:
        """A copy with a TOML-shaped mapping of ``overrides`` layered on top."""
        return Config.from_dict(_merge(self.to_dict(), overrides))

    def with_store(self, store: str, components: Sequence[str] | None = None) -> Config:
        """A copy in which the pipeline's components with a ``store`` setting (the
        fact-check and outlet lookups) use ``store``: one ``--store`` for all of them.

        Args:
            components: the pipeline's components, when not the configuration's.
        """
        from spinscope.registry import registry

        names = [
            name
            for name in (components or self.pipeline.components)
            if name in registry and "store" in registry.get(name).default_config
        ]
        return self.merged({"components": {name: {"store": store} for name in names}})

    def settings_for(self, component: str) -> Mapping[str, Any]:
        """The settings the configuration gives ``component`` (empty if none)."""
        return self.components.get(component, {})


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

    Args:
        path: a TOML file; default: ``$SPINSCOPE_CONFIG`` if set, else none.
        overrides: a TOML-shaped mapping layered last
            (``{"components": {"techniques.v1": {"threshold": 0.4}}}``).

    Raises:
        ConfigError: the file is missing, not TOML, sets unknown keys or bad values.
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
    return Config.from_dict(config)


ConfigArg = Config | str | os.PathLike[str] | Mapping[str, Any] | None


def resolve_config(config: ConfigArg = None) -> Config:
    """A :class:`Config` from a Config, a TOML path, a mapping of overrides over the
    defaults, or ``None`` (the defaults and ``$SPINSCOPE_CONFIG``).

    Raises:
        ConfigError: the file is missing, not TOML, or sets unknown keys or bad values.
    """
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return load_config(overrides=config)
    if config is not None and not isinstance(config, str | os.PathLike):
        raise TypeError(
            f"config is a Config, a TOML path or a mapping, got {type(config).__name__}"
        )
    return load_config(config)
