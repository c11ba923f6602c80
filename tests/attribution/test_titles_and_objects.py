"""Speakers that news prose names in shapes the earlier rules missed, on invented text:
a title run into the name, a party tag before a ``who`` aside, an unnamed group
reporting inside someone else's sentence, a person named only as an object, and
first names that tell a pronoun's gender."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a title whose space after the full stop was lost is still a title
        (
            "“We will stay here all week,” Sen.Dana Holt (D-Ore.) told reporters.",
            "“We will stay here all week,”",
            "Dana Holt",
        ),
        (
            "Dr.Ann Lee said the new drug “works better than anything we tried.”",
            "“works better than anything we tried.”",
            "Ann Lee",
        ),
        (
            "“The vote is a farce,” Rep.Carl Munro said on Friday.",
            "“The vote is a farce,”",
            "Carl Munro",
        ),
    ],
)
def test_glued_title_is_no_part_of_the_name(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a party and state in parentheses before a "who" aside: the name is still
        # the subject of the verb after the aside
        (
            "Majority Leader Tom Reed (R-Ky.), who has attacked the bill nearly every "
            "day, added Monday that the plan is “dead on arrival” in the Senate.",
            "“dead on arrival”",
            "Tom Reed",
        ),
        (
            "Rep. Ann Vale (D-Calif.), who chairs the panel, said the report was "
            "“deeply troubling to every member.”",
            "“deeply troubling to every member.”",
            "Ann Vale",
        ),
    ],
)
def test_party_tag_before_a_who_aside(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an unnamed group reporting inside someone else's sentence owns the quotation
        (
            "Judge Marlow noted that defense lawyers said “it is clear that the agents "
            "are holding him” in the county jail.",
            "“it is clear that the agents are holding him”",
            "defense lawyers",
        ),
        (
            "The mayor wrote that the prosecutors said the evidence was “very strong "
            "and getting stronger.”",
            "“very strong and getting stronger.”",
            "prosecutors",
        ),
    ],
)
def test_unnamed_group_inside_a_report_owns_the_quotation(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the one person the sentence before names, though as an object, is "he"
        (
            "It is these attacks that persuaded port chief executive Jean-Luc Marchand "
            "to back the fence. “This fence will stop the attacks every night,” he said.",
            "“This fence will stop the attacks every night,”",
            "Jean-Luc Marchand",
        ),
        (
            "The ruling angered Tom Reed. “This is a disgrace to the court,” he said.",
            "“This is a disgrace to the court,”",
            "Tom Reed",
        ),
        # people as the sentence's subject may be "he": the object is no sole antecedent
        (
            "The police arrested Tom Reed on Friday. “We acted quickly,” he said.",
            "“We acted quickly,”",
            None,
        ),
        (
            "The local officials questioned Tom Reed. “We acted quickly,” he said.",
            "“We acted quickly,”",
            None,
        ),
        # a person after a preposition is no antecedent: left unresolved
        (
            "The plan was drafted after the death of John Smith. “This is a disgrace to "
            "the town,” he said.",
            "“This is a disgrace to the town,”",
            None,
        ),
        # two people named: no guess
        (
            "The ruling angered Tom Reed and Ann Lee. “This is a disgrace to the court,” he said.",
            "“This is a disgrace to the court,”",
            None,
        ),
        # the one person named is of the other gender: no guess
        (
            "The ruling angered Mary Reed. “This is a disgrace to the court,” he said.",
            "“This is a disgrace to the court,”",
            None,
        ),
    ],
)
def test_sole_person_named_before_a_pronoun(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a woman's first name makes her the "she" among men named since
        (
            "In May, Simone Hart, the filmmaker, met the mayor. Hart stood next to Walter "
            "in a room. Her plan was to talk with Walter and Reed. But when she asked the "
            "staff to help, nobody moved. “His aide just couldn't be bothered,” she says.",
            "“His aide just couldn't be bothered,”",
            "Simone Hart",
        ),
        (
            "Tanja Berg met Karl Weiss and Paul Roth on Monday. Weiss left early. Roth "
            "stayed. “They never listen to us,” she says.",
            "“They never listen to us,”",
            "Tanja Berg",
        ),
    ],
)
def test_first_name_tells_the_gender(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
