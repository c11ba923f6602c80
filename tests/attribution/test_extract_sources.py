"""Source and speaker-label rules of the attribution extractor, on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution import analyse
from spinscope.attribution.text import TokenView
from spinscope.document import Document


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # relative clauses and ages stay in the source (PolNeAR keeps them)
        (
            "Nora Vale, who runs the city's water board, said the pipes were safe.",
            "said",
            "Nora Vale, who runs the city's water board,",
        ),
        (
            "Ivo Brandt, 61, who has chaired the panel since 2009, told reporters that the vote "
            "would wait.",
            "told",
            "Ivo Brandt, 61, who has chaired the panel since 2009,",
        ),
        # a possessive apostrophe is not a quotation mark
        (
            "Lena Ortiz, who leads the farmers' union, said prices would fall.",
            "said",
            "Lena Ortiz, who leads the farmers' union,",
        ),
        # ... but a prepositional aside is not part of it
        ("Mayor Dunn, in Portland, said the bridge would reopen.", "said", "Mayor Dunn"),
        # an all-caps state code is not the preposition "in"
        (
            "Sen. Mara Hill (R-IN) said the budget was too large.",
            "said",
            "Sen. Mara Hill (R-IN)",
        ),
        # prepositions inside names, and lists of names
        (
            "The Commission on Coastal Fisheries says the quota is too high.",
            "says",
            "The Commission on Coastal Fisheries",
        ),
        (
            "Norway, Chile and Peru say the quota is too high.",
            "say",
            "Norway, Chile and Peru",
        ),
        # a dateline is not part of the source
        ("OSLO -- Minister Eva Lund said the quota was too high.", "said", "Minister Eva Lund"),
        # a title split from its name by the sentence splitter is rejoined
        (
            "Rates kept rising. Mr. Okafor notes that savings fell.",
            "notes",
            "Mr. Okafor",
        ),
        # the object of the cue's preposition is not an inverted source
        (
            "Tom Reyes, the county's attorney, said at a hearing this week that the rule is void.",
            "said at",
            "Tom Reyes, the county's attorney,",
        ),
        # an inverted source after a quotation: pronoun-like "one", a trailing
        # prepositional phrase, a day inside the cue, never an object pronoun
        (
            "“The plan is a mess,” said one senior aide on the committee.",
            "said",
            "one senior aide on the committee",
        ),
        (
            "“The plan is a mess,” Senator Ada Moss, D-Vt., said Tuesday.",
            "said Tuesday",
            "Senator Ada Moss, D-Vt.,",
        ),
        ("“The plan is a mess,” Mr. Pike, 70, told me.", "told", "Mr. Pike, 70,"),
        # a role noun phrase opening the sentence before a named appositive
        (
            "The mayor of the town, Ms. Greer, argues there is no money left.",
            "argues",
            "The mayor of the town, Ms. Greer,",
        ),
        # "family" is no -ly adverb; "including" asides stay in the source
        ("Ortiz's family has called on the city to act.", "has called on", "Ortiz's family"),
        (
            "Several unions, including the Teamsters, declared that the strike was over.",
            "declared",
            "Several unions, including the Teamsters,",
        ),
        # a nominal cue after a possessive
        ("Dunn's claim that the bridge is safe was disputed.", "claim", "Dunn's"),
        ("His claim that the bridge is safe was disputed.", "claim", "His"),
        # contractions and adjectival participles
        ("They can't blame the drought on farmers.", "blame", "They"),
        (
            "Only 40 percent of registered voters agreed that the tax was fair.",
            "agreed",
            "Only 40 percent of registered voters",
        ),
    ],
)
def test_sources(text: str, cue: str, source: str) -> None:
    found = {r.cue: (r.source, r.content) for r in read(text)}
    assert cue in found, found
    assert found[cue][0] == source


def test_coordinated_cue_shares_the_first_verbs_source() -> None:
    text = "Police announced on Friday the arrest of a driver and said the road would reopen."
    found = {r.cue: (r.source, r.content) for r in read(text)}
    assert found["said"] == ("Police", ("the road would reopen",))
    # the first content stops at the coordinated cue
    assert found["announced"] == ("Police", ("on Friday the arrest of a driver",))


def test_only_reporting_verbs_invert_after_a_comma() -> None:
    # "X, an appositive, bemoaned the unrest": "the unrest" is no inverted source
    text = "Ada Moss, the senator, bemoaned the unrest in the city and said it would pass."
    found = {r.cue: (r.source, r.content) for r in read(text)}
    assert found["bemoaned"][0] == "Ada Moss, the senator,"
    assert found["said"][0] == "Ada Moss, the senator,"


def test_infinitive_cue_takes_the_subject_of_the_control_verb() -> None:
    text = "The governor continues to insist that the plant is safe."
    (source, content), *_ = [(r.source, r.content) for r in read(text) if "insist" in r.cue]
    assert source == "The governor"
    assert content == ("that the plant is safe",)


def test_a_short_quoted_title_is_not_the_content() -> None:
    text = (
        "On this week's broadcast of “Morning Report,” Governor Ada Moss said the budget "
        "would pass."
    )
    found = {r.cue: (r.source, r.content) for r in read(text)}
    assert found["said"] == ("Governor Ada Moss", ("the budget would pass",))


def test_parenthetical_participle_is_not_a_cue() -> None:
    text = (
        "President Kaur, dedicating the new library on Saturday, said it would serve every child."
    )
    found = {r.cue: (r.source, r.content) for r in read(text)}
    assert "dedicating" not in found
    assert found["said"] == ("President Kaur", ("it would serve every child",))


def test_speaker_labels_of_transcripts_and_headlines() -> None:
    text = (
        "Okafor: Budget Cuts Will Hurt Rural Schools\n\n"
        "The minister spoke on the radio on Sunday.\n\n"
        '"HOST: Will the schools close? Many parents are worried.\n\n'
        '"OKAFOR: Well, look, no school will close. We have a plan that says so.\n\n'
        "UPDATE: This story was updated on Monday with new figures.\n\n"
        "Q: Where is the money?"
    )
    atts, *_ = analyse(Document(text))
    labels = [
        (
            text[slice(*a.source)] if a.source else None,
            tuple(text[s:e].rstrip(".") for s, e in a.content),
        )
        for a in atts
        if text[slice(*a.cue)] == ":"
    ]
    assert labels == [
        ("Okafor", ("Budget Cuts Will Hurt Rural Schools",)),
        ("HOST", ("Will the schools close? Many parents are worried",)),
        ("OKAFOR", ("Well, look, no school will close. We have a plan that says so",)),
    ]
    # the turn is one attribution: "says" inside it is not extracted again (univocal)
    assert not any(text[slice(*a.cue)] == "says" for a in atts)


def test_token_view_rejoins_a_title_split_from_its_name() -> None:
    v = TokenView.build(
        "It rained. Dr. Ames left.",
        [(0, 10), (11, 14), (15, 25)],
        [(0, 2), (3, 9), (9, 10), (11, 13), (13, 14), (15, 19), (20, 24), (24, 25)],
    )
    assert [v.words[a:b] for a, b in v.sentences] == [
        ["It", "rained", "."],
        ["Dr", ".", "Ames", "left", "."],
    ]


def test_punctuation_is_never_a_source() -> None:
    # a dateline dash once became the source of "leveling", and speaker linking crashed
    text = (
        "Storm nears.\n\nSALEM, Ore. - With a storm bearing down, candidates raced across the "
        "state on Monday, leveling inflammatory attacks against one another while pleading "
        "with voters."
    )
    atts, _speakers, links, _ = analyse(Document(text), threshold=0.3)
    assert len(links) == len(atts)
    for a in atts:
        if a.source is not None:
            assert any(c.isalnum() for c in text[a.source[0] : a.source[1]])
