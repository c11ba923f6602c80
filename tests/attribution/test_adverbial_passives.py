"""A passive with an adverb between its auxiliary and participle ("was widely believed to
be …") reports what unnamed people think of its subject: the subject is no source
(invented texts)."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.document import Document


@pytest.mark.parametrize(
    "text",
    [
        "Jo Roe runs the embassy. He was widely believed to be the frontrunner for the job.",
        "Jo Roe runs the embassy. She is generally thought to be the frontrunner.",
    ],
)
def test_adverbial_passive_has_no_source(text: str) -> None:
    atts, *_ = analyse(Document(text))
    assert atts, "the report is still found"
    assert all(a.source is None for a in atts)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an active verb after an adverb keeps its subject
        ("Jo Roe runs the embassy. He firmly believed that the talks would fail.", "He"),
        ("Jo Roe widely said that the talks would fail.", "Jo Roe"),
    ],
)
def test_active_cue_keeps_its_source(text: str, source: str) -> None:
    atts, *_ = analyse(Document(text))
    assert [text[a.source[0] : a.source[1]] for a in atts if a.source] == [source]
