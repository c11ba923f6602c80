"""Export the frozen MiniLM-L6 encoder to (int8) ONNX and cache its features.

The encoder is frozen: heads are trained on the features of the *quantized* encoder,
so training sees exactly what the runtime computes and int8 costs no head accuracy.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

LAYERS = (3, 6)


def export_encoder(out_dir: Path, layers: tuple[int, ...] = LAYERS) -> Path:
    """Write ``encoder.fp32.onnx`` and ``encoder.onnx`` (int8 dynamic) to ``out_dir``."""
    import warnings

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import BertModel

    from spinscope.techniques.train.train import base_model_dir, check_base

    base = base_model_dir()
    check_base(base)
    enc = BertModel.from_pretrained(str(base), add_pooling_layer=False).eval()

    class Wrap(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.e = enc

        def forward(self, ids, mask):  # type: ignore[no-untyped-def]
            hs = self.e(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states
            return torch.cat([hs[i] for i in layers], dim=-1)

    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = out_dir / "encoder.fp32.onnx"
    ids = torch.randint(1000, 2000, (2, 64))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Wrap().eval(),
            (ids, torch.ones_like(ids)),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["feats"],
            dynamic_axes={
                "input_ids": {0: "b", 1: "t"},
                "attention_mask": {0: "b", 1: "t"},
                "feats": {0: "b", 1: "t"},
            },
            opset_version=17,
            dynamo=False,
        )
    q = out_dir / "encoder.onnx"
    quantize_dynamic(str(fp32), str(q), weight_type=QuantType.QInt8)
    return q


def cache(enc_path: Path, texts: list[tuple[str, str]], out: Path, threads: int = 2) -> None:
    """Per-wordpiece encoder features (fp16) of each text -> ``out`` (one .npz)."""
    from spinscope.techniques.data import load_tokenizer
    from spinscope.techniques.model import FeatureEncoder
    from spinscope.techniques.train.train import base_model_dir

    tok = load_tokenizer(base_model_dir() / "tokenizer.json")
    fe = FeatureEncoder.from_onnx(tok, enc_path, threads=threads)
    arrays: dict[str, np.ndarray] = {}
    t0 = time.time()
    for k, (aid, text) in enumerate(texts):
        segs, feats = fe.features(text, [(0, len(text))])
        if not segs:
            continue
        arrays[f"{aid}/ids"] = segs[0].ids
        arrays[f"{aid}/starts"] = segs[0].starts
        arrays[f"{aid}/ends"] = segs[0].ends
        arrays[f"{aid}/feats"] = feats[0].astype(np.float16)
        if k % 20 == 0:
            print(f"{k}/{len(texts)} {time.time() - t0:.0f}s", flush=True)
    np.savez(out, **arrays)
    print(json.dumps({"texts": len(texts), "seconds": round(time.time() - t0, 1)}))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--ptc", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--unlabeled", action="store_true")
    a = p.parse_args()
    from spinscope.techniques.train.ptc import read_ptc, read_unlabeled

    out = Path(a.out)
    q = out / "encoder.onnx"
    if not q.is_file():
        t0 = time.time()
        export_encoder(out)
        print(f"exported in {time.time() - t0:.0f}s", flush=True)
    cache(q, [(x.id, x.text) for x in read_ptc(a.ptc)], out / "feats-labeled.npz")
    if a.unlabeled:
        cache(q, read_unlabeled(a.ptc), out / "feats-unlabeled.npz")


if __name__ == "__main__":
    main()
