"""The catalogue search understands how people write: colloquial, inflected, compounds, sv, en."""

from __future__ import annotations

import pytest

from jatkumo.catalogue.facets import OfferingFilters
from jatkumo.catalogue.selectors import offering_search
from tests.catalogue.public_factories import Catalogue

pytestmark = [pytest.mark.django_db, pytest.mark.voikko]


def _ids(q: str, **filters: object) -> list[str]:
    result = offering_search(filters=OfferingFilters(q=q, **filters))  # type: ignore[arg-type]
    return [hit.offering.external_id for hit in result.hits]


def test_search__trukkikorttia_finds_the_forklift_course(catalogue: Catalogue):
    assert _ids("trukkikorttia") == ["TREDU-TRUKKI-1"]


def test_search__colloquial_words_find_offerings_through_company_language_labels(
    catalogue: Catalogue,
):
    assert _ids("koodarit tietoturva") == ["TAMK-TT-5"]
    assert _ids("lähärit") == ["SATA-LH-1"]


def test_search__compound_query_finds_its_parts(catalogue: Catalogue):
    found = _ids("hitsauskoulutus")
    assert found[0] == "TREDU-KT-101"
    assert "SATA-SV-1" in found  # "Hitsauksen peruskurssi": hitsaus inflected


def test_search__inflected_form_finds_the_base_form(catalogue: Catalogue):
    assert _ids("lähihoitajaksi") == ["SATA-LH-1"]
    assert _ids("hitsausta")[0] == "TREDU-KT-101"


def test_search__swedish_and_english_queries(catalogue: Catalogue):
    assert _ids("svetsning") == ["SATA-SV-1"]
    assert _ids("secure software development") == ["TAMK-TT-5"]
    assert _ids("forklift operator") == ["TREDU-TRUKKI-1"]


def test_search__drafts_are_never_found(catalogue: Catalogue):
    assert "TREDU-DRAFT" not in _ids("hitsaus")


def test_search__results_explain_why_they_matched(catalogue: Catalogue):
    result = offering_search(filters=OfferingFilters(q="koodarit tietoturva"))
    reasons = {(r.word, r.how, r.concept) for r in result.hits[0].reasons}
    assert ("koodarit", "concept", "ohjelmistokehittäjä") in reasons
    assert ("tietoturva", "text", "") in reasons
    marked = [text for text, is_marked in result.hits[0].snippet if is_marked]
    assert marked == [] or all(text for text in marked)


def test_search__snippet_marks_inflected_matches(catalogue: Catalogue):
    result = offering_search(filters=OfferingFilters(q="trukkikortti"))
    marked = [text for text, is_marked in result.hits[0].snippet if is_marked]
    assert marked == ["trukkikortin"]


def test_search__words_no_offering_has_are_reported_not_fatal(catalogue: Catalogue):
    result = offering_search(filters=OfferingFilters(q="haluan trukkikortin xyzzyq"))
    assert [hit.offering.external_id for hit in result.hits] == ["TREDU-TRUKKI-1"]
    assert result.ignored == ("xyzzyq",)


def test_search__falls_back_to_any_word_when_no_offering_has_all(catalogue: Catalogue):
    result = offering_search(filters=OfferingFilters(q="trukkikortti lähihoitaja"))
    assert result.relaxed
    assert {hit.offering.external_id for hit in result.hits} == {"TREDU-TRUKKI-1", "SATA-LH-1"}


def test_search__index_follows_changes_to_offerings(catalogue: Catalogue):
    assert _ids("svetsning") == ["SATA-SV-1"]
    catalogue.welding_sv.status = "archived"
    catalogue.welding_sv.save()
    assert _ids("svetsning") == []
