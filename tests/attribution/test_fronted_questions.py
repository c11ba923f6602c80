"""A sentence opening with a question put to the speaker (``Asked in an interview why …,
Novak replied: “…”``): the question is reported with no source and ends at the comma;
the quotation is the main clause subject's (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution import analyse
from spinscope.document import Document

_QUOTE = "“We don’t need more smoke in this valley.”"


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        (
            "Asked in an interview with a radio station why Ostrava wants no new factories, "
            "Karel Novak replied:",
            "Karel Novak",
        ),
        ("Asked why Ostrava does not want new factories, Karel Novak replied:", "Karel Novak"),
        (
            "Asked in an interview with the Daily Star why Ostrava does not want new "
            "factories, Novak answered:",
            "Karel Novak",
        ),
        (
            "Asked about the mayor’s claim that the plant had been closed, Novak said:",
            "Karel Novak",
        ),
        # the one named inside the question is the interviewer, not the speaker
        (
            "Asked in an interview with Ann Lee why Ostrava does not want new factories, "
            "Novak replied:",
            "Karel Novak",
        ),
        # a pronoun subject is the speaker in focus
        (
            "Asked in an interview why Ostrava does not want new factories, he replied:",
            "Karel Novak",
        ),
        # an aside between dashes closes the question
        (
            "Asked by several reporters to explain the limits of the plan – if there are "
            "any – Novak argued that the law was clear:",
            "Karel Novak",
        ),
    ],
)
def test_the_main_clause_subject_answers(opening: str, speaker: str) -> None:
    text = f"Karel Novak is the mayor of Ostrava.\n\n{opening} {_QUOTE} He spoke on Monday."
    assert covering_speaker(text, _QUOTE) in (speaker, speaker.split()[-1])


@pytest.mark.parametrize(
    ("opening", "question"),
    [
        (
            "Asked in an interview why Ostrava does not want new factories, Novak replied:",
            "why Ostrava does not want new factories",
        ),
        (
            "Asked about the mayor’s claim that the plant had been closed, Novak said:",
            "the plant had been closed",
        ),
    ],
)
def test_the_question_stops_before_the_answer(opening: str, question: str) -> None:
    text = f"Karel Novak is the mayor of Ostrava.\n\n{opening} {_QUOTE}"
    atts, _, _, _ = analyse(Document(text))
    at = text.index(question)
    (asked,) = [a for a in atts if any(s <= at < e for s, e in a.content)]
    assert asked.source is None
    assert all(e <= text.index(", Novak") for _, e in asked.content)
    assert not any(s <= text.index(_QUOTE) < e for s, e in asked.content)
