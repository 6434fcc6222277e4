import pytest

from jatkumo.accounts.models import Role, User
from jatkumo.accounts.services import (
    EDUCATION_PROVIDER_KIND,
    demo_admin_ensure,
    demo_password_get,
    user_create,
)
from jatkumo.core.errors import ValidationFailed
from jatkumo.organisations.models import OrganisationKind
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory


def _fields(excinfo: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {error.field for error in excinfo.value.details}


def test_education_provider_kind__matches_organisation_kind():
    assert OrganisationKind.EDUCATION_PROVIDER == EDUCATION_PROVIDER_KIND


@pytest.mark.django_db
def test_user_create__provider_staff_at_education_provider_can_log_in():
    tamk = OrganisationFactory.create_provider()

    user = user_create(
        username="aino",
        role=Role.PROVIDER_STAFF,
        organisation_id=tamk.pk,
        password="pitkä-salasana-123",
        email="aino@example.fi",
    )

    assert user.organisation == tamk
    assert user.check_password("pitkä-salasana-123")
    assert not user.is_staff


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PROVIDER_STAFF, Role.COMPANY_USER])
def test_user_create__rejects_role_without_organisation(role):
    with pytest.raises(ValidationFailed) as excinfo:
        user_create(username="nobody", role=role)
    assert _fields(excinfo) == {"organisation"}
    assert not User.objects.exists()


@pytest.mark.django_db
def test_user_create__rejects_provider_staff_at_company():
    company = OrganisationFactory.create_employer()
    with pytest.raises(ValidationFailed) as excinfo:
        user_create(username="x", role=Role.PROVIDER_STAFF, organisation_id=company.pk)
    assert _fields(excinfo) == {"organisation"}


@pytest.mark.django_db
def test_user_create__counsellor_needs_no_organisation_and_has_no_password_yet():
    user = user_create(username="ohjaaja", role=Role.COUNSELLOR)
    assert user.organisation is None
    assert not user.has_usable_password()


@pytest.mark.django_db
def test_user_create__admin_gets_admin_site_access():
    user = user_create(username="yllapito", role=Role.ADMIN, password="pitkä-salasana-123")
    assert user.is_staff
    assert user.is_superuser


@pytest.mark.django_db
def test_user_create__reports_every_problem_and_writes_nothing():
    UserFactory.create(username="taken")
    with pytest.raises(ValidationFailed) as excinfo:
        user_create(
            username="TAKEN",
            role="wizard",
            email="not-an-email",
            password="123",
        )
    assert _fields(excinfo) == {"username", "role", "email", "password"}
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_demo_admin_ensure__keeps_its_random_password_between_runs(tmp_path):
    username, password = demo_admin_ensure(data_dir=tmp_path)
    _again, password_again = demo_admin_ensure(data_dir=tmp_path)

    assert password == password_again == demo_password_get(data_dir=tmp_path)
    admin = User.objects.get(username=username)
    assert admin.is_superuser
    assert admin.check_password(password)
    assert User.objects.count() == 1
