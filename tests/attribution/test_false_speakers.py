"""Words that look like speakers but are not: bylines, page furniture, a noun in ``no X
reported``, the subject of the clause a reporting verb closes; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution import analyse
from spinscope.document import Document


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a participle after "…, X warned," shares X, and the clause before is X's content
        (
            "The so-called planners are quietly plotting to close the depot, Governor Rosa "
            'Lind warned on Monday, calling them "a club of idle meddlers."',
            "warned",
            "Rosa Lind",
        ),
        (
            "The so-called planners are quietly plotting to close the depot, Governor Rosa "
            'Lind warned on Monday, calling them "a club of idle meddlers."',
            "calling",
            "Rosa Lind",
        ),
        (
            "The union's leaders are once again stalling the talks, Director Omar Vance "
            "said, adding that the offer stood.",
            "adding",
            "Omar Vance",
        ),
        # a name in apposition to the role after "according to" is the speaker's name
        (
            "According to the port's senior pilot, Ines Marlow, the channel is too shallow.",
            "According to",
            "Ines Marlow",
        ),
        # "no age or address reported" no longer swallows the clause after it
        (
            "May 2: CRASH – A car driven by Lou Finch, no age or address reported, was "
            "westbound on Route 9 when the driver said she swerved to miss a dog.",
            "said",
            "driver",
        ),
    ],
)
def test_speaker_of_cue(text: str, cue: str, speaker: str) -> None:
    assert (cue, speaker) in [(r.cue, r.speaker) for r in read(text)]


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # a clause the main reporting verb closes is content, its subject no source
        (
            "The so-called planners are quietly plotting to close the depot, Governor Rosa "
            'Lind warned on Monday, calling them "a club of idle meddlers."',
            "planners",
        ),
        # "Posted:" / "Published:" / "By NAME:" are page furniture and bylines
        (
            "Posted: Monday, March 3, 2025. 8:40 am EST.\n"
            "By Nora Quill: The valley cannot wait for the new dam, the council said.",
            "Posted",
        ),
        (
            "Published: Monday, March 3, 2025. 8:40 am EST.\n"
            "By Nora Quill: The valley cannot wait for the new dam, the council said.",
            "Published",
        ),
        (
            "Posted: Monday, March 3, 2025. 8:40 am EST.\n"
            "By Nora Quill: The valley cannot wait for the new dam, the council said.",
            "Nora Quill",
        ),
        (
            "By Nora Quill: The valley cannot wait for the new dam and its canals, officials say.",
            "Nora Quill",
        ),
        # "no age or address reported": the nouns report nothing
        (
            "March 3: CRASH – A truck driven by Dale Moss, no age or address reported, was "
            "northbound on 900E Road when a deer crossed the road.",
            "address",
        ),
        (
            "March 4: CRASH – A van driven by Ruth Pell, no injuries reported, was towed "
            "from the scene on Elm Street.",
            "injuries",
        ),
    ],
)
def test_no_false_speaker(text: str, not_speaker: str) -> None:
    found = [(r.cue, r.speaker) for r in read(text)]
    assert all(not_speaker not in (s or "") for _, s in found), found


def test_anonymity_formula_is_not_a_statement() -> None:
    """ "spoke on condition of anonymity" says why a source is unnamed, not what it said."""
    text = (
        "Two inspectors said the valves had failed. The inspectors spoke on condition of "
        "anonymity because the review is not finished."
    )
    assert all(not r.cue.startswith("on condition") for r in read(text))


@pytest.mark.parametrize("word", ["Both", "Pressure"])
def test_lone_non_name_words_are_not_names(word: str) -> None:
    _, speakers, _, _ = analyse(Document(f"{word} said on Monday that the deal was off."))
    assert all(s.name != word for s in speakers)
