"""Evaluation of job-ad classification: predictions + gold labels → accuracy figures.

Input: an evaluation directory with `job_ads.jsonl` (interchange format) and
`job_ads_meta.jsonl` (`{"ad_id", "isco", "esco_skills": [{"uri", "label"}]}`), and, per ad, a
ranked list of ISCO-4 codes and a ranked list of ESCO skill URIs. Output: a dict of metrics
(defined in docs/accuracy.md):

- `isco4_top1`, `isco4_top3`: share of ads whose gold 4-digit code is the first / among the
  first three predicted codes;
- `isco2_top1`: share of ads whose first predicted code has the gold code's first two digits;
- `skill_precision_at_10`: mean over ads of (gold skills among the first ≤10 returned) /
  (number returned, at most 10); an ad with nothing returned counts 0;
- `skill_recall_at_10`: mean over ads of (gold skills among the first 10 returned) / (gold skills);
- a hit is the exact ESCO URI. `relaxed_*` also count a returned skill that is broader,
  narrower or `related` to a gold skill in ESCO (reported separately, labelled relaxed).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

K = 10


@dataclass(frozen=True, slots=True)
class GoldAd:
    """One evaluation ad: its interchange record and gold labels."""

    ad: dict[str, Any]
    isco: str
    skills: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Prediction:
    """A system's answer for one ad: ranked ISCO-4 codes and ranked ESCO skill URIs."""

    isco: tuple[str, ...]
    skills: tuple[str, ...]


def gold_load(directory: Path) -> list[GoldAd]:
    """`job_ads.jsonl` + `job_ads_meta.jsonl` → GoldAd per ad, in file order.

    Raises ValueError naming the file and line for a line that is not valid.
    """
    metas: dict[str, dict[str, Any]] = {}
    for number, meta in _jsonl(directory / "job_ads_meta.jsonl"):
        if not isinstance(meta.get("ad_id"), str) or not isinstance(meta.get("isco"), str):
            raise ValueError(f"job_ads_meta.jsonl:{number}: needs string ad_id and isco")
        metas[meta["ad_id"]] = meta
    result = []
    for number, ad in _jsonl(directory / "job_ads.jsonl"):
        labels = metas.get(str(ad.get("id")))
        if labels is None:
            raise ValueError(f"job_ads.jsonl:{number}: no gold labels for id {ad.get('id')!r}")
        skills = tuple(skill["uri"] for skill in labels.get("esco_skills", []))
        result.append(GoldAd(ad, labels["isco"], skills))
    return result


def _jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path.name}:{number}: not JSON ({error.msg})") from error
            if not isinstance(value, dict):
                raise ValueError(f"{path.name}:{number}: not a JSON object")
            rows.append((number, value))
    return rows


def _skill_scores(
    predicted: Sequence[str], gold: Sequence[str], neighbours: Mapping[str, set[str]] | None
) -> tuple[float, float]:
    returned = list(dict.fromkeys(predicted))[:K]
    if neighbours is None:
        hits = len(set(returned) & set(gold))
        precision_hits = hits
    else:
        near = {g: {g} | neighbours.get(g, set()) for g in gold}
        hits = sum(1 for g in gold if near[g] & set(returned))
        precision_hits = sum(1 for r in returned if any(r in n for n in near.values()))
    precision = precision_hits / len(returned) if returned else 0.0
    recall = hits / len(gold) if gold else 0.0
    return precision, recall


def evaluate(
    gold: Sequence[GoldAd],
    predictions: Sequence[Prediction],
    *,
    neighbours: Mapping[str, set[str]] | None = None,
) -> dict[str, float]:
    """Gold + predictions (same order) → metrics rounded to 3 decimals (see module docstring)."""
    if len(gold) != len(predictions):
        raise ValueError("gold and predictions differ in length")
    count = len(gold) or 1
    totals = dict.fromkeys(
        ["isco4_top1", "isco4_top3", "isco2_top1", "skill_precision_at_10", "skill_recall_at_10"],
        0.0,
    )
    if neighbours is not None:
        totals |= {"relaxed_skill_precision_at_10": 0.0, "relaxed_skill_recall_at_10": 0.0}
    for item, prediction in zip(gold, predictions, strict=True):
        first = prediction.isco[0] if prediction.isco else ""
        totals["isco4_top1"] += first == item.isco
        totals["isco4_top3"] += item.isco in prediction.isco[:3]
        totals["isco2_top1"] += first[:2] == item.isco[:2]
        precision, recall = _skill_scores(prediction.skills, item.skills, None)
        totals["skill_precision_at_10"] += precision
        totals["skill_recall_at_10"] += recall
        if neighbours is not None:
            precision, recall = _skill_scores(prediction.skills, item.skills, neighbours)
            totals["relaxed_skill_precision_at_10"] += precision
            totals["relaxed_skill_recall_at_10"] += recall
    result = {name: round(value / count, 3) for name, value in totals.items()}
    result["ads"] = len(gold)
    return result
