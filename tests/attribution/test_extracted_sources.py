"""Sources that the extraction used to lose, leaving a quotation with no speaker: a
connective between commas (``He did, however, insist``), a participle hung on a
clause whose reporting verb the tagger missed (``Nolan writes, before conceding``,
``before making the claim``), an appositive holding a title in quotes, a name with its
appositive before a trailing participle, two roles of one speaker after an inverted
cue, and a venue between subject and verb (``X in a statement rejected``); on
invented sentences, with the shapes that must stay without a speaker: a fronted venue
(``In a statement released on Friday, X said``) is no attribution of its own, and a
clause or a sentence adverb before a trailing participle is no name with appositive."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.document import Document

from .helpers import covering_speaker, speaker_of

_LEAD = "Senator Mark Fellows spoke in Dover on Monday. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a connective set off by commas between the subject and its verb
        (
            _LEAD + "He did, however, insist that the “budget fight will go on” now.",
            "budget",
            "Mark Fellows",
        ),
        (_LEAD + "Fellows, however, said the plan was “dead.”", "dead", "Mark Fellows"),
        (_LEAD + "He would, though, warn that the vote was “a trap.”", "a trap", "Mark Fellows"),
        # a hung participle whose clause's reporting verb the tagger missed
        (
            "The book is long. “The town will recover,” Nolan writes, before conceding "
            "that “the wounds will take a long time to heal.”",
            "the wounds",
            "Nolan",
        ),
        (
            "“We lost,” Lee said, after admitting that the count was “a mess.”",
            "a mess",
            "Lee",
        ),
        # "before making the (…) claim": the claim is the clause subject's
        (
            "“I know this man very well,” said Greg, before making the startling claim "
            "that the fire was “staged” by others.",
            "staged",
            "Greg",
        ),
        # an appositive holding a title in quotation marks
        (
            "Helen Drake, author of “The Other Side,” said the senator has been "
            "“playing with fire,” because he is angry.",
            "playing with fire",
            "Helen Drake",
        ),
        (
            "Helen Drake, the host of “Night Talk,” told viewers the senator was “reckless.”",
            "reckless",
            "Helen Drake",
        ),
        # a name and its appositive, then the verb a trailing participle hangs on
        (
            "Mary Collins, the parish assistant of the St. Anne Church, welcomes the new "
            "ritual for Easter, saying it has “a great power.”",
            "a great power",
            "Mary Collins",
        ),
        # two roles of one speaker after an inverted cue, the name in apposition
        (
            "“It seems the city does not care about the river” explains local activist "
            "and spokesman for River Watch, Tom Baxter, based in Ohio.",
            "It seems",
            "Tom Baxter",
        ),
    ],
)
def test_extracted_source_names_the_speaker(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a venue between subject and verb: the subject speaks
        (
            "The company in a statement on Tuesday rejected that claim as “false and "
            "misleading,” pointing out the costs.",
            "false and",
            "company",
        ),
        ("The union in a letter rejected the offer as “an insult.”", "an insult", "union"),
        (
            "The campaign in a statement on Thursday rejected the claims as “baseless.”",
            "baseless",
            "campaign",
        ),
    ],
)
def test_venue_between_subject_and_verb(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "In a statement released on Friday, Dallas police said their officer called "
            "them for “help” after the crash.",
            "help",
            "Dallas police",
        ),
        (
            "In a letter sent on Monday, the mayor said the budget was “a mess.”",
            "a mess",
            "mayor",
        ),
        (
            "In an interview published on Sunday, Jo Roe said the plan was “dead.”",
            "dead",
            "Jo Roe",
        ),
    ],
)
def test_fronted_venue_is_no_attribution(text: str, quote: str, speaker: str) -> None:
    """The participle of a fronted venue is no cue: the sentence's one attribution is
    its subject's."""
    atts, _, _, _ = analyse(Document(text))
    assert [text[a.cue[0] : a.cue[1]] for a in atts] == ["said"]
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a sentence adverb, then a clause with its own verb: the clause's subject speaks
        (
            "Finally, the Ukrainian companies filed suit, always in the Dnipro Economic "
            "Court, demanding that the supplier return the “full prepayment.”",
            "full prepayment",
            "Ukrainian companies",
        ),
        (
            "Earlier, the two firms sued the bank, once more in the High Court, demanding "
            "that it pay “every cent.”",
            "every cent",
            "two firms",
        ),
        # a place, then a clause: no name with an appositive
        (
            "Kyiv, the firms filed suit, again in court, demanding that the supplier pay "
            "“at once.”",
            "at once",
            "firms",
        ),
        # a name and its appositive keep the speaker
        (
            "Kelly, the singer, welcomes the decision, saying it was “long overdue.”",
            "long overdue",
            "Kelly",
        ),
        (
            "Jo Roe, a teacher based in Ohio, welcomes the decision, saying it was “long overdue.”",
            "long overdue",
            "Jo Roe",
        ),
        (
            "Jo Roe, who has taught in Ohio for years, welcomes the decision, saying it "
            "was “long overdue.”",
            "long overdue",
            "Jo Roe",
        ),
    ],
)
def test_trailing_participle_after_a_clause(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a comma-set connective after a thing: still no person
        ("The plan, however, was called “a disaster” by no one in particular.", "a disaster"),
        # "making" with no claim noun: nothing said
        (_LEAD + "Crews left, before making the road “safe” again.", "safe"),
        # a title in quotes after a name that has no appositive role
        ("Critics of “The Other Side,” said to be long, found it “dull.”", "dull"),
        # the second "and" word is a verb, not a role: no source
        ("“We won,” said the coach and players laughed.", "We won"),
    ],
)
def test_no_speaker_is_guessed(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) in (None, "unattributed")
