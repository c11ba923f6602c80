"""SemEval-2020 Task 11 (PTC) formats, the official scorers, and the shared CV split.

Pure Python, no third-party imports: safe to import anywhere.

Formats (tab-separated, character offsets, ``end`` exclusive):

* articles: ``article<ID>.txt`` (title, blank line, one sentence per line);
* SI labels / predictions: ``id<TAB>start<TAB>end``;
* TC labels / predictions: ``id<TAB>technique<TAB>start<TAB>end``;
* TC template (the spans to label): ``id<TAB>?<TAB>start<TAB>end``.

A labels *path* may be one file or a directory of files (the gold folders hold one
``article<ID>.task1-SI.labels`` / ``.task2-TC.labels`` per article; an empty file still
registers its article, with no spans).

Scorers (the semantics of the organisers' ``task-SI_scorer.py`` / ``task-TC_scorer.py``):

* **SI.** Spans are sets of character positions. Gold spans of an article are merged
  where they overlap. With ``S`` the predicted and ``T`` the gold spans, pairs are only
  formed within one article::

      P = Σ_s Σ_t |s∩t| / |s|  / |S|      R = Σ_s Σ_t |s∩t| / |t|  / |T|
      F1 = 2PR / (P + R)

  ``|S|`` counts every predicted span (also those in articles without gold spans) and
  ``|T|`` every merged gold span (also those in articles without predictions). The
  official script *rejects* a submission whose spans overlap within an article unless
  run with ``-m`` (merge); :func:`score_si` does the same (``merge_pred=True`` is ``-m``).
  :func:`write_si` always writes merged, non-overlapping spans.
* **TC.** Every gold span receives exactly one predicted label (the submission fills the
  template). Predictions are matched to gold spans with the same article and offsets;
  where one span carries several gold labels (PTC has such duplicates) the matching is
  a multiset intersection, so the order of the duplicate lines does not matter.
  Micro-averaged P = TP / #predicted, R = TP / #gold, F1 (P = R = F1 when the
  submission covers the template exactly). Per-technique P/R/F1 as sklearn's
  ``precision_recall_fscore_support(average=None)`` (0 where undefined); macro-F1 is
  their mean over the technique list.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

__all__ = [
    "PRF",
    "PTC",
    "PTC_TECHNIQUES",
    "SIScore",
    "SpanPair",
    "TCRow",
    "TCScore",
    "check_no_overlap",
    "fill_template",
    "fold_splits",
    "folds",
    "load_ptc",
    "merge_spans",
    "prf",
    "read_articles",
    "read_si",
    "read_tc",
    "read_techniques",
    "read_template",
    "score_si",
    "score_tc",
    "si_from_tc",
    "write_si",
    "write_tc",
]

#: A ``(start, end)`` character range, ``end`` exclusive.
SpanPair = tuple[int, int]
#: One TC label of an article: ``(technique, start, end)``.
TCRow = tuple[str, int, int]

#: The 14 technique classes of SemEval-2020 Task 11, as written in PTC label files.
PTC_TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

_ARTICLE_FILE = re.compile(r"^article(?P<id>[^.]+)\.txt$")
_LABEL_FILE = re.compile(r"^article(?P<id>[^.]+)\..*labels$")

PathLike = str | Path


# -- reading ------------------------------------------------------------------------


def read_articles(directory: PathLike) -> dict[str, str]:
    """Read every ``article<ID>.txt`` of a directory.

    The text is decoded as UTF-8 without newline translation, so offsets index exactly
    the characters of the file.

    Args:
        directory: a folder such as ``ptc/articles`` or ``ptc/unlabeled``.

    Returns:
        Article id (the ``<ID>`` of the file name) -> text, sorted by id.

    Raises:
        FileNotFoundError: ``directory`` is not a folder.
    """
    root = Path(directory)
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a directory of article<ID>.txt files")
    out: dict[str, str] = {}
    for path in sorted(root.iterdir()):
        match = _ARTICLE_FILE.match(path.name)
        if match and path.is_file():
            out[match["id"]] = path.read_bytes().decode("utf-8")
    return dict(sorted(out.items()))


def _label_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    if path.is_file():
        return [path]
    raise FileNotFoundError(f"{path} is neither a labels file nor a directory of them")


def _rows(path: PathLike, ncols: int, what: str) -> Iterator[tuple[str, int, list[str]]]:
    """Yield ``(source, line number, fields)`` of each non-blank line; register empty files."""
    for file in _label_files(Path(path)):
        match = _LABEL_FILE.match(file.name)
        if match:
            # Marker row: the article exists even when its file has no lines.
            yield str(file), 0, [match["id"]]
        with file.open(encoding="utf-8", newline="") as handle:
            for lineno, line in enumerate(handle, 1):
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                fields = line.split("\t")
                if len(fields) != ncols:
                    raise ValueError(
                        f"{file}:{lineno}: expected {ncols} tab-separated {what} fields, "
                        f"got {len(fields)}: {line[:80]!r}"
                    )
                yield str(file), lineno, fields


def _offsets(source: str, lineno: int, start: str, end: str) -> SpanPair:
    try:
        s, e = int(start), int(end)
    except ValueError:
        raise ValueError(
            f"{source}:{lineno}: offsets must be integers, got {start!r}, {end!r}"
        ) from None
    if not 0 <= s < e:
        raise ValueError(f"{source}:{lineno}: span [{s}, {e}) is empty or negative")
    return s, e


def read_si(path: PathLike) -> dict[str, list[SpanPair]]:
    """Read SI labels or predictions (``id<TAB>start<TAB>end``) from a file or folder.

    Returns:
        Article id -> spans in file order (articles with an empty label file map to ``[]``).

    Raises:
        ValueError: a malformed line (the message names file and line).
    """
    out: dict[str, list[SpanPair]] = {}
    for source, lineno, fields in _rows(path, 3, "SI"):
        if lineno == 0:
            out.setdefault(fields[0], [])
            continue
        out.setdefault(fields[0], []).append(_offsets(source, lineno, fields[1], fields[2]))
    return out


def read_tc(path: PathLike) -> dict[str, list[TCRow]]:
    """Read TC labels or predictions (``id<TAB>technique<TAB>start<TAB>end``).

    Returns:
        Article id -> ``(technique, start, end)`` in file order.

    Raises:
        ValueError: a malformed line.
    """
    out: dict[str, list[TCRow]] = {}
    for source, lineno, fields in _rows(path, 4, "TC"):
        if lineno == 0:
            out.setdefault(fields[0], [])
            continue
        start, end = _offsets(source, lineno, fields[2], fields[3])
        out.setdefault(fields[0], []).append((fields[1], start, end))
    return out


def read_template(path: PathLike) -> list[tuple[str, int, int]]:
    """Read a TC template (``id<TAB>?<TAB>start<TAB>end``) as ``(id, start, end)`` lines.

    The second column is ignored, so a gold TC file also serves as a template. Line order
    is kept: :func:`fill_template` writes the labels back in the same order.
    """
    return [
        (fields[0], *_offsets(source, lineno, fields[2], fields[3]))
        for source, lineno, fields in _rows(path, 4, "TC template")
        if lineno
    ]


def read_techniques(path: PathLike) -> list[str]:
    """Read a ``techniques.txt`` (one class name a line)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def si_from_tc(tc: Mapping[str, Iterable[TCRow]]) -> dict[str, list[SpanPair]]:
    """SI spans (technique dropped) of TC labels, per article, in input order."""
    return {aid: [(s, e) for _, s, e in rows] for aid, rows in tc.items()}


