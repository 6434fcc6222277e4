"""`jatkumo import needs FILE.jsonl`: validation by line and field, nothing written on error,
re-import updates, cases with the matcher's unmet flag."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from jatkumo.broker import matching
from jatkumo.broker.models import Case, Need, NeedOrigin
from tests.broker.registry_factories import regions_create
from tests.catalogue.factories import jsonl_write
from tests.conftest import ToyTaxonomy

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "STAMP_TTL", 0)
    matching.match_index_reset()


def need_line(n: int = 1, **overrides: Any) -> dict[str, Any]:
    line: dict[str, Any] = {
        "id": f"N-{n:03d}",
        "text": "Tarvitaan kaksi hitsaajaa, TIG-hitsaus tutuksi.",
        "language": "fi",
        "company": {"name": "Konepaja Oy", "business_id": "1572860-0", "size": "small"},
        "industry": "C",
        "municipality": "837",
        "headcount": 2,
        "needed_by": "2026-05-31",
        "preferences": {"modes": ["workplace"], "languages": ["fi"], "max_price_eur": 2000},
    }
    line.update(overrides)
    return line


def _import(path: Path, *args: str) -> str:
    import io

    out = io.StringIO()
    call_command("import", "needs", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def codes(toy_taxonomy: ToyTaxonomy) -> ToyTaxonomy:
    regions_create()
    return toy_taxonomy


def test_import_needs__rejects_bad_lines_with_line_and_field_and_writes_nothing(
    tmp_path: Path, codes: ToyTaxonomy
):
    bad_company = {"name": "X", "business_id": "1572860-1", "size": "huge"}
    path = jsonl_write(
        tmp_path / "needs.jsonl",
        [
            need_line(1),
            need_line(2, text=""),
            need_line(3, industry="Ö", municipality="999", colour="red"),
            need_line(4, company=bad_company, needed_by="31.5.2026"),
            need_line(5, language="de", headcount="two", preferences={"modes": "online"}),
            "{not json",
            need_line(1),
        ],
    )
    with pytest.raises(CommandError) as error:
        _import(path)
    report = str(error.value)
    for expected in (
        "needs.jsonl:2: text",
        "needs.jsonl:3: industry",
        "needs.jsonl:3: municipality",
        "needs.jsonl:3: colour",
        "needs.jsonl:4: company.business_id",
        "needs.jsonl:4: company.size",
        "needs.jsonl:4: needed_by",
        "needs.jsonl:5: language",
        "needs.jsonl:5: headcount",
        "needs.jsonl:5: preferences.modes",
        "needs.jsonl:6",
        "needs.jsonl:7: id",
    ):
        assert expected in report
    assert Need.objects.count() == 0
    assert Case.objects.count() == 0


def test_import_needs__missing_id_and_text_are_required(tmp_path: Path, codes: ToyTaxonomy):
    path = jsonl_write(tmp_path / "needs.jsonl", [{"language": "fi"}])
    with pytest.raises(CommandError) as error:
        _import(path)
    assert "needs.jsonl:1: id: " in str(error.value)
    assert "needs.jsonl:1: text: " in str(error.value)


def test_import_needs__extra_is_accepted(tmp_path: Path, codes: ToyTaxonomy):
    path = jsonl_write(tmp_path / "needs.jsonl", [need_line(1, extra={"crm": "A-17"})])
    assert "created 1" in _import(path, "--dry-run")
    assert Need.objects.count() == 0


def test_import_needs__extra_is_kept_and_a_changed_extra_is_an_update(
    tmp_path: Path, codes: ToyTaxonomy
):
    path = jsonl_write(tmp_path / "needs.jsonl", [need_line(1, extra={"crm": "A-17"})])
    _import(path)
    assert Need.objects.get(external_id="N-001").extra == {"crm": "A-17"}

    jsonl_write(path, [need_line(1, extra={"crm": "A-18", "owner": "Liisa"})])
    assert "updated 1" in _import(path)
    assert Need.objects.get(external_id="N-001").extra == {"crm": "A-18", "owner": "Liisa"}


def test_import_needs__creates_needs_and_cases_then_reimport_updates(
    tmp_path: Path, codes: ToyTaxonomy
):
    path = jsonl_write(tmp_path / "needs.jsonl", [need_line(1), need_line(2, text="Lähihoitajia")])
    summary = _import(path)
    assert "created 2" in summary
    need = Need.objects.get(external_id="N-001")
    assert need.origin == NeedOrigin.IMPORT
    assert need.company_business_id == "1572860-0"
    assert need.preferences["modes"] == ["workplace"]
    assert need.understood["skills"] is not None
    assert Case.objects.count() == 2
    assert not need.case.routings.exists()  # routed only with --submit

    jsonl_write(path, [need_line(1, headcount=5), need_line(2, text="Lähihoitajia")])
    summary = _import(path)
    assert "created 0, updated 1, unchanged 1" in summary
    assert Need.objects.count() == 2
    assert Need.objects.get(external_id="N-001").headcount == 5
    assert Case.objects.count() == 2


def test_import_needs__flags_unmet_when_nothing_is_offered(tmp_path: Path, codes: ToyTaxonomy):
    path = jsonl_write(tmp_path / "needs.jsonl", [need_line(1)])
    _import(path, "--submit")
    case = Case.objects.get()
    assert case.unmet is True  # the catalogue is empty
    assert case.need.submitted_at is not None
