"""A pronoun source right after a sentence reporting someone's words is that reporter,
even when a man named earlier would otherwise get the head start: across a line or
paragraph break, after the quotation that opens the pronoun's sentence, or after a
subordinating conjunction."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the quotation opens the sentence; the report is the sentence before it
        (
            "Senator Richard Dole said the bill was unfair.\n\n"
            "Whip Vanya Orr also said Democrats wanted aid for both towns. "
            "“I doubt that we would turn that down,” he told reporters.",
            "I doubt that",
            "Vanya Orr",
        ),
        # one sentence per line: the line break is no change of focus
        (
            "He began by attacking President Tom Reed for his speech.\n"
            "Anwar Kessim later lamented the existence of rival groups.\n"
            "He decried, “Listen. Do not deny it.”",
            "Listen.",
            "Anwar Kessim",
        ),
        # a subordinating conjunction before the pronoun
        (
            "Governor Tom Reed said the pastor was banned. Pastor Ilan Vesk also repeated "
            "his praise of the gunman. While he says he opposes violence, the victims were "
            "“worthy of death.”",
            "worthy of death",
            "Ilan Vesk",
        ),
    ],
)
def test_pronoun_after_the_last_report(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a sentence that reports no one stands between: the head start is only a guess
        (
            "“Old pumps fail,” Roger Hale told the paper.\n\n"
            "Vanya Orr told the paper that many pumps were old. The plant opened in 1985.\n\n"
            "“These pumps are worn out,” he said.",
            "These pumps",
        ),
        # "But he …" may turn to the last sentence's topic: no link from the opener
        (
            "“Old pumps fail,” Roger Hale told the paper. He said that because Vanya Orr "
            "made claims about the plant, the plant was closed. But he also added that "
            "“the pumps are fine.”",
            "the pumps are fine",
        ),
    ],
)
def test_pronoun_after_a_report_not_just_before(text: str, quote: str) -> None:
    assert speaker_of(text, quote)[0] != "Vanya Orr"
