"""Components as plugins: entry points, declarations, build-time checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import spinscope
from spinscope.document import Document, Span
from spinscope.errors import ConfigError, MissingRequirementError, PipelineError
from spinscope.pipeline import Pipeline
from spinscope.plugins import COMPONENTS, entry_points_of
from spinscope.registry import Component, Registry, register

PLUGIN = textwrap.dedent(
    """
    from spinscope import Document, Span, register

    @register("throwaway.v1", assigns=("shouts",), requires=("tokens",))
    def make_throwaway(min_length: int = 3):
        def shout(doc: Document) -> Document:
            doc.set_spans("shouts", [
                Span(t.start, t.end, "caps") for t in doc.tokens
                if len(t) >= min_length and doc.span_text(t).isupper()
            ])
            return doc
        return shout
    """
)


def _distribution(
    root: Path, entry_points: str, module: str = PLUGIN, name: str = "throwaway_plugin"
) -> Path:
    """A throwaway installed distribution: a module and its dist-info, on ``root``."""
    (root / f"{name}.py").write_text(module)
    info = root / "throwaway_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: throwaway-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[{COMPONENTS}]\n{entry_points}\n")
    return root


@pytest.fixture
def plugin_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = _distribution(tmp_path, "throwaway.v1 = throwaway_plugin:make_throwaway")
    monkeypatch.syspath_prepend(str(root))
    entry_points_of(COMPONENTS, refresh=True)
    yield root
    entry_points_of(COMPONENTS, refresh=True)
    sys.modules.pop("throwaway_plugin", None)


def test_builtins_come_from_entry_points() -> None:
    declared = set(entry_points_of(COMPONENTS))
    assert {
        "boilerplate.v1",
        "sentences.v1",
        "techniques.v1",
        "attribution.v1",
        "labels.v1",
    } <= declared
    assert set(spinscope.load_config().pipeline.components) <= declared


def test_component_from_a_throwaway_distribution(plugin_path: Path) -> None:
    fresh = Registry()  # nothing registered in-process: only the entry point can find it
    assert "throwaway.v1" in fresh.names()
    info = fresh.get("throwaway.v1")
    assert info.requires == ("tokens",)
    assert info.default_config == {"min_length": 3}
    nlp = Pipeline(["sentences.v1", "throwaway.v1"], {"throwaway.v1": {"min_length": 2}})
    doc = nlp("WE are NOT amused, said the BBC.")
    assert [doc.span_text(s) for s in doc.group("shouts")] == ["WE", "NOT", "BBC"]


def test_installed_plugin_runs_from_the_cli(plugin_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("They SHOUT. Nobody listens.")
    env = {**os.environ, "PYTHONPATH": str(plugin_path)}
    listed = subprocess.run(
        [sys.executable, "-m", "spinscope", "components", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    names = [row["name"] for row in json.loads(listed.stdout)]
    assert "throwaway.v1" in names
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "spinscope",
            "analyze",
            str(article),
            "-f",
            "json",
            "-c",
            "sentences.v1,throwaway.v1",
            "--n-process",
            "2",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert [s["label"] for s in record["spans"]["shouts"]] == ["caps"]


@pytest.mark.parametrize(
    ("entry", "module", "name", "message"),
    [
        (
            "broken.v1 = broken_plugin:make",
            "raise ImportError('no numpy')",
            "broken_plugin",
            r"plugin .broken.v1. .* failed to load.*no numpy",
        ),
        (
            "other.v1 = mismatch_plugin:make_throwaway",
            PLUGIN.replace("throwaway.v1", "mismatch.v1"),
            "mismatch_plugin",
            r"names itself 'mismatch\.v1'",
        ),
        (
            "plain.v1 = plain_plugin:make",
            "def make():\n    return None\n",
            "plain_plugin",
            "not a factory decorated with @spinscope.register",
        ),
    ],
)
def test_broken_plugins_are_clear_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    entry: str,
    module: str,
    name: str,
    message: str,
) -> None:
    monkeypatch.syspath_prepend(str(_distribution(tmp_path, entry, module, name)))
    entry_points_of(COMPONENTS, refresh=True)
    try:
        with pytest.raises(PipelineError, match=message):
            Registry().get(entry.split(" = ")[0])
    finally:
        entry_points_of(COMPONENTS, refresh=True)


@register("testreadsfirst.v1", assigns=("reader",), uses=("first",))
def make_reads_first() -> Component:
    return lambda doc: doc


@register("testassignsfirst.v1", assigns=("first",))
def make_assigns_first() -> Component:
    return lambda doc: doc


@pytest.mark.parametrize(
    ("names", "match"),
    [
        # labels.v1 reads the attributions for each label's voice
        (["sentences.v1", "labels.v1", "attribution.v1"], "put 'attribution.v1' before"),
        (["labels.v1"], r"requires \['attributions'\].*add one of \['attribution.v1'\]"),
        (["attribution.v1"], r"requires \['sentences'\]"),
        # a group used when present must not come only later
        (["testreadsfirst.v1", "testassignsfirst.v1"], "'testassignsfirst.v1' before"),
        (["sentences.v1", "techniques.v1", "boilerplate.v1"], "put 'boilerplate.v1' before"),
    ],
)
def test_missing_or_late_requirement_fails_at_build_time(names: list[str], match: str) -> None:
    with pytest.raises(MissingRequirementError, match=match):
        Pipeline(names)


def test_optional_group_may_be_absent() -> None:
    Pipeline(["testreadsfirst.v1"])  # nothing assigns "first": fine
    Pipeline(["testassignsfirst.v1", "testreadsfirst.v1"])


def test_unknown_setting_names_the_valid_ones() -> None:
    with pytest.raises(PipelineError, match=r"unknown setting\(s\) 'treshold'.*threshold"):
        spinscope.load({"components": {"attribution.v1": {"treshold": 0.3}}})


def test_settings_for_an_uninstalled_component() -> None:
    with pytest.raises(ConfigError, match=r"'techniqes\.v1', which is not an installed component"):
        spinscope.load({"components": {"techniqes.v1": {"threshold": 0.3}}})


def test_register_checks_names() -> None:
    with pytest.raises(PipelineError, match=r"stage\.v1"):
        register("noversion")


def test_a_different_factory_under_a_taken_name() -> None:
    with pytest.raises(PipelineError, match="already registered"):
        register("sentences.v1")(lambda: lambda doc: doc)


# -- every built-in reads only what it declares ----------------------------------------

BUILTINS = ["boilerplate.v1", "sentences.v1", "techniques.v1", "attribution.v1", "labels.v1"]

ARTICLE = (
    "Russia warned that the so-called White Helmets were staging attacks. "
    '"They are pseudo-humanitarian personnel," Vladimir Safronkov told the council.\n\n'
    "Share this article\nLeave a comment"
)


@pytest.mark.model
def test_each_builtin_reads_only_declared_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real_group, real_has = Document.group, Document.has_group

    def group(self: Document, name: str) -> object:
        reads.append(name)
        return real_group(self, name)

    def has_group(self: Document, name: str) -> bool:
        reads.append(name)
        return real_has(self, name)

    nlp = Pipeline(BUILTINS).load()
    doc = Document(ARTICLE)
    monkeypatch.setattr(Document, "group", group)
    monkeypatch.setattr(Document, "has_group", has_group)
    for info, component in zip(nlp.infos, nlp._build(), strict=True):
        reads.clear()
        doc = component(doc)
        undeclared = set(reads) - set(info.reads) - set(info.assigns)
        assert not undeclared, f"{info.name} reads {undeclared} without declaring them"


def test_spans_are_what_the_pipeline_assigns() -> None:
    nlp = Pipeline(["boilerplate.v1", "sentences.v1"])
    doc = nlp(Document("One. Two."))
    assert set(doc.spans) <= set(nlp.assigns)
    assert all(isinstance(s, Span) for s in doc.sentences)
