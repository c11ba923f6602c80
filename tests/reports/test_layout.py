"""What the reports compute before rendering (spinscope.reports._layout)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from spinscope import Document, Span
from spinscope.language import PIPELINE_KEY
from spinscope.reports._layout import (
    NOTICE_REASON_CHARS,
    PALETTE,
    brief_reason,
    colour_index,
    display_text,
    findings,
    not_run,
    segments,
    summarize,
)

TEXT = "Officials said the so-called experts lied.\nShare this:"


def make_doc() -> Document:
    doc = Document(TEXT, id="t")
    doc.set_spans("sentences", [Span(0, 42, "sentence")])
    doc.set_spans("boilerplate", [Span(43, 54, "footer")])
    doc.set_spans(
        "techniques",
        [Span(19, 36, "Name_Calling,Labeling", 0.9), Span(19, 28, "Loaded_Language", 0.4)],
    )
    doc.set_spans("claims", [Span(10, 42, "claim")])
    return doc


def test_layout_findings_skip_structural_groups_and_number_in_text_order() -> None:
    found = findings(make_doc())
    assert [(f.index, f.group, f.label) for f in found] == [
        (1, "claims", "claim"),
        (2, "techniques", "Name_Calling,Labeling"),
        (3, "techniques", "Loaded_Language"),
    ]


def test_layout_segments_partition_the_text() -> None:
    doc = make_doc()
    segs = segments(doc, findings(doc))
    assert segs[0].start == 0 and segs[-1].end == len(TEXT)
    assert all(a.end == b.start for a, b in itertools.pairwise(segs))
    so_called = next(s for s in segs if s.start == 19)
    assert [f.label for f in so_called.covering] == [
        "Loaded_Language",
        "Name_Calling,Labeling",
        "claim",
    ]
    assert [f.label for f in so_called.opens] == ["Name_Calling,Labeling", "Loaded_Language"]
    footer = segs[-1]
    assert footer.boilerplate is not None and footer.boilerplate_ends


def test_layout_summarize() -> None:
    summary = summarize(findings(make_doc()))
    assert [(s.group, s.label, s.count, s.max_score) for s in summary] == [
        ("claims", "claim", 1, None),
        ("techniques", "Loaded_Language", 1, 0.4),
        ("techniques", "Name_Calling,Labeling", 1, 0.9),
    ]


def test_layout_colours_are_stable_and_techniques_distinct() -> None:
    techniques = [
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Repetition",
        "Doubt",
        "Slogans",
        "Flag-Waving",
    ]
    indices = [colour_index("techniques", label) for label in techniques]
    assert len(set(indices)) == len(indices)
    assert colour_index("claims", "claim") == colour_index("claims", "claim")
    assert all(0 <= i < len(PALETTE) for i in [*indices, colour_index("x", "y")])


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"definition": "d"}, ""),
        (
            {"kind": "direct", "speaker": {"name": "Ann", "role": "mayor"}},
            "kind: direct; speaker: Ann (mayor)",
        ),
        (
            {"source": {"start": 0, "end": 9}, "cue": {"start": 10, "end": 14}},
            "source: “Officials”; cue: “said”",
        ),
        ({"source": {"start": 0, "end": 9}, "speaker": {"name": "Ann"}}, "speaker: Ann"),
        ({"source": {"start": 0, "end": 999}}, ""),
        ({"hedged": True, "hedges": [{"text": "reportedly"}]}, "hedged; hedges: reportedly"),
        ({"content": [{"start": 0, "end": 4}], "hedged": False}, ""),
        # an id with its display name shows the name; the span's own name is its heading
        (
            {"technique": "Name_Calling,Labeling", "technique_name": "Name-calling"},
            "technique: Name-calling",
        ),
        ({"name": "Loaded language", "span_prob": 0.5}, "span_prob: 0.5"),
    ],
)
def test_layout_details(attrs: dict[str, Any], expected: str) -> None:
    doc = Document(TEXT, id="t")
    doc.set_spans("attributions", [Span(0, 14, "attribution", 0.5, attrs)])
    assert findings(doc)[0].details(doc.text) == expected


def test_layout_display_text_neutralises_controls() -> None:
    assert display_text("a\x1b[31mb\r\nc\x00\x85") == "a␛[31mb\nc␀\ufffd"


def attribution_doc() -> Document:
    # "Officials said the so-called experts lied." + an own-voice reading of the same words.
    doc = Document(TEXT, id="t")
    r = [{"start": 0, "end": 9}, {"start": 10, "end": 14}, {"start": 15, "end": 42}]
    doc.set_spans(
        "attributions",
        [
            Span(0, 42, "attribution", 0.9, {"source": r[0], "cue": r[1], "content": [r[2]]}),
            # A second attribution of the same source (shown once), with junk parts.
            Span(0, 14, "attribution", 0.8, {"source": r[0], "cue": "x", "content": [5]}),
        ],
    )
    doc.set_spans(
        "assertions",
        [
            Span(
                0, 42, "assertion", 1.0, {"hedges": [{"start": 19, "end": 28, "text": "so-called"}]}
            )
        ],
    )
    return doc


def test_layout_parts_of_attributions_and_assertions() -> None:
    doc = attribution_doc()
    found = findings(doc)
    first = next(f for f in found if f.group == "attributions" and f.span.end == 42)
    assert [(p.role, doc.text[p.start : p.end]) for p in first.parts(len(doc.text))] == [
        ("source", "Officials"),
        ("cue", "said"),
        ("content", "the so-called experts lied."),
    ]
    own = next(f for f in found if f.group == "assertions")
    assert own.own_voice and not own.highlighted
    assert [p.role for p in own.parts(len(doc.text))] == ["hedge"]
    segs = segments(doc, found)
    assert "".join(doc.text[s.start : s.end] for s in segs) == doc.text
    source = next(s for s in segs if s.start == 0)
    # Two attributions share the source: one part is shown, not two.
    assert [p.role for p in source.part_opens] == ["source"]
    assert source.own_voice and [f.group for f in source.highlights] == ["attributions"] * 2
    hedge = next(s for s in segs if s.start == 19)
    assert hedge.roles == {"hedge", "content"}


def test_layout_unsourced_attribution_is_not_highlighted() -> None:
    doc = Document(TEXT, id="t")
    doc.set_spans(
        "attributions",
        [Span(0, 14, "attribution", 0.5, {"source": None, "cue": {"start": 10, "end": 14}})],
    )
    (f,) = findings(doc)
    assert not f.highlighted and not f.own_voice


@pytest.mark.parametrize("limit", [20, 25, 31, 40, 60])
def test_layout_details_cut_at_a_word_boundary(limit: int) -> None:
    text = "Officials warned the White Helmets again"
    doc = Document(text, id="t")
    doc.set_spans(
        "labels", [Span(0, 9, "x", None, {"kind": "a", "target": {"start": 10, "end": len(text)}})]
    )
    out = findings(doc)[0].details(doc.text, limit=limit)
    full = "kind: a; target: “warned the White Helmets again”"
    assert len(out) <= limit
    if out != full:
        kept = out.removesuffix("…")
        assert out.endswith("…") and full.startswith(kept)
        assert full[len(kept)] in " ;:”"  # no word cut in two


@pytest.mark.parametrize(
    ("reason", "brief"),
    [
        (
            "no fact-check knowledge base at /home/a b/.local/share/spinscope/spinscope.db "
            "(spinscope factchecks import creates one; --store names another)",
            "no fact-check knowledge base (spinscope factchecks import …)",
        ),
        (
            "no outlet ratings at /tmp/x/spinscope.db (spinscope sources import creates "
            "them; --store names another store)",
            "no outlet ratings (spinscope sources import …)",
        ),
        (
            "the outlet ratings at sqlite:////tmp/x.db is empty",
            "the outlet ratings is empty",
        ),
        (
            "cannot read the fact-check knowledge base at postgresql://h/db: no such table",
            "cannot read the fact-check knowledge base: no such table",
        ),
        ("the article has no URL", "the article has no URL"),
        (
            "the text is in German (de);\nanalyses en only",
            "the text is in German (de); analyses en only",
        ),
    ],
)
def test_brief_reason(reason: str, brief: str) -> None:
    assert brief_reason(reason) == brief


def test_brief_reason_is_cut() -> None:
    brief = brief_reason("cannot open the store: " + "very long error " * 40)
    assert len(brief) <= NOTICE_REASON_CHARS + 1 and brief.endswith("…")


def test_not_run_gives_one_line_per_reason() -> None:
    doc = Document("Ein Text.", id="t")
    language = "the text is in German (de); analyses en only"
    doc.meta.extra[PIPELINE_KEY] = {
        "skipped": [
            {"component": "techniques.v1", "reason": language},
            {"component": "attribution.v1", "reason": language},
            {"component": "outlet.v1", "reason": "the article has no URL"},
        ]
    }
    assert not_run(doc) == [
        "techniques.v1, attribution.v1 not run: the text is in German (de); analyses en only"
        " (--language forces a language)",
        "outlet.v1 not run: the article has no URL",
    ]
    assert not_run(Document("A text.", id="u")) == []
