"""A title's full stop is no sentence end (``the Rev. Fernando Karadima``), even where
a text laid out one sentence per line broke the line there; ``St.`` closing a line may
be a street's, and a blank line is always a break. An owner named after an earlier
quotation of the sentence (``said “…” given Lee’s remarks that …``) still owns the
quotation the grammar gives them."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.text import TokenView


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He met the Rev.\nFernando Karadima in May.", 1),
        ("He met Gwinnett County Cpl.\nDean Ross in May.", 1),
        ("He met Amb. Jo Ross in May.", 1),
        ("He met Lt.\nGen. Jo Ross in May.", 1),
        # a street's abbreviation may end a line; a blank line ends the paragraph
        ("He lives on Main St.\nThe house is old.", 2),
        ("He met the Rev.\n\nFernando Karadima spoke first.", 2),
    ],
)
def test_a_title_before_a_name_ends_no_sentence(text: str, sentences: int) -> None:
    assert len(TokenView.from_text(text).sent_chars) == sentences


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The pope met victims.\nFrancis said that until he sees proof that Bishop Ann "
            "Cole knew of the crimes of the Rev.\nFernando Ruiz, such claims are “all "
            "calumny.” The remarks drew shock.",
            "all calumny",
            "Francis",
        ),
        (
            "The pope met victims.\nJo Ross, another survivor, said “the timing is too "
            "perfect” given Pope Leo’s remarks that accused the victims of the Rev.\nTom "
            "Ruiz of “slander” against the bishop.",
            "slander",
            "Leo",
        ),
        # the owner after an earlier quotation, on one line
        (
            "The pope met victims. Jo Ross said “the timing is too perfect” given Pope "
            "Leo’s remarks that accused the victims of “slander” against the bishop.",
            "slander",
            "Leo",
        ),
    ],
)
def test_the_sentence_goes_on_past_the_title(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
