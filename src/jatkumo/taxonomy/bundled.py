"""Load the reference data bundled in `data/` (see `data/SOURCES.md`), in dependency order.

Used by `jatkumo setup`. Each step remembers a checksum of its input files (and of the files it
depends on) in its `ImportRun`; when nothing changed since the last run, the step is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from jatkumo.taxonomy.importers.esco import esco_import
from jatkumo.taxonomy.importers.lexicon import lexicon_import
from jatkumo.taxonomy.importers.plan import ImportSummary
from jatkumo.taxonomy.importers.statfi import (
    education_fields_import,
    industries_import,
    occupation_names_import,
    regions_import,
)
from jatkumo.taxonomy.importers.tabular import files_checksum
from jatkumo.taxonomy.importers.yso import yso_import
from jatkumo.taxonomy.models import ImportRun

ESCO_VERSION = "1.2.0"


@dataclass(frozen=True)
class _Step:
    importer: str
    source: str
    inputs: list[Path]
    run: Callable[[], ImportSummary]


def _steps(data_dir: Path, progress: bool) -> list[_Step]:
    classifications, esco_dir = data_dir / "classifications", data_dir / "esco"
    # With no ESCO files, name the one that is certainly needed, so that ESCO and the steps
    # that depend on it report it missing instead of failing.
    esco_files = sorted(esco_dir.glob("*_en.csv.gz")) or [esco_dir / "occupations_en.csv.gz"]
    yso_files = sorted((data_dir / "yso").glob("yso-*.tsv.gz"))
    regions = classifications / "regionkey.csv"
    tol = classifications / "tol2008_sections.csv"
    fields = classifications / "education_fields.csv"
    isco_fi = classifications / "ammattiluokitus2010_level4_fi.csv"
    steps = [
        _Step("statfi-regions", "statfi-regions", [regions], lambda: regions_import(path=regions)),
        _Step("statfi-industries", "statfi-tol-2008", [tol], lambda: industries_import(path=tol)),
        _Step(
            "statfi-education-fields",
            "statfi-koulutusluokitus-isced-f-2013",
            [fields],
            lambda: education_fields_import(path=fields),
        ),
        _Step(
            "esco",
            f"esco-{ESCO_VERSION}",
            esco_files,
            lambda: esco_import(
                directory=esco_dir, languages=["en"], version=ESCO_VERSION, progress=progress
            ),
        ),
        # These two depend on the ESCO concepts, so ESCO's files are part of their checksum.
        _Step(
            "statfi-occupations",
            "statfi-ammattiluokitus-2010",
            [isco_fi, *esco_files],
            lambda: occupation_names_import(path=isco_fi, progress=progress),
        ),
        _Step(
            "yso",
            "yso",
            [*yso_files, *esco_files],
            lambda: yso_import(paths=yso_files, progress=progress),
        ),
    ]
    # The curated company-language lexicon names ESCO concepts, so it comes after ESCO (and YSO,
    # whose labels it sits beside); a bundle without data/lexicon/ simply has no lexicon step.
    lexicon_files = sorted((data_dir / "lexicon").glob("*.tsv"))
    if lexicon_files:
        steps.append(
            _Step(
                "lexicon",
                "lexicon",
                [*lexicon_files, *esco_files],
                lambda: lexicon_import(paths=lexicon_files, progress=progress),
            )
        )
    return steps


def _last_checksum(importer: str) -> str:
    run = ImportRun.objects.filter(importer=importer).order_by("-id").first()
    return str(run.details.get("bundled_checksum", "")) if run else ""


def _remember_checksum(importer: str, checksum: str) -> None:
    run = ImportRun.objects.filter(importer=importer).order_by("-id").first()
    if run is not None:
        run.details["bundled_checksum"] = checksum
        run.save(update_fields=["details"])


def taxonomy_load_bundled(
    *, data_dir: Path, progress: bool = True, stdout: TextIO
) -> list[ImportSummary]:
    """Load regions, industries, fields of education, ESCO, Finnish ISCO names, YSO and the
    company-language lexicon.

    Safe to run again: a step whose input is unchanged since its last import is skipped.
    Prints one summary line per step to `stdout` and returns the summaries.
    """
    summaries = []
    for step in _steps(data_dir, progress):
        missing = [path for path in step.inputs if not path.is_file()]
        if missing or not step.inputs:
            stdout.write(
                f"{step.importer}: bundled file missing ({missing or 'none found'}), not loaded\n"
            )
            continue
        checksum = files_checksum(step.inputs)
        if _last_checksum(step.importer) == checksum:
            summary = ImportSummary(importer=step.importer, source=step.source, skipped=True)
        else:
            summary = step.run()
            _remember_checksum(step.importer, checksum)
        stdout.write(f"{summary}\n")
        stdout.flush()
        summaries.append(summary)
    return summaries
