"""Stage `rerank`: the lexical skill ranking + occupation profile → skills re-ranked by embeddings.

Input: the analysed fields of a document (title, text), the uncut lexical skill ranking of
`annotate` (skills the text names, plus occupation-profile skills), the ranked occupations, and
the label vectors of every ESCO skill (`intel.embed.LabelEmbeddings`). Output: at most `limit`
skills as `Mention`s, best first, each explained.

Candidates: every skill of the lexical ranking, and every essential or optional skill of the
ESCO occupations of the best `groups` ISCO groups (the ESCO relations), with a prior = the
group's share of the top occupation score × the mean relation weight over the group's
occupations (essential 1, optional 0.5). The document is cut into sentences and lines
(`embed.sentence_spans`, plus the title), embedded as passages; a skill's similarity is the
highest cosine between its label (a query) and any span.

Score = lexical + EMBEDDING weight × max(0, (similarity − floor) / (1 − floor)) + PRIOR weight ×
prior. `floor` is the cosine that unrelated label/sentence pairs reach with this model (e5
cosines are compressed into roughly 0.7–0.95). A skill found only by the embedding needs a
similarity above `floor + margin`; a skill not named in the text whose similarity is above
`floor` gets the best-matching span as evidence (`how = "embedding"`, `matched` = the skill
label and the cosine), one with a lower similarity keeps its occupation-profile evidence.
`score_parts` give lexical, similarity and prior, so every score can be explained.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jatkumo.intel.classify import OccupationModel
from jatkumo.intel.embed import Encoder, LabelEmbeddings, sentence_spans
from jatkumo.intel.lexicon import LexiconIndex
from jatkumo.intel.types import AnalysedText, Evidence, Mention, OccupationGuess

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True, slots=True)
class RerankParams:
    """The re-ranker's few parameters, chosen by 2-fold cross-validation on dev (odd/even ads)
    with the limit fixed at the lexical ranking's 10 (docs/adr/0005-embedding-rerank.md).
    """

    groups: int = 1
    floor: float = 0.82
    embedding: float = 2.0
    prior: float = 0.25
    margin: float = 0.0
    limit: int = 10
    min_score: float = 0.05


@dataclass(frozen=True, slots=True)
class Candidate:
    """One skill a document may have: lexical mention (if named), prior, best span and cosine."""

    uri: str
    lexical: Mention | None
    prior: float
    similarity: float
    span: tuple[str, int, int]  # field, start, end of the best-matching span ("" when none)


class EmbeddingReranker:
    """Re-ranks skills with label/sentence cosine similarity (see the module docstring)."""

    def __init__(
        self,
        index: LexiconIndex,
        model: OccupationModel,
        encoder: Encoder,
        labels: Callable[[], LabelEmbeddings],
        params: RerankParams | None = None,
    ) -> None:
        self.index = index
        self.model = model
        self.encoder = encoder
        self.params = params or RerankParams()
        self._labels_factory = labels
        self._labels: LabelEmbeddings | None = None
        self._labels_lock = threading.Lock()
        self._skills_of: dict[str, list[tuple[str, float]]] | None = None

    @property
    def labels(self) -> LabelEmbeddings:
        """The skill-label vectors, loaded (or built and cached) on first use."""
        with self._labels_lock:
            if self._labels is None:
                self._labels = self._labels_factory()
            return self._labels

    def _occupation_skills(self) -> dict[str, list[tuple[str, float]]]:
        """ESCO occupation → [(skill, relation weight)], inverted from the model once."""
        if self._skills_of is None:
            skills_of: dict[str, list[tuple[str, float]]] = defaultdict(list)
            for skill, occupations in self.model.skill_occupations.items():
                for occupation, weight in occupations:
                    skills_of[occupation].append((skill, weight))
            self._skills_of = dict(skills_of)
        return self._skills_of

    def priors(self, occupations: Sequence[OccupationGuess]) -> dict[str, float]:
        """Skill → prior from the best groups' ESCO occupations (see the module docstring)."""
        if not occupations or not occupations[0].score:
            return {}
        top = occupations[0].score
        skills_of = self._occupation_skills()
        priors: dict[str, float] = {}
        for guess in occupations[: self.params.groups]:
            members = self.model.group_occupations.get(guess.isco, [])
            if not members:
                continue
            totals: dict[str, float] = defaultdict(float)
            for occupation in members:
                for skill, weight in skills_of.get(occupation, ()):
                    totals[skill] += weight
            share = guess.score / top
            for skill, total in totals.items():
                value = share * total / len(members)
                priors[skill] = max(priors.get(skill, 0.0), value)
        return priors

    def candidates(
        self,
        fields: Sequence[tuple[str, AnalysedText]],
        lexical: Sequence[Mention],
        occupations: Sequence[OccupationGuess],
    ) -> list[Candidate]:
        """Every candidate skill with its features (the expensive part: one encoder call)."""
        import numpy as np

        priors = self.priors(occupations)
        named = {m.uri: m for m in lexical}
        uris, label_vectors = self.labels.vectors(list(dict.fromkeys([*named, *priors])))
        spans: list[tuple[str, int, int]] = []
        texts: list[str] = []
        for name, analysed in fields:
            found = [(0, len(analysed.text))] if name == "title" else sentence_spans(analysed.text)
            for start, end in found:
                if analysed.text[start:end].strip():
                    spans.append((name, start, end))
                    texts.append(analysed.text[start:end])
        if texts and uris:
            span_vectors: NDArray[np.float32] = self.encoder.passages(texts)
            similarity = label_vectors @ span_vectors.T
            best = similarity.argmax(axis=1)
            best_value = similarity[np.arange(len(uris)), best]
        else:
            best = np.zeros(len(uris), dtype=np.int64)
            best_value = np.zeros(len(uris), dtype=np.float32)
        found_uris = set(uris)
        result = [
            Candidate(
                uri,
                named.get(uri),
                priors.get(uri, 0.0),
                float(best_value[i]),
                spans[int(best[i])] if texts else ("", 0, 0),
            )
            for i, uri in enumerate(uris)
        ]
        # a named skill without a label vector keeps its lexical score
        result += [
            Candidate(uri, mention, priors.get(uri, 0.0), 0.0, ("", 0, 0))
            for uri, mention in named.items()
            if uri not in found_uris
        ]
        return result

    def score(self, candidate: Candidate, params: RerankParams | None = None) -> float:
        """A candidate's final score (0 when it is neither named nor similar enough)."""
        p = params or self.params
        lexical = candidate.lexical.score if candidate.lexical else 0.0
        if candidate.lexical is None and candidate.similarity <= p.floor + p.margin:
            return 0.0
        closeness = max(0.0, (candidate.similarity - p.floor) / (1.0 - p.floor))
        return lexical + p.embedding * closeness + p.prior * candidate.prior

    def rank(
        self,
        fields: Sequence[tuple[str, AnalysedText]],
        lexical: Sequence[Mention],
        occupations: Sequence[OccupationGuess],
        language: str,
    ) -> list[Mention]:
        """Lexical ranking (uncut) + occupations → at most `limit` skills, best first."""
        texts = dict((name, analysed.text) for name, analysed in fields)
        scored = [(self.score(c), c) for c in self.candidates(fields, lexical, occupations)]
        scored = [(s, c) for s, c in scored if s >= self.params.min_score]
        scored.sort(key=lambda pair: (-pair[0], pair[1].uri))
        return [
            self._mention(score, c, texts, language) for score, c in scored[: self.params.limit]
        ]

    def _mention(
        self, score: float, candidate: Candidate, texts: dict[str, str], language: str
    ) -> Mention:
        parts = (
            ("lexical", round(candidate.lexical.score if candidate.lexical else 0.0, 4)),
            ("embedding_similarity", round(candidate.similarity, 4)),
            ("occupation_prior", round(candidate.prior, 4)),
        )
        positions = self.index.concept_position()
        concept = (
            self.index.concepts[positions[candidate.uri]] if candidate.uri in positions else None
        )
        label = (
            candidate.lexical.label
            if candidate.lexical
            else (concept.name(language) if concept else candidate.uri)
        )
        evidence: tuple[Evidence, ...] = candidate.lexical.evidence if candidate.lexical else ()
        name, start, end = candidate.span
        similar = candidate.similarity > self.params.floor
        if name and similar and (not evidence or evidence[0].how == "occupation_profile"):
            english = concept.name("en") if concept else label
            matched = f"{english} (en), cosine {candidate.similarity:.2f}"
            evidence = (Evidence(start, end, texts[name][start:end], name, matched, "embedding"),)
        scheme = candidate.lexical.scheme if candidate.lexical else "esco_skill"
        return Mention(candidate.uri, scheme, label, round(score, 4), evidence, parts)
