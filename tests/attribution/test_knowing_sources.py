"""An unnamed source described by what they know or are close to (``a former official
deeply familiar with the region``): the source span takes the whole phrase, the speaker
is the description's head; an inverted source's phrase ends before whom the words were
said to; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution import analyse
from spinscope.document import Document


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            "“The region will not wait for us,” said a former senior U.S. official deeply "
            "familiar with the Arab world.",
            "a former senior U.S. official deeply familiar with the Arab world",
            "former senior U.S. official",
        ),
        (
            "“The talks are stuck,” said a diplomat close to the negotiations.",
            "a diplomat close to the negotiations",
            "diplomat",
        ),
        (
            "“The talks are stuck,” a source familiar with the talks said.",
            "a source familiar with the talks",
            "source",
        ),
        (
            "“The talks are stuck,” said one person briefed on the matter.",
            "one person briefed on the matter",
            "one person",
        ),
        # a place says where the source is, and stays part of the description
        (
            "“The talks are stuck,” said a Western diplomat in Beijing.",
            "a Western diplomat in Beijing",
            "Western diplomat in Beijing",
        ),
    ],
)
def test_knowing_source(text: str, source: str, speaker: str) -> None:
    assert [(r.source, r.speaker) for r in read(text)] == [(source, speaker)]


def test_two_knowing_sources_stay_two_speakers() -> None:
    text = (
        "“The talks are stuck,” said a source familiar with the talks. The family was "
        "silent. “He is ill,” said a source close to the family."
    )
    _, _, links, _ = analyse(Document(text))
    assert len(set(links)) == 2 and None not in links


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # whom the words were said to closes the inverted source's phrase
        ("“We did what we had to do” said Bains to a morning show host.", "Bains"),
        ("“We did what we had to do,” said Jo Roe to reporters on Monday.", "Jo Roe"),
        ("“We did what we had to do,” said a spokesman to the Times.", "a spokesman"),
    ],
)
def test_inverted_source_before_addressee(text: str, source: str) -> None:
    assert [r.source for r in read(text)] == [source]
