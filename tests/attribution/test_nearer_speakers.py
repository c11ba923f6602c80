"""Speakers of invented text: a pronoun or ``the Democrat`` stands for the person nearest
in focus, not for one whose surname only modifies a noun (``the Mueller report``), nor for
people named together; a name with accented letters introduces a person as any other."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

_OPENING = (
    "“The work is done,” Robert Mueller said in May. “I will rest now,” he said. "
    "“It is a disgrace,” said Ann Reyes, a nurse. "
)
_FILLER = (
    "Voters in three states were asked about the inquiry this week, and most of them said "
    "that they had not followed it closely. Others had never heard of it at all, or did "
    "not care. "
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            _OPENING
            + _FILLER
            + "Stanley Twardy, adviser to a group which worked to protect the Mueller "
            "investigation from interference, said the report won’t bring a quick end to "
            "anything. “It is not over yet,” he said.",
            "“It is not over yet,”",
            "Stanley Twardy",
        ),
        (
            _OPENING + "And on the 675th day, Mueller finished his work, and he rested. Few voters "
            "noticed. Peter Malak, a 42-year-old teacher from Ohio, offered similar "
            "thoughts. He calls himself a swing voter. While the media obsess over the "
            "Mueller report, he said, most Americans just want to pay their bills. “The "
            "average person just doesn’t care,” he said.",
            "“The average person just doesn’t care,”",
            "Peter Malak",
        ),
        # the surname on its own is the person again
        (
            _OPENING + "Peter Malak, a 42-year-old teacher from Ohio, offered similar thoughts. "
            "Later that day Mueller spoke to reporters outside. “I have nothing to add,” he "
            "said.",
            "“I have nothing to add,”",
            "Robert Mueller",
        ),
        (
            _OPENING + "And on the 675th day, Mueller finished his work, and he rested. For Mark "
            "Itzen, a 64-year-old social worker from Levittown, Pennsylvania, it was a frustrating "
            "day. "
            "“We don’t know the details,” the Democrat said.",
            "“We don’t know the details,”",
            "Mark Itzen",
        ),
    ],
)
def test_the_person_in_focus_speaks(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "“The officers were slow,” Kristine Phillips and Deanna Paul wrote for the "
            "paper.\n\nAfter repeated protests, Police Chief U. Reneé Hall gave "
            "contradictory explanations last week. She told a town hall that “the laws "
            "prohibit me from acting,” according to a local station.",
            "“the laws prohibit me from acting,”",
            "U. Reneé Hall",
        ),
        (
            "“The officers were slow,” Kristine Phillips and Deanna Paul wrote for the "
            "paper.\n\nAfter repeated protests, Police Chief Renee Hall gave contradictory "
            "explanations last week. She told a town hall that “the laws prohibit me from "
            "acting,” according to a local station.",
            "“the laws prohibit me from acting,”",
            "Renee Hall",
        ),
        # two people named together are no "she": better unresolved
        (
            "“The officers were slow,” Kristine Phillips and Deanna Paul wrote for the "
            "paper. The chief gave explanations. She told a town hall that “the laws "
            "prohibit me from acting,” according to a local station.",
            "“the laws prohibit me from acting,”",
            None,
        ),
    ],
)
def test_she_is_one_person_named_nearest(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Pope Francis visited Chile in January. Juan Cruz wrote him a letter. “I am "
            "tired,” Mr Cruz writes. The Pope later apologised but continued to insist "
            "there was “no evidence” against the bishop.\n“In his case, it was studied,” "
            "he said.",
            "“In his case, it was studied,”",
            "Francis",
        ),
        # the office the speaker holds: the same person
        (
            "Ohio voted on Monday. “We will win,” President Tom Reed said. The "
            "President later flew home to rest.\n“It was a long day,” he said.",
            "“It was a long day,”",
            "Tom Reed",
        ),
        # the office named before the speaker: the speaker stays in focus
        (
            "The Pope visited Chile in January. Juan Cruz, a victim, wrote him a letter. “I "
            "am tired,” Mr Cruz said.\n“I want answers,” he said.",
            "“I want answers,”",
            "Juan Cruz",
        ),
    ],
)
def test_a_sole_office_as_subject_is_he(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


_COLLINS = (
    "Mr Cruz told the BBC he was tired. “I want answers,” Mr Cruz said. Members of the "
    "commission wrote a letter. A photo in the report shows {people}, handing the letter to "
    "the cardinal.\n“When we gave him the letter, he assured us he would pass it on,” she "
    "told AP."
)


@pytest.mark.parametrize(
    ("people", "speaker"),
    [
        ("Marie Collins, a member of the commission at the time", "Marie Collins"),
        # two women named: no guess
        ("Marie Collins and Ann Lee", None),
    ],
)
def test_she_is_the_one_person_the_line_before_names(people: str, speaker: str | None) -> None:
    text = _COLLINS.format(people=people)
    assert covering_speaker(text, "“When we gave him the letter") == speaker
