"""The importer rejects each kind of bad input with its line and field, and writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jatkumo.catalogue.models import Offering
from jatkumo.catalogue.services import offerings_import
from jatkumo.core.errors import ValidationFailed
from tests.catalogue.factories import catalogue_codes_create, jsonl_write, offering_line
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider() -> Any:
    catalogue_codes_create()
    return OrganisationFactory.create_provider(name_fi="Testiopisto", business_id="1015428-1")


def _errors(tmp_path: Path, *lines: Any) -> list[tuple[int | None, str]]:
    path = jsonl_write(tmp_path / "offerings.jsonl", list(lines))
    with pytest.raises(ValidationFailed) as caught:
        offerings_import(path=path)
    assert Offering.objects.count() == 0
    return [(error.line, error.field) for error in caught.value.details]


BAD_LINES = [
    ({"title": None}, "title"),
    ({"title": {}}, "title"),
    ({"title": {"de": "Schweissen"}}, "title.de"),
    ({"title": {"fi": ""}}, "title.fi"),
    ({"type": "seminar"}, "type"),
    ({"level": "phd"}, "level"),
    ({"modes": []}, "modes"),
    ({"modes": ["contact", "telepathy"]}, "modes[1]"),
    ({"languages": ["finnish"]}, "languages[0]"),
    ({"municipalities": ["999"]}, "municipalities[0]"),
    ({"municipalities": [837]}, "municipalities[0]"),
    ({"industries": ["Z"]}, "industries[0]"),
    ({"start": "1.9.2027"}, "start"),
    ({"start": "2027-02-30"}, "start"),
    ({"credits": {"value": 5, "unit": "ects"}}, "credits.unit"),
    ({"credits": {"value": "5", "unit": "op"}}, "credits.value"),
    ({"credits": {"value": 5}}, "credits.unit"),
    ({"price_eur": -1}, "price_eur"),
    ({"price_eur": 12.345}, "price_eur"),
    ({"duration_weeks": True}, "duration_weeks"),
    ({"funding": ["lottery"]}, "funding[0]"),
    ({"target_groups": ["aliens"]}, "target_groups[0]"),
    ({"url": "www.example.fi"}, "url"),
    ({"contact": {"name": "A", "email": "not-an-email"}}, "contact.email"),
    ({"contact": {"name": "A"}}, "contact.email"),
    ({"contact": {"name": "A", "email": "a@example.fi", "fax": "1"}}, "contact.fax"),
    ({"provider": {"name": "Testiopisto", "business_id": "1015428-2"}}, "provider.business_id"),
    ({"provider": {"name": "Tuntematon opisto"}}, "provider"),
    ({"keywords": ["a|b"]}, "keywords[0]"),
    ({"extra": [1, 2]}, "extra"),
    ({"colour": "blue"}, "colour"),
    ({"level": None}, "level"),
]


@pytest.mark.parametrize(("override", "field"), BAD_LINES)
def test_import__rejects_bad_value__with_line_and_field(
    provider: Any, tmp_path: Path, override: dict[str, Any], field: str
) -> None:
    errors = _errors(tmp_path, offering_line(1), offering_line(2, **override))
    assert (2, field) in errors


def test_import__rejects_missing_required_keys(provider: Any, tmp_path: Path) -> None:
    line = offering_line(1)
    del line["start"], line["modes"]
    assert set(_errors(tmp_path, line)) == {(1, "start"), (1, "modes")}


def test_import__rejects_invalid_json_and_non_objects(provider: Any, tmp_path: Path) -> None:
    errors = _errors(tmp_path, offering_line(1), "{not json", "[1, 2]")
    assert [line for line, _field in errors] == [2, 3]


def test_import__rejects_duplicate_provider_and_id(provider: Any, tmp_path: Path) -> None:
    assert _errors(tmp_path, offering_line(1), offering_line(1)) == [(2, "id")]


def test_import__collects_errors_of_every_line(provider: Any, tmp_path: Path) -> None:
    lines = [offering_line(n, type="x") if n % 2 else offering_line(n) for n in range(1, 11)]
    assert [line for line, _field in _errors(tmp_path, *lines)] == [1, 3, 5, 7, 9]


def test_import__thousand_lines_with_one_broken__reports_it_then_imports_fixed(
    provider: Any, tmp_path: Path
) -> None:
    lines = [offering_line(n) for n in range(1, 1001)]
    lines[736]["start"] = "2027-13-01"
    assert _errors(tmp_path, *lines) == [(737, "start")]
    lines[736]["start"] = "2027-03-01"
    result = offerings_import(path=jsonl_write(tmp_path / "fixed.jsonl", lines))
    assert result.counts["created"] == 1000
    assert Offering.objects.count() == 1000


def test_import__unknown_provider__created_only_when_allowed(provider: Any, tmp_path: Path) -> None:
    path = jsonl_write(tmp_path / "o.jsonl", [offering_line(1, provider="Uusi Opisto Oy")])
    with pytest.raises(ValidationFailed):
        offerings_import(path=path)
    result = offerings_import(path=path, create_providers=True)
    assert result.providers_created == ["Uusi Opisto Oy"]
    assert Offering.objects.get().provider.roles.filter(kind="education_provider").exists()
