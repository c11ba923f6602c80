"""A named speaker's report inside a long quotation (``That way, Ellison said, …``) is
that speaker's attribution; a crowd's chant is reported words; a span of time spent
before a participle (``spent its formative years learning that``) is no speaker."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, speaker_of

from spinscope.attribution import analyse
from spinscope.document import Document

_GAZETTE = (
    "Harbor rally\n\nMaria Ortiz said the rally was loud.\n"
    "The Harbor Gazette account concludes with her speech: “Ortiz told the crowd that the "
    "port is hiring too few dockers.\nThat way, Ortiz said, the port can keep its "
    "wages low.” Ortiz left early."
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a named report in a later sentence of the quotation is the named speaker's
        (_GAZETTE, "the port can keep its wages low", "Maria Ortiz"),
        # and the quotation's first sentence stays with the one who quotes it
        (_GAZETTE, "the port is hiring too few dockers", "Harbor Gazette account"),
        # a pronoun is the quoted speaker going on: one quotation, one speaker
        (
            "Harbor rally\n\nMaria Ortiz said on Monday: “The port is "
            "hiring.\nThat way, she said, the port can grow.”",
            "“The port is hiring.\nThat way, she said, the port can grow.”",
            "Maria Ortiz",
        ),
        # a report in the quotation's first sentence is no inner report either
        (
            "Harbor rally\n\nMaria Ortiz said on Monday: “The port, Lee said, is hiring.”",
            "“The port, Lee said, is hiring.”",
            "Maria Ortiz",
        ),
    ],
)
def test_a_named_report_inside_a_long_quotation(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "cue", "reported"),
    [
        (
            "Court rally\n\nOrtiz led the crowd in a chant that was ominous in the context "
            "of the trial: “We don’t get no justice, you don’t get no peace.” She left.",
            "chant",
            True,
        ),
        # a noun after an article is still no cue ("appealed the case")
        ("Court rally\n\nThe firm appealed the case to the high court on Monday.", "case", False),
    ],
)
def test_a_chant_is_reported_words(text: str, cue: str, reported: bool) -> None:
    atts, _, _, _ = analyse(Document(text))
    assert any(text[a.cue[0] : a.cue[1]] == cue for a in atts) is reported


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Our story\n\nThere, humanity spent its formative years learning that the "
            "best way to thrive was to form groups.",
            "the best way to thrive",
            (None, None),
        ),
        (
            "Our story\n\nDana Reyes spent three years arguing that the plan would fail.",
            "the plan would fail",
            ("Dana Reyes", None),
        ),
    ],
)
def test_a_span_of_time_spent_is_no_speaker(
    text: str, quote: str, speaker: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker
