"""`jatkumo match "TEXT"` and `jatkumo match --input needs.jsonl --format jsonl`.

One need: what was understood and the best offerings with why (human-readable by default,
`--format json` for the whole `MatchResult`). A needs file: one JSON line per need, `{"need_id",
"unmet", "results": [{"offering_id", "provider", "title", "score", "reasons"}], "packages":
[{"offering_ids", "coverage"}]}` — the contract evaluation uses. The file is validated first;
with any bad line nothing is printed to stdout and the command exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jatkumo.broker.matching import METHODS, MatchResult, need_match
from jatkumo.broker.needs_input import NeedsFileError, needs_read


def need_line(need_id: str, result: MatchResult) -> dict[str, Any]:
    """A `MatchResult` → the JSONL contract's object for one need."""
    return {
        "need_id": need_id,
        "unmet": result.unmet,
        "results": [
            {
                "offering_id": r.offering_id,
                "provider": r.provider,
                "title": r.title,
                "score": r.score,
                "reasons": r.reasons,
            }
            for r in result.results
        ],
        "packages": [
            {"offering_ids": p.offering_ids, "coverage": p.coverage} for p in result.packages
        ],
    }


def need_match_record(record: dict[str, Any], *, top: int, method: str) -> MatchResult:
    """A validated needs.jsonl record → `MatchResult`."""
    needed_by = record.get("needed_by")
    return need_match(
        text=record["text"],
        language=record.get("language"),
        preferences=record.get("preferences"),
        municipality=record.get("municipality"),
        needed_by=dt.date.fromisoformat(needed_by) if needed_by else None,
        industry=record.get("industry"),
        top=top,
        method=method,
    )


def result_text(result: MatchResult) -> str:
    """A `MatchResult` as text for a person: understood need, results with reasons, packages."""
    lines = [f"Language: {result.language}   urgency: {result.urgency}"]
    if result.occupation:
        lines.append(f"Occupation: {result.occupation['label']} (ISCO {result.occupation['isco']})")
    if result.industry:
        lines.append(f"Industry: {result.industry}")
    skills = ", ".join(s["label"] for s in result.skills[:8]) or "-"
    lines.append(f"Skills understood: {skills}")
    if result.unmet:
        lines.append("UNMET: " + "; ".join(result.unmet_reasons))
    for rank, r in enumerate(result.results, start=1):
        lines.append(f"{rank:2}. {r.score:.3f}  {r.title} — {r.provider} [{r.offering_id}]")
        lines += [f"      · {reason}" for reason in r.reasons]
    for package in result.packages:
        titles = " + ".join(
            f"{i} ({p})" for i, p in zip(package.offering_ids, package.providers, strict=False)
        )
        lines.append(f"Package {package.coverage:.0%}: {titles}")
        if package.uncovered:
            lines.append("      uncovered: " + ", ".join(package.uncovered))
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Match a need (text) or a needs.jsonl file to the published offerings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", help="the need in the company's own words")
        parser.add_argument("--input", type=Path, help="a needs.jsonl file")
        parser.add_argument("--top", type=int, default=10)
        parser.add_argument("--format", choices=["text", "json", "jsonl"], default=None)
        parser.add_argument("--method", choices=METHODS, default="hybrid")

    def handle(self, *args: Any, **options: Any) -> None:
        text, path, top = options["text"], options["input"], options["top"]
        if (text is None) == (path is None):
            raise CommandError("Give either a need TEXT or --input needs.jsonl.")
        if top < 1:
            raise CommandError("--top must be at least 1.")
        if path is not None:
            self._file(path, top, options["method"], options["format"] or "jsonl")
            return
        result = need_match(text=text, top=top, method=options["method"])
        if options["format"] in ("json", "jsonl"):
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(result_text(result))

    def _file(self, path: Path, top: int, method: str, output: str) -> None:
        if output != "jsonl":
            raise CommandError("--input writes --format jsonl.")
        try:
            needs = needs_read(path)
        except OSError as error:
            raise CommandError(str(error)) from error
        except NeedsFileError as error:
            raise CommandError(f"{path}: {len(error.errors)} bad line(s):\n{error}") from error
        lines = [
            json.dumps(
                need_line(n["id"], need_match_record(n, top=top, method=method)),
                ensure_ascii=False,
            )
            for n in needs
        ]
        for line in lines:
            self.stdout.write(line)
