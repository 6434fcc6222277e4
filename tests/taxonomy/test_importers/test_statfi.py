from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jatkumo.core.errors import ValidationFailed
from jatkumo.taxonomy.importers.statfi import (
    education_fields_import,
    industries_import,
    occupation_names_import,
    regions_import,
)
from jatkumo.taxonomy.models import Concept, EducationField, Industry, Label, Region

from .builders import write_csv

pytestmark = pytest.mark.django_db

REGION_HEAD = [
    "kunta_name",
    "seutukunta_name",
    "maakunta_name",
    "kunta_code",
    "seutukunta_code",
    "maakunta_code",
]
REGION_ROWS = [
    ["Tampere", "Tampere", "Pirkanmaa", "KU837", "SK064", "MK06"],
    ["Nokia", "Tampere", "Pirkanmaa", "KU536", "SK064", "MK06"],
    ["Akaa", "Etelä-Pirkanmaa", "Pirkanmaa", "KU020", "SK063", "MK06"],
]


def test_regions_import__builds_municipality_sub_region_region_chain(tmp_path: Path) -> None:
    summary = regions_import(path=write_csv(tmp_path / "regionkey.csv", REGION_HEAD, REGION_ROWS))

    tampere = Region.objects.get(code="837")
    assert (tampere.name_fi, tampere.level) == ("Tampere", "municipality")
    assert (tampere.parent.code, tampere.parent.level) == ("SK064", "sub_region")
    assert (tampere.parent.parent.code, tampere.parent.parent.name_fi) == ("MK06", "Pirkanmaa")
    assert Region.objects.get(code="020").parent.code == "SK063"
    assert summary.created == 6


def test_regions_import__second_run__reports_all_unchanged(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "regionkey.csv", REGION_HEAD, REGION_ROWS)
    regions_import(path=path)

    summary = regions_import(path=path)

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 6)


def test_regions_import__rejects_a_bad_code__and_changes_nothing(tmp_path: Path) -> None:
    rows = [*REGION_ROWS, ["Orivesi", "Tampere", "Pirkanmaa", "562", "SK064", "MK06"]]

    with pytest.raises(ValidationFailed) as failure:
        regions_import(path=write_csv(tmp_path / "regionkey.csv", REGION_HEAD, rows))

    assert [(e.line, e.field) for e in failure.value.details] == [(5, "kunta_code")]
    assert not Region.objects.exists()


def test_occupation_names_import__adds_finnish_labels_to_isco_groups__skipping_totals(
    tmp_path: Path,
) -> None:
    isco = Concept.objects.create(
        uri="http://data.europa.eu/esco/isco/C7212", scheme="isco_group", code="7212", source="esco"
    )
    path = write_csv(
        tmp_path / "names.csv",
        ["code", "name_fi"],
        [
            ["SSS", "Yhteensä"],
            ["7212", "Hitsaajat ja kaasuleikkaajat"],
            ["X011", "Yrittäjät"],
            ["9999", "Ei ESCOssa"],
        ],
    )

    summary = occupation_names_import(path=path)

    label = Label.objects.get(concept=isco)
    assert (label.language, label.kind, label.text, label.source) == (
        "fi",
        "preferred",
        "Hitsaajat ja kaasuleikkaajat",
        "statfi-ammattiluokitus-2010",
    )
    assert summary.rejected == 3
    assert occupation_names_import(path=path).unchanged == 1


def test_industries_and_education_fields_import__store_names_in_three_languages(
    tmp_path: Path,
) -> None:
    head = ["code", "name_fi", "name_sv", "name_en"]
    industries_import(
        path=write_csv(
            tmp_path / "tol.csv", head, [["C", "Teollisuus", "Tillverkning", "Manufacturing"]]
        )
    )
    education_fields_import(
        path=write_csv(
            tmp_path / "fields.csv",
            head,
            [["07", "Tekniikan alat", "Teknik", "Engineering, manufacturing and construction"]],
        )
    )

    industry = Industry.objects.get(code="C")
    assert (industry.name_fi, industry.name_sv, industry.name_en) == (
        "Teollisuus",
        "Tillverkning",
        "Manufacturing",
    )
    assert EducationField.objects.get(code="07").name_sv == "Teknik"


def test_taxonomy_command__import_statfi_regions__prints_summary_or_fails_with_report(
    tmp_path: Path,
) -> None:
    out = StringIO()
    good = write_csv(tmp_path / "regionkey.csv", REGION_HEAD, REGION_ROWS)
    bad = write_csv(tmp_path / "bad.csv", REGION_HEAD[:-1], [row[:-1] for row in REGION_ROWS])

    call_command("taxonomy", "import-statfi", "regions", str(good), stdout=out)
    with pytest.raises(CommandError, match=r"bad\.csv:1: maakunta_code"):
        call_command("taxonomy", "import-statfi", "regions", str(bad))

    assert "created 6" in out.getvalue()
