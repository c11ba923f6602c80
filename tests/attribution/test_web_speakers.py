"""Speakers on shapes of web news text no rule was tuned on: quotations reported by a
newspaper, organisations and documents described again, titled names, countries; on
invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of as _speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "name", "role"),
    [
        (
            'Crowds filled the square on Sunday. "Down with the decree," the protesters '
            "chanted, according to the newspaper.",
            "Down with",
            None,
            "protesters",
        ),
        (
            'The Trump campaign released a memo on Friday. "We will win this state," the '
            "campaign said.",
            "We will win",
            "Trump campaign",
            None,
        ),
        (
            'Donald Trump\'s campaign hit back on Monday. "This is a smear," the statement said.',
            "This is a smear",
            "Trump campaign",
            None,
        ),
        (
            "Agents found the boat on Sunday, according to the release. Tom Reed, the "
            "captain, admitted to it. The crew is safe, according to the release.",
            "The crew is safe",
            None,
            "release",
        ),
        (
            '"The rules were rushed," said Tom Reed, a former whip. The legislation makes '
            "clear that fines can be imposed.",
            "that fines",
            None,
            "legislation",
        ),
        (
            '"It works," Jane Fa said. They can cut emissions, according to the paper '
            'published by Fa and his associates. "One of the findings was clear," Fa said.',
            "One of the findings",
            "Jane Fa",
            None,
        ),
        (
            "Coronavirus Ireland: One death and new cases\nThe CMO told the minister that "
            "they were concerned. Ireland will see more cases. He also warned that 43 people "
            "would be admitted daily.",
            "43 people",
            "The CMO",
            None,
        ),
        (
            'VFI Chief Executive, Padraig Cribben, said: "It is impossible to overstate it."',
            "It is impossible",
            "Padraig Cribben",
            "VFI Chief Executive",
        ),
        (
            "A robot did well, according to the first clinical trial of a blood drawing device.",
            "A robot",
            None,
            "first clinical trial of a blood drawing device",
        ),
        (
            "A large body of neuroscientific studies has pointed out that the brain works hard.",
            "the brain works",
            None,
            "large body of neuroscientific studies",
        ),
    ],
)
def test_web_news_speaker(text: str, quote: str, name: str | None, role: str | None) -> None:
    assert _speaker_of(text, quote) == (name, role)


def test_statement_without_an_organisation_stays_a_statement() -> None:
    text = 'The mayor spoke on Monday. "This is a smear," the statement said.'
    assert _speaker_of(text, "This is a smear") == (None, "statement")


def test_described_subject_takes_the_name_the_article_gives_it() -> None:
    text = (
        "Former Miss Universe sizes up Melania Trump: 'I think I speak more English than "
        "her'\n\nAlicia Machado, the former Miss Universe, spoke to reporters on Tuesday."
    )
    assert _speaker_of(text, "I think")[0] == "Alicia Machado"


def test_quotation_of_several_paragraphs_after_a_colon_cue() -> None:
    text = (
        "Senator Tom Reed spoke in Ohio on Monday. Here's what he said:\n\n"
        '"We have to fix the roads. They are falling apart.\n\n'
        '"And we have to do it now, before the winter comes."\n\nThe crowd cheered.'
    )
    assert _speaker_of(text, "We have to fix")[0] == "Tom Reed"
    assert _speaker_of(text, "And we have to do it")[0] == "Tom Reed"


def test_quotation_split_around_its_cue_is_credited_on_both_sides() -> None:
    text = 'Mayor Tom Reed met the press. "First half of it," he said, "and the second half."'
    assert _speaker_of(text, "First half")[0] == "Tom Reed"
    assert _speaker_of(text, "and the second half")[0] == "Tom Reed"
