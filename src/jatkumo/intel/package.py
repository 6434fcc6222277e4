"""Stage `package`: a need no single offering covers → packages of 2–3 offerings across providers.

Input: the need's aspects — its skills (weight = extraction score × idf over offering tags) and
its specific words (weight = idf × WORD_SHARE) — and the ranked candidate offerings with the
aspects each covers. Output: up to `LIMIT` `Package`s, best first, each with its coverage (share
of the aspects' weight), what stays uncovered, total duration and price.

It is weighted set cover with constraints: at most one offering per provider, 2–3 offerings,
each adding an aspect the others do not cover, and a package must cover clearly more than the
best single offering (MIN_GAIN). Up to `EXACT_LIMIT` candidates every pair and triple is tried
(exact); beyond that a greedy cover from each of the best seeds, which is within 1 − 1/e of the
optimum for weighted coverage. Ties go to the package of better-ranked offerings.

With several requested parts (`parts_compose`) the aspects are the parts that carry an
understood request; a language named only as a medium ("puhuu vaan englantia") is never an
aspect or a request (`intel.settled.medium_spans`).
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jatkumo.intel.match_types import Match, Package
from jatkumo.intel.settled import language_words, medium_spans, only_settled

if TYPE_CHECKING:
    from jatkumo.intel.match import MatchIndex, QueryTerms
    from jatkumo.intel.match_parts import NeedPart
    from jatkumo.intel.match_types import Need

CANDIDATES = 20
EXACT_LIMIT = 20
MAX_SIZE = 3
LIMIT = 3
MIN_GAIN = 0.15
WORD_SHARE = 0.5
SPECIFIC_IDF = 1.5
SEEDS = 5
MIN_SCORE_SHARE = 0.5  # a member must itself be a fair match: ≥ half the best score
MIN_PROVIDERS = 2  # a package spans at least two providers (a third member may share one)
ANSWERS = 0.75  # an offering answers a part when its part score is ≥ 75 % of the part's best
REQUEST_SKILL = 0.3  # a part with a skill (or occupation) this sure is a request; others: context
LEXICAL_PART = 0.5  # a part without an evidenced skill weighs half (words only, no concept)
PART_TOP = 3  # ... and it is among the part's three best offerings

Aspects = dict[str, float]  # aspect id → weight


def need_aspects(index: MatchIndex, need: Need, terms: QueryTerms) -> Aspects:
    """The need's skills → aspect weights; when no skill was understood, its specific topic
    words (nouns found in taxonomy labels) instead."""
    aspects: Aspects = {}
    medium = medium_spans(need.text)
    for skill in need.skills:
        if language_words(skill.words) and only_settled(need.text, medium, skill.words):
            continue  # a language the staff speak or want to be taught in: not a part to cover
        aspects[f"skill:{skill.uri}"] = min(1.0, skill.score) * index.idf(skill.uri)
    if aspects:  # the understood skills are the aspects; words only when none was understood
        return aspects
    for word in terms.words:
        if not index.topical(word):  # "vuonna", "kouluttaa", "vanhoilla" name no topic
            continue
        df = index.document_frequency(word)
        idf = math.log(1 + (index.size - df + 0.5) / (df + 0.5)) if df else 0.0
        if idf >= SPECIFIC_IDF:
            aspects[f"word:{word.surface.lower()}"] = idf * WORD_SHARE
    return aspects


def covered_aspects(index: MatchIndex, need: Need, terms: QueryTerms, doc: int) -> frozenset[str]:
    """The aspects offering `doc` covers (tagged with the skill, or containing the word)."""
    found = {
        f"skill:{skill.uri}"
        for skill in need.skills
        if doc in index.concept_docs.get(skill.uri, {})
    }
    found |= {
        f"word:{word.surface.lower()}"
        for word, scores in zip(terms.words, terms.scores, strict=True)
        if doc in scores
    }
    return frozenset(found)


def _name(aspect: str) -> str:
    return aspect.partition(":")[2] or aspect


def _value(aspects: Aspects, covered: frozenset[str]) -> float:
    return sum(aspects.get(a, 0.0) for a in covered)


def _valid(
    combo: Sequence[int], providers: Sequence[str], covers: Sequence[frozenset[str]]
) -> bool:
    if len({providers[i] for i in combo}) < min(len(combo), MIN_PROVIDERS):
        return False
    for i in combo:  # every member adds something the others do not
        others = frozenset().union(*(covers[j] for j in combo if j != i))
        if covers[i] <= others:
            return False
    return True


def _combos(n: int, covers: Sequence[frozenset[str]], aspects: Aspects) -> list[tuple[int, ...]]:
    """Exact: every pair and triple; greedy: from each seed add the best gain until MAX_SIZE."""
    if n <= EXACT_LIMIT:
        return [
            c for size in range(2, MAX_SIZE + 1) for c in itertools.combinations(range(n), size)
        ]
    found = []
    seeds = sorted(range(n), key=lambda i: -_value(aspects, covers[i]))[:SEEDS]
    for seed in seeds:
        combo = [seed]
        have = frozenset(covers[seed])
        while len(combo) < MAX_SIZE:
            gains = [(_value(aspects, covers[j] - have), -j) for j in range(n) if j not in combo]
            gain, best = max(gains)
            if gain <= 0:
                break
            combo.append(-best)
            have |= covers[-best]
            found.append(tuple(combo))
    return found


def compose(
    aspects: Aspects,
    candidates: Sequence[tuple[Match, str, frozenset[str], float | None, float | None]],
    labels: dict[str, str] | None = None,
) -> tuple[Package, ...]:
    """Aspects + candidates (match, provider, covered aspects, weeks, price) → best packages."""
    total = sum(aspects.values())
    if total <= 0 or len(candidates) < 2:
        return ()
    covers = [frozenset(c[2] & aspects.keys()) for c in candidates]
    providers = [c[1] for c in candidates]
    single = max(_value(aspects, cover) for cover in covers) / total
    best = max(c[0].score for c in candidates) or 1.0
    if single >= 1.0 - 1e-9:
        return ()
    scored = []
    for combo in _combos(len(candidates), covers, aspects):
        if not _valid(combo, providers, covers):
            continue
        covered = frozenset().union(*(covers[i] for i in combo))
        coverage = _value(aspects, covered) / total
        if coverage >= single + MIN_GAIN:
            quality = sum(candidates[i][0].score for i in combo) / len(combo) / best
            rank = (coverage + quality) / 2
            scored.append((round(coverage, 4), rank, -len(combo), combo, covered))
    scored.sort(key=lambda s: (-s[1], -s[0], s[2]))
    # the best package, then the best pair (fewest providers to coordinate), then the rest
    pairs = [s for s in scored[1:] if len(s[3]) == 2][:1]
    chosen = scored[:1] + pairs + [s for s in scored[1:] if s not in pairs]
    return tuple(
        _package(aspects, candidates, s[3], s[4], s[0], labels or {}) for s in chosen[:LIMIT]
    )


def _package(  # noqa: PLR0917 — one call site, all values of one package
    aspects: Aspects,
    candidates: Sequence[tuple[Match, str, frozenset[str], float | None, float | None]],
    combo: Sequence[int],
    covered: frozenset[str],
    coverage: float,
    labels: dict[str, str],
) -> Package:
    weeks = [candidates[i][3] for i in combo]
    prices = [candidates[i][4] for i in combo]
    return Package(
        keys=tuple(candidates[i][0].key for i in combo),
        coverage=coverage,
        covered=tuple(sorted(labels.get(a, _name(a)) for a in covered)),
        uncovered=tuple(sorted(labels.get(a, _name(a)) for a in aspects.keys() - covered)),
        duration_weeks=max(w for w in weeks if w is not None) if any(weeks) else None,
        price_eur=sum(p for p in prices if p is not None)
        if any(p is not None for p in prices)
        else None,
    )


def packages_compose(
    index: MatchIndex, need: Need, terms: QueryTerms, matches: Sequence[Match]
) -> tuple[Package, ...]:
    """A need and its ranked matches → packages across providers (see module docstring)."""
    aspects = need_aspects(index, need, terms)
    labels = {f"skill:{skill.uri}": skill.label for skill in need.skills}
    floor = MIN_SCORE_SHARE * (matches[0].score if matches else 0.0)
    candidates = []
    for match in [m for m in matches if m.score >= floor][:CANDIDATES]:
        doc = index.doc_of(match.key)
        record = index.records[doc]
        cover = covered_aspects(index, need, terms, doc)
        if cover:
            candidates.append(
                (match, record.provider, cover, record.duration_weeks, record.price_eur)
            )
    return compose(aspects, candidates, labels)


def _requested(part: NeedPart, need: Need, medium: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a part asks for something the engine understood: a needed skill it is fairly
    sure of (≥ REQUEST_SKILL) — not a language named only as a medium
    (`intel.settled.medium_spans`: "puhuu vaan englantia", "working language English") — or
    the need's occupation ("CE-kuskeja" → truck drivers)."""
    for i in part.skills:
        skill = need.skills[i]
        as_medium = language_words(skill.words) and only_settled(need.text, medium, skill.words)
        if skill.score >= REQUEST_SKILL and not as_medium:
            return True
    lowered = part.text.lower()
    return any(
        w and w.lower() in lowered
        for o in need.occupations
        if o.score >= REQUEST_SKILL  # not a generic "työntekijää" → "other workers"
        for w in o.words
    )


