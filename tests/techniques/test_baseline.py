"""The TF-IDF + LR baseline and the ``semeval`` CLI on a tiny synthetic PTC-style corpus.

The corpus is generated here (invented sentences, no PTC text): a title, a blank line,
one sentence a line; some sentences embed a phrase of a known technique.
"""

from __future__ import annotations

import json
import pickle
import random
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spinscope.document import Document, Span
from spinscope.registry import register
from spinscope.techniques import semeval_cli
from spinscope.techniques.baseline import (
    SIBaseline,
    TCBaseline,
    TechniquesBaseline,
    cross_validate,
    line_spans,
    train,
)
from spinscope.techniques.semeval import (
    PTC,
    PTC_TECHNIQUES,
    fold_splits,
    load_ptc,
    read_si,
    read_tc,
    score_si,
    score_tc,
)
from spinscope.techniques.semeval_cli import semeval_app

PHRASES = {
    "Loaded_Language": ["disgraceful", "monstrous", "outrageous", "vile"],
    "Doubt": ["can anyone really believe them", "is that really true"],
    "Slogans": ["build the bridge now", "our town first"],
    "Appeal_to_Authority": ["experts at the institute confirm", "as the professor said"],
}
NEUTRAL = [
    "The council met on Tuesday to discuss the budget.",
    "Rain is expected in the north later this week.",
    "The library opens at nine in the morning.",
    "Traffic on the main road was light.",
    "A new bakery opened near the station.",
    "The report runs to forty pages.",
]


def make_corpus(n_articles: int = 8, seed: int = 3) -> PTC:
    """Articles with technique phrases embedded in template sentences, plus gold labels."""
    rng = random.Random(seed)
    articles: dict[str, str] = {}
    tc: dict[str, list[tuple[str, int, int]]] = {}
    for i in range(n_articles):
        aid = str(1000 + i)
        text = f"Town news number {i}\n\n"
        rows: list[tuple[str, int, int]] = []
        for j in range(8):
            if j % 2:
                technique = rng.choice(sorted(PHRASES))
                phrase = rng.choice(PHRASES[technique])
                prefix = rng.choice(["Critics said the plan was ", "One resident wrote that "])
                start = len(text) + len(prefix)
                text += f"{prefix}{phrase}, according to the paper.\n"
                rows.append((technique, start, start + len(phrase)))
            else:
                text += rng.choice(NEUTRAL) + "\n"
        articles[aid] = text
        tc[aid] = rows
    si = {aid: [(s, e) for _, s, e in rows] for aid, rows in tc.items()}
    return PTC(articles, si, tc)