@dataclass(frozen=True)
class PTC:
    """A PTC folder in memory.

    Attributes:
        articles: id -> text.
        si: id -> SI gold spans (empty when ``labels-si`` is absent).
        tc: id -> TC gold ``(technique, start, end)`` (empty when ``labels-tc`` is absent).
    """

    articles: dict[str, str]
    si: dict[str, list[SpanPair]] = field(default_factory=dict)
    tc: dict[str, list[TCRow]] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return list(self.articles)


def load_ptc(root: PathLike, articles: str = "articles") -> PTC:
    """Load ``root/<articles>``, ``root/labels-si`` and ``root/labels-tc`` (when present).

    Every labelled article id must have its text; every article gets an entry (maybe
    empty) in ``si`` and ``tc`` when those folders exist.

    Raises:
        ValueError: a label refers to an article that is missing or ends past its text.
    """
    base = Path(root)
    texts = read_articles(base / articles)
    si = read_si(base / "labels-si") if (base / "labels-si").is_dir() else {}
    tc = read_tc(base / "labels-tc") if (base / "labels-tc").is_dir() else {}
    for name, labels in (("labels-si", si), ("labels-tc", tc)):
        for aid, rows in labels.items():
            if aid not in texts:
                raise ValueError(f"{name}: article {aid} has labels but no article{aid}.txt")
            ends = [r[-1] for r in rows]
            if ends and max(ends) > len(texts[aid]):
                raise ValueError(f"{name}: a span of article {aid} ends past its text")
    if si:
        si = {aid: si.get(aid, []) for aid in texts}
    if tc:
        tc = {aid: tc.get(aid, []) for aid in texts}
    return PTC(texts, si, tc)


