"""The article profiles in the reports: technique profile, who says what, own voice.

The fixture, golden/profiles-document.json, is hand-built (techniques, attributions of
a named, an unnamed and no source, own-voice assertions with hedges, a footer). Golden
reports live next to it; regenerate them after an intended change with
``SPINSCOPE_UPDATE_GOLDEN=1 pytest tests/reports`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope import Document, Span
from spinscope.about import __version__
from spinscope.attribution.report import Statement, sourcing_view
from spinscope.reports import document_dict, render_html, render_json, render_text
from spinscope.reports._layout import findings, segments
from spinscope.reports._profiles import profile_dicts, profiles
from spinscope.techniques.report import technique_view

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SPINSCOPE_UPDATE_GOLDEN") == "1"


def profiled() -> Document:
    return Document.from_json((GOLDEN / "profiles-document.json").read_text("utf-8"))


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    expected = path.read_text("utf-8")
    assert actual == expected, f"{name} changed; SPINSCOPE_UPDATE_GOLDEN=1 regenerates it"


class Text(HTMLParser):
    """The text a browser shows inside #text (skip tags aside), and every tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.article: list[str] = []
        self._depth = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id") == "text" or self._depth:
            self._depth += 1
        if "skip-tag" in (a.get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1
        if self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self.article.append(data)


def parse(page: str) -> Text:
    parser = Text()
    parser.feed(page)
    parser.close()
    return parser


# -- goldens ----------------------------------------------------------------------------


def test_profiles_text_report_golden() -> None:
    check_golden("profiles-report.txt", render_text(profiled(), width=80))


def test_profiles_html_report_golden() -> None:
    page = render_html(profiled()).replace(f"spinscope {__version__}", "spinscope VERSION")
    check_golden("profiles-report.html", page)


# -- what the profiles say ------------------------------------------------------------


def test_technique_profile_view() -> None:
    doc = profiled()
    view = technique_view(doc, findings(doc))
    # 6 spans in 51 words outside the footer.
    assert (view.profile.spans, view.profile.words) == (6, 51)
    # The rate is the sum of the calibrated scores: 3.93 expected spans in 51 words.
    # The fixture has attributions: the article's own voice first, quoted speech apart.
    assert view.headline == (
        "own voice: 44.6 expected technique spans per 1,000 words, loaded language and "
        "repetition aside (1.2 in 28 words), 44.6 with them (1.2) · in quotes: 116.5 "
        "(2.7 in 23 words) · overall: 77.1 (sum of calibrated scores: "
        "3.9 in 51 words); 6 of 6 detected spans shown"
    )
    # Shown spans first, ties broken by the expected count (the sum of scores).
    assert [(c.name, c.count) for c in view.counts][:2] == [
        ("Name-calling / labelling", 2),
        ("Loaded language", 2),
    ]
    top = view.top[0]
    assert (top.label, top.score, top.text, top.index) == (
        "Name_Calling,Labeling",
        0.91,
        "so-called White Helmets",
        2,
    )
    assert top.definition.startswith("Attaches a label")


def test_sourcing_profile_view() -> None:
    doc = profiled()
    view = sourcing_view(doc, findings(doc))
    rows = [(s.who, s.describe, s.kind, s.cue, s.content, s.index) for s in view.statements]
    assert rows == [
        (
            "Russia",
            "",
            "indirect",
            "warns",
            "that the so-called White Helmets are plotting yet another false flag attack",
            1,
        ),
        (
            "Vladimir Safronkov",
            "Deputy Ambassador · Russia",
            "direct",
            "said",
            "“We see what is going on,”",
            6,
        ),
        ("unnamed: Officials", "", "indirect", "said", "the group may strike again", 7),
        ("no source named", "", "indirect", "is known for", "staging attacks", 9),
    ]
    assert [(a.index, a.hedges) for a in view.assertions] == [
        (8, ("is known for", "allegedly")),
        (10, ()),
    ]
    assert view.headline() == [
        # one count with the "who says what" table and the summary: every attribution,
        # the share of the text going with those that name a source
        "4 attributed statements, 3 with a source named (41% of the text)",
        "2 own-voice assertions, 1 hedged (35% of the text)",
    ]


def test_text_report_marks_parts_and_own_voice() -> None:
    out = render_text(profiled(), width=200)
    assert "⟦‹Russia› ⌈warns⌉ that the" in out
    assert "‹Deputy Ambassador Vladimir Safronkov› ⌈said⌉⟧6" in out
    # Own-voice assertions get their own brackets; an unsourced cue shows as a hedge.
    assert "⟨The group ⟦⌊is known for⌋ staging attacks⟧9 and has ⌊allegedly⌋ done so" in out
    assert "⟨The ⟦terrorists⟧11 ⟦will stop at nothing⟧12.⟩10" in out
    assert "Key: attributed: ‹source› ⌈cue⌉ content" in out
    # the score shown with span_prob and label_prob says how it is made
    assert "score: the calibrated chance that the text uses the technique" in out
    for heading in ("Technique profile", "Most confident", "Who says what"):
        assert heading in out
    assert "In the article's own voice" in out
    assert "unnamed: Officials" in out and "no source named" in out
    assert "hedges: is known for, allegedly" in out
    flat = " ".join(out.split())  # the headlines wrap
    assert "own voice: 44.6 expected technique spans per 1,000 words" in flat
    assert "overall: 77.1 (sum of calibrated scores" in flat


@pytest.mark.parametrize("width", [40, 80, 140])
def test_profiles_text_report_fits_width(width: int) -> None:
    out = render_text(profiled(), width=width)
    assert max(len(line) for line in out.splitlines()) <= width
    assert "Who says what" in out and "Technique profile" in out


def test_text_report_colour_styles_own_voice() -> None:
    plain = render_text(profiled(), width=120)
    coloured = render_text(profiled(), width=120, color=True)
    assert "\x1b[4m" in coloured or ";4m" in coloured or ";4;" in coloured  # underline
    # Colour changes styles only, never the characters shown.
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert [line.rstrip() for line in stripped.splitlines()] == plain.splitlines()


def test_html_report_marks_parts_and_own_voice() -> None:
    doc = profiled()
    out = render_html(doc)
    page = parse(out)
    assert "".join(page.article) == doc.text
    classes = [a.get("class") or "" for t, a in page.tags if t == "mark"]
    assert any("p-source" in c for c in classes)
    assert any("p-cue" in c for c in classes)
    assert any("own" in c.split() and "p-hedge" in c for c in classes)
    # An own-voice sentence with no other finding is underlined, not shaded.
    assert any(c == "bare own" for c in classes)
    for section in ('id="technique-profile"', 'id="sourcing-profile"'):
        assert section in out
    assert "<h2>Who says what</h2>" in out
    assert "In the article&#8217;s own voice" in out
    flat = " ".join(out.split())  # the headlines wrap
    assert "own voice: 44.6 expected technique spans per 1,000 words" in flat
    assert "overall: 77.1 (sum of calibrated scores" in flat
    # Profile rows link to the findings table.
    assert '<a href="#f6">6</a>' in out and 'id="f6"' in out


def test_profiles_follow_selected_groups() -> None:
    doc = profiled()
    out = render_text(doc, width=120, groups=["techniques"])
    assert "Technique profile" in out and "Who says what" not in out
    out = render_text(doc, width=120, groups=["assertions"])
    assert "Technique profile" not in out and "In the article's own voice" in out


def test_no_profiles_without_their_groups() -> None:
    doc = Document("Plain text. Nothing else.", id="p")
    assert not profiles(doc)
    assert "Technique profile" not in render_text(doc)
    assert "profiles" not in document_dict(doc)


def test_empty_groups_say_so() -> None:
    doc = Document("Officials lied.", id="e")
    doc.set_spans("sentences", [Span(0, 15, "sentence")])
    for name in ("techniques", "attributions", "assertions"):
        doc.set_spans(name, [])
    out = render_text(doc, width=80)
    flat = " ".join(out.split())  # the headline wraps at 80 columns
    assert (
        "own voice: 0.0 expected technique spans per 1,000 words, loaded language and "
        "repetition aside (0.0 with them) · no quoted speech"
    ) in flat
    assert "0 of 0 detected spans shown" in flat
    assert "No attribution found." in out and "No own-voice assertion." in out
    page = render_html(doc)
    assert "No attribution found." in page and "No own-voice assertion." in page
    data = document_dict(doc)["profiles"]
    assert data["techniques"]["spans"] == 0 and data["sourcing"]["attributions"] == 0


# -- robustness -------------------------------------------------------------------------


BAD_ATTRS: list[dict[str, Any]] = [
    {},
    {"source": "x", "cue": None, "content": "abc", "kind": 3, "speaker": "Putin"},
    {"source": {"start": 5, "end": 500}, "cue": {"start": -1, "end": 2}, "content": [None, 7]},
    {"source": {"start": 0, "end": 4}, "cue": {"start": 5, "end": 9}, "speaker": {"name": 7}},
    {"source": {"start": 0, "end": 4}, "cue": {"start": 5, "end": 9}, "speaker": {}},
    {"source": {"start": True, "end": 4}, "cue": {"start": 5.0, "end": 9}, "content": [{}]},
]


@pytest.mark.parametrize("attrs", BAD_ATTRS)
def test_reports_survive_malformed_attribution_attrs(attrs: dict[str, Any]) -> None:
    doc = Document("Officials said they lied. It is known for lies.", id="bad")
    doc.set_spans("sentences", [Span(0, 25, "sentence"), Span(26, 47, "sentence")])
    doc.set_spans("attributions", [Span(0, 24, "attribution", 0.5, attrs)])
    doc.set_spans(
        "assertions",
        [Span(26, 47, "assertion", None, {"hedges": attrs.get("content", 5)})],
    )
    assert "Who says what" in render_text(doc, width=80)
    assert "".join(parse(render_html(doc)).article) == doc.text
    again = Document.from_json(render_json(doc))
    assert again == doc


def test_speakers_without_ids_stay_apart() -> None:
    # The profile groups by speaker id: hand-made spans without one must not merge.
    doc = Document("Ann said no. Bob said yes.", id="ids")
    doc.set_spans("sentences", [Span(0, 12, "sentence"), Span(13, 26, "sentence")])
    doc.set_spans(
        "attributions",
        [
            Span(0, 11, "attribution", 0.9, {
                "source": {"start": 0, "end": 3}, "cue": {"start": 4, "end": 8},
                "content": [{"start": 9, "end": 11}], "kind": "indirect",
                "speaker": {"name": "Ann", "role": None},
            }),
            Span(13, 25, "attribution", 0.9, {
                "source": {"start": 13, "end": 16}, "cue": {"start": 17, "end": 21},
                "content": [{"start": 22, "end": 25}], "kind": "indirect",
                "speaker": {"name": "Bob", "role": None},
            }),
        ],
    )  # fmt: skip
    view = sourcing_view(doc, findings(doc))
    assert [s.who for s in view.statements] == ["Ann", "Bob"]


def test_html_escapes_attribution_attrs() -> None:
    text = "<b>Boss</b> said <script>alert(1)</script> is fine. It may <i>be</i> so."
    doc = Document(text, id="x")
    evil = "</script><script>alert(2)</script>"
    doc.set_spans("sentences", [Span(0, 51, "sentence"), Span(52, len(text), "sentence")])
    doc.set_spans(
        "attributions",
        [
            Span(0, 50, "attribution", 0.9, {
                "source": {"start": 0, "end": 11}, "cue": {"start": 12, "end": 16},
                "content": [{"start": 17, "end": 50}], "kind": evil,
                "speaker": {"id": 0, "name": evil, "role": '" onmouseover="alert(3)',
                            "affiliation": "<img src=x onerror=alert(4)>", "mention": evil},
            }),
        ],
    )  # fmt: skip
    doc.set_spans(
        "assertions",
        [
            Span(52, len(text), "assertion", 1.0, {
                "hedges": [{"start": 55, "end": 58, "text": evil, "kind": evil}],
            }),
        ],
    )  # fmt: skip
    doc.set_spans("techniques", [Span(17, 42, evil, 0.5, {"definition": evil})])
    out = render_html(doc)
    page = parse(out)
    assert "".join(page.article) == text
    assert "<script>alert" not in out and "</script><script>" not in out
    assert "<img" not in out and "<b>" not in out and "<i>" not in out
    assert 'onmouseover="alert' not in out
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in out
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    assert [t for t, _ in page.tags].count("script") == 2


def test_text_report_neutralises_escapes_in_attribution_attrs() -> None:
    doc = Document("Boss said no.", id="t")
    doc.set_spans(
        "attributions",
        [
            Span(0, 12, "attribution", 0.9, {
                "source": {"start": 0, "end": 4}, "cue": {"start": 5, "end": 9},
                "content": [{"start": 10, "end": 12}], "kind": "\x1b[2J",
                "speaker": {"id": 0, "name": "B\x1b]0;pwned\x07", "role": None},
            }),
        ],
    )  # fmt: skip
    out = render_text(doc, width=80, color=True)
    assert "\x1b[2J" not in out and "\x1b]0" not in out and "\x07" not in out


def test_long_document_is_fast_and_capped() -> None:
    sentence = "Officials said the plan failed. The plan failed again. "
    n = 1500
    text = sentence * n
    step = len(sentence)
    atts, asserts, sents, techs = [], [], [], []
    for i in range(n):
        b = i * step
        sents += [Span(b, b + 31, "sentence"), Span(b + 32, b + 54, "sentence")]
        atts.append(
            Span(b, b + 30, "attribution", 0.9, {
                "source": {"start": b, "end": b + 9}, "cue": {"start": b + 10, "end": b + 14},
                "content": [{"start": b + 15, "end": b + 30}], "kind": "indirect",
                "speaker": {"id": 0, "name": None, "role": "Officials", "affiliation": None},
            })
        )  # fmt: skip
        asserts.append(Span(b + 32, b + 54, "assertion", 1.0, {"hedges": []}))
        techs.append(Span(b + 36, b + 42, "Loaded_Language", 0.5))
    doc = Document(text, id="long")
    doc.set_spans("sentences", sents)
    doc.set_spans("attributions", atts)
    doc.set_spans("assertions", asserts)
    doc.set_spans("techniques", techs)
    start = time.perf_counter()
    page = render_html(doc)
    out = render_text(doc, width=100)
    assert time.perf_counter() - start < 60
    assert "… and 1,300 more" in page and "… and 1,300 more" in out
    assert "1,500 attributed statements" in out


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=50),
    raw=st.lists(
        st.tuples(
            st.sampled_from(["techniques", "attributions", "assertions"]),
            st.integers(0, 50),
            st.integers(1, 20),
            st.lists(st.tuples(st.integers(-2, 55), st.integers(-2, 55)), max_size=4),
        ),
        max_size=8,
    ),
)
def test_reports_any_overlap_of_groups_and_parts(
    text: str, raw: list[tuple[str, int, int, list[tuple[int, int]]]]
) -> None:
    n = len(text)
    groups: dict[str, list[Span]] = {}
    for group, s, k, parts in raw:
        if s >= n:
            continue
        ranges = [{"start": a, "end": b} for a, b in parts]
        first = ranges[0] if ranges else None
        attrs: dict[str, Any] = (
            {"source": first, "cue": ranges[-1] if ranges else None, "content": ranges[1:]}
            if group == "attributions"
            else {"hedges": [{**r, "text": "h"} for r in ranges]}
        )
        groups.setdefault(group, []).append(Span(s, min(n, s + k), f"L{k % 3}", 0.5, attrs))
    doc = Document(text, id="h", spans=groups)
    found = findings(doc)
    segs = segments(doc, found)
    assert "".join(text[g.start : g.end] for g in segs) == text
    assert "".join(parse(render_html(doc)).article) == text
    out = render_text(doc, width=300)
    assert out.count("⟦") + out.count("⟨") >= len(found)
    json.loads(render_json(doc))


