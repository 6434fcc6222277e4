"""Every broker model has an admin changelist that loads."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from jatkumo.broker.models import CaseEvent, Notification
from tests.accounts.factories import UserFactory
from tests.broker.registry_factories import need_with_case
from tests.conftest import ToyTaxonomy

pytestmark = pytest.mark.django_db

MODELS = ("need", "needskill", "case", "caserouting", "caseevent", "notification")


@pytest.mark.parametrize("model", MODELS)
def test_broker_admin__changelist_loads(client: Client, toy_taxonomy: ToyTaxonomy, model: str):
    admin = UserFactory.create_admin()
    need = need_with_case(skills=(toy_taxonomy.welding,))
    CaseEvent.objects.create(case=need.case, kind="note", text="Huomio")
    Notification.objects.create(recipient=admin, case=need.case, subject="Uusi tarve")
    client.force_login(admin)
    response = client.get(reverse(f"admin:broker_{model}_changelist"))
    assert response.status_code == 200


def test_broker_admin__case_page_shows_history(client: Client, toy_taxonomy: ToyTaxonomy):
    client.force_login(UserFactory.create_admin())
    need = need_with_case()
    CaseEvent.objects.create(case=need.case, kind="note", text="Soitettu yritykseen")
    response = client.get(reverse("admin:broker_case_change", args=[need.case.pk]))
    assert response.status_code == 200
    assert "Soitettu yritykseen" in response.content.decode()
