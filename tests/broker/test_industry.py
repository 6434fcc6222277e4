"""The industry view: open and unmet needs, offerings and the industry's people side by side."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from jatkumo.broker.models import CaseState
from jatkumo.catalogue.models import OfferingConcept
from tests.accounts.factories import UserFactory
from tests.broker.registry_factories import need_with_case, regions_create
from tests.catalogue.factories import OfferingFactory
from tests.conftest import ToyTaxonomy
from tests.organisations.factories import (
    ContactRoleFactory,
    EducationFieldFactory,
    IndustryFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def industry_c(toy_taxonomy: ToyTaxonomy) -> ToyTaxonomy:
    regions_create()
    t = toy_taxonomy
    need_with_case(text="Avoin tarve: hitsaajia", industry="C", skills=(t.welding,))
    need_with_case(
        text="Täyttymätön tarve: pistehitsaus",
        industry="C",
        unmet=True,
        state=CaseState.UNMET,
        skills=(t.spot,),
        company_name="Salainen Oy",
    )
    need_with_case(text="Toisen toimialan tarve", industry="J")
    OfferingFactory.create_published(title_fi="Hitsauksen perusteet", industries=["C"])
    teaches_spot = OfferingFactory.create_published(title_fi="Pistehitsauskurssi", industries=[])
    OfferingConcept.objects.create(offering=teaches_spot, concept=t.spot)
    OfferingFactory.create_published(title_fi="Ohjelmointi", industries=["J"])
    ContactRoleFactory.create(
        person=PersonFactory.create(first_name="Teija", last_name="Teollisuus"),
        industry=IndustryFactory.create(code="C"),
    )
    ContactRoleFactory.create(
        person=PersonFactory.create(first_name="Eero", last_name="Insinööri"),
        education_field=EducationFieldFactory.create(code="07", name="Tekniikka"),
    )
    ContactRoleFactory.create_non_public(
        person=PersonFactory.create(first_name="Piilo", last_name="Henkilö"),
        industry=IndustryFactory.create(code="C"),
    )
    return t


def test_industry_page__shows_needs_offerings_and_people_side_by_side(
    client: Client, industry_c: ToyTaxonomy
):
    response = client.get(reverse("broker-registry:industry", args=["C"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["open_count"] == 1
    assert response.context["unmet_count"] == 1
    assert "Hitsauksen perusteet" in html  # names the industry
    assert "Pistehitsauskurssi" in html  # teaches a skill of an unmet need
    assert "Ohjelmointi" not in html
    assert "Teija Teollisuus" in html
    assert "Eero Insinööri" in html  # field of education that trains for industry C
    assert "Piilo" not in html
    assert "Täyttymätön tarve" not in html  # need texts are for staff
    assert "Salainen" not in html


def test_industry_page__staff_read_need_texts_but_not_company_names(
    client: Client, industry_c: ToyTaxonomy
):
    client.force_login(UserFactory.create_coordinator())
    html = client.get(reverse("broker-registry:industry", args=["C"])).content.decode()
    assert "Avoin tarve: hitsaajia" in html
    assert "Täyttymätön tarve: pistehitsaus" in html
    assert "Toisen toimialan tarve" not in html
    assert "Salainen" not in html


def test_industry_list__counts_per_industry(client: Client, industry_c: ToyTaxonomy):
    response = client.get(reverse("broker-registry:industries"))
    assert response.status_code == 200
    by_code = {s.industry.code: s for s in response.context["summaries"]}
    assert (by_code["C"].open_needs, by_code["C"].unmet_needs, by_code["C"].offerings) == (1, 1, 1)
    assert (by_code["J"].open_needs, by_code["J"].offerings) == (1, 1)


def test_industry_page__unknown_letter_is_404(client: Client, industry_c: ToyTaxonomy):
    assert client.get(reverse("broker-registry:industry", args=["Ö"])).status_code == 404
