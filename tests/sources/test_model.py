from __future__ import annotations

import pytest

from spinscope.sources.model import (
    normalise_bias,
    normalise_credibility,
    normalise_factual,
    normalise_label,
)


@pytest.mark.parametrize(
    ("raw", "bias", "labels"),
    [
        ("least biased", "center", ()),
        ("left-center", "left-center", ()),
        ("left center", "left-center", ()),
        ("center-left", "left-center", ()),
        ("right-center", "right-center", ()),
        ("far right", "extreme-right", ()),
        ("extreme-left", "extreme-left", ()),
        ("right conspiracy-pseudoscience", "right", ("conspiracy", "pseudoscience")),
        ("conspiracy-pseudoscience", None, ("conspiracy", "pseudoscience")),
        ("pro-science", None, ("pro-science",)),
        ("satire", None, ("satire",)),
        ("not rated", None, ()),
        ("", None, ()),
        (None, None, ()),
    ],
)
def test_normalise_bias(raw: str | None, bias: str | None, labels: tuple[str, ...]) -> None:
    assert normalise_bias(raw) == (bias, labels)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("high", "high"),
        ("Very High", "very-high"),
        ("mostly factual", "mostly-factual"),
        ("?", None),
        (None, None),
    ],
)
def test_normalise_factual(raw: str | None, value: str | None) -> None:
    assert normalise_factual(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("high credibility", "high"),
        ("Medium", "medium"),
        ("95.0", "95"),
        ("32.5", "32.5"),
        ("great", None),
        ("", None),
    ],
)
def test_normalise_credibility(raw: str, value: str | None) -> None:
    assert normalise_credibility(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [("Fake News", "fake"), ("junksci", "junksci"), ("unrealiable", "unreliable"), ("  ", None)],
)
def test_normalise_label(raw: str, value: str | None) -> None:
    assert normalise_label(raw) == value
