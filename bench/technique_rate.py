"""Technique findings on PTC and on mainstream news: display threshold, trimming, rate.

Runs the shipped technique model once over the 371 labelled and 165 unlabelled PTC
articles, the FakeNewsNet v1 articles (BuzzFeed + PolitiFact ``RealNewsContent`` and
``FakeNewsContent``, title + body; articles under 50 words skipped) and the html-eval
pages, caches its raw predictions
(``--cache``), then, from the cache only:

* **display threshold** — SI precision / recall / F1 (official scorer,
  ``semeval.score_si`` with merged predictions) and the share of shown (span,
  technique) pairs that overlap a gold span of the same technique, for the spans the
  component keeps at each score cut; the threshold is chosen per fold of
  ``semeval.folds(k=5, seed=13)`` on the other four folds (the lowest cut whose SI
  precision reaches ``--precision``) and measured on the held-out fold;
* **trimming** — SI of the component's spans with and without the phrase-boundary
  post-processing (:mod:`spinscope.techniques.trim`), per fold and mean;
* **rate** — percentiles of the profile's technique rate (expected technique spans per
  1,000 words, :func:`spinscope.techniques.profile.technique_profile`) and of the plain
  count per 1,000 words, on PTC, on all FakeNewsNet real articles and on those of
  mainstream outlets (Politico, CNN, ABC News, The Washington Post: wire-like
  reporting), and on those of them with little quoted speech;
* **rate by voice** — the same percentiles of the own-voice rate (techniques outside
  attributed content and direct quotations, per 1,000 own words) and of the quoted
  rate (inside them, per 1,000 quoted words), from the ``attribution.v1`` component
  (rules backend, after ``sentences.v1``; its spans are cached beside the
  predictions with those of ``labels.v1``, ``<cache stem>-groups.pkl``), and the
  share of mainstream articles whose own-voice rate is below PTC's 25th percentile
  of the own-voice rate;
* **which rate to lead with** — a few fixed rate definitions (own voice with every
  technique, without :data:`~spinscope.techniques.profile.COMMON_TECHNIQUES`, with
  other technique sets, spans at or above the display threshold only, the share of
  own-voice sentences with a shown span, ``labels.v1``'s labelling devices, a
  per-technique weighting fitted by a non-negative logistic model) are compared on a
  seeded half of PTC and of FakeNewsNet real and fake (``--seed``): the definition is
  chosen on the first half (AUC PTC vs mainstream) and reported on the other, against
  PTC's other half and against the 165 unlabelled PTC articles (which the model never
  saw); the difference between the distinctive and the plain own-voice rate is also
  given over ``--splits`` further random halvings;
* **web pages** — the rates of the html-eval pages (``html-eval/``, through
  ``boilerplate.v1`` as ``spinscope analyze`` reads them) that are ordinary news
  reporting (:data:`WIRE_PAGES`), against PTC's 25th percentile.

The shipped model was trained on all 371 PTC articles, so its PTC predictions are
in-sample: the SI figures here are optimistic by about the gap between the in-sample
SI F1 printed here and the model card's out-of-fold 0.380 (the fold heads of the
card's cross-validation are not part of the repository).

Results go to stdout (JSON with ``--json``) and to the ``technique-rate`` section of
``docs/benchmarks.md``.

Usage::

    .venv/bin/python bench/technique_rate.py [--cache /tmp/technique-preds.pkl] [--no-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import pickle
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:technique-rate:begin -->", "<!-- bench:technique-rate:end -->"
CUTS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
PERCENTILES = (10, 25, 50, 75, 90)
#: FakeNewsNet "real" outlets that publish wire-like reporting (the rest of the "real"
#: label is largely partisan blogs).
MAINSTREAM = ("politi.co", "cnn.it", "cnn.com", "abcn.ws", "washingtonpost.com")


#: html-eval pages that are ordinary news reporting (local and wire-like news, press
#: releases, tech news), judged by reading them; the rest are blogs, recipes, opinion,
#: documentation and shopping pages.
WIRE_PAGES = (
    "reporternewspapers.net-Brookhaven.html",
    "independent.co.uk.penalty.html",
    "citylimits.org-Nycha.html",
    "viconsortium.com-cocaine.html",
    "nationnews.com-tridents.html",
    "nationnews.com-schools.html",
    "breakingbelizenews.com-paho.html",
    "heartlandnewsfeed.com-Christian.html",
    "phys.org.tool.html",
    "corkbeo.ie.level.html",
    "haitiantimes.com-family.html",
    "rutgers.edu.robot.html",
    "pcmag.com.platters.html",
    "theverge.com.ios13.html",
    "thepointsguy.com.alaska.html",
    "economictimes.indiatimes.com.slideshow.html",
    "tomshardware.com.rtx.html",
)
#: The one html-eval page that spreads a conspiracy story (a blog's "biggest money
#: laundering scheme" piece naming "Jewish oligarchs").
CONSPIRACY_PAGE = "0a3108e507c54157a95fe7a1338f5e9c.html"

#: Quotation marks per 1,000 words under which a story counts as plain reporting.
PLAIN_QUOTES = 5
_QUOTE = re.compile(r"[\"“”]")


def _quotes_per_1000_words(doc: Any) -> float:
    words = len(doc.text.split())
    return 1000.0 * len(_QUOTE.findall(doc.text)) / words if words else 0.0


def _fnn(model: Any, fnn_dir: Path, label: str) -> dict[str, tuple[Any, ...]]:
    out = {}
    for path in sorted(glob.glob(str(fnn_dir / "*" / f"{label}NewsContent" / "*.json"))):
        raw = json.loads(Path(path).read_text("utf-8"))
        text = f"{(raw.get('title') or '').strip()}\n\n{(raw.get('text') or '').strip()}".strip()
        if len(text.split()) < 50:
            continue
        out[Path(path).stem] = (text, model.predict(text), raw.get("source") or "")
    return out


def _pages(model: Any, html_dir: Path) -> dict[str, tuple[Any, ...]]:
    """The html-eval pages as ``spinscope analyze`` reads them: extracted text, with the
    boilerplate ranges of ``boilerplate.v1`` (predictions cover the rest only)."""
    from spinscope import Pipeline
    from spinscope.ingest import IngestOptions, read_document

    if not (html_dir / "evaldata-dev.json").is_file():
        return {}
    index = json.loads((html_dir / "evaldata-dev.json").read_text("utf-8"))
    boilerplate = Pipeline(["boilerplate.v1"]).load()
    out = {}
    for entry in index.values():
        doc = boilerplate(
            read_document(html_dir / "pages" / entry["file"], options=IngestOptions())
        )
        ranges = [(b.start, b.end) for b in doc.group("boilerplate")]
        preds = model.predict(doc.text, doc.content_ranges())
        out[entry["file"]] = (doc.text, preds, entry["file"], ranges)
    return out


CORPORA = ("ptc", "fnn", "fnn_fake", "ptc_unlabeled", "html")


def _predict(ptc_dir: Path, fnn_dir: Path, html_dir: Path, cache: Path) -> dict[str, Any]:
    from spinscope.techniques.component import load_model

    out: dict[str, Any] = pickle.loads(cache.read_bytes()) if cache.is_file() else {}
    if all(k in out for k in CORPORA):
        return out
    from spinscope.techniques.semeval import load_ptc

    model = load_model()
    if "ptc" not in out:
        out["ptc"] = {aid: (t, model.predict(t)) for aid, t in load_ptc(ptc_dir).articles.items()}
    if "fnn" not in out:
        out["fnn"] = _fnn(model, fnn_dir, "Real")
    if "fnn_fake" not in out:
        out["fnn_fake"] = _fnn(model, fnn_dir, "Fake")
    if "ptc_unlabeled" not in out:
        out["ptc_unlabeled"] = {
            p.stem: (t, model.predict(t))
            for p in sorted((ptc_dir / "unlabeled").glob("*.txt"))
            for t in [p.read_text("utf-8")]
        }
    if "html" not in out:
        out["html"] = _pages(model, html_dir)
    cache.write_bytes(pickle.dumps(out))
    return out


def _document(aid: str, item: tuple[Any, ...]) -> Any:
    """``item``'s text as a document, with its boilerplate ranges when it has them."""
    from spinscope.document import Document, Span

    doc = Document(item[0], id=aid)
    if len(item) > 3:
        doc.set_spans("boilerplate", [Span(s, e, "boilerplate") for s, e in item[3]])
    return doc


