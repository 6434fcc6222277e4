from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings

from jatkumo.taxonomy.bundled import taxonomy_load_bundled
from jatkumo.taxonomy.importers.esco import esco_plan_read
from jatkumo.taxonomy.models import Concept, Industry, Region

from .builders import ENGLISH_YSO, esco_dir, write_csv, yso_file
from .test_statfi import REGION_HEAD, REGION_ROWS

pytestmark = pytest.mark.django_db


def _tiny_bundle(root: Path) -> Path:
    esco_dir(root / "esco", languages=("en",), gz=True)
    yso_file(root / "yso" / "yso-en.tsv.gz", ENGLISH_YSO)
    classifications = root / "classifications"
    write_csv(classifications / "regionkey.csv", REGION_HEAD, REGION_ROWS)
    head = ["code", "name_fi", "name_sv", "name_en"]
    write_csv(
        classifications / "tol2008_sections.csv",
        head,
        [["C", "Teollisuus", "Tillverkning", "Manufacturing"]],
    )
    write_csv(
        classifications / "education_fields.csv",
        head,
        [["07", "Tekniikan alat", "Teknik", "Engineering"]],
    )
    write_csv(
        classifications / "ammattiluokitus2010_level4_fi.csv",
        ["code", "name_fi"],
        [["2512", "Sovellussuunnittelijat"]],
    )
    return root


def test_taxonomy_load_bundled__loads_everything_once__and_skips_unchanged_input(
    tmp_path: Path,
) -> None:
    data_dir = _tiny_bundle(tmp_path)
    first_out, second_out = StringIO(), StringIO()

    first = taxonomy_load_bundled(data_dir=data_dir, progress=False, stdout=first_out)
    second = taxonomy_load_bundled(data_dir=data_dir, progress=False, stdout=second_out)

    assert [s.importer for s in first] == [
        "statfi-regions",
        "statfi-industries",
        "statfi-education-fields",
        "esco",
        "statfi-occupations",
        "yso",
    ]
    assert len(first_out.getvalue().splitlines()) == 6
    assert Region.objects.count() == 6
    assert Industry.objects.count() == 1
    assert Concept.objects.get(code="2512").labels.filter(language="fi").exists()
    assert all(summary.skipped for summary in second)


@pytest.mark.skipif(not (settings.BUNDLED_DATA_DIR / "esco").is_dir(), reason="no bundled data")
def test_bundled_esco_files__parse_and_validate_without_errors() -> None:
    # Validation only (no writing): the shipped files must load with the ESCO importer.
    plan = esco_plan_read(directory=settings.BUNDLED_DATA_DIR / "esco", languages=["en"])

    assert len(plan.concepts) > 15_000
    assert len(plan.relations) > 100_000
