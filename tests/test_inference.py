"""spinscope.inference: model folders, worker counts, per-process thread pools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope import inference
from spinscope.errors import ModelNotFoundError


def test_model_folder_reads_config(tmp_path: Path) -> None:
    for name in ("encoder.onnx", "tokenizer.json"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "config.json").write_text(json.dumps({"dim": 4}), "utf-8")
    onnx_path, tok_path, cfg = inference.model_folder(tmp_path, "test model")
    assert (onnx_path.name, tok_path.name, cfg) == ("encoder.onnx", "tokenizer.json", {"dim": 4})


def test_model_folder_names_the_missing_file(tmp_path: Path) -> None:
    (tmp_path / "encoder.onnx").write_bytes(b"")
    with pytest.raises(ModelNotFoundError, match=r"test model file missing: .*tokenizer\.json"):
        inference.model_folder(tmp_path, "test model")


def test_inference_workers_explicit_setting_wins() -> None:
    assert inference.inference_workers(3) == 3
    assert inference.inference_workers() >= 1


def test_process_pool_is_made_anew_in_another_process(monkeypatch: pytest.MonkeyPatch) -> None:
    pool = inference.ProcessPool(2, "test-pool")
    first = pool.get()
    assert pool.get() is first
    # a forked child has another pid and no threads of the parent's pool
    monkeypatch.setattr(inference.os, "getpid", lambda: -1)
    assert pool.get() is not first
