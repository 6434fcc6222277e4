import pytest
from django.utils import translation

from jatkumo.core.errors import ValidationFailed
from jatkumo.organisations.models import ContactRole, Person, ServiceKind
from jatkumo.organisations.services import contact_role_create, person_create
from tests.organisations.factories import (
    ContactRoleFactory,
    EducationFieldFactory,
    IndustryFactory,
    OrganisationFactory,
    PersonFactory,
)


@pytest.mark.django_db
def test_person_create__saves_person_with_normalised_email():
    person = person_create(first_name=" Aino ", last_name="Mallinen", email="Aino@EXAMPLE.fi")
    assert (person.first_name, person.email) == ("Aino", "Aino@example.fi")


@pytest.mark.django_db
def test_person_create__rejects_missing_names_and_bad_email_and_writes_nothing():
    with pytest.raises(ValidationFailed) as excinfo:
        person_create(first_name="", last_name=" ", email="not-an-email")
    assert {e.field for e in excinfo.value.details} == {"first_name", "last_name", "email"}
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_person_create__rejects_email_already_used_in_another_case():
    PersonFactory.create(email="aino.mallinen@example.fi")
    with pytest.raises(ValidationFailed) as excinfo:
        person_create(first_name="Aino", last_name="M", email="AINO.mallinen@example.fi")
    assert [e.field for e in excinfo.value.details] == ["email"]


@pytest.mark.django_db
def test_contact_role_create__saves_role_for_field_of_education():
    person = PersonFactory.create()
    tamk = OrganisationFactory.create_provider(name_fi="TAMK")
    ict = EducationFieldFactory.create(code="06")

    role = contact_role_create(
        person=person,
        organisation=tamk,
        service=ServiceKind.CONTINUOUS_LEARNING,
        education_field=ict,
        description="ICT continuous-learning services",
    )

    assert role.education_field == ict
    assert role.is_public


@pytest.mark.django_db
def test_contact_role_create__rejects_duplicate_without_field():
    existing = ContactRoleFactory.create(service=ServiceKind.GENERAL)

    with translation.override("en"), pytest.raises(ValidationFailed) as excinfo:
        contact_role_create(
            person=existing.person,
            organisation=existing.organisation,
            service=ServiceKind.GENERAL,
        )

    assert "already the contact" in excinfo.value.details[0].message
    assert ContactRole.objects.count() == 1


@pytest.mark.django_db
def test_contact_role_create__rejects_duplicate_with_industry_only():
    industry = IndustryFactory.create(code="C")
    existing = ContactRoleFactory.create(industry=industry)

    with pytest.raises(ValidationFailed):
        contact_role_create(
            person=existing.person,
            organisation=existing.organisation,
            service=existing.service,
            industry=industry,
        )
    assert ContactRole.objects.count() == 1


@pytest.mark.django_db
def test_contact_role_create__allows_same_person_for_another_field():
    existing = ContactRoleFactory.create(education_field=EducationFieldFactory.create(code="06"))

    contact_role_create(
        person=existing.person,
        organisation=existing.organisation,
        service=existing.service,
        education_field=EducationFieldFactory.create(code="07", name="Tekniikka"),
    )

    assert ContactRole.objects.count() == 2


@pytest.mark.django_db
def test_contact_role_create__rejects_unknown_service():
    with pytest.raises(ValidationFailed) as excinfo:
        contact_role_create(
            person=PersonFactory.create(),
            organisation=OrganisationFactory.create(),
            service="catering",
        )
    assert [e.field for e in excinfo.value.details] == ["service"]
    assert not ContactRole.objects.exists()


@pytest.mark.django_db
def test_contact_role__database_rejects_duplicate_without_field_too():
    from django.db import IntegrityError, transaction

    existing = ContactRoleFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactRole.objects.create(
            person=existing.person, organisation=existing.organisation, service=existing.service
        )
