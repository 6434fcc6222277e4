from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from jatkumo.core.errors import ValidationFailed
from jatkumo.taxonomy.bundled import taxonomy_load_bundled
from jatkumo.taxonomy.importers.esco import esco_import
from jatkumo.taxonomy.importers.lexicon import lexicon_import
from jatkumo.taxonomy.models import CompanyTerm, Concept, ImportRun, Label
from tests.accounts.factories import UserFactory
from tests.taxonomy.test_importers.builders import DEBUG, OCC, PYTHON, esco_dir
from tests.taxonomy.test_importers.test_bundled import _tiny_bundle

pytestmark = pytest.mark.django_db

HEADER = "term\tlanguage\tconcept_uri\tnote\n"


def _lexicon(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text(header + "".join(f"{row}\n" for row in rows), "utf-8")
    return path


@pytest.fixture
def esco(tmp_path: Path) -> None:
    esco_import(directory=esco_dir(tmp_path / "esco", languages=("en",)))


def _company_terms() -> set[tuple[str, str, str, str]]:
    return set(CompanyTerm.objects.values_list("concept__uri", "language", "text", "source"))


def test_lexicon_import__loads_company_labels_with_normalised_text(
    tmp_path: Path, esco: None
) -> None:
    path = _lexicon(
        tmp_path / "ict.tsv",
        f"Koodari\tfi\t{OCC}\tcolloquial job title",
        f"koodaus\tfi\t{PYTHON}\tcolloquial",
        f"koodaus\tfi\t{DEBUG}\tcolloquial",
        f"programmerare\tsv\t{OCC}\tSwedish job title",
    )

    summary = lexicon_import(paths=[path])

    assert _company_terms() == {
        (OCC, "fi", "Koodari", "lexicon"),
        (PYTHON, "fi", "koodaus", "lexicon"),
        (DEBUG, "fi", "koodaus", "lexicon"),
        (OCC, "sv", "programmerare", "lexicon"),
    }
    assert Label.objects.get(text="Koodari").normalized == "koodari"
    assert Label.objects.get(text="Koodari").kind == "company"
    assert summary.created == 4
    assert ImportRun.objects.filter(importer="lexicon").count() == 1


def test_lexicon_import__again__changes_nothing__and_a_changed_file_is_a_diff(
    tmp_path: Path, esco: None
) -> None:
    first = _lexicon(tmp_path / "a.tsv", f"koodari\tfi\t{OCC}\tx", f"koodaus\tfi\t{PYTHON}\tx")
    lexicon_import(paths=[first])

    again = lexicon_import(paths=[first])
    changed = lexicon_import(
        paths=[_lexicon(tmp_path / "b.tsv", f"koodari\tfi\t{OCC}\tx", f"devaaja\tfi\t{OCC}\tx")]
    )

    assert (again.created, again.deleted, again.unchanged) == (0, 0, 2)
    assert (changed.created, changed.deleted) == (1, 1)
    assert {text for _uri, _lang, text, _src in _company_terms()} == {"koodari", "devaaja"}


def test_lexicon_import__keeps_terms_added_in_the_admin_and_labels_of_other_sources(
    tmp_path: Path, esco: None
) -> None:
    concept = Concept.objects.get(uri=OCC)
    Label.objects.create(
        concept=concept, language="fi", kind="company", text="softanikkari", source="admin"
    )
    esco_labels = Label.objects.filter(source="esco").count()
    path = _lexicon(tmp_path / "a.tsv", f"koodari\tfi\t{OCC}\tx")

    lexicon_import(paths=[path])
    lexicon_import(paths=[_lexicon(tmp_path / "empty.tsv", f"devaaja\tfi\t{OCC}\tx")])

    assert _company_terms() == {
        (OCC, "fi", "softanikkari", "admin"),
        (OCC, "fi", "devaaja", "lexicon"),
    }
    assert Label.objects.filter(source="esco").count() == esco_labels


@pytest.mark.parametrize(
    ("rows", "header", "expected"),
    [
        (
            [
                f"koodari\tfi\t{OCC}\tok",
                "hitsaaja\tfi\thttp://data.europa.eu/esco/occupation/x\tok",
            ],
            HEADER,
            [("a.tsv", 3, "concept_uri")],
        ),
        (
            [f"koodari\tfi\t{OCC}\tok", f"koodari\tde\t{OCC}\tok", f"\tfi\t{OCC}\tok"],
            HEADER,
            [("a.tsv", 3, "language"), ("a.tsv", 4, "term")],
        ),
        ([f"koodari\tfi\t{OCC}"], "term\tlanguage\tconcept_uri\n", [("a.tsv", 1, "note")]),
        ([f"koodari\tfi\t{OCC}", f"koodaus\tfi\t{PYTHON}\tok"], HEADER, [("a.tsv", 2, "")]),
    ],
    ids=["unknown-uri", "bad-language-and-empty-term", "missing-column", "field-count"],
)
def test_lexicon_import__rejects_bad_rows_with_line_numbers__and_changes_nothing(
    tmp_path: Path, esco: None, rows: list[str], header: str, expected: list[tuple[str, int, str]]
) -> None:
    lexicon_import(paths=[_lexicon(tmp_path / "before.tsv", f"devaaja\tfi\t{OCC}\tx")])

    with pytest.raises(ValidationFailed) as failure:
        lexicon_import(paths=[_lexicon(tmp_path / "a.tsv", *rows, header=header)])

    assert [(e.source, e.line, e.field) for e in failure.value.details] == expected
    assert _company_terms() == {(OCC, "fi", "devaaja", "lexicon")}
    assert ImportRun.objects.filter(importer="lexicon").count() == 1


def test_taxonomy_command__import_lexicon__reads_a_directory(
    tmp_path: Path, esco: None, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = tmp_path / "lexicon"
    directory.mkdir()
    _lexicon(directory / "ict.tsv", f"koodari\tfi\t{OCC}\tx")
    _lexicon(directory / "more.tsv", f"devaaja\tfi\t{OCC}\tx")

    call_command("taxonomy", "import-lexicon", str(directory), "--no-progress")

    assert "lexicon (lexicon): created 2" in capsys.readouterr().out
    assert CompanyTerm.objects.count() == 2


def test_company_term_admin__adds_a_term_with_source_admin_and_normalised_text(
    client, esco: None
) -> None:
    client.force_login(UserFactory.create_admin())
    concept = Concept.objects.get(uri=OCC)

    response = client.post(
        reverse("admin:taxonomy_companyterm_add"),
        {"text": "Softa  Devaaja", "language": "fi", "concept": concept.pk},
    )

    assert response.status_code == 302
    term = CompanyTerm.objects.get()
    assert (term.kind, term.source, term.normalized) == ("company", "admin", "softa devaaja")
    assert client.get(reverse("admin:taxonomy_companyterm_changelist")).status_code == 200


def test_company_term_admin__lists_only_company_language_labels(client, esco: None) -> None:
    client.force_login(UserFactory.create_admin())
    concept = Concept.objects.get(uri=OCC)
    Label.objects.create(
        concept=concept, language="fi", kind="company", text="koodari", source="lexicon"
    )

    response = client.get(reverse("admin:taxonomy_companyterm_changelist"))

    html = response.content.decode()
    assert "koodari" in html
    assert "software developer" not in html


def test_taxonomy_load_bundled__loads_the_lexicon_after_esco_and_yso__once(tmp_path: Path) -> None:
    data_dir = _tiny_bundle(tmp_path)
    (data_dir / "lexicon").mkdir()
    _lexicon(data_dir / "lexicon" / "ict.tsv", f"koodari\tfi\t{OCC}\tx")

    first = taxonomy_load_bundled(data_dir=data_dir, progress=False, stdout=StringIO())
    second = taxonomy_load_bundled(data_dir=data_dir, progress=False, stdout=StringIO())

    assert [s.importer for s in first][-3:] == ["statfi-occupations", "yso", "lexicon"]
    assert second[-1].skipped
    assert _company_terms() == {(OCC, "fi", "koodari", "lexicon")}
