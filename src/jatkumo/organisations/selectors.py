"""Reads of organisations and contacts. Never writes."""

from __future__ import annotations

from jatkumo.organisations.models import ContactRole, Organisation


def organisation_counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "contact_roles": ContactRole.objects.filter(is_public=True).count(),
    }
