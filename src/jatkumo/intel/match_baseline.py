"""The plain baseline for matching: BM25 only, unmet = normalised top score below a threshold.

Input: the same `MatchIndex` as the hybrid method (its BM25, k1 1.2 and b 0.75, over the Voikko
lemmas and compound parts of title ×2 + description + keywords) and a `Need`. Output:
`MatchOutcome` ranked by BM25 alone (no concepts, no preferences, no packages). The top score
is normalised by the score an offering would get if it matched every need word at that word's
best (Σ of per-word maxima), and the need is unmet below `THRESHOLD` (chosen like the hybrid
threshold, by leave-one-out cross-validation on dev). It is the yardstick reported beside the
hybrid method in docs/accuracy.md.
"""

from __future__ import annotations

import heapq

from jatkumo.intel.match import MatchIndex, lexical_scores
from jatkumo.intel.match_types import Match, MatchOutcome, Need

THRESHOLD = 0.218  # calibration.best_threshold of `--method baseline` on dev
BaselineIndex = MatchIndex


def baseline_confidence(index: MatchIndex, need: Need) -> tuple[dict[int, float], float]:
    """Doc → BM25, and the top score normalised by the Σ of per-word maxima."""
    terms = index.terms(need.text, plain=True)
    scores = lexical_scores(terms)
    best = sum(max(s.values(), default=0.0) for s in terms.scores)
    top = max(scores.values(), default=0.0)
    return scores, (top / best if best else 0.0)


def baseline_rank(
    index: MatchIndex, need: Need, *, top: int = 10, threshold: float = THRESHOLD
) -> MatchOutcome:
    """A need → the `top` offerings by BM25 and the unmet decision."""
    scores, confidence = baseline_confidence(index, need)
    best = heapq.nlargest(top, scores.items(), key=lambda item: (item[1], -item[0]))
    matches = tuple(
        Match(index.records[doc].key, round(score, 4), (("bm25", round(score, 4)),), (), ())
        for doc, score in best
    )
    unmet = confidence < threshold
    reasons = (f"normalised top BM25 {confidence:.2f} < {threshold}",) if unmet else ()
    return MatchOutcome(matches, (), unmet, round(confidence, 4), reasons)
