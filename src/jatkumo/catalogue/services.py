"""Writes of the catalogue: offerings by hand, their publication, concept tags and file imports.

Every write takes the acting user (None only for the command line and the demo loader) and
checks that the user may act for the offering's provider: provider staff for their own
organisation, coordinators for every one. Input in the interchange shape goes through the same
validator as the importer (`jatkumo.catalogue.validation`), so a form and a file obey one rule.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jatkumo.accounts.models import Role, User
from jatkumo.accounts.permissions import user_can_publish_offerings, user_is_coordinator, user_role
from jatkumo.catalogue.importers.offerings import (
    COMPARED_FIELDS,
    OfferingImportPlan,
    offerings_plan_read_file,
)
from jatkumo.catalogue.models import Offering, OfferingConcept, Origin, Status
from jatkumo.catalogue.providers import ProviderDirectory
from jatkumo.catalogue.tagging import offering_tags_refresh, offerings_tags_refresh
from jatkumo.catalogue.validation import CleanOffering, ValidationContext, offering_record_validate
from jatkumo.core.errors import ApplicationError, RowError, ValidationFailed
from jatkumo.organisations.models import OrganisationKind
from jatkumo.organisations.services import organisation_create
from jatkumo.taxonomy.models import Concept

BATCH = 1000
REPORT_LIMIT = 200


class OfferingNotAllowed(ApplicationError):
    """The user may not act for this offering's provider (HTTP 403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message=message, code="permission_denied", status=403)


def user_can_manage_offerings(user: User | None) -> bool:
    """Provider staff (for their organisation) and coordinators keep offerings."""
    if user is None:
        return True
    if user_is_coordinator(user):
        return True
    return user_role(user) == Role.PROVIDER_STAFF and user.organisation_id is not None


def _require(user: User | None, provider_id: int) -> None:
    if user is not None and not user_can_publish_offerings(user, provider_id):
        raise OfferingNotAllowed(_("You may only manage your own organisation's offerings."))


def _clean(record: Mapping[str, Any], *, message: str) -> tuple[CleanOffering, int]:
    """Validate one record like an import line and find its provider; (clean, provider id)."""
    clean, errors = offering_record_validate(
        dict(record), line=None, context=ValidationContext.load()
    )
    if clean is None:
        raise ValidationFailed(message, details=errors)
    key, _label, problem = ProviderDirectory.load().resolve(clean)
    if problem:
        raise ValidationFailed(message, details=[RowError(problem, field="provider")])
    return clean, int(key.removeprefix("org:"))


def _id_taken(provider_id: int, external_id: str, *, exclude: int | None, message: str) -> None:
    taken = Offering.objects.filter(provider_id=provider_id, external_id=external_id)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        error = RowError(_("The provider already has an offering with this id."), field="id")
        raise ValidationFailed(message, details=[error])


@transaction.atomic
def offering_create(*, user: User | None, record: Mapping[str, Any]) -> Offering:
    """Create a draft offering from a record in the interchange shape (as a form builds it)."""
    message = _("The offering could not be saved.")
    clean, provider_id = _clean(record, message=message)
    _require(user, provider_id)
    _id_taken(provider_id, clean.external_id, exclude=None, message=message)
    offering = Offering(provider_id=provider_id, external_id=clean.external_id, **clean.values)
    offering.origin = Origin.MANUAL
    offering.save()
    offering_tags_refresh(offering=offering)
    return offering


@transaction.atomic
def offering_update(
    *, user: User | None, offering: Offering, record: Mapping[str, Any]
) -> Offering:
    """Replace the offering's content with `record`; status and provenance are kept."""
    _require(user, offering.provider_id)
    message = _("The offering could not be saved.")
    clean, provider_id = _clean(record, message=message)
    _require(user, provider_id)
    _id_taken(provider_id, clean.external_id, exclude=offering.pk, message=message)
    offering.provider_id, offering.external_id = provider_id, clean.external_id
    for name, value in clean.values.items():
        setattr(offering, name, value)
    offering.save()
    offering_tags_refresh(offering=offering)
    return offering


@transaction.atomic
def offering_publish(*, user: User | None, offering: Offering) -> Offering:
    """Make the offering visible in the public catalogue."""
    _require(user, offering.provider_id)
    offering.status, offering.published_at = Status.PUBLISHED, timezone.now()
    offering.save(update_fields=["status", "published_at", "updated_at"])
    return offering


@transaction.atomic
def offering_archive(*, user: User | None, offering: Offering) -> Offering:
    """Take the offering out of the public catalogue; it stays editable and can be republished."""
    _require(user, offering.provider_id)
    offering.status = Status.ARCHIVED
    offering.save(update_fields=["status", "updated_at"])
    return offering


@transaction.atomic
def offering_tag_add(*, user: User | None, offering: Offering, concept: Concept) -> OfferingConcept:
    """Tag the offering with a concept by hand (kept through every automatic refresh)."""
    _require(user, offering.provider_id)
    tag, _created = OfferingConcept.objects.update_or_create(
        offering=offering, concept=concept, defaults={"automatic": False, "score": 1.0}
    )
    if concept.pk in offering.tags_removed:
        offering.tags_removed = [pk for pk in offering.tags_removed if pk != concept.pk]
        offering.save(update_fields=["tags_removed", "updated_at"])
    return tag


