"""Sources around openers and asides, on invented text: a phrase of time or place before
a role and its named appositive, a comment set off between commas, a passive of
perception before a participle, and a document noun before a quotation."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

_QUOTE = "“the church will cooperate fully with the inquiry.”"


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        # a fronted phrase of time or place before the role and its named appositive
        (f"On Monday, the bishop, Tom Reyes, said {_QUOTE}", "the bishop, Tom Reyes,", "Tom Reyes"),
        (f"In Boston, the bishop, Tom Reyes, said {_QUOTE}", "the bishop, Tom Reyes,", "Tom Reyes"),
        (f"The bishop, Tom Reyes, said {_QUOTE}", "The bishop, Tom Reyes,", "Tom Reyes"),
        (f"On Monday, Tom Reyes, the bishop, said {_QUOTE}", "Tom Reyes, the bishop,", "Tom Reyes"),
        # a comment between commas is no description of the speaker
        (f"Tom Reyes, the thinking goes, said {_QUOTE}", "Tom Reyes", "Tom Reyes"),
        # an age stays
        (f"Tom Reyes, 64, said {_QUOTE}", "Tom Reyes, 64,", "Tom Reyes"),
        # the one heard speaks
        (f"In the video, Tom Reyes is heard saying {_QUOTE}", "Tom Reyes", "Tom Reyes"),
        (f"Tom Reyes can be heard saying {_QUOTE}", "Tom Reyes", "Tom Reyes"),
    ],
)
def test_source_around_openers_and_asides(text: str, source: str, name: str | None) -> None:
    found = [(r.cue, r.source, r.name) for r in read(text)]
    assert len(found) == 1
    assert found[0][1:] == (source, name)


def test_a_clause_before_the_appositive_is_no_opener() -> None:
    # "the bishop said" is a clause: its comma opens no appositive of Tom Reyes
    text = f"When the vote ended, the bishop, Tom Reyes, and his aides said {_QUOTE}"
    assert all(r.source != "the bishop, Tom Reyes," for r in read(text))


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # the document noun is what the quotation is about; the verb after it reports
        (
            "The report “raises serious questions about the funds,” Francis acknowledged.",
            "acknowledged",
            "Francis",
        ),
        # a document that speaks keeps its verb
        ("The report said “the funds raise serious questions.”", "said", "The report"),
    ],
)
def test_a_document_noun_before_a_quotation_is_no_cue(text: str, cue: str, source: str) -> None:
    assert [(r.cue, r.source) for r in read(text)] == [(cue, source)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the subject before a dashed aside opens at its own article
        (
            "Let's not take at face value anything the Remain camp – both MPs and media – "
            "tells us about the deal.",
            "the Remain camp",
        ),
        # an article inside an of-phrase belongs to the subject
        (
            "The head of the Federal Reserve – a post held by Jo Roe – said rates “will rise.”",
            "The head of the Federal Reserve",
        ),
    ],
)
def test_the_subject_before_a_dashed_aside(text: str, source: str) -> None:
    assert [r.source for r in read(text)] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "The group can't decide what to do about a politician who praised the plan.",
        "The board must decide how to spend the money before the vote in May.",
    ],
)
def test_an_open_choice_reports_nothing(text: str) -> None:
    assert all(not r.cue.startswith("decide") for r in read(text))
