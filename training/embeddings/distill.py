"""Distil all-MiniLM-L6-v2 into a 3- or 4-layer query encoder that writes in the teacher's space.

Claim matching embeds every sentence of an article, and the fact-check knowledge base holds
vectors the 6-layer teacher wrote at import. A student that puts a text where the teacher
puts it can embed the queries at half the cost and still search the teacher's vectors
(asymmetric search), so the knowledge base need not be re-embedded.

Student: the teacher's embeddings and three or four of its six layers (``--layers``,
0-based; ``--probe N`` first trains each candidate set of that size on N texts and keeps
the best), the same tokenizer, mean pooling and L2 normalisation. Loss: ``1 - cosine``
between the student's vector and the teacher's final normalised vector (on unit vectors
that is the MSE up to a factor ``dim / 2``), optionally plus ``--token-weight`` times the
relative squared error of the student's last hidden states to the teacher's, wordpiece by
wordpiece. Teacher vectors (and token states) are computed once in fp32 and cached as
``.npy`` under ``--cache`` (never in the repository). AdamW with linear warm-up and
decay over the steps, or over a time budget (``--minutes``: on a shared machine the steps
per minute are unknown in advance). A checkpoint (``checkpoint.pt``, ``encoder.pt``, and
a line of held-out fidelity in ``history.jsonl``) is written every
``--checkpoint-minutes`` and each epoch; ``--resume`` continues from it.

Training texts (:func:`training_texts`): sentences of PTC's unlabelled articles and of
FakeNewsNet v1 articles (titles too), every claim and review title of the four fact-check
sources (EUvsDisinfo, Snopes, LIAR, CheckThat! 2020 verified claims) and the CheckThat!
2020 train tweets. Held out for evaluation only: the CheckThat! 2020 dev tweets, the
sentences of PTC's labelled articles and every article named in the same-claim devsets.

Measured (:func:`evaluate_student`): fidelity (cosine of student and teacher vectors) on
held-out texts; dense MAP@5 on CheckThat! 2020 dev with student queries over teacher
claim vectors (asymmetric) and over student claim vectors; the cosine's weighted ROC AUC
and recall at weighted precision 0.85 on the annotated same-claim pairs, student sentence
against teacher fact-check vectors.

Measured (2 CPU cores shared with other work, nice 19). Teacher vectors of the 63,798
training texts: 12.5 minutes. Layer probe (each set trained on 5,000 texts, 1 epoch, lr
1e-4; fidelity on 2,000 held-out PTC sentences): layers 1,3,5 mean cosine 0.798, 0,2,4
0.616, 0,1,2 0.538 -- the student needs the teacher's last layer. Layers 1,3,5 on 50,000
texts, 1 epoch, lr 2e-4, batch 64 (15 minutes): fidelity mean / 5th percentile 0.890 /
0.803 (PTC labelled sentences), 0.894 / 0.816 (CT20 dev tweets); dev MAP@5 with student
queries over teacher claims 0.8035 (teacher/teacher 0.8036; student/student 0.8007). The
same-claim cosine lost more: weighted ROC AUC 0.951 -> 0.933 on claim-matches.jsonl,
0.918 -> 0.880 pooled with -shown and -ptc. Its int8 export (``distill-check``): MAP@5
0.8118 vs 0.8124, AUC 0.944 -> 0.925, 2.1x the sentences per second of the shipped
encoder. Retrieval survives a 0.89-cosine student because ranking needs only the order of
far-apart claims; the same-claim decision reads a cosine near 0.75-0.8, where a student
error of 0.1 moves a pair across the threshold. Not shipped.

Four layers (same machine, shared with another training job for the first half hour).
Probe (5,000 texts, 1 epoch, lr 1e-4; fidelity mean / 5th percentile on the 2,000 PTC
sentences): layers 0,2,4,5 0.909 / 0.837, 0,1,3,5 0.877 / 0.795, 1,2,3,5 0.849 / 0.765
(1,3,5 had 0.798 at that budget). The per-token loss (``--token-weight 1``) on 0,2,4,5,
same texts: 0.909 / 0.837 -- no gain per text, for a third more time per text (the
teacher's token states of 5,000 texts took 2.4 minutes), so the long run uses the cosine
alone. Long run: layers 0,2,4,5, all 63,798 texts, lr 2e-4, batch 64, ``--minutes 68``
(3 epochs in 63 minutes); fidelity (PTC sentences; CT20 dev tweets) per checkpoint:
15 min (0.6 epoch) 0.933 / 0.873; 0.932 / 0.876 -- 29 min (1 epoch) 0.940 / 0.880;
0.941 / 0.892 -- 45 min 0.945 / 0.889; 0.947 / 0.906 -- 52 min (2 epochs) 0.947 / 0.892;
0.950 / 0.911 -- 63 min (3 epochs) 0.949 / 0.896; 0.952 / 0.912. fp32 dev MAP@5:
student/teacher 0.8244, student/student 0.8348 (teacher/teacher 0.8036; the verified
claims themselves are training texts, the dev tweets are not). Its int8 export
(``distill-check``, ``--kb`` the 46,010 fact-checks of four sources): fidelity 0.943 /
0.891 (PTC), 0.946 / 0.909 (tweets); MAP@5 0.8149 (student/student 0.8203) vs 0.8124;
same-claim weighted ROC AUC on claim-matches.jsonl 0.944 -> 0.926 (student sentence vs
teacher fact-check; student vs student 0.938), pooled with -shown and -ptc 0.914 -> 0.886
(0.894); 1.31x the sentences per second of the shipped encoder (378 vs 290, 2 workers,
load 2-3). Below the bar (mean cosine 0.97, AUC within 0.005): fidelity rose 0.007 in
the second epoch and 0.002 in the third (the learning rate decaying), and the asymmetric
AUC is the 3-layer student's, so more epochs of this recipe alone are unlikely to close
the gap. Not shipped.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from training.embeddings.finetune import map_at_5, split_queries, verified_claims
from training.options import option

#: Wordpieces kept per text while training (article sentences and claims are short).
MAX_LENGTH = 128
DEVSETS = (
    Path("bench/devsets/claim-matches.jsonl"),
    Path("bench/devsets/claim-matches-shown.jsonl"),
    Path("bench/devsets/claim-matches-ptc.jsonl"),
)
#: Fewer words than this is a heading or a fragment, not a sentence worth learning from.
MIN_WORDS = 3


@dataclass(kw_only=True)
class DistillConfig:
    shared: Path = option(Path("../shared"), help="shared folder (data/, samples/)")
    out: Path = option(Path("runs/minilm-l3-distill"), help="folder for encoder.pt, metrics")
    layers: tuple[int, ...] = option((0, 2, 4), help="teacher layers kept (0-based)")
    probe: int = option(
        0,
        help="first pick the layers: train each candidate set of as many layers as --layers "
        "has on this many texts (0 = no)",
    )
    probe_only: bool = option(False, help="stop after the probe (report its fidelities)")
    max_texts: int = option(150_000, help="training texts at most (a seeded sample)")
    epochs: int = option(2, help="passes over the training texts")
    lr: float = option(1e-4, help="AdamW peak learning rate (linear warm-up and decay)")
    batch: int = option(64, help="texts per batch (batches group texts of similar length)")
    token_weight: float = option(
        0.0,
        help="weight of the per-token loss (the student's last hidden states against the "
        "teacher's, run alongside; 0 = sentence vectors only)",
    )
    checkpoint_minutes: float = option(
        20.0, help="save a checkpoint and measure fidelity at least this often (and per epoch)"
    )
    resume: bool = option(False, help="continue from --out's checkpoint.pt")
    minutes: float = option(
        0.0,
        help="training time budget (0 = none): the learning rate decays to 0 over the "
        "budget instead of the steps, and training stops when it is spent (or --epochs are)",
    )
    cache: Path = option(Path("/tmp/distill-cache"), help="folder for cached teacher vectors")
    kb: Path | None = option(None, help="knowledge-base store (read-only) for same-claim pairs")
    held_out_sentences: int = option(2000, help="PTC labelled sentences for fidelity")
    seed: int = option(13, help="seed of sampling and shuffling")
    threads: int = option(2, help="torch threads")


# ---------------------------------------------------------------------------- texts


def clean_text(text: str) -> str:
    """A text as the encoder sees it at run time (links dropped, whitespace collapsed)."""
    from spinscope.factchecks.retrieval import query_text

    return query_text(text)


def article_sentences(text: str) -> Iterator[str]:
    """The sentences of an article, cut by ``sentences.v1`` as the runtime cuts them."""
    from spinscope.segment import sentence_offsets

    for s, e in sentence_offsets(text):
        yield text[s:e]


def devset_docs(paths: Iterable[Path] = DEVSETS) -> set[str]:
    """Ids of the articles the same-claim devsets annotate (never trained on)."""
    docs = set()
    for p in paths:
        if p.is_file():
            for line in p.read_text("utf-8").splitlines():
                if line.strip():
                    docs.add(json.loads(line)["doc"])
    return docs


def _ptc_unlabelled(shared: Path, skip: set[str]) -> Iterator[str]:
    for p in sorted((shared / "data" / "ptc" / "unlabeled").glob("*.txt")):
        if f"ptc/{p.stem}" not in skip:
            yield from article_sentences(p.read_text("utf-8"))


def _fakenewsnet(shared: Path, skip: set[str]) -> Iterator[str]:
    root = shared / "data" / "corpora" / "fakenewsnet-v1"
    for p in sorted(root.glob("*/*NewsContent/*-Webpage.json")):
        doc_id = p.name.removesuffix("-Webpage.json")
        if f"fnn/{doc_id}" in skip:
            continue
        page = json.loads(p.read_text("utf-8"))
        if page.get("title"):
            yield str(page["title"])
        yield from article_sentences(str(page.get("text") or ""))


def _factchecks(shared: Path) -> Iterator[str]:
    """Claim texts and review titles of the four sources, read by spinscope's importers."""
    from spinscope.factchecks.importers import get_importer
    from spinscope.factchecks.model import ClaimReview

    fc = shared / "data" / "factchecks"
    files = [
        ("euvsdisinfo", fc / "euvsdisinfo" / "cases-2015-2017.csv"),
        ("euvsdisinfo", fc / "euvsdisinfo" / "index-2015-2021.csv"),
        ("ct20", fc / "ct20-claim-retrieval" / "verified_claims.docs.tsv"),
        *[("liar", p) for p in sorted((fc / "liar").glob("*.tsv"))],
        *[("snopes", p) for p in sorted((fc / "snopes").glob("*-stories.json"))],
    ]
    for fmt, path in files:
        for item in get_importer(fmt).read(path):
            if isinstance(item, ClaimReview):
                yield item.claim_text
                if item.review_title:
                    yield item.review_title


