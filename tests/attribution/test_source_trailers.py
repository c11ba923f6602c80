"""What follows a name but is no part of it (a reflexive intensifier, the closing
punctuation of a parenthesised sentence) is trimmed from the source (invented texts)."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.document import Document


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Tom Ray Himself said, “We will pay.”", "Tom Ray"),
        ("Ann Lee Herself said, “We won.”", "Ann Lee"),
        # a name that is no reflexive keeps its last word
        ("Ann Selfridge said, “We won.”", "Ann Selfridge"),
        (
            "The shop closed. (The firm owes $2 million, according to documents filed by Ray.)",
            "documents filed by Ray",
        ),
        # no parenthesis: the source is untouched
        ("Tom Ray said, “We will pay.”", "Tom Ray"),
    ],
)
def test_source_without_trailers(text: str, source: str) -> None:
    atts, *_ = analyse(Document(text))
    assert [text[a.source[0] : a.source[1]] for a in atts if a.source] == [source]
