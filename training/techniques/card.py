"""Write ``MODEL_CARD.md`` for an artifact from its CV report and benchmark.

``python -m training.techniques card --model DIR --cv cv_report.json --bench bench.json``

The narrative lives in Markdown templates (``card_templates/``, ``string.Template``
placeholders); this module only computes the values and tables that fill them. The
model's own settings (decoding, calibration, training arguments) come from its
``config.json``, the measured figures from the CV report and the benchmark.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import Any

from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES
from training.techniques.config import CardConfig
from training.techniques.export import sha256

TEMPLATES = Path(__file__).with_name("card_templates")
#: Figures of shipped artifacts (CV report and bench, as published in their cards).
RECORDED = Path(__file__).with_name("cards")


def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text("utf-8"))


def _f(x: float) -> str:
    return f"{x:.3f}"


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def targets(cv: Mapping[str, Any], bench: Mapping[str, Any] | None) -> str:
    """The model's measured figures against the project's targets (a Markdown table)."""
    m = cv["mean"]
    ece = cv["ece_span_scores_crossfit"]
    rows = [
        ("SI F1 ≥ 0.48 (goal 0.52)", _f(m["si_f1"]), _yes(m["si_f1"] >= 0.48)),
        ("TC micro-F1 ≥ 0.60 (goal 0.64)", _f(m["tc_micro_f1"]), _yes(m["tc_micro_f1"] >= 0.60)),
        ("ECE of span scores ≤ 0.05", _f(ece), _yes(ece <= 0.05)),
    ]
    if bench:
        rows += [
            (
                "≥ 10 PTC articles/s on 2 cores",
                f"{bench['articles_per_s']}",
                _yes(bench["articles_per_s"] >= 10),
            ),
            ("model load < 2 s", f"{bench['load_s']:.2f} s", _yes(bench["load_s"] < 2)),
        ]
    body = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    return _template("targets.md").substitute(rows=body)


def speed(bench: Mapping[str, Any] | None) -> str:
    """The Speed section's bullet points (empty without a benchmark)."""
    if not bench:
        return ""
    return _template("speed.md").substitute(
        articles_per_s=bench["articles_per_s"],
        articles=bench["articles"],
        chars=f"{bench['chars']:,}",
        threads=bench["threads"],
        cpu_count=bench["cpu_count"],
        loadavg=f"{bench['loadavg'][0]:.1f}",
        load_s=f"{bench['load_s']:.2f}",
        artifact_mb=f"{bench['artifact_bytes'] / 1e6:.1f}",
    )


def render(
    model: Path, cv: Mapping[str, Any], bench: Mapping[str, Any] | None, notes: str = ""
) -> str:
    """The card of the artifact in ``model`` (``notes`` replaces the design notes)."""
    cfg = json.loads((model / "config.json").read_text())
    inf = cfg["inference"]
    args = cfg["train_args"]
    m = cv["mean"]
    fold_rows = "\n".join(
        f"| {r['fold']} | {r['articles']} | {r['threshold']} | {_f(r['si_precision'])} | "
        f"{_f(r['si_recall'])} | {_f(r['si_f1'])} | {_f(r['tc_micro_f1'])} | "
        f"{_f(r['tc_macro_f1'])} |"
        for r in cv["folds"]
    )
    mean_row = (
        f"| **mean** | | | {_f(m['si_precision'])} | {_f(m['si_recall'])} | "
        f"**{_f(m['si_f1'])}** | **{_f(m['tc_micro_f1'])}** | {_f(m['tc_macro_f1'])} |"
    )
    per = cv["pooled_tc"]["per_technique_f1"]
    per_rows = "\n".join(f"| {DEFINITIONS[t].name} (`{t}`) | {_f(per[t])} |" for t in TECHNIQUES)
    files = sorted(p for p in model.iterdir() if p.is_file() and p.name != "MODEL_CARD.md")
    file_rows = "\n".join(f"| `{p.name}` | {p.stat().st_size:,} | `{sha256(p)}` |" for p in files)
    layers = cfg["encoder_layers"]
    return _template("card.md").substitute(
        name=cfg["name"],
        base_sha256=cfg["base_sha256"],
        keep_layers=cfg.get("encoder_keep_layers", 6),
        layers=layers,
        width=384 * len(layers),
        max_len=inf["max_len"],
        stride=inf["stride"],
        no_overlap_stride=inf["max_len"] - 2,
        n_heads=cfg["onnx_check"].get("heads", 1),
        threshold=inf["threshold"],
        max_gap=inf["max_gap"],
        temperature=inf["temperature"],
        second_label_min=inf["second_label_min"],
        calib=[round(x, 4) for x in inf["calib"]],
        dim=args["dim"],
        epochs=args["epochs"],
        lr=args["lr"],
        chunk=args["chunk"],
        batch_size=args["batch_size"],
        dropout=args["dropout"],
        class_weight_power=args["class_weight_power"],
        seed=args["seed"],
        n_folds=len(cv["folds"]),
        fold_rows=fold_rows,
        mean_row=mean_row,
        ece_span=_f(cv["ece_span_scores_crossfit"]),
        n_calibration_points=f"{cv['n_calibration_points']:,}",
        ece_tc=_f(cv["ece_tc_top1_crossfit"]),
        targets=targets(cv, bench),
        per_technique_rows=per_rows,
        design_notes=notes or (TEMPLATES / "design_notes.md").read_text("utf-8"),
        speed=speed(bench),
        file_rows=file_rows,
    )


def recorded(name: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """``(cv, bench)`` recorded for the shipped artifact ``name`` (``cards/NAME.json``)."""
    doc = json.loads((RECORDED / f"{name}.json").read_text("utf-8"))
    return doc["cv"], doc.get("bench")


def write(cfg: CardConfig) -> Path:
    """Render the card of ``cfg.model`` and write it to ``MODEL_CARD.md`` there."""
    model = Path(cfg.model)
    cv = json.loads(Path(cfg.cv).read_text())
    bench = json.loads(Path(cfg.bench).read_text()) if cfg.bench else None
    notes = Path(cfg.notes).read_text() if cfg.notes else ""
    out = model / "MODEL_CARD.md"
    out.write_text(render(model, cv, bench, notes), encoding="utf-8")
    return out
