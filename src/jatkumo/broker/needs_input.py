"""Read and validate a `needs.jsonl` file (shared/docs/interchange.md) → need dicts, or errors.

Every line is checked before anything is used: a JSON object, the required `id` (unique) and
`text`, known keys only (anything under `extra`), ISO dates, known languages, modes and company
sizes. Errors name the line number and the reason.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

# the interchange needs format (shared/docs/interchange.md); `importers` validates with these too
KEYS = frozenset(
    [
        "id",
        "text",
        "language",
        "company",
        "industry",
        "municipality",
        "headcount",
        "needed_by",
        "preferences",
        "extra",
    ]
)
PREFERENCE_KEYS = frozenset(["modes", "languages", "max_price_eur"])
MODES = frozenset(["contact", "online_live", "online_self_paced", "blended", "workplace"])
LANGUAGES = frozenset(["fi", "sv", "en"])
SIZES = frozenset(["micro", "small", "medium", "large"])


class NeedsFileError(ValueError):
    """A needs file with errors: `errors` lists `line N: reason` for every bad line."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def _preferences_problems(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return ["preferences must be an object"]
    problems = [f"unknown preference '{key}'" for key in value if key not in PREFERENCE_KEYS]
    if "modes" in value and not (isinstance(value["modes"], list) and set(value["modes"]) <= MODES):
        problems.append("preferences.modes must be a list of " + ", ".join(sorted(MODES)))
    if "languages" in value and not (
        isinstance(value["languages"], list) and set(value["languages"]) <= LANGUAGES
    ):
        problems.append("preferences.languages must be a list of fi, sv, en")
    price = value.get("max_price_eur")
    if price is not None and (isinstance(price, bool) or not isinstance(price, int | float)):
        problems.append("preferences.max_price_eur must be a number")
    return problems


def need_problems(record: Any) -> list[str]:
    """One parsed line → what is wrong with it (empty when it is a valid need)."""
    if not isinstance(record, dict):
        return ["a line must be a JSON object"]
    problems = [f"unknown key '{key}'" for key in record if key not in KEYS]
    if not isinstance(record.get("id"), str) or not record["id"].strip():
        problems.append("'id' is required and must be a non-empty string")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        problems.append("'text' is required and must be a non-empty string")
    if "language" in record and record["language"] not in LANGUAGES:
        problems.append("'language' must be fi, sv or en")
    if "needed_by" in record:
        try:
            dt.date.fromisoformat(str(record["needed_by"]))
        except ValueError:
            problems.append("'needed_by' must be an ISO date YYYY-MM-DD")
    if "headcount" in record and (
        isinstance(record["headcount"], bool) or not isinstance(record["headcount"], int)
    ):
        problems.append("'headcount' must be an integer")
    for key in ("industry", "municipality"):
        if key in record and not isinstance(record[key], str):
            problems.append(f"'{key}' must be a string")
    company = record.get("company")
    if company is not None and (
        not isinstance(company, dict) or company.get("size", "small") not in SIZES
    ):
        problems.append("'company' must be an object with size micro/small/medium/large")
    if "preferences" in record:
        problems += _preferences_problems(record["preferences"])
    return problems


def needs_read(path: Path) -> list[dict[str, Any]]:
    """Read and validate the whole file → the needs; raises `NeedsFileError` listing all errors."""
    needs: list[dict[str, Any]] = []
    errors: list[str] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                errors.append(f"line {number}: not valid JSON ({error.msg})")
                continue
            problems = need_problems(record)
            if not problems and record["id"] in seen:
                problems = [f"duplicate id '{record['id']}'"]
            errors += [f"line {number}: {problem}" for problem in problems]
            if not problems:
                seen.add(record["id"])
                needs.append(record)
    if errors:
        raise NeedsFileError(errors)
    return needs
