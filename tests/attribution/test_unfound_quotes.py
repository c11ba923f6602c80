"""Quotations no attribution covered: a quotation that runs unclosed over the lines of
one-sentence-per-line text up to the next quotation's line, and quotations closed by a
verb of saying with a manner (``testified``, ``deadpanned``, ``whines``). Fixtures are
invented in the shape of real news text.
"""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.text import find_quotes

_RUN = (
    "The vote is due in March.\n"
    "It was what MP Peter Stone told the BBC on Sunday.\n"
    "“The only way to deliver it is what is called a clean break.\n"
    "And then at the end of March we will be out and we will have left.\n"
    "“There was no question on the ballot about a deal at all.”\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "unquoted"),
    [
        # a quotation over sentence lines, left open until the line opening the next
        (
            _RUN,
            ["And then at the end of March", "There was no question"],
            ["It was what MP Peter Stone"],
        ),
        # the same with a blank line before the next quotation's line
        (
            "“These two are among the most extreme activists in the world.\n"
            "They have nothing to contribute to life here.\n\n"
            "“They only wanted to come here and stir up trouble.”\n",
            ["They have nothing to contribute", "They only wanted"],
            [],
        ),
        # a lead-in before the open quotation: a forgotten closer (the quotation ends
        # with its line), not a run
        (
            "He said: “We will win this race.\nThe crowd cheered loudly.\n"
            "“Thank you all,” she said.\n",
            ["We will win", "Thank you all"],
            ["The crowd cheered"],
        ),
        # a closed quotation first, then an open one: a forgotten closer too
        (
            "“No,” he said. “We will win this race.\nThe crowd cheered loudly.\n"
            "“Thank you all,” she said.\n",
            ["Thank you all"],
            ["We will win", "The crowd cheered"],
        ),
        # a quotation inside the open one: the writer may be speaking around it
        (
            "“I recall the day he said, “I always wanted it,” and laughed.\n"
            "The crowd cheered loudly.\n“Thank you all,” she said.\n",
            ["Thank you all"],
            ["The crowd cheered"],
        ),
        # the next marked line closes no quotation and opens none at its start: the
        # open one ends with its own line
        (
            "“We will win this race.\nThe crowd cheered.\nShe called it “a triumph.”\n",
            ["We will win", "a triumph"],
            ["The crowd cheered"],
        ),
    ],
)
def test_quotation_run_over_lines(text: str, quoted: list[str], unquoted: list[str]) -> None:
    spans = find_quotes(text)

    def inside(part: str) -> bool:
        at = text.index(part)
        return any(s <= at < e for s, e in spans)

    assert [p for p in quoted if not inside(p)] == []
    assert [p for p in unquoted if inside(p)] == []


def test_quotation_run_continues_its_speaker() -> None:
    text = (
        "The vote is due in March.\n"
        "MP Peter Stone told the BBC on Sunday.\n"
        "“The only way to deliver it is what is called a clean break.\n"
        "And then at the end of March we will be out and we will have left.\n"
        "“There was no question on the ballot about a deal at all.”\n"
    )
    assert covering_speaker(text, "And then at the end of March") == "Peter Stone"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The hearing ran for hours.\n\n"
            "“I told him not to say anything to anybody about it,” Wildstein testified.",
            "I told him not to say anything to anybody about it",
            "Wildstein",
        ),
        (
            "The host asked about the speech.\n\n"
            "“Yeah, that was tough for all of us,” Obama deadpanned, prompting laughs.",
            "Yeah, that was tough for all of us",
            "Obama",
        ),
        (
            "The festival pulled the play.\n\n"
            "“I have grown used to feeling unwelcome in these spaces,” Dan Fishback whines.",
            "I have grown used to feeling unwelcome in these spaces",
            "Dan Fishback",
        ),
        # the verb going on to what it was about closes no quotation: words the writer
        # quotes before it are no one's testimony
        (
            "The hearing ran for hours.\n\n"
            "The lanes closed on “the first day of school” and Wildstein testified about it.",
            "the first day of school",
            "unattributed",
        ),
    ],
)
def test_manner_verb_closes_quotation(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


_LEAD_INS = (
    "The center filed the suit in May.\n\n"
    "Richard Tomson, President of the Law Center, said,\n\n"
    "“Defendants forced the girl to disparage her faith by writing the creed.”\n\n"
    "The lawsuit says,\n\n"
    "“During its brief instruction, defendants failed to cover the subject.”\n\n"
    "When asked to clarify Porter said,\n\n"
    "“I don't have to clarify anything at all to you people.”\n"
)


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        # a lead-in whose source carries an appositive
        ("Defendants forced the girl", "Richard Tomson"),
        # a document's lead-in names its own speaker, not the previous quotation's
        ("During its brief instruction", "lawsuit"),
        # the question the lead-in answers comes before the speaker
        ("I don't have to clarify", "Porter"),
    ],
)
def test_lead_in_sentence_names_speaker(quote: str, speaker: str) -> None:
    assert covering_speaker(_LEAD_INS, quote) == speaker


@pytest.mark.parametrize(
    "lead_in",
    [
        # a verb that reports no speech announces no one's words
        "The crowd roared,",
        "Then the mood changed,",
    ],
)
def test_lead_in_without_speaker(lead_in: str) -> None:
    text = f"The rally began at noon.\n\n{lead_in}\n\n“We want the truth and we want it now.”\n"
    assert covering_speaker(text, "We want the truth") == "unattributed"
