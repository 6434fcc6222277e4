"""Stages `embed` and `rerank` with a tiny deterministic fake encoder (no model needed)."""

from __future__ import annotations

import pytest

from jatkumo.intel.annotate import Annotator
from jatkumo.intel.embed import (
    LabelEmbeddings,
    label_embeddings_build,
    label_embeddings_get,
    sentence_spans,
)
from jatkumo.intel.rerank import EmbeddingReranker, RerankParams
from tests.intel.toy_taxonomy import E, toy_annotator, toy_index, toy_model

# Each dimension is a "meaning"; a text gets 1 per keyword it contains (any language), plus a
# small constant so unrelated texts are not orthogonal (as with real sentence embeddings).
MEANINGS = {
    "weld": ("weld", "hitsa"),
    "draw": ("drawing", "kuvi"),
    "cnc": ("cnc",),
    "fork": ("forklift", "trukki"),
    "bread": ("bread", "leipä"),
}


class FakeEncoder:
    name = "fake"

    def __init__(self) -> None:
        self.calls = 0

    def _vectors(self, texts):
        np = pytest.importorskip("numpy")
        self.calls += 1
        rows = []
        for text in texts:
            lower = text.lower()
            row = [0.3] + [float(any(k in lower for k in keys)) for keys in MEANINGS.values()]
            rows.append(row)
        matrix = np.asarray(rows, dtype=np.float32).reshape(len(texts), len(MEANINGS) + 1)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    def queries(self, texts):
        return self._vectors(texts)

    def passages(self, texts):
        return self._vectors(texts)


@pytest.fixture
def numpy():
    return pytest.importorskip("numpy", reason="the `embeddings` extra (numpy) is not installed")


def test_sentence_spans__lines_and_sentences_without_bullets():
    text = "Haemme hitsaajaa. Työ alkaa heti.\n\n- osien silloitus\n* ok\nTES:n mukaan."
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans == ["Haemme hitsaajaa.", "Työ alkaa heti.", "osien silloitus", "TES:n mukaan."]


def _skill_items():
    return [(c.uri, c.name("en")) for c in toy_index().concepts if c.scheme == "esco_skill"]


def test_label_embeddings__cached_per_signature_and_model(numpy, tmp_path):
    encoder = FakeEncoder()
    path = tmp_path / "skill-embeddings-v1-toy.npy"
    built = label_embeddings_get(path, _skill_items, encoder, signature="toy")
    assert encoder.calls == 1
    again = label_embeddings_get(path, _skill_items, encoder, signature="toy")
    assert encoder.calls == 1  # loaded from the file
    assert again.uris == built.uris
    uris, vectors = again.vectors([f"{E}esco_skill/welding", "missing"])
    assert uris == [f"{E}esco_skill/welding"]
    assert vectors.dtype == numpy.float32
    assert vectors.shape == (1, len(MEANINGS) + 1)
    assert LabelEmbeddings.load(path, "other", "fake") is None
    assert LabelEmbeddings.load(path, "toy", "another model") is None


def _reranking_annotator() -> Annotator:
    encoder = FakeEncoder()
    labels = label_embeddings_build(_skill_items(), encoder, signature="toy")
    reranker = EmbeddingReranker(toy_index(), toy_model(), encoder, lambda: labels)
    return Annotator(toy_index(), toy_model(), reranker=reranker)


@pytest.mark.voikko
def test_rerank__finds_an_unnamed_profile_skill_with_its_sentence_as_evidence(numpy):
    text = "Työ alkaa heti.\n- Luet teknisiä kuvia.\n- Hyvä asenne."
    result = _reranking_annotator().annotate("a1", text, title="Hitsaaja")
    plain = toy_annotator().annotate("a1", text, title="Hitsaaja")
    assert result.occupations == plain.occupations  # occupations are not touched
    skills = {s.uri: s for s in result.skills}
    drawings = skills[f"{E}esco_skill/drawings"]
    evidence = drawings.evidence[0]
    assert evidence.how == "embedding"
    assert evidence.text == "Luet teknisiä kuvia."
    assert text[evidence.start : evidence.end] == evidence.text
    assert "read engineering drawings" in evidence.matched
    parts = dict(drawings.parts)
    assert parts["embedding_similarity"] > RerankParams().floor
    assert set(parts) == {"lexical", "embedding_similarity", "occupation_prior"}
    assert f"{E}esco_skill/forklift" not in skills  # not a candidate: not named, not in profile


@pytest.mark.voikko
def test_rerank__named_skill_keeps_its_lexical_evidence_and_gains_similarity(numpy):
    text = "Edellytämme trukkikortin."
    result = _reranking_annotator().annotate("a2", text, title="Trukinkuljettaja")
    forklift = next(s for s in result.skills if s.uri == f"{E}esco_skill/forklift")
    assert forklift.evidence[0].how != "embedding"
    assert forklift.evidence[0].text == "trukkikortin"
    parts = dict(forklift.parts)
    assert parts["lexical"] > 0
    assert forklift.score > parts["lexical"]  # the sentence is about forklifts too


def test_rerank__score_is_lexical_plus_closeness_plus_prior():
    reranker = EmbeddingReranker(toy_index(), toy_model(), FakeEncoder(), lambda: None)  # type: ignore[arg-type,return-value]
    from jatkumo.intel.rerank import Candidate

    params = RerankParams(floor=0.8, embedding=2.0, prior=0.5)
    unnamed_far = Candidate("u", None, 1.0, 0.8, ("text", 0, 1))
    unnamed_near = Candidate("u", None, 1.0, 0.9, ("text", 0, 1))
    assert reranker.score(unnamed_far, params) == 0.0
    assert reranker.score(unnamed_near, params) == pytest.approx(2.0 * 0.5 + 0.5)
