"""The public who-to-contact directory: contact roles by field × organisation, filterable."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from jatkumo.organisations.models import ContactRole, Organisation, ServiceKind
from jatkumo.organisations.selectors import contact_directory
from jatkumo.taxonomy.models import EducationField, Industry


def _choice(request: HttpRequest, name: str, allowed: set[str]) -> str:
    value = request.GET.get(name, "")
    return value if value in allowed else ""


def field_title(role: ContactRole) -> str:
    """The heading a role is listed under: its field of education or industry, else general."""
    if role.education_field is not None:
        return role.education_field.name
    if role.industry is not None:
        return role.industry.name
    return _("All fields")


def _grouped(roles: list[ContactRole]) -> list[tuple[str, list[tuple[str, list[ContactRole]]]]]:
    """Field → organisation → roles; general contacts last."""
    groups: dict[str, OrderedDict[str, list[ContactRole]]] = {}
    for role in roles:
        by_org = groups.setdefault(field_title(role), OrderedDict())
        by_org.setdefault(role.organisation.name, []).append(role)
    general = _("All fields")
    order = sorted(groups, key=lambda title: (title == general, title.casefold()))
    return [(title, list(groups[title].items())) for title in order]


def contact_directory_page(request: HttpRequest) -> HttpResponse:
    fields = list(EducationField.objects.filter(contact_roles__is_public=True).distinct())
    industries = list(Industry.objects.filter(contact_roles__is_public=True).distinct())
    organisations = list(
        Organisation.objects.filter(contact_roles__is_public=True).distinct().order_by("name_fi")
    )
    chosen = {
        "field": _choice(request, "field", {f.code for f in fields}),
        "industry": _choice(request, "industry", {i.code for i in industries}),
        "organisation": _choice(request, "organisation", {o.slug for o in organisations}),
        "service": _choice(request, "service", set(ServiceKind.values)),
    }
    organisation = next((o for o in organisations if o.slug == chosen["organisation"]), None)
    roles = list(
        contact_directory(
            education_field=chosen["field"] or None,
            industry=chosen["industry"] or None,
            organisation=organisation,
            service=chosen["service"] or None,
        )
    )
    context: dict[str, Any] = {
        "groups": _grouped(roles),
        "count": len(roles),
        "fields": fields,
        "industries": industries,
        "organisations": organisations,
        "services": ServiceKind.choices,
        "chosen": chosen,
        "filtered": any(chosen.values()),
    }
    return render(request, "organisations/public/directory.html", context)
