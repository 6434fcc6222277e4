"""Back-office pages through the test client: list, form, upload → preview → commit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from jatkumo.catalogue.models import Offering, Status
from tests.accounts.factories import UserFactory
from tests.catalogue.factories import OfferingFactory, catalogue_codes_create, offering_line

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _data_dir(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path


@pytest.fixture
def staff() -> Any:
    catalogue_codes_create()
    return UserFactory.create_provider_staff()


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, lines: list[dict[str, Any]], **options: str) -> Any:
    content = "".join(json.dumps(line) + "\n" for line in lines).encode()
    file = SimpleUploadedFile("tarjonta.jsonl", content, content_type="application/x-ndjson")
    return client.post(reverse("catalogue-staff:import"), {"file": file, **options}, follow=True)


def test_import_flow__preview_shows_actions_then_commit_imports(staff: Any) -> None:
    client = _client(staff)
    name = staff.organisation.name_fi
    response = _upload(client, [offering_line(n, provider=name) for n in (1, 2)], publish="1")
    assert response.status_code == 200
    assert "T-00002" in response.content.decode()
    assert not Offering.objects.exists()
    token = response.redirect_chain[-1][0].rstrip("/").rsplit("/", 1)[1]
    response = client.post(reverse("catalogue-staff:import-commit", args=[token]), follow=True)
    assert response.status_code == 200
    assert Offering.objects.filter(status=Status.PUBLISHED).count() == 2


def test_import_flow__errors_listed_with_line_and_field_and_commit_refused(staff: Any) -> None:
    client = _client(staff)
    lines = [
        offering_line(1, provider=staff.organisation.name_fi),
        offering_line(2, provider="Muu"),
    ]
    lines[0]["credits"] = {"value": 5, "unit": "ects"}
    response = _upload(client, lines)
    page = response.content.decode()
    assert "credits.unit" in page
    assert "Muu" in page
    token = response.redirect_chain[-1][0].rstrip("/").rsplit("/", 1)[1]
    client.post(reverse("catalogue-staff:import-commit", args=[token]))
    assert not Offering.objects.exists()


def test_import_flow__token_of_another_user__not_found(staff: Any) -> None:
    response = _upload(_client(staff), [offering_line(1, provider=staff.organisation.name_fi)])
    path = response.redirect_chain[-1][0]
    other = UserFactory.create_provider_staff(organisation=staff.organisation)
    assert _client(other).get(path).status_code == 404


def test_list__staff_see_only_their_own_offerings_with_counts(staff: Any) -> None:
    OfferingFactory.create_published(provider=staff.organisation, title_fi="Oma kurssi")
    OfferingFactory.create_published(title_fi="Vieras kurssi")
    page = _client(staff).get(reverse("catalogue-staff:list")).content.decode()
    assert "Oma kurssi" in page
    assert "Vieras kurssi" not in page


def test_edit__offering_of_another_organisation__not_found(staff: Any) -> None:
    foreign = OfferingFactory.create_draft()
    client = _client(staff)
    assert client.get(reverse("catalogue-staff:edit", args=[foreign.pk])).status_code == 404
    assert client.post(reverse("catalogue-staff:publish", args=[foreign.pk])).status_code == 404


def test_coordinator__publishes_any_offering_from_the_edit_page(staff: Any) -> None:
    offering = OfferingFactory.create_draft()
    client = _client(UserFactory.create_coordinator())
    assert client.get(reverse("catalogue-staff:edit", args=[offering.pk])).status_code == 200
    client.post(reverse("catalogue-staff:publish", args=[offering.pk]))
    assert Offering.objects.get().status == Status.PUBLISHED


def test_form__creates_offering_and_shows_validator_errors_on_fields(staff: Any) -> None:
    client = _client(staff)
    data = {
        "id": "K-1",
        "title_fi": "Trukkikortti",
        "description_fi": "Päivän kurssi.",
        "type": "course",
        "modes": ["contact"],
        "languages": "fi",
        "municipalities": "837",
        "continuous": "on",
        "price_eur": "abc",
    }
    response = client.post(reverse("catalogue-staff:create"), data)
    assert response.status_code == 200
    assert "price_eur" in response.context["form"].errors
    data["price_eur"] = "145,5"
    response = client.post(reverse("catalogue-staff:create"), data)
    assert response.status_code == 302
    offering = Offering.objects.get()
    assert (offering.title_fi, str(offering.price_eur)) == ("Trukkikortti", "145.50")


def test_pages__company_users_are_refused(staff: Any) -> None:
    client = _client(UserFactory.create_company_user())
    assert client.get(reverse("catalogue-staff:list")).status_code == 403
