"""Stage `classify`: mentions of a text (title weighted) → ranked ISCO-08 4-digit occupations.

Input: the `Mention`s that `extract` found in a document's title and text, and an
`OccupationModel` built once from the taxonomy (ESCO occupations with their ISCO codes, ISCO
groups, and the skill→occupation `essential_for` / `optional_for` relations). Output:
`OccupationGuess`es, best first, each with the parts of its score and its evidence.

Score of an ISCO-4 group = TITLE × occupation names evidenced in the title
+ BODY × occupation names evidenced only in the text + PROFILE × skill-profile similarity.
Occupation mentions are ESCO occupations (rolled up to their ISCO code) or ISCO groups by name.
Profile similarity of an ESCO occupation: Σ over the text's skills of skill score × relation
weight (essential 1, optional 0.5) × IDF of the skill over occupations, divided by the square
root of the occupation's profile size (so broad profiles do not win by size alone), scaled so the
best occupation is 1. A group takes its best occupation.

`profile_skills` turns the top groups back into skills: the skills essential to most of the
group's ESCO occupations — used to propose skills a text implies but does not name.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from jatkumo.intel.lexicon import LexiconIndex
from jatkumo.intel.types import Evidence, Mention, OccupationGuess, TaxonomyRelation

TITLE_WEIGHT = 1.0
BODY_WEIGHT = 0.35
PROFILE_WEIGHT = 0.6
RELATION_WEIGHT = {"essential_for": 1.0, "optional_for": 0.5}
RELATIVE_KINDS = frozenset({"broader", "related"})


@dataclass
class OccupationModel:
    """What classification needs from the taxonomy, by URI."""

    isco_of: dict[str, str]  # ESCO occupation or ISCO group URI → ISCO-4 code
    group_uri: dict[str, str]  # ISCO-4 code → ISCO group URI
    group_name: dict[str, dict[str, str]]  # ISCO-4 code → language → name
    skill_occupations: dict[str, list[tuple[str, float]]]  # skill → [(occupation, weight)]
    skill_idf: dict[str, float]
    profile_norm: dict[str, float]  # occupation → √ Σ (weight × idf)²
    group_occupations: dict[str, list[str]]  # ISCO-4 → ESCO occupations
    essential: dict[str, list[str]]  # occupation → essential skills
    names: dict[str, str]  # URI → display name
    group_skills: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    relatives: dict[str, set[str]] = field(default_factory=dict)  # skill → broader/narrower/related
    occupation_skills: dict[str, dict[str, float]] = field(default_factory=dict)  # cached
    profile_root: dict[str, float] = field(default_factory=dict)  # occupation → √ profile_norm


def occupation_model_build(
    index: LexiconIndex, relations: Iterable[TaxonomyRelation]
) -> OccupationModel:
    """Index concepts + relations → OccupationModel (ISCO codes, skill profiles, IDF)."""
    isco_of: dict[str, str] = {}
    group_uri: dict[str, str] = {}
    group_name: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    group_occupations: dict[str, list[str]] = defaultdict(list)
    for concept in index.concepts:
        code = concept.code.split(".")[0]
        if concept.scheme == "isco_group" and len(code) == 4 and code.isdigit():
            isco_of[concept.uri] = code
            group_uri[code] = concept.uri
            group_name[code] = dict(concept.names)
        elif concept.scheme == "esco_occupation" and len(code) >= 4 and code[:4].isdigit():
            isco_of[concept.uri] = code[:4]
            group_occupations[code[:4]].append(concept.uri)
            names[concept.uri] = concept.name("en")
    skill_occupations: dict[str, list[tuple[str, float]]] = defaultdict(list)
    essential: dict[str, list[str]] = defaultdict(list)
    skills = {c.uri for c in index.concepts if c.scheme == "esco_skill"}
    relatives: dict[str, set[str]] = defaultdict(set)
    for relation in relations:
        if relation.kind in RELATIVE_KINDS and {relation.subject, relation.object} <= skills:
            relatives[relation.subject].add(relation.object)
            relatives[relation.object].add(relation.subject)
            continue
        weight = RELATION_WEIGHT.get(relation.kind)
        if weight is None or relation.object not in isco_of:
            continue
        skill_occupations[relation.subject].append((relation.object, weight))
        if relation.kind == "essential_for":
            essential[relation.object].append(relation.subject)
    total = max(1, sum(len(v) for v in group_occupations.values()))
    skill_idf = {s: math.log(1 + total / len(occs)) for s, occs in skill_occupations.items()}
    squares: dict[str, float] = defaultdict(float)
    for skill, occupations in skill_occupations.items():
        for occupation, weight in occupations:
            squares[occupation] += (weight * skill_idf[skill]) ** 2
    profile_norm = {occupation: math.sqrt(value) for occupation, value in squares.items()}
    return OccupationModel(
        isco_of,
        group_uri,
        group_name,
        dict(skill_occupations),
        skill_idf,
        profile_norm,
        dict(group_occupations),
        dict(essential),
        names,
        relatives=dict(relatives),
        profile_root=_roots(skill_occupations, profile_norm),
    )


def _roots(
    skill_occupations: dict[str, list[tuple[str, float]]], profile_norm: dict[str, float]
) -> dict[str, float]:
    """Occupation → the divisor of its profile similarity, √ profile norm (1 without a norm)."""
    return {
        occupation: math.sqrt(profile_norm.get(occupation, 1.0) or 1.0)
        for occupations in skill_occupations.values()
        for occupation, _weight in occupations
    }


def _profile_scores(mentions: Sequence[Mention], model: OccupationModel) -> dict[str, float]:
    """ESCO occupation → skill-profile similarity (not yet scaled to the best)."""
    accumulated: dict[str, float] = {}
    sofar = accumulated.get
    for mention in mentions:
        if mention.scheme != "esco_skill":
            continue
        held = model.skill_occupations.get(mention.uri)
        if not held:
            continue
        idf = model.skill_idf.get(mention.uri, 0.0)
        score = mention.score
        for occupation, weight in held:
            accumulated[occupation] = sofar(occupation, 0.0) + score * weight * idf
    roots = model.profile_root or _roots(model.skill_occupations, model.profile_norm)
    return {occupation: value / roots[occupation] for occupation, value in accumulated.items()}


def _group_profiles(
    mentions: Sequence[Mention], model: OccupationModel
) -> dict[str, tuple[float, str]]:
    """ISCO-4 → (best similarity of its ESCO occupations in [0, 1], that occupation)."""
    scores = _profile_scores(mentions, model)
    top = max(scores.values(), default=0.0)
    groups: dict[str, tuple[float, str]] = {}
    if not top:
        return groups
    isco_of = model.isco_of
    for occupation, score in scores.items():
        value = score / top  # the best occupation is 1
        code = isco_of[occupation]
        held = groups.get(code)
        if value > (held[0] if held else 0.0):
            groups[code] = (value, occupation)
    return groups


def classify(
    mentions: Sequence[Mention], model: OccupationModel, *, language: str = "fi", limit: int = 5
) -> list[OccupationGuess]:
    """Mentions → ISCO-4 groups, best first (see the module docstring for the score)."""
    title: dict[str, float] = defaultdict(float)
    body: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    named: dict[str, tuple[float, str]] = {}
    for mention in mentions:
        code = model.isco_of.get(mention.uri)
        if code is None:
            continue
        in_title = any(span.field == "title" for span in mention.evidence)
        target = title if in_title else body
        target[code] = max(target[code], mention.score)
        evidence[code] += mention.evidence
        if mention.scheme == "esco_occupation" and mention.score > named.get(code, (0.0, ""))[0]:
            named[code] = (mention.score, mention.uri)
    group_profile = _group_profiles(mentions, model)
    # Rank every group by its rounded score, then describe only the `limit` best: a text's
    # skills reach hundreds of groups. A group named nowhere scores its profile part alone.
    ranked = [
        (-_score(_parts(title, body, group_profile, code)), code) for code in set(title) | set(body)
    ]
    ranked += [
        (-round(PROFILE_WEIGHT * value, 4), code)
        for code, (value, _occupation) in group_profile.items()
        if code not in title and code not in body
    ]
    guesses = []
    for negative, code in sorted(ranked)[:limit]:
        parts = _parts(title, body, group_profile, code)
        uri = named.get(code, (0.0, ""))[1] or group_profile.get(code, (0.0, ""))[1]
        uri = uri or model.group_uri.get(code, "")
        names = model.group_name.get(code, {})
        label = (
            names.get(language) or names.get("fi") or names.get("en") or model.names.get(uri, code)
        )
        guesses.append(
            OccupationGuess(code, uri, label, -negative, parts, tuple(evidence[code][:5]))
        )
    return guesses


def _parts(
    title: dict[str, float],
    body: dict[str, float],
    group_profile: dict[str, tuple[float, str]],
    code: str,
) -> tuple[tuple[str, float], ...]:
    return (
        ("title", round(TITLE_WEIGHT * title.get(code, 0.0), 4)),
        ("text", round(BODY_WEIGHT * body.get(code, 0.0), 4)),
        ("skill_profile", round(PROFILE_WEIGHT * group_profile.get(code, (0.0, ""))[0], 4)),
    )


def _score(parts: tuple[tuple[str, float], ...]) -> float:
    """The sum of the rounded parts, rounded (with only a profile part: that part, as rounding
    a rounded number changes nothing)."""
    return round(sum(value for _name, value in parts), 4)


def profile_skills(
    guesses: Sequence[OccupationGuess], model: OccupationModel, *, groups: int = 1
) -> list[tuple[str, float, str]]:
    """Top groups → (skill URI, share, occupation code): skills essential to most of a group's
    ESCO occupations, share = fraction of the group's occupations that list the skill, × the
    group's share of the top score.
    """
    if not guesses:
        return []
    top = guesses[0].score or 1.0
    result: dict[str, tuple[float, str]] = {}
    nothing = (0.0, "")
    for guess in guesses[:groups]:
        score, code = guess.score, guess.isco
        for skill, share in _group_skill_shares(model, code):
            value = share * score / top
            if value > result.get(skill, nothing)[0]:
                result[skill] = (value, code)
    # best first, then by URI: sorting plain tuples needs no key function (URIs are unique)
    ranked = sorted((-value, skill, code) for skill, (value, code) in result.items())
    return [(skill, -negative, code) for negative, skill, code in ranked]


def _group_skill_shares(model: OccupationModel, code: str) -> list[tuple[str, float]]:
    """ISCO-4 → (skill, share of the group's ESCO occupations that hold it essential), cached."""
    cached = model.group_skills.get(code)
    if cached is None:
        occupations = model.group_occupations.get(code, [])
        counts: Counter[str] = Counter()
        for occupation in occupations:
            counts.update(set(model.essential.get(occupation, ())))
        cached = [(skill, count / len(occupations)) for skill, count in counts.items()]
        model.group_skills[code] = cached
    return cached


def occupation_profile(model: OccupationModel, code: str) -> dict[str, float]:
    """ISCO-4 → {skill: profile weight}: the mean relation weight (essential 1, optional 0.5)
    over the group's ESCO occupations, so a skill every occupation of the group holds essential
    weighs 1 and one optional for one of ten weighs 0.05. Cached per group.
    """
    cached = model.occupation_skills.get(code)
    if cached is None:
        occupations = model.group_occupations.get(code, [])
        members = set(occupations)
        totals: dict[str, float] = defaultdict(float)
        if members:
            for skill, held in model.skill_occupations.items():
                for occupation, weight in held:
                    if occupation in members:
                        totals[skill] += weight / len(members)
        cached = dict(totals)
        model.occupation_skills[code] = cached
    return cached
