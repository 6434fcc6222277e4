"""Intake: a company's need in its own words → what was understood → corrections → a case.

A need stays a draft (identified by its unguessable `public_id`) while the company reviews what
the system understood; it can remove or add skills and match again. Sending it creates the
case, routes it (`services_cases.case_route`) and notifies the people it was routed to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jatkumo.accounts.models import Role, User
from jatkumo.broker import matching
from jatkumo.broker.models import (
    Case,
    CaseEvent,
    CaseState,
    EventKind,
    Need,
    NeedOrigin,
    NeedSkill,
    SkillOrigin,
)
from jatkumo.broker.services_cases import case_route
from jatkumo.broker.snapshot import best_coverage, match_snapshot
from jatkumo.core.errors import ApplicationError, RowError, ValidationFailed
from jatkumo.organisations.business_id import normalise_business_id, validate_business_id
from jatkumo.organisations.models import Organisation, OrganisationKind, OrganisationRole
from jatkumo.organisations.services import organisation_create
from jatkumo.taxonomy.models import Concept

MAX_TEXT = 20_000


def _need_errors(values: Mapping[str, Any], *, consent: bool) -> list[RowError]:
    errors: list[RowError] = []
    if not str(values.get("text", "")).strip():
        errors.append(RowError(_("Describe the need in your own words."), field="text"))
    elif len(values["text"]) > MAX_TEXT:
        errors.append(RowError(_("The description is too long."), field="text"))
    business_id = str(values.get("company_business_id", "")).strip()
    if business_id:
        try:
            validate_business_id(business_id)
        except ValidationError as error:
            errors += [RowError(str(m), field="company_business_id") for m in error.messages]
    email = str(values.get("contact_email", "")).strip()
    try:
        validate_email(email)
    except ValidationError:
        errors.append(RowError(_("Give an email address we can answer to."), field="contact_email"))
    if not consent:
        errors.append(RowError(_("We need your consent to store the need."), field="consent"))
    return errors


NEED_FIELDS = (
    "text",
    "company_name",
    "company_business_id",
    "company_size",
    "industry",
    "municipality",
    "headcount",
    "needed_by",
    "preferences",
    "contact_name",
    "contact_email",
    "contact_phone",
)


@transaction.atomic
def need_create(
    *,
    values: Mapping[str, Any],
    consent: bool,
    user: User | None = None,
    origin: str = NeedOrigin.FORM,
) -> Need:
    """Store a draft need and analyse it. `values` holds the `NEED_FIELDS` (all optional but
    `text` and `contact_email`). Rejects everything with `ValidationFailed` (per field) when the
    text is empty, the email or business ID (Y-tunnus check digit) is wrong, or no consent."""
    errors = _need_errors(values, consent=consent)
    if errors:
        raise ValidationFailed(_("The need could not be saved."), details=errors)
    need = Need(origin=origin, consent_at=timezone.now())
    for name in NEED_FIELDS:
        if values.get(name) not in (None, ""):
            setattr(need, name, values[name])
    need.text = need.text.strip()
    if need.company_business_id:
        need.company_business_id = normalise_business_id(need.company_business_id)
    if user is not None and user.role == Role.COMPANY_USER and user.organisation_id:
        need.company_id = user.organisation_id
    need.save()
    return need_understand(need=need)


def _run_match(need: Need) -> dict[str, Any]:
    """Match the need; once the company has corrected the skills, match on what it confirmed."""
    skills = None
    if need.skills.filter(Q(removed=True) | Q(origin=SkillOrigin.ADDED)).exists():
        confirmed = need.skills.filter(removed=False).select_related("concept").order_by("pk")
        skills = [s.concept.uri for s in confirmed]
    kwargs: dict[str, Any] = {
        "text": need.text,
        "language": need.language or None,
        "preferences": need.preferences or None,
        "municipality": need.municipality or None,
        "needed_by": need.needed_by,
        "industry": need.industry or None,
        "skills": skills,
        "top": 10,
    }
    return match_snapshot(matching.need_match(**kwargs))


def _skills_sync(need: Need, skills: Iterable[Mapping[str, Any]]) -> None:
    """Automatic skills from the analysis; the company's removals and additions are kept."""
    existing = {s.concept.uri: s for s in need.skills.select_related("concept")}
    concepts = Concept.objects.in_bulk([s["uri"] for s in skills], field_name="uri")
    for skill in skills:
        concept = concepts.get(skill["uri"])
        if concept is None:
            continue
        row = existing.get(skill["uri"])
        if row is None:
            NeedSkill.objects.create(
                need=need, concept=concept, score=skill["score"], evidence=skill["evidence"]
            )
        elif row.origin == SkillOrigin.AUTOMATIC:
            row.score, row.evidence = skill["score"], skill["evidence"]
            row.save(update_fields=["score", "evidence"])