def _ct20_train_tweets(shared: Path) -> Iterator[str]:
    from spinscope.factchecks.claim_retrieval import read_queries

    path = shared / "data" / "factchecks" / "ct20-claim-retrieval" / "train"
    for q in read_queries(path / "tweets.queries.tsv"):
        yield q.text


def dedupe(texts: Iterable[str], min_words: int = MIN_WORDS) -> list[str]:
    """Cleaned texts of at least ``min_words`` words, each once (case-insensitively)."""
    seen: set[str] = set()
    out = []
    for raw in texts:
        t = clean_text(raw)
        key = t.lower()
        if len(t.split()) >= min_words and key not in seen:
            seen.add(key)
            out.append(t)
    return out


def training_texts(shared: Path) -> dict[str, list[str]]:
    """Training texts by origin, held-out articles and tweets excluded."""
    skip = devset_docs()
    return {
        "ptc_unlabelled": dedupe(_ptc_unlabelled(shared, skip)),
        "fakenewsnet_v1": dedupe(_fakenewsnet(shared, skip)),
        "factchecks": dedupe(_factchecks(shared)),
        "ct20_train_tweets": dedupe(_ct20_train_tweets(shared)),
    }


def held_out_texts(shared: Path, n_sentences: int, seed: int) -> dict[str, list[str]]:
    """Evaluation texts: a seeded sample of PTC labelled-article sentences, CT20 dev tweets."""
    sents = dedupe(
        s
        for p in sorted((shared / "data" / "ptc" / "articles").glob("*.txt"))
        for s in article_sentences(p.read_text("utf-8"))
    )
    random.Random(seed).shuffle(sents)
    tweets, _ = split_queries(shared / "data" / "factchecks" / "ct20-claim-retrieval", "dev")
    return {"ptc_labelled_sentences": sents[:n_sentences], "ct20_dev_tweets": list(tweets.values())}


