from __future__ import annotations

import copy as copy_module
import json
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinscope.document import SCHEMA, Document, Meta, Span, SpanGroup
from spinscope.errors import DocumentError, OffsetError
from spinscope.segment import segment

TEXT = "Russia warns that the so-called White Helmets plot.\nNo comments:"


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (3, 3), (5, 2), (0, len(TEXT) + 1)],
)
def test_document_rejects_bad_offsets(start: int, end: int) -> None:
    doc = Document(TEXT)
    with pytest.raises(OffsetError):
        doc.set_spans("x", [Span(start, end)])


@pytest.mark.parametrize("score", [-0.1, 1.5])
def test_span_rejects_score_outside_unit_interval(score: float) -> None:
    with pytest.raises(DocumentError):
        Span(0, 1, "x", score)


def test_document_text_is_read_only() -> None:
    doc = Document(TEXT)
    with pytest.raises(AttributeError):
        doc.text = "other"  # type: ignore[misc]


def test_document_span_text_and_overlap_lookup() -> None:
    doc = Document(TEXT)
    doc.set_spans(
        "techniques",
        [
            Span(18, 31, "Name_Calling,Labeling", 0.9),
            Span(22, 45, "Loaded_Language", 0.4),
            Span(0, 6, "Flag-Waving", 0.2),
        ],
    )
    group = doc.spans["techniques"]
    assert [s.start for s in group] == [0, 18, 22]  # kept sorted
    assert doc.span_text(group[1]) == "the so-called"
    assert [s.label for s in group.covering(25)] == ["Name_Calling,Labeling", "Loaded_Language"]
    assert group.overlapping(6, 18) == []
    assert [s.start for s in group.overlapping(30, 100)] == [18, 22]


def test_spangroup_overlapping_with_long_early_span() -> None:
    # A long span starting first must still be found after short spans end.
    group = SpanGroup("g", [Span(0, 100), Span(1, 2), Span(3, 4)])
    assert [(s.start, s.end) for s in group.overlapping(50, 60)] == [(0, 100)]


def test_document_json_round_trip_is_lossless() -> None:
    doc = Document(
        TEXT,
        id="a1",
        meta=Meta(
            title="T", url="https://x.test/a", outlet="x.test", language="en", extra={"k": [1, 2]}
        ),
    )
    doc.set_spans("techniques", [Span(18, 31, "Name_Calling,Labeling", 0.9, {"definition": "d"})])
    doc.set_spans("boilerplate", [Span(52, len(TEXT), "footer")])
    payload = doc.to_json()
    data = json.loads(payload)
    assert data["schema"] == SCHEMA
    assert data["spans"]["techniques"][0] == {
        "start": 18,
        "end": 31,
        "label": "Name_Calling,Labeling",
        "score": 0.9,
        "definition": "d",
    }
    assert Document.from_json(payload) == doc


def test_document_from_json_rejects_other_schema() -> None:
    with pytest.raises(DocumentError, match="unsupported schema"):
        Document.from_dict({"schema": "other/9", "text": "x"})


def test_document_from_json_validates_offsets() -> None:
    with pytest.raises(OffsetError):
        Document.from_dict({"text": "abc", "spans": {"g": [{"start": 1, "end": 9}]}})


def test_span_attr_cannot_shadow_field() -> None:
    with pytest.raises(DocumentError):
        Span(0, 1, attrs={"start": 3}).to_dict()


def test_content_ranges_skip_boilerplate() -> None:
    doc = Document(TEXT)
    doc.set_spans("boilerplate", [Span(52, len(TEXT), "footer")])
    assert doc.content_ranges() == [(0, 52)]
    assert doc.is_boilerplate((53, 60))
    assert not doc.is_boilerplate((40, 60))


def test_default_id_is_content_hash() -> None:
    assert Document("abc").id == Document("abc").id != Document("abd").id


@pytest.mark.parametrize(
    ("start", "end", "mode", "expected"),
    [
        (18, 31, "strict", (18, 31)),
        (19, 31, "strict", None),
        (19, 31, "contract", (22, 31)),
        (19, 30, "expand", (18, 31)),
        (5, 5, "expand", None),
    ],
)
def test_char_span_alignment_modes(
    start: int, end: int, mode: str, expected: tuple[int, int] | None
) -> None:
    doc = segment(Document(TEXT))
    span = doc.char_span(start, end, alignment_mode=mode)  # type: ignore[arg-type]
    assert (None if span is None else (span.start, span.end)) == expected


