from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jatkumo.core.errors import ValidationFailed
from jatkumo.taxonomy.importers.esco import esco_import
from jatkumo.taxonomy.models import Concept, ImportRun, Label, Relation

from .builders import DEBUG, ISCO, OCC, PYTHON, esco_dir, write_csv

pytestmark = pytest.mark.django_db


def _db_state() -> tuple[list[tuple], list[tuple], list[tuple]]:
    return (
        sorted(Concept.objects.values_list("uri", "description", "source")),
        sorted(Label.objects.values_list("concept__uri", "language", "kind", "text")),
        sorted(Relation.objects.values_list("subject__uri", "kind", "object__uri")),
    )


def test_esco_import__loads_two_languages__with_labels_relations_and_descriptions(
    tmp_path: Path,
) -> None:
    summary = esco_import(directory=esco_dir(tmp_path / "ESCO dataset - v1.2.0 - csv"))

    occupation = Concept.objects.get(uri=OCC)
    assert (occupation.scheme, occupation.code, occupation.source) == (
        "esco_occupation",
        "2512.1",
        "esco-1.2.0",
    )
    assert occupation.description == {"en": "Writes software.", "fi": "Kirjoittaa ohjelmia."}
    assert set(occupation.labels.filter(language="fi").values_list("kind", "text")) == {
        ("preferred", "ohjelmistokehittäjä"),
        ("alternative", "ohjelmoija"),
        ("alternative", "koodari"),
    }
    assert Label.objects.get(concept=occupation, text="software developer").normalized == (
        "software developer"
    )
    assert Concept.objects.get(uri=PYTHON).skill_type == "knowledge"
    assert Concept.objects.get(uri=DEBUG).skill_type == "skill"
    assert Concept.objects.get(uri=ISCO["2512"]).code == "2512"
    assert set(Relation.objects.filter(subject__uri=OCC).values_list("kind", "object__uri")) == {
        ("broader", ISCO["2512"])
    }
    assert set(Relation.objects.filter(object__uri=OCC).values_list("subject__uri", "kind")) == {
        (PYTHON, "essential_for"),
        (DEBUG, "optional_for"),
    }
    assert Relation.objects.filter(subject__uri=DEBUG, kind="related", object__uri=PYTHON).exists()
    assert summary.created == Concept.objects.count() + Label.objects.count() + (
        Relation.objects.count()
    )
    assert ImportRun.objects.get().languages == "en,fi"


def test_esco_import__second_run__creates_nothing_and_reports_all_unchanged(
    tmp_path: Path,
) -> None:
    directory = esco_dir(tmp_path)
    first = esco_import(directory=directory)

    second = esco_import(directory=directory)

    assert (second.created, second.updated, second.deleted) == (0, 0, 0)
    assert second.unchanged == first.created


def test_esco_import__reimport_of_one_language__replaces_only_that_languages_labels(
    tmp_path: Path,
) -> None:
    directory = esco_dir(tmp_path)
    esco_import(directory=directory)
    english_before = set(Label.objects.filter(language="en").values_list("concept", "text"))
    head = ["conceptUri", "preferredLabel", "altLabels", "description"]
    write_csv(
        directory / "occupations_fi.csv",
        head,
        [[OCC, "ohjelmistokehittäjä", "ohjelmoija\nsovelluskehittäjä", "Uusi kuvaus."]],
    )

    summary = esco_import(directory=directory, languages=["fi"])

    assert set(Label.objects.filter(concept__uri=OCC, language="fi").values_list("text")) == {
        ("ohjelmistokehittäjä",),
        ("ohjelmoija",),
        ("sovelluskehittäjä",),
    }
    assert set(Label.objects.filter(language="en").values_list("concept", "text")) == (
        english_before
    )
    assert Concept.objects.get(uri=OCC).description == {
        "en": "Writes software.",
        "fi": "Uusi kuvaus.",
    }
    assert summary.details["counts"]["labels"]["created"] == 1
    assert summary.details["counts"]["labels"]["deleted"] == 1
    assert summary.details["counts"]["concepts"]["updated"] == 1


