"""Provider staff manage only their own organisation's offerings; coordinators manage all."""

from __future__ import annotations

from typing import Any

import pytest

from jatkumo.catalogue.models import Offering, Origin, Status
from jatkumo.catalogue.services import (
    OfferingNotAllowed,
    offering_archive,
    offering_create,
    offering_publish,
    offering_update,
)
from jatkumo.core.errors import ValidationFailed
from tests.accounts.factories import UserFactory
from tests.catalogue.factories import OfferingFactory, catalogue_codes_create, offering_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Any:
    catalogue_codes_create()
    return UserFactory.create_provider_staff()


def _line(user: Any, **overrides: Any) -> dict[str, Any]:
    return offering_line(1, provider=user.organisation.name_fi, **overrides)


def test_offering_create__by_staff__is_a_manual_draft(staff: Any) -> None:
    offering = offering_create(user=staff, record=_line(staff))
    assert (offering.status, offering.origin) == (Status.DRAFT, Origin.MANUAL)
    assert offering.provider_id == staff.organisation_id


def test_offering_create__validates_like_the_importer(staff: Any) -> None:
    with pytest.raises(ValidationFailed) as caught:
        offering_create(user=staff, record=_line(staff, start="soon", modes=[]))
    assert {error.field for error in caught.value.details} == {"start", "modes"}
    assert not Offering.objects.exists()


def test_offering_create__for_another_provider__is_refused(staff: Any) -> None:
    other = UserFactory.create_provider_staff()
    with pytest.raises(OfferingNotAllowed):
        offering_create(user=staff, record=_line(other))


def test_offering_create__duplicate_id__is_a_field_error(staff: Any) -> None:
    offering_create(user=staff, record=_line(staff))
    with pytest.raises(ValidationFailed) as caught:
        offering_create(user=staff, record=_line(staff))
    assert [error.field for error in caught.value.details] == ["id"]


@pytest.mark.parametrize("action", [offering_publish, offering_archive])
def test_staff_of_a__cannot_publish_or_archive_offering_of_b(staff: Any, action: Any) -> None:
    offering = OfferingFactory.create_draft()
    with pytest.raises(OfferingNotAllowed):
        action(user=staff, offering=offering)
    assert Offering.objects.get().status == Status.DRAFT


def test_staff_of_a__cannot_edit_offering_of_b(staff: Any) -> None:
    offering = OfferingFactory.create_draft()
    record = offering_line(1, provider=offering.provider.name_fi)
    with pytest.raises(OfferingNotAllowed):
        offering_update(user=staff, offering=offering, record=record)


def test_coordinator__edits_publishes_and_archives_any_offering(staff: Any) -> None:
    coordinator = UserFactory.create_coordinator()
    offering = OfferingFactory.create_draft()
    record = offering_line(1, provider=offering.provider.name_fi, title={"fi": "Uusi"})
    offering = offering_update(user=coordinator, offering=offering, record=record)
    assert Offering.objects.get().title_fi == "Uusi"
    offering_publish(user=coordinator, offering=offering)
    assert Offering.objects.get().published_at is not None
    offering_archive(user=coordinator, offering=offering)
    assert Offering.objects.get().status == Status.ARCHIVED


def test_staff__publishes_own_offering(staff: Any) -> None:
    offering = offering_create(user=staff, record=_line(staff))
    offering_publish(user=staff, offering=offering)
    assert Offering.objects.get().status == Status.PUBLISHED
