"""A quotation after a question the writer words (``X asked Y how …``) is the answer,
by the one asked; after a request (``asked the board to act``) it stays the asker's
(invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Ann Lee told the Herald the mayor “should resign.” The Herald then asked Lee how "
            "she would fix the city, to which Lee replied that taxes must fall.\n\n"
            "“Nobody wants taxes. Everyone needs to pay less.”",
            "“Nobody wants taxes. Everyone needs to pay less.”",
            "Ann Lee",
        ),
        (
            "Tom Ray said he was tired. The Herald asked Ray whether he would run.\n\n"
            "“I will decide in May. My family comes first.”",
            "“I will decide in May. My family comes first.”",
            "Tom Ray",
        ),
        # a request, not a question: the quotation goes on with the one asking
        (
            "Ann Lee asked the board to act now.\n\n"
            "“Nobody wants taxes. Everyone needs to pay less.”",
            "“Nobody wants taxes. Everyone needs to pay less.”",
            "Ann Lee",
        ),
    ],
)
def test_answer_after_question(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
