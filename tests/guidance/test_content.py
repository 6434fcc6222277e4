"""The bundled guidance content validates, loads idempotently and covers every funding code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from jatkumo.catalogue.models import Funding
from jatkumo.core.errors import ValidationFailed
from jatkumo.guidance.content import guidance_load_content
from jatkumo.guidance.models import FundingInstrument, GlossaryTerm, InstrumentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copytree(settings.BUNDLED_DATA_DIR / "guidance", tmp_path / "guidance")
    return tmp_path


def _edit(data_dir: Path, name: str, change) -> None:
    path = data_dir / "guidance" / name
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def test_content__loads_and_a_second_run_changes_nothing():
    first = guidance_load_content(data_dir=settings.BUNDLED_DATA_DIR)
    second = guidance_load_content(data_dir=settings.BUNDLED_DATA_DIR)

    assert first["instruments_created"] >= 15
    assert first["terms_created"] >= 40
    assert second["instruments_created"] == second["terms_created"] == 0
    assert second["instruments_updated"] == second["terms_updated"] == 0
    assert second["instruments_unchanged"] == first["instruments_created"]
    assert GlossaryTerm.objects.count() == first["terms_created"]


def test_content__every_interchange_funding_code_has_an_instrument():
    guidance_load_content(data_dir=settings.BUNDLED_DATA_DIR)

    codes = set(FundingInstrument.objects.values_list("code", flat=True))
    assert set(Funding.values) <= codes


def test_content__every_text_is_in_finnish_swedish_and_english():
    guidance_load_content(data_dir=settings.BUNDLED_DATA_DIR)

    for instrument in FundingInstrument.objects.all():
        for name in ("name", "summary", "explanation", "who_for", "cost", "how_to_apply"):
            assert all(getattr(instrument, f"{name}_{lang}") for lang in ("fi", "sv", "en"))
    for term in GlossaryTerm.objects.all():
        assert all(getattr(term, f"explanation_{lang}") for lang in ("fi", "sv", "en"))


def test_content__shows_that_instruments_change():
    guidance_load_content(data_dir=settings.BUNDLED_DATA_DIR)

    allowance = FundingInstrument.objects.get(code="aikuiskoulutustuki")
    assert allowance.status == InstrumentStatus.ENDED
    assert str(allowance.valid_until) == "2024-07-31"
    assert FundingInstrument.objects.get(code="yhteishankinta").status == "changing"
    assert set(
        FundingInstrument.objects.get(code="yhteishankinta").related.values_list("code", flat=True)
    ) >= {"rekrykoulutus", "tasmakoulutus", "muutoskoulutus"}


def test_content__an_edited_text_updates_only_that_row(data_dir):
    guidance_load_content(data_dir=data_dir)

    def rename(document):
        document["instruments"][0]["name"]["en"] = "JOTPA training, renamed"

    _edit(data_dir, "funding.json", rename)
    counts = guidance_load_content(data_dir=data_dir)

    assert counts["instruments_updated"] == 1
    assert FundingInstrument.objects.get(code="jotpa").name_en == "JOTPA training, renamed"


@pytest.mark.parametrize(
    ("name", "change", "field"),
    [
        ("funding.json", lambda d: d["instruments"][1]["summary"].pop("sv"), "summary.sv"),
        ("funding.json", lambda d: d["instruments"][1].update(code="jotpa"), "code"),
        ("funding.json", lambda d: d["instruments"][1].update(valid_from="1.1.2025"), "valid_from"),
        ("funding.json", lambda d: d["instruments"][1].update(status="maybe"), "status"),
        ("glossary.json", lambda d: d["terms"][0]["term"].update(en=""), "term.en"),
        ("glossary.json", lambda d: d["terms"][0].update(related=["no-such-term"]), "related"),
    ],
)
def test_content__rejects_bad_content_and_writes_nothing(data_dir, name, change, field):
    _edit(data_dir, name, change)

    with pytest.raises(ValidationFailed) as error:
        guidance_load_content(data_dir=data_dir)

    assert field in {detail.field for detail in error.value.details}
    assert FundingInstrument.objects.count() == 0
    assert GlossaryTerm.objects.count() == 0


def test_content__requires_an_instrument_for_each_funding_code(data_dir):
    def drop(document):
        document["instruments"] = [i for i in document["instruments"] if i["code"] != "esr"]
        for item in document["instruments"]:
            item["related"] = [code for code in item["related"] if code != "esr"]

    _edit(data_dir, "funding.json", drop)
    _edit(data_dir, "glossary.json", lambda d: [t.update(instruments=[]) for t in d["terms"]])

    with pytest.raises(ValidationFailed) as error:
        guidance_load_content(data_dir=data_dir)

    assert any("esr" in detail.message for detail in error.value.details)
