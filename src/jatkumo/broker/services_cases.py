"""Cases: routing, states, notes, proposals and sharing, each written to the case history.

States: new → routed → contacted → proposal → agreed → delivered; any open state → withdrawn;
new or routed → unmet when nothing fits; a coordinator can reopen a closed case. Every change
writes a `CaseEvent` (who, for which organisation, when, from and to) and notifies the people
who follow the case. The first contact, note or proposal by a routed organisation is its
response time, kept on the routing and (the earliest) on the case.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jatkumo.accounts.models import User
from jatkumo.accounts.permissions import user_is_coordinator
from jatkumo.broker import access
from jatkumo.broker.models import Case, CaseEvent, CaseRouting, CaseState, EventKind
from jatkumo.broker.notifications import notify_case, notify_company
from jatkumo.broker.routing import routing_targets
from jatkumo.broker.snapshot import offering_ids
from jatkumo.catalogue.models import Offering
from jatkumo.core.errors import ApplicationError

S = CaseState
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.ROUTED, S.UNMET, S.WITHDRAWN}),
    S.ROUTED: frozenset({S.CONTACTED, S.PROPOSAL, S.UNMET, S.WITHDRAWN}),
    S.CONTACTED: frozenset({S.PROPOSAL, S.WITHDRAWN}),
    S.PROPOSAL: frozenset({S.AGREED, S.CONTACTED, S.WITHDRAWN}),
    S.AGREED: frozenset({S.DELIVERED, S.WITHDRAWN}),
    S.DELIVERED: frozenset(),
    S.UNMET: frozenset(),
    S.WITHDRAWN: frozenset(),
}
CLOSED = frozenset({S.DELIVERED, S.UNMET, S.WITHDRAWN})
RESPONSES = frozenset({S.CONTACTED, S.PROPOSAL})


class PermissionDenied(ApplicationError):
    def __init__(self, message: str) -> None:
        super().__init__(message=message, code="permission_denied", status=403)


def _organisation_id(user: User | None) -> int | None:
    return user.organisation_id if user is not None else None


def _record_response(case: Case, user: User) -> None:
    """The first response of a routed organisation, on its routing and on the case."""
    if user.organisation_id is None:
        return
    now = timezone.now()
    updated = CaseRouting.objects.filter(
        case=case, organisation_id=user.organisation_id, responded_at__isnull=True
    ).update(responded_at=now)
    if updated and case.first_response_at is None:
        case.first_response_at = now
        case.save(update_fields=["first_response_at", "updated_at"])


@transaction.atomic
def case_route(*, case: Case, actor: User | None = None) -> list[CaseRouting]:
    """Invite the fitting providers' contacts (see `broker.routing`) and notify them.

    A case that no contact role fits and no offering covers becomes unmet; one that no role fits
    but offerings do stays new, for a coordinator to route by hand.
    """
    snapshot = case.match_snapshot
    targets = routing_targets(
        understood=snapshot,
        industry=case.need.industry or str((snapshot.get("industry") or {}).get("code", "")),
        offering_ids=offering_ids(snapshot),
        exclude_organisation_id=case.need.company_id,
    )
    routings = [
        CaseRouting.objects.get_or_create(
            case=case,
            organisation_id=t.organisation_id,
            defaults={"contact_role": t.contact_role, "reason": t.reason},
        )[0]
        for t in targets
    ]
    for routing in routings:
        CaseEvent.objects.create(
            case=case,
            actor=actor,
            kind=EventKind.ROUTED,
            organisation=routing.organisation,
            text=routing.reason,
        )
    if routings and case.state == S.NEW:
        _state_set(case, S.ROUTED, user=actor, text="")
        names = ", ".join(r.organisation.name for r in routings)
        notify_case(
            case=case,
            actor=actor,
            subject=_("New company need: %(title)s") % {"title": _title(case)},
            body=_("A company need was routed to you (%(names)s).\n\n%(text)s")
            % {"names": names, "text": case.need.text},
        )
        notify_company(
            case=case,
            subject=_("Your need was sent to %(names)s") % {"names": names},
            body=_("Your need was sent to: %(names)s. They will contact you.") % {"names": names},
        )
    elif not routings and case.unmet and case.state == S.NEW:
        _state_set(case, S.UNMET, user=actor, text=_("No provider or offering fits the need."))
    return routings


def _title(case: Case) -> str:
    text = " ".join(case.need.text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def _state_set(case: Case, to_state: str, *, user: User | None, text: str) -> CaseEvent:
    event = CaseEvent.objects.create(
        case=case,
        actor=user,
        organisation_id=_organisation_id(user),
        kind=EventKind.STATE,
        from_state=case.state,
        to_state=to_state,
        text=text,
    )
    case.state = to_state
    case.save(update_fields=["state", "updated_at"])
    return event


@transaction.atomic
def case_transition(*, case: Case, to_state: str, user: User, text: str = "") -> Case:
    """Move the case to `to_state` if that is allowed from its state and for this user."""
    case = Case.objects.select_for_update().select_related("need").get(pk=case.pk)
    if to_state not in TRANSITIONS:
        raise ApplicationError(_("Unknown state."), code="invalid_state")
    if to_state not in TRANSITIONS[case.state]:
        raise ApplicationError(
            _("A case cannot move from “%(from)s” to “%(to)s”.")
            % {"from": S(case.state).label, "to": S(to_state).label},
            code="invalid_transition",
        )
    allowed = (
        access.user_can_withdraw_case(user, case)
        if to_state == S.WITHDRAWN
        else access.user_can_work_on_case(user, case)
    )
    if not allowed:
        raise PermissionDenied(_("Only the routed providers and coordinators can move this case."))
    from_label = S(case.state).label
    _state_set(case, to_state, user=user, text=text)
    if to_state in RESPONSES:
        _record_response(case, user)
    subject = _("Case %(title)s: %(state)s") % {"title": _title(case), "state": S(to_state).label}
    body = _("%(who)s moved the case from “%(from)s” to “%(to)s”.") % {
        "who": user.get_full_name() or user.username,
        "from": from_label,
        "to": S(to_state).label,
    }
    notify_case(case=case, actor=user, subject=subject, body=f"{body}\n{text}".strip())
    notify_company(case=case, subject=subject, body=body)
    return case


@transaction.atomic
def case_reopen(*, case: Case, user: User, text: str = "") -> Case:
    """A coordinator reopens a closed case: back to routed if it has routings, else new."""
    if not user_is_coordinator(user):
        raise PermissionDenied(_("Only coordinators can reopen a case."))
    if case.state not in CLOSED:
        raise ApplicationError(_("The case is open already."), code="invalid_transition")
    to_state = S.ROUTED if case.routings.exists() else S.NEW
    _state_set(case, to_state, user=user, text=text)
    notify_case(
        case=case,
        actor=user,
        subject=_("Case %(title)s was reopened") % {"title": _title(case)},
        body=text,
    )
    return case


def _join_if_shared(case: Case, user: User) -> None:
    """Provider staff who answer a shared case join it with a routing of their own."""
    if user.organisation_id and not access.user_is_routed(user, case):
        CaseRouting.objects.get_or_create(
            case=case,
            organisation_id=user.organisation_id,
            defaults={"reason": _("joined the case after it was shared with the network")},
        )


@transaction.atomic
def case_note_add(*, case: Case, user: User, text: str, private: bool = False) -> CaseEvent:
    """A note in the history; a private one is seen only by the author's organisation."""
    if not text.strip():
        raise ApplicationError(_("Write the note first."), code="empty_note")
    if not access.user_can_comment_on_case(user, case):
        raise PermissionDenied(_("You cannot add notes to this case."))
    private = private and bool(user.organisation_id)
    if not private:
        _join_if_shared(case, user)
    event = CaseEvent.objects.create(
        case=case,
        actor=user,
        organisation_id=user.organisation_id,
        kind=EventKind.NOTE,
        text=text.strip(),
        private=private,
    )
    _record_response(case, user)
    notify_case(
        case=case,
        actor=user,
        only_organisation_id=user.organisation_id if private else None,
        subject=_("New note on case %(title)s") % {"title": _title(case)},
        body=text.strip(),
    )
    return event


