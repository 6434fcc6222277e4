"""Taxonomy API: concept search and one concept with its relations."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

LIST = "/api/v1/taxonomy/concepts/"


def _detail(pk: int) -> str:
    return f"/api/v1/taxonomy/concepts/{pk}/"


def test_concept_list__finds_a_concept_by_its_finnish_label(client, toy_taxonomy):
    body = client.get(LIST, {"q": "hitsaaja"}, HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["count"] == 2  # the occupation, then the ISCO group "Hitsaajat ja ..."
    first = body["results"][0]
    assert first["id"] == toy_taxonomy.welder.pk
    assert first["label"] == "welder"
    assert first["code"] == "7212.1"
    assert {"language": "fi", "kind": "preferred", "text": "hitsaaja"} in first["labels"]


def test_concept_list__finds_a_concept_by_its_english_label_and_labels_it_in_finnish(
    client, toy_taxonomy
):
    body = client.get(LIST, {"q": "machinist"}).json()

    assert body["results"][0]["uri"] == toy_taxonomy.machinist.uri
    assert body["results"][0]["label"] == "koneistaja"  # default language is Finnish


def test_concept_list__lang_limits_matching_to_labels_in_that_language(client, toy_taxonomy):
    finnish = client.get(LIST, {"q": "hitsaaja", "lang": "fi"}).json()
    english = client.get(LIST, {"q": "hitsaaja", "lang": "en"}).json()

    assert finnish["count"] == 2
    assert english["count"] == 0


def test_concept_list__filters_by_scheme(client, toy_taxonomy):
    body = client.get(LIST, {"q": "hitsaus", "scheme": "yso"}).json()

    assert [item["scheme"] for item in body["results"]] == ["yso"]


def test_concept_list__pages_with_next_and_previous_links(client, toy_taxonomy):
    first = client.get(LIST, {"q": "weld", "limit": 2}).json()
    second = client.get(first["next"]).json()

    assert first["count"] == second["count"] > 4
    assert first["previous"] is None
    assert "offset=2" in first["next"]
    assert second["previous"] is not None
    assert {r["id"] for r in first["results"]}.isdisjoint({r["id"] for r in second["results"]})


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x", "scheme": "nope"}, "scheme"),
        ({"q": "x", "limit": 101}, "limit"),
        ({"q": "x", "limit": -1}, "limit"),
        ({"q": "x", "offset": -5}, "offset"),
        ({"q": "x", "lang": "de"}, "lang"),
    ],
)
def test_concept_list__rejects_bad_parameters_in_the_error_shape(client, params, field):
    response = client.get(LIST, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert [detail["field"] for detail in error["details"]] == [field]


def test_concept_detail__has_labels_and_relations_of_an_occupation(client, toy_taxonomy):
    body = client.get(_detail(toy_taxonomy.welder.pk), {"lang": "en"}).json()

    assert body["label"] == "welder"
    assert {"language": "sv", "kind": "preferred", "text": "svetsare", "source": "toy-1"} in body[
        "labels"
    ]
    groups = {group["key"]: group for group in body["relations"]}
    assert groups["essential-skills"]["count"] == 1
    assert groups["essential-skills"]["results"][0]["label"] == "welding techniques"
    assert groups["optional-skills"]["results"][0]["id"] == toy_taxonomy.tig.pk
    assert groups["broader"]["results"][0]["code"] == "7212"


def test_concept_detail__of_a_skill_lists_occupations_and_exact_matches(client, toy_taxonomy):
    body = client.get(_detail(toy_taxonomy.welding.pk)).json()

    groups = {group["key"]: group for group in body["relations"]}
    assert groups["essential-for"]["results"][0]["label"] == "hitsaaja"
    assert groups["exact-matches"]["results"][0]["scheme"] == "yso"
    assert body["description"] == {"en": "Joining metals by melting them."}


def test_concept_detail__unknown_id_is_404_in_the_error_shape(client, db):
    response = client.get(_detail(424242))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
