from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinscope.segment import sentence_offsets, token_offsets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two three.", ["One.", "Two three."]),
        (
            "Headline without stop\nBody sentence here.",
            ["Headline without stop", "Body sentence here."],
        ),
        (
            "“He said so,” Safronkov said. Then he left.",
            ["“He said so,” Safronkov said.", "Then he left."],
        ),
        ("The U.S. Army arrived. It was late.", ["The U.S. Army arrived.", "It was late."]),
        ("  \n\n  ", []),
        ("", []),
    ],
)
def test_sentence_offsets(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_offsets(text)] == expected


def test_token_offsets_index_original_text() -> None:
    text = "Russia’s so-called “White Helmets”"
    tokens = [text[s:e] for s, e in token_offsets(text)]
    assert "White" in tokens and "Helmets" in tokens
    assert all(t.strip() == t and t for t in tokens)


@given(st.text(max_size=400))
def test_segmentation_offsets_always_valid(text: str) -> None:
    last = 0
    for s, e in sentence_offsets(text):
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        for ts, te in token_offsets(text, s, e):
            assert s <= ts < te <= e
        last = e
