"""The public who-to-contact directory page and API."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.organisations.factories import (
    ContactRoleFactory,
    EducationFieldFactory,
    IndustryFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory() -> None:
    tamk = OrganisationFactory.create(name_fi="Tampereen ammattikorkeakoulu", slug="tamk")
    tredu = OrganisationFactory.create(name_fi="Tredu", slug="tredu")
    ict = EducationFieldFactory.create(code="06", name="Tietojenkäsittely ja tietoliikenne (ICT)")
    industry = IndustryFactory.create(code="C", name="Teollisuus")
    ContactRoleFactory.create(
        organisation=tamk,
        education_field=ict,
        person__first_name="Aino",
        person__last_name="Aaltonen",
        person__title="Koulutuspäällikkö",
        person__email="aino.aaltonen@example.fi",
        person__phone="+358 40 123 4567",
    )
    ContactRoleFactory.create(
        organisation=tredu,
        industry=industry,
        service="tailored_training",
        person__first_name="Ville",
        person__last_name="Huttunen",
    )
    ContactRoleFactory.create_non_public(organisation=tredu, person__last_name="Salainen")


def test_directory_page__groups_public_contacts_by_field(client: Client, directory: None):
    html = client.get("/en/contacts/").content.decode()

    assert "Aino Aaltonen" in html
    assert "Koulutuspäällikkö" in html
    assert "mailto:aino.aaltonen@example.fi" in html
    assert "tel:+358401234567" in html
    assert "Ville Huttunen" in html
    assert "Salainen" not in html
    assert html.index(">Teollisuus</h2>") < html.index(
        ">Tietojenkäsittely ja tietoliikenne (ICT)</h2>"
    )


def test_directory_page__filters_by_field(client: Client, directory: None):
    html = client.get("/en/contacts/", {"field": "06"}).content.decode()

    assert "Aino Aaltonen" in html
    assert "Ville Huttunen" not in html


def test_api__filters_and_shape(directory: None):
    response = APIClient().get(
        "/api/v1/contacts/", {"industry": "C", "service": "tailored_training"}
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    [contact] = response.json()
    assert contact["name"] == "Ville Huttunen"
    assert (contact["organisation_slug"], contact["industry"], contact["field"]) == (
        "tredu",
        "C",
        None,
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"field": "99"}, "field"),
        ({"organisation": "nobody"}, "organisation"),
        ({"service": "x"}, "service"),
    ],
)
def test_api__unknown_codes_are_400_naming_the_field(directory: None, params, field):
    response = APIClient().get("/api/v1/contacts/", params)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == field