def test_sentence_at() -> None:
    doc = segment(Document(TEXT))
    sentence = doc.sentence_at(25)
    assert sentence is not None and doc.span_text(sentence).startswith("Russia warns")
    assert doc.sentence_at(51) is None  # the newline belongs to no sentence


@given(st.text(max_size=300), st.data())
def test_round_trip_any_text_and_spans(text: str, data: st.DataObject) -> None:
    doc = Document(text, id="h")
    if len(text) >= 1:
        n = data.draw(st.integers(0, 5))
        spans = []
        for _ in range(n):
            s = data.draw(st.integers(0, len(text) - 1))
            e = data.draw(st.integers(s + 1, len(text)))
            spans.append(Span(s, e, "x", data.draw(st.floats(0, 1))))
        doc.set_spans("g", spans)
    assert Document.from_json(doc.to_json()) == doc


@pytest.mark.parametrize(
    "spans",
    [
        [Span(0, 4), Span(5, 9), Span(9, 10)],  # bare ranges travel as columns
        [Span(0, 4, "sentence"), Span(2, 9, "sentence")],
        [Span(0, 4, "Loaded_Language", 0.9, {"definition": "x"}), Span(5, 9)],
        [],
    ],
)
def test_a_span_group_survives_pickling_twice(spans: list[Span]) -> None:
    group = SpanGroup("g", spans)
    once = pickle.loads(pickle.dumps(group))
    # Pickled again before it was read: a packed group passes on unchanged.
    twice = pickle.loads(pickle.dumps(once))
    for copy in (once, twice):
        assert len(copy) == len(group)
        assert copy.overlapping(3, 6) == group.overlapping(3, 6)
        assert copy == group and list(copy) == spans


def test_a_document_survives_pickling() -> None:
    doc = Document("One two. Three four.")
    doc.set_spans("tokens", [Span(0, 3), Span(4, 7), Span(7, 8)])
    doc.set_spans("techniques", [Span(0, 7, "Repetition", 0.5, {"why": "twice"})])
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.to_dict() == doc.to_dict()
    assert copy.char_span(0, 7) == Span(0, 7)


_BARE = [Span(5, 9), Span(0, 4, "sentence"), Span(0, 2)]


def _packed(spans: list[Span]) -> SpanGroup:
    group: SpanGroup = pickle.loads(pickle.dumps(SpanGroup("g", spans)))
    return group


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        (lambda g: g.labels(), ["", "sentence", ""]),
        (lambda g: list(g), [Span(0, 2), Span(0, 4, "sentence"), Span(5, 9)]),
        (lambda g: g[-1], Span(5, 9)),
        (lambda g: g[0:2], [Span(0, 2), Span(0, 4, "sentence")]),
        (lambda g: g.covering(1), [Span(0, 2), Span(0, 4, "sentence")]),
        (lambda g: g.overlapping(4, 6), [Span(5, 9)]),
        (lambda g: Span(0, 4, "sentence") in g, True),
        (lambda g: len(g), 3),
        (lambda g: bool(g), True),
        (lambda g: g == SpanGroup("g", _BARE), True),
        (lambda g: SpanGroup("g", _BARE) == g, True),
        (lambda g: g == _packed(_BARE), True),
        (lambda g: g == SpanGroup("h", _BARE), False),
        (lambda g: copy_module.copy(g) == g and copy_module.deepcopy(g) == g, True),
    ],
)
def test_a_packed_group_reads_as_the_group_it_was(read: Any, expected: object) -> None:
    # Each read is the first one on a freshly unpickled (still packed) group.
    assert read(_packed(_BARE)) == expected


def test_an_empty_group_survives_pickling() -> None:
    group = _packed([])
    assert len(group) == 0 and not group and list(group) == [] and group.labels() == []
    assert group == SpanGroup("g") and group.overlapping(0, 10) == []


@pytest.mark.parametrize(
    ("spans", "as_columns"),
    [
        (_BARE, True),
        ([], True),
        ([Span(0, 4, "x", 0.5)], False),  # a score needs the span
        ([Span(0, 4, "x", attrs={"why": "y"})], False),  # so do attributes
    ],
)
def test_only_bare_ranges_travel_as_columns(spans: list[Span], as_columns: bool) -> None:
    group = SpanGroup("g", spans)
    assert (b"_packed_group" in pickle.dumps(group)) is as_columns
    # A group read after unpickling still travels as columns, and arrives whole.
    once = pickle.loads(pickle.dumps(group))
    list(once)
    assert (b"_packed_group" in pickle.dumps(once)) is as_columns
    assert pickle.loads(pickle.dumps(once)) == group
