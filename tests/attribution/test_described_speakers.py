"""Speakers described rather than named, and names behind titles, clauses and
honorifics: an aide is no institution, "the official" after an unnamed adviser, an
office's name before a person's, a clause before a name, a campaign is not its
candidate; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution import analyse
from spinscope.attribution.mentions import parse_mention
from spinscope.document import Document


@pytest.mark.parametrize(
    ("noun", "granted"),
    [
        ("aide", "granted anonymity"),
        ("advisor", "granted anonymity"),
        ("adviser", "given anonymity"),
    ],
)
def test_an_aide_named_after_a_candidate_is_a_person_described(noun: str, granted: str) -> None:
    text = (
        "Warren met the mayor of Boston on Monday.\n\n"
        f"“She is ready to lead on the first day,” said a senior Warren {noun} {granted} "
        "to talk about her plans.\n\n"
        "“The mayor has been a good partner for years,” Warren told voters in Iowa."
    )
    assert speaker_of(text, "She is ready") == (None, f"senior Warren {noun} {granted}")
    # the candidate is herself, not her aide
    assert speaker_of(text, "The mayor has been") == ("Warren", None)


@pytest.mark.parametrize("adviser", ["Warren's adviser", "Warren's aide"])
def test_the_official_is_the_unnamed_adviser_who_spoke_last(adviser: str) -> None:
    text = (
        "Warren met Irish Prime Minister Sean Doyle on Monday. Warren's meeting with "
        "Doyle attempted to highlight the differences between the two parties on trade.\n\n"
        f"{adviser} said that she believed the country needed to do more on trade.\n\n"
        "Currently, the Obama administration has offered some help to farmers.\n\n"
        "“There are a lot of things that the government is doing that are concerning,” "
        "the official said."
    )
    assert speaker_of(text, "There are a lot") == (None, adviser)


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        # a title closing an office's name, then the person's two-word name
        (
            "Former US District Court Judge Ann Byrne",
            "Ann Byrne",
            "Former US District Court Judge",
        ),
        # a middle initial after an office's name marks where the name starts
        (
            "U.S. Attorney for the District of Utah Tom R. Vance",
            "Tom R. Vance",
            "U.S. Attorney for the District of Utah",
        ),
        # without an office's name the initial is inside one name
        ("John F. Kennedy", "John F. Kennedy", None),
        ("the John F. Kennedy School of Government", "John F. Kennedy School of Government", None),
        # a clause before the name is no role of it
        ("The meeting ended awkwardly after Reed", "Reed", None),
        ("yet Obama", "Obama", None),
        # an honorific is no role
        ("Lady Gaga", "Gaga", None),
        ("Lady Ann Byrne", "Ann Byrne", None),
    ],
)
def test_name_and_role_of_a_titled_mention(mention: str, name: str, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


@pytest.mark.parametrize("compound", ["Stop-and-frisk", "Get-out-the-vote", "Work-from-home"])
def test_a_hyphenated_compound_names_no_one(compound: str) -> None:
    assert parse_mention(compound).kind == "pronoun"


@pytest.mark.parametrize("org", ["campaign", "Foundation"])
def test_a_surname_alone_is_not_the_organisation_named_after_it(org: str) -> None:
    text = (
        f"“We stand with our friends,” the Reed {org} said in a statement.\n\n"
        "The meeting ended awkwardly after Reed said they never talked about the wall."
    )
    sentence = "they never talked"
    assert speaker_of(text, sentence) == ("Reed", None)


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        # a subject and its verb, the cue a word after them: no one's description
        ("The NTSB sent", "pronoun"),
        ("Okada brought", "pronoun"),
        ("The hearing ended", "pronoun"),
        # people described by a participle are sources all the same
        ("the officials interviewed", "description"),
        ("Republicans who were polled", "description"),
        ("The study published", "description"),
    ],
)
def test_a_subject_and_its_past_verb_describe_no_one(mention: str, kind: str) -> None:
    assert parse_mention(mention).kind == kind


_IT = (
    "In a year in which voters have embraced personality over policy, that may not be "
    "enough.\n\n{it_sentence}\n\nThe Tribune reported that the poll was flawed. It said "
    "the sample was small."
)


@pytest.mark.parametrize(
    ("it_sentence", "quote"),
    [
        (
            "At the moment, it looks like that approach is working: a poll showed Marlow ahead.",
            "that approach is working",
        ),
        ("Now it appears that the approach is working in the polls.", "the approach is"),
    ],
)
def test_an_impersonal_it_is_no_source(it_sentence: str, quote: str) -> None:
    text = _IT.format(it_sentence=it_sentence)
    assert speaker_of(text, quote) == (None, None)
    # the organisation named last is "it"
    assert speaker_of(text, "the sample was small") == ("The Tribune", None)


@pytest.mark.parametrize("group", ["Many voters", "Local farmers"])
def test_a_group_in_the_plural_is_no_it(group: str) -> None:
    text = f"{group} doubt the poll, saying it is flawed. It claims the sample was small."
    assert speaker_of(text, "the sample was small") == (None, None)


@pytest.mark.parametrize("opener", ["In his attacks on", "During his attacks on"])
def test_a_possessive_pronoun_looking_ahead_is_left_unresolved(opener: str) -> None:
    text = (
        "Senator Tom Reed spoke in Ohio on Monday.\n\n"
        f"{opener} Marlow, Cole spokesman Kent Gates repeated one line a few times."
    )
    atts, speakers, links, _ = analyse(Document(text))
    his = [
        link
        for att, link in zip(atts, links, strict=True)
        if att.source and text[att.source[0] : att.source[1]] == "his"
    ]
    assert his and all(link is None or speakers[link].name != "Tom Reed" for link in his)


@pytest.mark.parametrize(
    ("mention", "name"),
    [("KISS’ Gene Simmons", "Gene Simmons"), ("Texas' Ann Byrne", "Ann Byrne")],
)
def test_a_possessor_in_s_is_no_part_of_the_name(mention: str, name: str) -> None:
    assert parse_mention(mention).name == name


@pytest.mark.parametrize("place", ["Minneapolis", "Athens"])
def test_the_possessor_of_a_source_is_not_its_speaker(place: str) -> None:
    text = (
        f"According to {place}’ local newspaper, the Star, the hotline was set up as a way "
        "to target critics."
    )
    _, speakers, links, _ = analyse(Document(text))
    assert all(link is None or speakers[link].name != place for link in links)


@pytest.mark.parametrize("possessor", ["KISS’", "Fox’s"])
def test_a_role_replaces_a_bare_possessor(possessor: str) -> None:
    text = (
        f"{possessor} Gene Simmons: “Profile everyone.”\n\n"
        "That is what we should do, according to band leader Gene Simmons.\n\n"
        "“I am okay with profiling,” Simmons declared."
    )
    assert speaker_of(text, "I am okay") == ("Gene Simmons", "band leader")


@pytest.mark.parametrize(
    "compared",
    [
        "not unlike former governor and current U.S. Sen. Joe Tanner",
        "much like Gov. Joe Tanner",
        "like Sen. Joe Tanner",
    ],
)
def test_a_person_named_for_comparison_is_not_he(compared: str) -> None:
    text = (
        f"Marlow is running as a conservative Democrat, {compared}, with whom he shares "
        "a number of staff. However, he says he won't vote for Clinton."
    )
    assert speaker_of(text, "he won't vote") == (None, None)


@pytest.mark.parametrize("verb", ["has said", "said"])
def test_a_source_opening_a_parenthesis_is_the_name_inside(verb: str) -> None:
    text = (
        "Rep. Peter Kane called for more surveillance. His hearings drew comparisons to a "
        f'witch hunt. (Kane {verb} he considers such attacks on him a "badge of honor.")'
    )
    assert speaker_of(text, "badge of honor") == ("Peter Kane", "Rep.")


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("His spokesman, Gates,", "Gates", "His spokesman"),
        ("her lawyer, Smith", "Smith", "her lawyer"),
    ],
)
def test_a_surname_in_apposition_to_a_person_noun_is_the_name(
    mention: str, name: str, role: str
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


def test_a_spokesman_named_by_surname_is_the_spokesman_named_before() -> None:
    text = (
        "“Do I think Marlow has a lead? Yes,” says Cole spokesman Kent Gates.\n\n"
        "His spokesman, Gates, says the campaign will open up attacks on Marlow's record."
    )
    assert speaker_of(text, "the campaign will open") == ("Kent Gates", "Cole spokesman")


def test_a_role_owned_by_a_pronoun_does_not_replace_a_better_one() -> None:
    text = (
        "Most, including Cole spokesman Kent Gates, agree that Marlow is winning. "
        "“Do I think Marlow has a lead? Yes,” says Gates.\n\n"
        "His spokesman, Gates, says the campaign will open up attacks on Marlow's record. "
        "“Marlow is a coal operator,” Gates says."
    )
    name, role = speaker_of(text, "Marlow is a coal operator")
    # "His spokesman" says whose spokesman no better than no role at all
    assert name is not None and name.endswith("Gates") and role != "His spokesman"


@pytest.mark.parametrize(
    ("mention", "kind", "name"),
    [
        # a party before the title closing a mention that opens with a determiner
        # modifies the title: someone described, no one named
        ("one Conservative MP", "description", None),
        ("a Labour MP", "description", None),
        ("another Tory MP", "description", None),
        ("the Liberal Democrat MP", "description", None),
        # a title after a name, or a name after the title, still names
        ("Jo Roe MP", "name", "Jo Roe"),
        ("Labour MP Jo Roe", "name", "Jo Roe"),
        ("a Labour MP, Jo Roe", "name", "Jo Roe"),
    ],
)
def test_a_party_before_a_closing_title_is_no_name(
    mention: str, kind: str, name: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name) == (kind, name)


def test_a_described_member_is_not_the_party_of_a_later_speaker() -> None:
    text = (
        "The deal was defeated on Tuesday.\n\n"
        "“It’s a shambles,” one Conservative MP told The Daily Post.\n\n"
        "The vice chairman of the Conservative backbench committee said the government "
        "had lost control.\n\n"
        "“We are in chaos,” he said on the radio."
    )
    assert speaker_of(text, "It’s a shambles") == (None, "one Conservative MP")
    assert speaker_of(text, "We are in chaos")[0] != "Conservative"
