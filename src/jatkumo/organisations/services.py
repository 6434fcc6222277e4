"""Writes for organisations, networks, people and contact roles.

Every service validates all of its input first and raises `ValidationFailed` listing each
problem; nothing is written unless everything is valid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from jatkumo.accounts.services import row_errors_from_django
from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.organisations.business_id import normalise_business_id, validate_business_id
from jatkumo.organisations.models import (
    ContactRole,
    MembershipKind,
    Network,
    NetworkMembership,
    Organisation,
    OrganisationKind,
    OrganisationRole,
    Person,
    ServiceKind,
)
from jatkumo.taxonomy.models import EducationField, Industry, Region, RegionLevel

ORGANISATION_FIELDS = frozenset(
    {
        "name",
        "name_sv",
        "name_en",
        "short_name",
        "slug",
        "business_id",
        "municipality_code",
        "website",
        "description",
        "description_sv",
        "description_en",
        "kinds",
    }
)
"""Keys accepted by `organisation_update`; `name` and `description` are the Finnish texts."""


_TEXT_ATTRIBUTES = {
    "name": "name_fi",
    "name_sv": "name_sv",
    "name_en": "name_en",
    "short_name": "short_name",
    "website": "website",
    "description": "description_fi",
    "description_sv": "description_sv",
    "description_en": "description_en",
}


def _finnish_name(organisation: Organisation) -> str:
    # `name_fi` is added by modeltranslation at runtime, so type checkers do not know it.
    return getattr(organisation, "name_fi", None) or ""


def _full_clean(instance: Any, *, message: str, exclude: Iterable[str] = ()) -> None:
    try:
        instance.full_clean(exclude=list(exclude), validate_unique=False)
    except ValidationError as exc:
        raise ValidationFailed(message, details=row_errors_from_django(exc)) from exc


def _business_id(value: str, *, organisation_id: int | None) -> tuple[str | None, list[RowError]]:
    """The normalised business ID (None when empty) and any problems with it."""
    value = value.strip()
    if not value:
        return None, []
    value = normalise_business_id(value)
    try:
        validate_business_id(value)
    except ValidationError as exc:
        return None, [RowError(field="business_id", message=m) for m in exc.messages]
    taken = Organisation.objects.filter(business_id=value)
    if organisation_id is not None:
        taken = taken.exclude(pk=organisation_id)
    if taken.exists():
        return None, [
            RowError(
                field="business_id",
                message=_("Another organisation already has business ID %(value)s.")
                % {"value": value},
            )
        ]
    return value, []


def _municipality(code: str) -> tuple[Region | None, list[RowError]]:
    code = code.strip()
    if not code:
        return None, []
    region = Region.objects.filter(code=code, level=RegionLevel.MUNICIPALITY).first()
    if region is None:
        message = _("No municipality has the code %(code)s.") % {"code": code}
        return None, [RowError(field="municipality_code", message=message)]
    return region, []


def _kinds_errors(kinds: Iterable[str], *, valid: Iterable[str], field: str) -> list[RowError]:
    valid_set = set(valid)
    return [
        RowError(field=field, message=_("Unknown kind: %(kind)s.") % {"kind": kind})
        for kind in kinds
        if kind not in valid_set
    ]


def _unique_slug(base: str, *, model: type[Organisation] | type[Network]) -> str:
    base = slugify(base)[:70] or "organisation"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _organisation_apply(organisation: Organisation, values: Mapping[str, Any]) -> list[RowError]:
    """Set `values` on `organisation` (unsaved) and return every problem found."""
    errors: list[RowError] = []
    unknown = sorted(set(values) - ORGANISATION_FIELDS)
    errors += [RowError(field=key, message=_("This field cannot be changed.")) for key in unknown]
    for key, attr in _TEXT_ATTRIBUTES.items():
        if key in values:
            text = (values[key] or "").strip()
            # Empty translations are stored as NULL so that modeltranslation falls back to Finnish.
            setattr(organisation, attr, text or (None if attr[-3:] in {"_sv", "_en"} else ""))
    if not _finnish_name(organisation).strip():
        errors.append(RowError(field="name", message=_("Enter the name in Finnish.")))
    if organisation.website:
        try:
            URLValidator(schemes=["http", "https"])(organisation.website)
        except ValidationError:
            errors.append(RowError(field="website", message=_("Enter a valid web address.")))
    if "business_id" in values:
        organisation.business_id, found = _business_id(
            values["business_id"] or "", organisation_id=organisation.pk
        )
        errors += found
    if "municipality_code" in values:
        organisation.municipality, found = _municipality(values["municipality_code"] or "")
        errors += found
    if values.get("slug"):
        organisation.slug = values["slug"]
        if Organisation.objects.filter(slug=organisation.slug).exclude(pk=organisation.pk).exists():
            errors.append(RowError(field="slug", message=_("This slug is already in use.")))
    elif not organisation.slug:
        organisation.slug = _unique_slug(
            organisation.short_name or _finnish_name(organisation), model=Organisation
        )
    errors += _kinds_errors(values.get("kinds", ()), valid=OrganisationKind.values, field="kinds")
    return errors


def _organisation_roles_set(*, organisation: Organisation, kinds: Iterable[str]) -> None:
    wanted = set(kinds)
    organisation.roles.exclude(kind__in=wanted).delete()
    existing = set(organisation.roles.values_list("kind", flat=True))
    OrganisationRole.objects.bulk_create(
        OrganisationRole(organisation=organisation, kind=kind) for kind in sorted(wanted - existing)
    )


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kinds: Iterable[str] = (),
    short_name: str = "",
    slug: str = "",
    business_id: str = "",
    municipality_code: str = "",
    website: str = "",
    description: str = "",
    name_sv: str = "",
    name_en: str = "",
) -> Organisation:
    """Create an organisation with its roles (`OrganisationKind` values).

    `name` and `description` are in Finnish. The business ID is checked (format and check digit)
    and old six-digit IDs get their leading zero. Without a slug one is made from the short name
    or the name. The municipality is given by its code, e.g. "837" for Tampere.
    """
    kinds = list(kinds)
    values = {
        "name": name,
        "kinds": kinds,
        "short_name": short_name,
        "slug": slug,
        "business_id": business_id,
        "municipality_code": municipality_code,
        "website": website,
        "description": description,
        "name_sv": name_sv,
        "name_en": name_en,
    }
    organisation = Organisation()
    errors = _organisation_apply(organisation, values)
    message = _("The organisation could not be created.")
    if errors:
        raise ValidationFailed(message, details=errors)
    _full_clean(organisation, message=message)
    organisation.save()
    _organisation_roles_set(organisation=organisation, kinds=kinds)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, data: Mapping[str, Any]) -> Organisation:
    """Change the fields of `organisation` named in `data` (keys in `ORGANISATION_FIELDS`).

    `kinds`, when given, becomes the complete set of the organisation's roles. Unknown keys are
    rejected. On failure the organisation in the database is left as it was.
    """
    fresh = Organisation.objects.get(pk=organisation.pk)
    errors = _organisation_apply(fresh, data)
    message = _("The organisation could not be changed.")
    if errors:
        raise ValidationFailed(message, details=errors)
    _full_clean(fresh, message=message)
    fresh.save()
    if "kinds" in data:
        _organisation_roles_set(organisation=fresh, kinds=data["kinds"])
    return fresh


@transaction.atomic
def network_create(
    *,
    name: str,
    slug: str = "",
    region_code: str = "",
    description: str = "",
    name_sv: str = "",
    name_en: str = "",
) -> Network:
    """Create a continuous-learning network, usually for one region (e.g. "MK06" Pirkanmaa)."""
    errors: list[RowError] = []
    if not name.strip():
        errors.append(RowError(field="name", message=_("Enter the name in Finnish.")))
    region = None
    if region_code:
        region = Region.objects.filter(code=region_code, level=RegionLevel.REGION).first()
        if region is None:
            message = _("No region has the code %(code)s.") % {"code": region_code}
            errors.append(RowError(field="region_code", message=message))
    if slug and Network.objects.filter(slug=slug).exists():
        errors.append(RowError(field="slug", message=_("This slug is already in use.")))
    message = _("The network could not be created.")
    if errors:
        raise ValidationFailed(message, details=errors)
    network = Network(
        name_fi=name.strip(),
        name_sv=name_sv or None,
        name_en=name_en or None,
        description_fi=description,
        region=region,
        slug=slug or _unique_slug(name, model=Network),
    )
    _full_clean(network, message=message)
    network.save()
    return network


@transaction.atomic
def network_membership_set(
    *,
    network: Network,
    organisation: Organisation,
    kinds: Iterable[str],
    since: date | None = None,
) -> list[NetworkMembership]:
    """Make `kinds` (`MembershipKind` values) the organisation's complete set of memberships.

    Kinds not listed are removed; an empty list takes the organisation out of the network.
    `since` is recorded on memberships created now.
    """
    wanted = set(kinds)
    errors = _kinds_errors(wanted, valid=MembershipKind.values, field="kinds")
    if errors:
        raise ValidationFailed(_("The membership could not be saved."), details=errors)
    current = NetworkMembership.objects.filter(network=network, organisation=organisation)
    current.exclude(kind__in=wanted).delete()
    existing = set(current.values_list("kind", flat=True))
    NetworkMembership.objects.bulk_create(
        NetworkMembership(network=network, organisation=organisation, kind=kind, since=since)
        for kind in sorted(wanted - existing)
    )
    return list(current.order_by("kind"))


@transaction.atomic
def person_create(
    *, first_name: str, last_name: str, email: str, phone: str = "", title: str = ""
) -> Person:
    """Create a contact person. The work email identifies the person (case-insensitively)."""
    email = BaseUserManager.normalize_email(email.strip())
    errors: list[RowError] = []
    if not first_name.strip():
        errors.append(RowError(field="first_name", message=_("Enter the first name.")))
    if not last_name.strip():
        errors.append(RowError(field="last_name", message=_("Enter the last name.")))
    try:
        validate_email(email)
    except ValidationError:
        errors.append(RowError(field="email", message=_("Enter a valid email address.")))
    else:
        if Person.objects.filter(email__iexact=email).exists():
            message = _("A person with the email %(email)s already exists.") % {"email": email}
            errors.append(RowError(field="email", message=message))
    message = _("The person could not be created.")
    if errors:
        raise ValidationFailed(message, details=errors)
    person = Person(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        phone=phone.strip(),
        title=title.strip(),
    )
    _full_clean(person, message=message)
    person.save()
    return person


@transaction.atomic
def contact_role_create(
    *,
    person: Person,
    organisation: Organisation,
    service: str,
    education_field: EducationField | None = None,
    industry: Industry | None = None,
    description: str = "",
    is_public: bool = True,
) -> ContactRole:
    """Make `person` the contact for `service` at `organisation`, for a field or industry.

    Without a field and an industry the role covers the whole organisation. The same
    person × organisation × field × industry × service is rejected, also when the field and
    the industry are both empty.
    """
    errors: list[RowError] = []
    if service not in ServiceKind.values:
        errors.append(
            RowError(field="service", message=_("Unknown service: %(s)s.") % {"s": service})
        )
    duplicate = ContactRole.objects.filter(
        person=person,
        organisation=organisation,
        service=service,
        education_field=education_field,
        industry=industry,
    )
    if duplicate.exists():
        errors.append(
            RowError(
                field="service",
                message=_(
                    "%(person)s is already the contact for this service at %(organisation)s "
                    "for the same field of education and industry."
                )
                % {"person": person, "organisation": organisation},
            )
        )
    message = _("The contact role could not be created.")
    if errors:
        raise ValidationFailed(message, details=errors)
    contact_role = ContactRole(
        person=person,
        organisation=organisation,
        service=service,
        education_field=education_field,
        industry=industry,
        description=description.strip(),
        is_public=is_public,
    )
    _full_clean(contact_role, message=message)
    contact_role.save()
    return contact_role