# ---------------------------------------------------------------------------- models


def teacher(attn: str = "sdpa"):  # type: ignore[no-untyped-def]
    """The pinned all-MiniLM-L6-v2 (sha256-checked), fp32."""
    from transformers import BertModel

    from training.techniques.train import base_model_dir, check_base

    base = base_model_dir()
    check_base(base)
    return BertModel.from_pretrained(str(base), add_pooling_layer=False, attn_implementation=attn)


def student(layers: tuple[int, ...], attn: str = "sdpa"):  # type: ignore[no-untyped-def]
    """The teacher's embeddings and its ``layers`` (0-based, in order): a state dict of it
    loads into ``load_encoder(len(layers))``."""
    import torch

    enc = teacher(attn)
    enc.encoder.layer = torch.nn.ModuleList([enc.encoder.layer[i] for i in layers])
    enc.config.num_hidden_layers = len(layers)
    return enc


def encode(enc, tok, texts: list[str], batch: int = 128) -> np.ndarray:  # type: ignore[no-untyped-def]
    """float32 unit vectors of ``texts`` (mean pooling), batched by length."""
    from training.embeddings.finetune import encode_all

    return encode_all(enc, tok, texts, batch)


def cached_vectors(enc, tok, texts: list[str], cache: Path, tag: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    """``encode`` memoised on disk by (tag, texts): the teacher's vectors of a corpus are
    computed once for every run and evaluation."""
    h = hashlib.sha256("\n".join([tag, *texts]).encode()).hexdigest()[:16]
    path = cache / f"{tag}-{h}.npy"
    if path.is_file():
        return np.load(path)
    vec = encode(enc, tok, texts)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vec)
    return vec


