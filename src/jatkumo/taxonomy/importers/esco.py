"""ESCO: the official CSV download (any version, any languages) → concepts, labels, relations.

Input: a directory with files named `<kind>_<language>.csv` (or `.csv.gz`): `occupations_fi.csv`,
`skills_sv.csv`, `ISCOGroups_en.csv`, `skillGroups_en.csv`, `broaderRelationsOccPillar_en.csv`,
`broaderRelationsSkillPillar_en.csv`, `occupationSkillRelations_en.csv`,
`skillSkillRelations_en.csv`.
Concept files give the concept and its labels in that language (`altLabels` and `hiddenLabels` are
newline-separated); relation files are the same in every language, so each is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.taxonomy.importers.plan import (
    ConceptRow,
    ImportPlan,
    ImportSummary,
    LabelRow,
    LabelScope,
    RelationRow,
    RelationScope,
)
from jatkumo.taxonomy.importers.tabular import Record, read_records
from jatkumo.taxonomy.models import LabelKind, RelationKind, Scheme, SkillType
from jatkumo.taxonomy.services import concept_uris_existing, taxonomy_plan_apply

LABEL_SOURCE = "esco"
RELATION_SOURCE = "esco"
MAX_LABEL = 500
FILE_NAME = re.compile(r"^(?P<kind>[A-Za-z]+)_(?P<lang>[a-z]{2,3})\.csv(?:\.gz)?$")
VERSION = re.compile(r"v(\d+\.\d+(?:\.\d+)?)", re.IGNORECASE)


@dataclass(frozen=True)
class RelationFile:
    """How one relation file maps to `Relation` rows."""

    subject: str
    object: str
    kinds: dict[str, str]  # value of relationType (or "" when there is none) → RelationKind
    schemes: frozenset[str]  # schemes of the subjects, which the import owns


CONCEPT_FILES = {
    "occupations": Scheme.ESCO_OCCUPATION,
    "ISCOGroups": Scheme.ISCO_GROUP,
    "skillGroups": Scheme.ESCO_SKILL_GROUP,
    "skills": Scheme.ESCO_SKILL,
}
OCCUPATION_PILLAR = frozenset({Scheme.ESCO_OCCUPATION.value, Scheme.ISCO_GROUP.value})
SKILL_PILLAR = frozenset({Scheme.ESCO_SKILL.value, Scheme.ESCO_SKILL_GROUP.value})
SKILLS = frozenset({Scheme.ESCO_SKILL.value})
RELATION_FILES = {
    "broaderRelationsOccPillar": RelationFile(
        "conceptUri", "broaderUri", {"": RelationKind.BROADER}, OCCUPATION_PILLAR
    ),
    "broaderRelationsSkillPillar": RelationFile(
        "conceptUri", "broaderUri", {"": RelationKind.BROADER}, SKILL_PILLAR
    ),
    "occupationSkillRelations": RelationFile(
        "skillUri",
        "occupationUri",
        {"essential": RelationKind.ESSENTIAL_FOR, "optional": RelationKind.OPTIONAL_FOR},
        SKILLS,
    ),
    "skillSkillRelations": RelationFile(
        "originalSkillUri",
        "relatedSkillUri",
        {"essential": RelationKind.RELATED, "optional": RelationKind.RELATED},
        SKILLS,
    ),
}


def _is_uri(value: str) -> bool:
    return value.startswith(("http://", "https://")) and len(value) <= 255


def esco_files(directory: Path) -> dict[tuple[str, str], Path]:
    """`(kind, language)` → path for every ESCO file we know in `directory`."""
    found: dict[tuple[str, str], Path] = {}
    for path in sorted(directory.iterdir()):
        match = FILE_NAME.match(path.name)
        if match and match["kind"] in {*CONCEPT_FILES, *RELATION_FILES}:
            found.setdefault((match["kind"], match["lang"]), path)
    return found


def esco_version_detect(directory: Path) -> str:
    """The version in the download's directory name ("ESCO dataset - v1.2.0 - ..."), or ""."""
    for part in (directory.resolve().name, directory.resolve().parent.name):
        match = VERSION.search(part)
        if match:
            return match[1]
    return ""


