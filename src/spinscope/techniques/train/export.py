"""Build the shipped artifact: int8 encoder + token head ONNX + technique head npz.

``python -m spinscope.techniques.train.export --run runs/tech/full --enc runs/enc
--cv runs/tech/cv_report.json --out src/spinscope/models/techniques-v1``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import warnings
from pathlib import Path

import numpy as np

from spinscope.techniques.definitions import TECHNIQUES
from spinscope.techniques.train.encoder import LAYERS
from spinscope.techniques.train.train import BASE_SHA256, base_model_dir, build_head


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def export_head(run: Path, out: Path) -> dict:
    import torch

    args = json.loads((run / "args.json").read_text())
    state = torch.load(run / "head.pt", weights_only=True)
    in_dim = state["norm.weight"].shape[0]
    head = build_head(in_dim, args["dim"], args["dropout"])
    head.load_state_dict(state)
    head.eval()
    x = torch.randn(1, 37, in_dim)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            head,
            (x,),
            str(out / "head.onnx"),
            input_names=["feats"],
            output_names=["token_logits", "hidden"],
            dynamic_axes={
                "feats": {0: "b", 1: "n"},
                "token_logits": {0: "b", 1: "n"},
                "hidden": {0: "b", 1: "n"},
            },
            opset_version=17,
            dynamo=False,
        )
    np.savez(
        out / "tc_head.npz",
        weight=head.tc.weight.detach().numpy(),
        bias=head.tc.bias.detach().numpy(),
    )
    # ONNX vs torch agreement.
    import onnxruntime as ort

    sess = ort.InferenceSession(str(out / "head.onnx"), providers=["CPUExecutionProvider"])
    x = torch.randn(1, 300, in_dim)
    with torch.inference_mode():
        lg, h = head(x)
    olg, oh = sess.run(None, {"feats": x.numpy()})
    return {
        "max_abs_diff_logits": float(np.abs(olg - lg.numpy()).max()),
        "max_abs_diff_hidden": float(np.abs(oh - h.numpy()).max()),
        "args": args,
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--run", required=True, help="training dir with head.pt and args.json")
    p.add_argument("--enc", required=True, help="dir with encoder.onnx (int8)")
    p.add_argument("--cv", required=True, help="cv_report.json (thresholds, calibration)")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(a.enc) / "encoder.onnx", out / "encoder.onnx")
    shutil.copyfile(base_model_dir() / "tokenizer.json", out / "tokenizer.json")
    check = export_head(Path(a.run), out)
    cv = json.loads(Path(a.cv).read_text())
    config = {
        "name": "techniques-v1",
        "labels": list(TECHNIQUES),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (frozen, int8 dynamic)",
        "base_sha256": BASE_SHA256,
        "encoder_layers": list(LAYERS),
        "inference": cv["inference"],
        "onnx_check": {k: v for k, v in check.items() if k != "args"},
        "train_args": check["args"],
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n")
    print(json.dumps({n: sha256(out / n) for n in sorted(x.name for x in out.iterdir())}, indent=1))
    print(json.dumps(config["onnx_check"]))


if __name__ == "__main__":
    main()
