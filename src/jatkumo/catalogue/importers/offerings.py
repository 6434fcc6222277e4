"""Offering files → an import plan: every line validated, its provider found and its action known.

Reading a plan never writes. Each valid line gets an action: `create` (new provider id),
`update` (an offering with the same provider and id exists and would change) or `unchanged`.
Providers are found by business ID, else by their exact name in any language; an unknown
provider is planned as a new organisation only when `create_providers` is set. A user who acts
for one organisation (provider staff) may only import that organisation's offerings.
`services.offerings_plan_apply` writes a plan with no errors in one transaction.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from jatkumo.accounts.models import User
from jatkumo.accounts.permissions import user_is_coordinator, user_organisation_id
from jatkumo.catalogue.importers.csv import csv_records
from jatkumo.catalogue.importers.jsonl import jsonl_records
from jatkumo.catalogue.models import Offering, Status
from jatkumo.catalogue.providers import ProviderDirectory
from jatkumo.catalogue.validation import (
    CleanOffering,
    ValidationContext,
    offering_record_validate,
)
from jatkumo.core.errors import RowError

FORMATS = ("jsonl", "csv")
COMPARED_FIELDS = (
    "title_fi",
    "title_sv",
    "title_en",
    "description_fi",
    "description_sv",
    "description_en",
    "type",
    "level",
    "credits_value",
    "credits_unit",
    "modes",
    "languages",
    "municipalities",
    "start_date",
    "start_continuous",
    "duration_weeks",
    "price_eur",
    "funding",
    "target_groups",
    "industries",
    "keywords",
    "url",
    "contact_name",
    "contact_email",
    "contact_phone",
    "extra",
    "provider_name",
    "provider_business_id",
)
"""The model fields a line sets; a line is `unchanged` when all of them are equal."""


@dataclass
class PlannedLine:
    line: int
    action: str  # create | update | unchanged
    clean: CleanOffering
    provider_key: str  # "org:<pk>" for an existing organisation, "new:<key>" for a planned one
    provider_label: str
    offering_id: int | None = None
    status: str = Status.DRAFT


@dataclass
class OfferingImportPlan:
    """What an import would do, and every problem that stops it."""

    source: str
    publish: bool = False
    lines: list[PlannedLine] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    new_providers: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → name, id

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("create", "update", "unchanged"), 0)
        for planned in self.lines:
            counts[planned.action] += 1
        counts["rejected"] = len({error.line for error in self.errors})
        return counts


def file_format(name: str) -> str:
    """`jsonl` or `csv` from a file name (`.json` and `.ndjson` count as JSON Lines)."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return "csv" if suffix in {"csv", "tsv", "txt"} else "jsonl"


def records_read(lines: Iterable[str], *, format: str, source: str) -> Iterator[tuple[int, Any]]:
    reader = csv_records if format == "csv" else jsonl_records
    return reader(lines, source=source)


def _normalised(value: Any) -> Any:
    return "" if value is None else value


def _existing(keys: set[tuple[int, str]]) -> dict[tuple[int, str], dict[str, Any]]:
    provider_ids = {provider_id for provider_id, _id in keys}
    rows = Offering.objects.filter(provider_id__in=provider_ids).values(
        "pk", "provider_id", "external_id", "status", *COMPARED_FIELDS
    )
    return {
        (row["provider_id"], row["external_id"]): row
        for row in rows.iterator(chunk_size=5000)
        if (row["provider_id"], row["external_id"]) in keys
    }


def _action(planned: PlannedLine, row: dict[str, Any] | None, publish: bool) -> None:
    if row is None:
        planned.action = "create"
        planned.status = Status.PUBLISHED if publish else Status.DRAFT
        return
    planned.offering_id, planned.status = row["pk"], row["status"]
    values = planned.clean.values
    same = all(_normalised(row[name]) == _normalised(values[name]) for name in COMPARED_FIELDS)
    if publish and row["status"] != Status.PUBLISHED:
        planned.status, same = Status.PUBLISHED, False
    planned.action = "unchanged" if same else "update"


def _permitted(user: User | None, planned: PlannedLine, source: str) -> RowError | None:
    if user is None or user_is_coordinator(user):
        return None
    if planned.provider_key == f"org:{user_organisation_id(user)}":
        return None
    message = _("You can import only the offerings of your own organisation, not %(name)s.") % {
        "name": planned.provider_label
    }
    return RowError(message, source=source, line=planned.line, field="provider")


def offerings_plan_read(
    *,
    lines: Iterable[str],
    source: str,
    format: str = "jsonl",
    user: User | None = None,
    publish: bool = False,
    create_providers: bool = False,
) -> OfferingImportPlan:
    """Validate a whole offering file (its lines) and say what importing it would do."""
    plan = OfferingImportPlan(source=source, publish=publish)
    context = ValidationContext.load()
    providers = ProviderDirectory.load(
        create=create_providers and user_is_coordinator_or_system(user)
    )
    seen: dict[tuple[str, str], int] = {}
    for line, record in records_read(lines, format=format, source=source):
        if isinstance(record, RowError):
            plan.errors.append(record)
            continue
        clean, errors = offering_record_validate(record, line=line, context=context, source=source)
        if clean is None:
            plan.errors += errors
            continue
        key, label, problem = providers.resolve(clean)
        if problem:
            plan.errors.append(RowError(problem, source=source, line=line, field="provider"))
            continue
        planned = PlannedLine(line, "create", clean, key, label)
        if error := _permitted(user, planned, source):
            plan.errors.append(error)
            continue
        if (key, clean.external_id) in seen:
            message = _("The same provider and id are already on line %(line)d.") % {
                "line": seen[(key, clean.external_id)]
            }
            plan.errors.append(RowError(message, source=source, line=line, field="id"))
            continue
        seen[(key, clean.external_id)] = line
        plan.lines.append(planned)
    plan.new_providers = providers.planned
    _actions_set(plan)
    return plan


def user_is_coordinator_or_system(user: User | None) -> bool:
    """Only coordinators (and the command line, which has no user) may add organisations."""
    return user is None or user_is_coordinator(user)


def _actions_set(plan: OfferingImportPlan) -> None:
    keys = {
        (int(planned.provider_key[4:]), planned.clean.external_id)
        for planned in plan.lines
        if planned.provider_key.startswith("org:")
    }
    existing = _existing(keys) if keys else {}
    for planned in plan.lines:
        row = None
        if planned.provider_key.startswith("org:"):
            row = existing.get((int(planned.provider_key[4:]), planned.clean.external_id))
        _action(planned, row, plan.publish)


def offerings_plan_read_file(
    *,
    path: Path,
    user: User | None = None,
    publish: bool = False,
    create_providers: bool = False,
    source: str = "",
) -> OfferingImportPlan:
    """`offerings_plan_read` for a file on disk; the format comes from its suffix."""
    format = file_format(path.name)
    with path.open(encoding="utf-8-sig", newline="" if format == "csv" else None) as stream:
        return offerings_plan_read(
            lines=stream,
            source=source or path.name,
            format=format,
            user=user,
            publish=publish,
            create_providers=create_providers,
        )


def offerings_plan_read_text(*, text: str, **kwargs: Any) -> OfferingImportPlan:
    """`offerings_plan_read` for text already in memory (tests, small uploads)."""
    return offerings_plan_read(lines=io.StringIO(text, newline=""), **kwargs)
