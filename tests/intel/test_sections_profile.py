"""Section-aware weighting (`extract.sections`) and occupation-profile consistency of skills."""

from __future__ import annotations

from functools import cache

import pytest

from jatkumo.intel.annotate import SKILL_LIMIT, SKILL_THRESHOLD, Annotator
from jatkumo.intel.classify import occupation_model_build
from jatkumo.intel.extract import SECTION_FACTOR, extract, sections
from jatkumo.intel.language import analyse
from jatkumo.intel.lexicon import lexicon_build
from jatkumo.intel.types import ConceptLabel, Mention, TaxonomyConcept, TaxonomyRelation
from tests.intel.toy_taxonomy import CONCEPTS, RELATIONS, E, toy_index

S = f"{E}esco_skill/"
OCC = f"{E}esco_occupation/"

AD = (
    "Konepaja Esimerkki Oy valmistaa teräsrakenteita. Haemme hitsaajaa.\n\n"
    "Työtehtävät:\n- hitsaus\n\n"
    "Toivomme sinulta:\n- trukkikortti\n\n"
    "Tarjoamme CNC-koneistuksen koulutusta. Hae viimeistään 15.3.2026.\n\n"
    "Työn tiedot\nTyöaika: kaksivuorotyö\nPalkkaus: TES:n mukainen\n\n"
    "Hakeminen: lähetä hakemus."
)


def _kind(text: str, phrase: str) -> str:
    offset = text.index(phrase)
    return next(s.kind for s in sections(text) if s.start <= offset < s.end)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("valmistaa", "company"),
        ("Haemme", "hire"),
        ("- hitsaus", "tasks"),
        ("- trukkikortti", "requirements"),
        ("CNC-koneistuksen", "offer"),
        ("Hae viimeistään", "apply"),
        ("kaksivuorotyö", "conditions"),
        ("TES:n", "conditions"),
        ("lähetä", "apply"),
    ],
)
def test_sections__headings_and_cue_phrases_label_the_parts_of_an_ad(phrase, kind):
    assert _kind(AD, phrase) == kind


def test_sections__swedish_english_and_nice_to_have():
    text = "Vi förväntar dig att ha truckkort. Erfarenhet är en fördel.\n\nWe offer training."
    assert _kind(text, "truckkort") == "requirements"
    assert _kind(text, "Erfarenhet") == "nice"
    assert _kind(text, "training") == "offer"


def test_sections__text_without_structure_is_body_with_factor_one():
    assert {s.kind for s in sections("Tarvis saada porukkaa jotka osaa hitsata.")} == {"body"}
    assert SECTION_FACTOR["body"] == 1.0


pytestmark = pytest.mark.voikko


def _mentions(text: str) -> dict[str, Mention]:
    return {m.uri: m for m in extract([("text", analyse(text, "fi"))], toy_index())}


def test_extract__requirements_outweigh_offers_and_job_terms_are_dropped():
    mentions = _mentions(AD)
    assert dict(mentions[f"{S}forklift"].parts)["section"] == SECTION_FACTOR["requirements"]
    assert dict(mentions[f"{S}cnc"].parts)["section"] == SECTION_FACTOR["offer"]
    assert mentions[f"{S}forklift"].score > mentions[f"{S}cnc"].score
    for mention in mentions.values():  # evidence spans stay exact
        assert all(AD[e.start : e.end] == e.text for e in mention.evidence)


def test_extract__a_mention_only_in_the_job_terms_is_not_reported():
    text = "Haemme hitsaajaa.\n\nTyön tiedot\nTyöaika: trukkikortti"
    assert f"{S}forklift" not in _mentions(text)
    plain = extract([("text", analyse(text, "fi"))], toy_index(), use_sections=False)
    assert f"{S}forklift" in {m.uri for m in plain}


# A toy where two concepts share the word "hitsauslaite" (one in the welder profile), and
# "mittakuva" names a skill outside the profile that is ESCO-related to one inside it.
EXTRA = (
    TaxonomyConcept(
        f"{S}use-equipment", "esco_skill", "", (ConceptLabel("fi", "company", "hitsauslaite"),)
    ),
    TaxonomyConcept(
        f"{S}operate-equipment", "esco_skill", "", (ConceptLabel("fi", "company", "hitsauslaite"),)
    ),
    TaxonomyConcept(
        f"{S}technical-drawings", "esco_skill", "", (ConceptLabel("fi", "company", "mittakuva"),)
    ),
)
EXTRA_RELATIONS = (
    TaxonomyRelation(f"{S}use-equipment", "essential_for", f"{OCC}welder"),
    TaxonomyRelation(f"{S}technical-drawings", "related", f"{S}drawings"),
)


@cache
def _annotator() -> Annotator:
    relations = (*RELATIONS, *EXTRA_RELATIONS)
    index = lexicon_build((*CONCEPTS, *EXTRA), relations, signature="toy-profile")
    return Annotator(index, occupation_model_build(index, relations))


def test_profile__same_words_resolve_toward_the_concept_in_the_occupation_profile():
    skills = {
        s.uri: s
        for s in _annotator().annotate("p1", "Käytät hitsauslaitetta.", title="Hitsaaja").skills
    }
    assert f"{S}use-equipment" in skills
    inside = skills[f"{S}use-equipment"]
    outside = skills.get(f"{S}operate-equipment")
    assert outside is None or outside.score < inside.score
    assert dict(inside.parts)["occupation_profile"] > 1.0


def test_profile__adds_a_profile_relative_of_an_evidenced_skill_with_its_evidence():
    result = _annotator().annotate("p2", "Luet mittakuvia.", title="Hitsaaja")
    skills = {s.uri: s for s in result.skills}
    relative = skills[f"{S}drawings"]
    span = relative.evidence[0]
    assert (span.how, span.text) == ("profile_relative", "mittakuvia")
    assert dict(relative.parts)["relative"] > 0
    assert relative.score > skills[f"{S}technical-drawings"].score  # the profile one ranks first


def test_annotate__returns_only_skills_above_the_threshold_and_at_most_ten():
    result = _annotator().annotate("p3", AD, title="Hitsaaja")
    assert len(result.skills) <= SKILL_LIMIT
    assert all(s.score >= SKILL_THRESHOLD for s in result.skills)
