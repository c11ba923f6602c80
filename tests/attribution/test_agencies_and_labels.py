"""Names a caption, a broadcaster's label, an agency or a document's author give, and
``Another chimes in``; on invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        # "Press" ends an agency's or a paper's name; it is no title after a name
        ("the Associated Press", "Associated Press", None),
        ("The Canadian Press", "Canadian Press", None),
        ("Press Secretary Jo Roe", "Jo Roe", "Press Secretary"),
        # a photo credit closing a caption is no part of the name after it
        ("AP Photo Lind", "Lind", None),
        ("| Reuters Photo Mara Lind", "Mara Lind", None),
        # a document's words are its author's
        (
            "a statement issued by the Vance family Tuesday which also says",
            None,
            "the Vance family",
        ),
        (
            "One recent letter, written by Fenwick student Ivo Marsh,",
            "Ivo Marsh",
            "Fenwick student",
        ),
        ("a statement released by Senator Ada Crane on Friday", "Ada Crane", "Senator"),
        # "Another" is one more of those described, no name
        ("Another", None, "Another"),
        # a broadcaster's call sign and channel are one name
        ("FOX 9 KC", "FOX 9 KC", None),
    ],
)
def test_parse_mention(mention: str, name: str | None, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a broadcaster's label in capitals, named in a sentence of the article too
        (
            "In an interview, Marsh told WXYZ 7 NEWS he had sources. The exchange:\n\n"
            "WXYZ 7 NEWS: “You have sources at the agency saying that there is more?”\n\n"
            'MARSH: "For sure, and they are good."',
            "“You have sources at the agency saying that there is more?”",
            "WXYZ 7 NEWS",
        ),
        # "Another chimes in": the next of the people just quoted
        (
            "A new ad features students.\n\n“I do not think he can lead us,” one "
            "student says in the spot.\n\nAnother chimes in, “He makes me terrified.”",
            "“He makes me terrified.”",
            "Another",
        ),
    ],
)
def test_labels_and_chimes(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_heading_in_capitals_is_no_speaker() -> None:
    text = "SPECIAL REPORT 2: The city is running out of water this summer, officials fear."
    assert covering_speaker(text, "The city is running out of water") != "REPORT"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a date opening a police blotter's entry
        (
            "The blotter is as follows:\n\nOctober 20: ACCIDENT – A vehicle driven by Kim "
            "Carr was southbound on Elm Road when a deer entered the roadway.",
            "A vehicle driven by Kim Carr was southbound",
        ),
        # a numbered figure caption
        (
            "We draw a chart of our data.\n\nFigure 1: Bar Chart with Default Font Sizes "
            "for every group.",
            "Bar Chart with Default Font Sizes",
        ),
        # a product's heading
        (
            "The cards sold out at once.\n\nRTX 3080: Where to buy the card this week "
            "if you still want one.",
            "Where to buy the card this week",
        ),
    ],
)
def test_numbered_heading_is_no_speaker_label(text: str, content: str) -> None:
    assert covering_speaker(text, content) == "unattributed"
