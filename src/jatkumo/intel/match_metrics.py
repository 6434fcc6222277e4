"""Matching metrics: ranked offering ids per need + graded qrels + gold flags → one report.

Input: per need, the ranked `(provider, offering_id)` pairs, the unmet flag and the packages
the system gave; the qrels (`(provider, offering_id)` → grade 0–3) and `needs_meta` gold flags.
Output: a dict with

- `ndcg@10`: mean over needs of DCG@10 / ideal DCG@10 with gain 2^grade − 1;
- `recall@10`: mean over needs of |relevant in top 10| / |relevant|, relevant = grade ≥ 2;
- `unmet_precision`, `unmet_recall`, `unmet_f1` of the unmet flag against the gold flag;
- `package_coverage`: share of the `needs_package` needs for which some package has offerings
  from at least two providers, every one of them relevant (grade ≥ 2);
- `package_noise`: share of the other needs (neither `needs_package` nor gold-unmet) whose first
  package has a member graded 0 — a combination nobody asked for, with an unrelated course;

Needs that are gold-unmet are left out of nDCG and recall (they have no relevant offering, and
one has no qrels at all); `ranked_needs` says how many were scored.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Key = tuple[str, str]  # (provider name, interchange offering id)


@dataclass(frozen=True, slots=True)
class NeedRun:
    """What a system answered for one need."""

    need_id: str
    ranked: tuple[Key, ...]
    unmet: bool
    packages: tuple[tuple[Key, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class NeedGold:
    """The judgements for one need."""

    need_id: str
    grades: Mapping[Key, int]
    unmet: bool
    needs_package: bool


def ndcg_at(ranked: Sequence[Key], grades: Mapping[Key, int], k: int = 10) -> float:
    """nDCG@k with gain 2^grade − 1 (0 when no offering has a positive grade)."""
    dcg = sum((2 ** grades.get(key, 0) - 1) / math.log2(i + 2) for i, key in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def recall_at(ranked: Sequence[Key], grades: Mapping[Key, int], k: int = 10) -> float:
    """Share of the relevant (grade ≥ 2) offerings found in the top k (1 when none exist)."""
    relevant = {key for key, grade in grades.items() if grade >= 2}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 1.0


def _prf(runs: Sequence[NeedRun], gold: Mapping[str, NeedGold]) -> dict[str, float]:
    tp = sum(1 for r in runs if r.unmet and gold[r.need_id].unmet)
    fp = sum(1 for r in runs if r.unmet and not gold[r.need_id].unmet)
    fn = sum(1 for r in runs if not r.unmet and gold[r.need_id].unmet)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"unmet_precision": precision, "unmet_recall": recall, "unmet_f1": f1}


def _package_hit(run: NeedRun, grades: Mapping[Key, int]) -> bool:
    return any(
        len({provider for provider, _id in package}) >= 2
        and all(grades.get(key, 0) >= 2 for key in package)
        for package in run.packages
    )


def _noisy(run: NeedRun, grades: Mapping[Key, int]) -> bool:
    return bool(run.packages) and any(grades.get(key, 0) == 0 for key in run.packages[0])


def matching_metrics(runs: Sequence[NeedRun], gold: Mapping[str, NeedGold]) -> dict[str, float]:
    """Runs + gold → the report described in the module docstring (rounded to 4 places)."""
    ranked = [r for r in runs if not gold[r.need_id].unmet]
    packaged = [r for r in runs if gold[r.need_id].needs_package]
    others = [r for r in runs if not gold[r.need_id].needs_package and not gold[r.need_id].unmet]
    report = {
        "ndcg@10": sum(ndcg_at(r.ranked, gold[r.need_id].grades) for r in ranked) / len(ranked)
        if ranked
        else 0.0,
        "recall@10": sum(recall_at(r.ranked, gold[r.need_id].grades) for r in ranked) / len(ranked)
        if ranked
        else 0.0,
        **_prf(runs, gold),
        "package_coverage": sum(_package_hit(r, gold[r.need_id].grades) for r in packaged)
        / len(packaged)
        if packaged
        else 0.0,
        "package_noise": sum(_noisy(r, gold[r.need_id].grades) for r in others) / len(others)
        if others
        else 0.0,
    }
    rounded = {key: round(value, 4) for key, value in report.items()}
    return {
        **rounded,
        "needs": len(runs),
        "ranked_needs": len(ranked),
        "package_needs": len(packaged),
    }


def _f1_at(threshold: float, pairs: Sequence[tuple[float, bool]]) -> float:
    tp = sum(1 for c, gold in pairs if c < threshold and gold)
    fp = sum(1 for c, gold in pairs if c < threshold and not gold)
    fn = sum(1 for c, gold in pairs if c >= threshold and gold)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(pairs: Sequence[tuple[float, bool]]) -> float:
    """The threshold (midpoint between two observed confidences) with the best unmet F1."""
    values = sorted({c for c, _gold in pairs})
    cuts = [(a + b) / 2 for a, b in itertools.pairwise(values)] or [0.0]
    return max(cuts, key=lambda t: (_f1_at(t, pairs), -abs(t - 0.4)))


def threshold_calibrate(pairs: Sequence[tuple[float, bool]]) -> dict[str, float]:
    """(confidence, gold unmet) per need → the best threshold on all of them, and the unmet F1
    that leave-one-out cross-validation gives (each need judged by a threshold fitted without it).
    """
    held_out = []
    for i, (confidence, _gold) in enumerate(pairs):
        threshold = best_threshold([p for j, p in enumerate(pairs) if j != i])
        held_out.append((confidence < threshold, pairs[i][1]))
    tp = sum(1 for flag, gold in held_out if flag and gold)
    fp = sum(1 for flag, gold in held_out if flag and not gold)
    fn = sum(1 for flag, gold in held_out if not flag and gold)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"best_threshold": round(best_threshold(pairs), 4), "loo_unmet_f1": round(f1, 4)}
