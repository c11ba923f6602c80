"""Hand-made document dicts, as ``spinscope analyze --format json`` writes them (with
``profiles``) or as a store row gives them (top-level ``domain``), and one with spans
only (its profiles are computed)."""

from __future__ import annotations

from typing import Any

import pytest


def _doc(doc_id: str, meta: dict[str, Any], profiles: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {
        "schema": "spinscope.document/1",
        "id": doc_id,
        "text": "…",
        "meta": meta,
        "spans": {},
        "profiles": profiles,
        **top,
    }


def _techniques(words: int, counts: dict[str, float], voices: tuple[int, float, int, float] | None):
    own_words, own_expected, quoted_words, quoted_expected = voices or (None, None, None, None)
    return {
        "words": words,
        "expected": sum(counts.values()),
        "expected_counts": counts,
        "own_words": own_words,
        "own_expected": own_expected,
        "quoted_words": quoted_words,
        "quoted_expected": quoted_expected,
    }


def _sourcing(attributions: int, attributed: float, own: float, speakers: dict[str | None, int]):
    return {
        "attributions": attributions,
        "attributed_share": attributed,
        "own_voice_share": own,
        "speakers": [{"name": n, "statements": [{}] * k} for n, k in speakers.items()],
    }


@pytest.fixture
def documents() -> list[dict[str, Any]]:
    return [
        _doc(
            "a1",
            {"outlet": "A", "url": "https://www.a-news.com/1", "published": "2024-01-01"},
            {
                "techniques": _techniques(
                    1000, {"Loaded_Language": 1.5, "Doubt": 0.5}, (800, 1.0, 200, 1.0)
                ),
                "sourcing": _sourcing(3, 0.4, 0.5, {"Alice": 2, None: 1}),
            },
        ),
        _doc(
            "a2",
            {"outlet": "A"},
            {
                "techniques": _techniques(500, {"Loaded_Language": 3.0}, None),
                "sourcing": _sourcing(2, 0.2, 0.7, {"Alice": 1, "Bob": 2}),
            },
            domain="a-news.com",
            date="2024-01-10",
        ),
        _doc(
            "b1",
            {"url": "https://www.b-news.org/x"},
            {"techniques": _techniques(250, {"Doubt": 0.5}, None)},
        ),
        {"schema": "spinscope.error/1", "id": "bad", "error": "not text"},
        {
            "schema": "spinscope.document/1",
            "id": "c1",
            "text": "Bad people ruin everything here.",
            "meta": {"outlet": "C"},
            "spans": {
                "techniques": [{"start": 0, "end": 10, "label": "Loaded_Language", "score": 0.8}]
            },
        },
    ]
