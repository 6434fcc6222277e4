"""Stage `extract`: Finnish inflection and compounds found, exact evidence, overlaps resolved."""

from __future__ import annotations

import pytest

from jatkumo.intel.extract import extract, text_units
from jatkumo.intel.language import analyse
from jatkumo.intel.lexicon import lexicon_build
from jatkumo.intel.types import AnalysedText, Mention, Reading, Token
from tests.intel.toy_taxonomy import CONCEPTS, E, toy_index

pytestmark = pytest.mark.voikko
S = f"{E}esco_skill/"


def _mentions(text: str, title: str = "") -> dict[str, Mention]:
    body = analyse(text, "fi")
    fields = [("title", analyse(title, "fi"))] if title else []
    return {m.uri: m for m in extract([*fields, ("text", body)], toy_index())}


@pytest.mark.parametrize(
    ("text", "uri", "evidence", "how"),
    [
        ("Tarjoamme hitsauskoulutusta.", f"{S}welding", "hitsauskoulutusta", "compound_part"),
        ("Edellytämme trukkikortin.", f"{S}forklift", "trukkikortin", "label"),
        ("Osaat CNC-koneistusta.", f"{S}cnc", "CNC-koneistusta", "label"),
        ("Osaat CNC koneistuksen.", f"{S}cnc", "CNC koneistuksen", "label"),
    ],
)
def test_extract__finds_inflected_and_compound_forms_with_exact_spans(text, uri, evidence, how):
    mention = _mentions(text)[uri]
    span = mention.evidence[0]
    assert (span.text, span.how) == (evidence, how)
    assert text[span.start : span.end] == evidence


def test_extract__longest_label_wins_an_overlap():
    mentions = _mentions("Hallitset TIG-hitsauksen.")
    assert f"{S}tig" in mentions
    assert f"{S}welding" not in mentions  # "hitsaus" is inside the longer "TIG-hitsaus"


def test_extract__yso_concept_reports_its_esco_concept():
    mention = _mentions("Luet piirustuksia.")[f"{S}drawings"]
    assert mention.evidence[0].how == "via_yso"
    assert mention.evidence[0].matched == "piirustukset (fi)"


def test_extract__title_and_repetition_raise_the_score():
    once = _mentions("Haemme osaajaa. Trukkikortti on plussaa.")[f"{S}forklift"]
    twice = _mentions("Trukkikortti vaaditaan. Trukkikortti on plussaa.")[f"{S}forklift"]
    titled = _mentions("Trukkikortti on plussaa.", title="Trukkikortti")[f"{S}forklift"]
    assert twice.score > once.score
    assert titled.score > once.score
    assert dict(titled.parts)["title"] > 1.0


def test_extract__explains_the_score():
    mention = _mentions("Edellytämme trukkikortin.")[f"{S}forklift"]
    assert {name for name, _value in mention.parts} >= {"specificity", "evidence_count"}
    assert mention.evidence[0].matched == "trukkikortti (fi)"


def test_extract__the_same_with_a_cold_or_warm_memo_and_after_another_index():
    text = "Osaat CNC-koneistusta ja TIG-hitsauksen. Trukkikortti vaaditaan. Hitsauskoulutusta."
    fields = [("title", analyse("Hitsaaja", "fi")), ("text", analyse(text, "fi"))]
    first = extract(fields, toy_index())
    assert extract(fields, toy_index()) == first
    welding_only = lexicon_build(CONCEPTS[:1], signature="welding")
    assert {m.uri for m in extract(fields, welding_only)} == {f"{S}welding"}
    assert extract(fields, toy_index()) == first


def test_text_units__follow_the_readings_of_each_token():
    def units(*lemmas: str) -> list[tuple[str, ...]]:
        readings = tuple(Reading(lemma, (lemma,)) for lemma in lemmas)
        token = Token("kuusi", 0, 5, "kuusi", readings)
        return [u.lemmas for u in text_units(AnalysedText("kuusi", "fi", 1.0, (token,)))]

    assert units("kuusi", "kuu") == [("kuusi", "kuu")]
    assert units("kuusi") == [("kuusi",)]  # same word form, other readings: other units
