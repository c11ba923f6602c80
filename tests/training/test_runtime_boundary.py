"""The installed package never imports the training code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from spinscope.cli import app

SRC = Path(__file__).parents[2] / "src" / "spinscope"


def test_spinscope_has_no_train_command() -> None:
    result = CliRunner().invoke(app, ["train", "--help"])
    assert result.exit_code != 0


def test_runtime_sources_do_not_import_training() -> None:
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "from training" in p.read_text("utf-8") or "import training" in p.read_text("utf-8")
    ]
    assert offenders == []


def test_cli_import_loads_no_training_module() -> None:
    code = "import sys, spinscope.cli; print(any(m.startswith('training') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
