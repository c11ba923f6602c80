"""Speakers in interview and court reporting: questioners named in a fronted clause, a
pronoun answering a question, ``not only … but said``, a decline to comment with its
reason, and a request for comment nobody answered; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import holding, read


@pytest.mark.parametrize("opener", ["Pressed by", "Asked by", "Questioned by"])
def test_a_fronted_questioner_is_not_the_speaker(opener: str) -> None:
    text = (
        "Campaign manager Lisa Marsh appeared on the morning show on Monday.\n\n"
        f"{opener} Peter Dunn and Ann Vale on whether taxpayers deserve to see the "
        "returns, Marsh said, “Yes, and they will see them soon.”"
    )
    assert holding(text, "and they will").name in ("Marsh", "Lisa Marsh")


_INTERVIEW = (
    "Campaign manager {guest} spoke to host {host} on Monday.\n\n"
    "“He has a plan,” Marsh said.\n\n"
    "“Will he release it this week?” Dunn asked.\n\n"
    "“You will get his answer very soon,” she said."
)


@pytest.mark.parametrize(
    ("guest", "host", "expected"),
    [
        # the woman in focus answers, not the male questioner named last
        ("Lisa Marsh", "Peter Dunn", "Marsh"),
        # nor a questioner whose gender the text does not tell
        ("Lisa Marsh", "Dunn", "Marsh"),
        # no gender known for either: left unresolved rather than the questioner
        ("Marsh", "Dunn", None),
    ],
)
def test_she_answering_a_question_is_not_the_questioner(
    guest: str, host: str, expected: str | None
) -> None:
    text = _INTERVIEW.format(guest=guest, host=host)
    name = holding(text, "You will get").name
    assert (name and name.split()[-1]) == expected, name


@pytest.mark.parametrize("name", ["Gorman", "Judge Ruth Gorman"])
def test_not_only_but_said_is_one_attribution_of_the_name(name: str) -> None:
    text = (
        f"{name} not only declined to set a date for the hearing, but said she lacks "
        "the authority to order one."
    )
    found = [(r.cue, r.source, r.name) for r in read(text)]
    assert len(found) == 1, found
    _, source, speaker = found[0]
    assert source == name and speaker is not None and speaker.endswith("Gorman"), found


def test_declining_to_comment_with_a_reason_is_one_attribution() -> None:
    text = (
        "A spokesman for Mayor Ann Vale’s office declined to comment on the decision, "
        "saying the vote could speak for itself."
    )
    found = [(r.cue, r.source, r.name) for r in read(text)]
    assert len(found) == 1, found
    assert found[0][1] == "A spokesman for Mayor Ann Vale’s office", found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Reed later said, “I have met with a couple,” but refused to say which ones.", "said"),
        ("Reed said he had met a few of them, but declined to say who they were.", "said"),
    ],
)
def test_a_refusal_after_what_the_source_said_is_one_attribution(text: str, cue: str) -> None:
    found = [(r.cue, r.source, r.name) for r in read(text)]
    assert [c.split()[-1] for c, _, _ in found] == [cue], found


@pytest.mark.parametrize(
    "text",
    [
        "The defense attorney who asked for the hearing, James Patton, did not immediately "
        "respond to a request for comment.",
        "The lawyer who filed the motion did not respond to a request for comment on Friday.",
    ],
)
def test_an_unanswered_request_for_comment_is_no_attribution(text: str) -> None:
    found = [(r.cue, r.source, r.name) for r in read(text)]
    assert all(source != "who" for _, source, _ in found), found
    assert found == [], found