# -- writing ------------------------------------------------------------------------


def merge_spans(spans: Iterable[SpanPair]) -> list[SpanPair]:
    """Merge spans that share at least one character; sorted, non-overlapping result.

    Touching spans (``[0, 5)`` and ``[5, 9)``) share no character and stay apart, as in
    the official scorer's set-of-positions merge.
    """
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _open_out(out: PathLike | TextIO) -> tuple[TextIO, bool]:
    if isinstance(out, str | Path):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8", newline="\n"), True
    return out, False


def write_si(out: PathLike | TextIO, predictions: Mapping[str, Iterable[SpanPair]]) -> int:
    """Write SI predictions, merging overlapping spans per article.

    Args:
        out: a path or an open text stream.
        predictions: article id -> predicted ``(start, end)`` spans.

    Returns:
        The number of lines written.
    """
    handle, close = _open_out(out)
    n = 0
    try:
        for aid in sorted(predictions):
            for start, end in merge_spans(predictions[aid]):
                handle.write(f"{aid}\t{start}\t{end}\n")
                n += 1
    finally:
        if close:
            handle.close()
    return n


def write_tc(out: PathLike | TextIO, rows: Iterable[tuple[str, str, int, int]]) -> int:
    """Write TC predictions ``(id, technique, start, end)`` in the given order.

    Returns:
        The number of lines written.

    Raises:
        ValueError: a technique name contains a tab or newline.
    """
    handle, close = _open_out(out)
    n = 0
    try:
        for aid, technique, start, end in rows:
            if any(c in technique for c in "\t\r\n"):
                raise ValueError(f"technique {technique!r} contains a tab or line break")
            handle.write(f"{aid}\t{technique}\t{start}\t{end}\n")
            n += 1
    finally:
        if close:
            handle.close()
    return n


def fill_template(
    template: Sequence[tuple[str, int, int]], labels: Sequence[str]
) -> list[tuple[str, str, int, int]]:
    """Pair template lines with predicted labels: ``(id, label, start, end)``.

    Raises:
        ValueError: the counts differ.
    """
    if len(template) != len(labels):
        raise ValueError(f"{len(labels)} labels for {len(template)} template lines")
    return [(aid, label, s, e) for (aid, s, e), label in zip(template, labels, strict=True)]