@transaction.atomic
def case_propose_offering(
    *, case: Case, user: User, offering: Offering, text: str = ""
) -> CaseEvent:
    """Propose an offering; moves a routed or contacted case to “proposal made”."""
    if not access.user_can_comment_on_case(user, case):
        raise PermissionDenied(_("You cannot make proposals on this case."))
    _join_if_shared(case, user)
    event = CaseEvent.objects.create(
        case=case,
        actor=user,
        organisation_id=user.organisation_id,
        kind=EventKind.PROPOSAL,
        offering=offering,
        text=text.strip(),
    )
    _record_response(case, user)
    if case.state in {S.ROUTED, S.CONTACTED}:
        _state_set(case, S.PROPOSAL, user=user, text="")
    notify_case(
        case=case,
        actor=user,
        subject=_("Offering proposed for case %(title)s") % {"title": _title(case)},
        body=f"{offering.title}\n{text}".strip(),
    )
    return event


@transaction.atomic
def case_share(*, case: Case, user: User) -> Case:
    """Share the case with the whole network: every provider's staff can then see it."""
    if not access.user_can_work_on_case(user, case):
        raise PermissionDenied(_("Only the routed providers and coordinators can share a case."))
    if case.shared_with_network:
        return case
    case.shared_with_network = True
    case.save(update_fields=["shared_with_network", "updated_at"])
    CaseEvent.objects.create(
        case=case, actor=user, organisation_id=user.organisation_id, kind=EventKind.SHARED
    )
    notify_case(
        case=case,
        actor=user,
        subject=_("Case %(title)s was shared with the network") % {"title": _title(case)},
        body=case.need.text,
    )
    return case
