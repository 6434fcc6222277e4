"""The public catalogue pages work without login and without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.catalogue.public_factories import Catalogue
from tests.organisations.factories import ContactRoleFactory

pytestmark = pytest.mark.django_db


def test_search_page__lists_results_with_facts_and_contact_links(
    client: Client, catalogue: Catalogue
):
    response = client.get("/en/catalogue/", {"q": "trukkikorttia"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Trukinkuljettajan koulutus" in html
    assert "Tampereen seudun ammattiopisto Tredu" in html
    assert "<mark>trukkikortin</mark>" in html
    assert "/en/catalogue/tredu/TREDU-TRUKKI-1/#contact" in html
    assert "1 offering" in html


def test_search_page__shows_rolling_intake_and_free_of_charge(client: Client, catalogue: Catalogue):
    html = client.get("/en/catalogue/", {"q": "hitsaus", "start": "continuous"}).content.decode()

    assert "Hitsaustekniikan tutkinnon osa" in html
    assert "Rolling intake" in html
    assert "Free of charge" in html
    assert re.search(r'value="continuous"\s+checked', html)


def test_search_page__bad_filters_are_left_out_not_an_error(client: Client, catalogue: Catalogue):
    response = client.get("/en/catalogue/", {"mode": "teleport", "page": "x", "q": "hitsaus"})

    assert response.status_code == 200
    assert "were not understood" in response.content.decode()


def test_offering_page__has_description_facts_skills_and_named_contact(
    client: Client, catalogue: Catalogue
):
    response = client.get("/en/catalogue/tredu/TREDU-TRUKKI-1/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ville Huttunen" in html
    assert "mailto:ville.huttunen@example.fi" in html
    assert f"/en/taxonomy/concepts/{catalogue.forklift_concept.pk}/" in html
    assert "found automatically" in html
    assert "Participant fee" in html


def test_offering_page__falls_back_to_the_providers_contact_role_for_its_field(
    client: Client, catalogue: Catalogue
):
    ContactRoleFactory.create(
        organisation=catalogue.tamk,
        service="continuous_learning",
        person__first_name="Aino",
        person__last_name="Aaltonen",
    )
    html = client.get("/en/catalogue/tamk/TAMK-TT-5/").content.decode()

    assert "Aino Aaltonen" in html


def test_offering_page__by_id_redirects_to_the_stable_address(client: Client, catalogue: Catalogue):
    response = client.get(f"/catalogue/{catalogue.welding.pk}/")

    assert response.status_code == 301
    assert response["Location"] == "/catalogue/tredu/TREDU-KT-101/"


def test_offering_page__drafts_are_not_public(client: Client, catalogue: Catalogue):
    assert client.get("/catalogue/tredu/TREDU-DRAFT/").status_code == 404


def test_embed_page_and_script(client: Client, catalogue: Catalogue):
    page = client.get("/en/catalogue/embed/").content.decode()
    script = client.get("/catalogue/embed.js")

    assert "data-jatkumo-catalogue" in page
    assert "/catalogue/embed.js" in page
    assert script["Content-Type"].startswith("text/javascript")
    assert b"/api/v1/catalogue/offerings/" in script.content
