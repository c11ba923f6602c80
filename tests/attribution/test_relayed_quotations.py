"""A report relayed by an outlet (``X told them there was “…,” the AP reported.``):
the quotation is the words of the one whose reporting clause introduces it, the
innermost speaker; the outlet closing the sentence is only the channel, and reports
the clause before the quotation."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, read

_JUDGE = (
    "A judge denied bail on Wednesday. During the hearing, Judge Ann Lee told the "
    "defendants there was “clear evidence that you are a danger to the town,” "
    "The Associated Press reported. The trial opens in May."
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (_JUDGE, "clear evidence", "Ann Lee"),
        (
            "The council met. Tom Reyes said the plan was “dead on arrival,” Reuters "
            "reported. He left.",
            "dead on arrival",
            "Tom Reyes",
        ),
        # a closing verb of the speaker's own still takes the quotation the colon swallowed
        (
            "The council met. Take the mayor, who is rebuking the plan: “It will fail,” "
            "the aide said.",
            "It will fail",
            "aide",
        ),
    ],
)
def test_the_relayed_quotation_is_the_inner_speakers(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_the_outlet_reports_the_clause_before_the_quotation() -> None:
    outlet = [r for r in read(_JUDGE) if r.cue == "reported"]
    assert [(r.speaker, r.content) for r in outlet] == [
        ("Associated Press", ("During the hearing, Judge Ann Lee told the defendants there was",))
    ]
