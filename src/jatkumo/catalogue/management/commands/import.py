"""`jatkumo import offerings FILE.jsonl|FILE.csv [--dry-run] [--publish] [--create-providers]`.

The first argument names the kind of file; each kind is one entry in `KINDS`, so other apps'
formats (company needs, ...) can be added beside offerings.
"""

# ruff: noqa: N999 — the module is named after the command, `jatkumo import`.
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

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


KINDS: dict[str, Callable[[dict[str, Any]], str]] = {"offerings": _offerings}


class Command(BaseCommand):
    help = (
        "Import a file in an interchange format (docs/interchange.md). The whole file is "
        "validated first; when any line is wrong nothing is written and every error is listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS), help="what the file holds")
        parser.add_argument("file", type=Path, help="a .jsonl (JSON Lines) or .csv file")
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")
        parser.add_argument("--publish", action="store_true", help="publish the imported offerings")
        parser.add_argument(
            "--create-providers",
            action="store_true",
            help="add unknown providers as new education-provider organisations",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["file"].is_file():
            raise CommandError(f"No such file: {options['file']}")
        try:
            summary = KINDS[options["kind"]](options)
        except ValidationFailed as error:
            raise CommandError(error.report(limit=REPORT_LIMIT)) from error
        self.stdout.write(summary)
