"""PolNeAR-style brat standoff: read, write and score attribution annotations.

PolNeAR (Newell et al., 2018) stores one ``.ann`` file per article and annotator,
``attributions/<article>_<annotator>.ann``, next to ``text/<article>.txt``::

    T1  Source 201 220      O'Malley's campaign
    T2  Cue 221 225         says
    T3  Content 226 297     it will shift staff ...
    T4  Attribution 221 225 says
    E1  Attribution:T4 Content:T3 Cue:T2 Source:T1

``Attribution-no-source`` replaces ``Attribution`` when there is no source; spans may
be discontinuous (``"2103 2168;2170 2425"``); ``Discuss``/``Discard`` spans and
``#`` notes are ignored. Some PolNeAR span texts contain raw newlines, so a line
that does not start with a brat id is a continuation and is skipped: the offsets,
never the copied text, are authoritative.

Scoring (:func:`score_corpus`):

* a predicted attribution *matches* a gold one when their content token sets share
  at least half of the **gold** span's tokens (default, ``overlap="gold"``); pairs are
  matched one-to-one, greedily by overlap. This is the rule under which two PolNeAR
  annotators of the same 16 train articles agree at content F1 0.82 and source
  accuracy 0.92 (:func:`score_agreement`, ``spinscope brat agreement``), the human
  reference the issue quotes (0.82 / 0.91). ``overlap="longer"`` (≥ half of the longer
  span: a prediction swallowing a paragraph cannot match a one-clause gold content;
  annotators agree at 0.80 under it) and ``"any"`` (one shared token; 0.85) remain
  available;
* content precision/recall/F1 count matched pairs;
* source (and cue) accuracy is measured on matched pairs: correct when both sides
  lack a source, or both have one and they match by the same overlap rule;
* doubly-annotated articles: the alphabetically first annotator's file is gold
  (deterministic; PolNeAR's metadata lists annotators in no meaningful order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from spinscope.errors import InputError

__all__ = [
    "BratAttribution",
    "Score",
    "find_gold_files",
    "match_attributions",
    "read_ann",
    "score_agreement",
    "score_corpus",
    "score_pairs",
    "write_ann",
]

Range = tuple[int, int]
Overlap = Literal["longer", "gold", "any"]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ANNOTATOR = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})$")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class BratAttribution:
    """One attribution relation as character ranges (fragments kept in order)."""

    cue: tuple[Range, ...]
    content: tuple[Range, ...]
    source: tuple[Range, ...] = ()
    id: str = ""

    @property
    def has_source(self) -> bool:
        return bool(self.source)


def _ranges(spec: str) -> tuple[Range, ...]:
    out = []
    for part in spec.split(";"):
        s, e = part.split()
        out.append((int(s), int(e)))
    return tuple(out)


def read_ann(path: Path | str) -> list[BratAttribution]:
    """Parse a PolNeAR ``.ann`` file into attributions (in ``E`` order).

    Relations lacking a cue or a content are dropped (34 in PolNeAR train).
    """
    spans: dict[str, tuple[str, tuple[Range, ...]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in Path(path).read_text("utf-8").splitlines():
        if m := _T_LINE.match(line):
            spans[m.group(1)] = (m.group(2), _ranges(m.group(3)))
        elif m := _E_LINE.match(line):
            roles: dict[str, str] = {}
            for arg in m.group(2).split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    roles.setdefault(role, ref)
            events.append((m.group(1), roles))
    out = []
    for eid, roles in events:

        def get(role: str, roles: dict[str, str] = roles) -> tuple[Range, ...]:
            ref = roles.get(role)
            return spans[ref][1] if ref in spans else ()

        cue, content = get("Cue"), get("Content")
        if not cue or not content:
            continue
        out.append(BratAttribution(cue=cue, content=content, source=get("Source"), id=eid))
    return out


def _fmt(ranges: Sequence[Range], text: str) -> str:
    spec = ";".join(f"{s} {e}" for s, e in ranges)
    words = " ".join(" ".join(text[s:e].split()) for s, e in ranges)
    return f"{spec}\t{words}"


def write_ann(attributions: Iterable[BratAttribution], text: str) -> str:
    """Serialise attributions in PolNeAR's layout (``T`` Source/Cue/Content/Attribution + ``E``)."""
    lines: list[str] = []
    t = 0
    for e, att in enumerate(attributions, start=1):
        refs: dict[str, str] = {}
        for role, ranges in (("Source", att.source), ("Cue", att.cue), ("Content", att.content)):
            if ranges:
                t += 1
                refs[role] = f"T{t}"
                lines.append(f"T{t}\t{role} {_fmt(ranges, text)}")
        trigger = "Attribution" if att.source else "Attribution-no-source"
        t += 1
        lines.append(f"T{t}\t{trigger} {_fmt(att.cue, text)}")
        args = [
            f"{trigger}:T{t}",
            *(f"{r}:{refs[r]}" for r in ("Content", "Cue", "Source") if r in refs),
        ]
        lines.append(f"E{e}\t{' '.join(args)}")
    return "\n".join(lines) + ("\n" if lines else "")


