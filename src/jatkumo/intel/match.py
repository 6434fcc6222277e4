"""Stage `match`: a need (text + concepts) → offerings ranked by a hybrid score, with reasons.

Input: `OfferingRecord`s (built once into a `MatchIndex`) and a `Need` whose skills the concept
engine found. Output: `MatchOutcome`: the best offerings, each with its score, the needed skills
it covers (the need's words and the offering's words for each), the need's words it contains and
the preference mismatches; multi-provider packages (`intel.package`); and the unmet decision.

Score of an offering d for a need q, each part in [0, 1]:

- concept  = Σ_{c ∈ q ∩ d} s_c · idf_c · t_dc / Σ_{c ∈ q} s_c · idf_c — the needed skills d is
  tagged with, weighted by specificity (idf over offering tags; a skill no offering has gets the
  highest idf) and by how sure extraction (s) and tagging (t) were;
- lexical  = BM25(q, d) / max_d' BM25(q, d') — `intel.search`'s BM25 (k1 1.2, b 0.75) over the
  lemmas and compound parts of title ×2, description and keywords; a need word counts once, at
  its best reading; function words (pronouns, adverbs, numerals, place names, spoken-Finnish
  fillers: `QueryWord.function`) are left out, verbs and adjectives weigh `MODIFIER_WEIGHT`,
  words that name learning itself `GENERIC_WEIGHT`;
- part     = the best score of d over the need's requested parts (`intel.match_parts`: the need
  cut into clauses, each ranked with the same formula over its own words and skills);
- hybrid   = (1 − W_PARTS) · (W_CONCEPT · concept + W_LEXICAL · lexical) + W_PARTS · part, times
  the preference penalties (`intel.preferences`); an optional `reranker` may reorder the best
  candidates. W_CONCEPT and W_PARTS were chosen by cross-validation over the dev needs
  (docs/accuracy.md).

Unmet (`intel.unmet`): the best offering's confidence — the share of the need's attainable BM25
it reaches (topic nouns no offering has count as unanswered) and how firmly its skills were
asked for — below a threshold calibrated by cross-validation (docs/broker-matching.md).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.match_parts import part_best, parts_rank
from jatkumo.intel.match_types import (
    Match,
    MatchOutcome,
    Need,
    OfferingRecord,
    Package,
    SkillCover,
)
from jatkumo.intel.package import packages_compose, parts_compose
from jatkumo.intel.preferences import preference_fit
from jatkumo.intel.search import (
    GENERIC,
    GENERIC_SHARE,
    QUERY_PART_WEIGHT,
    QueryWord,
    SearchIndex,
    SearchIndexBuilder,
    query_words,
)
from jatkumo.intel.settled import inside, need_without_settled, settled_spans
from jatkumo.intel.unmet import UnmetModel, confidence_of

W_CONCEPT = 0.55  # chosen by 2-fold cross-validation over dev needs (docs/accuracy.md)
W_LEXICAL = 0.45
CANDIDATES = 50  # best lexical/concept candidates scored in full
GENERIC_WEIGHT = 0.3
MODIFIER_WEIGHT = 0.5  # verbs and adjectives (`osata`, `käytännönläheinen`) beside the nouns
FUSION = "linear"  # concept + lexical: "linear" (W_CONCEPT, W_LEXICAL) or "rrf"
RRF_K = 60
TOP_COVER = 3  # unmet looks at the coverage of the best three
POSTINGS_CAP = 2000  # a need word scores only its 2,000 best offerings (latency at 50,000)
W_PARTS = 0.2  # share of the best part score in the fused score (leave-one-out selected)


class Reranker(Protocol):
    """Optional second stage (embeddings): need text + candidate keys → similarity in [0, 1]."""

    def similarities(self, text: str, keys: Sequence[int]) -> dict[int, float]:
        """Cosine-like similarity of the need text to each candidate offering."""
        ...


@dataclass(frozen=True, slots=True)
class QueryTerms:
    """A need's words with their BM25 postings scores, and its idf-weighted skills."""

    words: tuple[QueryWord, ...]
    weights: tuple[float, ...]  # per word: 1, or GENERIC_WEIGHT for generic words
    scores: tuple[dict[int, float], ...]  # per word: doc → best BM25 of any reading
    starts: tuple[tuple[int, ...], ...] = ()  # per word: where it occurs in the need text
    absent: tuple[QueryWord, ...] = ()  # topical words no offering contains (`topical`)


def _best_postings(docs: Sequence[int], scores: Sequence[float]) -> tuple[list[int], list[float]]:
    """The `POSTINGS_CAP` highest-scoring postings of a term, in document order."""
    keep = sorted(heapq.nlargest(POSTINGS_CAP, range(len(docs)), key=scores.__getitem__))
    return [docs[i] for i in keep], [scores[i] for i in keep]


