"""Soft skill ranking (`intel.skill_rank`): paraphrased profile skills, suppression, evidence."""

from __future__ import annotations

from functools import cache

import pytest

from jatkumo.intel.annotate import Annotator
from jatkumo.intel.classify import classify, occupation_model_build
from jatkumo.intel.extract import extract
from jatkumo.intel.lexicon import lexicon_build
from jatkumo.intel.skill_rank import SOFT_HOW, soft_rank, stem
from jatkumo.intel.types import ConceptLabel, TaxonomyConcept, TaxonomyRelation

E = "http://example.org/"
S = f"{E}esco_skill/"
OCC = f"{E}esco_occupation/"


def _concept(key: str, scheme: str, code: str, *labels: tuple[str, str, str]) -> TaxonomyConcept:
    return TaxonomyConcept(
        f"{E}{scheme}/{key}", scheme, code, tuple(ConceptLabel(*label) for label in labels)
    )


CONCEPTS = (
    _concept(
        "welding", "esco_skill", "", ("en", "preferred", "welding"), ("fi", "company", "hitsaus")
    ),
    _concept(
        "drawings",
        "esco_skill",
        "",
        ("en", "preferred", "read engineering drawings"),
        ("fi", "company", "konepiirustusten lukeminen"),
    ),
    _concept(
        "assembly",
        "esco_skill",
        "",
        ("en", "preferred", "assemble machines"),
        ("fi", "company", "koneiden kokoonpano"),
    ),
    _concept(
        "register",
        "esco_skill",
        "",
        ("en", "preferred", "operate cash register"),
        ("fi", "company", "kassan käyttö"),
    ),
    _concept("welder", "esco_occupation", "7212.1", ("fi", "preferred", "hitsaaja")),
    _concept("7212", "isco_group", "7212", ("fi", "preferred", "Hitsaajat ja kaasuleikkaajat")),
)
RELATIONS = (
    TaxonomyRelation(f"{S}welding", "essential_for", f"{OCC}welder"),
    TaxonomyRelation(f"{S}drawings", "essential_for", f"{OCC}welder"),
    TaxonomyRelation(f"{S}assembly", "essential_for", f"{OCC}welder"),
)
AD = "Toivomme sinulta:\n- kykyä lukea konepiirustuksia\n- hyvää hitsaustaitoa\n"


@cache
def _annotator(skill_ranking: str) -> Annotator:
    index = lexicon_build(CONCEPTS, RELATIONS, signature="soft-toy")
    return Annotator(index, occupation_model_build(index, RELATIONS), skill_ranking=skill_ranking)


def test_stem__inflection_and_derivation_meet():
    assert stem("lukea", "fi") == stem("lukeminen", "fi")
    assert stem("hitsata", "fi") == stem("hitsaus", "fi") == stem("hitsaaja", "fi")
    assert stem("operate", "en") == stem("operates", "en") == stem("operating", "en")
    assert stem("sql", "en") == "sql"


def test_soft__a_paraphrased_profile_skill_is_found_with_its_words_as_evidence():
    annotation = _annotator("soft").annotate("A", AD, title="Hitsaaja")
    skills = {s.uri: s for s in annotation.skills}
    drawings = skills[f"{S}drawings"]
    spans = {e.text for e in drawings.evidence}
    assert {"lukea", "konepiirustuksia"} <= spans
    soft = [e for e in drawings.evidence if e.how == SOFT_HOW]
    assert {e.text for e in soft} == {"lukea", "konepiirustuksia"}
    assert all("konepiirustusten lukeminen (fi)" in e.matched for e in soft)
    parts = dict(drawings.parts)
    assert parts["coverage"] == 1.0
    assert parts["occupation_profile"] > 1.0
    assert f"{S}welding" in skills  # named through a compound part and soft evidence


def test_soft__a_profile_skill_the_text_does_not_speak_of_is_suppressed():
    soft = _annotator("soft").annotate("A", AD, title="Hitsaaja")
    assert f"{S}assembly" not in {s.uri for s in soft.skills}
    assert f"{S}register" not in {s.uri for s in soft.skills}  # not in any profile, not named


def test_soft__every_skill_keeps_evidence_and_occupations_do_not_change():
    soft = _annotator("soft").annotate("A", AD, title="Hitsaaja")
    lexical = _annotator("lexical").annotate("A", AD, title="Hitsaaja")
    assert soft.occupations == lexical.occupations
    assert soft.skills
    assert all(s.evidence for s in soft.skills)
    assert all(e.text for s in soft.skills for e in s.evidence)


def test_lexical_is_the_default_and_unknown_rankings_are_refused():
    index = lexicon_build(CONCEPTS, RELATIONS, signature="soft-toy")
    model = occupation_model_build(index, RELATIONS)
    assert Annotator(index, model).skill_ranking == "lexical"
    with pytest.raises(ValueError, match="skill_ranking"):
        Annotator(index, model, skill_ranking="magic")


def test_soft__profile_postings_give_the_same_skills_as_looking_up_every_skill():
    annotator = _annotator("soft")
    body = annotator.analyser.analyse(AD, "fi")
    fields = [("title", annotator.analyser.analyse("Hitsaaja", "fi")), ("text", body)]
    mentions = extract(fields, annotator.index, analyser=annotator.analyser)
    occupations = classify(mentions, annotator.model, language="fi", limit=5)
    lexical = annotator._rank_skills(mentions, occupations, "fi", limit=None)
    weight = annotator._profile(occupations).weight
    vocabulary = annotator.vocabulary
    quick = soft_rank(
        fields,
        lexical,
        weight,
        vocabulary,
        "fi",
        candidates=annotator._candidates(occupations, "fi"),
    )
    every = soft_rank(fields, lexical, weight, vocabulary, "fi")
    assert quick == every
    assert quick == list(annotator.annotate("A", AD, title="Hitsaaja").skills)
