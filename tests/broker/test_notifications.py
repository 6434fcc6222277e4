"""Who is told about a case: in-app inbox items and emails (Django's locmem outbox)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from jatkumo.broker.models import Case, CaseState, Notification
from jatkumo.broker.notifications import notification_mark_read
from jatkumo.broker.services_cases import case_note_add, case_transition
from tests.broker.case_factories import BrokerWorld, broker_world_create, case_create, fixed_match

__all__ = ["fixed_match"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> BrokerWorld:
    return broker_world_create()


@pytest.fixture
def case(
    world: BrokerWorld, fixed_match: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> Case:
    with django_capture_on_commit_callbacks(execute=True):
        return case_create(world, fixed_match)


def _recipients(subject_part: str) -> set[str]:
    return {to for m in mail.outbox if subject_part in m.subject for to in m.to}


def test_routing__notifies_routed_organisations_coordinators_and_the_company(
    world: BrokerWorld, case: Case
) -> None:
    inboxes = set(Notification.objects.values_list("recipient__username", flat=True))
    assert inboxes == {"tredu", "sasky", "koordinaattori"}
    emails = {to for m in mail.outbox for to in m.to}
    assert emails == {
        world.tredu_staff.email,
        world.sasky_staff.email,
        world.coordinator.email,
        "matti@nokianmetalli.example",
    }
    company_mail = next(m for m in mail.outbox if "matti@nokianmetalli.example" in m.to)
    assert f"/broker/status/{case.need.public_id}/" in company_mail.body


def test_state_change__notifies_everyone_but_the_actor(
    world: BrokerWorld, case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_state=CaseState.CONTACTED, user=world.tredu_staff)
    recipients = {to for m in mail.outbox for to in m.to}
    assert world.tredu_staff.email not in recipients
    assert {world.sasky_staff.email, world.coordinator.email} <= recipients
    assert "matti@nokianmetalli.example" in recipients
    assert world.sasky_staff.notifications.filter(case=case).count() == 2


def test_private_note__reaches_only_the_own_organisation_and_coordinators(
    world: BrokerWorld, case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    colleague = world.tredu_staff.__class__.objects.create(
        username="tredu2",
        email="tredu2@example.fi",
        role="provider_staff",
        organisation=world.tredu,
    )
    mail.outbox.clear()
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        case_note_add(case=case, user=world.tredu_staff, text="Hinta 900 €", private=True)
    inboxes = set(Notification.objects.values_list("recipient__username", flat=True))
    assert inboxes == {colleague.username, "koordinaattori"}
    assert world.sasky_staff.email not in {to for m in mail.outbox for to in m.to}
    assert "matti@nokianmetalli.example" not in {to for m in mail.outbox for to in m.to}


def test_inbox__mark_read(world: BrokerWorld, case: Case) -> None:
    user = world.tredu_staff
    assert notification_mark_read(user=user) == 1
    assert not user.notifications.filter(read_at__isnull=True).exists()
