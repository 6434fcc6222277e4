"""Who may do what: small predicates that views, the API and services share.

Roles: the *public* (anonymous visitors), company users and provider staff (each bound to one
organisation), guidance counsellors, network coordinators and administrators. Inactive accounts
are treated as the public. The predicates take an organisation *id* so that this module stays
below `organisations` in the import layers.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from jatkumo.accounts.models import Role, User

AnyUser = User | AnonymousUser


def user_role(user: AnyUser) -> Role | None:
    """The user's role, or None for the public (anonymous or inactive)."""
    if not isinstance(user, User) or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    return Role(user.role)


def user_is_admin(user: AnyUser) -> bool:
    return user_role(user) == Role.ADMIN


def user_is_coordinator(user: AnyUser) -> bool:
    """Network coordinators and administrators run the network: registry, foresight, reports."""
    return user_role(user) in {Role.COORDINATOR, Role.ADMIN}


def user_is_counsellor(user: AnyUser) -> bool:
    return user_role(user) == Role.COUNSELLOR


def user_organisation_id(user: AnyUser) -> int | None:
    """The organisation the user acts for, if any (None for the public)."""
    if isinstance(user, User) and user.is_active:
        return user.organisation_id
    return None


def user_can_edit_organisation(user: AnyUser, organisation_id: int | None) -> bool:
    """Coordinators edit every organisation; provider staff and company users only their own."""
    if user_is_coordinator(user):
        return True
    if user_role(user) not in {Role.PROVIDER_STAFF, Role.COMPANY_USER}:
        return False
    return organisation_id is not None and organisation_id == user_organisation_id(user)


def user_can_manage_contacts(user: AnyUser, organisation_id: int | None) -> bool:
    """Contact people and roles of an organisation are kept by those who may edit it."""
    return user_can_edit_organisation(user, organisation_id)


def user_can_publish_offerings(user: AnyUser, organisation_id: int | None) -> bool:
    """Offerings are published by the provider's own staff or by coordinators."""
    if user_is_coordinator(user):
        return True
    return user_role(user) == Role.PROVIDER_STAFF and organisation_id == user_organisation_id(user)


def user_can_see_non_public_contacts(user: AnyUser) -> bool:
    """Non-public contact roles are for the people who route needs: staff of the network."""
    return user_role(user) in {Role.PROVIDER_STAFF, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN}


def user_can_manage_users(user: AnyUser) -> bool:
    return user_is_admin(user)
