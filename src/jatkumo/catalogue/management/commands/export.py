"""`jatkumo export offerings [--format jsonl|csv|xlsx] [--output FILE] [--status ...]`.

Writes to standard output unless `--output` is given (XLSX always needs a file). Each kind of
export is one entry in `KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jatkumo.catalogue.exporters import (
    FORMATS,
    offering_records,
    records_write_csv,
    records_write_jsonl,
    records_write_xlsx,
)
from jatkumo.catalogue.models import Offering, Status


def _offerings(options: dict[str, Any], stdout: Any) -> int:
    offerings = Offering.objects.all()
    if options["status"]:
        offerings = offerings.filter(status__in=options["status"])
    records = offering_records(offerings=offerings)
    output: Path | None = options["output"]
    if options["format"] == "xlsx":
        if output is None:
            raise CommandError("XLSX is a binary format: give --output FILE.xlsx")
        with output.open("wb") as stream:
            return records_write_xlsx(records, stream)
    writer = records_write_csv if options["format"] == "csv" else records_write_jsonl
    if output is None:
        return writer(records, stdout)
    with output.open("w", encoding="utf-8", newline="") as stream:
        return writer(records, stream)


KINDS: dict[str, Callable[[dict[str, Any], Any], int]] = {"offerings": _offerings}


class Command(BaseCommand):
    help = "Export in an interchange format (docs/interchange.md); import reads it back unchanged."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("--format", choices=FORMATS, default="jsonl")
        parser.add_argument("--output", type=Path, default=None, help="file (default: stdout)")
        parser.add_argument(
            "--status",
            action="append",
            choices=Status.values,
            help="only offerings with this status (repeatable; default: all)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = KINDS[options["kind"]](options, self.stdout)
        if options["output"] is not None:
            self.stdout.write(f"{count} written to {options['output']}")
