"""A pronoun after a quotation takes up the subject of the sentence before it, not a
person that sentence names after its subject (an object, or someone inside what the
subject reports), unless that sentence puts a question to the one it names; on invented
sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.focus import subject_before

_LEAD = (
    "Insurance fight\n\n"
    "The policy was void, James Lane, the family’s attorney, said.\n"
    "Tom Roe, her lawyer, said the papers were forged.\n"
)


@pytest.mark.parametrize(
    ("sentence", "quote", "speaker"),
    [
        # the subject reports what the one named after it did
        (
            "After court, Roe told reporters Lane had threatened to sue him.",
            "“I don’t want to get myself in a lawsuit over this,” he said outside court.",
            "Tom Roe",
        ),
        # the subject acts on the one named after it
        (
            "In court, Lane badgered Roe.",
            "“You have no control over your client, do you?” he said.",
            "James Lane",
        ),
        # a question put to the one named after the subject: the one asked answers
        (
            "Lane followed up by asking Roe if he had read the papers.",
            "“I have read every page of them,” he said.",
            "Tom Roe",
        ),
        # a question put to the subject, after the one it names, leaves the subject
        (
            "Roe on Tuesday described Lane as “a friend” when asked about the papers.",
            "“He is under consideration. We have many names,” he said.",
            "Tom Roe",
        ),
    ],
)
def test_a_pronoun_takes_up_the_subject_of_the_sentence_before(
    sentence: str, quote: str, speaker: str
) -> None:
    text = f"{_LEAD}{sentence}\n{quote}\n"
    assert speaker_of(text, quote[1:20])[0] == speaker


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Roe told reporters Lane had lied.\n“No,” he said.", "Roe"),
        ("On Tuesday, Lane badgered Roe.\n“No,” he said.", "Lane"),
        # no subject before the one named: a conjunction, or the name not its subject
        ("Then Roe and Lane met.\n“No,” he said.", None),
        ("Lane’s client sued Roe.\n“No,” he said.", None),
        # the quotation does not open its sentence
        ("Roe told reporters Lane had lied. Later “No,” he said.", None),
    ],
)
def test_subject_before(text: str, subject: str | None) -> None:
    pos = text.rindex("he said")
    later = "Lane" if subject != "Lane" else "Roe"
    assert subject_before(text, pos, ["Roe", "Lane"], later) == subject


def test_the_subject_need_not_be_known_as_a_person_where_it_is_the_source() -> None:
    # a bare surname is not known as a person's, but its own sentence's source is one;
    # the pronoun then gives no gender to the person named after it
    text = (
        "Envoy race\n\n"
        "“I am honoured,” said Goldman partner Ann Vale, rumoured to be in the running.\n"
        "Gant on Tuesday described Vale as a “person I would consider” when asked about "
        "the post.\n"
        "“She is under consideration. We have, actually, many names,” he said.\n"
        "However, according to Bloomberg, Vale is not interested.\n"
        "She says she is just fine at Goldman.\n"
    )
    assert speaker_of(text, "She is under")[0] == "Gant"
    assert speaker_of(text, "she is just fine")[0] == "Ann Vale"
