"""Analysis services: validate documents (job ads, needs) and annotate them with the engine.

A batch is validated completely before anything is analysed or written: a bad line gives a
line-numbered `ValidationFailed` and no output at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jatkumo.analysis.engine import annotator_get
from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.intel.types import LANGUAGES, Language

AD_KEYS = {
    "id",
    "source",
    "title",
    "text",
    "employer",
    "municipality",
    "occupation_code",
    "industry",
    "published",
    "closes",
    "language",
}
AD_REQUIRED = ("id", "source", "title", "text", "published")
NEED_KEYS = {
    "id",
    "text",
    "language",
    "company",
    "industry",
    "municipality",
    "headcount",
    "needed_by",
    "preferences",
}
NEED_REQUIRED = ("id", "text")
MAX_TEXT = 100_000


@dataclass(frozen=True)
class Document:
    """A text to analyse: id, optional title (job ads), text and optional language."""

    id: str
    text: str
    title: str = ""
    language: Language | None = None


def _document_errors(record: Any, line: int, source: str) -> list[RowError]:
    if not isinstance(record, dict):
        return [RowError("a line must be one JSON object", source, line)]
    is_ad = "title" in record or "source" in record
    allowed, required = (AD_KEYS, AD_REQUIRED) if is_ad else (NEED_KEYS, NEED_REQUIRED)
    kind = "job ad" if is_ad else "need"
    errors = [
        RowError(f"unknown key for a {kind}", source, line, key)
        for key in sorted(set(record) - allowed - {"extra"})
    ]
    for key in required:
        value = record.get(key)
        if not isinstance(value, str) or not value.strip():
            errors.append(RowError(f"required non-empty string for a {kind}", source, line, key))
    if isinstance(record.get("text"), str) and len(record["text"]) > MAX_TEXT:
        errors.append(RowError(f"longer than {MAX_TEXT} characters", source, line, "text"))
    language = record.get("language")
    if language is not None and language not in LANGUAGES:
        errors.append(RowError("must be one of fi, sv, en", source, line, "language"))
    return errors


def documents_parse(lines: Iterable[str], *, source: str = "") -> list[Document]:
    """JSON Lines of job ads or needs (interchange.md) → Documents, or ValidationFailed listing
    every bad line (line number, key, reason). Blank lines are skipped.
    """
    documents: list[Document] = []
    errors: list[RowError] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(RowError(f"not valid JSON ({error.msg})", source, number))
            continue
        found = _document_errors(record, number, source)
        if found:
            errors += found
            continue
        documents.append(
            Document(record["id"], record["text"], record.get("title", ""), record.get("language"))
        )
    if errors:
        raise ValidationFailed(
            f"{len(errors)} problem(s) in the input; nothing was analysed.", errors
        )
    return documents


def document_analyse(*, document: Document, embeddings: bool | None = None) -> dict[str, Any]:
    """A document → `{"id", "language", "occupations", "skills"}` with evidence and score parts.

    `embeddings`: re-rank skills with embeddings (None = the JATKUMO_EMBEDDINGS setting).
    """
    annotation = annotator_get(embeddings=embeddings, skill_ranking="soft").annotate(
        document.id, document.text, title=document.title, language=document.language
    )
    return annotation.as_dict()
