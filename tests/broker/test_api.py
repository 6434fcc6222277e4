"""Broker API: need intake (validated like the form, one error shape), status, cases, unmet."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from jatkumo.broker import api, matching
from jatkumo.broker.models import CaseEvent, Need
from tests.accounts.factories import UserFactory
from tests.broker.registry_factories import need_with_case, regions_create
from tests.conftest import ToyTaxonomy

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "STAMP_TTL", 0)
    matching.match_index_reset()


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def payload(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": "Tarvitaan kaksi hitsaajaa, TIG-hitsaus tutuksi.",
        "company_name": "Konepaja Oy",
        "company_business_id": "1572860-0",
        "industry": "C",
        "municipality": "837",
        "preferences": {"modes": ["workplace"], "languages": ["fi"]},
        "contact_email": "tilaaja@konepaja.example",
        "consent": True,
    }
    data.update(overrides)
    return data


def test_need_create__is_throttled_with_the_anonymous_rate():
    assert issubclass(api.NeedIntakeThrottle, AnonRateThrottle)
    assert api.NeedIntakeThrottle in api.NeedCreateApi.throttle_classes
    assert api.NeedIntakeThrottle in api.NeedSubmitApi.throttle_classes


def test_need_create__rejects_invalid_input_in_the_one_error_shape(client: APIClient, db: None):
    url = reverse("api-v1:broker-api:need-create")
    response = client.post(url, {"text": "", "consent": False}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    fields = {detail["field"] for detail in error["details"]}
    assert {"text", "contact_email"} <= fields


def test_need_create__requires_consent_and_a_valid_business_id(
    client: APIClient, toy_taxonomy: ToyTaxonomy
):
    regions_create()
    url = reverse("api-v1:broker-api:need-create")
    for body, field in (
        (payload(consent=False), "consent"),
        (payload(company_business_id="1572860-1"), "company_business_id"),
    ):
        response = client.post(url, body, format="json")
        assert response.status_code == 400
        assert field in {detail["field"] for detail in response.json()["error"]["details"]}
    assert Need.objects.count() == 0


def test_need_create__answers_with_what_was_understood_and_stays_a_draft(
    client: APIClient, toy_taxonomy: ToyTaxonomy
):
    regions_create()
    response = client.post(reverse("api-v1:broker-api:need-create"), payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    assert body["case"] is None
    assert "skills" in body["understood"]
    assert isinstance(body["results"], list)
    assert body["status_url"].endswith(f"/api/v1/broker/needs/{body['public_id']}/")

    submit = reverse("api-v1:broker-api:need-submit", args=[body["public_id"]])
    sent = client.post(submit).json()
    assert sent["status"] == "sent"
    assert sent["case"]["state"] in {"new", "routed", "unmet"}


def test_need_status__hides_private_notes(client: APIClient, toy_taxonomy: ToyTaxonomy):
    need = need_with_case(text="Hitsaajia")
    CaseEvent.objects.create(case=need.case, kind="note", text="Sisäinen huomio", private=True)
    CaseEvent.objects.create(case=need.case, kind="note", text="Otamme yhteyttä", private=False)
    url = reverse("api-v1:broker-api:need-detail", args=[need.public_id])
    body = client.get(url).json()
    texts = [event["text"] for event in body["case"]["history"]]
    assert "Otamme yhteyttä" in texts
    assert "Sisäinen huomio" not in texts


def test_need_status__unknown_need_is_404_in_the_one_shape(client: APIClient, db: None):
    url = reverse("api-v1:broker-api:need-detail", args=["6f1c0d7e-3a51-4c57-9d0e-2b8f0f2b9f11"])
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_case_list__needs_sign_in_and_shows_only_visible_cases(
    client: APIClient, toy_taxonomy: ToyTaxonomy
):
    need_with_case(text="Näkyy koordinaattorille")
    url = reverse("api-v1:broker-api:case-list")
    assert client.get(url).status_code == 403
    client.force_authenticate(UserFactory.create_provider_staff())
    assert client.get(url).json()["count"] == 0
    client.force_authenticate(UserFactory.create_coordinator())
    body = client.get(url).json()
    assert body["count"] == 1
    assert body["results"][0]["need"]["text"] == "Näkyy koordinaattorille"


def test_unmet_series__groups_and_validates_parameters(
    client: APIClient, toy_taxonomy: ToyTaxonomy
):
    regions_create()
    need_with_case(unmet=True, industry="C", municipality="837", company_name="Salainen Oy")
    url = reverse("api-v1:broker-api:unmet")
    body = client.get(url, {"group_by": "industry"}).json()
    assert body["rows"][0] == {
        "key": "C",
        "label": "C Teollisuus",
        "unmet": 1,
        "needs": 1,
        "share": 1.0,
    }
    assert body["method"]  # in the request's language
    assert body["source"].startswith("Jatkumo broker")
    assert "Salainen" not in str(body)
    bad = client.get(url, {"group_by": "colour", "from": "2026-13-01"})
    assert bad.status_code == 400
    fields = {detail["field"] for detail in bad.json()["error"]["details"]}
    assert {"group_by", "from"} <= fields


def test_need_create__rejects_unknown_keys_instead_of_dropping_them(client: APIClient, db: None):
    body = payload(municiplity="837", preferences={"languages": ["fi"], "mode": ["online"]})
    response = client.post(reverse("api-v1:broker-api:need-create"), body, format="json")
    assert response.status_code == 400
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert {"municiplity", "preferences.mode"} <= fields
    assert not Need.objects.exists()


def test_need_create__checks_preferences_like_the_form(client: APIClient, db: None):
    body = payload(preferences={"languages": ["de"]})
    response = client.post(reverse("api-v1:broker-api:need-create"), body, format="json")
    assert response.status_code == 400
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert "preferences.languages" in fields


def test_need_create__a_form_post_with_csrf_token_and_dotted_keys_is_not_rejected_for_them(
    client: APIClient, db: None
):
    body = {
        **payload(),
        "csrfmiddlewaretoken": "x",
        "preferences.modes": "online_live",
        "consent": "true",
    }
    body.pop("preferences", None)
    response = client.post(reverse("api-v1:broker-api:need-create"), body, format="multipart")
    fields = {d.get("field") for d in response.json().get("error", {}).get("details", [])}
    assert "csrfmiddlewaretoken" not in fields
    assert "preferences.modes" not in fields
