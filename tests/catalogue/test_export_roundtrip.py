"""Export → import is lossless: every key of an imported line comes back with the same value."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from openpyxl import load_workbook

from jatkumo.catalogue.demo import DEMO_FILE
from jatkumo.catalogue.importers.csv import CSV_COLUMNS
from jatkumo.catalogue.models import Offering
from jatkumo.catalogue.services import offerings_import
from jatkumo.taxonomy.models import Industry, Region
from tests.catalogue.factories import catalogue_codes_create, jsonl_write, offering_line
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

EDGE = offering_line(
    7,
    provider={"name": "Testiopisto", "business_id": "1015428-1"},
    title={"fi": "Hitsaus", "sv": "Svetsning", "en": "Welding"},
    description={"fi": 'Rivi 1.\n\nRivi 2, "lainaus"; puolipiste.', "en": "Two\nlines"},
    type="micro_credential",
    level="vocational_further",
    credits={"value": 2.5, "unit": "op"},
    modes=["blended", "workplace"],
    languages=["en", "fi"],
    municipalities=["837", "536"],
    start="continuous",
    duration_weeks=0.5,
    price_eur=0,
    funding=["jotpa", "employer_paid"],
    target_groups=["employed", "sme"],
    industries=["C", "F"],
    keywords=["MIG/MAG", "hitsaus, TIG", "välimerkit: ä ö å"],
    url="https://www.example.fi/hitsaus?x=1&y=2",
    contact={
        "name": "Esimerkki Henkilö",
        "email": "hitsaus@example.fi",
        "phone": "+358 40 123 4567",
    },
    extra={"source_id": 42, "tags": ["a", "b"], "nested": {"ok": True, "n": None}},
)


def _export(fmt: str, tmp_path: Path) -> Path:
    path = tmp_path / f"export.{fmt}"
    call_command(
        "export", "offerings", "--format", fmt, "--output", str(path), stdout=io.StringIO()
    )
    return path


def _same(original: list[dict[str, Any]], exported: list[dict[str, Any]]) -> None:
    by_key = {(r["provider"]["name"], r["id"]): r for r in exported}
    for line in original:
        back = by_key[(line["provider"]["name"], line["id"])]
        assert {key: back.get(key) for key in line} == line


@pytest.fixture
def provider() -> Any:
    catalogue_codes_create()
    return OrganisationFactory.create_provider(name_fi="Testiopisto", business_id="1015428-1")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_roundtrip__edge_line_comes_back_unchanged(provider: Any, tmp_path: Path, fmt: str) -> None:
    lines = [EDGE, offering_line(8, credits={"value": 0, "unit": "hours"})]
    offerings_import(path=jsonl_write(tmp_path / "in.jsonl", lines))
    exported = _export(fmt, tmp_path)
    assert offerings_import(path=exported).counts["unchanged"] == 2
    records = [json.loads(x) for x in _export("jsonl", tmp_path).read_text().splitlines()]
    _same(lines, records)


def test_roundtrip__demo_file_jsonl_and_csv(tmp_path: Path) -> None:
    demo = settings.BUNDLED_DATA_DIR / DEMO_FILE
    lines = [json.loads(text) for text in demo.read_text(encoding="utf-8").splitlines()]
    for code in {m for line in lines for m in line["municipalities"]}:
        Region.objects.create(code=code, level="municipality", name=code)
    for code in {i for line in lines for i in line.get("industries", [])}:
        Industry.objects.create(code=code, name=code)
    assert offerings_import(path=demo, create_providers=True).counts["created"] == len(lines)
    for fmt in ("jsonl", "csv"):
        assert offerings_import(path=_export(fmt, tmp_path)).counts["unchanged"] == len(lines)
    records = [json.loads(x) for x in _export("jsonl", tmp_path).read_text().splitlines()]
    _same(lines, records)


def test_export__xlsx_opens_with_the_csv_columns_and_rows(provider: Any, tmp_path: Path) -> None:
    offerings_import(path=jsonl_write(tmp_path / "in.jsonl", [EDGE, offering_line(9)]))
    sheet = load_workbook(_export("xlsx", tmp_path), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == 3
    edge = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert (edge["credits_value"], edge["title_sv"], edge["modes"]) == (
        2.5,
        "Svetsning",
        "blended|workplace",
    )


def test_export__stdout_and_status_filter(provider: Any, tmp_path: Path) -> None:
    offerings_import(path=jsonl_write(tmp_path / "in.jsonl", [offering_line(1)]), publish=True)
    offerings_import(path=jsonl_write(tmp_path / "in2.jsonl", [offering_line(2)]))
    out = io.StringIO()
    call_command("export", "offerings", "--status", "published", stdout=out)
    assert [json.loads(x)["id"] for x in out.getvalue().splitlines()] == ["T-00001"]
    assert Offering.objects.count() == 2
