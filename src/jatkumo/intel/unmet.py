"""Stage `unmet`: how well the best offerings answer a need → confidence in [0, 1] → unmet or not.

Input: a need's analysed words (with their BM25 postings) and skills, and the best-ranked
offerings. Output: a confidence, a weighted mean (`SKILL_SHARE`) of two shares, for the best of
the first `TOP` offerings:

- lexical share: the offering's BM25 for the need / the BM25 an offering would get if it
  matched every need word at that word's best (Σ of per-word maxima over the catalogue, plus,
  for every topic word no offering has — a common noun found in a taxonomy label, such as
  *harvesteri*, *sommelier*, *kiina* — the score of a word only one offering has) — how much
  of what the need says one offering answers;
- skill evidence: Σ over the needed skills the offering is tagged with of the extraction score
  (each capped at 1), capped at 1 — how firmly the text asked for something this offering has.

A need is unmet when confidence < `UnmetModel.threshold`, one number chosen by leave-one-out
cross-validation on the dev set (docs/broker-matching.md), not per example. Also here:
`urgency_of` (text, date needed by → urgency).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jatkumo.intel.match import MatchIndex, QueryTerms
    from jatkumo.intel.match_types import Need

SKILL_SHARE = 0.5  # weight of the skill evidence in the confidence (the lexical share: the rest)
ABSENT_WEIGHT = 1.0  # an absent topic word counts as one word found in a single offering
THRESHOLD = 0.2256  # `jatkumo eval matching` calibration.best_threshold on dev (see docs)
_URGENT = re.compile(
    r"\b(nopeasti|pikaisesti|kiire\w*|heti|asap|urgent\w*|immediately|pian|mahd\w* pian|snabbt)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class UnmetModel:
    """The calibrated decision: unmet when coverage < threshold."""

    threshold: float = THRESHOLD

    def decide(self, coverage: float) -> tuple[bool, tuple[str, ...]]:
        """Coverage → (unmet, reasons)."""
        if coverage < self.threshold:
            return True, (
                f"the best offering's confidence is {coverage:.0%} "
                f"(below the calibrated {self.threshold:.0%})",
            )
        return False, ()


def confidence_of(
    index: MatchIndex,
    need: Need,
    terms: QueryTerms,
    docs: Sequence[int],
    lexical: Mapping[int, float] | None = None,
) -> float:
    """The best offering's confidence among `docs` (see the module docstring); `lexical`: the
    need's BM25 per doc when the caller has it already (`intel.match.lexical_scores`)."""
    from jatkumo.intel.match import lexical_scores

    attainable = sum(max(scores.values(), default=0.0) for scores in terms.scores)
    attainable += len(terms.absent) * index.unseen_score() * ABSENT_WEIGHT
    lexical = lexical if lexical is not None else lexical_scores(terms)
    best = 0.0
    for doc in docs:
        share = lexical.get(doc, 0.0) / attainable if attainable else 0.0
        evidence = sum(
            min(1.0, skill.score)
            for skill in need.skills
            if doc in index.concept_docs.get(skill.uri, {})
        )
        best = max(best, (1 - SKILL_SHARE) * share + SKILL_SHARE * min(1.0, evidence))
    return best


def urgency_of(text: str, needed_by: dt.date | None, today: dt.date) -> str:
    """`high` (needed within 8 weeks or said to be urgent), `normal`, or `low` (> 6 months)."""
    if _URGENT.search(text) or (needed_by is not None and (needed_by - today).days <= 56):
        return "high"
    if needed_by is not None and (needed_by - today).days > 183:
        return "low"
    return "normal"
