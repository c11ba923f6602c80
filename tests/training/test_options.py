"""Dataclass fields as argparse options."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import pytest
from training.options import add_arguments, from_namespace, option


@dataclass(kw_only=True)
class Example:
    path: Path = option(help="a required path")
    name: str | None = option(None, help="optional")
    count: int = option(3, help="a number")
    rate: float = option(0.5, help="a rate")
    flag: bool = option(False, help="a flag")
    values: tuple[float, ...] = option((0.1, 0.2), help="several")


def _parse(argv: list[str]) -> Example:
    p = argparse.ArgumentParser()
    add_arguments(p, Example)
    return from_namespace(Example, p.parse_args(argv))


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--path", "a"], Example(path=Path("a"))),
        (
            ["--path", "a", "--name", "n", "--count", "7", "--rate", "2", "--flag"],
            Example(path=Path("a"), name="n", count=7, rate=2.0, flag=True),
        ),
        (
            ["--path", "a", "--values", "1", "2", "3"],
            Example(path=Path("a"), values=(1.0, 2.0, 3.0)),
        ),
    ],
)
def test_round_trip(argv: list[str], expected: Example) -> None:
    assert _parse(argv) == expected


def test_required_field() -> None:
    with pytest.raises(SystemExit):
        _parse([])


def test_help_text() -> None:
    p = argparse.ArgumentParser()
    add_arguments(p, Example)
    assert "a required path" in p.format_help()
    assert "--count COUNT" in p.format_help()
