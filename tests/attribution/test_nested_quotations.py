"""A quotation nested in another one (``‘…’`` inside ``“…”``) that a speaker inside the
outer quotation reports is that speaker's words, an attribution of its own; a nested
quotation no reporting clause introduces stays with the one quoting it."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution import analyse
from spinscope.attribution.owners import fold_nested_quotations
from spinscope.document import Document

_POST = (
    "Tom Ray met the press. Ray tweeted, “In 1993, Ann Lee told women: “You are on your "
    "own.” In 1994, Lee said: “We are done here.” All this came before Kim praised him as "
    "“a good man” in 1995.”"
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a named speaker after "as"
        (
            "Tom Ray met the press. “We will win, and as Ann Lee said, ‘Let it come out.’ "
            "We are ready,” Ray said.",
            "Let it come out",
            "Ann Lee",
        ),
        # a named speaker with a modal and an addressee, straight marks
        (
            "Tom Ray met the press. \"Lee would say to me: 'Put your hands up.' And I did,\" "
            "Ray said.",
            "Put your hands up",
            "Lee",
        ),
        # a whole group speaking inside the quotation
        (
            "Tom Ray met the press. “It is not like everybody says, ‘We are done now,’ and "
            "goes home,” Ray said.",
            "We are done now",
            "everybody",
        ),
        # the outer speaker keeps the rest of the quotation
        (
            "Tom Ray met the press. “We will win, and as Ann Lee said, ‘Let it come out.’ "
            "We are ready,” Ray said.",
            "We are ready",
            "Tom Ray",
        ),
        # a nested quotation no reporting clause introduces is the outer speaker's
        (
            "Tom Ray met the press. “They call it the ‘fair deal’ and we will sign it,” Ray said.",
            "fair deal",
            "Tom Ray",
        ),
        # the outer speaker reporting their own words is still the outer speaker
        (
            "Tom Ray met the press. “And I said, ‘We will sign it,’ and we did,” Ray said.",
            "We will sign it",
            "Tom Ray",
        ),
        # a first-person reporter with a contraction: the outer speaker, no name "I’d"
        (
            "Tom Ray met the press. “I stay home, but I’d say, ‘I’m out, so who cares?’ "
            "and hang up,” Ray said.",
            "so who cares",
            "Tom Ray",
        ),
        # a post quoted with its own curly double marks inside the writer's: whom the
        # reporter told, and a naming verb, before the nested marks
        (_POST, "You are on your own", "Ann Lee"),
        (_POST, "We are done here", "Ann Lee"),
        (_POST, "a good man", "Kim"),
        (_POST, "All this came before", "Tom Ray"),
        # nested double marks no reporting clause introduces stay the outer speaker's
        (
            "Tom Ray met the press. “They call it “fair” and we will sign it,” Ray said.",
            "fair",
            "Tom Ray",
        ),
    ],
)
def test_a_nested_quotation_is_its_reporters(text: str, quote: str, speaker: str) -> None:
    name, role = speaker_of(text, quote)
    assert (name or role or "").lower() == speaker.lower()


@pytest.mark.parametrize(
    ("text", "outer"),
    [
        (
            "Tom Ray met the press. “We will win, and as Ann Lee said, ‘Let it come out.’ "
            "We are ready,” Ray said.",
            "“We will win, and as Ann Lee said, ‘Let it come out.’ We are ready,”",
        ),
        (
            "Tom Ray met the press. Ray said: \"Out of nowhere, Lee said, 'We will sign it.'\"",
            "\"Out of nowhere, Lee said, 'We will sign it.'\"",
        ),
        (
            "Tom Ray met the press. Ray tweeted, “In 1994, Lee said: “We are done.” And we left.”",
            "“In 1994, Lee said: “We are done.” And we left.”",
        ),
    ],
)
def test_the_fold_for_one_owner_per_token_gives_the_quotation_back_whole(
    text: str, outer: str
) -> None:
    atts, *_ = analyse(Document(text))
    assert len(atts) == 2
    folded = fold_nested_quotations(text, atts)
    assert [[text[s:e] for s, e in a.content] for a in folded] == [[outer]]


def test_a_pronoun_with_a_contraction_is_never_a_name() -> None:
    text = (
        "Ann Lee met the press. “Tom Ray was odd. He’d say, ‘I’m out, so who cares?’ "
        "and hang up,” Lee said."
    )
    name, _ = speaker_of(text, "so who cares")
    assert name != "He’d"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a relative, a family member, a document reporting inside the quotation: not
        # the one quoting, and nobody the system can name
        (
            "Tom Ray met the press. “I called the school. My son disagreed and said, "
            "‘No, that is not what was said.’ So I went there,” Ray said.",
            "No, that is not what was said",
            None,
        ),
        (
            "Tom Ray met the press. “I have a source in the police that looked at me and "
            "said, ‘We were told to stand down.’ That is unusual,” Ray said.",
            "We were told to stand down",
            None,
        ),
        (
            "Tom Ray met the press. “The note sent to a friend simply said in part “we need "
            "water” and nothing else,” Ray said.",
            "we need water",
            None,
        ),
        (
            "Tom Ray met the press. “After a minute, he mumbled “yes” to us and we went in,” "
            "Ray said.",
            "yes",
            None,
        ),
        # the one quoting reporting their own words, or coordinated with them, keeps them
        (
            "Tom Ray met the press. “I called the school and said, ‘This is not OK.’ They "
            "agreed,” Ray said.",
            "This is not OK",
            "Tom Ray",
        ),
        (
            "Tom Ray met the press. “We would always say, ‘Never again.’ And we meant it,” "
            "Ray said.",
            "Never again",
            "Tom Ray",
        ),
        (
            "Tom Ray met the press. “I should have said: ‘You know who can win? Ann Lee.’ "
            "And I did not,” Ray said.",
            "You know who can win",
            "Tom Ray",
        ),
        (
            "Tom Ray met the press. “I wanted to tell them, ‘Go home.’ But I did not,” Ray said.",
            "Go home",
            "Tom Ray",
        ),
        # the rest of the outer quotation stays the outer speaker's
        (
            "Tom Ray met the press. “I called the school. My son disagreed and said, "
            "‘No, that is not what was said.’ So I went there,” Ray said.",
            "So I went there",
            "Tom Ray",
        ),
    ],
)
def test_a_nested_quotation_an_unnamed_reporter_says_is_not_the_outer_speakers(
    text: str, quote: str, speaker: str | None
) -> None:
    name, role = speaker_of(text, quote)
    assert (name or role) == speaker
