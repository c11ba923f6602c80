"""The model card: narrative from Markdown templates, figures from the recorded metrics."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from training.techniques import card

SHIPPED = Path(__file__).parents[2] / "src" / "spinscope" / "models" / "techniques-v2"


@pytest.fixture
def shipped() -> Path:
    if not (SHIPPED / "config.json").is_file():
        pytest.skip("shipped techniques-v2 artifact not present")
    return SHIPPED


@pytest.mark.model
def test_shipped_card_is_reproduced_byte_for_byte(shipped: Path) -> None:
    cv, bench = card.recorded("techniques-v2")
    expected = (shipped / "MODEL_CARD.md").read_text("utf-8")
    assert card.render(shipped, cv, bench) == expected


def _small_artifact(tmp_path: Path, shipped: Path) -> Path:
    model = tmp_path / "model"
    model.mkdir()
    shutil.copy(shipped / "config.json", model / "config.json")
    (model / "head.onnx").write_bytes(b"xyz")
    return model


@pytest.mark.model
def test_card_without_bench_has_no_speed_rows(tmp_path: Path, shipped: Path) -> None:
    cv, _ = card.recorded("techniques-v2")
    text = card.render(_small_artifact(tmp_path, shipped), cv, None, notes="### Notes\n")
    assert "articles/s" not in text
    assert "| SI F1 ≥ 0.48 (goal 0.52) | 0.380 | **no** |" in text
    assert "### Notes\n" in text and "Design notes" not in text
    assert "| `head.onnx` | 3 | `" in text
    assert "| `config.json` |" in text
    assert "$" not in text  # every placeholder filled


@pytest.mark.model
def test_write_from_files(tmp_path: Path, shipped: Path) -> None:
    from training.techniques.config import CardConfig

    model = _small_artifact(tmp_path, shipped)
    cv, bench = card.recorded("techniques-v2")
    (tmp_path / "cv.json").write_text(json.dumps(cv))
    (tmp_path / "bench.json").write_text(json.dumps(bench))
    out = card.write(
        CardConfig(
            model=str(model), cv=str(tmp_path / "cv.json"), bench=str(tmp_path / "bench.json")
        )
    )
    assert out == model / "MODEL_CARD.md"
    assert "11.15 articles/s over 165 PTC articles (751,233 characters)" in out.read_text()


@pytest.mark.parametrize(
    ("si", "tc", "ece", "met"),
    [(0.5, 0.61, 0.01, ["yes", "yes", "yes"]), (0.3, 0.5, 0.2, ["**no**"] * 3)],
)
def test_targets_table(si: float, tc: float, ece: float, met: list[str]) -> None:
    cv = {"mean": {"si_f1": si, "tc_micro_f1": tc}, "ece_span_scores_crossfit": ece}
    rows = [r for r in card.targets(cv, None).splitlines() if r.startswith("| ") and "≥" in r]
    rows += [r for r in card.targets(cv, None).splitlines() if "ECE" in r]
    assert [r.rsplit("|", 2)[1].strip() for r in rows] == met


def test_templates_have_no_stray_placeholders() -> None:
    for name in ("card.md", "speed.md", "targets.md", "design_notes.md"):
        text = (card.TEMPLATES / name).read_text("utf-8")
        assert "spinscope.techniques.train" not in text
        assert "{" not in text.replace("${", "")
