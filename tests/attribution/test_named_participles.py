"""Speech participles whose speaker is written next to them: the name right before
``saying`` after ``from``/``with`` (``an email from Ann Lee saying: “…”``), the main
clause's subject of a participle an adverb leads (``…, accurately describing it as
“…”``), and not a noun the main clause's verb governs (``came in for criticism after
saying``)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "The bridge closed. As the Gazette has reported, Tom Ray received an email from "
            "Ann Lee saying: “Time for some traffic problems.”",
            "Time for some traffic problems",
            "Ann Lee",
        ),
        (
            "The port is busy. Checks will be rare, with Customs Bureau saying it will "
            "“prioritise flow” at the ports.",
            "prioritise flow",
            "Customs Bureau",
        ),
        (
            "The blast shook the city. Ann Lee responded to the attack almost "
            "immediately, accurately describing it as a “bombing.” The police left.",
            "bombing",
            "Ann Lee",
        ),
        (
            "The port is busy. After running with the plan, Health Minister Ann Lee came in "
            "for heavy criticism last night after saying “the virus” would be to blame.",
            "the virus",
            "Ann Lee",
        ),
        # the one reporting keeps the report when no name says the words
        (
            "The bridge closed. As the Gazette has reported, Tom Ray received an email "
            "saying: “Time for some traffic problems.”",
            "Time for some traffic problems",
            "Gazette",
        ),
    ],
)
def test_a_speech_participle_takes_the_name_written_with_it(
    text: str, quote: str, name: str
) -> None:
    assert speaker_of(text, quote)[0] == name
