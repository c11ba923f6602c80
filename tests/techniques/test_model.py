"""The runtime model code path with a toy tokenizer/encoder/head (no artifact needed),
plus the shipped artifact when present (``model`` marker) and the scorers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

from spinscope.errors import ModelNotFoundError
from spinscope.techniques.data import (
    central_windows,
    encode_ranges,
    make_windows,
    normalise_span_text,
    repetition_count,
    snap_to_words,
    token_range,
)
from spinscope.techniques.definitions import TECHNIQUES
from spinscope.techniques.model import FeatureEncoder, ModelConfig, TechniqueModel

WORDS = [
    "[PAD]",
    "[UNK]",
    "the",
    "so",
    "-",
    "called",
    "experts",
    "lied",
    "again",
    ".",
    "terror",
    "outfits",
    "are",
    "good",
    "people",
    "news",
    "report",
    "today",
    ",",
]
BAD = {"so", "called", "terror", "outfits", "lied"}


def toy_tokenizer() -> Tokenizer:
    vocab = {w: i for i, w in enumerate(WORDS)}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return tok


def toy_model(**cfg: object) -> TechniqueModel:
    bad_ids = np.array([WORDS.index(w) for w in BAD])

    def encoder(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feats = np.zeros((*ids.shape, 4), dtype=np.float32)
        feats[..., 0] = np.isin(ids, bad_ids)
        feats[..., 1] = ids / 100.0
        feats[..., 2] = mask
        feats[..., 3] = 1.0
        return feats

    def head(feats: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return feats[..., 0] * 6.0 - 3.0, feats[..., :2].copy()

    rng = np.random.default_rng(0)
    w = rng.normal(size=(14, 4 * 2 + 2))
    fe = FeatureEncoder(toy_tokenizer(), encoder, max_len=8, stride=4, batch_size=3)
    return TechniqueModel(fe, head, w, np.zeros(14), ModelConfig(max_len=8, stride=4, **cfg))


TEXT = "The so-called experts lied again. The news report today, the good people."


def test_windows_cover_every_token_and_overlap() -> None:
    assert make_windows(3, 6, 4) == [(0, 3)]
    wins = make_windows(20, 6, 4)
    assert wins[0] == (0, 6) and wins[-1] == (14, 20)
    covered = set()
    for a, b in wins:
        assert b - a == 6
        covered.update(range(a, b))
    assert covered == set(range(20))
    owner = central_windows(wins, 20)
    assert (owner >= 0).all()
    assert owner[0] == 0 and owner[19] == len(wins) - 1


@pytest.mark.parametrize(
    ("n", "size", "expected"),
    [
        (6, 6, [(0, 6)]),
        (7, 6, [(0, 4), (4, 7)]),
        (12, 6, [(0, 6), (6, 12)]),
        (1000, 254, [(0, 250), (250, 500), (500, 750), (750, 1000)]),
    ],
)
def test_windows_without_overlap_are_even_and_disjoint(
    n: int, size: int, expected: list[tuple[int, int]]
) -> None:
    wins = make_windows(n, size, size)
    assert wins == expected
    assert all(b - a <= size for a, b in wins)
    assert [i for a, b in wins for i in range(a, b)] == list(range(n))
    assert (central_windows(wins, n) >= 0).all()


def test_offsets_point_into_the_original_text() -> None:
    text = "  THE “so-called”   Experts\u00a0lied. "
    (seg,) = encode_ranges(toy_tokenizer(), text, [(0, len(text))])
    pieces = [text[s:e] for s, e in zip(seg.starts, seg.ends, strict=True)]
    assert pieces[0] == "THE" and "Experts" in pieces
    # Ranges are absolute: a second range keeps its offsets.
    segs = encode_ranges(toy_tokenizer(), text, [(0, 6), (20, len(text))])
    assert text[segs[1].starts[0] : segs[1].ends[0]] == "Experts"
    assert token_range(seg, text.index("Experts"), text.index("Experts") + 7) is not None
    assert token_range(seg, 0, 2) is None  # whitespace only


@pytest.mark.parametrize(
    ("text", "piece", "expected"),
    [
        ("the so-called White Helmets", "called White", "so-called White"),
        ("the Hayat al-Sham outfit", "-Sham outfit", "al-Sham outfit"),
        ("pseudo-humanitarian staff", "pseudo", "pseudo-humanitarian"),
        ("Russia’s envoy", "s envoy", "Russia’s envoy"),
        ("forces - backed by Iran", "backed", "backed"),  # a dash between spaces joins nothing
        ("end of line-", "line", "line"),  # a trailing hyphen joins nothing
    ],
)
def test_snap_to_words_keeps_hyphenated_words_whole(text: str, piece: str, expected: str) -> None:
    start = text.index(piece)
    s, e = snap_to_words(text, start, start + len(piece))
    assert text[s:e] == expected


def test_snap_and_repetition_helpers() -> None:
    text = "propaganda works"
    assert snap_to_words(text, 3, 6) == (0, 10)
    assert snap_to_words(text, 0, 10) == (0, 10)
    norm = f" {normalise_span_text('Lock her up! LOCK HER UP, they chanted.')} "
    assert repetition_count(norm, "lock her up") == 2
    assert repetition_count(norm, "  ") == 0


def test_detect_spans_are_inside_the_text_and_word_aligned() -> None:
    model = toy_model(threshold=0.5)
    enc = model.encode(TEXT)
    spans = model.detect(enc)
    texts = [TEXT[s:e] for s, e, _ in spans]
    assert texts == ["so-called experts lied"] or "so-called" in texts[0]
    for s, e, conf in spans:
        assert 0 <= s < e <= len(TEXT)
        assert 0.0 <= conf <= 1.0


def test_predictions_labels_scores_and_determinism() -> None:
    model = toy_model(threshold=0.5)
    first = model.predict(TEXT)
    assert first
    assert all(p.label in TECHNIQUES and 0.0 <= p.score <= 1.0 for p in first)
    assert model.predict(TEXT) == first
    probs = model.classify(model.encode(TEXT), [(4, 13), (38, 49)])
    assert probs.shape == (2, 14)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)


def test_long_text_is_not_truncated() -> None:
    text = " ".join(["the news report today ."] * 60) + " terror outfits lied."
    model = toy_model(threshold=0.5)
    spans = model.detect(model.encode(text))
    assert spans and text[spans[-1][0] : spans[-1][1]] == "terror outfits lied"


def test_ranges_limit_the_analysis() -> None:
    model = toy_model(threshold=0.5)
    cut = TEXT.index("The news")
    assert model.predict(TEXT, [(cut, len(TEXT))]) == []
    assert model.predict("") == [] and model.predict("   ") == []


def test_missing_artifact_raises(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError):
        TechniqueModel.load(tmp_path)


def test_config_round_trip() -> None:
    cfg = ModelConfig(threshold=0.35, calib=(1.0, 0.5, -0.2))
    assert ModelConfig.from_dict(cfg.to_dict()) == cfg


# -- streaming: bounded chunks give the one-pass predictions ----------------------------
LONG = (
    " ".join(
        ["the news report today , the good people ."] * 7
        + ["the so-called experts lied again ."]
        + ["the good people news ."] * 5
        + ["terror outfits lied , so-called experts lied again ."]
    )
    * 6
)


def _conv_head(feats: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A head that, like the shipped one, reads two wordpieces on each side."""
    bad = np.pad(feats[0, :, 0], 2)
    mixed = bad[2:-2] + 0.4 * (bad[1:-3] + bad[3:-1]) + 0.2 * (bad[:-4] + bad[4:])
    return (mixed * 4.0 - 3.0)[None], feats[..., :2].copy()


