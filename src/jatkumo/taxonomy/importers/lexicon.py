"""Company-language lexicon: curated TSV files → `company` labels on existing concepts.

Input: UTF-8 tab-separated files with the header `term	language	concept_uri	note` (the bundled
ones are `data/lexicon/<sector>.tsv`). Each entry says how employers and providers name a concept
("trukkikortti", "lähäri", "C/CE-kortti"); `note` documents the usage and is not loaded. A term may
map to several concepts, one line each. Output: one `Label(kind=company, source="lexicon")` per
distinct (term, language, concept), with the normalised text used for matching.

The files given are the whole lexicon: a re-import creates the new entries and deletes lexicon
labels that are no longer in the files. Company terms added in the admin (source `admin`) and
labels of other sources are never touched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.taxonomy.importers.plan import ImportPlan, ImportSummary, LabelRow, LabelScope
from jatkumo.taxonomy.importers.tabular import read_records
from jatkumo.taxonomy.models import LabelKind, Scheme
from jatkumo.taxonomy.services import concept_uris_existing, taxonomy_plan_apply

SOURCE = "lexicon"
COLUMNS = ("term", "language", "concept_uri", "note")
LANGUAGES = ("fi", "sv", "en")
MAX_TERM = 500


@dataclass(frozen=True)
class LexiconEntry:
    """One line of a lexicon file."""

    source: str
    line: int
    term: str
    language: str
    uri: str
    note: str


def lexicon_files(paths: list[Path]) -> list[Path]:
    """Files as given, with a directory standing for the `*.tsv` files in it (sorted)."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.tsv")) if path.is_dir() else [path])
    return files


def _entry_problem(term: str, language: str, uri: str) -> tuple[str, str]:
    if not term:
        return "term", "the term is empty"
    if len(term) > MAX_TERM:
        return "term", f"the term is over {MAX_TERM} characters"
    if language not in LANGUAGES:
        return "language", f"{language!r} is not one of {', '.join(LANGUAGES)}"
    if not uri:
        return "concept_uri", "the concept URI is empty"
    return "", ""


def lexicon_entries_read(*, paths: list[Path], errors: list[RowError]) -> list[LexiconEntry]:
    """Read lexicon files and check their format (no database): entries, problems in `errors`."""
    entries: list[LexiconEntry] = []
    for path in paths:
        if not path.is_file():
            errors.append(RowError("no such file", source=str(path)))
            continue
        for record in read_records(path, required=COLUMNS, errors=errors, delimiter="\t"):
            term, language, uri = (record.get(c) for c in ("term", "language", "concept_uri"))
            field, problem = _entry_problem(term, language, uri)
            if problem:
                errors.append(RowError(problem, source=path.name, line=record.line, field=field))
                continue
            entries.append(
                LexiconEntry(path.name, record.line, term, language, uri, record.get("note"))
            )
    return entries


def lexicon_plan_read(*, paths: list[Path]) -> ImportPlan:
    """Validate lexicon files completely, including that every concept exists, into a plan."""
    files = lexicon_files(paths)
    errors: list[RowError] = []
    if not files:
        errors.append(RowError("no lexicon files given", source=", ".join(map(str, paths))))
    entries = lexicon_entries_read(paths=files, errors=errors)
    known = concept_uris_existing(uris={entry.uri for entry in entries})
    for entry in entries:
        if entry.uri not in known:
            errors.append(
                RowError(
                    f"no concept {entry.uri} in the database",
                    source=entry.source,
                    line=entry.line,
                    field="concept_uri",
                )
            )
    if errors:
        raise ValidationFailed(
            f"Lexicon import rejected: {len(errors)} problem(s); nothing was written.", errors
        )
    plan = ImportPlan(
        importer="lexicon",
        concept_source=SOURCE,
        label_source=SOURCE,
        relation_source=SOURCE,
        location=", ".join(str(path) for path in files),
    )
    all_schemes = frozenset(scheme.value for scheme in Scheme)
    plan.label_scopes = {LabelScope(language, all_schemes) for language in LANGUAGES}
    plan.labels = {
        LabelRow(entry.uri, entry.language, LabelKind.COMPANY, entry.term) for entry in entries
    }
    plan.details["entries"] = dict(Counter(entry.language for entry in entries))
    plan.details["duplicates"] = len(entries) - len(plan.labels)
    return plan


def lexicon_import(*, paths: list[Path], progress: bool = False) -> ImportSummary:
    """Validate the lexicon files, then replace the lexicon's company labels in one transaction."""
    return taxonomy_plan_apply(plan=lexicon_plan_read(paths=paths), progress=progress)