# -- scoring -----------------------------------------------------------------------


class _Tokens:
    """Token index sets of character ranges (regex word/punctuation tokens)."""

    def __init__(self, text: str) -> None:
        self.spans = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def ids(self, ranges: Sequence[Range]) -> frozenset[int]:
        import bisect

        out: set[int] = set()
        for s, e in ranges:
            i = max(0, bisect.bisect_right(self.starts, s) - 1)
            while i < len(self.spans) and self.spans[i][0] < e:
                if self.spans[i][1] > s:
                    out.add(i)
                i += 1
        return frozenset(out)


def _match(a: frozenset[int], b: frozenset[int], overlap: Overlap = "gold") -> bool:
    """Do gold ``a`` and predicted ``b`` token sets match under the ``overlap`` rule?"""
    if not a or not b:
        return False
    shared = len(a & b)
    if overlap == "any":
        return shared > 0
    if overlap == "gold":
        return shared >= 0.5 * len(a)
    return shared >= 0.5 * max(len(a), len(b))


def match_attributions(
    gold: Sequence[BratAttribution],
    pred: Sequence[BratAttribution],
    text: str,
    overlap: Overlap = "gold",
) -> list[tuple[int, int]]:
    """One-to-one ``(gold_index, pred_index)`` pairs whose contents match.

    ``overlap``: ``"gold"`` (default: shared tokens ≥ half of the gold span — the rule
    that reproduces PolNeAR's published inter-annotator figures),
    ``"longer"`` (≥ half of the longer span: strict, a long prediction cannot match)
    or ``"any"`` (one shared token).
    """
    tok = _Tokens(text)
    g_ids = [tok.ids(g.content) for g in gold]
    p_ids = [tok.ids(p.content) for p in pred]
    cands = []
    for i, g in enumerate(g_ids):
        for j, p in enumerate(p_ids):
            if _match(g, p, overlap):
                cands.append((len(g & p), i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass
class Score:
    """Counts and derived figures over a corpus."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    articles: int = 0
    per_article: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_ok / self.matched if self.matched else 0.0

    @property
    def cue_accuracy(self) -> float:
        return self.cue_ok / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "gold": self.gold,
            "pred": self.pred,
            "matched": self.matched,
            "content_precision": round(self.precision, 4),
            "content_recall": round(self.recall, 4),
            "content_f1": round(self.f1, 4),
            "source_accuracy": round(self.source_accuracy, 4),
            "cue_accuracy": round(self.cue_accuracy, 4),
        }


def score_pairs(
    score: Score,
    gold: Sequence[BratAttribution],
    pred: Sequence[BratAttribution],
    text: str,
    name: str = "",
    overlap: Overlap = "gold",
) -> Score:
    """Add one article's counts to ``score`` (returned for chaining)."""
    tok = _Tokens(text)
    pairs = match_attributions(gold, pred, text, overlap)
    score.articles += 1
    score.gold += len(gold)
    score.pred += len(pred)
    score.matched += len(pairs)
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if (not g.source and not p.source) or (
            g.source and p.source and _match(tok.ids(g.source), tok.ids(p.source), overlap)
        ):
            score.source_ok += 1
        if _match(tok.ids(g.cue), tok.ids(p.cue), overlap):
            score.cue_ok += 1
    if name:
        score.per_article[name] = (len(gold), len(pred), len(pairs))
    return score


def article_name(ann: Path) -> tuple[str, str | None]:
    """``(article, annotator)`` of an ``.ann`` path (annotator ``None`` if absent)."""
    m = _ANNOTATOR.match(ann.stem)
    return (m.group("article"), m.group("annotator")) if m else (ann.stem, None)


def find_gold_files(gold_dir: Path) -> dict[str, tuple[Path, Path]]:
    """``article -> (text path, gold .ann path)`` for a PolNeAR compartment or a flat folder.

    ``gold_dir`` is either a compartment (``text/`` + ``attributions/``) or one folder
    holding both ``.txt`` and ``.ann`` files. With several annotators, the
    alphabetically first one is gold.
    """
    gold_dir = Path(gold_dir)
    text_dir = gold_dir / "text" if (gold_dir / "text").is_dir() else gold_dir
    ann_dir = gold_dir / "attributions" if (gold_dir / "attributions").is_dir() else gold_dir
    if not ann_dir.is_dir():
        raise InputError(f"{gold_dir} is not a folder")
    out: dict[str, tuple[Path, Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article, _ = article_name(ann)
        txt = text_dir / f"{article}.txt"
        if not txt.is_file():
            txt = text_dir / f"{ann.stem}.txt"
            article = ann.stem
        if txt.is_file() and article not in out:
            out[article] = (txt, ann)
    if not out:
        raise InputError(f"no .ann files with matching .txt texts under {gold_dir}")
    return out


def score_corpus(gold_dir: Path, pred_dir: Path, overlap: Overlap = "gold") -> Score:
    """Score the ``.ann`` files in ``pred_dir`` against the gold compartment ``gold_dir``.

    A gold article without a prediction file counts as predicting nothing.
    """
    score = Score()
    pred_dir = Path(pred_dir)
    for article, (txt, ann) in sorted(find_gold_files(gold_dir).items()):
        text = txt.read_text("utf-8")
        pred_path = pred_dir / f"{article}.ann"
        if not pred_path.is_file():
            pred_path = pred_dir / ann.name
        pred = read_ann(pred_path) if pred_path.is_file() else []
        score_pairs(score, read_ann(ann), pred, text, name=article, overlap=overlap)
    return score


def score_agreement(gold_dir: Path, overlap: Overlap = "gold") -> Score:
    """Inter-annotator agreement: every ordered pair of annotators of the same article.

    Scores annotator B against annotator A (and A against B) on each article of
    ``gold_dir`` that has several ``<article>_<annotator>.ann`` files (16 in PolNeAR
    train, 5–6 annotators each); counts are pooled, so precision equals recall.
    """
    gold_dir = Path(gold_dir)
    text_dir = gold_dir / "text" if (gold_dir / "text").is_dir() else gold_dir
    ann_dir = gold_dir / "attributions" if (gold_dir / "attributions").is_dir() else gold_dir
    groups: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article, annotator = article_name(ann)
        if annotator is not None and (text_dir / f"{article}.txt").is_file():
            groups.setdefault(article, []).append(ann)
    score = Score()
    for article, anns in sorted(groups.items()):
        if len(anns) < 2:
            continue
        text = (text_dir / f"{article}.txt").read_text("utf-8")
        parsed = [read_ann(a) for a in anns]
        for i, a in enumerate(parsed):
            for j, b in enumerate(parsed):
                if i != j:
                    score_pairs(score, a, b, text, overlap=overlap)
    if not score.articles:
        raise InputError(f"no article with several annotators under {gold_dir}")
    return score
