"""Cues of invented text: one who brands or calls someone by a quoted label owns it
(``had branded Lee a “traitor”``), the object going into the cue; a phrasal verb of speech
keeps a time phrase inside it (``hit back on Friday:``, ``fired back on Friday at``), and
its target before a speech participle is no content; a determiner alone is never a cue,
and a verb making the words (``makes the speech``) leaves its subject the source."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read, speaker_of


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Earlier, Tom Ray had branded Lee a “traitor” during the meeting.",
            "branded Lee",
            "Tom Ray",
            "a “traitor” during the meeting",
        ),
        (
            "Earlier, Tom Ray had called Lee a “traitor” during the meeting.",
            "had called Lee",
            "Tom Ray",
            "a “traitor” during the meeting",
        ),
        (
            "Tom Ray, the party rebel who caused outcry when he branded Labour MP Ann Lee "
            "a “traitor”, has been arrested.",
            "branded Labour MP Ann Lee",
            "he",
            "a “traitor”",
        ),
    ],
)
def test_one_branding_someone_owns_the_label(
    text: str, cue: str, source: str, content: str
) -> None:
    assert (cue, source, content) in [(r.cue, r.source, " … ".join(r.content)) for r in read(text)]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Tom Ray, the party rebel who caused outcry when he branded Labour MP Ann Lee "
            "a “traitor”, has been arrested.",
            "traitor",
            "Tom Ray",
        ),
        (
            "Jane Roe, the veteran campaigner who shocked fans when she called the mayor a "
            "“fraud”, has resigned.",
            "fraud",
            "Jane Roe",
        ),
    ],
)
def test_the_brander_in_an_appositive_is_the_one_named(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a naming, no speech: the name after "called" is what someone is named
        "A man called Lee a “hero” was not there.",
        "The company is branding its new drink a “health tonic” in adverts.",
        "Tom Ray branded the plan “a disgrace” on Monday.",
    ],
)
def test_no_label_cue_without_a_caller_before_an_object(text: str) -> None:
    assert not any(r.cue.startswith(("branded ", "called ", "branding ")) for r in read(text))


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Ruiz hit back on Friday: “This plan is a disgrace to the city and everyone knows it.”",
            "hit back on Friday:",
            "Ruiz",
        ),
        (
            "Ruiz fired back: “The proposal is utterly unworkable and the mayor knows it.”",
            "fired back:",
            "Ruiz",
        ),
        (
            "Ruiz lashed out on Monday at the council over its plan to close the library.",
            "lashed out on Monday at",
            "Ruiz",
        ),
        (
            "Ruiz fired back on Friday at the mayor over the plan to close the library.",
            "fired back on Friday at",
            "Ruiz",
        ),
    ],
)
def test_a_time_phrase_stays_inside_a_phrasal_cue(text: str, cue: str, source: str) -> None:
    assert (cue, source) in [(r.cue, r.source) for r in read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz hit back on Friday at the council, saying the plan was “a disgrace to the city”.",
        "Ruiz fired back at the mayor, saying the proposal was “utterly unworkable”.",
        "Ruiz lashed out on Monday at the council, claiming it had “betrayed” residents.",
    ],
)
def test_the_target_before_a_speech_participle_is_no_content(text: str) -> None:
    found = read(text)
    assert [r.source for r in found] == ["Ruiz"]
    assert found[0].cue in ("saying", "claiming")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Ruiz fired back at the mayor, saying the proposal was “utterly unworkable”. "
            'Obama makes the speech on Tuesday, saying: "We will not back down from this fight."',
            "We will not back down",
        ),
        (
            'Obama delivered the speech on Tuesday, saying: "We will not back down from this '
            'fight."',
            "We will not back down",
        ),
    ],
)
def test_a_verb_making_the_speech_leaves_its_subject_the_speaker(text: str, quote: str) -> None:
    assert speaker_of(text, quote) == ("Obama", None)
    assert all(
        r.source is None or r.source.split()[-1] not in ("makes", "delivered", "the")
        for r in read(text)
    )
    assert all(r.cue.lower() not in ("the", "a", "an") for r in read(text))
