"""Quotation pairing: balanced, nested, NYT-style, multi-paragraph, unbalanced (refused)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import quoted

from spinscope.attribution.text import TokenView


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We see it,” he said.", ["“We see it,”"]),
        ('"We see it," he said. "Yes."', ['"We see it,"', '"Yes."']),
        (
            "“He told me ‘never again’ and left,” she said.",
            ["“He told me ‘never again’ and left,”"],
        ),
        ("''It is over,'' he said.", ["''It is over,''"]),
        ("She called it ‘a farce’ on Monday.", ["‘a farce’"]),
        ("It’s the party’s plan, the mayor’s aide said.", []),  # apostrophes are not quotes
        # unbalanced: a second opener before any closer, or a stray closer -> refuse
        ("“We will win, Smith said. “Now.", []),
        ("We will win,” Smith said.", []),
        # an unclosed quote not continued by the next paragraph -> refuse
        ("“We will win, Smith said.\nThe vote is on Friday.", []),
    ],
)
def test_quotes_pairing(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_quotes_multi_paragraph_quotation_is_accepted() -> None:
    text = "“The first part runs on.\n“And the second ends here,” she said."
    assert quoted(text) == ["“The first part runs on.", "“And the second ends here,”"]


def test_quotes_token_view_marks_tokens_inside_quotes() -> None:
    v = TokenView.from_text("“Yes,” he said.")
    inside = [w for w, q in zip(v.words, v.quote_of, strict=True) if q >= 0]
    assert inside == ["“", "Yes", ",", "”"]
    assert v.is_open_quote(0)
    assert v.is_close_quote(3)