def _leaders(
    aspects: Aspects,
    candidates: Sequence[tuple[Match, str, frozenset[str], float | None, float | None]],
    part_scores: Sequence[dict[int, float]],
    docs: Sequence[int],
    labels: dict[str, str],
) -> tuple[Package, ...]:
    """The best answer of each requested part, when those are different offerings from at
    least two providers: "the best for each thing you asked", even if one offering answers
    every part nearly as well (C/CE training also mentions ammattipätevyys, but the refresher
    course answers the refresher part best). A part whose best answer overall is not a
    candidate that answers it stays uncovered, and the coverage says so."""
    position = {doc: i for i, doc in enumerate(docs)}
    combo: list[int] = []
    covered: set[str] = set()
    for number, scores in enumerate(part_scores):
        best = max(scores, key=scores.__getitem__, default=None)
        aspect = f"part:{number}"
        # a part whose best answer is not a candidate that answers it stays uncovered
        if best is None or best not in position or aspect not in candidates[position[best]][2]:
            continue
        combo.append(position[best])
        covered.add(aspect)
    combo = list(dict.fromkeys(combo))
    if len(combo) < 2 or len({candidates[i][1] for i in combo}) < MIN_PROVIDERS:
        return ()
    total = sum(aspects.values()) or 1.0
    coverage = round(sum(aspects[a] for a in covered) / total, 4)
    return (_package(aspects, candidates, combo, frozenset(covered), coverage, labels),)


