"""Text laid out one sentence per line (the PTC corpus): a quotation of several
sentences runs over lines and is still one quotation; ``in a statement`` / ``In the
press release`` before a speech verb names where it was said, and is no cue of its own."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, quoted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"I will go to the court.\nI will go higher.\nI will not stop," she said.',
            ['"I will go to the court.\nI will go higher.\nI will not stop,"'],
        ),
        (
            "“The plans were never met.\n.\n.\nwere never fulfilled,” said Rowan Tate.",
            ["“The plans were never met.\n.\n.\nwere never fulfilled,”"],
        ),
        (
            "He said: “The only way is a deal.\nIt is the only deal,” before calling it "
            "a “good” deal.",
            ["“The only way is a deal.\nIt is the only deal,”", "“good”"],
        ),
        # still refused: the closing line does not pair, or no line closes it
        ("“We will win.\nIt is over.” Then “more.\nThe end.", []),
        ("“We will win, Smith said.\nThe vote is on Friday.\nIt is late.", []),
        # a line that opens a quotation of its own is no closing line
        ("“We will win.\n“Now,” he said.", ["“We will win.", "“Now,”"]),
    ],
)
def test_a_quotation_runs_over_lines_to_its_closing_mark(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Rules for reporters\n\nThe Harbor Workers Union, in a statement, said: “These "
            "rules give the port far too much power over the docks.”\nThe rules are new.",
            "“These rules give the port far too much power over the docks.”",
            "Harbor Workers Union",
        ),
        (
            "Raid on the farm\n\nIn the press release Sheriff Dale Okafor said, “That all "
            "changed for us when a message came in from the state police.”\nThe raid followed.",
            "“That all changed for us when a message came in from the state police.”",
            "Dale Okafor",
        ),
        (
            "Raid on the farm\n\nSheriff Dale Okafor said the raid was planned.\n"
            "“We moved in at dawn.\nWe found the children in a trailer.\n"
            "Nobody was hurt,” Okafor said.",
            "“We moved in at dawn.\nWe found the children in a trailer.\nNobody was hurt,”",
            "Dale Okafor",
        ),
    ],
)
def test_the_speaker_of_a_statement_and_of_a_quotation_over_lines(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Blueprints case\n\nUS District Judge Robert Lasnik granted an injunction "
            'Tuesday.\nThe president tweeted that the plan "does not seem to make much '
            'sense."',
            '"does not seem to make much sense."',
        ),
        (
            "Church panel\n\nAuthor Tom Brack wrote a book about the abuse.\nThe pope "
            'said he had "seen no proof of any of it."',
            '"seen no proof of any of it."',
        ),
    ],
)
def test_a_sole_office_is_not_whoever_was_named_last(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) in (None, "president", "pope")


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Trade talks\n\nPresident Dana Reyes met the envoy on Monday.\nThe president "
            'said the talks were "going very well indeed."',
            '"going very well indeed."',
            "Dana Reyes",
        ),
    ],
)
def test_the_office_the_article_wrote_before_the_name(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
