"""Filters, facet counts, sorting and pagination of the catalogue search."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from jatkumo.catalogue.facets import OfferingFilters
from jatkumo.catalogue.selectors import offering_search
from tests.catalogue.public_factories import Catalogue

pytestmark = pytest.mark.django_db


def _ids(sort: str = "relevance", **filters: object) -> list[str]:
    result = offering_search(filters=OfferingFilters(**filters), sort=sort)  # type: ignore[arg-type]
    return [hit.offering.external_id for hit in result.hits]


def _facet(name: str, **filters: object) -> dict[str, int]:
    result = offering_search(filters=OfferingFilters(**filters))  # type: ignore[arg-type]
    facet = next(f for f in result.facets if f.name == name)
    return {value.value: value.count for value in facet.values}


def test_filters__within_a_facet_or_across_facets_and(catalogue: Catalogue):
    assert set(_ids(mode=("blended",))) == {"TREDU-KT-101", "SATA-LH-1"}
    assert set(_ids(mode=("blended", "online_live"))) == {"TREDU-KT-101", "SATA-LH-1", "TAMK-EXCEL"}
    assert _ids(mode=("blended",), industry=("Q",)) == ["SATA-LH-1"]


def test_filters__provider_language_funding_level_type(catalogue: Catalogue):
    assert set(_ids(provider=("tamk",))) == {"TAMK-TT-5", "TAMK-EXCEL"}
    assert _ids(language=("sv",)) == ["SATA-SV-1"]
    assert set(_ids(funding=("oppisopimus",))) == {"TREDU-KT-101", "SATA-LH-1"}
    assert _ids(level=("uas",)) == ["TAMK-TT-5"]
    assert _ids(type=("qualification",)) == ["SATA-LH-1"]


def test_filters__sub_region_through_the_municipalities(catalogue: Catalogue):
    assert _ids(sub_region=("SK069",)) == ["SATA-SV-1"]
    assert set(_ids(sub_region=("SK064",))) == {"TREDU-TRUKKI-1", "TREDU-KT-101", "SATA-LH-1"}
    assert _ids(municipality=("211",)) == ["SATA-LH-1"]


def test_filters__start_rolling_intake_and_within_weeks(catalogue: Catalogue):
    rolling = {"TREDU-KT-101", "TAMK-TT-5"}
    assert set(_ids(start="continuous")) == rolling
    assert set(_ids(start="4")) == rolling | {"TREDU-TRUKKI-1", "TAMK-EXCEL"}
    today = timezone.localdate()
    dated = _ids(start_from=today + dt.timedelta(days=100), start_to=today + dt.timedelta(days=200))
    assert set(dated) == rolling | {"SATA-SV-1", "SATA-LH-1"}


def test_filters__free_price_and_duration(catalogue: Catalogue):
    assert set(_ids(price_max=Decimal(0))) == {"TREDU-KT-101", "TAMK-TT-5"}
    assert set(_ids(price_max=Decimal(100))) == {"TREDU-KT-101", "TAMK-TT-5", "TAMK-EXCEL"}
    assert set(_ids(duration_max=Decimal(4))) == {"TREDU-TRUKKI-1", "TAMK-EXCEL"}


def test_facets__count_each_value_with_the_other_filters_applied(catalogue: Catalogue):
    modes = _facet("mode", mode=("blended",), industry=("C",))
    assert modes["blended"] == 1  # welding; the nurse is in industry Q
    assert modes["workplace"] == 1
    assert "online_live" not in modes  # no industry-C offering online: left out
    assert _facet("price")["0"] == 2
    assert _facet("start")["continuous"] == 2
    assert _facet("provider") == {"tredu": 2, "sataedu": 2, "tamk": 2}
    assert _facet("sub_region")["SK064"] == 3


def test_facets__follow_the_query(catalogue: Catalogue):
    assert _facet("provider", q="hitsaus") == {"tredu": 1, "sataedu": 1}


def test_sorting__by_start_price_and_title(catalogue: Catalogue):
    by_start = _ids(sort="start")
    assert set(by_start[:2]) == {"TREDU-KT-101", "TAMK-TT-5"}  # rolling intake: start now
    assert by_start[2:4] == ["TREDU-TRUKKI-1", "TAMK-EXCEL"]
    by_price = _ids(sort="price")
    assert set(by_price[:2]) == {"TREDU-KT-101", "TAMK-TT-5"}
    assert by_price[2:5] == ["TAMK-EXCEL", "TREDU-TRUKKI-1", "SATA-SV-1"]
    assert by_price[-1] == "SATA-LH-1"  # no price: last
    assert _ids(sort="title")[0] == "TAMK-EXCEL"  # "Excel-taulukkolaskenta ..."


def test_pagination__pages_do_not_overlap_and_count_all(catalogue: Catalogue):
    first = offering_search(filters=OfferingFilters(), sort="title", page=1, per_page=4)
    second = offering_search(filters=OfferingFilters(), sort="title", page=2, per_page=4)
    assert first.count == second.count == 6
    assert (len(first.hits), len(second.hits), first.last_page) == (4, 2, 2)
    assert not {h.offering.pk for h in first.hits} & {h.offering.pk for h in second.hits}
