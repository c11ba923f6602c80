"""``“…,” NAME, APPOSITIVE, CUE …``: a quotation opens the sentence, the reporting
clause after it opens with the speaker's name, and an appositive however long
(a role, the body it serves, a relative clause on that body) stands between the name
and the cue. The name with its appositive is the source; the quotation is what was
said, not the hearer after the cue."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

_TEXT = "The judge ruled on Monday. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a role with the body it serves, then a relative clause on the body
        (
            _TEXT + "“This ruling is a victory for the voters of the state,” Ann Veder, "
            "executive director for Fair Vote Ohio, which filed the lawsuit, told the Gazette.",
            "This ruling is a victory",
            "Ann Veder",
        ),
        # a bare role, then a relative clause on the body
        (
            _TEXT + "“Every vote will count,” Ann Veder, chair of the county board, which "
            "runs the election, told reporters.",
            "Every vote will count",
            "Ann Veder",
        ),
        # an appositive opened by an article, then a cue with no hearer
        (
            _TEXT + "“We will appeal,” Tom Reyes, a lawyer for the county, said.",
            "We will appeal",
            "Tom Reyes",
        ),
    ],
)
def test_the_name_after_the_quotation_speaks(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        _TEXT + "“This ruling is a victory for the voters of the state,” Ann Veder, "
        "executive director for Fair Vote Ohio, which filed the lawsuit, told the Gazette.",
    ],
)
def test_the_hearer_is_no_content(text: str) -> None:
    assert covering_speaker(text, "the Gazette") == "unattributed"
