"""claims.v1 on a tiny knowledge base (SQLite and PostgreSQL), without one, and its
settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spinscope import Document, Span
from spinscope.claims.component import (
    GROUP,
    ClaimsComponent,
    _sqlite_path,
    candidates,
    locate_kb,
    make_claims,
)
from spinscope.config import load_config
from spinscope.errors import ConfigError
from spinscope.language import PIPELINE_KEY
from spinscope.pipeline import Pipeline
from spinscope.reports import render_html, render_json, render_text
from spinscope.reports._layout import not_run
from spinscope.store import Store

from .kb_fixture import ARTICLE, fill

NAMES = ["boilerplate.v1", "sentences.v1", "claims.v1"]


def store_url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def analyse(url: str, text: str = ARTICLE, **settings: object) -> Document:
    return Pipeline(NAMES, {"claims.v1": {"store": url, **settings}})(text)


def test_finds_the_known_matches(store: Store, tmp_path: Path) -> None:
    fill(store, tmp_path)
    doc = analyse(store_url(store))
    claims = doc.group(GROUP)
    assert [doc.span_text(s) for s in claims] == [
        "Officials claimed that the White Helmets stage chemical attacks in Syria to blame "
        "the government.",
        "A blogger wrote that vaccines contain tracking microchips for surveillance.",
    ]
    first, second = claims
    assert first.attrs["checkworthy"] is None
    top = first.attrs["matches"][0]
    assert top["claim"].startswith("The White Helmets stage chemical attacks")
    assert (top["verdict"], top["rating"], top["publisher"]) == (
        "false",
        "disinformation",
        "EUvsDisinfo",
    )
    assert top["disproof"].startswith("No evidence supports this")
    assert top["date"] == "2017-10-03"
    assert first.score == top["score"] >= 0.28
    # "White Helmets plotting false flag chemical attack in Idlib" is about the same
    # group, but not the same claim: the re-ranker gives it no chance.
    assert len(first.attrs["matches"]) == 1
    assert [m["claim"][:8] for m in second.attrs["matches"]] == ["Vaccines"]
    assert set(top) == {
        "id", "score", "claim", "verdict", "rating", "url", "publisher", "date", "source",
        "disproof",
    }  # fmt: skip
    assert doc.meta.extra[PIPELINE_KEY]["ran"] == NAMES


def test_threshold_and_k_limit_matches(store: Store, tmp_path: Path) -> None:
    fill(store, tmp_path)
    doc = analyse(store_url(store), k=1)
    assert [len(s.attrs["matches"]) for s in doc.group(GROUP)] == [1, 1]
    assert not analyse(store_url(store), threshold=0.999).group(GROUP)


def test_empty_knowledge_base_is_skipped(store: Store) -> None:
    doc = analyse(store_url(store))
    assert not doc.has_group(GROUP)
    (skip,) = doc.meta.extra[PIPELINE_KEY]["skipped"]
    assert skip["component"] == "claims.v1" and "is empty" in skip["reason"]


def test_no_knowledge_base_is_skipped_with_a_notice_and_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "kb.db"
    doc = analyse(str(missing))
    assert not doc.has_group(GROUP)
    (skip,) = doc.meta.extra[PIPELINE_KEY]["skipped"]
    assert skip["component"] == "claims.v1"
    assert skip["reason"].startswith(f"no fact-check knowledge base at {missing}")
    notice = "claims.v1 not run: no fact-check knowledge base (spinscope factchecks import …)"
    assert not_run(doc) == [notice]
    assert notice in render_text(doc, width=80).splitlines()
    assert f"<dd>{notice}</dd>" in render_html(doc)
    assert '"component": "claims.v1"' in render_json(doc)
    assert not missing.exists() and not missing.parent.exists()


def test_default_store_is_the_user_data_directory(empty_data_home: Path) -> None:
    # conftest points XDG_DATA_HOME to an empty folder: nothing there, nothing made there.
    kb = locate_kb()
    assert kb.url is None and kb.missing is not None
    assert str(empty_data_home / "spinscope" / "spinscope.db") in kb.missing
    assert not (empty_data_home / "spinscope").exists()


def test_environment_names_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINSCOPE_STORE", str(tmp_path / "env.db"))
    assert str(tmp_path / "env.db") in str(locate_kb().missing)


def test_in_the_default_pipeline() -> None:
    components = load_config().pipeline.components
    assert components[components.index("labels.v1") + 1] == "claims.v1"


def test_analyze_without_a_store_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from spinscope.pipeline import Pipeline\n"
        f"nlp = Pipeline({NAMES!r})\n"
        "doc = nlp('The White Helmets stage chemical attacks in Syria, they said.')\n"
        "print(doc.meta.extra['pipeline']['skipped'][0]['component'],"
        " 'sqlalchemy' in sys.modules)\n"
    )
    env = {**os.environ, "SPINSCOPE_STORE": str(tmp_path / "none.db")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["claims.v1", "False"]
    assert not (tmp_path / "none.db").exists()


def _doc_with_checkworthy(scores: list[float]) -> Document:
    doc = Document(ARTICLE, id="cw")
    ends = [i + 1 for i, c in enumerate(ARTICLE) if c == "." and i < 240]
    starts = [0, *(e + 1 for e in ends[:-1])]
    doc.set_spans("sentences", [Span(s, e, "sentence") for s, e in zip(starts, ends, strict=True)])
    doc.set_spans(
        "checkworthy",
        [Span(s, e, "claim", sc) for s, e, sc in zip(starts, ends, scores, strict=True)],
    )
    return doc


def test_checkworthy_group_selects_sentences_and_keeps_unmatched(
    store: Store, tmp_path: Path
) -> None:
    fill(store, tmp_path)
    component = make_claims(store=store_url(store))
    try:
        doc = component(_doc_with_checkworthy([0.9, 0.7, 0.2]))
    finally:
        component.close()
    claims = doc.group(GROUP)
    # The third sentence is not check-worthy; the second is, and is kept without a match.
    assert [(s.attrs["checkworthy"], len(s.attrs["matches"])) for s in claims] == [
        (0.9, 1),
        (0.7, 0),
    ]
    assert claims[1].score is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short one. " + "This sentence has quite enough words in it.", 1),
        ("Five words are enough here.", 1),
        ("Four words are not.", 0),
    ],
)
def test_candidates_need_min_words(text: str, expected: int) -> None:
    doc = Pipeline(["boilerplate.v1", "sentences.v1"])(text)
    assert len(candidates(doc)) == expected


def test_candidates_skip_boilerplate() -> None:
    doc = Pipeline(["boilerplate.v1", "sentences.v1"])(ARTICLE)
    spans = candidates(doc)
    assert all(not doc.is_boilerplate((s, e)) for s, e, _ in spans)
    assert all(doc.text[s].isupper() and doc.text[e - 1] == "." for s, e, _ in spans)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////tmp/kb.db", Path("/tmp/kb.db")),
        ("sqlite:///kb.db?mode=ro", Path("kb.db")),
        ("sqlite+pysqlite:////a/b.db", Path("/a/b.db")),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("postgresql+psycopg://u@h/db", None),
    ],
)
def test_sqlite_path(url: str, expected: Path | None) -> None:
    assert _sqlite_path(url) == expected


def test_in_memory_store_is_no_knowledge_base() -> None:
    assert "in-memory" in str(locate_kb("sqlite://").missing)


@pytest.mark.parametrize(
    "settings",
    [{"k": 0}, {"k": "3"}, {"threshold": 1.5}, {"min_words": 0}, {"min_checkworthy": -1}],
)
def test_bad_settings(settings: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"claims\.v1"):
        make_claims(**settings)  # type: ignore[arg-type]


def test_running_without_a_knowledge_base_is_an_error(tmp_path: Path) -> None:
    component = make_claims(store=str(tmp_path / "none.db"))
    assert isinstance(component, ClaimsComponent) and component.unavailable
    with pytest.raises(Exception, match="cannot run"):
        component(Document("Some text here.", id="x"))