# -- JSON -------------------------------------------------------------------------------


def test_json_profiles_key() -> None:
    doc = profiled()
    data = json.loads(render_json(doc))
    assert list(data) == ["schema", "id", "text", "meta", "spans", "profiles"]
    techniques = data["profiles"]["techniques"]
    assert techniques["words"] == 51 and techniques["per_1000_words"] == 77.059
    assert (techniques["own_per_1000_words"], techniques["quoted_per_1000_words"]) == (
        44.643,
        116.522,
    )
    assert techniques["counts"]["Loaded_Language"] == 2
    assert techniques["top"][0]["text"] == "so-called White Helmets"
    sourcing = data["profiles"]["sourcing"]
    assert [s["name"] for s in sourcing["speakers"]] == ["Russia", "Vladimir Safronkov", None]
    assert sourcing["unsourced"][0]["cue"] == "is known for"
    assert [a["text"] for a in sourcing["assertions"]][1] == "The terrorists will stop at nothing."
    assert data["profiles"] == profile_dicts(doc)
    assert "profiles" not in document_dict(doc, include_profiles=False)


def test_json_with_profiles_round_trips() -> None:
    doc = profiled()
    again = Document.from_json(render_json(doc, include_tokens=True, indent=2))
    assert again == doc
    # Document.from_dict reads known keys only: profiles never become spans or meta.
    assert "profiles" not in again.spans and "profiles" not in again.meta.extra


@pytest.mark.parametrize(
    ("fields", "who", "describe"),
    [
        ({"role": "new rules", "unnamed": "document"}, "document: new rules", ""),
        ({"role": "police", "unnamed": "institution"}, "police", ""),
        ({"role": "Officials", "anonymous": True, "unnamed": "person"}, "unnamed: Officials", ""),
        ({"speaker": "Ann Lee", "role": "mayor"}, "Ann Lee", "mayor"),
    ],
)
def test_statement_names_a_text_as_a_document(
    fields: dict[str, object], who: str, describe: str
) -> None:
    base: dict[str, object] = {
        "speaker": None,
        "role": None,
        "affiliation": None,
        "source": None,
        "kind": "indirect",
        "cue": "state",
        "content": "venues must close",
        "index": 1,
    }
    statement = Statement(**{**base, **fields})  # type: ignore[arg-type]
    assert (statement.who, statement.describe) == (who, describe)
