"""Speakers of invented text: a description holding a capitalised name is no body's
name when it is indefinite, describes people or names a document; and a name leading
into the clause (``According to X,``) is no apposition of the source after it."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of, with_cue


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        (
            "A former Senate staffer said of the senator: “He never read the bills.”",
            "“He never read the bills.”",
            "former Senate staffer",
        ),
        (
            "A Harbor County jury found that the firm had been “grossly negligent.”",
            "“grossly negligent.”",
            "Harbor County jury",
        ),
        (
            "The FBI summary also revealed that the files were “lost in transit.”",
            "“lost in transit.”",
            "FBI summary",
        ),
        (
            "Harbor News hosts ask whether the mayor is “fit to serve.”",
            "“fit to serve.”",
            "Harbor News hosts",
        ),
    ],
)
def test_a_described_speaker_is_no_name(text: str, quote: str, role: str) -> None:
    assert speaker_of(text, quote) == (None, role)


def test_a_named_body_described_definitely_stays_a_name() -> None:
    text = "The Syrian government says it “never used chemical weapons.”"
    assert speaker_of(text, "“never used chemical weapons.”")[0] == "Syrian government"


def test_a_name_leading_into_the_clause_is_not_the_source() -> None:
    text = (
        "According to Harbor Post’s Jo Roe, a Secret Service agent who spoke on condition "
        "of anonymity revealed that the senator “groped every guest.”"
    )
    r = with_cue(text, "revealed")
    assert (r.name, r.role) == (None, "Secret Service agent")


def test_a_name_before_its_appositive_role_is_the_source() -> None:
    text = "Lee Park, chairman of the Harbor Select Committee, said: “The report is a disgrace.”"
    assert speaker_of(text, "“The report is a disgrace.”")[0] == "Lee Park"
