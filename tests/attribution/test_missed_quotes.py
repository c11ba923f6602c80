"""Direct quotations whose speaker the text names, in shapes that used to go
unattributed: a closing cue with the pronoun spoken to, a quotation run on to the next
one, a roundup's headline and byline, a role before the named appositive, a source
described by what it knows. Fixtures are invented in the shape of real news text.
"""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker as _speaker_of
from tests.attribution.helpers import holding

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the question ends its sentence; the next names the asker and whom he asked
        (
            "They met on the top floor.\n\n"
            "“Have you ever heard the name of this little town?” Wendel asked him.\n\n"
            "“Never,” Tom Reed replied.",
            "Have you ever heard the name of this little town?",
            "Wendel",
        ),
        (
            "The meeting was tense. “Is this really necessary for all of us here?” "
            "Jones asked them. Nobody answered.",
            "Is this really necessary for all of us here?",
            "Jones",
        ),
        # a quotation run on to the next one, which the same speaker closes
        (
            "The chain owner spoke to reporters.\n\n"
            "“I want to try it,” CEO Andy Pudd told a magazine of his plans. "
            "“We could have a restaurant that is focused on natural products.” "
            "“With labor costs up, jobs go down,” he says.",
            "We could have a restaurant that is focused on natural products.",
            "Andy Pudd",
        ),
        # a roundup: headline, byline with the outlet, the excerpt after the colon
        (
            "PAGING THE EDITORS -- “Budget Limits Await the Next Mayor,” by WSJ’s Nick "
            "Tamm: “Both candidates are likely to recite their promises for spending.” "
            "http://example.com/x",
            "Both candidates are likely to recite their promises for spending.",
            "Nick Tamm",
        ),
        (
            "GOLF -- “A Face of Golf Dies at 87,” by Dave Andrews: “The champion golfer "
            "whose style won fans died on Sunday.” http://example.com/y",
            "The champion golfer whose style won fans died on Sunday.",
            "Dave Andrews",
        ),
        # outlet, writers, headline (and a subtitle), then the excerpt
        (
            "--WSJ, Janet Hook and Andrew Acker, “Debates Will Matter, Poll Says”: "
            "“Some say matchups will be important”: “About 11% of voters are "
            "considered persuadable in this race.” http://example.com/z",
            "About 11% of voters are considered persuadable in this race.",
            "Janet Hook and Andrew Acker",
        ),
        (
            "--AP, Julie Pacer, “Debate Night: set for a showdown”: “The senator has "
            "debated more than thirty times at this level.” http://example.com/w",
            "The senator has debated more than thirty times at this level.",
            "Julie Pacer",
        ),
        # the role opens the source after the quotation, the name in apposition
        (
            "“It was a question about his values and emotions,” his campaign director, "
            "Susan Estrin, later recalled.",
            "It was a question about his values and emotions,",
            "Susan Estrin",
        ),
        (
            "“We will not sign this bill in its present form,” the group’s lawyer, "
            "Maria Kent, said.",
            "We will not sign this bill in its present form,",
            "Maria Kent",
        ),
        # a sentence of only a source and its cue announces the next paragraph's quote
        (
            "The party wants a cap on arrivals.\n\nMerkel stated,\n\n“If people do not "
            "want asylum seekers we will not change course.”\n\nOthers disagreed.",
            "If people do not want asylum seekers we will not change course.",
            "Merkel",
        ),
        (
            "The vote was lost on Sunday. Jo Roe also said,\n\n“If I could, I would go "
            "back in time to be better prepared.”",
            "If I could, I would go back in time to be better prepared.",
            "Jo Roe",
        ),
        # a source described by what it knows: the agent, not the investigation
        (
            "The bureau was busy.\n\n“We have not determined for sure that every voter "
            "was paid,” one current agent familiar with the investigation told the "
            "paper, describing the process.",
            "We have not determined for sure that every voter was paid,",
            "one current agent",
        ),
    ],
)
def test_named_speaker_of_quote_is_found(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a dialogue: the run-on quotation is answered by someone else
        (
            "Mary Lane greeted the visitor at the door of the hall.\n\n"
            "“You are coming to the party tonight then.” “No, I am not going anywhere,” "
            "Tom Reed said.",
            "You are coming to the party tonight then.",
        ),
        # a headline quoted with no byline before the excerpt: no one is named
        (
            "HISTORY LESSON -- “A partnership between two networks, sanctioned by the "
            "commission, is new this year.” http://example.com/h",
            "A partnership between two networks, sanctioned by the commission, is new",
        ),
    ],
)
def test_quote_with_no_plain_speaker_stays_unattributed(text: str, quote: str) -> None:
    assert _speaker_of(text, quote) in ("unattributed", None)


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("NYT, Pat Heal and Alex Burn on A1", "Pat Heal and Alex Burn", "NYT"),
        (
            "WaPo, John Wag, Jose Delray and Abby Phil",
            "John Wag, Jose Delray and Abby Phil",
            "WaPo",
        ),
    ],
)
def test_roundup_byline_names_the_writers(mention: str, name: str, role: str) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


@pytest.mark.parametrize(
    ("verb", "subject", "speaker"),
    [
        ("complained", "the singer", "singer"),
        ("lamented", "the actor", "actor"),
        ("quipped", "the host", "host"),
        # a verb that inverts after its quotation, with a capitalised word in the subject
        ("recalls", "the Russia specialist", "Russia specialist"),
        ("recalls", "the White House spokesman", "White House spokesman"),
    ],
)
def test_a_manner_verb_closing_a_quotation_after_a_description(
    verb: str, subject: str, speaker: str
) -> None:
    text = f"“It is like stepping into a different world every single day,” {subject} {verb}."
    assert _speaker_of(text, "stepping into a different world") == speaker


@pytest.mark.parametrize("verb", ["snapped", "grinned", "joked", "sighed"])
def test_a_manner_verb_before_a_comma_and_a_quotation(verb: str) -> None:
    text = (
        f"Tom Reed took the stage an hour later. He {verb}, “There is only one of me, "
        "and I am here to stay.”"
    )
    assert _speaker_of(text, "There is only one of me") == "Tom Reed"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It is fine and good for all of us,” a man named Chris Cox said.", "Chris Cox"),
        (
            "“It is fine and good for all of us,” a chain-saw artist named Chris Cox, the "
            "founder of Bikers for Reyes, told me.",
            "Chris Cox",
        ),
        (
            "“It is fine and good for all of us,” a chain-saw artist named Chris Cox said.",
            "Chris Cox",
        ),
    ],
)
def test_a_description_naming_its_speaker_after_a_quotation(text: str, speaker: str) -> None:
    r = holding(text, "It is fine and good")
    assert (r.name, r.kind, r.content) == (
        speaker,
        "direct",
        ("“It is fine and good for all of us,”",),
    )
