"""Every admin page of accounts and organisations opens for a superuser (a smoke test)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.organisations.factories import (
    ContactRoleFactory,
    EducationFieldFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    RegionFactory,
)

APPS = {"accounts", "organisations"}
MODELS = sorted(
    f"{model._meta.app_label}_{model._meta.model_name}"
    for model in admin.site._registry
    if model._meta.app_label in APPS
)


def test_admin__registers_every_model_of_accounts_and_organisations():
    assert MODELS == [
        "accounts_user",
        "organisations_contactrole",
        "organisations_network",
        "organisations_networkmembership",
        "organisations_organisation",
        "organisations_organisationrole",
        "organisations_person",
    ]


@pytest.fixture
def registry_rows():
    """One row of every model, so that list columns and change forms render real values."""
    tamk = OrganisationFactory.create_provider(
        name_fi="Tampereen ammattikorkeakoulu", municipality=RegionFactory.create_tampere()
    )
    NetworkMembershipFactory.create(organisation=tamk)
    return ContactRoleFactory.create(
        organisation=tamk, education_field=EducationFieldFactory.create()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("page", ["changelist", "add"])
def test_admin__page_opens_for_superuser(client, registry_rows, model, page):
    client.force_login(UserFactory.create_admin())

    response = client.get(reverse(f"admin:{model}_{page}"))

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_admin__change_page_opens_for_superuser(client, registry_rows, model):
    admin_user = UserFactory.create_admin()
    client.force_login(admin_user)
    model_class = next(
        m for m in admin.site._registry if f"{m._meta.app_label}_{m._meta.model_name}" == model
    )
    row = model_class._default_manager.first()

    response = client.get(reverse(f"admin:{model}_change", args=[row.pk]))

    assert response.status_code == 200


@pytest.mark.django_db
def test_organisation_admin__search_finds_by_swedish_name(client, registry_rows):
    client.force_login(UserFactory.create_admin())
    OrganisationFactory.create(name_fi="Tampereen yliopisto", name_sv="Tammerfors universitet")

    response = client.get(
        reverse("admin:organisations_organisation_changelist"), {"q": "Tammerfors"}
    )

    assert "Tampereen yliopisto" in response.content.decode()
    assert "Tampereen ammattikorkeakoulu" not in response.content.decode()
