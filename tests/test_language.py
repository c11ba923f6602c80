"""Language identification, and components skipped on languages they do not analyse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import spinscope
from spinscope.cli import app
from spinscope.document import Document, Meta
from spinscope.ingest.html import extract_html
from spinscope.language import (
    PIPELINE_KEY,
    LanguageGuess,
    decide_language,
    detect_language,
    language_code,
    narration,
)
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


# -- mixed pages: the narration's language, and the page's declaration ----------------

GERMAN_INTRO = (
    "So mancher Segler in Kiel kennt sie schon, die Boote der kleinen Werft am Hafen. "
    "Gerade ist die neue Serie eingetroffen, und wir haben mit dem Chef gesprochen. "
    "Hier etwas O-Ton:"
)
ENGLISH_QUOTE = (
    "We build every boat by hand, and we test each one on the water before it leaves "
    "the yard. Our customers sail in some of the roughest waters in the world, so we "
    "never cut corners on materials, and we always listen to what sailors tell us about "
    "the boats they already own."
)
ENGLISH_WITH_PLACES = (
    "The minister visited Garmisch-Partenkirchen and Schloss Neuschwanstein on Monday, "
    "where the Bürgermeister of Füssen showed her the new railway station. Local "
    "businesses said the line would bring more visitors to the region next summer."
)


@pytest.mark.parametrize(
    ("text", "expected", "shares"),
    [
        # A German report quoting English at length: the quotation is set aside.
        (f'{GERMAN_INTRO} "{ENGLISH_QUOTE}" - der Chef -', "de", {"de": 1.0}),
        (f"{GERMAN_INTRO} „{ENGLISH_QUOTE}“", "de", {"de": 1.0}),
        (f"{GERMAN_INTRO} «{ENGLISH_QUOTE}»", "de", {"de": 1.0}),
        # The same quotation as its own paragraph, without quotation marks: two voices.
        (f"{GERMAN_INTRO}\n{ENGLISH_QUOTE}", "en", {"en": 0.6, "de": 0.4}),
        # German place names inside English sentences change nothing.
        (ENGLISH_WITH_PLACES, "en", {"en": 1.0}),
        # Only quotation: it is all there is to read.
        (f'"{ENGLISH_QUOTE}"', "en", {}),
        # Short lines vote only together.
        ("Ja.\nNein.\nVielleicht morgen, sagte er.\nDann gehen wir.", "de", {}),
    ],
)
def test_detect_language_reads_the_narration(
    text: str, expected: str, shares: dict[str, float]
) -> None:
    guess = detect_language(text)
    assert guess is not None and guess.language == expected
    assert {k: round(v, 1) for k, v in guess.shares.items()} == shares


def test_narration_blanks_quotations_and_keeps_offsets() -> None:
    text = 'Er sagte: "We are ready." Dann „ging“ er, ‘sagt’ man. Ein " allein.'
    told = narration(text)
    assert len(told) == len(text)
    assert told.split() == ["Er", "sagte:", "Dann", "er,", "‘sagt’", "man.", "Ein", '"', "allein."]


_MIXED = LanguageGuess("en", 0.6, {"en": 0.6, "de": 0.4})
_MOSTLY_GERMAN = LanguageGuess("de", 0.9, {"de": 0.9, "en": 0.1})


@pytest.mark.parametrize(
    ("guess", "declared", "expected"),
    [
        (_MIXED, "de", "de"),  # a mixed page: its declaration decides
        (_MIXED, None, "en"),  # nothing declared: the majority
        (_MOSTLY_GERMAN, "en", "de"),  # a template's lang="en": the text clearly disagrees
        (_MOSTLY_GERMAN, "de", "de"),
        (LanguageGuess("de", 0.99), "en", "de"),  # one sample, no shares: the text
        (None, "de", "de"),  # too little text: the declaration
        (None, None, None),
    ],
)
def test_decide_language(guess: LanguageGuess | None, declared: str | None, expected: str) -> None:
    assert decide_language(guess, declared) == expected


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("de", "de"),
        ("de-DE", "de"),
        ("en_US", "en"),
        (" FR ", "fr"),
        ("German", None),
        (None, None),
    ],
)
def test_language_code(tag: str | None, code: str | None) -> None:
    assert language_code(tag) == code


def _html(body: str, lang: str = "de", head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head>'
        f"<body><article>{body}</article></body></html>"
    )


def test_german_page_with_an_english_quotation_is_german() -> None:
    page = extract_html(_html(f'<h1>Neue Boote</h1><p>{GERMAN_INTRO} "{ENGLISH_QUOTE}"</p>'))
    doc = spinscope.load()(Document(page.text, meta=Meta(language=page.language, extra=page.extra)))
    assert doc.meta.language == "de"
    assert {"techniques", "attributions", "assertions"}.isdisjoint(doc.spans)
    record = _record(doc)
    assert (record["language"], record["declared"]) == ("de", "de")
    assert doc.meta.extra["declared_language"] == {"html": "de"}


@pytest.mark.parametrize(
    ("body", "lang", "head", "expected"),
    [
        # An English story naming German places, declared English.
        (f"<p>{ENGLISH_WITH_PLACES}</p>", "en", "", "en"),
        # A German intro and an English statement in its own paragraph, declared German.
        (f"<p>{GERMAN_INTRO}</p><blockquote>{ENGLISH_QUOTE}</blockquote>", "de", "", "de"),
        # A template's lang="en" on a German article: the text wins.
        (f"<p>{GERMAN} {GERMAN}</p>", "en", "", "de"),
        # An English article on a German site template, og:locale and JSON-LD say English.
        (
            f"<p>{ENGLISH} {ENGLISH}</p>",
            "de",
            '<meta property="og:locale" content="en_GB"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "inLanguage": "en-GB"}</script>',
            "en",
        ),
    ],
)
def test_language_of_a_page(body: str, lang: str, head: str, expected: str) -> None:
    page = extract_html(_html(body, lang, head))
    doc = Pipeline(["testgerman.v1"])(Document(page.text, meta=Meta(language=page.language)))
    assert doc.meta.language == expected
    assert ("german" in doc.spans) == (expected == "de")


def test_every_declaration_is_kept_and_most_of_them_win() -> None:
    head = (
        '<meta property="og:locale" content="de_DE"><script type="application/ld+json">'
        '{"@type": "NewsArticle", "inLanguage": "de-DE"}</script>'
    )
    page = extract_html(_html(f"<p>{GERMAN}</p>", "en", head))
    assert page.extra["declared_language"] == {"html": "en", "json-ld": "de", "og:locale": "de"}
    assert page.language == "de"


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