#: Span groups cached beside the predictions (``<cache stem>-groups.pkl``).
GROUPS = ("sentences", "attributions", "labels")


def _analyse(data: dict[str, Any], cache: Path) -> dict[str, dict[str, dict[str, list[Any]]]]:
    """The ``sentences.v1``, ``attribution.v1`` and ``labels.v1`` spans per corpus and
    article, as ``(start, end, label, score, attrs)`` tuples per group (cached: the rules
    run about as long as the technique model)."""
    out: dict[str, dict[str, dict[str, list[Any]]]] = (
        pickle.loads(cache.read_bytes()) if cache.is_file() else {}
    )
    todo = [c for c in CORPORA if c not in out]
    if not todo:
        return out
    from spinscope import Pipeline

    nlp = Pipeline(["sentences.v1", "attribution.v1", "labels.v1"]).load()
    for corpus in todo:
        out[corpus] = {}
        for aid, item in data[corpus].items():
            doc = nlp(_document(aid, item))
            out[corpus][aid] = {
                g: [(a.start, a.end, a.label, a.score, dict(a.attrs)) for a in doc.group(g)]
                for g in GROUPS
            }
    cache.write_bytes(pickle.dumps(out))
    return out


def _docs(
    items: dict[str, tuple[Any, ...]],
    trim: bool,
    groups: dict[str, dict[str, list[Any]]] | None = None,
) -> dict[str, Any]:
    from spinscope.document import Span
    from spinscope.techniques.component import TechniquesComponent

    comp = TechniquesComponent(None, trim=trim)  # type: ignore[arg-type]  # spans() only
    out = {}
    for aid, item in items.items():
        doc = _document(aid, item)
        doc.set_spans("techniques", comp.spans(item[0], item[1]))
        for name, spans in (groups or {}).get(aid, {}).items():
            doc.set_spans(name, [Span(*a) for a in spans])
        out[aid] = doc
    return out


