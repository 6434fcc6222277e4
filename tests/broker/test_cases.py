"""Case pages: list and detail by role, actions, the inbox and the company page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from jatkumo.broker.models import Case, CaseState
from jatkumo.broker.services_cases import case_note_add
from tests.accounts.factories import PASSWORD
from tests.broker.case_factories import BrokerWorld, broker_world_create, case_create, fixed_match

__all__ = ["fixed_match"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> BrokerWorld:
    return broker_world_create()


@pytest.fixture
def case(world: BrokerWorld, fixed_match: dict[str, Any]) -> Case:
    return case_create(world, fixed_match)


def _login(client: Client, user: Any) -> Client:
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _url(name: str, *args: Any) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def test_cases__list__shows_routed_cases_with_state_and_response(
    client: Client, world: BrokerWorld, case: Case
) -> None:
    page = _login(client, world.tredu_staff).get(_url("broker:cases")).content.decode()
    assert "tarttis kaks kaveria" in page
    assert "Routed" in page
    assert "waiting" in page
    assert "Tredu, Sasky" in page or "Sasky, Tredu" in page


def test_cases__not_routed_provider__gets_404_and_an_empty_list(
    client: Client, world: BrokerWorld, case: Case
) -> None:
    _login(client, world.tamk_staff)
    assert "tarttis" not in client.get(_url("broker:cases")).content.decode()
    assert client.get(_url("broker:case-detail", case.pk)).status_code == 404


def test_cases__anonymous__sent_to_login(client: Client, case: Case) -> None:
    assert "/accounts/login/" in client.get(_url("broker:cases"))["Location"]


def test_case_detail__change_state_and_add_note(
    client: Client, world: BrokerWorld, case: Case
) -> None:
    _login(client, world.tredu_staff)
    url = _url("broker:case-detail", case.pk)
    page = client.get(url).content.decode()
    assert "Hitsauksen perusteet" in page
    assert "Move the case" in page
    client.post(url, {"action": "transition", "to_state": "contacted"})
    client.post(url, {"action": "note", "text": "Sovittu tapaaminen", "private": "on"})
    case.refresh_from_db()
    assert case.state == CaseState.CONTACTED
    page = client.get(url).content.decode()
    assert "Sovittu tapaaminen" in page
    assert "private" in page
    bad = client.post(url, {"action": "transition", "to_state": "delivered"}, follow=True)
    assert "cannot move" in bad.content.decode()


def test_company_page__shows_cases_across_providers_without_others_private_notes(
    client: Client, world: BrokerWorld, case: Case
) -> None:
    case_note_add(case=case, user=world.tredu_staff, text="Tredun sisäinen hinta", private=True)
    case_note_add(case=case, user=world.sasky_staff, text="Saskyn julkinen muistiinpano")
    company = case.need.company
    assert company is not None
    page = _login(client, world.sasky_staff).get(_url("broker:company", company.pk))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Nokian Metalli Oy" in text
    assert "matti@nokianmetalli.example" in text
    assert "Saskyn julkinen muistiinpano" in text
    assert "Tredun sisäinen hinta" not in text
    coordinator_page = Client()
    _login(coordinator_page, world.coordinator)
    assert (
        "Tredun sisäinen hinta"
        in coordinator_page.get(_url("broker:company", company.pk)).content.decode()
    )
    tamk = Client()
    _login(tamk, world.tamk_staff)
    assert tamk.get(_url("broker:company", company.pk)).status_code == 404


def test_inbox__lists_notifications_and_marks_them_read(
    client: Client, world: BrokerWorld, case: Case
) -> None:
    _login(client, world.tredu_staff)
    page = client.get(_url("broker:inbox")).content.decode()
    assert "New company need" in page
    assert "1 unread" in page
    notification = world.tredu_staff.notifications.get()
    response = client.post(_url("broker:inbox-open", notification.pk))
    assert response["Location"] == _url("broker:case-detail", case.pk)
    notification.refresh_from_db()
    assert notification.read_at is not None
