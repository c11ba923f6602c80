"""Hybrid claim retrieval on a tiny knowledge base with known answers (SQLite and
PostgreSQL through the ``store`` fixture)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from spinscope.embeddings import shared_encoder
from spinscope.factchecks import import_files
from spinscope.factchecks.dense import missing_count, vector_index
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.lexical import search
from spinscope.factchecks.retrieval import RERANK_THRESHOLD, Match, Method, Retriever
from spinscope.store import Store

KB = (
    "\tvclaim\ttitle\n"
    "c1\tThe White Helmets staged a chemical attack in Douma.\tDid the White Helmets Fake "
    "an Attack?\n"
    "c2\tDrinking bleach cures the coronavirus.\tDoes Bleach Cure COVID-19?\n"
    "c3\tBarack Obama was born in Kenya.\tWas Obama Born in Kenya?\n"
    "c4\tA giant squid was found in a city fountain in Ohio.\tSquid in a Fountain?\n"
)
#: Shares no content word with c2: only the meaning links them.
PARAPHRASE = "Swallowing disinfectant kills the virus behind the pandemic"


class CountingEncoder:
    """The shipped encoder, counting the texts it embeds."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += texts
        return shared_encoder().encode(texts)


@pytest.fixture
def kb(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "kb.tsv"
    path.write_text(KB, "utf-8")
    summary = import_files(store, [path], get_importer("ct20"))
    assert summary.embedded == 4
    return store


def _ids(matches: list[Match]) -> list[str]:
    return [m.id for m in matches]


def test_paraphrase_found_by_dense_where_lexical_fails(kb: Store) -> None:
    assert search(kb, PARAPHRASE, k=5) == []
    (matches,) = Retriever.open(kb).search([PARAPHRASE], k=2)
    top = matches[0]
    assert top.claim_text.startswith("Drinking bleach")
    assert top.bm25 is None and top.cosine > 0.4
    assert matches[0].score > matches[1].score


def test_restatement_is_a_confident_match_and_nonsense_none(kb: Store) -> None:
    retriever = Retriever.open(kb)
    found, unrelated = retriever.search(
        [
            "BREAKING: the White Helmets staged the Douma chemical attack! #Syria",
            "Add two cups of flour and bake for forty minutes.",
        ],
        k=3,
        min_score=RERANK_THRESHOLD,
    )
    assert [m.claim_text[:18] for m in found] == ["The White Helmets "]
    assert found[0].bm25 is not None and found[0].score >= RERANK_THRESHOLD
    assert unrelated == []
    # Without the threshold the k best come back anyway, each a probability.
    (everything,) = retriever.search(["Add two cups of flour."], k=3)
    assert len(everything) == 3
    assert all(0.0 <= m.score < RERANK_THRESHOLD for m in everything)


def test_batch_equals_one_by_one(kb: Store) -> None:
    texts = ["Obama's birth certificate says Kenya", PARAPHRASE, "squid fountain"]
    retriever = Retriever.open(kb)
    together = retriever.search(texts, k=4)
    alone = [retriever.search([t], k=4)[0] for t in texts]
    # Equal but for the last bits of a matrix product (BLAS sums a batch in another order).
    assert [_ids(m) for m in together] == [_ids(m) for m in alone]
    for a, b in zip(together, alone, strict=True):
        assert [m.score for m in a] == pytest.approx([m.score for m in b], abs=1e-5)
    assert retriever.search([], k=4) == []


@pytest.mark.parametrize(
    ("method", "expected_top"),
    [(Method.hybrid, "c2"), (Method.dense, "c2"), (Method.bm25, None)],
)
def test_methods(kb: Store, method: Method, expected_top: str | None) -> None:
    (matches,) = Retriever.open(kb).search([PARAPHRASE], k=1, method=method)
    keys = {m.id: m.claim_text for m in matches}
    if expected_top is None:
        assert matches == []  # no shared word
    else:
        assert next(iter(keys.values())).startswith("Drinking bleach")


def test_embeddings_are_stored_once_and_reused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "kb.tsv"
    path.write_text(KB, "utf-8")
    encoder = CountingEncoder()
    assert import_files(store, [path], get_importer("ct20"), encode=encoder).embedded == 4
    assert len(encoder.texts) == 4
    again = import_files(store, [path], get_importer("ct20"), encode=encoder)
    assert (again.unchanged, again.embedded, len(encoder.texts)) == (4, 0, 4)
    # A new title keeps the claim's vector; a new claim text gets a new one.
    edited = KB.replace("Squid in a Fountain?", "Squid?").replace("Kenya.", "Hawaii.")
    path.write_text(edited, "utf-8")
    summary = import_files(store, [path], get_importer("ct20"), encode=encoder)
    assert (summary.updated, summary.embedded) == (2, 1)
    assert encoder.texts[4:] == ["Barack Obama was born in Hawaii."]
    assert len(vector_index(store)) == 4


def test_older_rows_are_embedded_lazily_with_a_notice(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "kb.tsv"
    path.write_text(KB, "utf-8")
    assert import_files(store, [path], get_importer("ct20"), embed=False).embedded == 0
    assert missing_count(store) == 4
    notices: list[str] = []
    retriever = Retriever.open(store, notice=notices.append)
    assert len(notices) == 1 and "4 fact-checks" in notices[0]
    assert missing_count(store) == 0
    assert retriever.search([PARAPHRASE], k=1)[0][0].claim_text.startswith("Drinking bleach")
    Retriever.open(store, notice=notices.append)
    assert len(notices) == 1


def test_index_is_cached_until_the_kb_changes(kb: Store, tmp_path: Path) -> None:
    first = vector_index(kb)
    assert vector_index(kb) is first
    more = tmp_path / "more.tsv"
    more.write_text("\tvclaim\ttitle\nc9\tThe moon landing was filmed in a studio.\tMoon?\n")
    import_files(kb, [more], get_importer("ct20"), source="more")
    second = vector_index(kb)
    assert second is not first and len(second) == 5
    assert len(vector_index(kb, source="more")) == 1
    (matches,) = Retriever.open(kb, source="more").search(["moon landing hoax"], k=5)
    assert _ids(matches) == [m.id for m in matches if m.source == "more"] and matches