@dataclass
class TokenStates:
    """The teacher's last hidden states of every wordpiece of a corpus, flat (float16),
    and where each text's rows start: per-token targets for every epoch from one teacher
    pass (running the teacher alongside the student costs half as much again per step)."""

    flat: np.ndarray  # (wordpieces, dim), float16
    offsets: np.ndarray  # (texts + 1,), int64

    def batch(self, idx: list[int], length: int) -> np.ndarray:
        """The states of texts ``idx``, zero-padded to ``length``: float32 (len, length, dim)."""
        out = np.zeros((len(idx), length, self.flat.shape[1]), dtype=np.float32)
        for r, i in enumerate(idx):
            s, e = int(self.offsets[i]), int(self.offsets[i + 1])
            out[r, : e - s] = self.flat[s:e]
        return out


def token_states(  # type: ignore[no-untyped-def]
    enc, tok, texts: list[str], cache: Path, tag: str = "teacher-tokens", batch: int = 128
) -> TokenStates:
    """:class:`TokenStates` of ``texts`` (wordpieces cut at ``MAX_LENGTH`` as in
    training), memoised on disk like :func:`cached_vectors`."""
    import torch

    h = hashlib.sha256("\n".join([tag, *texts]).encode()).hexdigest()[:16]
    path, off_path = cache / f"{tag}-{h}.npy", cache / f"{tag}-{h}.offsets.npy"
    if path.is_file() and off_path.is_file():
        return TokenStates(np.load(path), np.load(off_path))
    ids = tok(texts, truncation=True, max_length=MAX_LENGTH)["input_ids"]
    lengths = [len(x) for x in ids]
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    flat = np.zeros((int(offsets[-1]), enc.config.hidden_size), dtype=np.float16)
    order = sorted(range(len(texts)), key=lambda i: lengths[i])
    enc.eval()
    with torch.inference_mode():
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            b = tok(
                [texts[i] for i in idx],
                padding=True,
                truncation=True,
                max_length=MAX_LENGTH,
                return_tensors="pt",
            )
            hs = enc(input_ids=b["input_ids"], attention_mask=b["attention_mask"])
            hs = hs.last_hidden_state.numpy()
            for r, i in enumerate(idx):
                flat[offsets[i] : offsets[i + 1]] = hs[r, : lengths[i]]
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, flat)
    np.save(off_path, offsets)
    return TokenStates(flat, offsets)


# ---------------------------------------------------------------------------- evaluation


