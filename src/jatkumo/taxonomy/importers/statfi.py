"""Statistics Finland classifications → regions, Finnish ISCO-08 names, industries, fields.

- regions: `regionkey.csv` (kunta_name, seutukunta_name, maakunta_name, kunta_code `KU837`,
  seutukunta_code `SK064`, maakunta_code `MK06`) → `Region` rows municipality → sub-region → region,
  municipality codes without the `KU` prefix (the official three digits, "837").
- occupations: Ammattiluokitus 2010 level-4 names (`code,name_fi`) → Finnish preferred labels on
  the ISCO-08 group concepts with the same code (Ammattiluokitus 2010 = ISCO-08 at level 4).
- industries / education fields: `code,name_fi,name_sv,name_en` → `Industry` / `EducationField`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.taxonomy.importers.plan import ImportPlan, ImportSummary, LabelRow, LabelScope
from jatkumo.taxonomy.importers.tabular import read_records
from jatkumo.taxonomy.models import (
    Concept,
    EducationField,
    Industry,
    LabelKind,
    RegionLevel,
    Scheme,
)
from jatkumo.taxonomy.services import (
    NamedCodeRow,
    RegionRow,
    named_codes_apply,
    regions_apply,
    taxonomy_plan_apply,
)

REGIONS_SOURCE = "statfi-regions"
OCCUPATIONS_SOURCE = "statfi-ammattiluokitus-2010"
CODE_PATTERNS = {
    "kunta_code": re.compile(r"^KU(\d{3})$"),
    "seutukunta_code": re.compile(r"^SK\d{3}$"),
    "maakunta_code": re.compile(r"^MK\d{2}$"),
}
LANGUAGES = ("fi", "sv", "en")


def _fail(what: str, path: Path, errors: list[RowError]) -> None:
    if errors:
        raise ValidationFailed(
            f"{what} import from {path.name} rejected: {len(errors)} problem(s); "
            "nothing was written.",
            errors,
        )


def _region_rows(path: Path) -> list[RegionRow]:
    errors: list[RowError] = []
    levels: dict[str, dict[str, RegionRow]] = {level: {} for level in RegionLevel.values}
    for record in read_records(
        path,
        required=[*CODE_PATTERNS, "kunta_name", "seutukunta_name", "maakunta_name"],
        errors=errors,
    ):
        codes = {column: record.get(column) for column in CODE_PATTERNS}
        bad = [c for c, pattern in CODE_PATTERNS.items() if not pattern.match(codes[c])]
        bad += [c for c in ("kunta_name", "seutukunta_name", "maakunta_name") if not record.get(c)]
        for column in bad:
            errors.append(
                RowError(
                    f"invalid or empty: {record.get(column)!r}",
                    source=path.name,
                    line=record.line,
                    field=column,
                )
            )
        if bad:
            continue
        region, sub_region = codes["maakunta_code"], codes["seutukunta_code"]
        municipality = codes["kunta_code"][2:]
        rows = (
            RegionRow(region, RegionLevel.REGION, record.get("maakunta_name")),
            RegionRow(sub_region, RegionLevel.SUB_REGION, record.get("seutukunta_name"), region),
            RegionRow(municipality, RegionLevel.MUNICIPALITY, record.get("kunta_name"), sub_region),
        )
        for row in rows:
            known = levels[row.level].setdefault(row.code, row)
            if known != row:
                errors.append(
                    RowError(
                        f"{row.code} is given twice with a different name or parent",
                        source=path.name,
                        line=record.line,
                    )
                )
    _fail("Regions", path, errors)
    return [row for level in RegionLevel.values[::-1] for row in levels[level].values()]


def regions_import(*, path: Path, progress: bool = False) -> ImportSummary:
    """Validate `regionkey.csv` completely, then create or update the region hierarchy."""
    rows = _region_rows(path)
    return regions_apply(rows=rows, source=REGIONS_SOURCE, location=str(path))


def occupation_names_plan_read(*, path: Path) -> ImportPlan:
    """Ammattiluokitus 2010 `code,name_fi` → a plan of Finnish labels on ISCO-08 groups."""
    errors: list[RowError] = []
    plan = ImportPlan(
        importer="statfi-occupations",
        concept_source=OCCUPATIONS_SOURCE,
        label_source=OCCUPATIONS_SOURCE,
        relation_source=OCCUPATIONS_SOURCE,
        location=str(path),
        label_scopes={LabelScope("fi", frozenset({Scheme.ISCO_GROUP.value}))},
    )
    isco = dict(Concept.objects.filter(scheme=Scheme.ISCO_GROUP).values_list("code", "uri"))
    rejected: Counter[str] = Counter()
    for record in read_records(path, required=["code", "name_fi"], errors=errors):
        code, name = record.get("code"), record.get("name_fi")
        if code == "SSS" or code.startswith("X"):
            rejected["total or unknown-occupation code (SSS, X...), not an occupation"] += 1
        elif not re.fullmatch(r"\d{4}", code):
            errors.append(
                RowError(
                    f"not a 4-digit code: {code!r}",
                    source=path.name,
                    line=record.line,
                    field="code",
                )
            )
        elif not name or len(name) > 500:
            errors.append(
                RowError(
                    "empty or over 500 characters",
                    source=path.name,
                    line=record.line,
                    field="name_fi",
                )
            )
        elif code not in isco:
            rejected["no ISCO-08 group with this code in the database"] += 1
        else:
            plan.labels.add(LabelRow(isco[code], "fi", LabelKind.PREFERRED, name))
    if not isco:
        errors.append(
            RowError("no ISCO-08 groups in the database: import ESCO first", source=path.name)
        )
    _fail("Ammattiluokitus", path, errors)
    plan.rejected = rejected
    return plan


def occupation_names_import(*, path: Path, progress: bool = False) -> ImportSummary:
    """Validate Ammattiluokitus 2010 names, then replace their Finnish labels on ISCO groups."""
    plan = occupation_names_plan_read(path=path)
    return taxonomy_plan_apply(plan=plan, progress=progress)


def _named_code_rows(path: Path, code_pattern: str) -> list[NamedCodeRow]:
    errors: list[RowError] = []
    rows: dict[str, NamedCodeRow] = {}
    columns = [f"name_{language}" for language in LANGUAGES]
    for record in read_records(path, required=["code", *columns], errors=errors):
        code = record.get("code")
        problems = [] if re.fullmatch(code_pattern, code) else [("code", f"invalid: {code!r}")]
        problems += [(c, "is empty") for c in columns if not record.get(c)]
        if code in rows:
            problems.append(("code", f"{code} appears twice"))
        for column, message in problems:
            errors.append(RowError(message, source=path.name, line=record.line, field=column))
        if not problems:
            names = {language: record.get(f"name_{language}") for language in LANGUAGES}
            rows[code] = NamedCodeRow(code, names)
    _fail("Classification", path, errors)
    return list(rows.values())


def industries_import(*, path: Path, progress: bool = False) -> ImportSummary:
    """TOL 2008 sections (`code,name_fi,name_sv,name_en`, codes A–U) → `Industry` rows."""
    rows = _named_code_rows(path, r"[A-U]")
    return named_codes_apply(
        model=Industry,
        rows=rows,
        importer="statfi-industries",
        source="statfi-tol-2008",
        location=str(path),
    )


def education_fields_import(*, path: Path, progress: bool = False) -> ImportSummary:
    """ISCED-F 2013 broad fields (`code,name_fi,name_sv,name_en`, 00–10) → `EducationField`."""
    rows = _named_code_rows(path, r"0\d|10")
    return named_codes_apply(
        model=EducationField,
        rows=rows,
        importer="statfi-education-fields",
        source="statfi-koulutusluokitus-isced-f-2013",
        location=str(path),
    )
