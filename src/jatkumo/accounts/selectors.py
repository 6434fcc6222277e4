"""Reads of users. Never writes."""

from __future__ import annotations

from django.db.models import QuerySet

from jatkumo.accounts.models import User


def user_list(*, role: str | None = None, organisation_id: int | None = None) -> QuerySet[User]:
    """Active users, optionally of one role or one organisation, by username."""
    users = User.objects.filter(is_active=True).select_related("organisation")
    if role is not None:
        users = users.filter(role=role)
    if organisation_id is not None:
        users = users.filter(organisation_id=organisation_id)
    return users.order_by("username")
