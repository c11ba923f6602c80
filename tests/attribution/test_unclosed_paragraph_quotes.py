"""A quotation whose closing mark was forgotten in its one paragraph: the paragraph's
only double mark opens it at the paragraph's start or after a lead-in (``explained:``,
``told us,``), and it runs to that paragraph's end, never beyond. Other lone marks
(an inch sign, a title, a closer forgotten before the attribution) stay unquoted.
Fixtures are invented in the shape of real news text.
"""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, quoted

_VARADKAR = (
    "The minister spoke on Sunday.\n"
    'Liam Byrne explained: "They were proposing something called a circuit break. '
    "Something that has never been tried anywhere in Europe.\n"
    "In short, it would see all but essential workplaces closed.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead-in and colon, then a quotation to the end of its paragraph
        (
            _VARADKAR,
            [
                '"They were proposing something called a circuit break. '
                "Something that has never been tried anywhere in Europe."
            ],
        ),
        # a paragraph opened by a curly mark, followed by narrative
        (
            "He spoke at noon.\n\n“We were leaving the city when the car broke down.\n\n"
            "So the tow truck came an hour later.",
            ["“We were leaving the city when the car broke down."],
        ),
        # a comma after a word of saying; a quotation nested in it says nothing of its end
        (
            'Tom Reed also told us, "A source looked at me and said, ‘We were told to '
            "stand down,’ and that is what will come out.\nReed will report on Friday.",
            [
                '"A source looked at me and said, ‘We were told to stand down,’ and that '
                "is what will come out."
            ],
        ),
        # the last paragraph of the text
        ("“It was the best day of my life.", ["“It was the best day of my life."]),
    ],
)
def test_unclosed_quotation_runs_to_paragraph_end(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an inch sign is no quotation
        'Workers laid a 6" pipe under the road.\nThe work ends in May.',
        'The storm left 12" of snow: more than forecast.\nSchools closed.',
        # a title whose closing mark was lost, in the middle of a sentence
        "Tom Reed is the author of “The Long Road Home.\nHis next book is due in June.",
        # a straight mark opening a paragraph may close the one before
        'He left.\n"We know it was over.\nThen it ended.',
        # a lead-in with a comma but no word of saying
        'In the end, "Yes.\nThe vote passed.',
        # the closer belonged before the attribution inside the stretch
        "“We will win, Smith said in Paris.\nThe vote is on Friday.",
        "“We will win the race, he told reporters.\nThe vote is on Friday.",
        # another double mark in the paragraph: not this rule's to guess
        "“No,” he said. “We will win this race.\nThe crowd cheered loudly.",
    ],
)
def test_lone_marks_that_are_no_quotation(text: str) -> None:
    assert quoted(text) == []


def test_multi_paragraph_quotation_closed_later_stays_one() -> None:
    text = "“The first part runs on.\nAnd the second line.\nAnd it ends here,” she said."
    assert quoted(text) == ["“The first part runs on.\nAnd the second line.\nAnd it ends here,”"]


def test_unclosed_quotation_takes_its_lead_in_speaker() -> None:
    assert covering_speaker(_VARADKAR, "They were proposing") == "Liam Byrne"