# -- scoring ------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    """Precision, recall, F1 and the counts behind them.

    Attributes:
        precision: in ``[0, 1]``; 0 when nothing was predicted.
        recall: in ``[0, 1]``; 0 when there is no gold.
        f1: harmonic mean; 0 when ``precision + recall == 0``.
        n_pred: predicted items (spans) behind the precision.
        n_gold: gold items behind the recall.
    """

    precision: float
    recall: float
    f1: float
    n_pred: int = 0
    n_gold: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }


def prf(p_num: float, n_pred: int, r_num: float, n_gold: int) -> PRF:
    """``PRF`` from precision/recall numerators and denominators (0 where undefined)."""
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return PRF(p, r, f1, n_pred, n_gold)


@dataclass(frozen=True)
class SIScore:
    """Result of :func:`score_si`: overall ``PRF`` plus the summed overlaps."""

    overall: PRF
    p_sum: float
    r_sum: float

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def to_dict(self) -> dict[str, Any]:
        return {"task": "SI", **self.overall.to_dict()}


def check_no_overlap(spans: Mapping[str, Iterable[SpanPair]]) -> None:
    """Raise ``ValueError`` if two spans of one article share a character."""
    for aid, article_spans in spans.items():
        ordered = sorted(article_spans)
        for (s1, e1), (s2, e2) in itertools.pairwise(ordered):
            if s2 < e1:
                raise ValueError(
                    f"article {aid}: predicted spans [{s1}, {e1}) and [{s2}, {e2}) overlap; "
                    "the official SI scorer rejects overlapping predictions (merge them: "
                    "write_si does, or score with merge_pred=True, the scorer's -m)"
                )


def _unknown_articles(pred: Iterable[str], gold: Mapping[str, Any]) -> None:
    unknown = sorted(set(pred) - set(gold))
    if unknown:
        more = f" (and {len(unknown) - 5} more)" if len(unknown) > 5 else ""
        raise ValueError(f"predictions for articles not in the gold: {unknown[:5]}{more}")


def score_si(
    gold: Mapping[str, Iterable[SpanPair]],
    pred: Mapping[str, Iterable[SpanPair]],
    *,
    merge_pred: bool = False,
) -> SIScore:
    """Official SemEval-2020 Task 11 SI score.

    Args:
        gold: article id -> gold spans (merged here where they overlap).
        pred: article id -> predicted spans; every id must be in ``gold``.
        merge_pred: merge overlapping predictions (the official ``-m``) instead of
            rejecting them.

    Returns:
        :class:`SIScore` (P, R, F1; ``n_pred`` = |S|, ``n_gold`` = |T|).

    Raises:
        ValueError: predictions overlap (without ``merge_pred``), or an article id of
            ``pred`` is not in ``gold``.
    """
    _unknown_articles(pred, gold)
    gold_m = {aid: merge_spans(spans) for aid, spans in gold.items()}
    if merge_pred:
        pred_m = {aid: merge_spans(spans) for aid, spans in pred.items()}
    else:
        pred_m = {aid: sorted(spans) for aid, spans in pred.items()}
        check_no_overlap(pred_m)
    p_sum = r_sum = 0.0
    for aid, p_spans in pred_m.items():
        g_spans = gold_m.get(aid, [])
        for ps, pe in p_spans:
            for gs, ge in g_spans:
                inter = min(pe, ge) - max(ps, gs)
                if inter > 0:
                    p_sum += inter / (pe - ps)
                    r_sum += inter / (ge - gs)
    n_pred = sum(len(v) for v in pred_m.values())
    n_gold = sum(len(v) for v in gold_m.values())
    return SIScore(prf(p_sum, n_pred, r_sum, n_gold), p_sum, r_sum)


@dataclass(frozen=True)
class TCScore:
    """Result of :func:`score_tc`.

    Attributes:
        micro: micro-averaged P/R/F1 (the official figure is ``micro.f1``).
        per_technique: technique -> P/R/F1 over that class.
        macro_f1: mean F1 over the techniques of ``per_technique``.
    """

    micro: PRF
    per_technique: dict[str, PRF]
    macro_f1: float

    @property
    def f1(self) -> float:
        return self.micro.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": "TC",
            **self.micro.to_dict(),
            "macro_f1": self.macro_f1,
            "per_technique": {k: v.to_dict() for k, v in self.per_technique.items()},
        }


def _by_span(rows: Iterable[TCRow]) -> dict[SpanPair, Counter[str]]:
    out: dict[SpanPair, Counter[str]] = defaultdict(Counter)
    for technique, start, end in rows:
        out[(start, end)][technique] += 1
    return out


def score_tc(
    gold: Mapping[str, Iterable[TCRow]],
    pred: Mapping[str, Iterable[TCRow]],
    *,
    techniques: Sequence[str] | None = None,
    strict: bool = True,
) -> TCScore:
    """Official SemEval-2020 Task 11 TC score (micro-F1 over gold spans).

    A prediction is correct when a gold label of the same article and offsets has the
    same technique; each gold label is matched at most once (multiset matching).

    Args:
        gold: article id -> gold ``(technique, start, end)``.
        pred: article id -> predicted ``(technique, start, end)``.
        techniques: the class list (per-technique rows, macro-F1, and the names a
            prediction may use); default: every technique of gold or predictions.
        strict: like the official scorer, require the predicted spans of each article to
            be exactly the gold spans (as a multiset). With ``strict=False`` missing
            spans count as false negatives and extra ones as false positives.

    Raises:
        ValueError: (strict) the predicted spans differ from the gold spans; an article
            of ``pred`` is not in ``gold``; a technique outside ``techniques``.
    """
    _unknown_articles(pred, gold)
    gold_rows = {aid: list(rows) for aid, rows in gold.items()}
    pred_rows = {aid: list(rows) for aid, rows in pred.items()}
    seen = {t for rows in (*gold_rows.values(), *pred_rows.values()) for t, _, _ in rows}
    if techniques is None:
        classes = sorted(seen)
    else:
        classes = list(techniques)
        unknown = sorted(seen - set(classes))
        if unknown:
            raise ValueError(f"techniques not in the class list: {unknown}")
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for aid in sorted(set(gold_rows) | set(pred_rows)):
        g = _by_span(gold_rows.get(aid, []))
        p = _by_span(pred_rows.get(aid, []))
        if strict:
            g_spans = {k: v.total() for k, v in g.items()}
            p_spans = {k: v.total() for k, v in p.items()}
            if g_spans != p_spans:
                diff = sorted(set(g_spans.items()) ^ set(p_spans.items()))[:3]
                raise ValueError(
                    f"article {aid}: predicted spans differ from the gold spans "
                    f"(e.g. (span, count) {diff}); the official TC scorer needs one "
                    "prediction per gold span (score with strict=False to allow this)"
                )
        for span, labels in g.items():
            n_gold.update(labels)
            tp.update(labels & p.get(span, Counter()))
        for labels in p.values():
            n_pred.update(labels)
    micro = prf(tp.total(), n_pred.total(), tp.total(), n_gold.total())
    per = {c: prf(tp[c], n_pred[c], tp[c], n_gold[c]) for c in classes}
    macro = sum(v.f1 for v in per.values()) / len(per) if per else 0.0
    return TCScore(micro, per, macro)


# -- cross-validation split ---------------------------------------------------------


def folds(ids: Iterable[str], k: int = 5, seed: int = 13) -> list[list[str]]:
    """Article-level CV folds shared by the baseline and the neural model.

    Deterministic: the distinct ids are sorted, shuffled with ``random.Random(seed)``
    and dealt round-robin into ``k`` folds (fold ``i`` gets positions ``i, i+k, ...``).

    Raises:
        ValueError: ``k < 2`` or fewer ids than folds.
    """
    order = sorted(set(ids))
    if k < 2 or len(order) < k:
        raise ValueError(f"need k >= 2 and at least k ids (k={k}, {len(order)} ids)")
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def fold_splits(
    ids: Iterable[str], k: int = 5, seed: int = 13
) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(train_ids, test_ids)`` for each of the :func:`folds`, in fold order."""
    parts = folds(ids, k, seed)
    for i, test in enumerate(parts):
        train = sorted(aid for j, part in enumerate(parts) if j != i for aid in part)
        yield train, sorted(test)