def parts_compose(
    index: MatchIndex,
    terms: QueryTerms,
    parts: Sequence[NeedPart],
    part_scores: Sequence[dict[int, float]],
    matches: Sequence[Match],
    *,
    need: Need | None = None,
) -> tuple[Package, ...]:
    """A need's requested parts → packages whose members answer different parts.

    Only the parts that carry an understood request (`_requested`) are combined; with fewer
    than two there is no package, and the other parts are context. When no cover-based package
    exists because one offering answers every request well enough, the best answer of each
    request is proposed (`_leaders`) if those are different offerings from two providers.
    Aspects are the parts (weight: their attainable BM25); an offering covers a part when its
    part score is among the part's `PART_TOP` best and at least `ANSWERS` of the part's best, and
    it contains a word of the part (a concept tag alone is not enough). Members are fair matches
    of the whole need (≥ `MIN_SCORE_SHARE` of the best score) or the best answer of a part in
    which a needed skill was evidenced; a package's quality is how well its members answer
    their parts. A part only chatter or a noisy tag would answer stays uncovered rather than
    filled. `covered` / `uncovered` name the parts by their words.
    """
    medium = medium_spans(need.text) if need is not None else ()
    requests = [i for i, part in enumerate(parts) if need is None or _requested(part, need, medium)]
    if len(requests) < 2:  # one understood request (or none): nothing to combine
        return ()
    parts = [parts[i] for i in requests]  # the understood requests; the other parts are context
    part_scores = [part_scores[i] for i in requests]
    aspects = {
        f"part:{i}": max(part.attainable, 1e-6) * (1.0 if part.skills else LEXICAL_PART)
        for i, part in enumerate(parts)
    }
    labels = {f"part:{i}": part.text for i, part in enumerate(parts)}
    # part scores of the ranked pool × the need's preference factor (a course only for the
    # unemployed answers an employer's part less well, as it does the whole need)
    factor = {index.doc_of(m.key): dict(m.parts).get("preferences", 1.0) for m in matches}
    part_scores = [
        {doc: value * factor[doc] for doc, value in scores.items() if doc in factor}
        for scores in part_scores
    ]
    best = [max(scores.values(), default=0.0) for scores in part_scores]
    leaders = [
        set(heapq.nlargest(PART_TOP, scores, key=scores.__getitem__)) for scores in part_scores
    ]
    floor = MIN_SCORE_SHARE * (matches[0].score if matches else 0.0)
    firsts = {  # the best answer of a part where a skill was evidenced may join regardless
        max(scores, key=scores.__getitem__)
        for part, scores in zip(parts, part_scores, strict=True)
        if scores and part.skills
    }
    candidates = []
    docs: list[int] = []  # the document of each candidate
    for match in matches:
        doc = index.doc_of(match.key)
        if match.score < floor and doc not in firsts:
            continue
        answered = [
            scores.get(doc, 0.0) / best[i]
            for i, scores in enumerate(part_scores)
            if doc in leaders[i]
            and scores.get(doc, 0.0) >= ANSWERS * best[i]
            and any(doc in terms.scores[t] for t in parts[i].terms)
        ]
        if not answered:
            continue
        cover = frozenset(
            f"part:{i}"
            for i, scores in enumerate(part_scores)
            if doc in leaders[i]
            and scores.get(doc, 0.0) >= ANSWERS * best[i]
            and any(doc in terms.scores[t] for t in parts[i].terms)
        )
        record = index.records[doc]
        fit = dataclasses.replace(match, score=max(answered))  # how well it answers its part
        candidates.append((fit, record.provider, cover, record.duration_weeks, record.price_eur))
        docs.append(doc)
        if len(candidates) >= CANDIDATES:
            break
    found = compose(aspects, candidates, labels)
    return found or _leaders(aspects, candidates, part_scores, docs, labels)
