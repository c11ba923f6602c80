"""Export all-MiniLM-L6-v2 as a sentence encoder: ``(input_ids, attention_mask) ->
embeddings`` (mean pooling over real wordpieces, L2-normalised), fused and int8.

Pooling and normalisation live inside the graph so the runtime is one ``session.run``:
the sentence-transformers recipe of this model (``1_Pooling`` mean, ``2_Normalize``).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from training.options import option
from training.techniques.encoder import export_onnx, fuse_and_quantize
from training.techniques.train import BASE_SHA256, base_model_dir

#: all-MiniLM-L6-v2 was trained on pairs of up to 128 wordpieces (its
#: sentence_bert_config says max_seq_length 256); claims and sentences are short.
MAX_LENGTH = 256


@dataclass(kw_only=True)
class ExportConfig:
    out: Path = option(
        Path("src/spinscope/models/minilm-l6-v2"), help="folder of the shipped model"
    )
    keep_fp32: bool = option(False, help="keep the fp32 graphs next to the int8 one")
    state: Path | None = option(None, help="fine-tuned encoder.pt to export (default: base)")
    name: str = option("minilm-l6-v2", help="model name written to config.json")
    layers: int = option(6, help="transformer layers of --state (a distilled student has 3 or 4)")
    distilled: bool = option(
        False, help="--state is a student distilled into the base's vector space"
    )


def export(cfg: ExportConfig) -> Path:
    """Write ``encoder.onnx``, ``tokenizer.json`` and ``config.json`` to ``cfg.out``."""
    import torch

    from training.techniques.finetune import load_encoder

    enc = load_encoder(cfg.layers, cfg.state).eval()

    class SentenceEncoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = enc

        def forward(self, ids, mask):  # type: ignore[no-untyped-def]
            hidden = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    out = cfg.out
    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "encoder.fp32.onnx"
    export_onnx(SentenceEncoder().eval(), fp32, output="embeddings", pooled=True)
    q = fuse_and_quantize(
        fp32,
        out,
        num_heads=enc.config.num_attention_heads,
        hidden_size=enc.config.hidden_size,
        layers=enc.config.num_hidden_layers,
        # One scale per output channel: per-tensor int8 moved sentence vectors to a mean
        # cosine of 0.964 with the fp32 model on 300 CheckThat! claims, per channel 0.993.
        per_channel=True,
    )
    if not cfg.keep_fp32:
        fp32.unlink()
        (out / "encoder.opt.fp32.onnx").unlink()
    base = base_model_dir()
    shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
    (out / "config.json").write_text(
        json.dumps(
            {
                "name": cfg.name,
                "base": "sentence-transformers/all-MiniLM-L6-v2",
                "base_sha256": BASE_SHA256,
                # A fine-tuned model says so: its vectors are not comparable to the base's.
                # A distilled student's are meant to be (it was trained to match them).
                **({"fine_tuned": True} if cfg.state and not cfg.distilled else {}),
                **({"distilled_from": "minilm-l6-v2"} if cfg.distilled else {}),
                "layers": int(enc.config.num_hidden_layers),
                "dim": int(enc.config.hidden_size),
                "max_length": MAX_LENGTH,
                "lowercase": True,
                "pooling": "mean",
                "normalized": True,
                "quantization": "int8 dynamic (QInt8 weights, per channel), fused attention",
            },
            indent=2,
        )
        + "\n"
    )
    return q
