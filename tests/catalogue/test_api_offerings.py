"""The open JSON API of the catalogue: same filters as the page, interchange records, errors."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.catalogue.public_factories import Catalogue

pytestmark = pytest.mark.django_db
URL = "/api/v1/catalogue/offerings/"


def test_list__filters_like_the_page_and_returns_interchange_records(catalogue: Catalogue):
    response = APIClient().get(URL, {"q": "hitsaus", "mode": "blended,workplace"})

    body = response.json()
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert body["count"] == 1
    item = body["results"][0]
    assert item["url"] == "http://testserver/catalogue/tredu/TREDU-KT-101/"
    record = item["record"]
    assert record["id"] == "TREDU-KT-101"
    assert record["start"] == "continuous"
    assert record["price_eur"] == 0
    assert record["funding"] == ["free", "oppisopimus"]
    assert item["matched"] == [{"word": "hitsaus", "how": "text", "concept": ""}]


def test_list__facet_counts_and_pagination_links(catalogue: Catalogue):
    body = APIClient().get(URL, {"page_size": 4, "sort": "title"}).json()

    assert body["count"] == 6
    assert len(body["results"]) == 4
    assert "page=2" in body["next"]
    assert body["previous"] is None
    providers = next(f for f in body["facets"] if f["name"] == "provider")
    assert {v["value"]: v["count"] for v in providers["values"]} == {
        "tredu": 2,
        "sataedu": 2,
        "tamk": 2,
    }


def test_list__tags_name_the_concepts(catalogue: Catalogue):
    body = APIClient().get(URL, {"q": "koodarit"}).json()

    assert body["results"][0]["tags"] == [
        {"uri": catalogue.developer_concept.uri, "label": "ohjelmistokehittäjä", "automatic": False}
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"mode": "teleport"}, "mode"),
        ({"price_max": "-1"}, "price_max"),
        ({"start": "soon"}, "start"),
        ({"start_from": "2026-13-01"}, "start_from"),
        ({"page_size": "1000"}, "page_size"),
        ({"sort": "random"}, "sort"),
        ({"municipality": "Tampere"}, "municipality"),
        ({"start_from": "2026-05-01", "start_to": "2026-01-01"}, "start_to"),
    ],
)
def test_list__bad_parameters_are_400_naming_the_field(catalogue: Catalogue, params, field):
    response = APIClient().get(URL, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert field in {detail["field"].split(".")[0] for detail in error["details"]}


def test_detail__one_offering_and_404_for_drafts(catalogue: Catalogue):
    client = APIClient()
    ok = client.get(f"{URL}{catalogue.nurse.pk}/")
    missing = client.get(f"{URL}{catalogue.draft.pk}/")

    assert ok.status_code == 200
    assert ok.json()["record"]["title"] == {"fi": "Lähihoitajan tutkinto aikuisille"}
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
