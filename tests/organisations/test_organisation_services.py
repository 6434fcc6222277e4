import datetime as dt

import pytest

from jatkumo.core.errors import ValidationFailed
from jatkumo.organisations.models import (
    MembershipKind,
    NetworkMembership,
    Organisation,
    OrganisationKind,
)
from jatkumo.organisations.services import (
    network_create,
    network_membership_set,
    organisation_create,
    organisation_update,
)
from tests.organisations.factories import NetworkFactory, OrganisationFactory, RegionFactory


def _fields(excinfo: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {error.field for error in excinfo.value.details}


@pytest.mark.django_db
def test_organisation_create__saves_organisation_with_roles_and_municipality():
    tampere = RegionFactory.create_tampere()

    organisation = organisation_create(
        name="Tampereen ammattikorkeakoulu",
        name_en="Tampere University of Applied Sciences",
        short_name="TAMK",
        business_id="1015428-1",
        municipality_code="837",
        kinds=[OrganisationKind.EDUCATION_PROVIDER, OrganisationKind.EMPLOYER],
    )

    organisation.refresh_from_db()
    assert organisation.name_fi == "Tampereen ammattikorkeakoulu"
    assert organisation.name_en == "Tampere University of Applied Sciences"
    assert organisation.slug == "tamk"
    assert organisation.municipality == tampere
    assert set(organisation.roles.values_list("kind", flat=True)) == {
        "education_provider",
        "employer",
    }


@pytest.mark.django_db
def test_organisation_create__normalises_six_digit_business_id():
    # 0123456 weighs 0+9+20+15+32+20+12 = 108; 108 % 11 = 9, so the check digit is 11 − 9 = 2.
    organisation = organisation_create(name="Vanha Yritys", business_id="123456-2")
    organisation.refresh_from_db()
    assert organisation.business_id == "0123456-2"


@pytest.mark.django_db
def test_organisation_create__rejects_wrong_check_digit_and_writes_nothing():
    with pytest.raises(ValidationFailed) as excinfo:
        organisation_create(name="TAMK", business_id="1015428-2", kinds=["education_provider"])

    assert _fields(excinfo) == {"business_id"}
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_organisation_create__reports_every_problem_at_once():
    with pytest.raises(ValidationFailed) as excinfo:
        organisation_create(
            name=" ",
            business_id="nope",
            municipality_code="999",
            website="not a url",
            kinds=["wizard"],
        )

    assert _fields(excinfo) == {"name", "business_id", "municipality_code", "website", "kinds"}
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_organisation_create__rejects_business_id_of_another_organisation():
    OrganisationFactory.create(business_id="1015428-1")

    with pytest.raises(ValidationFailed) as excinfo:
        organisation_create(name="Kopio", business_id="1015428-1")

    assert _fields(excinfo) == {"business_id"}
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_organisation_create__makes_unique_slugs_from_names():
    first = organisation_create(name="Esimerkki Oy")
    second = organisation_create(name="Esimerkki Oy")
    assert (first.slug, second.slug) == ("esimerkki-oy", "esimerkki-oy-2")


@pytest.mark.django_db
def test_organisation_update__changes_fields_and_replaces_roles():
    organisation = OrganisationFactory.create_provider(name_fi="Vanha nimi")

    updated = organisation_update(
        organisation=organisation,
        data={"name": "Uusi nimi", "business_id": "1015428-1", "kinds": ["employer"]},
    )

    assert updated.name_fi == "Uusi nimi"
    assert updated.business_id == "1015428-1"
    assert list(updated.roles.values_list("kind", flat=True)) == ["employer"]


@pytest.mark.django_db
def test_organisation_update__rejects_bad_input_and_leaves_organisation_unchanged():
    organisation = OrganisationFactory.create_provider(name_fi="Nimi")

    with pytest.raises(ValidationFailed) as excinfo:
        organisation_update(
            organisation=organisation,
            data={"name": "Uusi", "business_id": "1015428-9", "kinds": [], "colour": "red"},
        )

    assert _fields(excinfo) == {"business_id", "colour"}
    organisation.refresh_from_db()
    assert organisation.name_fi == "Nimi"
    assert organisation.roles.count() == 1


@pytest.mark.django_db
def test_network_create__links_region_by_code():
    pirkanmaa = RegionFactory.create_pirkanmaa()
    network = network_create(name="Pirkanmaan jatkuvan oppimisen verkosto", region_code="MK06")
    assert network.region == pirkanmaa
    assert network.slug == "pirkanmaan-jatkuvan-oppimisen-verkosto"


@pytest.mark.django_db
def test_network_create__rejects_unknown_region():
    with pytest.raises(ValidationFailed) as excinfo:
        network_create(name="Verkosto", region_code="MK99")
    assert _fields(excinfo) == {"region_code"}


@pytest.mark.django_db
def test_network_membership_set__makes_listed_kinds_the_complete_set():
    network = NetworkFactory.create()
    organisation = OrganisationFactory.create_provider()
    network_membership_set(
        network=network, organisation=organisation, kinds=["member", "steering_group"]
    )

    memberships = network_membership_set(
        network=network,
        organisation=organisation,
        kinds=[MembershipKind.MEMBER, MembershipKind.EDUCATION_GROUP],
        since=dt.date(2024, 1, 1),
    )

    assert [m.kind for m in memberships] == ["education_group", "member"]
    assert NetworkMembership.objects.get(kind="education_group").since == dt.date(2024, 1, 1)


@pytest.mark.django_db
def test_network_membership_set__rejects_unknown_kind_and_keeps_memberships():
    network = NetworkFactory.create()
    organisation = OrganisationFactory.create_provider()
    network_membership_set(network=network, organisation=organisation, kinds=["member"])

    with pytest.raises(ValidationFailed):
        network_membership_set(network=network, organisation=organisation, kinds=["chair"])

    assert NetworkMembership.objects.filter(kind="member").count() == 1