def test_esco_import__rejects_missing_column__and_changes_nothing(tmp_path: Path) -> None:
    directory = esco_dir(tmp_path)
    esco_import(directory=directory)
    before = _db_state()
    write_csv(
        directory / "occupationSkillRelations_en.csv",
        ["occupationUri", "skillUri"],
        [[OCC, PYTHON]],
    )
    write_csv(directory / "skills_fi.csv", ["conceptUri", "preferredLabel"], [[PYTHON, "Uusi"]])

    with pytest.raises(ValidationFailed) as failure:
        esco_import(directory=directory)

    errors = [(e.source, e.line, e.field) for e in failure.value.details]
    assert ("occupationSkillRelations_en.csv", 1, "relationType") in errors
    assert _db_state() == before


def test_esco_import__rejects_broken_row__with_the_line_where_the_record_starts(
    tmp_path: Path,
) -> None:
    directory = esco_dir(tmp_path, languages=("en",))
    head = ["conceptUri", "preferredLabel", "altLabels"]
    write_csv(
        directory / "occupations_en.csv",
        head,
        [
            [OCC, "software developer", "programmer\ncoder\nhacker"],  # lines 2-4
            ["ftp://example.org/x", "bad URI", ""],  # line 5
            ["http://example.org/y", "", "empty\npreferred"],  # lines 6-7
            ["http://example.org/z", "ok"],  # line 8: too few fields
        ],
    )

    with pytest.raises(ValidationFailed) as failure:
        esco_import(directory=directory)

    assert [(e.source, e.line, e.field) for e in failure.value.details] == [
        ("occupations_en.csv", 5, "conceptUri"),
        ("occupations_en.csv", 6, "preferredLabel"),
        ("occupations_en.csv", 8, ""),
    ]
    assert "occupations_en.csv:5: conceptUri" in failure.value.report()
    assert Concept.objects.count() == Label.objects.count() == 0


def test_esco_import__rejects_relation_to_unknown_concept__and_changes_nothing(
    tmp_path: Path,
) -> None:
    directory = esco_dir(tmp_path, languages=("en",))
    unknown = "http://data.europa.eu/esco/skill/nowhere"
    write_csv(
        directory / "occupationSkillRelations_en.csv",
        ["occupationUri", "relationType", "skillUri"],
        [[OCC, "essential", PYTHON], [OCC, "sometimes", DEBUG], [OCC, "optional", unknown]],
    )

    with pytest.raises(ValidationFailed) as failure:
        esco_import(directory=directory)

    assert [(e.line, e.field) for e in failure.value.details] == [
        (3, "relationType"),
        (4, "skillUri"),
    ]
    assert unknown in failure.value.details[1].message
    assert Concept.objects.count() == Relation.objects.count() == 0


def test_esco_import__reads_gzip_files(tmp_path: Path) -> None:
    esco_import(directory=esco_dir(tmp_path, languages=("fi",), gz=True), version="1.1.1")

    assert Concept.objects.get(uri=OCC).source == "esco-1.1.1"
    assert Label.objects.filter(language="fi").count() > 0


def test_taxonomy_command__import_esco__prints_the_summary(tmp_path: Path) -> None:
    out = StringIO()

    call_command(
        "taxonomy",
        "import-esco",
        str(esco_dir(tmp_path)),
        "--lang",
        "en",
        "--no-progress",
        stdout=out,
    )

    assert "esco (esco): created" in out.getvalue()
    assert not Label.objects.filter(language="fi").exists()


def test_taxonomy_command__import_esco__fails_with_the_error_report_on_bad_input(
    tmp_path: Path,
) -> None:
    directory = esco_dir(tmp_path, languages=("en",))
    write_csv(directory / "skills_en.csv", ["conceptUri"], [[PYTHON]])

    with pytest.raises(CommandError, match=r"skills_en.csv:1: preferredLabel"):
        call_command("taxonomy", "import-esco", str(directory), "--no-progress")
    assert not Concept.objects.exists()
