"""Token features of the cue tagger, shared by training (sklearn) and inference (numpy-free).

A cue is the word or phrase that introduces an attribution (``said``, ``according
to``, ``believes``, ``is expected``). The tagger is a logistic regression over sparse
string features of a token and its neighbours; its weights ship as JSON, so runtime
scoring is a dictionary lookup per feature.
"""

from __future__ import annotations

from spinscope.attribution.text import QUOTE_CHARS, TokenView

__all__ = ["token_features"]


def _shape(w: str) -> str:
    if not w[:1].isalpha():
        return "p" if not w[:1].isalnum() else "d"
    if w.isupper() and len(w) > 1:
        return "A"
    return "C" if w[0].isupper() else "l"


_SUBJ = frozenset(["he", "she", "they", "i", "we", "who", "it", "officials", "spokesman"])


def _lemma(w: str) -> str:
    """A crude English lemma: enough to share weights across said/says/saying."""
    for suffix, repl in (
        ("ying", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ied", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + repl
    return w


def token_features(v: TokenView, i: int) -> list[str]:
    """Feature strings of token ``i`` (context limited to its sentence)."""
    a, b = v.sentences[v.sent_of[i]]
    low = v.lower

    def at(k: int) -> str:
        if k < a:
            return "<s>"
        if k >= b:
            return "</s>"
        w = low[k]
        return "Q" if w in QUOTE_CHARS else w

    w = at(i)
    p1, p2, n1, n2 = at(i - 1), at(i - 2), at(i + 1), at(i + 2)
    feats = [
        f"w={w}",
        f"s3={w[-3:]}",
        f"sh={_shape(v.words[i])}",
        f"p1={p1}",
        f"n1={n1}",
        f"p2={p2}",
        f"n2={n2}",
        f"pw={p1}|{w}",
        f"wn={w}|{n1}",
        f"pwn={p1}|{w}|{n1}",
        f"ps3={p1}|{w[-3:]}",
        f"s3n={w[-3:]}|{n1}",
    ]
    lem = _lemma(w)
    feats += [
        f"lem={lem}",
        f"lemn={lem}|{n1}",
        f"plem={p1}|{lem}",
        f"p1sh={_shape(v.words[i - 1]) if i > a else '<s>'}",
        f"n1sh={_shape(v.words[i + 1]) if i + 1 < b else '</s>'}",
    ]
    p1sh = _shape(v.words[i - 1]) if i > a else "<s>"
    n1sh = _shape(v.words[i + 1]) if i + 1 < b else "</s>"
    feats += [f"p1sh|lem={p1sh}|{lem}", f"lem|n1sh={lem}|{n1sh}"]
    if i > a and low[i - 1] in _SUBJ:
        feats.append(f"subj|lem={lem}")
    if "that" in low[i + 1 : min(b, i + 4)]:
        feats.append(f"that3|{lem}")
    if v.quote_of[i] >= 0:
        feats.append("inq")
        feats.append(f"inq|w={w}")
    if i == a:
        feats.append("first")
    rel = (i - a) / max(1, b - a)
    feats.append(f"pos={int(rel * 4)}")
    if v.sentence_has_quote[v.sent_of[i]]:  # once per sentence, not per token
        feats.append("sent_q")
    return feats
