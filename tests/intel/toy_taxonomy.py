"""A tiny taxonomy as `intel` values (no database): a few skills, occupations and ISCO groups."""

from __future__ import annotations

from functools import cache

from jatkumo.intel.annotate import Annotator
from jatkumo.intel.classify import OccupationModel, occupation_model_build
from jatkumo.intel.lexicon import LexiconIndex, lexicon_build
from jatkumo.intel.types import ConceptLabel, TaxonomyConcept, TaxonomyRelation

E = "http://example.org/"


def _concept(key: str, scheme: str, code: str, *labels: tuple[str, str, str]) -> TaxonomyConcept:
    return TaxonomyConcept(
        f"{E}{scheme}/{key}", scheme, code, tuple(ConceptLabel(*label) for label in labels)
    )


CONCEPTS = (
    _concept(
        "welding",
        "esco_skill",
        "",
        ("en", "preferred", "welding techniques"),
        ("fi", "company", "hitsaus"),
    ),
    _concept(
        "tig",
        "esco_skill",
        "",
        ("en", "preferred", "TIG welding"),
        ("fi", "company", "TIG-hitsaus"),
    ),
    _concept(
        "forklift",
        "esco_skill",
        "",
        ("en", "preferred", "operate forklift"),
        ("fi", "company", "trukkikortti"),
    ),
    _concept(
        "cnc",
        "esco_skill",
        "",
        ("en", "preferred", "tend CNC milling machine"),
        ("fi", "company", "CNC-koneistus"),
    ),
    _concept("drawings", "esco_skill", "", ("en", "preferred", "read engineering drawings")),
    _concept("work", "esco_skill", "", ("fi", "company", "työ")),
    _concept("welder", "esco_occupation", "7212.1", ("en", "preferred", "welder")),
    _concept("machinist", "esco_occupation", "7223.5", ("en", "preferred", "machinist")),
    _concept(
        "forklift-driver", "esco_occupation", "8344.1", ("en", "preferred", "forklift operator")
    ),
    _concept("7212", "isco_group", "7212", ("fi", "preferred", "Hitsaajat ja kaasuleikkaajat")),
    _concept("7223", "isco_group", "7223", ("fi", "preferred", "Koneenasettajat ja koneistajat")),
    _concept("8344", "isco_group", "8344", ("fi", "preferred", "Trukinkuljettajat ym.")),
    _concept("7233", "isco_group", "7233", ("fi", "preferred", "Kone- ja laiteasentajat")),
    _concept("p1", "yso", "", ("fi", "preferred", "piirustukset"), ("en", "preferred", "drawings")),
    # one-word generic labels that many concepts share
    *(
        _concept(f"g{i}", "yso", "", ("fi", "preferred", f"{word} työ"))
        for i, word in enumerate(["hyvä", "uusi", "oma", "pitkä", "iso", "vapaa"])
    ),
)

S = f"{E}esco_skill/"
OCC = f"{E}esco_occupation/"
RELATIONS = (
    TaxonomyRelation(f"{S}welding", "essential_for", f"{OCC}welder"),
    TaxonomyRelation(f"{S}drawings", "essential_for", f"{OCC}welder"),
    TaxonomyRelation(f"{S}tig", "optional_for", f"{OCC}welder"),
    TaxonomyRelation(f"{S}cnc", "essential_for", f"{OCC}machinist"),
    TaxonomyRelation(f"{S}drawings", "essential_for", f"{OCC}machinist"),
    TaxonomyRelation(f"{S}forklift", "essential_for", f"{OCC}forklift-driver"),
    TaxonomyRelation(f"{E}yso/p1", "exact_match", f"{S}drawings"),
)


@cache
def toy_index() -> LexiconIndex:
    return lexicon_build(CONCEPTS, RELATIONS, signature="toy")


@cache
def toy_model() -> OccupationModel:
    return occupation_model_build(toy_index(), RELATIONS)


def toy_annotator() -> Annotator:
    return Annotator(toy_index(), toy_model())
