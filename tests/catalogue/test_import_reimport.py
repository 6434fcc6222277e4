"""Re-importing the same ids updates; unchanged lines are counted; providers are matched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jatkumo.catalogue.models import Offering, Origin, Status
from jatkumo.catalogue.services import offerings_import
from tests.catalogue.factories import catalogue_codes_create, jsonl_write, offering_line
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider() -> Any:
    catalogue_codes_create()
    return OrganisationFactory.create_provider(
        name_fi="Testiopisto", name_en="Test College", business_id="1015428-1"
    )


def test_reimport__updates_changed_lines_and_counts_unchanged(
    provider: Any, tmp_path: Path
) -> None:
    lines = [offering_line(n) for n in range(1, 4)]
    offerings_import(path=jsonl_write(tmp_path / "a.jsonl", lines))
    lines[1]["title"] = {"fi": "Uusi nimi", "en": "New name"}
    result = offerings_import(path=jsonl_write(tmp_path / "b.jsonl", lines))
    assert result.counts == {"created": 0, "updated": 1, "unchanged": 2, "rejected": 0}
    changed = Offering.objects.get(external_id="T-00002")
    assert (changed.title_fi, changed.title_en) == ("Uusi nimi", "New name")
    assert (changed.origin, changed.origin_file) == (Origin.IMPORT, "b.jsonl")
    assert Offering.objects.count() == 3


def test_import__dry_run_writes_nothing(provider: Any, tmp_path: Path) -> None:
    result = offerings_import(
        path=jsonl_write(tmp_path / "a.jsonl", [offering_line()]), dry_run=True
    )
    assert result.counts["created"] == 1
    assert not Offering.objects.exists()


def test_import__publish_publishes_new_and_existing(provider: Any, tmp_path: Path) -> None:
    path = jsonl_write(tmp_path / "a.jsonl", [offering_line()])
    offerings_import(path=path)
    assert Offering.objects.get().status == Status.DRAFT
    assert offerings_import(path=path, publish=True).counts["updated"] == 1
    offering = Offering.objects.get()
    assert offering.status == Status.PUBLISHED
    assert offering.published_at is not None


def test_import__provider_found_by_business_id_or_english_name(
    provider: Any, tmp_path: Path
) -> None:
    lines = [
        offering_line(1, provider={"name": "Vanha nimi", "business_id": "1015428-1"}),
        offering_line(2, provider="Test College"),
    ]
    offerings_import(path=jsonl_write(tmp_path / "a.jsonl", lines))
    assert set(Offering.objects.values_list("provider_id", flat=True)) == {provider.pk}
