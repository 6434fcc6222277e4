"""The demo offerings load through the importer, published, and a second load changes nothing."""

from __future__ import annotations

import pytest
from django.conf import settings

from jatkumo.catalogue.demo import offerings_load_demo
from jatkumo.catalogue.models import Offering, Status
from jatkumo.organisations.demo import organisations_load_demo
from jatkumo.taxonomy.importers.statfi import (
    education_fields_import,
    industries_import,
    regions_import,
)

pytestmark = pytest.mark.django_db


def test_demo__loads_150_published_offerings_of_10_providers_idempotently() -> None:
    classifications = settings.BUNDLED_DATA_DIR / "classifications"
    regions_import(path=classifications / "regionkey.csv")
    industries_import(path=classifications / "tol2008_sections.csv")
    education_fields_import(path=classifications / "education_fields.csv")
    organisations_load_demo(data_dir=settings.BUNDLED_DATA_DIR, password="demo-password-1")
    first = offerings_load_demo(data_dir=settings.BUNDLED_DATA_DIR)
    assert first["created"] >= 150
    published = Offering.objects.filter(status=Status.PUBLISHED)
    assert published.count() == first["created"]
    assert published.values("provider").distinct().count() >= 10
    again = offerings_load_demo(data_dir=settings.BUNDLED_DATA_DIR)
    assert again == {"created": 0, "updated": 0, "unchanged": first["created"], "rejected": 0}
