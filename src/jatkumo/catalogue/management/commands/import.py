"""`jatkumo import offerings FILE.jsonl|FILE.csv [--dry-run] [--publish] [--create-providers]`,
`jatkumo import needs FILE.jsonl [--dry-run] [--submit]`, ...

The first argument names the kind of file. Kinds are registered in `catalogue.import_kinds` by
their apps at start-up (offerings here, company needs by the broker), so apps above the
catalogue in the layers add their formats without the catalogue importing them.
"""

# ruff: noqa: N999 — the module is named after the command, `jatkumo import`.
from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jatkumo.catalogue.import_kinds import (
    ImportFlag,
    ImportKind,
    import_kind_register,
    import_kinds,
)
from jatkumo.catalogue.services import REPORT_LIMIT, offerings_import
from jatkumo.core.errors import ValidationFailed


def _offerings(options: dict[str, Any]) -> str:
    result = offerings_import(
        path=options["file"],
        publish=options["publish"],
        create_providers=options["create_providers"],
        dry_run=options["dry_run"],
    )
    return str(result)


import_kind_register(
    ImportKind(
        "offerings",
        _offerings,
        (
            ImportFlag("--publish", "offerings: publish the imported offerings"),
            ImportFlag(
                "--create-providers",
                "offerings: add unknown providers as new education-provider organisations",
            ),
        ),
    )
)


class Command(BaseCommand):
    help = (
        "Import a file in an interchange format (docs/interchange.md). The whole file is "
        "validated first; when any line is wrong nothing is written and every error is listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = import_kinds()
        parser.add_argument("kind", choices=sorted(kinds), help="what the file holds")
        parser.add_argument("file", type=Path, help="a .jsonl (JSON Lines) or .csv file")
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")
        flags = {flag.name: flag for kind in kinds.values() for flag in kind.flags}
        for name, flag in sorted(flags.items()):
            parser.add_argument(name, action="store_true", help=flag.help)

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["file"].is_file():
            raise CommandError(f"No such file: {options['file']}")
        try:
            summary = import_kinds()[options["kind"]].handler(options)
        except ValidationFailed as error:
            raise CommandError(error.report(limit=REPORT_LIMIT)) from error
        self.stdout.write(summary)
