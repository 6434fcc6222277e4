"""Evaluation service: an evaluation directory → metrics of the engine and the BM25 baseline."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from jatkumo.analysis.engine import annotator_get
from jatkumo.intel.baseline import Bm25Baseline
from jatkumo.intel.evaluation import Prediction, evaluate, gold_load
from jatkumo.taxonomy.models import Label, Relation, Scheme


def _isco4_names() -> list[tuple[str, str]]:
    """The Finnish names of the ISCO-08 4-digit groups (Ammattiluokitus 2010)."""
    rows = Label.objects.filter(
        concept__scheme=Scheme.ISCO_GROUP, language="fi", kind="preferred"
    ).values_list("concept__code", "text")
    return sorted((code, text) for code, text in rows if len(code) == 4 and code.isdigit())


def _skill_neighbours() -> dict[str, set[str]]:
    """ESCO skill → skills one broader, narrower or related step away."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    rows = Relation.objects.filter(
        kind__in=["broader", "related"],
        subject__scheme=Scheme.ESCO_SKILL,
        object__scheme=Scheme.ESCO_SKILL,
    ).values_list("subject__uri", "object__uri")
    for subject, obj in rows.iterator(chunk_size=20_000):
        neighbours[subject].add(obj)
        neighbours[obj].add(subject)
    return neighbours


def extraction_evaluate(
    *,
    directory: Path,
    baseline: bool = True,
    relaxed: bool = False,
    embeddings: bool | None = None,
) -> dict[str, Any]:
    """Run the engine (and the baseline) on every ad of `directory` → metrics per system.

    `embeddings`: re-rank skills with embeddings (None = the JATKUMO_EMBEDDINGS setting); the
    report says which was used.
    """
    gold = gold_load(directory)
    annotator = annotator_get(embeddings=embeddings, skill_ranking="soft")
    neighbours = _skill_neighbours() if relaxed else None
    predictions = []
    for item in gold:
        ad = item.ad
        annotation = annotator.annotate(
            str(ad["id"]),
            str(ad.get("text", "")),
            title=str(ad.get("title", "")),
            language=ad.get("language") if ad.get("language") in ("fi", "sv", "en") else None,
        )
        predictions.append(
            Prediction(
                tuple(o.isco for o in annotation.occupations),
                tuple(s.uri for s in annotation.skills),
            )
        )
    report: dict[str, Any] = {
        "directory": str(directory),
        "jatkumo": evaluate(gold, predictions, neighbours=neighbours),
        "embeddings": annotator.reranker is not None,
    }
    if baseline:
        bm25 = Bm25Baseline(_isco4_names())
        ranked = [
            Prediction(
                tuple(
                    code
                    for code, _s in bm25.rank(str(g.ad.get("title", "")), str(g.ad.get("text", "")))
                ),
                (),
            )
            for g in gold
        ]
        scores = evaluate(gold, ranked)
        report["bm25_baseline"] = {
            key: value for key, value in scores.items() if not key.startswith(("skill", "relaxed"))
        }
    return report
