"""Who may see and act on a case. Shared by selectors, services and pages.

Coordinators see every case. Provider staff see the cases routed to their organisation and the
cases shared with the whole network. Company users see their own organisation's needs. Private
notes are seen only by the author's organisation and by coordinators.
"""

from __future__ import annotations

from django.db.models import Q

from jatkumo.accounts.models import Role, User
from jatkumo.accounts.permissions import AnyUser, user_is_coordinator, user_role
from jatkumo.broker.models import Case, CaseEvent


def case_visibility_q(user: AnyUser) -> Q | None:
    """A filter on `Case` for what the user may see; None means everything, `Q(pk=None)` nothing."""
    if user_is_coordinator(user):
        return None
    role = user_role(user)
    org_id = user.organisation_id if isinstance(user, User) else None
    if role == Role.PROVIDER_STAFF and org_id:
        return Q(routings__organisation_id=org_id) | Q(shared_with_network=True)
    if role == Role.COMPANY_USER and org_id:
        return Q(need__company_id=org_id)
    return Q(pk__in=[])


def user_can_see_case(user: AnyUser, case: Case) -> bool:
    condition = case_visibility_q(user)
    if condition is None:
        return True
    return Case.objects.filter(condition, pk=case.pk).exists()


def user_is_routed(user: AnyUser, case: Case) -> bool:
    """The user works for an organisation the case was routed to."""
    if not isinstance(user, User) or not user.organisation_id:
        return False
    return case.routings.filter(organisation_id=user.organisation_id).exists()


def user_can_work_on_case(user: AnyUser, case: Case) -> bool:
    """Move the case, share it: coordinators and staff of a routed organisation."""
    return user_is_coordinator(user) or (
        user_role(user) == Role.PROVIDER_STAFF and user_is_routed(user, case)
    )


def user_can_comment_on_case(user: AnyUser, case: Case) -> bool:
    """Notes and proposals: anyone who works on the case, and provider staff once it is shared."""
    if user_can_work_on_case(user, case):
        return True
    return user_role(user) == Role.PROVIDER_STAFF and case.shared_with_network


def user_can_withdraw_case(user: AnyUser, case: Case) -> bool:
    if user_can_work_on_case(user, case):
        return True
    org_id = user.organisation_id if isinstance(user, User) else None
    return (
        user_role(user) == Role.COMPANY_USER
        and org_id is not None
        and org_id == case.need.company_id
    )


def user_can_see_event(user: AnyUser, event: CaseEvent) -> bool:
    if not event.private or user_is_coordinator(user):
        return True
    org_id = user.organisation_id if isinstance(user, User) else None
    return org_id is not None and org_id == event.organisation_id
