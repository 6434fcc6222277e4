"""Evaluation metrics and the BM25 baseline."""

from __future__ import annotations

import json

import pytest

from jatkumo.intel.baseline import Bm25Baseline
from jatkumo.intel.evaluation import GoldAd, Prediction, evaluate, gold_load


def test_evaluate__counts_exact_codes_two_digit_codes_and_exact_skill_uris():
    gold = [GoldAd({}, "7212", ("s1", "s2")), GoldAd({}, "7223", ("s3", "s4"))]
    predictions = [
        Prediction(("7212", "7223"), ("s1", "x", "y", "z")),  # 1 of 4 right, 1 of 2 found
        Prediction(("7233", "7223"), ()),  # ISCO-2 right, code 2nd, no skills
    ]
    result = evaluate(gold, predictions, neighbours={"s4": {"x"}})
    assert result["isco4_top1"] == 0.5
    assert result["isco4_top3"] == 1.0
    assert result["isco2_top1"] == 1.0
    assert result["skill_precision_at_10"] == 0.125  # (1/4 + 0) / 2
    assert result["skill_recall_at_10"] == 0.25  # (1/2 + 0/2) / 2
    assert result["relaxed_skill_precision_at_10"] == 0.125  # x is near s4, not near s1/s2


def test_gold_load__names_the_line_of_an_ad_without_gold(tmp_path):
    (tmp_path / "job_ads.jsonl").write_text(json.dumps({"id": "A"}) + "\n", encoding="utf-8")
    (tmp_path / "job_ads_meta.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match=r"job_ads.jsonl:1"):
        gold_load(tmp_path)


@pytest.mark.voikko
def test_bm25_baseline__ranks_the_group_whose_name_the_title_repeats():
    bm25 = Bm25Baseline([("7212", "Hitsaajat ja kaasuleikkaajat"), ("7223", "Koneistajat")])
    assert bm25.rank("Hitsaaja", "Haemme hitsaajaa konepajaan.")[0][0] == "7212"
