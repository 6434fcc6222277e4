"""`jatkumo taxonomy import-esco|import-yso|import-statfi|import-lexicon ...`: load taxonomies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jatkumo.core.errors import ValidationFailed
from jatkumo.taxonomy.importers.esco import esco_import
from jatkumo.taxonomy.importers.lexicon import lexicon_import
from jatkumo.taxonomy.importers.plan import ImportSummary
from jatkumo.taxonomy.importers.statfi import (
    education_fields_import,
    industries_import,
    occupation_names_import,
    regions_import,
)
from jatkumo.taxonomy.importers.yso import yso_import

STATFI = {
    "regions": regions_import,
    "occupations": occupation_names_import,
    "industries": industries_import,
    "education-fields": education_fields_import,
}


def _languages(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class Command(BaseCommand):
    help = (
        "Import taxonomies: the ESCO CSV download, YSO TSV files, Statistics Finland keys, "
        "the company-language lexicon."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        esco = actions.add_parser(
            "import-esco", help="the official ESCO CSV download (any version and languages)"
        )
        esco.add_argument("directory", type=Path, help="directory with occupations_fi.csv etc.")
        esco.add_argument(
            "--lang",
            type=_languages,
            default=None,
            help="comma-separated languages to load, e.g. fi,sv (default: all)",
        )
        esco.add_argument(
            "--version",
            dest="esco_version",
            default="",
            help="ESCO version, e.g. 1.2.0 (default: from the directory name)",
        )
        yso = actions.add_parser("import-yso", help="YSO label files yso-fi.tsv[.gz] ...")
        yso.add_argument("files", type=Path, nargs="+")
        yso.add_argument("--lang", default="", help="language, when a file name does not say")
        statfi = actions.add_parser("import-statfi", help="Statistics Finland classifications")
        statfi.add_argument("kind", choices=sorted(STATFI))
        statfi.add_argument("file", type=Path)
        lexicon = actions.add_parser(
            "import-lexicon",
            help="the company-language lexicon: TSV files (or directories of them), all at once",
        )
        lexicon.add_argument("files", type=Path, nargs="+", metavar="FILE")
        for sub in (esco, yso, statfi, lexicon):
            sub.add_argument("--no-progress", action="store_true", help="no progress bars")

    def handle(self, *args: Any, **options: Any) -> None:
        # Bars only on a terminal: in logs and CI they would be noise.
        progress = not options["no_progress"] and sys.stderr.isatty()
        try:
            summary = self._run(options, progress)
        except ValidationFailed as error:
            raise CommandError(error.report()) from error
        self.stdout.write(str(summary))

    def _run(self, options: dict[str, Any], progress: bool) -> ImportSummary:
        action = options["action"]
        if action == "import-esco":
            return esco_import(
                directory=options["directory"],
                languages=options["lang"],
                version=options["esco_version"],
                progress=progress,
            )
        if action == "import-lexicon":
            return lexicon_import(paths=options["files"], progress=progress)
        if action == "import-yso":
            return yso_import(paths=options["files"], language=options["lang"], progress=progress)
        return STATFI[options["kind"]](path=options["file"], progress=progress)
