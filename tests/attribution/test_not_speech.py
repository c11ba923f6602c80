"""Attributions that report no speech: colon headings read as speaker labels, nouns and
idioms read as cues, verbs of seeming, knowing and hoping, agentless participles; and
the real attributions next to them that must stay. Invented texts."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read


@pytest.mark.parametrize(
    "text",
    [
        # a tabloid tag before a headline
        "Shock: Storm Victims Are Fleeing The Shelters Over Fear Of Needles\n\n"
        "The storm reached the coast on Monday.",
        "Confirmed: Officials Hid The Dam Report For Three Whole Years\n\n"
        "The report was confirmed by two engineers on Monday.",
        # a caption or a card's furniture
        "The valley has been farmed for centuries.\n\n"
        "Header Image: Farmers have worked these terraced hills for many centuries. "
        "Credit: Jo Bell.",
        "CARD HIGHLIGHTS: 3X points on all groceries, no annual fee in the first year",
        # capitalised words the article writes in lower case elsewhere: a topic
        "Valley Flooding: A Second Timeline Of The Night Emerges\n\n"
        "The flooding of the valley began before midnight, residents say.",
        # a place with a topic
        "Coronavirus Ohio: Two deaths and 310 new cases reported today\n\n"
        "The state recorded its highest weekly total.",
        "Montana: Rancher gets ten years for poisoning a river, court hears\n\n"
        "The case ran for two years.",
        # a heading in capitals
        "SPECIAL REPORT: Mayor Accused of Hiding The Audit From The Council\n\n"
        "The audit was finished in May.",
        # function words: a clause, not a name
        "It Is Spreading: Officials Fear The Outbreak Could Reach The Capital\n\n"
        "The outbreak began in May.",
    ],
)
def test_a_colon_heading_is_no_speaker(text: str) -> None:
    assert [r.source for r in read(text) if r.cue == ":"] == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Okafor: Budget Cuts Will Hurt Rural Schools\n\nThe minister spoke on Sunday.", "Okafor"),
        (
            "MARY ELLIS: Well, the vote is on Tuesday, and we will win it.\n\n"
            "The vote was delayed.",
            "MARY ELLIS",
        ),
        (
            "De Luca: Trust The Police On Security, Not The Mayor\n\n"
            "Mayor Ann de Luca spoke on Monday.",
            "De Luca",
        ),
        # a document is a source (PolNeAR annotates "Poll: ...")
        ("Poll: Voters Split On The Bridge Tax\n\nThe poll ran in May.", "Poll"),
        # an unnamed description: a person noun heads the label
        (
            "Harbour Lawyer: Client saw nothing unusual at the dock that night\n\n"
            "The lawyer spoke to reporters.",
            "Harbour Lawyer",
        ),
        (
            "Flood Victim: 'There Was No Warning At All Before The Water Came'\n\n"
            "The flood hit on Monday.",
            "Flood Victim",
        ),
        (
            "Cardinal Oduya: Blessing the new bridge would be 'a fine thing'\n\n"
            "The cardinal spoke at the cathedral.",
            "Cardinal Oduya",
        ),
        # "X to Y:": X speaks to Y
        (
            "Councilman Burke to Mayor Lund: 'Release the audit now'\n\nThe audit is late.",
            "Councilman Burke",
        ),
        (
            "Lund To Burke: 'Release The Audit Now Or Resign From The Board'\n\nThe audit is late.",
            "Lund",
        ),
        # a place before a person noun: still a described speaker
        (
            "Ohio Mom: My Son Was Turned Away At The Clinic Door\n\nThe clinic closed.",
            "Ohio Mom",
        ),
    ],
)
def test_a_speaker_label_stays(text: str, source: str) -> None:
    assert [r.source for r in read(text) if r.cue == ":"] == [source]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a circumstance (time, place, means) after the verb is not what was said
        (
            "The home has 31 open outbreaks. Seven of those were reported in the last week.",
            "reported",
        ),
        (
            "We are logging off for the night but we will be back from 7am with the news.",
            "logging off",
        ),
        (
            "We'd love for anyone to get in touch with any messages they'd like us to "
            "include in this blog.",
            "love",
        ),
        (
            "The research, supported by the Delta Trust and the U.S. Agency for Development’s "
            "support to Ames as part of the Wetland Initiative, reveals that 36 percent of the "
            "marshes are on their lands.",
            "supported",
        ),
        ("There may not be a lot to look forward to at the end of these weeks.", "look forward"),
        ("Cholera outbreak declared in the northern province\n\nThe ministry met.", "declared"),
        # a copula with an adverb: what the subject is, not what it said
        (
            "Sponsored lenses have long been a way for the app to bring in ad money.",
            "been",
        ),
    ],
)
def test_a_circumstance_is_no_content(text: str, cue: str) -> None:
    assert not any(cue in r.cue for r in read(text))


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a named source keeps its circumstance (PolNeAR: "did not respond to requests
        # for comment"), and a clause after a comma is content
        (
            "The mayor did not immediately respond to requests for comment.",
            "respond to requests",
            "The mayor",
        ),
        ("The minister warned of floods across the valley.", "warned", "The minister"),
        ("As stated in the report, the dam is sound and the valley is safe.", "stated", None),
    ],
)
def test_a_real_attribution_stays(text: str, cue: str, source: str | None) -> None:
    found = {r.cue: r.source for r in read(text)}
    assert any(cue in c for c in found), found
    assert next(s for c, s in found.items() if cue in c) == source


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a speech noun with its topic, in a headline or with no speech verb
        ("Senator makes shocking claim about the harbour fire (video)\n\nThe fire.", "claim"),
        (
            "Desperate Mayor Pushes 30-Year-Old Claim About Misconduct Of Rival\n\nIt is old.",
            "Claim",
        ),
        (
            "The diocese’s own weekly report makes a reference to the papal letter, as well "
            "as to the bishop.",
            "reference",
        ),
        ("The Tyrant Mayor: A Call to Civic Resistance\n\nThe book is out.", "Call"),
        # a hope that is a purpose
        (
            "The board wanted a four-week break with the hope of seeing a clear drop in cases.",
            "hope",
        ),
        (
            "The aim was a six-week circuit break, in the hope that it would bring cases down.",
            "hope",
        ),
    ],
)
def test_a_noun_with_its_topic_is_no_speech(text: str, cue: str) -> None:
    assert not any(cue in r.cue for r in read(text))


def test_a_claim_with_its_source_and_verb_stays() -> None:
    text = "The senator repeated his claims about the budget during the debate."
    found = [(r.cue, r.source, r.content[0]) for r in read(text)]
    assert ("repeated his claims about", "The senator", "the budget during the debate") in found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # set phrases and imperatives to the reader
        (
            "Sign up to our newsletter. Rest assured that your data will not be shared with "
            "any other party.",
            "assured",
        ),
        (
            "It is safe to say that what we know is just the tip of a much larger iceberg.",
            "say",
        ),
        ("Take a look at the new cafe on Main Street, which opened in May.", "look"),
        ("If you are hungry, take a look at the new cafe on the quays.", "look"),
        # what the writer and the readers do not know or notice
        (
            "Many of us have noticed that we get our best ideas when we're in the shower.",
            "noticed",
        ),
        (
            "Put simply, we do not yet know when that satisfying “eureka!” moment happens, "
            "or what the chemistry behind it is.",
            "know",
        ),
        (
            "We're also curious to know whether it works when there are several people in "
            "the frame.",
            "know",
        ),
    ],
)
def test_a_set_phrase_or_the_writers_knowing_is_no_speech(text: str, cue: str) -> None:
    assert not any(cue in r.cue for r in read(text))


def test_the_writers_claim_to_know_stays() -> None:
    # PolNeAR annotates the writer's own claims: "we know that ..."
    text = "We know that most of his assets are held in partnerships."
    found = [(r.cue, r.source, r.content[0]) for r in read(text)]
    assert ("know", "We", "that most of his assets are held in partnerships") in found


def test_an_imperative_pointing_to_a_quotation_keeps_it() -> None:
    text = (
        "The adviser said the threat was grave.\n\n"
        "Pay attention to that last bit: “They must be stopped before they can harm any "
        "more of our towns.”"
    )
    assert any("They must be stopped" in r.content[0] for r in read(text))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # auxiliaries and an adverb are no cue
        (
            "Cinemas and museums will shut.\nSports have also been hit hard, only elite "
            "events such as the national leagues are going ahead.",
            "been",
        ),
        # a noun with its name is naming, not speech
        (
            "To find out when the choice was made, the team used the technique called "
            "“mental timing” – that is, after they chose, they moved a clock.",
            "called",
        ),
    ],
)
def test_no_cue_at_all(text: str, cue: str) -> None:
    assert not any(cue in r.cue for r in read(text))


def test_calling_someone_something_stays() -> None:
    text = "Senator Ames called the plan “a disaster for every farmer in the state.”"
    assert any(r.cue == "called" for r in read(text))


@pytest.mark.parametrize(
    "text",
    [
        "The ban would also catch someone who omitted to mention that they had met a "
        "friend, in the hope of sparing them a quarantine.",
        "This could involve someone who knows they are infective and has been told to stay "
        "away from others going to a pub.",
    ],
)
def test_a_relative_clause_on_anyone_is_no_speech(text: str) -> None:
    assert [r.source for r in read(text) if r.source == "who"] == []


def test_an_opening_infinitive_of_purpose_is_no_speech() -> None:
    text = (
        "The team wondered whether the same limit marks the moment of insight. "
        "To answer this question, the team gave nine people a simple task."
    )
    assert not any(r.cue.lower().startswith("to answer") for r in read(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Reed, who has been critical of Vale's remarks in the past, did not bite on "
            "this one, however.",
            "Vale's remarks in the past",
        ),
        (
            "The mayor, who warned of floods last spring, was re-elected on Monday.",
            "floods last spring",
        ),
        # a comma inside the content, before no verb of the main clause, stays in it
        (
            "Reed, who said the plan was costly, slow and unfair, voted against it.",
            "the plan was costly, slow and unfair",
        ),
    ],
)
def test_a_relative_clause_ends_its_content(text: str, content: str) -> None:
    contents = [r.content[0] for r in read(text) if r.source == "who"]
    assert contents == [content]


@pytest.mark.parametrize(
    "text",
    [
        # a plea in court, an aim and an attempt report no one's words
        "Pell pleaded guilty to two counts of fraud last week.",
        "Pell pleaded not guilty to the charges on Monday.",
        "The campaign focused on jobs and wages this year.",
        "Lind attempted to block the vote on Tuesday.",
    ],
)
def test_pleas_aims_and_attempts_are_no_speech(text: str) -> None:
    assert read(text) == []


def test_pleading_with_someone_stays_speech() -> None:
    text = "She pleaded with the crowd to go home peacefully."
    assert [r.cue for r in read(text)] == ["pleaded with"]


@pytest.mark.parametrize(
    "text",
    [
        # a participle after an existential "there were <noun>" describes the noun
        "There were prayers said across the state and you know what, it rained.",
        "There are masses held in every town on the feast day.",
        "And there were hymns sung at the gate until dawn.",
        # a liking is a trait of its subject, not words reported
        "She was passionate about folk music.",
        "He is fond of old trains and long walks.",
        "The mayor was enthusiastic about the new bridge.",
    ],
)
def test_existential_participles_and_likings_are_no_speech(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a relative clause on the noun still reports its speech
        ("There are people who said the plan would fail.", "said"),
        # the existential clause as what someone said
        ("Officials said there were prayers said across the state.", "said"),
    ],
)
def test_speech_next_to_an_existential_stays(text: str, cue: str) -> None:
    assert cue in [r.cue for r in read(text)]