class _Reader:
    """Collects concepts, labels and relations from ESCO files, and every problem found."""

    def __init__(self, plan: ImportPlan, progress: bool) -> None:
        self.plan = plan
        self.progress = progress
        self.errors: list[RowError] = []

    def _records(self, path: Path, required: tuple[str, ...]) -> tqdm[Record]:
        records = read_records(path, required=required, errors=self.errors)
        return tqdm(records, desc=path.name, unit=" rows", disable=not self.progress)

    def _error(self, path: Path, record: Record, column: str, message: str) -> None:
        self.errors.append(RowError(message, source=path.name, line=record.line, field=column))

    def read_concepts(self, path: Path, scheme: str, language: str) -> None:
        self.plan.label_scopes.add(LabelScope(language, frozenset({scheme})))
        seen: set[str] = set()
        for record in self._records(path, ("conceptUri", "preferredLabel")):
            uri, preferred = record.get("conceptUri"), record.get("preferredLabel")
            if not _is_uri(uri):
                self._error(path, record, "conceptUri", f"not an http(s) URI: {uri!r}")
                continue
            if not preferred:
                self._error(path, record, "preferredLabel", "is empty")
                continue
            if uri in seen:
                self._error(path, record, "conceptUri", f"the concept appears twice: {uri}")
                continue
            seen.add(uri)
            self._concept(record, uri, scheme, language)
            self._labels(path, record, uri, language)

    def _concept(self, record: Record, uri: str, scheme: str, language: str) -> None:
        concept = self.plan.concepts.get(uri)
        if concept is None:
            skill_type = ""
            if scheme == Scheme.ESCO_SKILL:
                is_knowledge = record.get("skillType") == "knowledge"
                skill_type = SkillType.KNOWLEDGE if is_knowledge else SkillType.SKILL
            concept = ConceptRow(
                uri=uri,
                scheme=scheme,
                code=record.get("code")[:64],
                skill_type=skill_type,
                reuse_level=record.get("reuseLevel")[:32],
                status=record.get("status")[:32] or "released",
            )
            self.plan.concepts[uri] = concept
        if record.get("description"):
            concept.description[language] = record.get("description")

    def _labels(self, path: Path, record: Record, uri: str, language: str) -> None:
        columns = (
            ("preferredLabel", LabelKind.PREFERRED),
            ("altLabels", LabelKind.ALTERNATIVE),
            ("hiddenLabels", LabelKind.HIDDEN),
        )
        for column, kind in columns:
            for raw in record.get(column).splitlines():
                text = raw.strip()
                if len(text) > MAX_LABEL:
                    self._error(path, record, column, f"a label is over {MAX_LABEL} characters")
                elif text:
                    self.plan.labels.add(LabelRow(uri, language, kind, text))

    def read_relations(self, path: Path, spec: RelationFile) -> None:
        has_type = "" not in spec.kinds
        required = (spec.subject, spec.object) + (("relationType",) if has_type else ())
        pending: list[tuple[Record, RelationRow]] = []
        for record in self._records(path, required):
            kind = spec.kinds.get(record.get("relationType") if has_type else "")
            if kind is None:
                choices = ", ".join(sorted(spec.kinds))
                self._error(
                    path,
                    record,
                    "relationType",
                    f"unknown relation type {record.get('relationType')!r} "
                    f"(expected one of: {choices})",
                )
                continue
            subject, obj = record.get(spec.subject), record.get(spec.object)
            bad = [
                (c, v) for c, v in ((spec.subject, subject), (spec.object, obj)) if not _is_uri(v)
            ]
            for column, value in bad:
                self._error(path, record, column, f"not an http(s) URI: {value!r}")
            if not bad:
                pending.append((record, RelationRow(subject, kind, obj)))
        self.plan.relation_scopes.update(
            RelationScope(kind, spec.schemes) for kind in set(spec.kinds.values())
        )
        self._check_known(path, spec, pending)

    def _check_known(
        self, path: Path, spec: RelationFile, pending: list[tuple[Record, RelationRow]]
    ) -> None:
        uris = {r.subject_uri for _, r in pending} | {r.object_uri for _, r in pending}
        unknown = uris - self.plan.concepts.keys()
        known = set(self.plan.concepts) | concept_uris_existing(uris=unknown)
        for record, relation in pending:
            missing = [(spec.subject, relation.subject_uri), (spec.object, relation.object_uri)]
            missing = [(column, uri) for column, uri in missing if uri not in known]
            for column, uri in missing:
                self._error(path, record, column, f"refers to an unknown concept: {uri}")
            if not missing:
                self.plan.relations.add(relation)


def esco_plan_read(
    *,
    directory: Path,
    languages: list[str] | None = None,
    version: str = "",
    progress: bool = False,
) -> ImportPlan:
    """Read and validate an ESCO CSV download into a plan; raise `ValidationFailed` if bad."""
    if not directory.is_dir():
        raise ValidationFailed(f"{directory} is not a directory", [])
    files = esco_files(directory)
    found = sorted({lang for (kind, lang) in files if kind in CONCEPT_FILES})
    languages = languages or found
    missing = [lang for lang in languages if lang not in found]
    if missing or not languages:
        raise ValidationFailed(
            f"No ESCO concept files (occupations_<lang>.csv, ...) in {directory}",
            [
                RowError(f"no files for language {lang!r}", source=str(directory))
                for lang in missing
            ],
        )
    version = version or esco_version_detect(directory)
    plan = ImportPlan(
        importer="esco",
        concept_source=f"esco-{version}" if version else "esco",
        label_source=LABEL_SOURCE,
        relation_source=RELATION_SOURCE,
        location=str(directory),
    )
    reader = _Reader(plan, progress)
    for language in languages:
        for kind, scheme in CONCEPT_FILES.items():
            if (kind, language) in files:
                reader.read_concepts(files[kind, language], scheme, language)
    # Relation files are the same in every language: take each once, preferring those chosen.
    order = languages + [
        lang for lang in sorted({lang for _, lang in files}) if lang not in languages
    ]
    for kind, spec in RELATION_FILES.items():
        path = next((files[kind, lang] for lang in order if (kind, lang) in files), None)
        if path is not None:
            reader.read_relations(path, spec)
    if reader.errors:
        raise ValidationFailed(
            f"ESCO import from {directory} rejected: {len(reader.errors)} problem(s); "
            "nothing was written.",
            reader.errors,
        )
    plan.details["files"] = sorted(path.name for path in files.values())
    return plan


def esco_import(
    *,
    directory: Path,
    languages: list[str] | None = None,
    version: str = "",
    progress: bool = False,
) -> ImportSummary:
    """Validate an ESCO CSV download completely, then write it in one transaction."""
    plan = esco_plan_read(
        directory=directory, languages=languages, version=version, progress=progress
    )
    return taxonomy_plan_apply(plan=plan, progress=progress)