def _si(docs: dict[str, Any], gold: dict[str, Any], ids: list[str], cut: float) -> dict[str, float]:
    from spinscope.techniques.semeval import score_si

    pred = {
        a: [(s.start, s.end) for s in docs[a].group("techniques") if (s.score or 0) >= cut]
        for a in ids
    }
    sc = score_si({a: gold[a] for a in ids}, pred, merge_pred=True)
    return {"p": sc.precision, "r": sc.recall, "f1": sc.f1, "n": sc.overall.n_pred}


def _label_precision(docs: dict[str, Any], tc: dict[str, Any], ids: list[str], cut: float) -> float:
    hit = n = 0
    for a in ids:
        for s in docs[a].group("techniques"):
            if (s.score or 0) < cut:
                continue
            n += 1
            hit += any(g == s.label and gs < s.end and s.start < ge for g, gs, ge in tc[a])
    return hit / n if n else 0.0


def _auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a random article of ``pos`` rates above one of ``neg`` (ties
    count half): the rate's power to tell the two corpora apart (0.5 = none)."""
    a, b = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float((a > b).mean() + 0.5 * (a == b).mean())


def _groups_cache(cache: Path) -> Path:
    return cache.with_name(f"{cache.stem}-groups.pkl")


#: A few techniques the model rarely finds in ordinary reporting (the rate candidate
#: of that name).
FIVE = frozenset(
    {
        "Name_Calling,Labeling",
        "Doubt",
        "Appeal_to_fear-prejudice",
        "Flag-Waving",
        "Black-and-White_Fallacy",
    }
)


def _own_rate(
    doc: Any,
    techniques: frozenset[str] | None = None,
    cut: float = 0.0,
    weight: str = "expected",
) -> float:
    """Technique spans per 1,000 own-voice words: ``expected`` sums their calibrated
    scores (the profile's rate), ``count`` counts those at or above ``cut``, ``excess``
    sums ``(score - cut) / (1 - cut)`` above it; ``techniques`` keeps those labels."""
    from spinscope.techniques.profile import expected_share, quoted_ranges, technique_profile

    voices = technique_profile(doc).voices
    if voices is None or not voices.own_words:
        return 0.0
    quoted = quoted_ranges(doc) or []
    total = 0.0
    for s in doc.group("techniques"):
        score = s.score or 0.0
        if doc.is_boilerplate(s) or score < cut:
            continue
        if techniques is not None and s.label not in techniques:
            continue
        length = s.end - s.start
        inside = sum(max(0, min(s.end, e) - max(s.start, b)) for b, e in quoted)
        own = 1.0 - inside / length if length > 0 else 1.0
        w = {"expected": expected_share(s), "count": 1.0, "excess": (score - cut) / (1 - cut)}
        total += w[weight] * own
    return 1000.0 * total / voices.own_words


def _sentence_share(doc: Any, cut: float = 0.3) -> float:
    """Share of own-voice sentences (at most half their characters quoted) holding a
    span at or above ``cut`` that lies mostly in the own voice."""
    from spinscope.techniques.profile import quoted_ranges

    quoted = quoted_ranges(doc) or []

    def inside(a: int, b: int) -> float:
        return sum(max(0, min(b, e) - max(a, s)) for s, e in quoted) / (b - a) if b > a else 0.0

    own = [s for s in doc.group("sentences") if not doc.is_boilerplate(s)]
    own = [s for s in own if inside(s.start, s.end) < 0.5]
    hit = {
        (s.start, s.end)
        for s in own
        for t in doc.group("techniques")
        if (t.score or 0.0) >= cut and inside(t.start, t.end) < 0.5 and s.start <= t.start < s.end
    }
    return len(hit) / len(own) if own else 0.0


def _labels_rate(doc: Any) -> float:
    """``labels.v1``'s labelling devices in the article's words (own or reported voice)
    per 1,000 own-voice words."""
    from spinscope.techniques.profile import technique_profile

    voices = technique_profile(doc).voices
    n = sum(1 for s in doc.group("labels") if s.attrs.get("voice") in ("own", "reported"))
    return 1000.0 * n / voices.own_words if voices and voices.own_words else 0.0


def _definitions() -> dict[str, Any]:
    from spinscope.techniques.definitions import TECHNIQUES
    from spinscope.techniques.profile import COMMON_TECHNIQUES, technique_profile

    every = frozenset(TECHNIQUES)
    return {
        "own voice, every technique (before)": lambda d: _own_rate(d),
        "own voice, loaded language and repetition aside (shipped)": lambda d: _own_rate(
            d, every - COMMON_TECHNIQUES
        ),
        "own voice, loaded language aside": lambda d: _own_rate(d, every - {"Loaded_Language"}),
        "own voice, five techniques": lambda d: _own_rate(d, FIVE),
        "own voice, also without exaggeration and authority": lambda d: _own_rate(
            d,
            every - COMMON_TECHNIQUES - {"Exaggeration,Minimisation", "Appeal_to_Authority"},
        ),
        "own voice, shown spans counted (score >= 0.3)": lambda d: _own_rate(
            d, cut=0.3, weight="count"
        ),
        "own voice, score above 0.3": lambda d: _own_rate(d, cut=0.3, weight="excess"),
        "own voice, distinctive shown spans counted": lambda d: _own_rate(
            d, every - COMMON_TECHNIQUES, cut=0.3, weight="count"
        ),
        "share of own-voice sentences with a shown span": _sentence_share,
        "labelling devices (labels.v1)": _labels_rate,
        "overall, every voice": lambda d: technique_profile(d).per_1000_words,
    }


