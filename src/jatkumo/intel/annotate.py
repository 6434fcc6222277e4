"""The whole enrichment of one document: (title, text, language?) → occupations and skills.

Input: a document's id, title and text. Output: `Annotation`, whose `as_dict()` is the shape the
CLI and the API print: `{"id", "language", "occupations": [{"uri", "isco", "label", "score",
...}], "skills": [{"uri", "label", "score", "evidence", ...}]}`.

It runs `language` → `extract` (section-weighted) → `classify`, then ranks skills against the
ESCO profiles of the top ISCO groups: a named skill × (1 + profile weight) when a top profile
holds it, × OUTSIDE_PROFILE_FACTOR when none does; skills named by the same words as a skill of
higher profile weight × DUPLICATE_FACTOR; the best profile neighbour (ESCO broader, narrower,
related) of a named skill added with RELATIVE_FACTOR × its score (`how = "profile_relative"`);
skills most of the best group's occupations hold essential added with PROFILE_SKILL_WEIGHT ×
share (`how = "occupation_profile"`). Only skills scoring ≥ SKILL_THRESHOLD are returned, at
most SKILL_LIMIT (docs/intel-extraction.md).
A pure function of its inputs and the index: no Django, no globals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from jatkumo.intel.classify import (
    OccupationModel,
    classify,
    occupation_profile,
    profile_skills,
)
from jatkumo.intel.extract import extract
from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.lexicon import LexiconIndex
from jatkumo.intel.skill_rank import Postings, SkillVocabulary, soft_rank
from jatkumo.intel.types import AnalysedText, Evidence, Language, Mention, OccupationGuess

SKILL_LIMIT = 10
OCCUPATION_LIMIT = 5
PROFILE_SKILL_WEIGHT = 0.45
PROFILE_MIN_SHARE = 0.3
MIN_SKILL_SCORE = 0.05
SKILL_THRESHOLD = 0.1
OUTSIDE_PROFILE_FACTOR = 0.5
DUPLICATE_FACTOR = 0.5
RELATIVE_FACTOR = 0.3
PROFILE_GROUP_SHARE = 0.8
SKILL_RANKINGS = frozenset({"soft", "lexical"})
PROFILE_CACHE = 256  # (group, language) candidate postings kept for the soft ranking


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


@dataclass(frozen=True, slots=True)
class _Profile:
    """The skill profiles of the top ISCO groups, each with the group's share of the top score."""

    groups: tuple[tuple[dict[str, float], float], ...]

    def get(self, skill: str, default: float = 0.0) -> float:
        """The skill's best weight × share over the groups (`default` when in none)."""
        if len(self.groups) == 1:  # most often
            profile, share = self.groups[0]
            weight = profile.get(skill)
            return default if weight is None else weight * share
        return max((p[skill] * share for p, share in self.groups if skill in p), default=default)

    def weight(self, skill: str) -> float:
        """The skill's profile weight, 0 when no top profile holds it."""
        return self.get(skill, 0.0)


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

    Skills are ranked by the lexical ranking (`skill_ranking="lexical"`, the default: what the
    broker's matching and offering tagging use) or by soft lexical evidence (`"soft"`,
    `intel.skill_rank`: job-ad extraction, better skill precision on the dev ads). With a
    `reranker` (optional embeddings, `intel.rerank`) the lexical skill ranking is handed to it
    uncut and it decides the final skills; occupations are not affected.
    """

    def __init__(
        self,
        index: LexiconIndex,
        model: OccupationModel,
        analyser: Analyser | None = None,
        reranker: SkillReranker | None = None,
        *,
        skill_ranking: str = "lexical",
        vocabulary: SkillVocabulary | None = None,
    ) -> None:
        if skill_ranking not in SKILL_RANKINGS:
            raise ValueError(f"skill_ranking must be one of {sorted(SKILL_RANKINGS)}")
        self.index = index
        self.model = model
        self.analyser = analyser or default_analyser()
        self.reranker = reranker
        self.skill_ranking = skill_ranking
        self.vocabulary = vocabulary or SkillVocabulary(index, self.analyser)
        self._profile_postings: dict[tuple[str, str], Postings] = {}

    def sibling(
        self, *, skill_ranking: str = "lexical", reranker: SkillReranker | None = None
    ) -> Annotator:
        """Another annotator over the same index, model, analyser and skill vocabulary (built
        once, shared), differing only in how it ranks skills."""
        return Annotator(
            self.index,
            self.model,
            self.analyser,
            reranker,
            skill_ranking=skill_ranking,
            vocabulary=self.vocabulary,
        )

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
        if self.reranker is None and self.skill_ranking == "lexical":
            skills = self._rank_skills(mentions, occupations, body.language)
        elif self.reranker is None:
            lexical = self._rank_skills(mentions, occupations, body.language, limit=None)
            profile = self._profile(occupations)
            skills = soft_rank(
                fields,
                lexical,
                profile.weight,
                self.vocabulary,
                body.language,
                candidates=self._candidates(occupations, body.language),
            )
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
        """Skill mentions + ranked occupations → skills, best first (see the module docstring)."""
        direct = {m.uri: m for m in mentions if m.scheme == "esco_skill"}
        top = occupations[0] if occupations else None
        profile = self._profile(occupations)
        # Only an occupation the text names (title or body) lends its unnamed skills.
        named = sum(v for k, v in top.parts if k != "skill_profile") if top else 0.0
        confidence = min(1.0, named / top.score) if top and top.score else 0.0
        inferred = {
            uri: (share * confidence, code)
            for uri, share, code in profile_skills(occupations, self.model)
            if share * confidence >= PROFILE_MIN_SHARE
        }
        duplicate = self._duplicates(direct, profile)
        ranked: dict[str, Mention] = {}
        for uri, mention in direct.items():
            weight = profile.get(uri, 0.0)
            fit = 1.0 + weight if weight > 0 else OUTSIDE_PROFILE_FACTOR
            fit *= DUPLICATE_FACTOR if uri in duplicate else 1.0
            parts = (*mention.parts, ("occupation_profile", round(fit, 4)))
            ranked[uri] = Mention(
                uri,
                mention.scheme,
                mention.label,
                round(mention.score * fit, 4),
                mention.evidence,
                parts,
            )
        positions = self.index.concept_position()
        label = top.label if top else ""
        # A profile skill one ESCO step (broader, narrower, related) from an evidenced skill.
        # One set of words evidences one concept: only the relative with the highest profile
        # weight, and only when that is higher than the evidenced skill's own.
        for uri, mention in sorted(direct.items(), key=lambda item: -item[1].score):
            own = profile.get(uri, 0.0)
            options = [
                (profile.get(r, 0.0), r)
                for r in self.model.relatives.get(uri, ())
                if r not in direct and r in positions and profile.get(r, 0.0) > own
            ]
            if options:
                weight, relative = max(options)
                score = mention.score * RELATIVE_FACTOR * (1.0 + weight)
                if relative in ranked and ranked[relative].score >= score:
                    continue
                concept = self.index.concepts[positions[relative]]
                reason = (
                    f"ESCO neighbour of {mention.label!r}, in the profile of ISCO "
                    f"{top.isco if top else ''} {label}"
                )
                spans = tuple(
                    Evidence(e.start, e.end, e.text, e.field, reason, "profile_relative")
                    for e in mention.evidence[:2]
                )
                parts = (
                    ("evidenced_skill", mention.score),
                    ("relative", RELATIVE_FACTOR),
                    ("occupation_profile", round(1.0 + weight, 4)),
                )
                ranked[relative] = Mention(
                    relative, concept.scheme, concept.name(language), round(score, 4), spans, parts
                )
        for uri, (share, code) in inferred.items():
            if uri in direct or uri not in positions or top is None:
                continue
            score = PROFILE_SKILL_WEIGHT * share
            if uri in ranked and ranked[uri].score >= score:
                continue
            concept = self.index.concepts[positions[uri]]
            reason = f"essential for most ESCO occupations in ISCO {code} {top.label}"
            spans = tuple(
                Evidence(e.start, e.end, e.text, e.field, reason, "occupation_profile")
                for e in top.evidence[:2]
            ) or (Evidence(0, 0, "", "text", reason, "occupation_profile"),)
            ranked[uri] = Mention(
                uri,
                concept.scheme,
                concept.name(language),
                round(score, 4),
                spans,
                (("occupation_profile", round(share, 4)),),
            )
        result = sorted(ranked.values(), key=lambda m: (-m.score, m.uri))
        if limit is None:
            return [m for m in result if m.score >= MIN_SKILL_SCORE]
        return [m for m in result if m.score >= SKILL_THRESHOLD][:limit]

    def _profile(self, occupations: Sequence[OccupationGuess]) -> _Profile:
        """Skill → profile weight over the top groups (within PROFILE_GROUP_SHARE of the best):
        the group's mean relation weight (essential 1, optional 0.5) × the group's score share.
        """
        if not occupations or occupations[0].score <= 0:
            return _Profile(())
        best = occupations[0].score
        groups = []
        for guess in occupations:
            share = guess.score / best
            if share < PROFILE_GROUP_SHARE:
                break
            groups.append((occupation_profile(self.model, guess.isco), share))
        return _Profile(tuple(groups))

    def _candidates(self, occupations: Sequence[OccupationGuess], language: str) -> list[Postings]:
        """Per top group (within PROFILE_GROUP_SHARE of the best): stem → its profile skills'
        labels (`SkillVocabulary.profile_postings`, cached per group and language)."""
        result: list[Postings] = []
        if not occupations or occupations[0].score <= 0:
            return result
        for guess in occupations:
            if guess.score / occupations[0].score < PROFILE_GROUP_SHARE:
                break
            cached = self._profile_postings.get((guess.isco, language))
            if cached is None:
                profile = occupation_profile(self.model, guess.isco)
                cached = self.vocabulary.profile_postings(profile, language)
                if len(self._profile_postings) >= PROFILE_CACHE:
                    self._profile_postings.clear()
                self._profile_postings[(guess.isco, language)] = cached
            result.append(cached)
        return result

    @staticmethod
    def _duplicates(direct: dict[str, Mention], profile: _Profile) -> set[str]:
        """Near-duplicate concepts: skills evidenced by exactly the same words; all but those
        with the highest profile weight are returned (to be damped). No profile, no tie-break.
        """
        groups: dict[frozenset[tuple[str, int, int]], list[str]] = {}
        for uri, mention in direct.items():
            key = frozenset((e.field, e.start, e.end) for e in mention.evidence)
            groups.setdefault(key, []).append(uri)
        damped: set[str] = set()
        for uris in groups.values():
            if len(uris) < 2:
                continue
            best = max(profile.get(uri, 0.0) for uri in uris)
            if best > 0:
                damped |= {uri for uri in uris if profile.get(uri, 0.0) < best}
        return damped
