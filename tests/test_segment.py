from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope.segment import MAX_SENTENCE_CHARS, sentence_offsets, split_long, token_offsets


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


# -- the sentence cap ---------------------------------------------------------------
_WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        (" ".join([_WORDS] * 40), 100),
        (" ".join([_WORDS] * 40), 2000),
        ("  " + "\t".join([_WORDS] * 30) + "  ", 64),
        ("a" * 250 + " " + "b" * 30, 100),  # a word longer than the cap is cut hard
        ("x" * 1000, 300),
        ("Héllo wörld " * 50 + "日本語のテキスト" * 40, 120),
    ],
)
def test_split_long_cuts_at_whitespace_with_valid_offsets(text: str, limit: int) -> None:
    pieces = list(split_long(text, 0, len(text), limit))
    assert pieces
    last = 0
    for s, e in pieces:
        assert last <= s < e <= len(text)
        assert e - s <= limit
        assert not text[s].isspace() and not text[e - 1].isspace()
        # A cut falls on whitespace unless the piece is a full-length run without any.
        if e < len(text.rstrip()) and not text[e].isspace():
            assert e - s == limit and not any(c.isspace() for c in text[s:e])
        last = e
    # Nothing but whitespace is lost.
    assert "".join("".join(text[s:e].split()) for s, e in pieces) == "".join(text.split())


@pytest.mark.parametrize("limit", [50, 200, MAX_SENTENCE_CHARS])
def test_sentences_longer_than_the_cap_are_split(limit: int) -> None:
    line = " ".join([_WORDS] * 300)  # no punctuation: one "sentence" of ~23,000 chars
    text = f"Title here.\n{line}\nLast one."
    sents = list(sentence_offsets(text, limit))
    assert text[slice(*sents[0])] == "Title here." and text[slice(*sents[-1])] == "Last one."
    middle = sents[1:-1]
    assert len(middle) == -(-len(line) // limit) or len(middle) > len(line) // limit
    assert all(e - s <= limit for s, e in middle)
    assert " ".join(text[s:e] for s, e in middle) == line


def test_default_cap_leaves_ordinary_sentences_alone() -> None:
    long = "Word " + "word " * 300 + "ends here."  # 1,515 characters
    text = "A short one. " + long
    assert [text[s:e] for s, e in sentence_offsets(text)] == ["A short one.", long]
