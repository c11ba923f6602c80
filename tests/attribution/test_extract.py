"""Attribution extraction on hand-written sentences: (source, cue, content) tables."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution import analyse
from spinscope.document import Document

Triple = tuple[str | None, str, tuple[str, ...]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct quotations
        (
            "“We see what is going on,” Safronkov said.",
            [("Safronkov", "said", ("“We see what is going on,”",))],
        ),
        (
            "“It is over,” said John Smith, a spokesman for the council.",
            [("John Smith, a spokesman for the council", "said", ("“It is over,”",))],
        ),
        (
            "He said: “This is a disaster for everyone.”",
            [("He", "said:", ("“This is a disaster for everyone.”",))],
        ),
        (
            '"Taxes will rise," the governor warned on Tuesday.',
            [("the governor", "warned", ('"Taxes will rise,"',))],
        ),
        # a quotation continued after the cue sentence: a second content fragment
        (
            "“The plan is dead,” the senator said. “We will start again in May.”",
            [("the senator", "said", ("“The plan is dead,”", "“We will start again in May.”"))],
        ),
        # nested quotes stay inside the outer quotation
        (
            "“He told me ‘never again’ and left,” Jones said.",
            [("Jones", "said", ("“He told me ‘never again’ and left,”",))],
        ),
        # indirect speech
        (
            "The minister said that the talks had failed.",
            [("The minister", "said", ("that the talks had failed",))],
        ),
        (
            "Police said the suspect had fled, adding that no one was hurt.",
            [
                ("Police", "said", ("the suspect had fled",)),
                ("Police", "adding", ("that no one was hurt",)),
            ],
        ),
        (
            "Officials believe the attack was planned for months.",
            [("Officials", "believe", ("the attack was planned for months",))],
        ),
        # according to, either side
        (
            "According to the report, prices rose sharply last year.",
            [("the report", "According to", ("prices rose sharply last year",))],
        ),
        (
            "Prices rose sharply last year, according to the report.",
            [("the report", "according to", ("Prices rose sharply last year",))],
        ),
        # a sentence opening with a conjunction still fronts the cue
        (
            "But according to the report, prices rose sharply last year.",
            [("the report", "according to", ("prices rose sharply last year",))],
        ),
        (
            "And according to promotional material, the brand intends to free children.",
            [("promotional material", "according to", ("the brand intends to free children",))],
        ),
        # pronoun speakers
        (
            "She said the budget was balanced.",
            [("She", "said", ("the budget was balanced",))],
        ),
        # negatives: no attribution
        ("The sky is blue and the grass is green.", []),
        ("The so-called “experts” met in Geneva on Monday.", []),
        ("The bridge reopened on Monday after two years of repairs.", []),
        # a reputation or a qualifying participle is a hedge, not speech
        ("The rebel group is known for its links to smugglers.", []),
        ("The raids came a week after an alleged gas attack on the suburb town of Dara.", []),
        ("Protests followed the alleged attack on the village.", []),
        # ... while the verb with its subject still reports speech
        (
            "The prosecutor alleged that the mayor took bribes.",
            [("The prosecutor", "alleged", ("that the mayor took bribes",))],
        ),
    ],
)
def test_extract_table(text: str, expected: list[Triple]) -> None:
    assert [(r.source, r.cue, r.content) for r in read(text)] == expected


def test_extract_unbalanced_quote_is_not_a_direct_quotation() -> None:
    text = "“We will win, Smith said in Paris."
    found = read(text)
    assert [r.kind for r in found] == ["indirect"]
    assert [(r.source, r.cue, r.content) for r in found] == [("Smith", "said", ("We will win",))]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“It is over,” he said.", "direct"),
        ("He said the plan was “dead on arrival”.", "mixed"),
        ("He said the plan was over.", "indirect"),
    ],
)
def test_extract_kind(text: str, kind: str) -> None:
    atts, *_ = analyse(Document(text))
    assert [a.kind for a in atts] == [kind]


def test_extract_scores_are_probabilities() -> None:
    atts, *_ = analyse(Document("The mayor said the bridge will reopen."))
    assert atts and all(0.0 <= a.score <= 1.0 for a in atts)