class MatchIndex:
    """BM25 postings over offering text + concept → tagged offerings, built once per catalogue."""

    def __init__(
        self,
        records: Sequence[OfferingRecord],
        analyser: Analyser | None = None,
        vocabulary: frozenset[str] | None = None,
    ) -> None:
        self.analyser = analyser or default_analyser()
        self.vocabulary = vocabulary  # lemmas of taxonomy labels (None: not known)
        self.records = list(records)
        builder = SearchIndexBuilder(self.analyser)
        self.concept_docs: dict[str, dict[int, float]] = defaultdict(dict)
        self.tag_words: dict[tuple[int, str], tuple[str, ...]] = {}
        for doc, record in enumerate(self.records):
            builder.add(record.fields, {})
            for tag in record.tags:
                self.concept_docs[tag.uri][doc] = tag.weight
                self.tag_words[(doc, tag.uri)] = tag.words
        self.text: SearchIndex = builder.build()
        self.size = len(self.records)
        self._doc = {record.key: doc for doc, record in enumerate(self.records)}
        self._capped = {
            term: _best_postings(docs, scores)
            for term, (docs, scores) in self.text.postings.items()
            if len(docs) > POSTINGS_CAP
        }

    def _postings(self, term: str) -> tuple[Sequence[int], Sequence[float]]:
        """A term's postings; for a very common term only its `POSTINGS_CAP` best."""
        capped = self._capped.get(term)
        if capped is not None:
            return capped
        docs, scores = self.text.postings.get(term, ((), ()))
        return docs, scores

    def doc_of(self, key: int) -> int:
        """The document number of the offering with caller's `key`."""
        return self._doc[key]

    def unseen_score(self) -> float:
        """The BM25 of a word only one offering has (once, in an average-length text): what a
        need word no offering has would have scored had one offering answered it."""
        return math.log(1 + (self.size - 0.5) / 1.5) if self.size else 0.0

    def idf(self, uri: str) -> float:
        """Specificity of a concept: idf over offering tags (unseen concepts the highest)."""
        df = len(self.concept_docs.get(uri, ()))
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def word_scores(self, word: QueryWord) -> dict[int, float]:
        """Doc → BM25 contribution of one need word: its best lemma, or its parts."""
        best: dict[int, float] = {}
        for lemma in word.lemmas:
            docs, scores = self._postings(lemma)
            for doc, score in zip(docs, scores, strict=True):
                if score > best.get(doc, 0.0):
                    best[doc] = score
        parts = [part for part in word.parts if part not in GENERIC]
        summed: dict[int, float] = defaultdict(float)
        for part in parts:
            docs, scores = self._postings(part)
            for doc, score in zip(docs, scores, strict=True):
                summed[doc] += score * QUERY_PART_WEIGHT / len(parts)
        for doc, score in summed.items():
            if score > best.get(doc, 0.0):
                best[doc] = score
        return best

    def document_frequency(self, word: QueryWord) -> int:
        """In how many offerings the word occurs at all (by a lemma or by all its parts)."""
        return max(
            (len(self.text.postings.get(lemma, ((),))[0]) for lemma in word.lemmas), default=0
        )

    def topical(self, word: QueryWord) -> bool:
        """Whether a need word names a topic: a common noun that occurs in a taxonomy label
        (as a lemma, a compound part or a hyphenated piece) — `harvesteri`, `sommelier`,
        `kiina` do, `tarvis`, `porukka` do not. Without a vocabulary, every common noun."""
        if not word.noun:
            return False
        if self.vocabulary is None:
            return True
        pieces = {piece for lemma in word.lemmas for piece in lemma.split("-") if piece}
        return bool((word.lemmas | pieces | set(word.parts)) & self.vocabulary)

    def terms(self, text: str, *, plain: bool = False) -> QueryTerms:
        """A need text → its content words, their weights and their postings (common words out).

        `plain` (the baseline): function words kept and verbs/adjectives weighed like nouns.
        """
        words: list[QueryWord] = []
        weights: list[float] = []
        scores: list[dict[int, float]] = []
        starts: list[list[int]] = []
        absent: list[QueryWord] = []
        seen: dict[frozenset[str], int] = {}
        settled = () if plain else settled_spans(text)  # "on jo kaikilla kunnossa": not asked
        for word in query_words(text, self.analyser):
            if settled and inside(settled, word.start):
                continue
            if word.lemmas in seen:
                if seen[word.lemmas] >= 0:
                    starts[seen[word.lemmas]].append(word.start)
                continue
            if (word.function and not plain) or (
                self.size >= 20 and self.document_frequency(word) > GENERIC_SHARE * self.size
            ):
                seen[word.lemmas] = -1
                continue
            found = self.word_scores(word)
            if not found:
                seen[word.lemmas] = -1
                if not word.lemmas & GENERIC and self.topical(word):
                    absent.append(word)
                continue
            seen[word.lemmas] = len(words)
            words.append(word)
            weights.append(
                GENERIC_WEIGHT
                if word.lemmas & GENERIC
                else MODIFIER_WEIGHT
                if word.modifier and not plain
                else 1.0
            )
            scores.append(found)
            starts.append([word.start])
        return QueryTerms(
            tuple(words),
            tuple(weights),
            tuple(scores),
            tuple(tuple(s) for s in starts),
            tuple(absent),
        )


