import pytest

from jatkumo.core.errors import NotFound
from jatkumo.organisations.models import ServiceKind
from jatkumo.organisations.selectors import contact_directory, organisation_get, organisation_list
from tests.organisations.factories import (
    ContactRoleFactory,
    EducationFieldFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    PersonFactory,
)


@pytest.mark.django_db
def test_organisation_list__filters_by_kind_network_and_text():
    tamk = OrganisationFactory.create_provider(name_fi="Tampereen ammattikorkeakoulu")
    company = OrganisationFactory.create_employer(name_fi="Esimerkkikonepaja Oy")
    membership = NetworkMembershipFactory.create(organisation=tamk)
    NetworkMembershipFactory.create(
        organisation=tamk, network=membership.network, kind="education_group"
    )

    assert list(organisation_list(kind="education_provider")) == [tamk]
    assert list(organisation_list(network=membership.network)) == [tamk]
    assert list(organisation_list(q="konepaja")) == [company]
    assert list(organisation_list()) == [company, tamk]


@pytest.mark.django_db
def test_organisation_get__finds_by_slug_or_raises_not_found():
    tamk = OrganisationFactory.create(slug="tamk")
    assert organisation_get(slug="tamk") == tamk
    assert organisation_get(organisation_id=tamk.pk) == tamk
    with pytest.raises(NotFound):
        organisation_get(slug="nope")


@pytest.mark.django_db
def test_contact_directory__lists_public_roles_by_organisation_and_filters():
    ict = EducationFieldFactory.create(code="06")
    tamk = OrganisationFactory.create_provider(name_fi="TAMK")
    tredu = OrganisationFactory.create_provider(name_fi="Tredu")
    tredu_role = ContactRoleFactory.create(organisation=tredu, service=ServiceKind.APPRENTICESHIP)
    tamk_role = ContactRoleFactory.create(
        organisation=tamk, education_field=ict, person=PersonFactory.create(last_name="Mallinen")
    )
    ContactRoleFactory.create_non_public(organisation=tamk)

    assert list(contact_directory()) == [tamk_role, tredu_role]
    assert list(contact_directory(education_field="06")) == [tamk_role]
    assert list(contact_directory(education_field=ict, organisation=tamk)) == [tamk_role]
    assert list(contact_directory(service=ServiceKind.APPRENTICESHIP)) == [tredu_role]
