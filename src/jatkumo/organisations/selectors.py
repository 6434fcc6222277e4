"""Reads of organisations and contacts. Never writes."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from jatkumo.core.errors import NotFound
from jatkumo.organisations.models import ContactRole, Network, Organisation
from jatkumo.taxonomy.models import EducationField, Industry


def organisation_counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "contact_roles": ContactRole.objects.filter(is_public=True).count(),
    }


def organisation_list(
    *, kind: str | None = None, network: Network | None = None, q: str | None = None
) -> QuerySet[Organisation]:
    """Organisations by name, optionally of one role kind, in one network, or matching `q`.

    `q` matches any part of the name in any language, the short name or the business ID.
    """
    organisations = Organisation.objects.select_related("municipality").prefetch_related("roles")
    if kind:
        organisations = organisations.filter(roles__kind=kind)
    if network is not None:
        organisations = organisations.filter(memberships__network=network)
    if q and q.strip():
        text = q.strip()
        organisations = organisations.filter(
            Q(name_fi__icontains=text)
            | Q(name_sv__icontains=text)
            | Q(name_en__icontains=text)
            | Q(short_name__icontains=text)
            | Q(business_id__startswith=text)
        )
    return organisations.distinct().order_by("name_fi", "pk")


def organisation_get(
    *, organisation_id: int | None = None, slug: str | None = None
) -> Organisation:
    """One organisation by id or slug, with its roles and memberships; `NotFound` otherwise."""
    organisations = Organisation.objects.select_related("municipality").prefetch_related(
        "roles", "memberships__network"
    )
    if organisation_id is not None:
        found = organisations.filter(pk=organisation_id).first()
    elif slug:
        found = organisations.filter(slug=slug).first()
    else:
        found = None
    if found is None:
        raise NotFound(_("No such organisation."))
    return found


def contact_directory(
    *,
    education_field: EducationField | str | None = None,
    industry: Industry | str | None = None,
    organisation: Organisation | None = None,
    service: str | None = None,
) -> QuerySet[ContactRole]:
    """The public who-to-contact directory: public contact roles with person and organisation.

    Fields and industries may be given as objects or codes ("06", "C"). Filters match exactly:
    a role without a field is not listed under a field. Ordered by organisation, service,
    field, industry and person.
    """
    roles = ContactRole.objects.filter(is_public=True).select_related(
        "person", "organisation", "education_field", "industry"
    )
    if isinstance(education_field, str):
        roles = roles.filter(education_field__code=education_field)
    elif education_field is not None:
        roles = roles.filter(education_field=education_field)
    if isinstance(industry, str):
        roles = roles.filter(industry__code=industry)
    elif industry is not None:
        roles = roles.filter(industry=industry)
    if organisation is not None:
        roles = roles.filter(organisation=organisation)
    if service:
        roles = roles.filter(service=service)
    return roles.order_by(
        "organisation__name_fi",
        "service",
        "education_field__code",
        "industry__code",
        "person__last_name",
        "person__first_name",
    )
