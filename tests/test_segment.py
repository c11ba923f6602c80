from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope.segment import sentence_offsets, token_offsets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two three.", ["One.", "Two three."]),
        (
            "Headline without stop\nBody sentence here.",
            ["Headline without stop", "Body sentence here."],
        ),
        (
            "“He said so,” Safronkov said. Then he left.",
            ["“He said so,” Safronkov said.", "Then he left."],
        ),
        ("The U.S. Army arrived. It was late.", ["The U.S. Army arrived.", "It was late."]),
        ("  \n\n  ", []),
        ("", []),
    ],
)
def test_sentence_offsets(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_offsets(text)] == expected


def test_token_offsets_index_original_text() -> None:
    text = "Russia’s so-called “White Helmets”"
    tokens = [text[s:e] for s, e in token_offsets(text)]
    assert "White" in tokens and "Helmets" in tokens
    assert all(t.strip() == t and t for t in tokens)


@given(st.text(max_size=400))
def test_segmentation_offsets_always_valid(text: str) -> None:
    last = 0
    for s, e in sentence_offsets(text):
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        for ts, te in token_offsets(text, s, e):
            assert s <= ts < te <= e
        last = e


# -- the numpy offset mapping agrees with blingfire's own (slow) Python wrapper -------
_BF_TEXTS = [
    "Mr. Smith went to Washington. He said “no.”",
    "Héllo “wörld” — ça va? Ünïcode ✓ test. 日本語のテキスト。 Emoji 👍🏽 here.",
    "x\u200by and  double  spaces\ttabs",
    "a",
    "The so-called “experts” lied (again)... U.S. officials said!",
]


@pytest.mark.parametrize("text", _BF_TEXTS)
def test_bf_offsets_match_blingfire_wrapper(text: str) -> None:
    import blingfire

    from spinscope.segment import _BF, _bf_offsets

    assert (
        _bf_offsets(text, _BF.TextToWordsWithOffsets, b" ")
        == (blingfire.text_to_words_with_offsets(text)[1])
    )
    assert (
        _bf_offsets(text, _BF.TextToSentencesWithOffsets, b"\n")
        == (blingfire.text_to_sentences_and_offsets(text)[1])
    )


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
@settings(max_examples=200, deadline=None)
def test_bf_offsets_match_blingfire_wrapper_fuzzed(text: str) -> None:
    import blingfire

    from spinscope.segment import _BF, _bf_offsets

    if not text.strip():
        return
    ours = _bf_offsets(text, _BF.TextToWordsWithOffsets, b" ")
    try:
        ref = blingfire.text_to_words_with_offsets(text)[1]
    except AssertionError:  # blingfire's own wrapper gives up on some inputs
        return
    if ours:  # [] means "fall back to the regex" (checked by the caller)
        assert ours == ref


def test_lone_surrogates_fall_back_to_the_regex() -> None:
    text = "Hello \ud800 world. Next\x00 one."
    sents = [text[s:e] for s, e in sentence_offsets(text)]
    assert sents == ["Hello \ud800 world.", "Next\x00 one."]
    toks = [text[s:e] for s, e in token_offsets(text)]
    assert toks[:2] == ["Hello", "\ud800"] and "world" in toks
