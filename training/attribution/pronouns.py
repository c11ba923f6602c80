"""Measure a learned antecedent ranking for ``he``/``she`` sources against the rules.

    SPINSCOPE_SHARED=../shared PYTHONPATH=src .venv/bin/python -m training.attribution pronouns \
        [--report build/pronouns.json]

A sample is one annotated quotation (with a named speaker) whose source the system
found as ``he`` or ``she``. Its candidates are the article's persons written within
the resolver's window before the pronoun (speakers of the final analysis, by their
mentions before it and their surname in the text), each with features that do not
depend on any rule's choice: distance, sentences and paragraphs between, gender
agreement, whether the mention opens its clause, whether the candidate spoke last,
recency rank, how often the candidate was written before, rivals of the same gender
written since. A conditional logit (softmax over a quotation's candidates) is trained
on every read set (all but :data:`UNTOUCHED`) but one and predicts that one
(leave-one-set-out); a quotation is left unresolved where the best candidate's
probability is under a threshold.

Compared on the same quotations with the rules' speaker: accuracy (right / all),
and the share where the annotated speaker is among the candidates at all (the
ceiling any ranking over them has).

It was measured and not adopted (docs/benchmarks.md, "A learned pronoun ranking"):
trained without the sets it predicts, it matches the rules that were written on those
very sets (449 against 448 right of 473), but on the two untouched sets it changes
nothing (20 of 25 right either way), gives a speaker a little more often with a
lower precision, and has no candidates for a person the article names without
quoting (the rules' text search finds some of them).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.attribution.component import _blank_outside, analyse_traced
from spinscope.attribution.speakers import (
    Speaker,
    _is_person,
    _last_seen,
    _opens_its_clause,
    _written_gender,
)
from spinscope.document import Document
from training.attribution.confidence import family
from training.options import option

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = ROOT / "bench" / "devsets"
#: never read: the sets that measure whether a change carries to unseen news (the
#: ranking was measured on ptc-blind14 and fakenewsnet-blind12 while they were unread)
UNTOUCHED = ("speakers-ptc-blind15", "speakers-fakenewsnet-blind13")
#: the pronouns ranked, with the gender each asks for
PRONOUN_GENDER = {"he": "m", "she": "f"}
FEATURES = (
    "log_gap",
    "sentences",
    "paragraphs",
    "agrees",
    "unknown_gender",
    "conflicts",
    "person",
    "named",
    "opens_clause",
    "spoke_last",
    "spoke_in_window",
    "recency",
    "log_written",
    "rivals_since",
    "same_sentence",
)

_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s+(?=[“\"A-Z])")


def _before(sp: Speaker, pos: int) -> Speaker:
    """``sp`` as the text had written it before ``pos`` (later mentions dropped)."""
    return Speaker(
        id=sp.id,
        name=sp.name,
        role=sp.role,
        affiliation=sp.affiliation,
        gender=sp.gender,
        mentions=[m for m in sp.mentions if m[1] <= pos],
        members=sp.members,
    )


def candidates(
    text: str, pos: int, gender: str, speakers: Sequence[Speaker], last_speaker: int | None
) -> list[tuple[int, list[float]]]:
    """The persons written within the resolver's window before ``pos`` (speakers that
    are not known to be organisations), most recent first, with their features
    (:data:`FEATURES`). ``last_speaker``: the speaker of the attribution before."""
    seen = []
    for sp in speakers:
        if _is_person(sp) is False:
            continue
        before = _before(sp, pos)
        at = _last_seen(text, pos, before)
        if at >= 0:
            seen.append((at, sp, before))
    seen.sort(key=lambda x: -x[0])
    genders = {sp.id: sp.gender or _written_gender(text, sp) for _, sp, _ in seen}
    out = []
    for rank, (at, sp, before) in enumerate(seen):
        known = genders[sp.id]
        between = text[at:pos]
        spoke = _last_seen(text, pos, before, text_mentions=False)
        key = (sp.name or sp.role or "").split()[-1:]
        written = len(re.findall(rf"\b{re.escape(key[0])}\b", text[:pos])) if key else 0
        rivals = sum(1 for at2, sp2, _ in seen if at2 > at and genders[sp2.id] in (gender, None))
        out.append(
            (
                sp.id,
                [
                    math.log1p(max(0, pos - at)) / 7.0,
                    min(5, len(_SENTENCE_END.findall(between))) / 5.0,
                    min(3, between.count("\n\n") + between.count("\n") // 2) / 3.0,
                    float(known == gender),
                    float(known is None),
                    float(known is not None and known != gender),
                    float(_is_person(sp) is True),
                    float(sp.name is not None),
                    float(_opens_its_clause(text, before, at)),
                    float(last_speaker == sp.id),
                    float(spoke >= 0),
                    1.0 / (1 + rank),
                    math.log1p(written) / 3.0,
                    min(3, rivals) / 3.0,
                    float(not _SENTENCE_END.search(between)),
                ],
            )
        )
    return out


def last_speakers(
    sources: Sequence[tuple[int, int] | None], links: Sequence[int | None]
) -> list[int | None]:
    """Per source, the speaker of the nearest resolved source written before it."""
    order = sorted(
        (src[0], src[1], sid)
        for src, sid in zip(sources, links, strict=True)
        if src is not None and sid is not None
    )
    out: list[int | None] = []
    for src in sources:
        if src is None:
            out.append(None)
            continue
        prior = [sid for s, e, sid in order if e <= src[0]]
        out.append(prior[-1] if prior else None)
    return out


@dataclass
class PronounConfig:
    report: Path | None = option(None, help="write the figures here (JSON)")
    threshold: float = option(0.5, help="below it the ranker leaves a quotation unresolved")
    c: float = option(1.0, help="inverse L2 strength")


@dataclass
class Sample:
    devset: str
    article: str
    quote: tuple[int, int]
    features: np.ndarray  # candidates x features
    labels: np.ndarray  # 1 where the candidate is the annotated speaker
    rule_right: bool
    rule_named: bool


def _bench() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers as bench  # type: ignore[import-not-found]

    return bench


def samples(bench: Any, devset: Path) -> list[Sample]:
    rows = [json.loads(line) for line in devset.read_text("utf-8").splitlines() if line]
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if "text_sha256" not in r:
            by.setdefault(r["id"], []).append(r)
    corpus = bench.SHARED / "data" / "corpora" / "fakenewsnet-v1"
    out = []
    for aid, quotes in sorted(by.items()):
        doc = bench.page_document(aid) if aid.startswith(bench.HTML_PREFIX) else None
        text = doc.text if doc is not None else bench.article_text(corpus, aid)
        furnished = bench._furniture()(doc if doc is not None else Document(text))
        a = analyse_traced(furnished)
        # the text the resolver reads: page furniture blanked
        blanked = _blank_outside(text, furnished.content_ranges())
        for q in quotes:
            if q["speaker"] is None:
                continue
            qs, qe = q["quote"]
            hit = next(
                (
                    k
                    for k, att in enumerate(a.attributions)
                    if sum(max(0, min(qe, e) - max(qs, s)) for s, e in att.content)
                    >= 0.5 * (qe - qs)
                ),
                None,
            )
            if hit is None or a.attributions[hit].source is None:
                continue
            src = a.attributions[hit].source
            assert src is not None
            word = text[src[0] : src[1]].lower()
            if word not in PRONOUN_GENDER:
                continue
            gold = text[q["speaker"][0] : q["speaker"][1]]
            previous = last_speakers([b.source for b in a.attributions], a.links)[hit]
            cands = candidates(blanked, src[0], PRONOUN_GENDER[word], a.speakers, previous)
            sid = a.links[hit]
            rule = a.speakers[sid].to_dict() if sid is not None else None
            out.append(
                Sample(
                    devset.stem,
                    aid,
                    (qs, qe),
                    np.array([f for _, f in cands], dtype=float).reshape(-1, len(FEATURES)),
                    np.array(
                        [float(bench.same_speaker(gold, a.speakers[c].to_dict())) for c, _ in cands]
                    ),
                    rule is not None and bench.same_speaker(gold, rule),
                    rule is not None,
                )
            )
    return out


def fit(train: list[Sample], c: float, steps: int = 400, lr: float = 0.5) -> np.ndarray:
    """Conditional logit weights (features + 1 for the abstention's score, fixed 0)."""
    w = np.zeros(len(FEATURES))
    usable = [s for s in train if len(s.features) and s.labels.any()]
    for _ in range(steps):
        grad = np.zeros_like(w)
        for s in usable:
            z = s.features @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            target = s.labels / s.labels.sum()
            grad += s.features.T @ (p - target)
        grad = grad / max(1, len(usable)) + w / (c * max(1, len(usable)))
        w -= lr * grad
    return w


def predict(s: Sample, w: np.ndarray, threshold: float) -> tuple[bool, bool]:
    """(named, right) of the ranker on one sample."""
    if not len(s.features):
        return False, False
    z = s.features @ w
    p = np.exp(z - z.max())
    p /= p.sum()
    k = int(p.argmax())
    if p[k] < threshold:
        return False, False
    return True, bool(s.labels[k])


def run(cfg: PronounConfig) -> None:
    """Measure the ranking against the rules; write the model with ``--out``."""
    bench = _bench()
    sets = sorted(p for p in DEVSETS.glob("speakers-*.jsonl") if p.stem not in UNTOUCHED)
    all_samples: list[Sample] = []
    for p in sets:
        all_samples += samples(bench, p)
        print(p.stem, len(all_samples), file=sys.stderr, flush=True)
    report: dict[str, Any] = {"samples": len(all_samples)}
    ceiling = sum(bool(s.labels.any()) for s in all_samples)
    report["gold_among_candidates"] = round(ceiling / max(1, len(all_samples)), 3)
    report["rules"] = {
        "right": sum(s.rule_right for s in all_samples),
        "named": sum(s.rule_named for s in all_samples),
    }
    for threshold in sorted({0.0, 0.4, 0.5, 0.6, 0.7, cfg.threshold}):
        right = named = 0
        for name in {s.devset for s in all_samples}:
            train = [s for s in all_samples if s.devset != name]
            w = fit(train, cfg.c)
            for s in all_samples:
                if s.devset == name:
                    n, r = predict(s, w, threshold)
                    named += n
                    right += r
        report[f"ranker@{threshold}"] = {"right": right, "named": named}
        print(threshold, right, named, file=sys.stderr, flush=True)
    w = fit(all_samples, cfg.c)
    report["weights"] = dict(zip(FEATURES, [round(float(x), 3) for x in w], strict=True))
    report["by_family"] = {
        f: {
            "samples": sum(family(s.devset) == f for s in all_samples),
            "rules_right": sum(s.rule_right for s in all_samples if family(s.devset) == f),
        }
        for f in ("FakeNewsNet", "PTC", "html-eval")
    }
    text = json.dumps(report, indent=2)
    print(text)
    if cfg.report:
        cfg.report.parent.mkdir(parents=True, exist_ok=True)
        cfg.report.write_text(text + "\n", "utf-8")
