"""The whole enrichment of one document: (title, text, language?) → occupations and skills.

Input: a document's id, title and text. Output: `Annotation`, whose `as_dict()` is the shape the
CLI and the API print: `{"id", "language", "occupations": [{"uri", "isco", "label", "score",
...}], "skills": [{"uri", "label", "score", "evidence", ...}]}`.

It runs `language` → `extract` → `classify`, then ranks skills: skills the text names keep their
extraction score, raised by up to ×2 when the best occupation's profile has them; skills the text
does not name but that most ESCO occupations of the best ISCO group hold as essential are added
with score PROFILE_SKILL_WEIGHT × share and the occupation's title evidence, marked
`how = "occupation_profile"`. A pure function of its inputs and the index: no Django, no globals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from jatkumo.intel.classify import OccupationModel, classify, profile_skills
from jatkumo.intel.extract import extract
from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.lexicon import LexiconIndex
from jatkumo.intel.types import AnalysedText, Evidence, Language, Mention, OccupationGuess

SKILL_LIMIT = 10
OCCUPATION_LIMIT = 5
PROFILE_SKILL_WEIGHT = 0.45
PROFILE_MIN_SHARE = 0.3
MIN_SKILL_SCORE = 0.05


@dataclass(frozen=True, slots=True)
class Annotation:
    """One document's result: language, ranked occupations and ranked skills with evidence."""

    id: str
    language: Language
    occupations: tuple[OccupationGuess, ...]
    skills: tuple[Mention, ...]

    def as_dict(self) -> dict[str, Any]:
        """The CLI/API shape (evidence spans with field, matched label and how)."""
        return {
            "id": self.id,
            "language": self.language,
            "occupations": [
                {
                    "uri": o.uri,
                    "isco": o.isco,
                    "label": o.label,
                    "score": o.score,
                    "score_parts": dict(o.parts),
                    "evidence": [_span(e) for e in o.evidence],
                }
                for o in self.occupations
            ],
            "skills": [
                {
                    "uri": m.uri,
                    "label": m.label,
                    "score": m.score,
                    "score_parts": dict(m.parts),
                    "evidence": [_span(e) for e in m.evidence],
                }
                for m in self.skills
            ],
        }


def _span(evidence: Evidence) -> dict[str, Any]:
    return {
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "field": evidence.field,
        "matched": evidence.matched,
        "how": evidence.how,
    }


class SkillReranker(Protocol):
    """A second skill ranking stage (`intel.rerank`): the lexical ranking (uncut) → final skills."""

    def rank(
        self,
        fields: Sequence[tuple[str, AnalysedText]],
        lexical: Sequence[Mention],
        occupations: Sequence[OccupationGuess],
        language: str,
    ) -> list[Mention]:
        """Re-rank `lexical` (and add candidates) → at most SKILL_LIMIT skills, best first."""
        ...


class Annotator:
    """Index + occupation model + analyser → `annotate()`; cheap per call once built.

    With a `reranker` (optional embeddings, `intel.rerank`) the lexical skill ranking is handed
    to it uncut and it decides the final skills; occupations are not affected.
    """

    def __init__(
        self,
        index: LexiconIndex,
        model: OccupationModel,
        analyser: Analyser | None = None,
        reranker: SkillReranker | None = None,
    ) -> None:
        self.index = index
        self.model = model
        self.analyser = analyser or default_analyser()
        self.reranker = reranker

    def annotate(
        self, doc_id: str, text: str, *, title: str = "", language: Language | None = None
    ) -> Annotation:
        """Title (optional) and text → Annotation. The language is detected from the text."""
        body = self.analyser.analyse(text, language)
        fields = [("text", body)]
        if title.strip():
            fields.insert(0, ("title", self.analyser.analyse(title, body.language)))
        mentions = extract(fields, self.index, analyser=self.analyser)
        occupations = classify(mentions, self.model, language=body.language, limit=OCCUPATION_LIMIT)
        if self.reranker is None:
            skills = self._rank_skills(mentions, occupations, body.language)
        else:
            lexical = self._rank_skills(mentions, occupations, body.language, limit=None)
            skills = self.reranker.rank(fields, lexical, occupations, body.language)
        return Annotation(doc_id, body.language, tuple(occupations), tuple(skills))

    def _rank_skills(
        self,
        mentions: list[Mention],
        occupations: list[OccupationGuess],
        language: str,
        limit: int | None = SKILL_LIMIT,
    ) -> list[Mention]:
        direct = {m.uri: m for m in mentions if m.scheme == "esco_skill"}
        # Only an occupation the text names (title or body) lends its profile to the skills.
        top = occupations[0] if occupations else None
        named = sum(v for k, v in top.parts if k != "skill_profile") if top else 0.0
        confidence = min(1.0, named / top.score) if top and top.score else 0.0
        inferred = {
            uri: (share * confidence, code)
            for uri, share, code in profile_skills(occupations, self.model)
            if share * confidence >= PROFILE_MIN_SHARE
        }
        ranked: list[Mention] = []
        for uri, mention in direct.items():
            share = inferred.get(uri, (0.0, ""))[0]
            score = mention.score * (1.0 + share)
            parts = (*mention.parts, ("occupation_profile", round(1.0 + share, 4)))
            ranked.append(
                Mention(
                    uri, mention.scheme, mention.label, round(score, 4), mention.evidence, parts
                )
            )
        positions = self.index.concept_position()
        for uri, (share, code) in inferred.items():
            if uri in direct or uri not in positions or top is None:
                continue
            concept = self.index.concepts[positions[uri]]
            reason = f"essential for most ESCO occupations in ISCO {code} {top.label}"
            spans = tuple(
                Evidence(e.start, e.end, e.text, e.field, reason, "occupation_profile")
                for e in top.evidence[:2]
            ) or (Evidence(0, 0, "", "text", reason, "occupation_profile"),)
            score = PROFILE_SKILL_WEIGHT * share
            ranked.append(
                Mention(
                    uri,
                    concept.scheme,
                    concept.name(language),
                    round(score, 4),
                    spans,
                    (("occupation_profile", round(share, 4)),),
                )
            )
        ranked = [m for m in ranked if m.score >= MIN_SKILL_SCORE]
        ranked.sort(key=lambda m: (-m.score, m.uri))
        return ranked[:limit] if limit is not None else ranked
