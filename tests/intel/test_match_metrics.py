"""Matching metrics: nDCG@10, recall@10, unmet F1, package coverage, threshold calibration."""

from __future__ import annotations

import pytest

from jatkumo.intel.match_metrics import (
    NeedGold,
    NeedRun,
    matching_metrics,
    ndcg_at,
    recall_at,
    threshold_calibrate,
)

A, B, C = ("P", "a"), ("P", "b"), ("Q", "c")


def test_ndcg__perfect_order_is_one_and_reversed_is_less():
    grades = {A: 3, B: 1}
    assert ndcg_at([A, B], grades) == pytest.approx(1.0)
    assert ndcg_at([B, A], grades) < 1.0


def test_recall__counts_grade_two_and_up_only():
    assert recall_at([A], {A: 2, B: 1}) == 1.0
    assert recall_at([B], {A: 2, B: 1}) == 0.0


def test_metrics__skip_unmet_needs_in_ranking_and_score_packages():
    gold = {
        "n1": NeedGold("n1", {A: 3}, unmet=False, needs_package=False),
        "n2": NeedGold("n2", {}, unmet=True, needs_package=False),
        "n3": NeedGold("n3", {A: 2, C: 2}, unmet=False, needs_package=True),
    }
    runs = [
        NeedRun("n1", (A,), unmet=False),
        NeedRun("n2", (B,), unmet=True),
        NeedRun("n3", (A, C), unmet=False, packages=((A, C),)),
    ]

    report = matching_metrics(runs, gold)

    assert report["ranked_needs"] == 2
    assert report["ndcg@10"] == 1.0
    assert report["unmet_f1"] == 1.0
    assert report["package_coverage"] == 1.0


def test_metrics__package_noise_counts_unasked_packages_with_an_unrelated_member():
    gold = {
        "n1": NeedGold("n1", {A: 3, B: 1}, unmet=False, needs_package=False),
        "n2": NeedGold("n2", {A: 3}, unmet=False, needs_package=False),
        "n3": NeedGold("n3", {A: 3, B: 2}, unmet=False, needs_package=False),
        "n4": NeedGold("n4", {A: 2, C: 2}, unmet=False, needs_package=True),
    }
    runs = [
        NeedRun("n1", (A,), unmet=False, packages=((A, B),)),  # B related (1): not noise
        NeedRun("n2", (A,), unmet=False, packages=((A, C),)),  # C graded 0: noise
        NeedRun("n3", (A,), unmet=False),  # no package
        NeedRun("n4", (A,), unmet=False, packages=((A, B),)),  # a package need: not counted
    ]

    assert matching_metrics(runs, gold)["package_noise"] == pytest.approx(1 / 3, abs=1e-4)


def test_calibrate__separable_confidences_give_perfect_cross_validated_f1():
    pairs = [(0.1, True), (0.15, True), (0.2, True), (0.6, False), (0.7, False), (0.8, False)]

    result = threshold_calibrate(pairs)

    assert 0.2 < result["best_threshold"] < 0.6
    assert result["loo_unmet_f1"] == 1.0