def _one_pass(model: TechniqueModel, text: str, ranges: list[tuple[int, int]] | None) -> list:
    return model.predict_encoded(model.encode(text, ranges))


def _assert_same(got: list, expected: list, atol: float) -> None:
    """Same spans and labels; scores equal up to float noise (the technique head's
    matrix product runs over fewer spans at a time)."""
    assert [(p.start, p.end, p.label) for p in got] == [(p.start, p.end, p.label) for p in expected]
    for field in ("score", "span_conf", "label_prob"):
        np.testing.assert_allclose(
            [getattr(p, field) for p in got],
            [getattr(p, field) for p in expected],
            rtol=0,
            atol=atol,
        )


@pytest.mark.parametrize("chunk_windows", [1, 2, 3, 7])
@pytest.mark.parametrize(
    "cfg",
    [
        {"threshold": 0.5},
        {"threshold": 0.3, "max_gap": 3, "min_tokens": 2},
        {"threshold": 0.4, "smooth": 3, "tc_context": 2},
    ],
)
@pytest.mark.parametrize("conv", [False, True])
@pytest.mark.parametrize("ranges", [None, [(0, 400), (410, len(LONG))]])
def test_chunked_predict_equals_one_pass(
    chunk_windows: int,
    cfg: dict[str, float],
    conv: bool,
    ranges: list[tuple[int, int]] | None,
) -> None:
    model = toy_model(**cfg)
    if cfg.get("tc_context"):  # a fifth block of head states: the context mean
        model.tc_w = np.random.default_rng(1).normal(size=(14, 5 * 2 + 2))
    if conv:
        model.head = _conv_head
        model.head_context = 3
    model.flush_tokens = 10
    expected = _one_pass(model, LONG, ranges)
    assert expected
    assert model.features is not None
    model.features.chunk_windows = chunk_windows
    _assert_same(model.predict(LONG, ranges), expected, 1e-12)


def test_long_ranges_are_tokenized_in_whitespace_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    import spinscope.techniques.model as model_mod

    model = toy_model()
    assert model.features is not None
    whole = model.features.segments(LONG, [(0, len(LONG))])
    monkeypatch.setattr(model_mod, "TOKENIZE_CHARS", 50)
    cut = model.features.segments(LONG, [(0, len(LONG))])
    assert len(cut) == len(whole) == 1
    for field in ("ids", "starts", "ends"):
        np.testing.assert_array_equal(getattr(cut[0], field), getattr(whole[0], field))


@pytest.mark.model
@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "src/spinscope/models/techniques-v2").is_dir(),
    reason="no shipped techniques model artifact",
)
def test_shipped_model_chunked_equals_one_pass(shipped_sample: str) -> None:
    from spinscope.techniques.component import load_model

    base = load_model()
    # Batches of one window: the int8 encoder's activation scale is then the window's
    # own, so the chunking alone is compared (not which windows share a batch).
    model = base.with_config(batch_size=1)
    assert base.features is not None
    model.features = FeatureEncoder(
        base.features.tokenizer, base.features.encoder, max_len=256, stride=254, batch_size=1
    )
    text = "\n\n".join([shipped_sample] * 3)
    expected = _one_pass(model, text, None)
    model.features.chunk_windows = 1
    model.flush_tokens = 64
    _assert_same(model.predict(text), expected, 1e-6)
