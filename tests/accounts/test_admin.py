import pytest
from django.urls import reverse

from jatkumo.accounts.models import Role, User
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory


@pytest.mark.django_db
def test_user_admin__lists_role_and_organisation(client):
    client.force_login(UserFactory.create_admin())
    staff = UserFactory.create_provider_staff(
        organisation=OrganisationFactory.create_provider(name_fi="Tampereen ammattikorkeakoulu")
    )

    response = client.get(reverse("admin:accounts_user_changelist"))

    html = response.content.decode()
    assert staff.username in html
    assert "Tampereen ammattikorkeakoulu" in html
    assert str(Role.PROVIDER_STAFF.label) in html


@pytest.mark.django_db
def test_user_admin__rejects_provider_staff_without_organisation(client):
    client.force_login(UserFactory.create_admin())

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "uusi",
            "usable_password": "true",
            "password1": "pitkä-salasana-123",
            "password2": "pitkä-salasana-123",
            "email": "uusi@example.fi",
            "role": Role.PROVIDER_STAFF,
            "organisation": "",
            "preferred_language": "fi",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["organisation"]
    assert not User.objects.filter(username="uusi").exists()


@pytest.mark.django_db
def test_user_admin__adds_provider_staff_with_organisation(client):
    client.force_login(UserFactory.create_admin())
    tamk = OrganisationFactory.create_provider()

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "uusi",
            "usable_password": "true",
            "password1": "pitkä-salasana-123",
            "password2": "pitkä-salasana-123",
            "email": "uusi@example.fi",
            "role": Role.PROVIDER_STAFF,
            "organisation": str(tamk.pk),
            "preferred_language": "fi",
        },
    )

    assert response.status_code == 302
    assert User.objects.get(username="uusi").organisation == tamk