def lexical_scores(terms: QueryTerms) -> dict[int, float]:
    """Doc → BM25 of the need (each word once, generic words down-weighted)."""
    total: dict[int, float] = defaultdict(float)
    for weight, scores in zip(terms.weights, terms.scores, strict=True):
        for doc, score in scores.items():
            total[doc] += weight * score
    return total


def concept_scores(index: MatchIndex, need: Need) -> dict[int, float]:
    """Doc → idf-weighted share of the need's skills it is tagged with (see module docstring)."""
    total: dict[int, float] = defaultdict(float)
    norm = 0.0
    for skill in need.skills:
        weight = min(1.0, skill.score) * index.idf(skill.uri)
        norm += weight
        for doc, tag in index.concept_docs.get(skill.uri, {}).items():
            total[doc] += weight * tag
    return {doc: value / norm for doc, value in total.items()} if norm else {}


def _covers(index: MatchIndex, need: Need, doc: int) -> tuple[SkillCover, ...]:
    return tuple(
        SkillCover(skill.uri, skill.label, skill.words, index.tag_words.get((doc, skill.uri), ()))
        for skill in need.skills
        if doc in index.concept_docs.get(skill.uri, {})
    )


def _matched_words(terms: QueryTerms, doc: int) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(w.surface for w, s in zip(terms.words, terms.scores, strict=True) if doc in s)
    )


def _ranks(scores: dict[int, float]) -> dict[int, int]:
    """Doc → its rank (1 = best) by score; docs without a score have none."""
    ordered = sorted((doc for doc, value in scores.items() if value > 0), key=lambda d: -scores[d])
    return {doc: position for position, doc in enumerate(ordered, start=1)}


def _rrf(position: int | None) -> float:
    return 1.0 / (RRF_K + position) if position else 0.0


def rank(
    index: MatchIndex,
    need: Need,
    *,
    top: int = 10,
    unmet_model: UnmetModel | None = None,
    reranker: Reranker | None = None,
    packages: bool = True,
) -> MatchOutcome:
    """A need → `MatchOutcome`: the `top` best offerings with reasons, packages, unmet flag."""
    need = need_without_settled(need)
    terms = index.terms(need.text)
    lexical = lexical_scores(terms)
    concept = concept_scores(index, need)
    best_lexical = max(lexical.values(), default=0.0) or 1.0
    pool = set(heapq.nlargest(CANDIDATES, lexical, key=lexical.__getitem__))
    pool |= set(heapq.nlargest(CANDIDATES, concept, key=concept.__getitem__))
    need_parts, per_part = parts_rank(index, need, terms) if W_PARTS else ((), ())
    for scores in per_part:
        pool |= set(heapq.nlargest(CANDIDATES // 5, scores, key=scores.__getitem__))
    lexical_rank = _ranks(lexical) if FUSION == "rrf" else {}
    concept_rank = _ranks(concept) if FUSION == "rrf" else {}
    similar = reranker.similarities(need.text, sorted(pool)) if reranker and pool else {}
    scored: list[Match] = []
    for doc in pool:
        factor, notes, allowed = preference_fit(need, index.records[doc])
        if not allowed:
            continue
        parts = [
            ("concept", round(concept.get(doc, 0.0), 4)),
            ("lexical", round(lexical.get(doc, 0.0) / best_lexical, 4)),
        ]
        base = W_CONCEPT * parts[0][1] + W_LEXICAL * parts[1][1]
        if FUSION == "rrf":
            base = (
                _rrf(concept_rank.get(doc)) * W_CONCEPT + _rrf(lexical_rank.get(doc)) * W_LEXICAL
            ) / _rrf(1)
        if per_part and W_PARTS:
            _number, answer = part_best(per_part, doc)
            parts.append(("part", round(answer, 4)))
            base = (1 - W_PARTS) * base + W_PARTS * answer
        if similar:
            parts.append(("embedding", round(similar.get(doc, 0.0), 4)))
            base = 0.8 * base + 0.2 * similar.get(doc, 0.0)
        parts.append(("preferences", round(factor, 4)))
        covers = _covers(index, need, doc)
        words = _matched_words(terms, doc)
        scored.append(
            Match(
                index.records[doc].key, round(base * factor, 4), tuple(parts), covers, words, notes
            )
        )
    scored.sort(key=lambda m: (-m.score, m.key))
    coverage = confidence_of(
        index, need, terms, [index.doc_of(m.key) for m in scored[:TOP_COVER]], lexical
    )
    model = unmet_model or UnmetModel()
    unmet, reasons = model.decide(coverage)
    found: tuple[Package, ...] = ()
    if packages and not unmet:
        if not W_PARTS:  # parts only for packages: ranked once the need is known to be met
            need_parts, per_part = parts_rank(index, need, terms)
        if len(need_parts) >= 2:  # several requested parts: the best offerings for each
            found = parts_compose(index, terms, need_parts, per_part, scored, need=need)
        else:  # one part (or none found): cover its skills
            found = packages_compose(index, need, terms, scored)
    return MatchOutcome(tuple(scored[:top]), found, unmet, round(coverage, 4), reasons)
