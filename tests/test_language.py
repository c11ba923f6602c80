"""Language identification, and components skipped on languages they do not analyse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import spinscope
from spinscope.cli import app
from spinscope.document import Document, Meta
from spinscope.language import PIPELINE_KEY, detect_language
from spinscope.pipeline import Pipeline
from spinscope.registry import Component, register
from spinscope.reports import render_html, render_json, render_text

GERMAN = (
    "Die Kommissionspräsidentin sagte am Mittwoch in Brüssel, dass die Verhandlungen mit "
    "den Mitgliedstaaten weitergehen würden. „Wir werden nicht aufgeben“, sagte sie vor "
    "Journalisten."
)
SPANISH = (
    "El periodista ruso Dmitri Murátov dijo que la guerra cambiaría el país para siempre. "
    "«No podemos callar», dijo Murátov ante los estudiantes de la universidad."
)
ENGLISH = (
    "The minister said on Wednesday that the talks would go on. Critics accused the "
    "government of ignoring the smaller parties."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(GERMAN, "de"), (SPANISH, "es"), (ENGLISH, "en"), ("They lied.", None), ("", None)],
)
def test_detect_language(text: str, expected: str | None) -> None:
    guess = detect_language(text)
    assert (guess.language if guess else None) == expected


def _assigning(group: str) -> Component:
    def component(doc: Document) -> Document:
        doc.set_spans(group, [])
        return doc

    return component


@register("testgerman.v1", assigns=("german",), languages=("de",))
def make_german() -> Component:
    return _assigning("german")


@register("testneedsgerman.v1", assigns=("after",), requires=("german",))
def make_needs_german() -> Component:
    return _assigning("after")


def _record(doc: Document) -> dict[str, object]:
    record = doc.meta.extra[PIPELINE_KEY]
    assert isinstance(record, dict)
    return record


@pytest.mark.parametrize("text", [GERMAN, SPANISH])
def test_english_models_do_not_run_on_other_languages(text: str) -> None:
    doc = spinscope.load()(text)
    assert {"techniques", "attributions", "assertions", "labels"}.isdisjoint(doc.spans)
    record = _record(doc)
    assert record["ran"] == ["boilerplate.v1", "sentences.v1"]
    skipped = record["skipped"]
    assert isinstance(skipped, list)
    assert [s["component"] for s in skipped] == [
        "techniques.v1",
        "attribution.v1",
        "labels.v1",
        "claims.v1",  # no knowledge base in the tests
        "outlet.v1",  # nor outlet ratings
    ]
    assert doc.meta.language == ("de" if text is GERMAN else "es")


def test_skips_are_shown_in_every_report() -> None:
    doc = spinscope.load()(GERMAN)
    notice = "techniques.v1, attribution.v1, labels.v1 not run: the text is in German"
    assert notice in render_text(doc, color=False)
    assert notice in render_html(doc)
    record = json.loads(render_json(doc))["meta"]["extra"][PIPELINE_KEY]
    assert record["detected"]["language"] == "de"


def test_forcing_the_language_runs_everything() -> None:
    nlp = spinscope.load({"pipeline": {"language": "en"}})
    doc = nlp(GERMAN)
    assert "attributions" in doc.spans
    assert _record(doc)["forced"] is True


def test_a_component_needing_a_skipped_ones_output_is_skipped_too() -> None:
    doc = Pipeline(["testgerman.v1", "testneedsgerman.v1"])(ENGLISH)
    skipped = _record(doc)["skipped"]
    assert isinstance(skipped, list)
    assert [s["component"] for s in skipped] == ["testgerman.v1", "testneedsgerman.v1"]
    assert "from a skipped component" in skipped[1]["reason"]
    assert "from a skipped component" not in render_text(Pipeline(["testgerman.v1"])(GERMAN))


def test_short_text_runs_everything_and_falls_back_to_the_declared_language() -> None:
    doc = Pipeline(["testgerman.v1"])(Document("Ja.", meta=Meta(language="de-DE")))
    assert "german" in doc.spans
    english = Pipeline(["testgerman.v1"])(Document("Yes.", meta=Meta(language="en")))
    assert "german" not in english.spans


def test_pipelines_without_language_bound_components_record_nothing() -> None:
    doc = spinscope.load(components=["boilerplate.v1", "sentences.v1"])(GERMAN)
    assert PIPELINE_KEY not in doc.meta.extra


def test_cli_language_option(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    runner = CliRunner()
    auto = runner.invoke(app, ["analyze", str(path), "-f", "json"], catch_exceptions=False)
    forced = runner.invoke(
        app, ["analyze", str(path), "-f", "json", "--language", "en"], catch_exceptions=False
    )
    assert auto.exit_code == forced.exit_code == 0
    assert "attributions" not in json.loads(auto.stdout)["spans"]
    assert "attributions" in json.loads(forced.stdout)["spans"]
    bad = runner.invoke(app, ["analyze", str(path), "--language", "german"])
    assert bad.exit_code == 2
    assert "two-letter ISO 639-1 code" in bad.stderr
