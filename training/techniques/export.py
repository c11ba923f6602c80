"""Build the shipped artifact: int8 encoder + token head ONNX + technique head npz.

``python -m training.techniques export --run runs/tech/full --enc runs/enc
--cv runs/tech/cv_report.json --out src/spinscope/models/techniques-v2``
"""

from __future__ import annotations

import hashlib
import json
import shutil
import warnings
from pathlib import Path

import numpy as np

from spinscope.techniques.definitions import TECHNIQUES
from training.techniques.config import ExportConfig
from training.techniques.encoder import LAYERS, encoder_info
from training.techniques.train import BASE_SHA256, base_model_dir, build_head


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_head(run: Path):  # type: ignore[no-untyped-def]
    import torch

    args = json.loads((run / "args.json").read_text())
    state = torch.load(run / "head.pt", weights_only=True)
    in_dim = state["norm.weight"].shape[0]
    head = build_head(
        in_dim,
        args["dim"],
        args["dropout"],
        int(args.get("context", 0)),
        bool(args.get("lex")),
        int(args.get("convs", 1)),
        int(args.get("rnn", 0)),
        float(args.get("aux", 0.0)) > 0,
    )
    head.load_state_dict(state)
    head.eval()
    return head, args, in_dim


def ensemble(runs: list[Path]):  # type: ignore[no-untyped-def]
    """``(module, tc_weight, tc_bias, args, in_dim)`` for one head or an ensemble of heads:
    token logits averaged, head states concatenated, technique weights rearranged so
    that the linear technique head averages the heads' logits."""
    import torch

    loaded = [load_head(r) for r in runs]
    heads = [h for h, _, _ in loaded]
    args, in_dim = loaded[0][1], loaded[0][2]
    n = len(heads)
    blocks = 5 if int(args.get("context", 0)) else 4
    d = args["dim"]

    class Ensemble(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.heads = torch.nn.ModuleList(heads)

        def forward(self, feats, ids):  # type: ignore[no-untyped-def]
            outs = [h(feats, ids) for h in self.heads]
            logits = torch.stack([o[0] for o in outs]).mean(0)
            return logits, torch.cat([o[1] for o in outs], dim=-1)

    ws = [h.tc.weight.detach().numpy() for h in heads]
    w = np.concatenate(
        [
            np.concatenate([wi[:, b * d : (b + 1) * d] for wi in ws], axis=1) / n
            for b in range(blocks)
        ]
        + [sum(wi[:, blocks * d :] for wi in ws) / n],
        axis=1,
    )
    b = sum(h.tc.bias.detach().numpy() for h in heads) / n
    return Ensemble().eval(), w, b, args, in_dim


def export_head(runs: list[Path], out: Path) -> dict:
    """Write ``head.onnx`` and ``tc_head.npz`` for one head or an ensemble of heads."""
    import torch

    model, w, b, args, in_dim = ensemble(runs)
    n = len(runs)
    x = torch.randn(1, 37, in_dim)
    ids = torch.randint(1000, 2000, (1, 37))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            (x, ids),
            str(out / "head.onnx"),
            input_names=["feats", "ids"],
            output_names=["token_logits", "hidden"],
            dynamic_axes={
                "feats": {0: "b", 1: "n"},
                "ids": {0: "b", 1: "n"},
                "token_logits": {0: "b", 1: "n"},
                "hidden": {0: "b", 1: "n"},
            },
            opset_version=17,
            dynamo=False,
        )
    np.savez(out / "tc_head.npz", weight=w.astype(np.float32), bias=b.astype(np.float32))
    import onnxruntime as ort

    sess = ort.InferenceSession(str(out / "head.onnx"), providers=["CPUExecutionProvider"])
    x = torch.randn(1, 300, in_dim)
    ids = torch.randint(1000, 2000, (1, 300))
    with torch.inference_mode():
        lg, h = model(x, ids)
    names = {i.name for i in sess.get_inputs()}
    feed = {"feats": x.numpy(), "ids": ids.numpy()}
    olg, oh = sess.run(None, {k: v for k, v in feed.items() if k in names})
    return {
        "max_abs_diff_logits": float(np.abs(olg - lg.numpy()).max()),
        "max_abs_diff_hidden": float(np.abs(oh - h.numpy()).max()),
        "heads": n,
        "args": args,
    }


def run(cfg: ExportConfig) -> dict:
    """Write the artifact to ``cfg.out``: encoder, tokenizer, heads and ``config.json``
    (returned)."""
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(cfg.enc) / "encoder.onnx", out / "encoder.onnx")
    shutil.copyfile(base_model_dir() / "tokenizer.json", out / "tokenizer.json")
    check = export_head([Path(r) for r in cfg.run], out)
    cv = json.loads(Path(cfg.cv).read_text())
    enc_info = encoder_info(Path(cfg.enc))
    config = {
        "name": cfg.name,
        "labels": list(TECHNIQUES),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (frozen, int8 dynamic)",
        "base_sha256": BASE_SHA256,
        "encoder_layers": enc_info.get("layers", list(LAYERS)),
        "encoder_keep_layers": enc_info.get("keep_layers", 6),
        "encoder_graph": enc_info.get("graph", "int8 dynamic"),
        "inference": cv["inference"],
        "onnx_check": {k: v for k, v in check.items() if k != "args"},
        "train_args": check["args"],
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n")
    print(json.dumps({n: sha256(out / n) for n in sorted(x.name for x in out.iterdir())}, indent=1))
    print(json.dumps(config["onnx_check"]))
    return config
