"""Automatic tags come from keywords and title words; staff tags survive every refresh."""

from __future__ import annotations

from typing import Any

import pytest

from jatkumo.catalogue.models import OfferingConcept
from jatkumo.catalogue.services import offering_create, offering_tag_add, offering_tag_remove
from jatkumo.catalogue.tagging import offering_tags_refresh
from tests.accounts.factories import UserFactory
from tests.catalogue.factories import catalogue_codes_create, offering_line
from tests.conftest import ToyTaxonomy

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(toy_taxonomy: ToyTaxonomy) -> Any:
    catalogue_codes_create()
    return UserFactory.create_provider_staff()


def _tags(offering: Any) -> dict[str, bool]:
    tags = OfferingConcept.objects.filter(offering=offering).select_related("concept")
    return {tag.concept.uri.rsplit("/", 1)[1]: tag.automatic for tag in tags}


def test_tagging__finds_concepts_from_keywords_and_inflected_title(
    staff: Any, toy_taxonomy: ToyTaxonomy
) -> None:
    line = offering_line(1, provider=staff.organisation.name_fi, keywords=["TIG-hitsaus"])
    line["title"] = {"fi": "Koneistajan täydennyskoulutus"}
    offering = offering_create(user=staff, record=line)
    tags = _tags(offering)
    assert tags.get("tig") is True
    assert tags.get("machinist") is True
    tag = OfferingConcept.objects.get(offering=offering, concept=toy_taxonomy.tig)
    assert tag.evidence


def test_tagging__staff_tags_are_kept_and_removed_ones_not_readded(
    staff: Any, toy_taxonomy: ToyTaxonomy
) -> None:
    line = offering_line(1, provider=staff.organisation.name_fi, keywords=["TIG-hitsaus"])
    offering = offering_create(user=staff, record=line)
    offering_tag_add(user=staff, offering=offering, concept=toy_taxonomy.welder)
    offering_tag_remove(user=staff, offering=offering, concept=toy_taxonomy.tig)
    offering_tags_refresh(offering=offering)
    tags = _tags(offering)
    assert tags["welder"] is False
    assert "tig" not in tags
