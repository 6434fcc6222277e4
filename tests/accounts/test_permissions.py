import pytest
from django.contrib.auth.models import AnonymousUser

from jatkumo.accounts.models import Role
from jatkumo.accounts.permissions import (
    user_can_edit_organisation,
    user_can_manage_users,
    user_can_publish_offerings,
    user_can_see_non_public_contacts,
    user_is_coordinator,
    user_role,
)
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory


@pytest.mark.django_db
def test_provider_staff__edits_only_own_organisation():
    staff = UserFactory.create_provider_staff()
    other = OrganisationFactory.create_provider()

    assert user_can_edit_organisation(staff, staff.organisation_id)
    assert not user_can_edit_organisation(staff, other.pk)
    assert not user_can_edit_organisation(staff, None)
    assert user_can_publish_offerings(staff, staff.organisation_id)


@pytest.mark.django_db
def test_company_user__edits_own_company_but_publishes_no_offerings():
    user = UserFactory.create_company_user()
    assert user_can_edit_organisation(user, user.organisation_id)
    assert not user_can_publish_offerings(user, user.organisation_id)


@pytest.mark.django_db
def test_coordinator__edits_every_organisation():
    coordinator = UserFactory.create_coordinator()
    organisation = OrganisationFactory.create()
    assert user_is_coordinator(coordinator)
    assert user_can_edit_organisation(coordinator, organisation.pk)
    assert not user_can_manage_users(coordinator)


@pytest.mark.django_db
def test_counsellor__sees_non_public_contacts_but_edits_no_organisation():
    counsellor = UserFactory.create_counsellor(organisation=OrganisationFactory.create())
    assert user_can_see_non_public_contacts(counsellor)
    assert not user_can_edit_organisation(counsellor, counsellor.organisation_id)
    assert not user_is_coordinator(counsellor)


@pytest.mark.django_db
def test_superuser__counts_as_admin_and_coordinator():
    admin = UserFactory.create(role=Role.COUNSELLOR, is_superuser=True)
    assert user_role(admin) == Role.ADMIN
    assert user_is_coordinator(admin)
    assert user_can_manage_users(admin)


@pytest.mark.django_db
def test_public_and_inactive_users__may_do_nothing():
    inactive = UserFactory.create_coordinator(is_active=False)
    for user in (AnonymousUser(), inactive):
        assert user_role(user) is None
        assert not user_is_coordinator(user)
        assert not user_can_edit_organisation(user, 1)
        assert not user_can_see_non_public_contacts(user)