@transaction.atomic
def offering_tag_remove(*, user: User | None, offering: Offering, concept: Concept) -> None:
    """Remove a tag; an automatic one is remembered so that tagging does not add it again."""
    _require(user, offering.provider_id)
    deleted, _rows = OfferingConcept.objects.filter(offering=offering, concept=concept).delete()
    if deleted and concept.pk not in offering.tags_removed:
        offering.tags_removed = [*offering.tags_removed, concept.pk]
        offering.save(update_fields=["tags_removed", "updated_at"])


@dataclass
class OfferingImportResult:
    """What an import did (or, for a dry run, would do), with timings in seconds."""

    plan: OfferingImportPlan
    written: bool = False
    providers_created: list[str] = field(default_factory=list)
    tags: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        counts = self.plan.counts
        return {
            "created": counts["create"],
            "updated": counts["update"],
            "unchanged": counts["unchanged"],
            "rejected": counts["rejected"],
        }

    def __str__(self) -> str:
        text = ", ".join(f"{key} {value}" for key, value in self.counts.items())
        if self.providers_created:
            text += ", new providers " + ", ".join(self.providers_created)
        return text if self.written else text + " " + _("(dry run: nothing was written)")


def _providers_create(plan: OfferingImportPlan) -> dict[str, int]:
    created: dict[str, int] = {}
    for key, (name, business_id) in plan.new_providers.items():
        organisation = organisation_create(
            name=name.strip(), business_id=business_id, kinds=[OrganisationKind.EDUCATION_PROVIDER]
        )
        created[key] = organisation.pk
    return created


def _offering_new(planned: Any, provider_id: int, origin_file: str, now: Any) -> Offering:
    offering = Offering(
        provider_id=provider_id, external_id=planned.clean.external_id, **planned.clean.values
    )
    offering.status, offering.origin, offering.origin_file = (
        planned.status,
        Origin.IMPORT,
        origin_file,
    )
    offering.published_at = now if planned.status == Status.PUBLISHED else None
    return offering


def _offerings_write(plan: OfferingImportPlan, new_ids: dict[str, int]) -> list[int]:
    """Create and update the planned offerings in batches; the ids of every written one."""
    now, origin_file = timezone.now(), plan.source[:300]
    created: list[Offering] = []
    changed: list[Offering] = []
    for planned in plan.lines:
        if planned.action == "unchanged":
            continue
        key = planned.provider_key
        provider_id = new_ids[key] if key.startswith("new:") else int(key.removeprefix("org:"))
        offering = _offering_new(planned, provider_id, origin_file, now)
        if planned.action == "create":
            created.append(offering)
        else:
            offering.pk, offering.updated_at = planned.offering_id, now
            changed.append(offering)
    Offering.objects.bulk_create(created, batch_size=BATCH)
    update_fields = [*COMPARED_FIELDS, "status", "origin", "origin_file", "updated_at"]
    if changed:
        published = [o for o in changed if o.status == Status.PUBLISHED]
        Offering.objects.bulk_update(changed, update_fields, batch_size=BATCH)
        Offering.objects.filter(pk__in=[o.pk for o in published], published_at=None).update(
            published_at=now
        )
    ids = [o.pk for o in changed] + [o.pk for o in created if o.pk is not None]
    if any(o.pk is None for o in created):  # a database that does not return ids of new rows
        keys = {(o.provider_id, o.external_id) for o in created}
        rows = Offering.objects.filter(provider_id__in={p for p, _e in keys})
        ids += [
            pk
            for pk, p, e in rows.values_list("pk", "provider_id", "external_id")
            if (p, e) in keys
        ]
    return ids


@transaction.atomic
def offerings_plan_apply(*, plan: OfferingImportPlan, tag: bool = True) -> OfferingImportResult:
    """Write a validated plan in one transaction (raises `ValidationFailed` if it has errors)."""
    if plan.errors:
        message = _("The file has %(n)d error(s); nothing was imported.") % {"n": len(plan.errors)}
        raise ValidationFailed(message, details=plan.errors)
    result = OfferingImportResult(plan=plan, written=True)
    started = time.perf_counter()
    new_ids = _providers_create(plan)
    result.providers_created = [plan.new_providers[key][0] for key in new_ids]
    ids = _offerings_write(plan, new_ids)
    result.seconds["writing"] = time.perf_counter() - started
    if tag and ids:
        started = time.perf_counter()
        result.tags = offerings_tags_refresh(offering_ids=ids)
        result.seconds["tagging"] = time.perf_counter() - started
    return result


def offerings_import(
    *,
    path: Path,
    user: User | None = None,
    publish: bool = False,
    create_providers: bool = False,
    dry_run: bool = False,
    source: str = "",
) -> OfferingImportResult:
    """Validate a JSONL or CSV offering file completely, then import it in one transaction.

    Lines with the id of an existing offering of the same provider update it; unchanged lines
    are counted as such. With `publish` every imported offering is published; otherwise new
    ones are drafts and existing ones keep their status. Raises `ValidationFailed` listing every
    problem (line, field, reason) when any line is wrong; then nothing is written.
    """
    if not user_can_manage_offerings(user):
        raise OfferingNotAllowed(_("You may not import offerings."))
    started = time.perf_counter()
    plan = offerings_plan_read_file(
        path=path, user=user, publish=publish, create_providers=create_providers, source=source
    )
    validation = time.perf_counter() - started
    if dry_run and not plan.errors:
        return OfferingImportResult(plan=plan, seconds={"validation": validation})
    result = offerings_plan_apply(plan=plan)
    result.seconds["validation"] = validation
    return result
