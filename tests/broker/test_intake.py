"""The public intake: the need form, "what we understood", corrections, sending, status."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from jatkumo.broker.models import Case, CaseEvent, CaseState, EventKind, Need
from tests.broker.case_factories import (
    NEED_TEXT,
    BrokerWorld,
    broker_world_create,
    fixed_match,
    match_result,
)

__all__ = ["fixed_match"]
pytestmark = pytest.mark.django_db
INTAKE = "/en/broker/"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def world(db: None, fixed_match: dict[str, Any]) -> BrokerWorld:
    world = broker_world_create()
    fixed_match["result"] = match_result(world)
    return world


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "text": NEED_TEXT,
        "company_name": "Nokian Metalli Oy",
        "company_business_id": "0737546-2",
        "municipality": "536",
        "contact_name": "Matti Meikäläinen",
        "contact_email": "matti@nokianmetalli.example",
        "consent": "on",
    }
    data.update(overrides)
    return data


def _post_need(client: Client, **overrides: Any) -> Need:
    response = client.post(INTAKE, _form(**overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Need.objects.get()


def test_intake__form__shows_the_consent_text(client: Client, world: BrokerWorld) -> None:
    page = client.get(INTAKE).content.decode()
    assert "How we handle your data" in page
    assert "have your data erased" in page


def test_intake__post__stores_a_draft_and_shows_what_was_understood(
    client: Client, world: BrokerWorld
) -> None:
    need = _post_need(client)
    assert need.submitted_at is None
    assert need.consent_at is not None
    assert need.preferences == {}
    page = client.get(reverse("broker:need", args=[need.public_id])).content.decode()
    assert "welding" in page
    assert "<mark>hitsata</mark>" in page
    assert "hitsaaja" in page  # occupation
    assert "Urgent" in page
    assert "Hitsauksen perusteet" in page
    assert "Koneenpiirustusten lukeminen" in page
    assert "Covers 100 % of the skills" in page
    assert "Tiina Tekniikka" in page
    assert "Sami Teollisuus" in page
    assert "Iida Ict" not in page


def test_intake__review__says_what_the_company_already_has_was_not_searched(
    client: Client, world: BrokerWorld
) -> None:
    need = _post_need(client, text=NEED_TEXT + ". Trukkikortit on jo kaikilla kunnossa.")
    with translation.override("en"):
        page = client.get(reverse("broker:need", args=[need.public_id])).content.decode()
    assert "already in place or not needed" in page
    assert "<q>Trukkikortit on jo kaikilla kunnossa</q>" in page


def test_intake__without_consent__is_rejected_and_nothing_is_stored(
    client: Client, world: BrokerWorld
) -> None:
    data = _form()
    del data["consent"]
    response = client.post(INTAKE, data)
    assert response.status_code == 400
    assert "We need your consent to store the need." in response.content.decode()
    assert Need.objects.count() == 0


def test_intake__bad_business_id__field_message_and_nothing_stored(
    client: Client, world: BrokerWorld
) -> None:
    response = client.post(INTAKE, _form(company_business_id="0737546-3"))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="company_business_id-error"' in page
    assert "The check digit of business ID 0737546-3 is wrong." in page
    assert Need.objects.count() == 0


def test_intake__honeypot_filled__nothing_stored(client: Client, world: BrokerWorld) -> None:
    response = client.post(INTAKE, _form(homepage="http://spam.example"))
    assert response.status_code == 400
    assert Need.objects.count() == 0


def test_intake__rate_limit__friendly_429_after_the_limit(
    client: Client, world: BrokerWorld, settings: Any
) -> None:
    settings.BROKER_INTAKE_PER_HOUR = 2
    for _ in range(2):
        assert client.post(INTAKE, _form()).status_code == 302
    response = client.post(INTAKE, _form())
    assert response.status_code == 429
    assert "Too many needs at once" in response.content.decode()
    assert Need.objects.count() == 2


def test_intake__remove_and_add_skills__matches_again_with_the_corrections(
    client: Client, world: BrokerWorld, fixed_match: dict[str, Any]
) -> None:
    need = _post_need(client)
    url = reverse("broker:need", args=[need.public_id])
    client.post(url, {"action": "remove", "uri": world.drawings.uri})
    assert need.skills.get(concept=world.drawings).removed
    page = client.get(url, {"q": "hitsaaja"}).content.decode()
    assert "Removed:" in page
    client.post(url, {"action": "add", "concept": world.welder.pk})
    added = need.skills.get(concept=world.welder)
    assert added.origin == "added"
    assert not added.removed
    # The last match was told what the company confirmed: the added skill, not the removed one.
    confirmed = fixed_match["calls"][-1]["skills"]
    assert world.welder.uri in confirmed
    assert world.drawings.uri not in confirmed


def test_intake__skill_picker__lists_skills_with_add_buttons(
    client: Client, world: BrokerWorld
) -> None:
    need = _post_need(client)
    page = client.get(reverse("broker:need", args=[need.public_id]), {"q": "piirustu"})
    assert "Add read engineering drawings" in page.content.decode()


def test_intake__send__creates_a_routed_case_and_a_public_status_page(
    client: Client, world: BrokerWorld
) -> None:
    need = _post_need(client)
    response = client.post(reverse("broker:need", args=[need.public_id]), {"action": "send"})
    status_url = reverse("broker:status", args=[need.public_id])
    assert response["Location"] == status_url + "?sent=1"
    case = Case.objects.get(need=need)
    assert case.state == CaseState.ROUTED
    assert {r.organisation for r in case.routings.all()} == {world.tredu, world.sasky}
    need.refresh_from_db()
    assert need.company is not None
    assert need.company.business_id == "0737546-2"
    CaseEvent.objects.create(case=case, kind=EventKind.NOTE, text="Sisäinen hinta", private=True)
    CaseEvent.objects.create(case=case, kind=EventKind.NOTE, text="Soitettu yritykseen")
    page = client.get(status_url + "?sent=1").content.decode()
    assert "your need was sent" in page
    assert "Routed" in page
    assert "Tredu" in page
    assert "Soitettu yritykseen" in page
    assert "Sisäinen hinta" not in page
    # The draft page now leads to the status page; sending twice is not possible.
    assert client.get(reverse("broker:need", args=[need.public_id]))["Location"] == status_url


def test_intake__unknown_draft__404(client: Client, world: BrokerWorld) -> None:
    url = reverse("broker:need", args=["6f1c2f4e-0000-4000-8000-000000000000"])
    assert client.get(url).status_code == 404
