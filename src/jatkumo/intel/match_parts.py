"""Stage `match`, clause level: a need → its requested parts → a ranking per part.

A company often asks for several things at once ("trukkikortti, työturvallisuuskortti ja vähän
työpaikan suomea"). The need text is cut into parts at sentence ends, commas, `+` and the
coordinators between phrases (`ja`, `sekä`, `tai`, `and`, `or`, `lisäksi`); each part keeps the
need's analysed words that fall inside it (`QueryTerms.starts`) and the needed skills whose
evidence words it contains. Each part is then ranked on its own, with the same hybrid score as
the whole need (concept overlap of the part's skills + BM25 of the part's words, normalised by
the part's best), so an offering that answers one part fully is found even when the whole text
is dominated by another part.

A part is *requested* when it carries topic: either a needed skill is evidenced in it or it is
coherent — one offering answers at least `MIN_COHERENCE` of its attainable BM25 (Σ of its
words' best scores over the catalogue) at once; and its attainable BM25 is at least
`MIN_PART_SHARE` of the strongest part's. Chatter ("pitäis saada kaikki kolme kuntoon tämän
vuoden aikana") scatters over unrelated offerings, a word here and a word there, and is not
requested. Parts that evidence a common skill ask for the same thing and are merged into one.

Used by `intel.match.rank` (the best part score is fused into the ranking, `W_PARTS`) and by
`intel.package` (a package = the best offerings for different parts).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jatkumo.intel.normalise import spans_between

if TYPE_CHECKING:
    from jatkumo.intel.match import MatchIndex, QueryTerms
    from jatkumo.intel.match_types import Need

SPLIT = re.compile(
    r"[.!?;,+\n()]|:(?=\s)|(?<!\w)(?:ja|sekä|seka|tai|and|or|lisäksi|lisäks|plus|&)(?!\w)",
    re.IGNORECASE,
)
MIN_PART_SHARE = 0.25  # a requested part carries ≥ 25 % of the strongest part's attainable BM25
MIN_COHERENCE = 0.5  # without a skill, one offering must answer ≥ half of the part's words
W_CONCEPT = 0.45
W_LEXICAL = 0.55


@dataclass(frozen=True, slots=True)
class NeedPart:
    """One requested part of a need: its words (as typed), term and skill indices, its topic."""

    text: str
    terms: tuple[int, ...]  # indices into QueryTerms.words
    skills: tuple[int, ...]  # indices into Need.skills evidenced in this part
    attainable: float  # Σ over its terms of weight × best BM25 in the catalogue


def need_parts(need: Need, terms: QueryTerms) -> tuple[NeedPart, ...]:
    """The need's requested parts (see the module docstring), in text order."""
    spans = spans_between(SPLIT, need.text)
    starts = [start for start, _end in spans]
    members: dict[int, set[int]] = defaultdict(set)
    for term, positions in enumerate(terms.starts):
        for position in positions:
            members[bisect.bisect_right(starts, position) - 1].add(term)
    best = [
        weight * max(scores.values(), default=0.0)
        for weight, scores in zip(terms.weights, terms.scores, strict=True)
    ]
    found = []
    for number, (start, end) in enumerate(spans):
        chosen = tuple(sorted(members.get(number, ())))
        if not chosen:
            continue
        text = need.text[start:end].strip(" \t-–—:")
        if not any(c.isalnum() for c in text):
            continue
        lowered = text.lower()
        skills = tuple(
            i
            for i, skill in enumerate(need.skills)
            if any(word and word.lower() in lowered for word in skill.words)
        )
        attainable = sum(best[i] for i in chosen)
        if attainable and (skills or _coherence(terms, chosen, attainable) >= MIN_COHERENCE):
            found.append(NeedPart(text, chosen, skills, attainable))
    strongest = max((part.attainable for part in found), default=0.0)
    parts = [part for part in found if part.attainable >= MIN_PART_SHARE * strongest]
    return _merged(parts)


def _merged(parts: list[NeedPart]) -> tuple[NeedPart, ...]:
    """Parts that evidence a common skill ask for the same thing: one part (texts joined, in
    text order). Transitive: a part that shares a skill with two earlier groups joins them."""
    merged: list[NeedPart] = []
    for part in parts:
        hits = [i for i, m in enumerate(merged) if set(m.skills) & set(part.skills)]
        if not hits:
            merged.append(part)
            continue
        group = [merged[i] for i in hits] + [part]
        joined = NeedPart(
            " … ".join(p.text for p in group),
            tuple(sorted({t for p in group for t in p.terms})),
            tuple(sorted({k for p in group for k in p.skills})),
            sum(p.attainable for p in group),
        )
        merged = [m for i, m in enumerate(merged) if i not in hits[1:]]
        merged[hits[0]] = joined
    return tuple(merged)


def _coherence(terms: QueryTerms, chosen: Sequence[int], attainable: float) -> float:
    """How much of a part one offering answers at once: best Σ BM25 / Σ per-word best."""
    summed: dict[int, float] = defaultdict(float)
    for i in chosen:
        weight = terms.weights[i]
        for doc, score in terms.scores[i].items():
            summed[doc] += weight * score
    return max(summed.values(), default=0.0) / attainable


def part_scores(
    index: MatchIndex, need: Need, terms: QueryTerms, part: NeedPart
) -> dict[int, float]:
    """Doc → the hybrid score of one part (concept of its skills + its normalised BM25)."""
    lexical: dict[int, float] = defaultdict(float)
    for i in part.terms:
        weight = terms.weights[i]
        for doc, score in terms.scores[i].items():
            lexical[doc] += weight * score
    best = max(lexical.values(), default=0.0) or 1.0
    concept: dict[int, float] = defaultdict(float)
    norm = 0.0
    for i in part.skills:
        skill = need.skills[i]
        weight = min(1.0, skill.score) * index.idf(skill.uri)
        norm += weight
        for doc, tag in index.concept_docs.get(skill.uri, {}).items():
            concept[doc] += weight * tag
    if not norm:
        return {doc: value / best for doc, value in lexical.items()}
    docs = set(lexical) | set(concept)
    return {
        doc: W_CONCEPT * concept.get(doc, 0.0) / norm + W_LEXICAL * lexical.get(doc, 0.0) / best
        for doc in docs
    }


def parts_rank(
    index: MatchIndex, need: Need, terms: QueryTerms
) -> tuple[tuple[NeedPart, ...], tuple[dict[int, float], ...]]:
    """The requested parts and, per part, doc → part score (empty when the need is one part)."""
    parts = need_parts(need, terms)
    if len(parts) < 2:
        return parts, ()
    return parts, tuple(part_scores(index, need, terms, part) for part in parts)


def part_best(scores: Sequence[dict[int, float]], doc: int) -> tuple[int, float]:
    """The part `doc` answers best and its score there ((-1, 0) without parts)."""
    found = (-1, 0.0)
    for number, per_part in enumerate(scores):
        value = per_part.get(doc, 0.0)
        if value > found[1]:
            found = (number, value)
    return found
