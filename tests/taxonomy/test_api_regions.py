"""Taxonomy API: regions."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

REGIONS = "/api/v1/taxonomy/regions/"


def test_region_list__filters_by_level_and_names_the_parent(client, toy_taxonomy):
    body = client.get(REGIONS, {"level": "municipality"}).json()

    assert body == [
        {
            "code": "837",
            "level": "municipality",
            "name": "Tampere",
            "name_fi": "Tampere",
            "name_sv": None,
            "name_en": None,
            "parent": "SK064",
        }
    ]


def test_region_list__rejects_an_unknown_level(client, db):
    response = client.get(REGIONS, {"level": "planet"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "level"
