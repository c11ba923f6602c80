"""How each source reached its speaker: the record the resolver keeps per attribution.

Fixtures are invented text.
"""

from __future__ import annotations

import pytest

from spinscope.attribution.component import analyse, analyse_traced
from spinscope.attribution.result import Attribution
from spinscope.attribution.speakers import Resolution, resolve_speakers, resolve_speakers_traced
from spinscope.document import Document


def _resolution_at(text: str, cue: str) -> tuple[Attribution, Resolution | None]:
    """The resolution of the attribution whose cue starts at ``cue``'s first occurrence."""
    a = analyse_traced(Document(text))
    at = text.index(cue)
    k = next(k for k, att in enumerate(a.attributions) if att.cue[0] == at)
    return a.attributions[k], a.resolutions[k]


@pytest.mark.parametrize(
    ("text", "cue", "mention", "linked", "has_gap"),
    [
        # a name met for the first time: a new speaker
        ("Mayor Jo Roe said the bridge will reopen in May.", "said", "name", "new", False),
        # a pronoun that goes back to the person named just before
        (
            "Mayor Jo Roe said the bridge will reopen in May. "
            "She added that it would cost the city two million dollars.",
            "added",
            "pronoun",
            "earlier",
            True,
        ),
        # the surname again: the speaker named before
        (
            "Mayor Jo Roe said the bridge will reopen in May. "
            "The council disagreed. Roe said the money was there.",
            "said the money",
            "name",
            "earlier",
            True,
        ),
        # an unnamed source, described
        ("Officials said the road was closed for the night.", "said", "description", "new", False),
    ],
)
def test_resolution_says_how_the_speaker_was_reached(
    text: str, cue: str, mention: str, linked: str, has_gap: bool
) -> None:
    _, how = _resolution_at(text, cue)
    assert how is not None
    assert (how.mention, how.linked) == (mention, linked)
    assert (how.gap is not None) == has_gap


def test_a_source_shared_by_coordinated_cues_is_resolved_once() -> None:
    speakers, links, how = resolve_speakers_traced("Jo Roe said it and wrote it.", [(0, 6), (0, 6)])
    assert links == [0, 0]
    assert [h.linked for h in how if h is not None] == ["new", "shared"]
    assert len(speakers) == 1


def test_no_speaker_no_resolution() -> None:
    text = "He said the plan would fail."  # no one for "He" to refer to
    speakers, links, how = resolve_speakers_traced(text, [None, (0, 2)])
    assert links == [None, None] and how == [None, None] and speakers == []


def test_the_traced_analysis_is_the_plain_one() -> None:
    text = (
        "Mayor Jo Roe said the bridge will reopen in May. "
        "“We have the money and we will finish it,” she told reporters."
    )
    plain = analyse(Document(text))
    traced = analyse_traced(Document(text))
    assert plain == (traced.attributions, traced.speakers, traced.links, traced.assertions)
    assert len(traced.resolutions) == len(traced.links)
    assert resolve_speakers(text, [(0, 12)])[1] == [0]


@pytest.mark.parametrize(
    ("text", "cue", "origin"),
    [
        ("Mayor Jo Roe said the bridge will reopen in May.", "said", "sentence"),
        # a quoted paragraph with no cue, continuing the attributed one
        (
            "Mayor Lena Ortiz said the bridge would be rebuilt by spring.\n\n"
            "“We have the money and we have the will to finish it.”\n\n"
            "The council meets on Friday.",
            "“We have",
            "adjacent",
        ),
    ],
)
def test_an_attribution_says_whether_its_own_sentence_gave_it(
    text: str, cue: str, origin: str
) -> None:
    a = analyse_traced(Document(text))
    at = text.index(cue)
    att = next(x for x in a.attributions if x.content[0][0] == at or x.cue[0] == at)
    assert att.origin == origin
