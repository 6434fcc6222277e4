from __future__ import annotations

from pathlib import Path

import pytest

from jatkumo.core.errors import ValidationFailed
from jatkumo.taxonomy.importers.esco import esco_import
from jatkumo.taxonomy.importers.yso import yso_import
from jatkumo.taxonomy.models import Concept, Label, Relation

from .builders import OCC, PYTHON, esco_dir, yso_file

pytestmark = pytest.mark.django_db

YSO = "http://www.yso.fi/onto/yso/"
ENGLISH = {f"{YSO}p1": "software developers", f"{YSO}p2": "Python", f"{YSO}p3": "welding"}
FINNISH = {f"{YSO}p1": "ohjelmistokehittäjät", f"{YSO}p2": "Python", f"{YSO}p3": "hitsaus"}


def test_yso_import__loads_labels_per_language__and_aligns_to_esco(tmp_path: Path) -> None:
    esco_import(directory=esco_dir(tmp_path / "esco", languages=("en",)))

    summary = yso_import(
        paths=[
            yso_file(tmp_path / "yso-en.tsv", ENGLISH),
            yso_file(tmp_path / "yso-fi.tsv.gz", FINNISH),
        ]
    )

    assert Concept.objects.filter(scheme="yso").count() == 3
    assert Label.objects.get(concept__uri=f"{YSO}p3", language="fi").text == "hitsaus"
    assert set(
        Relation.objects.filter(kind="exact_match", source="yso-esco-alignment").values_list(
            "subject__uri", "object__uri"
        )
    ) == {
        (f"{YSO}p1", OCC),  # plural YSO term ~ singular ESCO occupation
        (f"{YSO}p2", PYTHON),
    }
    assert summary.details["aligned"] == 2


def test_yso_import__of_one_language_again__keeps_the_other_language_and_the_alignment(
    tmp_path: Path,
) -> None:
    esco_import(directory=esco_dir(tmp_path / "esco", languages=("en",)))
    yso_import(
        paths=[
            yso_file(tmp_path / "yso-en.tsv", ENGLISH),
            yso_file(tmp_path / "yso-fi.tsv", FINNISH),
        ]
    )

    summary = yso_import(
        paths=[yso_file(tmp_path / "finnish.tsv", {**FINNISH, f"{YSO}p3": "hitsaaminen"})],
        language="fi",
    )

    assert Label.objects.get(concept__uri=f"{YSO}p3", language="fi").text == "hitsaaminen"
    assert Label.objects.filter(language="en", source="yso").count() == 3
    assert Relation.objects.filter(kind="exact_match").count() == 2
    assert (summary.created, summary.deleted) == (1, 1)


def test_yso_import__rejects_a_malformed_line__and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "yso-sv.tsv"
    path.write_text(f"<{YSO}p1>\tsvetsning\nhttp://no-brackets\tx\n<{YSO}p2>\t\n", "utf-8")

    with pytest.raises(ValidationFailed) as failure:
        yso_import(paths=[path])

    assert [(e.source, e.line) for e in failure.value.details] == [
        ("yso-sv.tsv", 2),
        ("yso-sv.tsv", 3),
    ]
    assert not Concept.objects.exists()
