"""Speakers as real news writes them: coordinated sources, datelines, passives, unnamed
officials with their descriptions, and phrases that only look like attributions; on
invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # two people coordinated: one source naming both, never one of them
        (
            "Mayor Bill de Blasio and Governor Andrew Cuomo said the subway would reopen.",
            "Bill de Blasio and Andrew Cuomo",
        ),
        (
            "Mayor Bill de Blasio met Governor Andrew Cuomo on Sunday. Later, de Blasio and "
            "Cuomo said the subway would reopen.",
            "de Blasio and Cuomo",
        ),
        (
            '"The subway will reopen on Monday," Sen. Ann Vale and Rep. Tom Reed said.',
            "Ann Vale and Tom Reed",
        ),
        # an organisation named with "and" stays whole
        ("Procter and Gamble said the plant would close next year.", "Procter and Gamble"),
        ("Johnson & Johnson said the plant would close next year.", "Johnson & Johnson"),
    ],
)
def test_coordinated_sources_name_both(text: str, name: str) -> None:
    found = [(r.cue, r.name) for r in read(text)]
    assert ("said", name) in found, found


def test_one_of_a_coordinated_pair_is_not_the_pair() -> None:
    text = (
        "Governor Andrew Cuomo and Mayor Bill de Blasio said the subway would reopen. "
        "Cuomo said the buses would run too."
    )
    names = [r.name for r in read(text)]
    assert names == ["Andrew Cuomo and Bill de Blasio", "Andrew Cuomo"], names


@pytest.mark.parametrize(
    ("text", "source", "role"),
    [
        (
            "WASHINGTON (CNN) Officials said the plant would close next year.",
            "Officials",
            "Officials",
        ),
        ("(Reuters) - Officials said the plant would close next year.", "Officials", "Officials"),
        (
            "BERLIN (AP) — A government spokesman said the plant would close next year.",
            "A government spokesman",
            "government spokesman",
        ),
    ],
)
def test_dateline_is_no_part_of_the_source(text: str, source: str, role: str) -> None:
    assert [(r.source, r.role) for r in read(text)] == [(source, role)]


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        ("Senator Tim Kaine was accused of lying about the deal.", "Tim Kaine"),
        ("Tim Kaine has been accused of misleading voters about the deal.", "Tim Kaine"),
        ("The company was criticized for hiding the losses from its investors.", "company"),
        ("Kaine was accused by Republicans of lying about the deal.", "Kaine"),
        # "Pressure has mounted on X" reports no speech
        ("Pressure has mounted on the mayor to resign over the scandal.", "Pressure"),
        ("Pressure has mounted on Tim Kaine to drop the plan.", "Tim Kaine"),
    ],
)
def test_no_false_speaker_in_news(text: str, not_speaker: str) -> None:
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert all(not_speaker not in f"{s} {n} {r}" for _, s, n, r in found), found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Officials briefed on the investigation told reporters the suspect had fled.",
            "Officials briefed on the investigation",
        ),
        (
            "Two people familiar with the talks said the deal was close.",
            "Two people familiar with the talks",
        ),
    ],
)
def test_participle_after_the_source_describes_it(text: str, source: str) -> None:
    assert [r.source for r in read(text)] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "An official who asked not to be named said the suspect had fled.",
        '"The suspect has fled," an official who asked not to be named said.',
        "An official, who asked not to be identified, said the suspect had fled.",
        "An official who requested anonymity said the suspect had fled.",
    ],
)
def test_unnamed_official_keeps_its_description(text: str) -> None:
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert [(cue, n, r) for cue, _, n, r in found] == [("said", None, "official")], found


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        ("an official who asked not to be named", "description", None, "an official"),
        (
            "a senior official who spoke on condition of anonymity",
            "description",
            None,
            "a senior official",
        ),
        (
            "officials briefed on the investigation",
            "description",
            None,
            "officials",
        ),
        ("Procter and Gamble", "name", "Procter and Gamble", None),
        (
            "Gov. Andrew Cuomo and Mayor Bill de Blasio",
            "name",
            "Andrew Cuomo and Bill de Blasio",
            "Gov., Mayor",
        ),
        ("WASHINGTON (CNN) Officials", "description", None, "Officials"),
        ("LONDON (Reuters) - Prime Minister Theresa May", "name", "Theresa May", "Prime Minister"),
    ],
)
def test_news_mentions(mention: str, kind: str, name: str | None, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        # a speaker called by a first name takes the full name the article writes
        (
            "Chelsea Handler hosts a show. Chelsea then said the senator was wrong.",
            "said",
            "Chelsea Handler",
        ),
        # "X of Y" with no title is one name
        ("Mall of America said the new Santa would stay.", "said", "Mall of America"),
        # an inverted source closed by "when ..."
        (
            '"It was no bong," said one of his friends when interviewed by reporters.',
            "said",
            "one of his friends",
        ),
    ],
)
def test_news_speaker_names(text: str, cue: str, name: str) -> None:
    assert (cue, name) in [(r.cue, r.speaker) for r in read(text)]


def test_compound_adjective_keeps_the_described_person() -> None:
    text = (
        "Among the critics was the former governor, Sarah Palin. The sharp-tongued "
        "Republican wasted no time, posting comments that called for a boycott."
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert ("The sharp-tongued Republican", "Sarah Palin") in [(s, n) for _, s, n, _ in found]


def test_one_source_shared_by_two_cues_is_one_speaker() -> None:
    text = (
        "Two years ago, Fox’s Megyn Kelly explained to viewers that the old rules were fine. "
        "Among many who were offended by the new plan was the former governor of Alaska, "
        "Sarah Palin. The sharp-tongued Republican wasted no time in condemning the "
        "company’s actions, going on social media and posting comments that called for "
        "boycotting and “running the company into the ground,” on the basis of the rules "
        "“always having been fine.”"
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    shared = [n for _, s, n, _ in found if s == "The sharp-tongued Republican"]
    # "wasted no time in condemning …, going on social media and posting comments":
    # the gerund and both participles share the subject
    assert len(shared) == 3 and set(shared) == {"Sarah Palin"}, found


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        # a first name closing the name is a surname
        ("Fox’s Megyn Kelly", "Megyn Kelly", "Fox’s"),
        ("TV host Megyn Kelly", "Megyn Kelly", "TV host"),
        # a title before a first name still goes to the role
        ("Speaker of the House Nancy Pelosi", "Nancy Pelosi", "Speaker of the House"),
    ],
)
def test_first_name_as_surname(mention: str, name: str, role: str) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


def test_emphatic_reflexive_closes_a_described_source() -> None:
    text = (
        "Hollywood legend Clint Eastwood has said in an interview that he believes Donald "
        "Trump occasionally steps out of line. But he brushes it off as saying that Trump "
        "is simply stating what is on his mind.\n\n"
        "The icon himself gave some advice for the future that he thinks could potentially "
        "make a difference,\n\n"
        "“I’d say get to work and start being more understanding of everybody.”"
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert [n for c, _, n, _ in found if c == "advice for"] == ["Clint Eastwood"] * 2, found


@pytest.mark.parametrize(
    ("mention", "role", "gender"),
    [
        ("The icon himself gave some", "The icon", "m"),
        ("the senator herself", "the senator", "f"),
    ],
)
def test_reflexive_ends_a_description(mention: str, role: str, gender: str) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.role, m.gender) == ("description", role, gender)


def test_described_person_is_the_last_speaker() -> None:
    text = (
        "Hillary Clinton sat down for an interview with the irreverent Zach Galifianakis.\n\n"
        "Galifianakis also knocks Clinton for going to Donald Trump's 2005 wedding to "
        "Melania Trump.\n\n"
        "\"When you went to Donald Trump's wedding, did he write his own vows? And did "
        "Michelle Obama write Melania's,\" the comedian says, a joke about how Trump's wife "
        "plagiarized the first lady."
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert ("the comedian", "Galifianakis") in [(s, n) for _, s, n, _ in found], found


_SON = (
    "President Donald Trump lashed back at protesters, saying he should not have to show "
    "his returns. “Now Tax Returns are brought up again?” Trump tweeted.\n\n"
    "As always, {intro} was there to provide a helping hand in defending his father. "
    "During a brief phone interview with a radio station, President Trump’s second son "
    "argued that his father’s tax return is “irrelevant.” He said, “When you come from a "
    "background like the one my father comes from, you have to know the law.”"
)


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        # the text introduces the son by name: the description is that person
        ("his son Eric", "Eric"),
        # it does not: the description stays the speaker, no name is guessed
        ("his family", "President Trump’s second son"),
    ],
)
def test_description_links_to_the_name_it_introduced(intro: str, speaker: str) -> None:
    found = [(r.cue, r.source, r.name, r.role) for r in read(_SON.format(intro=intro))]
    assert [n or r for c, _, n, r in found if c in ("argued", "said")] == [speaker] * 2, found


def test_long_quotations_keep_the_speaker_in_focus() -> None:
    # over 1,000 characters from the last mention, nearly all of them quoted
    q = "we will keep working on this for as long as it takes and we will not stop now "
    text = (
        "Justice Ann Vale took some time to reflect on the court. "
        f"“{q * 3}today,” she told reporters.\n\n"
        f"“{q * 7}again,” she added.\n\n"
        f"“{q * 7}tomorrow.”\n\n"
        "After that warning, the judge turned to her own plans.\n\n"
        f"“{q * 7}soon,” she said."
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert [n for c, _, n, _ in found if c == "said"] == ["Ann Vale"], found


@pytest.mark.parametrize(
    "text",
    [
        "Asked to comment on the validity of the charges against him, Bannon first "
        "attempted to circle around a direct answer and said, “Well, look, you know things "
        "like these are orchestrated, right?”",
        "Asked about the charges, Bannon said, “Well, look, you know things like these are "
        "orchestrated, right?”",
    ],
)
def test_fronted_question_leaves_the_answer_to_the_subject(text: str) -> None:
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert ("said", "Bannon", "Bannon") in [(c, s, n) for c, s, n, _ in found], found


@pytest.mark.parametrize(
    "text",
    [
        "Going for Priebus’ jugular, Chelsea absolutely destroys him and his ridiculously "
        "corny smile, then says:\n\n“You know when women will smile? When the campaign is "
        "over.”",
        "Chelsea destroys him and his corny smile, then says that the smile is a deal breaker.",
    ],
)
def test_source_stops_before_its_verb(text: str) -> None:
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert {s for c, s, _, _ in found if c.startswith("says")} == {"Chelsea"}, found


def test_participle_object_is_not_the_questioner() -> None:
    text = (
        'Williams tried to button up the issue, pressing Pence specifically for "what the '
        'factual errors are that the campaign is alleging" from the latest story.'
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert [s for _, s, _, _ in found] == ["Williams"], found


def test_announcement_closing_a_sentence_is_the_institutions() -> None:
    text = (
        "(CNN) Jeb Bush will be a guest lecturer at Harvard University this fall, focusing "
        'on education in "a number of multi-day visits" this semester, the John F. Kennedy '
        "School of Government announced Tuesday."
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert [(c, n) for c, _, n, _ in found] == [
        ("announced", "John F. Kennedy School of Government")
    ], found


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("the John F. Kennedy School of Government", "John F. Kennedy School of Government", None),
        ("the Hillary Clinton Foundation", "Hillary Clinton Foundation", None),
        ("John Kerry of the State Department", "John Kerry", "of the State Department"),
        ("Bill Court", "Bill Court", None),
    ],
)
def test_organisation_named_after_a_person(mention: str, name: str, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


@pytest.mark.parametrize(
    "text",
    [
        "British Prime Minister Theresa May said on Sunday that the talks would go on.",
        "Theresa May said the deal was fair.",
        "In May, Theresa May said the deal was fair.",
    ],
)
def test_may_after_a_first_name_is_a_surname(text: str) -> None:
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert [n for _, _, n, _ in found] == ["Theresa May"], found


def test_quotation_shouted_in_a_reported_clause_is_the_shouters() -> None:
    text = (
        "The news outlet said chants by monument supporters included “Where’s Mitch?” "
        "while opponents chanted, “Hey hey, ho ho, the statue has got to go.”"
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert ("chanted", "opponents") in [(c, r) for c, _, _, r in found], found
    assert [r for c, _, _, r in found if c.startswith("said")] == ["news outlet"], found


@pytest.mark.parametrize("verb", ["Pay", "Note", "Remember"])
def test_imperative_verb_is_no_speaker(verb: str) -> None:
    text = (
        "Mr. Trump will bring an end to these attacks.\n\n"
        f"{verb} attention to that last bit: “They must be destroyed before they can harm "
        "any more of our citizens.”"
    )
    found = [(r.cue, r.source, r.name, r.role) for r in read(text)]
    assert all(verb not in f"{n} {r}" for _, _, n, r in found), found


FLU = (
    "The region cannot ignore the risk of new flu waves, warns Pan Asian Health Agency "
    "(PAHA) Director Jana K. Morel as she urged countries to stay alert.\n"
    "Flu cases are rising in many countries of the north, and the Director noted that "
    "“we have seen this before.”\n"
)


def test_inverted_cue_after_content_names_the_speaker_with_a_title() -> None:
    # "…, warns TITLE NAME": the content before the cue, the titled person after it; the
    # pronoun and "the Director" later are that person
    assert [(r.cue, r.name) for r in read(FLU)] == [
        ("warns", "Jana K. Morel"),
        ("urged", "Jana K. Morel"),
        ("noted", "Jana K. Morel"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The talks collapsed when Health Minister Jana Morel left, and she said the deal was dead.",
        "Prices rose after the visit of Director Jana Morel as she urged countries to stay alert.",
    ],
)
def test_pronoun_takes_a_titled_person_named_in_its_sentence(text: str) -> None:
    assert [r.name for r in read(text)] == ["Jana Morel"]