def write_corpus(root: Path, ptc: PTC) -> Path:
    for sub in ("articles", "labels-si", "labels-tc"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for aid, text in ptc.articles.items():
        (root / "articles" / f"article{aid}.txt").write_text(text, "utf-8")
        si_lines = "".join(f"{aid}\t{s}\t{e}\n" for s, e in ptc.si[aid])
        (root / "labels-si" / f"article{aid}.task1-SI.labels").write_text(si_lines, "utf-8")
        tc_lines = "".join(f"{aid}\t{t}\t{s}\t{e}\n" for t, s, e in ptc.tc[aid])
        (root / "labels-tc" / f"article{aid}.task2-TC.labels").write_text(tc_lines, "utf-8")
    return root


@pytest.fixture(scope="module")
def corpus() -> PTC:
    return make_corpus()


@pytest.fixture(scope="module")
def model(corpus: PTC) -> TechniquesBaseline:
    return train(corpus)


# -- baseline ---------------------------------------------------------------------


def test_line_spans() -> None:
    text = "Title\n\n  indented line \nlast"
    # "Title" [0,5); blank skipped; "indented line" [9,22) without the spaces; "last" [24,28)
    assert line_spans(text) == [(0, 5), (9, 22), (24, 28)]
    assert line_spans("") == []


def test_tc_baseline_learns_the_phrases(corpus: PTC, model: TechniquesBaseline) -> None:
    items = [(corpus.articles[a], s, e) for a, rows in corpus.tc.items() for _, s, e in rows]
    gold = [t for rows in corpus.tc.values() for t, _, _ in rows]
    predicted = model.tc.predict(items)
    assert {label for label, _ in predicted} <= set(PHRASES)
    assert all(0.0 <= p <= 1.0 for _, p in predicted)
    accuracy = sum(p == g for (p, _), g in zip(predicted, gold, strict=True)) / len(gold)
    assert accuracy >= 0.9  # training data: the phrases are separable
    assert model.tc.classes == sorted(PHRASES)
    assert model.tc.predict([]) == []


def test_si_baseline_flags_the_lines_with_phrases(corpus: PTC, model: TechniquesBaseline) -> None:
    assert model.si is not None
    found = {
        aid: [(s, e) for s, e, _ in model.si.predict(text)] for aid, text in corpus.articles.items()
    }
    for aid, spans in found.items():
        assert set(spans) <= set(line_spans(corpus.articles[aid]))
    score = score_si(corpus.si, found)
    assert score.recall >= 0.9  # every phrase sits in a flagged line on training data


def test_unfitted_models_raise() -> None:
    with pytest.raises(RuntimeError, match="not fitted"):
        TCBaseline().predict([("text", 0, 4)])
    with pytest.raises(RuntimeError, match="not fitted"):
        SIBaseline().predict("text")
    with pytest.raises(ValueError, match="no training spans"):
        TCBaseline().fit([], [])


def test_analyze_and_save_load(tmp_path: Path, corpus: PTC, model: TechniquesBaseline) -> None:
    text = corpus.articles["1000"]
    found = model.analyze(text)
    assert found
    assert all(label in PHRASES and 0 <= p <= 1 for _, _, label, p in found)
    path = tmp_path / "models" / "baseline.pkl"
    model.save(path)
    loaded = TechniquesBaseline.load(path)
    assert loaded.analyze(text) == found
    assert loaded.meta == {"n_articles": 8, "n_spans": 32}
    other = tmp_path / "other.pkl"
    other.write_bytes(pickle.dumps({"format": "something else"}))
    with pytest.raises(ValueError, match="not a"):
        TechniquesBaseline.load(other)


def test_analyze_without_si(corpus: PTC) -> None:
    tc_only = train(corpus, with_si=False)
    assert tc_only.si is None
    with pytest.raises(RuntimeError, match="without an SI model"):
        tc_only.analyze("anything")


def test_cross_validate_small(corpus: PTC) -> None:
    result = cross_validate(corpus, k=2, seed=13)
    assert len(result.folds) == 2
    report = result.to_dict()
    assert set(report["mean"]) == {
        "tc_micro_f1",
        "tc_macro_f1",
        "si_precision",
        "si_recall",
        "si_f1",
    }
    assert all(0.0 <= v <= 1.0 for v in report["mean"].values())
    assert set(result.per_technique_f1) == set(PTC_TECHNIQUES)


@pytest.mark.slow
@pytest.mark.data
def test_baseline_on_one_ptc_fold(shared_data: Path) -> None:
    ptc = load_ptc(shared_data / "ptc")
    train_ids, test_ids = next(fold_splits(ptc.ids))
    baseline = train(ptc, train_ids, with_si=False)
    gold = {aid: ptc.tc[aid] for aid in test_ids}
    labels = iter(
        baseline.classify_spans(ptc.articles[a], [(s, e) for _, s, e in gold[a]]) for a in gold
    )
    pred = {
        aid: [(t, s, e) for (t, _), (_, s, e) in zip(next(labels), gold[aid], strict=True)]
        for aid in gold
    }
    # measured 0.587 on fold 0 (docs/benchmarks.md); a wide margin against machine noise
    assert score_tc(gold, pred, techniques=PTC_TECHNIQUES).f1 > 0.5


# -- CLI --------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture(scope="module")
def ptc_dir(tmp_path_factory: pytest.TempPathFactory, corpus: PTC) -> Path:
    return write_corpus(tmp_path_factory.mktemp("ptc"), corpus)


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory, model: TechniquesBaseline) -> Path:
    path = tmp_path_factory.mktemp("model") / "baseline.pkl"
    model.save(path)
    return path


