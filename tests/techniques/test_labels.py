"""labels.v1: the labelling lexicon (text -> spans), voices, boilerplate, the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.document import Document, Span
from spinscope.pipeline import Pipeline
from spinscope.registry import registry
from spinscope.reports import render_json, render_text
from spinscope.techniques.labels import KIND_DEFINITIONS, find_labels, make_labels


def _found(text: str) -> list[tuple[str, str, str | None]]:
    out = []
    for c in find_labels(text):
        target = text[c.target[0] : c.target[1]] if c.target else None
        out.append((text[c.start : c.end], c.kind, target))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia warns that the so-called White Helmets group is plotting.",
            [("so-called White Helmets", "distancing", "White Helmets")],
        ),
        (
            "critics of so-called “sanctuary cities” pinned blame",
            [("so-called “sanctuary cities”", "distancing", "“sanctuary cities”")],
        ),
        (
            "what has happened to the so-called free media in the West",
            [("so-called free media", "distancing", "free media")],
        ),
        (
            "every piece of so-called evidence put forth",
            [("so-called evidence", "distancing", "evidence")],
        ),
        ("the self-styled caliph spoke", [("self-styled caliph", "distancing", "caliph")]),
        (
            "the so‑called Organization for the Prohibition of Chemical Weapons said",
            [
                (
                    "so‑called Organization for the Prohibition of Chemical Weapons",
                    "distancing",
                    "Organization for the Prohibition of Chemical Weapons",
                )
            ],
        ),
        (
            "the so-called White Helmets and the Syrian Army",
            [("so-called White Helmets", "distancing", "White Helmets")],
        ),
        (
            "“The pseudo-humanitarian personnel of the White Helmets”",
            [("pseudo-humanitarian personnel", "distancing", None)],
        ),
        ("pseudo-science is bad", [("pseudo-science", "distancing", None)]),
        ("its coordination with terror outfits in Syria", [("terror outfits", "pejorative", None)]),
        (
            "Islamist thugs and terrorist cells",
            [("thugs", "pejorative", None), ("terrorist cells", "pejorative", None)],
        ),
        ("under the Assad regime, they said", [("Assad regime", "pejorative", "Assad")]),
        # A distancing marker around a pejorative phrase: one device, the outer one.
        ("the so-called terror outfits", [("so-called terror", "distancing", "terror")]),
        # Not labelling devices.
        ("It is so called because of the hats.", []),
        ("He wrote under a pseudonym.", []),
        ("The regime fell in 2011.", []),
        ("Terror gripped the town; the group left.", []),
        ("", []),
    ],
)
def test_find_labels(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the X regime": X names a state, its people, its capital or its ruler.
        ("aid to the Syrian regime was cut", [("Syrian regime", "pejorative", "Syrian")]),
        ("a deal with the Kiev regime", [("Kiev regime", "pejorative", "Kiev")]),
        ("sanctions on the Maduro regime", [("Maduro regime", "pejorative", "Maduro")]),
        (
            "to prop up Bashar al-Assad’s regime",
            [("Bashar al-Assad’s regime", "pejorative", "Bashar al-Assad")],
        ),
        ("since Iran's regime fell", [("Iran's regime", "pejorative", "Iran")]),
        (
            "talks with the North Korean regime",
            [("North Korean regime", "pejorative", "North Korean")],
        ),
        ("the Kim Jong Un regime", [("Kim Jong Un regime", "pejorative", "Kim Jong Un")]),
        # A date before the name is not part of it.
        (
            "after the September Syrian regime offensive",
            [("Syrian regime", "pejorative", "Syrian")],
        ),
        # Policies and systems are regimes too, without any label.
        ("repeal of the Glass-Steagall regime", []),
        ("the tax regime changed", []),
        ("the sanctions regime holds", []),
        ("Sanctions regime talks resumed.", []),
        ("the Communist regime fell", []),
        ("a CIA regime-change operation", []),
        ("pushing for regime change in Syria", []),
        ("calls for Syrian regime change grew", []),
        # Pejorative names.
        (
            "the rise of right-wing demagogues in Europe",
            [("right-wing demagogues", "pejorative", None)],
        ),
        ("a demagogue, critics said", [("demagogue", "pejorative", None)]),
        # "terrorists" as a label for a group, not the bare word.
        ("the Kurdish terrorists crossed", [("Kurdish terrorists", "pejorative", "Kurdish")]),
        ("PKK terrorists attacked", [("PKK terrorists", "pejorative", "PKK")]),
        (
            "funding Iranian-backed terrorists",
            [("Iranian-backed terrorists", "pejorative", "Iranian-backed")],
        ),
        ("the White Helmets are terrorists", [("terrorists", "pejorative", None)]),
        ("it helps terrorists and gunmen", []),
        ("groups such as terrorists and cartels", []),
        ("The terrorists left.", []),
        ("Unleashing terrorists is no policy.", []),
        ("counter-terrorists trained here", []),
    ],
)
def test_lexicon_precision(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


def test_offsets_index_the_given_text_within_a_range() -> None:
    text = "so-called A.\nNo labels here. The so-called B group."
    start = text.index("No")
    cues = find_labels(text, start, len(text))
    assert [text[c.start : c.end] for c in cues] == ["so-called B"]
    assert all(start <= c.start < c.end <= len(text) for c in cues)


def test_registered_and_in_the_default_pipeline() -> None:
    from spinscope.config import load_config

    info = registry.get("labels.v1")
    assert info.assigns == ("labels",)
    assert info.requires == ("attributions",)
    names = load_config().pipeline.components
    assert names.index("labels.v1") > names.index("attribution.v1")  # voices need it


def _attribution(text: str, source: str | None, content: str, kind: str) -> Span:
    c = text.index(content)
    attrs: dict = {"content": [{"start": c, "end": c + len(content)}], "kind": kind}
    if source is not None:
        s = text.index(source)
        attrs["source"] = {"start": s, "end": s + len(source)}
        attrs["speaker"] = {"name": source}
    else:
        attrs["source"] = None
        attrs["speaker"] = None
    return Span(0, len(text), "attribution", 0.9, attrs)


@pytest.mark.parametrize(
    ("source", "kind", "voice"),
    [("Ivanov", "direct", "quoted"), ("Ivanov", "indirect", "reported"), (None, "indirect", "own")],
)
def test_voice_comes_from_attributions(source: str | None, kind: str, voice: str) -> None:
    text = "Ivanov said the so-called Helmets lie. The thugs left."
    doc = Document(text)
    doc.set_spans("attributions", [_attribution(text, source, "the so-called Helmets lie", kind)])
    make_labels()(doc)
    spans = list(doc.group("labels"))
    assert [doc.span_text(s) for s in spans] == ["so-called Helmets", "thugs"]
    assert spans[0].attrs["voice"] == voice
    assert spans[0].attrs.get("speaker") == source
    assert spans[1].attrs["voice"] == "own"
    assert spans[0].score is None  # a lexicon cue, never a probability
    assert spans[0].attrs["technique"] == "Name_Calling,Labeling"
    assert spans[0].attrs["definition"] == KIND_DEFINITIONS["distancing"]
    t = spans[0].attrs["target"]
    assert text[t["start"] : t["end"]] == "Helmets"


def test_without_attributions_everything_is_own_voice() -> None:
    doc = make_labels()(Document("The so-called Helmets and the Kiev regime."))
    assert [s.attrs["voice"] for s in doc.group("labels")] == ["own", "own"]


def test_boilerplate_is_skipped() -> None:
    text = "The so-called Helmets lied.\n\nShare this: so-called Footer Club"
    doc = make_labels()(
        Document(text, spans={"boilerplate": [Span(text.index("Share"), len(text), "footer")]})
    )
    assert [doc.span_text(s) for s in doc.group("labels")] == ["so-called Helmets"]


def test_reports_show_labels() -> None:
    doc = make_labels()(Document("They met the so-called Helmets."))
    assert "so-called Helmets" in render_text(doc, width=100)
    assert '"labels"' in render_json(doc)


def test_the_sample_articles_labels_come_out_highlighted(white_helmets_path: Path) -> None:
    """The sample article's labelling phrases, from the lexicon view (the model view is
    ``test_white_helmets_acceptance``): with their voices."""
    text = white_helmets_path.read_text("utf-8")
    doc = Pipeline(["boilerplate.v1", "sentences.v1", "attribution.v1", "labels.v1"])(
        Document(text)
    )
    got = {
        (doc.span_text(s), s.attrs["voice"], s.attrs.get("speaker")) for s in doc.group("labels")
    }
    assert ("so-called White Helmets", "reported", "Russia") in got
    assert ("pseudo-humanitarian personnel", "quoted", "Vladimir Safronkov") in got
    assert ("terror outfits", "own", None) in got


def _profiled(text: str, voice: object = "own", speaker: object = None) -> Document:
    s = text.index("so-called")
    attrs = {"voice": voice, "speaker": speaker}
    return Document(text, spans={"labels": [Span(s, s + 17, "distancing", None, attrs)]})


def test_labels_profile_counts_voices() -> None:
    from spinscope.techniques.labels import labels_profile

    text = "Ivanov said the so-called Helmets lie. The thugs left."
    doc = Document(text)
    doc.set_spans(
        "attributions", [_attribution(text, "Ivanov", "the so-called Helmets lie", "direct")]
    )
    make_labels()(doc)
    prof = labels_profile(doc)
    assert prof.by_voice == {"own": 1, "reported": 0, "quoted": 1}
    assert prof.headline() == "2 labelling devices, 1 in the article's own voice"
    d = prof.to_dict()
    assert d["labels"] == 2
    assert d["uses"][0] == {
        "start": text.index("so-called"),
        "end": text.index(" lie"),
        "text": "so-called Helmets",
        "kind": "distancing",
        "voice": "quoted",
        "speaker": "Ivanov",
    }


@pytest.mark.parametrize(("voice", "speaker"), [("shouted", 3), (None, ""), ([], {"x": 1})])
def test_labels_profile_survives_malformed_attrs(voice: object, speaker: object) -> None:
    from spinscope.techniques.labels import labels_profile

    use = labels_profile(_profiled("Beware the so-called Helmets now.", voice, speaker)).uses[0]
    assert (use.voice, use.speaker, use.text) == ("own", None, "so-called Helmets")


def test_reports_have_a_labels_section() -> None:
    import json

    from spinscope.reports import render_html

    text = "Ivanov said the so-called Helmets lie. The thugs left."
    doc = Document(text)
    doc.set_spans(
        "attributions", [_attribution(text, "Ivanov", "the so-called Helmets lie", "indirect")]
    )
    make_labels()(doc)
    out = render_text(doc, width=120)
    section = out[out.index("Labels applied") :]
    assert "2 labelling devices, 1 in the article's own voice" in section
    assert "Ivanov (reported speech)" in section
    assert "the article (own voice)" in section
    html = render_html(doc)
    assert 'id="labels-profile"' in html and "Ivanov (reported speech)" in html
    prof = json.loads(render_json(doc))["profiles"]["labels"]
    assert prof["by_voice"] == {"own": 1, "reported": 1, "quoted": 0}
