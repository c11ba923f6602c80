"""Per-sentence work stays linear in the input: a text without sentence ends is cut
into bounded "sentences" (``sentences.v1``), so attribution does not grow with the
square of its length."""

from __future__ import annotations

import time

from spinscope.document import Document
from spinscope.pipeline import Pipeline

_WORDS = (
    "officials said the report was false and the group denied it while others claimed "
    "that the attack had been staged according to the ministry spokesman who spoke "
)


def _seconds(nlp: Pipeline, n: int) -> float:
    text = (_WORDS * (n // len(_WORDS) + 1))[:n].strip()
    start = time.perf_counter()
    doc = nlp(Document(text))
    elapsed = time.perf_counter() - start
    assert len(doc.group("sentences")) >= n // 2000
    return elapsed


def test_attribution_on_an_unpunctuated_line_is_not_quadratic() -> None:
    nlp = Pipeline(["sentences.v1", "attribution.v1"])
    # Warm up on the same kind of text: the first long document pays one-off set-up
    # (lexicons, lazy imports) that would otherwise count against the first timing.
    _seconds(nlp, 10_000)
    # Doubling the length costs ~2x when linear, 4x when quadratic; the better of two
    # tries absorbs a noisy neighbour on a shared machine.
    ratios = []
    for _ in range(2):
        ratios.append(_seconds(nlp, 20_000) / _seconds(nlp, 10_000))
        if ratios[-1] < 3:
            break
    assert min(ratios) < 3, ratios
