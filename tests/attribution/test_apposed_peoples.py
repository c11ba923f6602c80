"""A capitalised word of a people, a faith or a party after an article describes
(``a fifteenth-century Persian``, ``The Syrian``, ``a Democrat``): the person is the name
it was apposed to (``Ali Yazdi, a fifteenth-century Persian who …``, ``Malek, a Syrian
refugee, …`` … ``The Syrian``), else the description, never a name made of it."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

_YAZDI = (
    "To take one example, Ali Yazdi, a fifteenth-century Persian who wrote a biography "
    "of the warrior Tamerlane, observed that “the highest dignity man can attain is that "
    "of making war.\nThe ruler advises the same thing: wherefore the great Temur strove "
    "to win.”"
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a relative clause after the description: the name apposed to it
        (_YAZDI, "the highest dignity", ("Ali Yazdi", "a fifteenth-century Persian")),
        (
            "In the hall, Tom Hale, a Republican who called the bill “a disgrace,” walked out.",
            "“a disgrace,”",
            ("Tom Hale", "a Republican"),
        ),
        # no name apposed: the description, not a name "Democrat"
        (
            "In the hall, a Democrat who called the bill “a disgrace” walked out.",
            "“a disgrace”",
            (None, "Democrat"),
        ),
        # "the" and the word alone, later: the one the article apposed it to
        (
            "In May, Malek, a Syrian refugee, stabbed three people while shouting, “Allahu "
            "Akbar.” The Syrian had previously thanked the people by shouting, “Long live "
            "the king,” and throwing furniture.",
            "“Long live",
            ("Malek", None),
        ),
        # a full name after an article is still a name
        (
            "In the hall, the same Hillary Clinton who called the bill “a disgrace” walked out.",
            "“a disgrace”",
            ("Hillary Clinton", None),
        ),
    ],
)
def test_apposed_people(text: str, quote: str, speaker: tuple[str | None, str | None]) -> None:
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The vote was close. Then every Republican said the bill was “a disgrace.”",
            "“a disgrace.”",
            (None, "every Republican"),
        ),
        (
            "The vote was close. A Catholic magazine asked whether the bill was “a disgrace.”",
            "“a disgrace.”",
            (None, "Catholic magazine"),
        ),
        # the word alone is left as the article wrote it
        (
            "The vote was close. Republicans said the bill was “a disgrace.”",
            "“a disgrace.”",
            ("Republicans", None),
        ),
    ],
)
def test_people_word_with_a_quantifier_or_noun_describes(
    text: str, quote: str, speaker: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker
