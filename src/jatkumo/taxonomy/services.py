"""The write side of the taxonomy: applying validated imports.

Importers (`jatkumo.taxonomy.importers`) read and validate their whole input first; the services
here write the result in one transaction and record an `ImportRun`. Writes are diffs: only new
rows are created, changed rows updated and rows that disappeared from the owned scope deleted,
so a second import of the same input creates nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import translation
from tqdm import tqdm

from jatkumo.intel.normalise import normalise_text
from jatkumo.taxonomy.importers.plan import ConceptRow, ImportPlan, ImportSummary
from jatkumo.taxonomy.models import Concept, ImportRun, Label, Region, Relation

BATCH = 2000
IN_CHUNK = 900  # stays under SQLite's historical limit of 999 query parameters
CONCEPT_FIELDS = ("scheme", "code", "skill_type", "reuse_level", "status", "source", "description")

T = TypeVar("T")
LabelKey = tuple[int, str, str, str]
RelationKey = tuple[int, str, int]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _concept_ids(uris: Iterable[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for chunk in _chunks(set(uris), IN_CHUNK):
        ids.update(Concept.objects.filter(uri__in=chunk).values_list("uri", "id"))
    return ids


def concept_uris_existing(*, uris: Iterable[str]) -> set[str]:
    """The subset of `uris` that exist as concepts (a read used by importers to validate)."""
    return set(_concept_ids(uris))


@dataclass
class _Tally:
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, kind: str, outcome: str, number: int) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += number

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())


def _concepts_apply(plan: ImportPlan, tally: _Tally, progress: bool) -> None:
    existing: dict[str, Concept] = {}
    for chunk in _chunks(plan.concepts, IN_CHUNK):
        existing.update((c.uri, c) for c in Concept.objects.filter(uri__in=chunk))
    to_create: list[Concept] = []
    to_update: list[Concept] = []
    for row in plan.concepts.values():
        concept = existing.get(row.uri)
        if concept is None:
            to_create.append(Concept(uri=row.uri, **_concept_values(row, plan, {})))
            continue
        values = _concept_values(row, plan, concept.description)
        if any(getattr(concept, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(concept, name, value)
            to_update.append(concept)
    bar = tqdm(total=len(to_create) + len(to_update), desc="concepts", disable=not progress)
    for batch in _chunks(to_create, BATCH):
        Concept.objects.bulk_create(batch)
        bar.update(len(batch))
    for batch in _chunks(to_update, BATCH):
        Concept.objects.bulk_update(batch, CONCEPT_FIELDS)
        bar.update(len(batch))
    bar.close()
    tally.add("concepts", "created", len(to_create))
    tally.add("concepts", "updated", len(to_update))
    tally.add("concepts", "unchanged", len(plan.concepts) - len(to_create) - len(to_update))


def _concept_values(
    row: ConceptRow, plan: ImportPlan, description: dict[str, str]
) -> dict[str, Any]:
    # Descriptions of languages not in this import are kept.
    merged = {**description, **row.description}
    return {
        "scheme": row.scheme,
        "code": row.code,
        "skill_type": row.skill_type,
        "reuse_level": row.reuse_level,
        "status": row.status,
        "source": plan.concept_source,
        "description": dict(sorted(merged.items())),
    }


def _labels_existing(plan: ImportPlan, *, owned: bool) -> dict[LabelKey, int]:
    found: dict[LabelKey, int] = {}
    for scope in plan.label_scopes:
        labels = Label.objects.filter(language=scope.language, concept__scheme__in=scope.schemes)
        if owned:
            labels = labels.filter(source=plan.label_source)
        else:
            labels = labels.exclude(source=plan.label_source)
        for pk, concept_id, language, kind, text in labels.values_list(
            "id", "concept_id", "language", "kind", "text"
        ).iterator(chunk_size=5000):
            found[(concept_id, language, kind, text)] = pk
    return found


def _labels_apply(plan: ImportPlan, ids: dict[str, int], tally: _Tally, progress: bool) -> None:
    wanted = {(ids[row.uri], row.language, row.kind, row.text) for row in plan.labels}
    existing = _labels_existing(plan, owned=True)
    held_elsewhere = _labels_existing(plan, owned=False).keys() & wanted
    to_create = sorted(wanted - existing.keys() - held_elsewhere)
    to_delete = [pk for key, pk in existing.items() if key not in wanted]
    bar = tqdm(total=len(to_create) + len(to_delete), desc="labels", disable=not progress)
    for batch in _chunks(to_delete, IN_CHUNK):
        Label.objects.filter(id__in=batch).delete()
        bar.update(len(batch))
    for keys in _chunks(to_create, BATCH):
        Label.objects.bulk_create(
            Label(
                concept_id=concept_id,
                language=language,
                kind=kind,
                text=text,
                normalized=normalise_text(text),
                source=plan.label_source,
            )
            for concept_id, language, kind, text in keys
        )
        bar.update(len(keys))
    bar.close()
    tally.add("labels", "created", len(to_create))
    tally.add("labels", "deleted", len(to_delete))
    tally.add("labels", "unchanged", len(wanted & existing.keys()))
    tally.add("labels", "held_by_another_source", len(held_elsewhere))


def _relations_existing(plan: ImportPlan, *, owned: bool) -> dict[RelationKey, int]:
    found: dict[RelationKey, int] = {}
    for scope in plan.relation_scopes:
        relations = Relation.objects.filter(kind=scope.kind, subject__scheme__in=scope.schemes)
        if owned:
            relations = relations.filter(source=plan.relation_source)
        else:
            relations = relations.exclude(source=plan.relation_source)
        for pk, subject_id, kind, object_id in relations.values_list(
            "id", "subject_id", "kind", "object_id"
        ).iterator(chunk_size=5000):
            found[(subject_id, kind, object_id)] = pk
    return found


def _relations_apply(plan: ImportPlan, ids: dict[str, int], tally: _Tally, progress: bool) -> None:
    wanted = {(ids[r.subject_uri], r.kind, ids[r.object_uri]) for r in plan.relations}
    existing = _relations_existing(plan, owned=True)
    held_elsewhere = _relations_existing(plan, owned=False).keys() & wanted
    to_create = sorted(wanted - existing.keys() - held_elsewhere)
    to_delete = [pk for key, pk in existing.items() if key not in wanted]
    bar = tqdm(total=len(to_create) + len(to_delete), desc="relations", disable=not progress)
    for batch in _chunks(to_delete, IN_CHUNK):
        Relation.objects.filter(id__in=batch).delete()
        bar.update(len(batch))
    for keys in _chunks(to_create, BATCH):
        Relation.objects.bulk_create(
            Relation(subject_id=s, kind=k, object_id=o, source=plan.relation_source)
            for s, k, o in keys
        )
        bar.update(len(keys))
    bar.close()
    tally.add("relations", "created", len(to_create))
    tally.add("relations", "deleted", len(to_delete))
    tally.add("relations", "unchanged", len(wanted & existing.keys()))
    tally.add("relations", "held_by_another_source", len(held_elsewhere))


def _summary_record(
    *,
    importer: str,
    source: str,
    location: str,
    languages: Sequence[str],
    tally: _Tally,
    rejected: Counter[str],
    details: dict[str, Any],
) -> ImportSummary:
    summary = ImportSummary(
        importer=importer,
        source=source,
        created=tally.total("created"),
        updated=tally.total("updated"),
        unchanged=tally.total("unchanged"),
        deleted=tally.total("deleted"),
        rejected=sum(rejected.values()),
        details={
            **details,
            "counts": {k: dict(v) for k, v in tally.counts.items()},
            "rejected": dict(rejected),
        },
    )
    ImportRun.objects.create(
        importer=importer,
        source=source,
        location=location[:500],
        languages=",".join(languages),
        created=summary.created,
        updated=summary.updated,
        unchanged=summary.unchanged,
        deleted=summary.deleted,
        details=summary.details,
    )
    return summary


@transaction.atomic
def taxonomy_plan_apply(*, plan: ImportPlan, progress: bool = False) -> ImportSummary:
    """Write a validated concept/label/relation import in one transaction and record it.

    Concepts are created or updated (never deleted); labels and relations are replaced within
    the plan's scopes only. Returns the counts, also stored in a new `ImportRun`.
    """
    tally = _Tally()
    _concepts_apply(plan, tally, progress)
    uris = {row.uri for row in plan.labels}
    uris |= {r.subject_uri for r in plan.relations} | {r.object_uri for r in plan.relations}
    ids = _concept_ids(uris)
    _labels_apply(plan, ids, tally, progress)
    _relations_apply(plan, ids, tally, progress)
    return _summary_record(
        importer=plan.importer,
        source=plan.concept_source,
        location=plan.location,
        languages=plan.languages,
        tally=tally,
        rejected=plan.rejected,
        details=plan.details,
    )


@dataclass(frozen=True)
class RegionRow:
    code: str
    level: str
    name_fi: str
    parent_code: str = ""


@transaction.atomic
def regions_apply(
    *,
    rows: Sequence[RegionRow],
    source: str,
    location: str = "",
    rejected: Counter[str] | None = None,
    details: dict[str, Any] | None = None,
) -> ImportSummary:
    """Create or update regions; rows must list parents before their children.

    Regions missing from the input are kept: other records may refer to them.
    """
    existing = Region.objects.in_bulk(field_name="code")
    tally = _Tally()
    # `name` reads and writes the active language's column (django-modeltranslation): name_fi.
    with translation.override("fi"):
        for row in rows:
            parent = existing[row.parent_code] if row.parent_code else None
            region = existing.get(row.code)
            if region is None:
                region = Region(code=row.code, level=row.level, name=row.name_fi, parent=parent)
                outcome = "created"
            elif (region.level, region.name, region.parent_id) != (
                row.level,
                row.name_fi,
                parent.pk if parent else None,
            ):
                region.level, region.name, region.parent = row.level, row.name_fi, parent
                outcome = "updated"
            else:
                tally.add("regions", "unchanged", 1)
                continue
            region.save()
            existing[row.code] = region
            tally.add("regions", outcome, 1)
    return _summary_record(
        importer="statfi-regions",
        source=source,
        location=location,
        languages=["fi"],
        tally=tally,
        rejected=rejected or Counter(),
        details=details or {},
    )


@dataclass(frozen=True)
class NamedCodeRow:
    code: str
    names: dict[str, str]


@transaction.atomic
def named_codes_apply(
    *,
    model: type[models.Model],
    rows: Sequence[NamedCodeRow],
    importer: str,
    source: str,
    location: str = "",
    details: dict[str, Any] | None = None,
) -> ImportSummary:
    """Create or update code → translated name rows (industries, fields of education)."""
    existing: dict[str, Any] = model._default_manager.in_bulk(field_name="code")
    languages = sorted({language for row in rows for language in row.names})
    tally = _Tally()
    for row in rows:
        wanted = {f"name_{language}": name for language, name in row.names.items()}
        item = existing.get(row.code)
        if item is None:
            item = model(code=row.code, name=row.names.get("fi") or next(iter(row.names.values())))
            outcome = "created"
        elif any(getattr(item, name) != value for name, value in wanted.items()):
            outcome = "updated"
        else:
            tally.add(model._meta.model_name or "rows", "unchanged", 1)
            continue
        for name, value in wanted.items():
            setattr(item, name, value)
        item.save()
        tally.add(model._meta.model_name or "rows", outcome, 1)
    return _summary_record(
        importer=importer,
        source=source,
        location=location,
        languages=languages,
        tally=tally,
        rejected=Counter(),
        details=details or {},
    )