def _halves(ids: list[str], seed: int) -> tuple[list[str], list[str]]:
    order = sorted(ids)
    np.random.RandomState(seed).shuffle(order)
    return sorted(order[: len(order) // 2]), sorted(order[len(order) // 2 :])


def _technique_rates(doc: Any) -> np.ndarray:
    from spinscope.techniques.definitions import TECHNIQUES

    return np.array([_own_rate(doc, frozenset({t})) for t in TECHNIQUES])


def _fit_weights(pos: np.ndarray, neg: np.ndarray, l2: float = 0.01) -> np.ndarray:
    """Non-negative per-technique weights of a class-balanced logistic model (projected
    gradient descent on standardised rates), as weights on the raw rates."""
    x = np.vstack([pos, neg])
    y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
    scale = x.std(0) + 1e-9
    xs = x / scale
    sw = np.where(y == 1, 0.5 / len(pos), 0.5 / len(neg))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(3000):
        g = (1 / (1 + np.exp(-(xs @ w + b))) - y) * sw
        w = np.maximum(w - 0.5 * (xs.T @ g + l2 * w), 0.0)
        b -= 0.5 * g.sum()
    return np.asarray(w / scale)


def _held_out(
    docs: dict[str, dict[str, Any]], mainstream: set[str], seed: int, splits: int
) -> dict[str, Any]:
    """Choose a rate definition on one half, report it on the other (see the module
    docstring); ``docs`` by corpus: ``ptc``, ``real``, ``fake``, ``unlabeled``."""
    from spinscope.techniques.definitions import TECHNIQUES

    defs = _definitions()
    values = {
        name: {c: {a: f(d) for a, d in ds.items()} for c, ds in docs.items()}
        for name, f in defs.items()
    }
    per_technique = {c: {a: _technique_rates(d) for a, d in ds.items()} for c, ds in docs.items()}

    def split(s: int) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        parts = {c: _halves(list(docs[c]), s) for c in ("ptc", "real", "fake")}
        a = {c: p[0] for c, p in parts.items()}
        b = {c: p[1] for c, p in parts.items()}
        for h in (a, b):
            h["main"] = [x for x in h["real"] if x in mainstream]
        return a, b

    def scores(v: dict[str, dict[str, float]], h: dict[str, list[str]]) -> dict[str, float]:
        ptc = [v["ptc"][x] for x in h["ptc"]]
        main = [v["real"][x] for x in h["main"]]
        unl = list(v["unlabeled"].values())
        return {
            "ptc_vs_mainstream": _auc(ptc, main),
            "fake_vs_real": _auc(
                [v["fake"][x] for x in h["fake"]], [v["real"][x] for x in h["real"]]
            ),
            "below_ptc_p25": float(np.mean([m < np.percentile(ptc, 25) for m in main])),
            "unlabeled_vs_mainstream": _auc(unl, main),
            "below_unlabeled_p25": float(np.mean([m < np.percentile(unl, 25) for m in main])),
        }

    a, b = split(seed)
    rows = {
        name: {
            "choose": _auc([v["ptc"][x] for x in a["ptc"]], [v["real"][x] for x in a["main"]]),
            **scores(v, b),
        }
        for name, v in values.items()
    }
    chosen = max(rows, key=lambda n: rows[n]["choose"])
    weights = _fit_weights(
        np.array([per_technique["ptc"][x] for x in a["ptc"]]),
        np.array([per_technique["real"][x] for x in a["main"]]),
    )
    fitted = {c: {x: float(r @ weights) for x, r in rs.items()} for c, rs in per_technique.items()}
    rows["fitted per-technique weights (not shipped)"] = {
        "choose": _auc(
            [fitted["ptc"][x] for x in a["ptc"]], [fitted["real"][x] for x in a["main"]]
        ),
        **scores(fitted, b),
    }
    before, shipped = "own voice, every technique (before)", next(n for n in defs if "shipped" in n)
    gains = []
    for s in range(splits):
        _, bb = split(1000 + s)
        gains.append(
            scores(values[shipped], bb)["ptc_vs_mainstream"]
            - scores(values[before], bb)["ptc_vs_mainstream"]
        )
    return {
        "seed": seed,
        "sizes": {h: {c: len(x) for c, x in part.items()} for h, part in (("a", a), ("b", b))},
        "unlabeled": len(docs["unlabeled"]),
        "rows": rows,
        "chosen": chosen,
        "weights": {t: float(w) for t, w in zip(TECHNIQUES, weights, strict=True)},
        "repeated": {
            "splits": splits,
            "mean": float(np.mean(gains)) if gains else 0.0,
            "sd": float(np.std(gains)) if gains else 0.0,
            "better": int(sum(g > 0 for g in gains)),
        },
    }


def _pages_rates(pages: dict[str, Any], ptc: dict[str, Any], unl: dict[str, Any]) -> dict[str, Any]:
    """Own-voice rates, before and distinctive, of the news pages of html-eval against
    PTC's 25th percentiles."""
    from spinscope.techniques.profile import technique_profile

    def both(d: Any) -> tuple[float, float]:
        v = technique_profile(d).voices
        return (v.own_per_1000_words, v.own_distinctive_per_1000_words) if v else (0.0, 0.0)

    ref = {
        n: np.array([both(d) for d in c.values()]) for n, c in (("ptc", ptc), ("unlabeled", unl))
    }
    p25 = {n: [float(np.percentile(r[:, k], 25)) for k in (0, 1)] for n, r in ref.items()}
    rows = {f: both(pages[f]) for f in (*WIRE_PAGES, CONSPIRACY_PAGE) if f in pages}
    wire = [rows[f] for f in WIRE_PAGES if f in rows]
    return {
        "p25": p25,
        "rows": {f: {"before": r[0], "distinctive": r[1]} for f, r in rows.items()},
        "wire_below": {n: [int(sum(r[k] < p25[n][k] for r in wire)) for k in (0, 1)] for n in p25},
        "n_wire": len(wire),
    }


def measure(
    ptc_dir: Path,
    fnn_dir: Path,
    html_dir: Path,
    cache: Path,
    precision: tuple[float, ...],
    seed: int = 13,
    splits: int = 20,
) -> dict[str, Any]:
    from spinscope.techniques.profile import technique_profile
    from spinscope.techniques.semeval import folds, load_ptc

    ptc = load_ptc(ptc_dir)
    data = _predict(ptc_dir, fnn_dir, html_dir, cache)
    atts = _analyse(data, _groups_cache(cache))
    trimmed = _docs(data["ptc"], trim=True, groups=atts["ptc"])
    raw = _docs(data["ptc"], trim=False)
    ids = sorted(trimmed)
    parts = folds(ids, k=5, seed=13)

    sweep = []
    for cut in CUTS:
        si = _si(trimmed, ptc.si, ids, cut)
        sweep.append({"cut": cut, **si, "label_p": _label_precision(trimmed, ptc.tc, ids, cut)})

    def choose(articles: list[str], target: float) -> float:
        ok = [c for c in CUTS if _si(trimmed, ptc.si, articles, c)["p"] >= target]
        return min(ok) if ok else max(CUTS)

    rules = []
    for target in precision:
        per_fold = []
        for k, test in enumerate(parts):
            cut = choose([a for j, p in enumerate(parts) if j != k for a in p], target)
            per_fold.append({"fold": k, "cut": cut, **_si(trimmed, ptc.si, sorted(test), cut)})
        rules.append(
            {
                "target": target,
                "chosen": choose(ids, target),
                "per_fold": per_fold,
                "cv_mean": {m: float(np.mean([r[m] for r in per_fold])) for m in ("p", "r", "f1")},
            }
        )

    trim_rows = []
    for k, test in enumerate(parts):
        t = sorted(test)
        trim_rows.append(
            {"fold": k, "raw": _si(raw, ptc.si, t, 0.0), "trimmed": _si(trimmed, ptc.si, t, 0.0)}
        )

    def pct(values: list[float]) -> dict[str, float]:
        if not values:
            return {str(q): float("nan") for q in PERCENTILES}
        return {str(q): float(np.percentile(values, q)) for q in PERCENTILES}

    def rates(docs: dict[str, Any]) -> dict[str, dict[str, float]]:
        profs = [technique_profile(d) for d in docs.values()]
        voices = [p.voices for p in profs if p.voices is not None]
        quoting = [v for v in voices if v.quoted_words]
        return {
            "expected": pct([p.per_1000_words for p in profs]),
            "count": pct([p.spans_per_1000_words for p in profs]),
            "own": pct([v.own_per_1000_words for v in voices]),
            "distinctive": pct([v.own_distinctive_per_1000_words for v in voices]),
            "quoted": pct([v.quoted_per_1000_words for v in quoting]),
            "n": {
                "articles": float(len(profs)),
                "quoting": float(len(quoting)),
                "quoted_share": float(
                    np.median([v.quoted_words / (v.own_words + v.quoted_words) for v in voices])
                )
                if voices
                else 0.0,
            },
        }

    fnn_all = data["fnn"]
    fnn_docs = _docs(fnn_all, trim=True, groups=atts["fnn"])
    mainstream = {a: d for a, d in fnn_docs.items() if any(m in fnn_all[a][2] for m in MAINSTREAM)}
    plain = {a: d for a, d in mainstream.items() if _quotes_per_1000_words(d) < PLAIN_QUOTES}
    ptc_rates = rates(trimmed)
    p25 = ptc_rates["expected"]["25"]
    own_p25 = ptc_rates["own"]["25"]

    fake_docs = _docs(data["fnn_fake"], trim=True, groups=atts["fnn_fake"])

    def per_article(docs: dict[str, Any]) -> dict[str, list[float]]:
        profs = [technique_profile(d) for d in docs.values()]
        return {
            "expected": [p.per_1000_words for p in profs],
            "count": [p.spans_per_1000_words for p in profs],
            "own": [p.voices.own_per_1000_words if p.voices else 0.0 for p in profs],
            "distinctive": [
                p.voices.own_distinctive_per_1000_words if p.voices else 0.0 for p in profs
            ],
        }

    by = {
        n: per_article(d)
        for n, d in (
            ("ptc", trimmed),
            ("main", mainstream),
            ("real", fnn_docs),
            ("fake", fake_docs),
        )
    }
    separation = {
        kind: {
            "ptc_vs_mainstream": _auc(by["ptc"][kind], by["main"][kind]),
            "fake_vs_real": _auc(by["fake"][kind], by["real"][kind]),
        }
        for kind in ("expected", "count", "own", "distinctive")
    }

    def below(docs: dict[str, Any]) -> float:
        return float(np.mean([technique_profile(d).per_1000_words < p25 for d in docs.values()]))

    def own_below(docs: dict[str, Any], cut: float) -> float:
        voices = [technique_profile(d).voices for d in docs.values()]
        return float(np.mean([v is not None and v.own_per_1000_words < cut for v in voices]))

    unlabeled = _docs(data["ptc_unlabeled"], trim=True, groups=atts["ptc_unlabeled"])
    held_out = _held_out(
        {"ptc": trimmed, "real": fnn_docs, "fake": fake_docs, "unlabeled": unlabeled},
        set(mainstream),
        seed,
        splits,
    )
    pages = _docs(data["html"], trim=True, groups=atts["html"])

    return {
        "held_out": held_out,
        "pages": _pages_rates(pages, trimmed, unlabeled) if pages else None,
        "sweep": sweep,
        "rules": rules,
        "trim": trim_rows,
        "trim_mean": {
            v: float(np.mean([r[v]["f1"] for r in trim_rows])) for v in ("raw", "trimmed")
        },
        "rates": {
            "ptc": ptc_rates,
            "fnn_real": rates(fnn_docs),
            "fnn_mainstream": rates(mainstream),
            "fnn_plain": rates(plain),
        },
        "below_ptc_p25": {
            "fnn_real": below(fnn_docs),
            "fnn_mainstream": below(mainstream),
            "fnn_plain": below(plain),
        },
        "own_below_ptc_own_p25": {
            "fnn_real": own_below(fnn_docs, own_p25),
            "fnn_mainstream": own_below(mainstream, own_p25),
            "fnn_plain": own_below(plain, own_p25),
        },
        "own_below_ptc_p25": {"fnn_mainstream": own_below(mainstream, p25)},
        "distinctive_below_ptc_p25": {
            "fnn_mainstream": float(
                np.mean([v < ptc_rates["distinctive"]["25"] for v in by["main"]["distinctive"]])
            )
        },
        "separation": separation,
        "n_fake": len(fake_docs),
    }


def _table(res: dict[str, Any], argv: list[str]) -> str:
    from spinscope.techniques.profile import QUOTE_MIN_WORDS

    m = machine()
    lines = [
        BEGIN,
        "",
        f"Measured {dt.date.today().isoformat()} on {m['nproc']} cores ({m['cpu']}); "
        f"`{' '.join(['.venv/bin/python', 'bench/technique_rate.py', *argv])}`. "
        "PTC predictions come from the shipped model, trained on all 371 articles "
        "(in-sample: the SI figures are optimistic, see the model card).",
        "",
        "### Display threshold (PTC, component spans at or above the cut)",
        "",
        "| cut | spans | SI P | SI R | SI F1 | same-technique overlap |",
        "|---|---|---|---|---|---|",
    ]
    for r in res["sweep"]:
        lines.append(
            f"| {r['cut']:.2f} | {r['n']:,} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} "
            f"| {r['label_p']:.3f} |"
        )
    lines += [
        "",
        "Cut chosen per fold on the other four folds (the lowest cut whose SI precision "
        "reaches the target), measured on the held-out fold:",
        "",
        "| precision target | fold | cut | SI P | SI R | SI F1 |",
        "|---|---|---|---|---|---|",
    ]
    for rule in res["rules"]:
        for r in rule["per_fold"]:
            lines.append(
                f"| {rule['target']} | {r['fold']} | {r['cut']:.2f} | {r['p']:.3f} "
                f"| {r['r']:.3f} | {r['f1']:.3f} |"
            )
        cv = rule["cv_mean"]
        lines.append(
            f"| {rule['target']} | **mean** | | {cv['p']:.3f} | {cv['r']:.3f} | {cv['f1']:.3f} |"
        )
    chosen = ", ".join(f"{r['chosen']:.2f} (target {r['target']})" for r in res["rules"])
    lines += [
        "",
        f"Chosen on all folds: {chosen}.",
        "",
        "### Phrase-boundary trimming (PTC, every span, SI per fold)",
        "",
        "| fold | SI F1 untrimmed | SI F1 trimmed |",
        "|---|---|---|",
    ]
    for r in res["trim"]:
        lines.append(f"| {r['fold']} | {r['raw']['f1']:.4f} | {r['trimmed']['f1']:.4f} |")
    tm = res["trim_mean"]
    lines += [
        f"| **mean** | {tm['raw']:.4f} | {tm['trimmed']:.4f} |",
        "",
        "### Technique rate per article (per 1,000 words)",
        "",
        "Expected = sum of calibrated span scores (the profile's `per_1000_words`); count = "
        "detected spans, whatever their score.",
        "",
        "| corpus | articles | rate | " + " | ".join(f"p{q}" for q in PERCENTILES) + " |",
        "|---|---|---|" + "---|" * len(PERCENTILES),
    ]
    names = {
        "ptc": "PTC (labelled)",
        "fnn_real": "FakeNewsNet real",
        "fnn_mainstream": "FakeNewsNet real, mainstream outlets",
        "fnn_plain": "… of which little quoted speech",
    }
    for key, name in names.items():
        r = res["rates"][key]
        for kind in ("expected", "count"):
            vals = " | ".join(f"{r[kind][str(q)]:.1f}" for q in PERCENTILES)
            lines.append(f"| {name} | {int(r['n']['articles'])} | {kind} | {vals} |")
    lines += [
        "",
        "Articles whose expected rate is below PTC's 25th percentile: "
        + ", ".join(
            f"{names[k].lower().lstrip('… ')} {100 * v:.0f} %"
            for k, v in res["below_ptc_p25"].items()
        )
        + f". Little quoted speech: fewer than {PLAIN_QUOTES} quotation marks per 1,000 "
        "words (PTC annotates techniques inside quotations too, so reporting that quotes "
        "politicians at length scores like the politicians).",
        "",
        "### Technique rate by voice (per 1,000 words of each part)",
        "",
        "Own voice = techniques outside attributed content and direct quotations of at "
        f"least {QUOTE_MIN_WORDS} words, per 1,000 words outside them (the profile's "
        "`own_per_1000_words`); quoted = inside them, per 1,000 quoted words "
        "(`quoted_per_1000_words`, articles with quoted speech only). A span straddling "
        "a boundary is shared by characters. Attributions from `attribution.v1` (rules "
        "backend).",
        "",
        "| corpus | articles | quoted words (median share) | rate | "
        + " | ".join(f"p{q}" for q in PERCENTILES)
        + " |",
        "|---|---|---|---|" + "---|" * len(PERCENTILES),
    ]
    for key, name in names.items():
        r = res["rates"][key]
        n = r["n"]
        for kind, count, key in (
            ("own voice", n["articles"], "own"),
            ("own voice, LL/repetition aside", n["articles"], "distinctive"),
            ("quoted", n["quoting"], "quoted"),
        ):
            vals = " | ".join(f"{r[key][str(q)]:.1f}" for q in PERCENTILES)
            lines.append(
                f"| {name} | {int(count)} | {100 * n['quoted_share']:.0f} % | {kind} | {vals} |"
            )
    own_p25 = res["rates"]["ptc"]["own"]["25"]
    ms = res["rates"]["fnn_mainstream"]
    lines += [
        "",
        f"Articles whose own-voice rate is below PTC's 25th percentile of the own-voice "
        f"rate ({own_p25:.1f}): "
        + ", ".join(
            f"{names[k].lower().lstrip('… ')} {100 * v:.0f} %"
            for k, v in res["own_below_ptc_own_p25"].items()
        )
        + ".",
        "",
        "Mainstream reporting against the target (a wire story's rate below PTC's 25th "
        f"percentile): the median mainstream article's own-voice rate is "
        f"{ms['own']['50']:.1f}, {'below' if ms['own']['50'] < own_p25 else 'not below'} "
        f"PTC's own-voice p25 ({own_p25:.1f}), where its overall rate "
        f"({ms['expected']['50']:.1f}) is above PTC's overall p25 "
        f"({res['rates']['ptc']['expected']['25']:.1f}); "
        f"{100 * (1 - res['own_below_ptc_own_p25']['fnn_mainstream']):.0f} % of mainstream "
        "articles still have an own-voice rate at or above PTC's own-voice p25 "
        f"({100 * (1 - res['own_below_ptc_p25']['fnn_mainstream']):.0f} % at or above the "
        "overall p25); without loaded language and repetition, "
        f"{100 * (1 - res['distinctive_below_ptc_p25']['fnn_mainstream']):.0f} % are at or "
        "above PTC's p25 of that rate "
        f"({res['rates']['ptc']['distinctive']['25']:.1f}). Attribution can miss quoted "
        "speech (quotes the rules do not attribute, paraphrase without a cue), and what "
        "it misses counts as the outlet's own voice.",
        "",
        "### How well the rate separates corpora",
        "",
        "AUC = probability that an article of the first corpus rates above one of the "
        "second (0.5: no separation). FakeNewsNet fake: "
        f"{res['n_fake']} articles of its BuzzFeed and PolitiFact fake labels, same filter.",
        "",
        "| rate | PTC vs mainstream real | FakeNewsNet fake vs real |",
        "|---|---|---|",
    ]
    kinds = {
        "expected": "expected (overall)",
        "count": "count",
        "own": "own voice",
        "distinctive": "own voice, loaded language and repetition aside (the header's)",
    }
    for kind, label in kinds.items():
        sep = res["separation"][kind]
        lines.append(f"| {label} | {sep['ptc_vs_mainstream']:.3f} | {sep['fake_vs_real']:.3f} |")
    lines += ["", *_held_out_table(res["held_out"])]
    if res.get("pages"):
        lines += ["", *_pages_table(res["pages"])]
    lines += [
        "",
        "No rate separates well: the model finds techniques in mainstream reporting too "
        "(PTC annotates them inside quotations, and attribution misses some quoted "
        "speech), so a single article's rate is a pointer to its findings, not a verdict "
        "on the outlet.",
        "",
        END,
    ]
    return "\n".join(lines)


def _held_out_table(h: dict[str, Any]) -> list[str]:
    a, b = h["sizes"]["a"], h["sizes"]["b"]
    lines = [
        "### Which rate to lead with (chosen on one half, measured on the other)",
        "",
        f"Seeded halves (seed {h['seed']}): the rate is chosen on half A (PTC {a['ptc']}, "
        f"mainstream {a['main']}) by its AUC PTC vs mainstream and measured on half B (PTC "
        f"{b['ptc']}, mainstream {b['main']}, FakeNewsNet real {b['real']} and fake "
        f"{b['fake']}) and against the {h['unlabeled']} unlabelled PTC articles (which the "
        "model never saw; labelled PTC predictions are in-sample). Below p25: share of "
        "half B's mainstream articles under the 25th percentile of the same rate on "
        "PTC's half B / on the unlabelled articles.",
        "",
        "| rate | A: PTC vs mainstream | B: PTC vs mainstream | B: fake vs real "
        "| B: below PTC p25 | unlabelled PTC vs B mainstream | below unlabelled p25 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in sorted(h["rows"].items(), key=lambda kv: -kv[1]["choose"]):
        lines.append(
            f"| {name} | {r['choose']:.3f} | {r['ptc_vs_mainstream']:.3f} "
            f"| {r['fake_vs_real']:.3f} | {100 * r['below_ptc_p25']:.0f} % "
            f"| {r['unlabeled_vs_mainstream']:.3f} | {100 * r['below_unlabeled_p25']:.0f} % |"
        )
    rep = h["repeated"]
    top = sorted(h["weights"].items(), key=lambda kv: -kv[1])[:4]
    lines += [
        "",
        f"Chosen on half A: **{h['chosen']}**. Over {rep['splits']} further random "
        "halvings, half B's AUC PTC vs mainstream of the shipped rate minus that of the "
        f"own-voice rate with every technique: {rep['mean']:+.3f} (sd {rep['sd']:.3f}), "
        f"better in {rep['better']} of {rep['splits']}. Spans at or above the display "
        "threshold are too few (most articles have none in their own voice) to rank "
        "articles, and the labelling devices are too rare. The fitted weights "
        "(non-negative logistic over the 14 own-voice technique rates, class-balanced, "
        "on half A) lead with "
        + ", ".join(f"{t} ({w:.2g})" for t, w in top)
        + ": no better out of sample than dropping two techniques, and not shipped.",
    ]
    return lines


def _pages_table(pg: dict[str, Any]) -> list[str]:
    ptc, unl = pg["p25"]["ptc"], pg["p25"]["unlabeled"]
    lines = [
        "### News pages of html-eval",
        "",
        f"The {pg['n_wire']} html-eval pages that are ordinary news reporting (local news, "
        "wire-like stories, press releases, tech news; `WIRE_PAGES` in the script), read "
        "through `boilerplate.v1`, and the one page spreading a conspiracy story. PTC's "
        f"25th percentiles: own voice {ptc[0]:.2f} (unlabelled {unl[0]:.2f}), loaded "
        f"language and repetition aside {ptc[1]:.2f} (unlabelled {unl[1]:.2f}).",
        "",
        "| page | own voice | loaded language and repetition aside |",
        "|---|---|---|",
    ]
    for f, r in pg["rows"].items():
        name = "conspiracy blog post" if f == CONSPIRACY_PAGE else f.removesuffix(".html")
        lines.append(f"| {name} | {r['before']:.2f} | {r['distinctive']:.2f} |")
    below = pg["wire_below"]
    lines += [
        "",
        f"News pages below PTC's p25: {below['ptc'][0]} of {pg['n_wire']} with every "
        f"technique, {below['ptc'][1]} without loaded language and repetition (against "
        f"the unlabelled articles' p25: {below['unlabeled'][0]} and "
        f"{below['unlabeled'][1]}).",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--ptc", type=Path, default=SHARED / "data" / "ptc")
    ap.add_argument("--fnn", type=Path, default=SHARED / "data" / "corpora" / "fakenewsnet-v1")
    ap.add_argument("--html", type=Path, default=SHARED / "data" / "html-eval")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/spinscope-technique-preds.pkl"))
    ap.add_argument("--seed", type=int, default=13, help="seed of the choose/report halves")
    ap.add_argument("--splits", type=int, default=20, help="further random halvings")
    ap.add_argument(
        "--precision",
        default="0.45,0.5",
        help="SI precision targets, comma-separated (the first is the shipped rule)",
    )
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.ptc / "articles").is_dir() or not args.fnn.is_dir():
        print(f"skip: {args.ptc} or {args.fnn} is missing")
        return 0
    targets = tuple(float(x) for x in args.precision.split(","))
    res = measure(args.ptc, args.fnn, args.html, args.cache, targets, args.seed, args.splits)
    given = list(argv if argv is not None else sys.argv[1:])
    # The cache's path is this machine's business, not part of the recorded command.
    shown = [a for k, a in enumerate(given) if a != "--cache" and given[k - 1 : k] != ["--cache"]]
    text = _table(res, shown)
    print(json.dumps(res, indent=1) if args.json else text)
    if not args.no_doc:
        update_doc(args.doc, text, BEGIN, END, heading="## Technique findings and rate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
