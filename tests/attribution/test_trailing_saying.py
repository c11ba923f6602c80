"""A trailing ``…, saying, “…”`` after a clause whose last phrase is no source (``as taught
by the priests``): the participle opens its own report by the clause's subject, and the
clause's content ends at its comma (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution import analyse
from spinscope.document import Document

_QUOTE = "“That which serves the town is the best for the people.”"
_LEAD = "Mayor Karel Novak said on Monday that the mine would stay open.\n\n"


@pytest.mark.parametrize(
    "clause",
    [
        "He seems to be one who holds to the old faith, as taught by the priests,",
        "He has reached out to the miners and he seems to be one who holds to the old "
        "faith, as taught by the priests,",
        "Novak seems to be one who holds to the old faith, as taught by the priests,",
        # no agent before the comma: the participle was already the clause's
        "He seems to be one who holds to the old faith,",
    ],
)
def test_the_clause_subject_says_the_quotation(clause: str) -> None:
    text = f"{_LEAD}{clause} saying, {_QUOTE}"
    assert covering_speaker(text, _QUOTE) in ("Karel Novak", "Novak")


@pytest.mark.parametrize(
    ("clause", "inside"),
    [
        ("He seems to be one who holds to the old faith, as taught by the priests,", "priests"),
        ("He holds to the old faith, as taught by the priests,", "priests"),
    ],
)
def test_the_clause_before_the_participle_keeps_its_own_content(clause: str, inside: str) -> None:
    text = f"{_LEAD}{clause} saying, {_QUOTE}"
    atts, _, _, _ = analyse(Document(text))
    quote = text.index(_QUOTE)
    for att in atts:
        if any(s <= text.index(inside) < e for s, e in att.content):
            # the clause's report never swallows the participle and its quotation
            assert all(e <= text.index(", saying") for _, e in att.content)
        if any(s <= quote < e for s, e in att.content):
            assert text[att.cue[0] : att.cue[1]] == "saying"
