"""sourcing_profile: the per-article who-says-what summary."""

from __future__ import annotations

import pytest

from spinscope.attribution.profile import sourcing_profile, unnamed_kind
from spinscope.document import Document, Span


def test_sourcing_profile_keeps_speakers_without_id_apart() -> None:
    text = "Ann said it rained. Bob said it snowed."
    doc = Document(text)
    doc.set_spans("sentences", [Span(0, 19, "sentence"), Span(20, 39, "sentence")])

    def att(start: int, name: str) -> Span:
        return Span(
            start,
            start + 18,
            "attribution",
            0.9,
            {
                "source": {"start": start, "end": start + 3},
                "cue": {"start": start + 4, "end": start + 8},
                "content": [{"start": start + 9, "end": start + 18}],
                "kind": "indirect",
                "speaker": {"name": name, "role": None},
            },
        )

    doc.set_spans("attributions", [att(0, "Ann"), att(20, "Bob")])
    doc.set_spans("assertions", [])
    names = sorted(row.name or "" for row in sourcing_profile(doc).speakers)
    assert names == ["Ann", "Bob"]


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("the new regulations", "document"),
        ("a report by the agency", "document"),
        ("details of the legislation", "document"),
        ("a study published in a journal", "document"),
        ("the newly released report", "document"),
        ("the leaked email", "document"),
        ("the 12-page document", "document"),
        ("police", "institution"),
        ("the embassy", "institution"),
        ("state department", "institution"),
        ("the company's board", "institution"),
        ("paper published by two economists", "document"),
        ("Islamic texts", "document"),
        ("the grid operator", "institution"),
        ("The agencies", "institution"),
        ("The footage", "document"),
        ("multiple other videos", "document"),
        ("Definitive lab tests", "document"),
        ("several witnesses", "person"),
        ("The University of Surrey expert", "person"),
        ("the University of Surrey", "institution"),
        ("a spokesperson for the study", "person"),
        ("officials familiar with the report", "person"),
        ("a source in the ministry", "person"),
        ("details of the meeting", "person"),
        ("officials", "person"),
        ("a senior official", "person"),
        ("", "person"),
        (None, "person"),
    ],
)
def test_unnamed_kind(description: str | None, kind: str) -> None:
    assert unnamed_kind(description) == kind


def _att(
    start: int,
    source_end: int,
    cue_end: int,
    end: int,
    *,
    name: str | None = None,
    role: str | None = None,
) -> Span:
    """An indirect attribution ``source cue content`` whose speaker has ``name``/``role``."""
    return Span(
        start,
        end,
        "attribution",
        0.9,
        {
            "source": {"start": start, "end": source_end},
            "cue": {"start": source_end + 1, "end": cue_end},
            "content": [{"start": cue_end + 1, "end": end}],
            "kind": "indirect",
            "speaker": {"id": start, "name": name, "role": role},
        },
    )


def test_sourcing_profile_groups_unnamed_texts_as_documents() -> None:
    text = "The new rules state it rained. Officials said it snowed. Police said no."
    doc = Document(text)
    doc.set_spans(
        "sentences",
        [Span(0, 30, "sentence"), Span(31, 56, "sentence"), Span(57, 72, "sentence")],
    )

    doc.set_spans(
        "attributions",
        [
            _att(0, 13, 19, 29, role="the new rules"),
            _att(31, 40, 45, 55, role="officials"),
            _att(57, 63, 68, 71, role="police"),
        ],
    )
    doc.set_spans("assertions", [])
    profile = sourcing_profile(doc)
    assert profile.by_group == {"documents": 1, "anonymous": 1, "institutions": 1}
    assert [a["description"] for a in profile.anonymous] == ["officials"]
    assert [d["description"] for d in profile.documents] == ["the new rules"]
    assert [i["description"] for i in profile.institutions] == ["police"]
    rows = {row.role: row.unnamed for row in profile.speakers}
    assert rows == {"the new rules": "document", "officials": "person", "police": "institution"}


def test_profile_groups_a_named_institution_under_its_name() -> None:
    doc = Document("The Acme campaign said no. Jo Roe said yes.")
    doc.set_spans("sentences", [Span(0, 26, "sentence"), Span(27, 43, "sentence")])

    doc.set_spans(
        "attributions",
        [_att(0, 17, 22, 25, name="Acme campaign"), _att(27, 33, 38, 42, name="Jo Roe")],
    )
    doc.set_spans("assertions", [])
    assert sourcing_profile(doc).by_group == {"Acme campaign": 1, "unaffiliated": 1}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # a person known by a surname is no group of their own
        (
            "Vice President Joe Biden spoke in Ohio. Biden said the plan was “a disgrace.”",
            "unaffiliated",
        ),
        (
            "Sheriff David A. Clarke was there. Clarke said the law was “a disgrace.”",
            "unaffiliated",
        ),
        # a body named by one word stays its own group
        ("Moscow denied it. Russia said the claim was “a disgrace.”", "Russia"),
    ],
)
def test_profile_group_of_a_one_word_speaker(text: str, group: str) -> None:
    from spinscope.pipeline import Pipeline

    doc = Pipeline(["sentences.v1", "attribution.v1"]).load()(Document(text))
    profile = sourcing_profile(doc)
    assert group in profile.by_group
