"""What an importer has read and validated, ready to be written by `taxonomy_plan_apply`.

A plan holds rows keyed by URI (no ORM objects) and the *scope* it owns: the labels and relations
that the import replaces. Labels outside the scope (another source, another language) and
relations of other kinds or sources are never touched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ConceptRow:
    uri: str
    scheme: str
    code: str = ""
    skill_type: str = ""
    reuse_level: str = ""
    status: str = "released"
    description: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LabelRow:
    uri: str
    language: str
    kind: str
    text: str


@dataclass(frozen=True)
class RelationRow:
    subject_uri: str
    kind: str
    object_uri: str


@dataclass(frozen=True)
class LabelScope:
    """Labels of `source` in `language` on concepts of `schemes` are owned by the import."""

    language: str
    schemes: frozenset[str]


@dataclass(frozen=True)
class RelationScope:
    """Relations of `kind` (and the plan's source) whose subject is in `schemes`."""

    kind: str
    schemes: frozenset[str]


@dataclass
class ImportPlan:
    """Validated rows and the scope they replace."""

    importer: str
    concept_source: str
    label_source: str
    relation_source: str
    location: str = ""
    concepts: dict[str, ConceptRow] = field(default_factory=dict)
    labels: set[LabelRow] = field(default_factory=set)
    relations: set[RelationRow] = field(default_factory=set)
    label_scopes: set[LabelScope] = field(default_factory=set)
    relation_scopes: set[RelationScope] = field(default_factory=set)
    rejected: Counter[str] = field(default_factory=Counter)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        return sorted({scope.language for scope in self.label_scopes})


@dataclass
class ImportSummary:
    """What one import changed; `str()` is the one-line summary printed by the commands."""

    importer: str
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0
    skipped: bool = False
    details: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        if self.skipped:
            return f"{self.importer} ({self.source}): unchanged since the last import, skipped"
        text = (
            f"{self.importer} ({self.source}): created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, deleted {self.deleted}, skipped {self.rejected}"
        )
        reasons = self.details.get("rejected") or {}
        if reasons:
            text += " (" + "; ".join(f"{why}: {n}" for why, n in sorted(reasons.items())) + ")"
        if "aligned" in self.details:
            text += f", aligned to ESCO {self.details['aligned']}"
        return text
