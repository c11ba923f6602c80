"""The speaker-confidence experiment: its evidence record, measures and training run.

Fixtures are invented text and made-up samples.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from training.attribution import confidence
from training.attribution.evidence import SpeakerEvidence, speaker_evidence

from spinscope.attribution.component import analyse_traced
from spinscope.document import Document


def _evidence(text: str, cue: str) -> SpeakerEvidence:
    a = analyse_traced(Document(text))
    ev = speaker_evidence(text, a.sentences, a.attributions, a.speakers, a.links, a.resolutions)
    at = text.index(cue)
    k = next(k for k, att in enumerate(a.attributions) if att.cue[0] == at)
    found = ev[k]
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "Mayor Jo Roe said the bridge will reopen in May.",
            "said",
            {"name": 1.0, "pronoun": 0.0, "new": 1.0, "inverted": 0.0, "same_sentence": 1.0},
        ),
        (
            "“The bridge will reopen in May,” said Mayor Jo Roe.",
            "said",
            {"name": 1.0, "inverted": 1.0, "direct": 1.0, "saying": 1.0, "colon": 0.0},
        ),
        (
            "Mayor Jo Roe said the bridge will reopen in May. "
            "She added that it would cost the city two million dollars.",
            "added",
            {"pronoun": 1.0, "earlier": 1.0, "gap_unknown": 0.0, "person": 1.0, "named": 1.0},
        ),
        (
            "Officials said the road was closed for the night.",
            "said",
            {"description": 1.0, "named": 0.0, "new": 1.0},
        ),
        (
            "Mayor Lena Ortiz said the bridge would be rebuilt by spring.\n\n"
            "“We have the money and we have the will to finish it.”\n\n"
            "The council meets on Friday.",
            "said the bridge",
            {"adjacent": 0.0, "same_sentence": 1.0, "sentences_apart": 0.0},
        ),
    ],
)
def test_evidence_records_what_the_resolver_knew(
    text: str, cue: str, expected: dict[str, float]
) -> None:
    ev = _evidence(text, cue)
    assert {k: getattr(ev, k) for k in expected} == expected
    assert len(ev.vector()) == len(SpeakerEvidence.names())


def test_a_continuing_quotation_is_marked_adjacent_and_shares_its_source() -> None:
    text = (
        "Mayor Lena Ortiz said the bridge would be rebuilt by spring.\n\n"
        "“We have the money and we have the will to finish it.”\n\n"
        "The council meets on Friday."
    )
    a = analyse_traced(Document(text))
    ev = speaker_evidence(text, a.sentences, a.attributions, a.speakers, a.links, a.resolutions)
    quoted = text.index("“We")
    k = next(k for k, att in enumerate(a.attributions) if att.content[0][0] == quoted)
    assert ev[k] is not None
    assert (ev[k].adjacent, ev[k].same_sentence, ev[k].shared_source > 0) == (1.0, 0.0, True)


@pytest.mark.parametrize(
    ("y", "p", "auc"),
    [
        ([1, 1, 0, 0], [0.9, 0.8, 0.3, 0.1], 1.0),
        ([1, 1, 0, 0], [0.1, 0.3, 0.8, 0.9], 0.0),
        ([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5], 0.5),
    ],
)
def test_auc(y: list[int], p: list[float], auc: float) -> None:
    assert confidence.auc(np.asarray(y), np.asarray(p)) == auc


def test_figures_split_the_speakers_at_each_threshold() -> None:
    y = np.asarray([1, 1, 1, 0, 0])
    p = np.asarray([0.95, 0.9, 0.75, 0.55, 0.45])
    f = confidence.figures(y, p)
    cut = {c["threshold"]: c for c in f["thresholds"]}
    assert (cut[0.5]["below"], cut[0.5]["precision_below"]) == (1, 0.0)
    assert (cut[0.8]["below"], cut[0.8]["precision_above"], cut[0.8]["precision_below"]) == (
        3,
        1.0,
        pytest.approx(1 / 3, abs=1e-3),
    )
    assert sum(b["n"] for b in f["reliability"]) == 5
    assert f["brier"] == pytest.approx(float(((p - y) ** 2).mean()), abs=1e-4)


@pytest.mark.parametrize(
    ("devset", "family"),
    [
        ("speakers-fakenewsnet-blind3", "FakeNewsNet"),
        ("speakers-ptc-blind7", "PTC"),
        ("speakers-html-eval-blind2", "html-eval"),
    ],
)
def test_family(devset: str, family: str) -> None:
    assert confidence.family(devset) == family


def test_held_out_sets_are_never_read(tmp_path: Path) -> None:
    for name in ("speakers-ptc-blind12", "speakers-fakenewsnet-blind10", "speakers-ptc-blind"):
        (tmp_path / f"{name}.jsonl").write_text("", "utf-8")
    assert [p.stem for p in confidence.devset_files(tmp_path)] == ["speakers-ptc-blind"]


def _samples(n: int = 120) -> list[confidence.Sample]:
    """Made-up samples: the speaker is wrong where the first feature is high."""
    rng = np.random.default_rng(0)
    width = len(SpeakerEvidence.names())
    out = []
    for i in range(n):
        x = rng.normal(size=width)
        devset = ("speakers-ptc-blind", "speakers-fakenewsnet", "speakers-html-eval-blind")[i % 3]
        out.append(confidence.Sample(devset, f"a{i}", x.tolist(), int(x[0] < 0.8)))
    return out


def test_cross_validation_predicts_each_group_from_the_others() -> None:
    samples = _samples()
    p = confidence.cross_validate(samples, lambda s: s.devset, confidence.fit_constant)
    for devset in {s.devset for s in samples}:
        others = [s.right for s in samples if s.devset != devset]
        mine = [q for q, s in zip(p, samples, strict=True) if s.devset == devset]
        assert mine == pytest.approx([sum(others) / len(others)] * len(mine))


def test_run_writes_the_report_and_weights(tmp_path: Path) -> None:
    cache = tmp_path / "samples.json"
    cache.write_text(json.dumps([s.__dict__ for s in _samples()]), "utf-8")
    cfg = confidence.ConfidenceConfig(
        samples=cache, report=tmp_path / "cv.json", out=tmp_path / "model.json"
    )
    report = confidence.run(cfg)
    assert report["samples"] == 120
    assert report["leave-one-set-out"]["logistic"]["auc"] > 0.8
    model = json.loads((tmp_path / "model.json").read_text("utf-8"))
    assert model["features"] == SpeakerEvidence.names()
    x = np.asarray([s.features for s in _samples()])
    p = confidence.predict(model, x)
    assert p.shape == (120,) and ((p > 0) & (p < 1)).all()