def fidelity(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """Mean, 5th percentile and minimum of the row-wise cosines of two sets of unit vectors."""
    cos = np.sum(a * b, axis=1)
    return {
        "mean": round(float(cos.mean()), 4),
        "p5": round(float(np.percentile(cos, 5)), 4),
        "min": round(float(cos.min()), 4),
    }


def pair_rows(
    kb: Path, shared: Path, devset: Path
) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """(sentences, fact-check claim texts, is-same labels, weights) of a same-claim devset;
    a row without a weight counts 1."""
    from training.claims.sameclaim import article_text

    rows = [json.loads(line) for line in devset.read_text("utf-8").splitlines() if line]
    con = sqlite3.connect(f"file:{kb}?mode=ro", uri=True)
    ids = sorted({r["claim_id"] for r in rows})
    found = dict(
        con.execute(
            f"select id, claim_text from factchecks where id in ({','.join('?' * len(ids))})", ids
        ).fetchall()
    )
    con.close()
    docs: dict[str, str] = {}
    sents, facts, ys, ws = [], [], [], []
    for r in rows:
        if r["claim_id"] not in found:
            continue
        if r["doc"] not in docs:
            docs[r["doc"]] = article_text(shared, r["doc"])
        s, e = r["sentence"]
        sents.append(clean_text(docs[r["doc"]][s:e]))
        facts.append(clean_text(found[r["claim_id"]]))
        ys.append(r["label"] == "same")
        ws.append(float(r.get("weight", 1.0)))
    return sents, facts, np.asarray(ys, dtype=int), np.asarray(ws)


def separation(cos: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict[str, Any]:
    """Weighted ROC AUC of ``cos`` for "same", and the recall at weighted precision 0.85."""
    from sklearn.metrics import roc_auc_score

    from training.claims.sameclaim import PRECISION, operating_point

    t, p, r, _ = operating_point(cos, y, w, PRECISION)
    return {
        "auc": round(float(roc_auc_score(y, cos, sample_weight=w)), 4),
        f"recall_at_p{PRECISION}": round(r, 3),
        # No threshold reaches the precision: NaN, which JSON cannot hold.
        "precision": round(p, 3) if p == p else None,
        "threshold": round(float(t), 4),
    }


def evaluate_student(embed_student: Any, embed_teacher: Any, cfg: DistillConfig) -> dict[str, Any]:
    """Fidelity, dense MAP@5 (asymmetric and student/student, teacher/teacher for
    reference) and same-claim separation; ``embed_*`` map a list of texts to unit vectors
    (the teacher's are usually cached)."""
    report: dict[str, Any] = {}
    for name, texts in held_out_texts(cfg.shared, cfg.held_out_sentences, cfg.seed).items():
        report[f"fidelity_{name}"] = fidelity(embed_student(texts), embed_teacher(texts))
        report[f"fidelity_{name}"]["n"] = len(texts)

    data = cfg.shared / "data" / "factchecks" / "ct20-claim-retrieval"
    claims = verified_claims(data)
    cids = list(claims)
    queries, qrels = split_queries(data, "dev")
    qids = [q for q in queries if q in qrels]
    ctext = [claims[c] for c in cids]
    qtext = [queries[q] for q in qids]
    c_t, c_s = embed_teacher(ctext), embed_student(ctext)
    q_t, q_s = embed_teacher(qtext), embed_student(qtext)
    report["dev_map5"] = {
        "teacher_teacher": round(map_at_5(q_t, qids, c_t, cids, qrels), 4),
        "student_teacher": round(map_at_5(q_s, qids, c_t, cids, qrels), 4),
        "student_student": round(map_at_5(q_s, qids, c_s, cids, qrels), 4),
    }
    if cfg.kb is None:
        return report
    pooled: dict[str, list[Any]] = {k: [] for k in ("tt", "st", "ss", "y", "w")}
    for devset in DEVSETS:
        sents, facts, y, w = pair_rows(cfg.kb, cfg.shared, devset)
        s_t, s_s, f_t, f_s = (
            embed_teacher(sents),
            embed_student(sents),
            embed_teacher(facts),
            embed_student(facts),
        )
        cos = {
            "tt": np.sum(s_t * f_t, axis=1),
            "st": np.sum(s_s * f_t, axis=1),
            "ss": np.sum(s_s * f_s, axis=1),
        }
        report[f"sameclaim_{devset.stem}"] = {"pairs": len(y), "same": int(y.sum())} | {
            k: separation(v, y, w) for k, v in cos.items()
        }
        for k, v in cos.items():
            pooled[k].append(v)
        pooled["y"].append(y)
        pooled["w"].append(w)
    y, w = np.concatenate(pooled["y"]), np.concatenate(pooled["w"])
    report["sameclaim_pooled"] = {"pairs": len(y)} | {
        k: separation(np.concatenate(pooled[k]), y, w) for k in ("tt", "st", "ss")
    }
    return report


# ---------------------------------------------------------------------------- training


def length_batches(lengths: list[int], batch: int, rng: random.Random) -> list[list[int]]:
    """Index batches of texts of similar length (little padding), in a shuffled order:
    texts are shuffled, cut into pools of 50 batches, each pool sorted by length."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch * 50
    batches = []
    for s in range(0, len(order), pool):
        chunk = sorted(order[s : s + pool], key=lambda i: lengths[i])
        batches += [chunk[b : b + batch] for b in range(0, len(chunk), batch)]
    rng.shuffle(batches)
    return batches


#: Candidate layer sets of the probe, by student size. Three layers: every other layer (two
#: phases) or the first half. Four: the last layer kept (the 3-layer probe showed the student
#: needs it) with one of three ways of dropping two of the others.
CANDIDATES = {
    3: ((0, 2, 4), (1, 3, 5), (0, 1, 2)),
    4: ((0, 1, 3, 5), (1, 2, 3, 5), (0, 2, 4, 5)),
}


def distill_loss(  # type: ignore[no-untyped-def]
    enc, tok, texts: list[str], target, token_weight: float = 0.0, teacher_tokens: Any = None
):
    """``1 - cosine`` of the student's sentence vectors to ``target``, plus ``token_weight``
    times the relative squared error of its last hidden states to the teacher's
    (``teacher_tokens(length)``: a padded (texts, length, dim) tensor).

    Why the token term: the sentence loss constrains one 384-d mean per text; the pooled
    vector is the mean of the token states, so matching them matches it, and the token
    states give the student 384 numbers per wordpiece to learn from instead of per text
    (a denser signal that should converge in fewer passes). Relative (divided by the
    teacher's squared norm) so that its scale does not depend on the states' magnitude."""
    import torch

    batch = tok(texts, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
    hidden = enc(
        input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]
    ).last_hidden_state
    m = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
    vec = torch.nn.functional.normalize(pooled, p=2.0, dim=1)
    loss = 1.0 - (vec * target).sum(1).mean()
    if token_weight and teacher_tokens is not None:
        t_hidden = teacher_tokens(hidden.shape[1])
        err = (((hidden - t_hidden) ** 2) * m).sum() / ((t_hidden**2) * m).sum()
        loss = loss + token_weight * err
    return loss


def epoch_batches(lengths: list[int], batch: int, seed: int, epoch: int) -> list[list[int]]:
    """The batches of ``epoch`` (0-based): seeded by the epoch, so that a resumed run
    replays the same order and can skip the batches it already trained on."""
    return length_batches(lengths, batch, random.Random(seed * 1000 + epoch))


def schedule(opt, steps: int):  # type: ignore[no-untyped-def]
    """Linear warm-up over 5 % of ``steps``, then linear decay to 0."""
    import torch

    warm = max(1, steps // 20)
    return torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )


def lr_factor(progress: float, warm: float = 0.05) -> float:
    """Multiplier of the peak learning rate at ``progress`` (0-1) of a time-budgeted run:
    linear warm-up over the first ``warm`` of it, then linear decay to 0.

    A budget in minutes rather than steps: on a shared machine the steps per minute
    change with the other work, and a run sized in steps either ends early or never
    reaches its low learning rate before the time is up."""
    up = max(progress, 0.002) / warm
    down = (1.0 - progress) / (1.0 - warm)
    return max(0.0, min(1.0, up, down))


def train(  # type: ignore[no-untyped-def]
    enc,
    tok,
    texts: list[str],
    target,
    cfg: DistillConfig,
    epochs: int,
    log: str = "",
    tokens: TokenStates | None = None,
    checkpoint: Any = None,
    state: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Fit ``enc`` so that its vector of ``texts[i]`` points where ``target[i]`` does
    (:func:`distill_loss`; AdamW, linear warm-up over 5 % of the steps, then linear decay).

    ``checkpoint(state)`` is called at the end of each epoch and whenever
    ``cfg.checkpoint_minutes`` have passed since the last call, with the model, optimiser
    and scheduler states and the position (epoch, batches done); passing such a ``state``
    back resumes there."""
    import torch

    t0 = time.time()
    lengths = [len(ids) for ids in tok(texts, truncation=True, max_length=MAX_LENGTH)["input_ids"]]
    steps = epochs * ((len(texts) + cfg.batch - 1) // cfg.batch)
    opt = torch.optim.AdamW(enc.parameters(), lr=cfg.lr, weight_decay=0.01)
    first_epoch, done = 0, 0
    minutes_before = 0.0
    if state is not None:
        first_epoch, done, minutes_before = state["epoch"], state["batches"], state["minutes"]

    def minutes() -> float:
        return minutes_before + (time.time() - t0) / 60

    if cfg.minutes:
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: lr_factor(min(1.0, minutes() / cfg.minutes))
        )
    else:
        sched = schedule(opt, steps)
    if state is not None:
        enc.load_state_dict(state["model"])
        opt.load_state_dict(state["optimizer"])
        sched.load_state_dict(state["scheduler"])
    last_save = time.time()

    def save(epoch: int, batches: int) -> None:
        if checkpoint is not None:
            enc.eval()
            checkpoint(
                {
                    "model": enc.state_dict(),
                    "optimizer": opt.state_dict(),
                    "scheduler": sched.state_dict(),
                    "epoch": epoch,
                    "batches": batches,
                    "minutes": round(minutes(), 1),
                }
            )
            enc.train()

    history = []
    spent = False
    for epoch in range(first_epoch, epochs):
        enc.train()
        losses: list[float] = []
        batches = epoch_batches(lengths, cfg.batch, cfg.seed, epoch)
        skip = done if epoch == first_epoch else 0
        for b, idx in enumerate(batches):
            if b < skip:
                continue
            loss = distill_loss(
                enc,
                tok,
                [texts[i] for i in idx],
                target[idx],
                cfg.token_weight,
                None if tokens is None else lambda n, ix=idx: torch.from_numpy(tokens.batch(ix, n)),
            )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(enc.parameters(), 1.0)
            opt.step()
            sched.step()
            losses.append(float(loss.detach()))
            if b % 200 == 0:
                mean = np.mean(losses[-200:])
                print(f"{log}epoch {epoch + 1} batch {b} loss {mean:.4f}", flush=True)
            spent = bool(cfg.minutes) and minutes() >= cfg.minutes
            if spent and b + 1 < len(batches):
                save(epoch, b + 1)
                break
            if b + 1 < len(batches) and time.time() - last_save > cfg.checkpoint_minutes * 60:
                save(epoch, b + 1)
                last_save = time.time()
        row = {
            "epoch": epoch + 1,
            "loss": round(float(np.mean(losses)), 5) if losses else None,
            "minutes": round(minutes(), 1),
        }
        if spent:
            row["batches"] = len(losses) + skip
        print(log + json.dumps(row), flush=True)
        history.append(row)
        if spent and row.get("batches", 0) < len(batches):
            break
        save(epoch + 1, 0)
        last_save = time.time()
        if spent:
            break
    enc.eval()
    return history


def probe_layers(  # type: ignore[no-untyped-def]
    cfg: DistillConfig, tok, texts: list[str], target, embed_teacher: Any, tokens=None
) -> dict[str, dict[str, float]]:
    """Fidelity on the held-out PTC sentences of each candidate layer set of the student's
    size, each trained on the first ``cfg.probe`` texts for one epoch."""
    held = held_out_texts(cfg.shared, cfg.held_out_sentences, cfg.seed)["ptc_labelled_sentences"]
    held_t = embed_teacher(held)
    out = {}
    for cand in CANDIDATES[len(cfg.layers)]:
        enc = student(cand)
        t_probe = time.time()
        train(enc, tok, texts[: cfg.probe], target[: cfg.probe], cfg, 1, f"probe {cand} ", tokens)
        fid = fidelity(encode(enc, tok, held), held_t)
        fid["minutes"] = round((time.time() - t_probe) / 60, 1)
        out[",".join(map(str, cand))] = fid
        print("probe", cand, fid, flush=True)
    return out


def held_out_fidelity(enc, tok, cfg: DistillConfig, embed_teacher: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Fidelity (mean, 5th percentile, minimum) on each held-out text set."""
    return {
        name: fidelity(encode(enc, tok, xs), embed_teacher(xs))
        for name, xs in held_out_texts(cfg.shared, cfg.held_out_sentences, cfg.seed).items()
    }


def distill(cfg: DistillConfig) -> dict[str, Any]:
    """Train the student on cached teacher vectors; write ``encoder.pt`` (a BertModel
    state dict of ``len(cfg.layers)`` layers) and ``metrics.json``.

    Along the way ``checkpoint.pt`` (model, optimiser, position; ``--resume`` continues
    from it), ``encoder.pt`` of the latest checkpoint and one line per checkpoint in
    ``history.jsonl`` (held-out fidelity) are written to ``cfg.out``."""
    import torch

    from training.embeddings.finetune import tokenizer

    torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    t0 = time.time()
    tok = tokenizer()  # type: ignore[no-untyped-call]
    by_origin = training_texts(cfg.shared)
    texts = [t for group in by_origin.values() for t in group]
    rng.shuffle(texts)
    metrics: dict[str, Any] = {"config": {k: str(v) for k, v in asdict(cfg).items()}}
    metrics["texts"] = {k: len(v) for k, v in by_origin.items()}
    metrics["texts"]["used"] = min(len(texts), cfg.max_texts)
    print(json.dumps(metrics["texts"]), flush=True)

    t_enc = teacher().eval()
    # The whole corpus's vectors are cached, then cut: a smaller run reuses them.
    target = torch.from_numpy(cached_vectors(t_enc, tok, texts, cfg.cache, "teacher"))
    texts, target = texts[: cfg.max_texts], target[: cfg.max_texts]
    metrics["teacher_minutes"] = round((time.time() - t0) / 60, 1)
    print("teacher vectors", metrics["teacher_minutes"], "min", flush=True)

    def embed_teacher(xs: list[str]) -> np.ndarray:
        return cached_vectors(t_enc, tok, xs, cfg.cache, "teacher")

    tokens = None
    if cfg.token_weight:
        # Of the texts trained on (the probe's first texts are among them).
        tokens = token_states(t_enc, tok, texts, cfg.cache)
        print("teacher token states", round((time.time() - t0) / 60, 1), "min", flush=True)
    cfg.out.mkdir(parents=True, exist_ok=True)
    ckpt_path = cfg.out / "checkpoint.pt"
    state = torch.load(ckpt_path, weights_only=False) if cfg.resume else None
    layers = cfg.layers
    if state is not None:
        layers = tuple(state["layers"])
        print("resuming at epoch", state["epoch"] + 1, "batch", state["batches"], flush=True)
    elif cfg.probe:
        metrics["probe"] = probe_layers(cfg, tok, texts, target, embed_teacher, tokens)
        best = max(metrics["probe"], key=lambda k: metrics["probe"][k]["mean"])
        layers = tuple(int(x) for x in best.split(","))
        if cfg.probe_only:
            (cfg.out / "probe.json").write_text(json.dumps(metrics, indent=1) + "\n")
            return metrics
    metrics["layers"] = list(layers)
    enc = student(layers)
    best_mean = -1.0

    def checkpoint(st: dict[str, Any]) -> None:
        """Save, then measure held-out fidelity and log it (the best so far kept apart)."""
        nonlocal best_mean
        st["layers"] = list(layers)
        torch.save(st, cfg.out / "checkpoint.tmp")
        (cfg.out / "checkpoint.tmp").replace(ckpt_path)
        torch.save(st["model"], cfg.out / "encoder.pt")
        fid = held_out_fidelity(enc, tok, cfg, embed_teacher)
        row = {k: st[k] for k in ("epoch", "batches", "minutes")} | fid
        with (cfg.out / "history.jsonl").open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
        print("checkpoint", json.dumps(row), flush=True)
        if fid["ptc_labelled_sentences"]["mean"] > best_mean:
            best_mean = fid["ptc_labelled_sentences"]["mean"]
            torch.save(st["model"], cfg.out / "best.pt")

    history = train(enc, tok, texts, target, cfg, cfg.epochs, "", tokens, checkpoint, state)
    metrics["epochs"] = history
    metrics["train_minutes"] = round((time.time() - t0) / 60, 1)
    # Saved before the evaluation, which a missing store or devset must not cost the run.
    torch.save(enc.state_dict(), cfg.out / "encoder.pt")
    metrics["eval_torch_fp32"] = evaluate_student(
        lambda xs: encode(enc, tok, xs), embed_teacher, cfg
    )
    metrics["minutes"] = round((time.time() - t0) / 60, 1)
    (cfg.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    return metrics


# ---------------------------------------------------------------------------- int8 check


@dataclass(kw_only=True)
class CheckConfig:
    model: Path = option(help="exported student folder (encoder.onnx, tokenizer.json, config)")
    teacher: Path | None = option(None, help="teacher folder (default: the shipped encoder)")
    shared: Path = option(Path("../shared"), help="shared folder (data/, samples/)")
    kb: Path | None = option(None, help="knowledge-base store (read-only) for same-claim pairs")
    held_out_sentences: int = option(2000, help="PTC labelled sentences for fidelity")
    speed_sentences: int = option(1000, help="PTC labelled sentences timed")
    repeats: int = option(3, help="timed passes of each encoder (interleaved)")
    seed: int = option(13, help="seed of the sentence sample")


def encoder_speed(encoders: dict[str, Any], texts: list[str], repeats: int) -> dict[str, Any]:
    """Sentences per second of each ``SentenceEncoder`` on ``texts``, cold cache, the
    encoders taking turns so that a change in the machine's load hits them alike; the
    best pass counts (the least disturbed)."""
    import os

    rates: dict[str, list[float]] = {k: [] for k in encoders}
    for enc in encoders.values():  # the first runs of a session are slow (allocation)
        enc.encode(texts[:20])
    for _ in range(repeats):
        for name, enc in encoders.items():
            enc.clear_cache()
            t0 = time.perf_counter()
            enc.encode(texts)
            rates[name].append(len(texts) / (time.perf_counter() - t0))
    report: dict[str, Any] = {k: round(max(v), 1) for k, v in rates.items()}
    report["passes"] = {k: [round(x, 1) for x in v] for k, v in rates.items()}
    report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def check(cfg: CheckConfig) -> dict[str, Any]:
    """The exported int8 student against the int8 teacher, through the runtime's
    ``SentenceEncoder``: fidelity, dense MAP@5, same-claim separation and speed."""
    from spinscope.embeddings import SentenceEncoder

    stud = SentenceEncoder.load(cfg.model)
    teach = SentenceEncoder.load(cfg.teacher)
    dcfg = DistillConfig(
        shared=cfg.shared, kb=cfg.kb, held_out_sentences=cfg.held_out_sentences, seed=cfg.seed
    )
    report = evaluate_student(stud.encode, teach.encode, dcfg)
    sents = held_out_texts(cfg.shared, cfg.speed_sentences, cfg.seed)["ptc_labelled_sentences"]
    speed = encoder_speed({"student": stud, "teacher": teach}, sents, cfg.repeats)
    speed["speedup"] = round(speed["student"] / speed["teacher"], 2)
    speed["workers"] = stud.workers
    report["speed_sentences_per_s"] = speed
    return report
