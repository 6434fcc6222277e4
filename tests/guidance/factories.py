"""Data for the guidance tests: the bundled content, a small catalogue and contacts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from jatkumo.catalogue import search
from jatkumo.catalogue.models import Offering, Status
from jatkumo.guidance.content import guidance_load_content
from jatkumo.organisations.models import ContactRole, Organisation, ServiceKind
from tests.organisations.factories import (
    ContactRoleFactory,
    EducationFieldFactory,
    IndustryFactory,
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
)

VALID_ANSWERS: dict[str, Any] = {
    "industry": "C",
    "size": "small",
    "municipality": "837",
    "change": ["technology", "safety"],
    "roles": ["production"],
    "headcount": "6",
    "urgency": "months3",
    "budget": "moderate",
}


def content_load() -> None:
    guidance_load_content(data_dir=settings.BUNDLED_DATA_DIR)


def offering_create(provider: Organisation, external_id: str, **fields: Any) -> Offering:
    values: dict[str, Any] = {
        "title_fi": external_id,
        "description_fi": "",
        "type": "course",
        "modes": ["contact"],
        "languages": ["fi"],
        "municipalities": ["837"],
        "status": Status.PUBLISHED,
        "published_at": timezone.now(),
    }
    values.update(fields)
    return Offering.objects.create(provider=provider, external_id=external_id, **values)


@dataclass
class SmeWorld:
    tredu: Organisation
    robotics: Offering
    hot_work: Offering
    nursing: Offering
    draft: Offering
    apprenticeship_contact: ContactRole
    industry_contact: ContactRole
    field_contact: ContactRole
    hidden_contact: ContactRole


def sme_world_create() -> SmeWorld:
    """Guidance content, Pirkanmaa with Tampere, manufacturing, offerings and public contacts."""
    content_load()
    RegionFactory.create_tampere()
    IndustryFactory(code="C", name_fi="Teollisuus", name_sv="Tillverkning", name_en="Manufacturing")
    IndustryFactory(code="Q", name_fi="Terveys- ja sosiaalipalvelut", name_en="Health")
    engineering = EducationFieldFactory(code="07", name_fi="Tekniikan alat")
    tredu = OrganisationFactory(name_fi="Tampereen seudun ammattiopisto Tredu", slug="tredu")
    soon = timezone.localdate() + dt.timedelta(days=14)
    world = SmeWorld(
        tredu=tredu,
        robotics=offering_create(
            tredu,
            "ROBO-1",
            title_fi="Teollisuusrobotiikan perusteet",
            description_fi="Robotiikka ja automaatio tuotannossa: ohjelmointi ja turvallisuus.",
            industries=["C"],
            funding=["jotpa"],
            start_date=soon,
        ),
        hot_work=offering_create(
            tredu,
            "TULI-1",
            title_fi="Tulityökortti",
            description_fi="Tulityö ja työturvallisuus: päivän kurssi, jonka jälkeen saat kortin.",
            start_continuous=True,
            funding=["participant_fee"],
        ),
        nursing=offering_create(
            tredu,
            "HOITO-1",
            title_fi="Lääkehoidon täydennyskoulutus",
            description_fi="Sairaanhoitajille.",
            industries=["Q"],
        ),
        draft=offering_create(
            tredu,
            "ROBO-DRAFT",
            title_fi="Robotiikka luonnos",
            description_fi="Robotiikka.",
            status=Status.DRAFT,
        ),
        apprenticeship_contact=ContactRoleFactory(
            organisation=tredu,
            person=PersonFactory(first_name="Olli", last_name="Oppisopimus"),
            service=ServiceKind.TAILORED_TRAINING,
        ),
        industry_contact=ContactRoleFactory(
            organisation=tredu,
            person=PersonFactory(first_name="Iida", last_name="Teollisuus"),
            industry=IndustryFactory(code="C"),
            service=ServiceKind.APPRENTICESHIP,
        ),
        field_contact=ContactRoleFactory(
            organisation=tredu,
            person=PersonFactory(first_name="Tero", last_name="Tekniikka"),
            education_field=engineering,
        ),
        hidden_contact=ContactRoleFactory.create_non_public(
            organisation=tredu,
            person=PersonFactory(first_name="Salainen", last_name="Henkilö"),
            industry=IndustryFactory(code="C"),
        ),
    )
    return world


@pytest.fixture
def fresh_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The catalogue search index rebuilt for this test's offerings."""
    monkeypatch.setattr(search, "STAMP_TTL", 0.0)
    search.catalogue_index_reset()
    yield
    search.catalogue_index_reset()
