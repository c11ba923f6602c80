"""A definite description (``the pastor``) is the one speaker the article described
with that noun in apposition (``Jo Roe, the founder and senior pastor of …``); with two
people so described it names no one (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The church opened on Sunday. Its leader is Dr. Tom Ray, the founder and senior "
            "pastor of the Hill Church.\n\n“We are lost,” Tom Ray said.\n\n"
            "The pastor warned: “Sin is everywhere you look.”",
            "“Sin is everywhere you look.”",
            "Tom Ray",
        ),
        (
            "The churches met on Sunday: Tom Ray, the senior pastor of the Hill Church, and "
            "Al Poe, the pastor of the Vale Church.\n\n“We are lost,” Ray said. “We are "
            "found,” Poe said.\n\nThe pastor warned: “Sin is everywhere you look.”",
            "“Sin is everywhere you look.”",
            "pastor",
        ),
    ],
)
def test_apposed_description(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