def test_cli_train_baseline(ptc_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.pkl"
    result = runner.invoke(semeval_app, ["train-baseline", str(ptc_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert TechniquesBaseline.load(out).si is not None


def test_cli_si_with_baseline_then_score(ptc_dir: Path, model_file: Path, tmp_path: Path) -> None:
    pred = tmp_path / "si.tsv"
    args = ["si", str(ptc_dir / "articles"), "-o", str(pred), "--model", f"baseline:{model_file}"]
    result = runner.invoke(semeval_app, args)
    assert result.exit_code == 0, result.output
    predicted = read_si(pred)
    assert set(predicted) <= {f"{1000 + i}" for i in range(8)}
    scored = runner.invoke(
        semeval_app, ["score", "si", str(ptc_dir / "labels-si"), str(pred), "--json"]
    )
    assert scored.exit_code == 0, scored.output
    payload = json.loads(scored.stdout)
    assert payload["task"] == "SI"
    expected = score_si(read_si(ptc_dir / "labels-si"), predicted)
    assert payload["f1"] == pytest.approx(expected.f1)


def test_cli_tc_with_baseline_then_score(ptc_dir: Path, model_file: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.tsv"
    gold = read_tc(ptc_dir / "labels-tc")
    template.write_text(
        "".join(f"{a}\t?\t{s}\t{e}\n" for a, rows in gold.items() for _, s, e in rows), "utf-8"
    )
    pred = tmp_path / "tc.tsv"
    args = ["tc", str(ptc_dir / "articles"), "--spans", str(template), "-o", str(pred)]
    result = runner.invoke(semeval_app, [*args, "--model", f"baseline:{model_file}"])
    assert result.exit_code == 0, result.output
    lines = pred.read_text("utf-8").splitlines()
    assert len(lines) == 32
    assert [line.split("\t")[::2] for line in lines] == [
        line.split("\t")[::2] for line in template.read_text("utf-8").splitlines()
    ]  # same ids and starts, in template order
    scored = runner.invoke(semeval_app, ["score", "tc", str(ptc_dir / "labels-tc"), str(pred)])
    assert scored.exit_code == 0, scored.output
    assert "micro" in scored.stdout
    assert "Loaded_Language" in scored.stdout


def test_cli_score_errors(ptc_dir: Path, tmp_path: Path) -> None:
    pred = tmp_path / "overlap.tsv"
    pred.write_text("1000\t0\t10\n1000\t5\t12\n", "utf-8")
    gold = str(ptc_dir / "labels-si")
    result = runner.invoke(semeval_app, ["score", "si", gold, str(pred)])
    assert result.exit_code == 2
    assert "overlap" in result.stderr
    merged = runner.invoke(semeval_app, ["score", "si", gold, str(pred), "-m", "--json"])
    assert merged.exit_code == 0
    assert json.loads(merged.stdout)["n_pred"] == 1
    partial = tmp_path / "partial.tsv"
    partial.write_text("1000\tDoubt\t0\t4\n", "utf-8")
    tc_gold = str(ptc_dir / "labels-tc")
    strict = runner.invoke(semeval_app, ["score", "tc", tc_gold, str(partial)])
    assert strict.exit_code == 2
    lenient = runner.invoke(
        semeval_app, ["score", "tc", tc_gold, str(partial), "--lenient", "--json"]
    )
    assert lenient.exit_code == 0
    assert json.loads(lenient.stdout)["f1"] == 0.0


def test_cli_bad_model_option(ptc_dir: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.tsv")
    result = runner.invoke(
        semeval_app, ["si", str(ptc_dir / "articles"), "-o", out, "--model", "nope"]
    )
    assert result.exit_code == 2
    assert "baseline:PATH" in result.stderr
    missing = runner.invoke(
        semeval_app,
        ["si", str(ptc_dir / "articles"), "-o", out, "--model", "baseline:/no/such.pkl"],
    )
    assert missing.exit_code == 2


@register("semevaltest.v1", assigns=("techniques",), requires=("sentences",))
def _fake_techniques() -> object:
    """Test double: marks the first word of every sentence as Loaded_Language."""

    def run(doc: Document) -> Document:
        spans = [
            Span(s.start, min(s.end, s.start + 4), "Loaded_Language", 0.9) for s in doc.sentences
        ]
        doc.set_spans("techniques", spans)
        return doc

    return run


def test_cli_si_with_the_pipeline(
    ptc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semeval_cli, "PIPELINE", ("sentences.v1", "semevaltest.v1"))
    out = tmp_path / "si.tsv"
    result = runner.invoke(semeval_app, ["si", str(ptc_dir / "articles"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    predicted = read_si(out)
    # title + 8 sentence lines = 9 sentences per article -> 9 spans
    assert {len(v) for v in predicted.values()} == {9}
    assert predicted["1000"][0] == (0, 4)


def test_cli_pipeline_without_component(
    ptc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semeval_cli, "PIPELINE", ("sentences.v1", "nosuchthing.v1"))
    result = runner.invoke(
        semeval_app, ["si", str(ptc_dir / "articles"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 4
    assert "baseline:PATH" in result.stderr


def test_cli_tc_with_the_pipeline_classifier(
    ptc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def classify(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        assert doc.sentences  # the document went through sentences.v1
        return [("Doubt", 0.5) for _ in spans]

    monkeypatch.setattr(semeval_cli, "_pipeline_classifier", lambda: classify)
    template = tmp_path / "t.tsv"
    template.write_text("1001\t?\t0\t4\n1000\t?\t2\t6\n1000\t?\t2\t6\n", "utf-8")
    out = tmp_path / "tc.tsv"
    args = ["tc", str(ptc_dir / "articles"), "--spans", str(template), "-o", str(out)]
    result = runner.invoke(semeval_app, args)
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == "1001\tDoubt\t0\t4\n1000\tDoubt\t2\t6\n1000\tDoubt\t2\t6\n"


def test_cli_tc_template_for_unknown_article(
    ptc_dir: Path, tmp_path: Path, model_file: Path
) -> None:
    template = tmp_path / "t.tsv"
    template.write_text("999\t?\t0\t4\n", "utf-8")
    args = ["tc", str(ptc_dir / "articles"), "--spans", str(template), "-o", str(tmp_path / "o")]
    result = runner.invoke(semeval_app, [*args, "--model", f"baseline:{model_file}"])
    assert result.exit_code == 2
    assert "without text" in result.stderr


def test_cli_tc_pipeline_model_missing(
    ptc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spinscope.errors import ModelNotFoundError

    def classify(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        raise ModelNotFoundError("no technique model here")

    monkeypatch.setattr(semeval_cli, "_pipeline_classifier", lambda: classify)
    template = tmp_path / "t.tsv"
    template.write_text("1001\t?\t0\t4\n", "utf-8")
    args = ["tc", str(ptc_dir / "articles"), "--spans", str(template), "-o", str(tmp_path / "o")]
    result = runner.invoke(semeval_app, args)
    assert result.exit_code == 4
    assert "no technique model here" in result.stderr


def _bench_module() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "bench" / "techniques.py"
    spec = importlib.util.spec_from_file_location("bench_techniques", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_section_replaces_only_its_markers(tmp_path: Path) -> None:
    bench = _bench_module()
    info = {
        "nproc": 2,
        "cpu": "Test CPU",
        "ram_gib": 4.0,
        "python": "3.11",
        "load_1min_at_start": 0.1,
    }
    meta = {
        "date": "2026-01-01 00:00 UTC",
        "command": ".venv/bin/python bench/techniques.py",
        "articles": 2,
        "chars": 100,
        "repeats": 1,
        "train_articles": 3,
        "train_s": 1.0,
        "load_1min_at_end": 0.2,
    }
    ok = {"status": "ok", "articles_per_s": 10.0, "peak_rss_mib": 100.0, "vm_hwm_mib": 100.0}
    results = [
        {
            "variant": "neural",
            **ok,
            "articles_per_s": 5.0,
            "peak_rss_mib": 300.0,
            "load_s": 1.0,
            "spans": 7,
        },
        {"variant": "baseline", **ok, "load_s": 0.5, "spans": 9},
    ]
    text = bench.section(results, info, meta)
    # neural vs baseline: 5/10 = 0.50× speed, 300/100 = 3.00× RSS
    assert "| 0.50× | 3.00× |" in text
    assert "Test CPU" in text
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Other\n\nkeep me\n", "utf-8")
    bench.update_doc(doc, text)
    bench.update_doc(doc, text.replace("Test CPU", "Other CPU"))
    content = doc.read_text("utf-8")
    assert "keep me" in content
    assert content.count("bench:techniques:begin") == 1
    assert "Other CPU" in content and "Test CPU" not in content