@transaction.atomic
def need_understand(*, need: Need) -> Need:
    """Analyse and match the need again; keeps the company's skill corrections."""
    if need.submitted_at is not None:
        raise ApplicationError(_("The need has been sent already."), code="need_sent")
    snapshot = _run_match(need)
    _skills_sync(need, snapshot["skills"])
    need.understood = snapshot
    if not need.language and snapshot["language"]:
        need.language = snapshot["language"][:2]
    need.save(update_fields=["understood", "language", "updated_at"])
    return need


@transaction.atomic
def need_skills_update(
    *,
    need: Need,
    remove: Iterable[str] = (),
    restore: Iterable[str] = (),
    add: Iterable[Concept] = (),
) -> Need:
    """Remove skills (by URI), restore removed ones, add concepts; then match again."""
    if need.submitted_at is not None:
        raise ApplicationError(_("The need has been sent already."), code="need_sent")
    need.skills.filter(concept__uri__in=list(remove)).update(removed=True)
    need.skills.filter(concept__uri__in=list(restore)).update(removed=False)
    for concept in add:
        NeedSkill.objects.update_or_create(
            need=need,
            concept=concept,
            defaults={"removed": False},
            create_defaults={"origin": SkillOrigin.ADDED, "score": 1.0},
        )
    return need_understand(need=need)


def _company_for(need: Need) -> Organisation | None:
    """The company record: by business ID, created (as an employer) when it is new."""
    if need.company_id or not need.company_business_id:
        return need.company
    found = Organisation.objects.filter(business_id=need.company_business_id).first()
    if found is None:
        name = need.company_name or need.company_business_id
        return organisation_create(
            name=name, kinds=[OrganisationKind.EMPLOYER], business_id=need.company_business_id
        )
    OrganisationRole.objects.get_or_create(organisation=found, kind=OrganisationKind.EMPLOYER)
    return found


@transaction.atomic
def need_submit(*, need: Need, user: User | None = None) -> Case:
    """Send the need: create its case with the matches as shown, route it and notify."""
    need = Need.objects.select_for_update().get(pk=need.pk)
    if need.submitted_at is not None:
        raise ApplicationError(_("The need has been sent already."), code="need_sent")
    need.company = _company_for(need)
    need.submitted_at = timezone.now()
    need.save(update_fields=["company", "submitted_at", "updated_at"])
    shown = len(need.understood.get("results", []))
    text = _("%(count)s matching offerings were shown.") % {"count": shown}
    case = case_open(need=need, user=user, text=text)
    case_route(case=case, actor=user)
    return case


def case_open(*, need: Need, text: str, user: User | None = None) -> Case:
    """The need's case in state *new*, carrying its match snapshot as shown, not yet routed."""
    snapshot = dict(need.understood)
    case = Case.objects.create(
        need=need,
        match_snapshot=snapshot,
        unmet=bool(snapshot.get("unmet")),
        best_coverage=best_coverage(snapshot),
    )
    CaseEvent.objects.create(
        case=case,
        actor=user,
        organisation=need.company,
        kind=EventKind.CREATED,
        to_state=CaseState.NEW,
        text=text,
    )
    return case
