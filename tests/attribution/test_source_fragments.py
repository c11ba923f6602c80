"""Source spans that are no speaker's noun phrase — a subordinator before it, a clause
or a light verb after it, a call to action, a verb and its object, a preposition
opening it, an abstract noun, a quantifier taken for a role, a newsletter's section
label — are cut to the noun phrase or left unresolved. Invented mentions."""

from __future__ import annotations

import pytest

from spinscope.attribution.component import analyse
from spinscope.attribution.extract import _fragment_source
from spinscope.attribution.mentions import parse_mention
from spinscope.attribution.text import TokenView
from spinscope.document import Document


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        # cut to the noun phrase
        ("Right before an audience member", "description", None, "an audience member"),
        ("Just after the Ohio senator", "description", None, "the Ohio senator"),
        ("witnesses, where the two men kicked him", "description", None, "witnesses"),
        ("Leaders of the local church community made", "description", None, None),
        # no noun phrase at all: unresolved
        ("verbally bully his opponents", "pronoun", None, None),
        ("Add your name to millions", "pronoun", None, None),
        ("Sign the petition today", "pronoun", None, None),
        ("of the measure, setting up a fight that is likely", "pronoun", None, None),
        ("Experience", "pronoun", None, None),
        ("Evidence", "pronoun", None, None),
        # a hyphenated epithet of common words is no one's name
        ("The frustrated Me-First Lady", "pronoun", None, None),
        ("The angry Holier-Than-Thou Lady", "pronoun", None, None),
        ("the Do-Nothing Senator Mary Roe", "name", "Mary Roe", None),
        # a quantifier is no role
        ("many Democrats, including the party leader", "description", None, None),
        ("some Republicans", "description", None, "some Republicans"),
        ("Both Democrat Jane Roe and Republican John Doe", "name", "Jane Roe and John Doe", None),
        # still people, named or described
        ("Obama, who told his aides", "name", "Obama", None),  # the clause is no role
        ("the man who killed his wife", "description", None, "the man who killed his wife"),
        ("Trump and his aides", "description", None, "Trump and his aides"),
        ("a friend of his family", "description", None, "a friend of his family"),
        # a sentence adverb opening the sentence is no part of the name
        ("Moreover Trump", "name", "Trump", None),
        ("However the senator", "description", None, "the senator"),
        ("Rather", "pronoun", None, None),
        ("Rather than answer the charge Jo Roe", "name", "Jo Roe", None),
        ("Dan Rather", "name", "Dan Rather", None),
        # the name is the object of a relative clause: the person described speaks
        ("the U.S. general who commands NATO", "description", None, None),
        ("Chris Cox, who runs the lobby", "name", "Chris Cox", None),
        ("Lawrence", "name", "Lawrence", None),
        # a double name stays a name
        ("Jean-Marc Roux", "name", "Jean-Marc Roux", None),
        ("Ana Ortiz-Vidal", "name", "Ana Ortiz-Vidal", None),
        ("Parliament", "name", "Parliament", None),
    ],
)
def test_source_span_is_cut_to_a_noun_phrase(
    mention: str, kind: str, name: str | None, role: str | None
) -> None:
    m = parse_mention(mention)
    assert m.kind == kind
    assert m.name == name
    if role is not None:
        assert m.role == role
    if mention.startswith("Leaders"):
        assert m.role == "Leaders of the local church community"
    if mention.startswith("Both"):
        assert m.role == "Democrat, Republican"


@pytest.mark.parametrize(
    "text",
    [
        "BIRTHDAYS: Jo Roe, a former aide, is 52 ... Al Poe of the council is 40",
        "SPOTTED: Jo Roe and Al Poe at the new bistro on the corner last night",
    ],
)
def test_newsletter_section_label_is_no_speaker(text: str) -> None:
    atts, speakers, links, _ = analyse(Document(text))
    for att, sid in zip(atts, links, strict=True):
        src = text[att.source[0] : att.source[1]] if att.source else ""
        assert src.upper() != src or sid is None, (src, speakers[sid] if sid is not None else None)


@pytest.mark.parametrize(
    ("text", "source", "fragment"),
    [
        # an article closing the span: the cue took its noun
        (
            "The agency did send Channel 5 News an email saying it was over.",
            "send Channel 5 News an",
            True,
        ),
        ("They handed the mayor a note saying it was over.", "handed the mayor a", True),
        # a participle clause after a dash or a comma is no noun phrase
        (
            "The city pays for repairs — outraging taxpayers and raising questions about aid.",
            "outraging taxpayers and raising questions",
            True,
        ),
        (
            "The fund grew, angering donors and raising doubts about it.",
            "angering donors and raising doubts",
            True,
        ),
        # noun phrases stay
        ("Leading experts said it was over.", "Leading experts", False),
        ("The city pays for repairs, the mayor said.", "the mayor", False),
    ],
)
def test_a_clause_fragment_is_no_source(text: str, source: str, fragment: bool) -> None:
    at = text.index(source)
    assert _fragment_source(TokenView.from_text(text), (at, at + len(source))) is fragment
