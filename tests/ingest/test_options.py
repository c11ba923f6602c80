"""IngestOptions: defaults, the [ingest] config section, validation."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from spinscope.config import load_config
from spinscope.errors import ConfigError
from spinscope.ingest import IngestOptions


def test_defaults_match_shipped_config() -> None:
    assert load_config().ingest == IngestOptions()


def test_from_config_and_overrides() -> None:
    cfg = load_config(overrides={"ingest": {"max_bytes": 1000, "text_key": "body"}})
    options = cfg.ingest.replace(format="jsonl")
    assert (options.max_bytes, options.text_key, options.format) == (1000, "body", "jsonl")


def test_from_config_rejects_unknown_keys() -> None:
    with pytest.raises(ConfigError, match="unknown ingest option"):
        IngestOptions.from_config({"ingest": {"max_byte": 3}})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"max_bytes": 0}, "at least 1"),
        ({"max_bytes": 1.5}, "integer"),
        ({"max_bytes": True}, "integer"),
        ({"encoding": "klingon"}, "unknown encoding"),
        ({"encoding": "base64"}, "not a text encoding"),
        ({"encoding": ""}, "codec name"),
        ({"text_key": ""}, "text_key"),
        ({"id_key": None}, "id_key"),
        ({"html_timeout": 0}, "positive"),
        ({"html_timeout": float("inf")}, "positive"),
        ({"format": "pdf"}, "unknown input format"),
    ],
)
def test_invalid_values(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        IngestOptions(**changes)


def test_replace_validates() -> None:
    options = IngestOptions()
    assert options.replace(format="csv").format == "csv"
    with pytest.raises(ConfigError):
        dataclasses.replace(options, max_bytes=-1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.max_bytes = 5  # type: ignore[misc]
