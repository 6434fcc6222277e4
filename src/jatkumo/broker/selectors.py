"""Reads for intake and cases: drafts, case lists and details by role, company history."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from jatkumo.accounts.models import User
from jatkumo.accounts.permissions import AnyUser, user_is_coordinator, user_role
from jatkumo.broker import access
from jatkumo.broker.models import Case, CaseEvent, CaseRouting, CaseState, Need, Notification
from jatkumo.broker.routing import RoutingTarget, routing_targets
from jatkumo.broker.snapshot import offering_ids
from jatkumo.catalogue.models import Offering
from jatkumo.catalogue.selectors import offering_path
from jatkumo.core.errors import NotFound
from jatkumo.organisations.models import Organisation
from jatkumo.taxonomy.models import Industry, Region
from jatkumo.taxonomy.selectors import concept_label

OPEN_STATES = [CaseState.NEW, CaseState.ROUTED, CaseState.CONTACTED, CaseState.PROPOSAL]


def need_get(*, public_id: uuid.UUID | str) -> Need:
    """A need by its public id (drafts included); `NotFound` otherwise."""
    try:
        return Need.objects.select_related("company").get(public_id=public_id)
    except (Need.DoesNotExist, ValueError) as error:
        raise NotFound(_("No such need.")) from error


def need_routing_preview(*, need: Need) -> list[RoutingTarget]:
    """Who would get the case if it were sent now."""
    understood = dict(need.understood)
    industry = need.industry or str((understood.get("industry") or {}).get("code", ""))
    return routing_targets(
        understood=understood,
        industry=industry,
        offering_ids=offering_ids(understood),
        exclude_organisation_id=need.company_id,
    )


@dataclass(frozen=True)
class OfferingCard:
    """A matched offering as the pages show it: the snapshot's reasons plus the live row."""

    offering: Offering | None
    url: str
    title: str
    provider: str
    score: float
    reasons: Sequence[str]


def offerings_by_pk(ids: Sequence[Any]) -> dict[int, Offering]:
    pks = [int(i) for i in ids if str(i).isdigit()]
    return Offering.objects.select_related("provider").in_bulk(pks)


def snapshot_cards(snapshot: Mapping[str, Any]) -> tuple[list[OfferingCard], list[dict[str, Any]]]:
    """Ranked offerings and packages of a snapshot, with links to the offerings' pages."""
    found = offerings_by_pk(offering_ids(snapshot))

    def card(pk: Any, result: Mapping[str, Any]) -> OfferingCard:
        offering = found.get(int(pk)) if str(pk).isdigit() else None
        return OfferingCard(
            offering=offering,
            url=offering_path(offering) if offering else "",
            title=offering.title if offering else str(result.get("title", "")),
            provider=offering.provider.name if offering else str(result.get("provider", "")),
            score=float(result.get("score") or 0.0),
            reasons=list(result.get("reasons", [])),
        )

    cards = [card(r.get("offering_id"), r) for r in snapshot.get("results", [])]
    packages = [
        {**p, "offerings": [card(pk, {}) for pk in p.get("offering_ids", [])]}
        for p in snapshot.get("packages", [])
    ]
    return cards, packages


def case_list_for_user(
    *, user: AnyUser, state: str = "", unmet: bool | None = None, scope: str = ""
) -> QuerySet[Case]:
    """Cases the user may see, newest first. `scope` is `mine` (routed to my organisation) or
    `shared` (shared with the network); `state` one of `CaseState` or `open`."""
    cases = Case.objects.select_related("need", "need__company").prefetch_related(
        Prefetch("routings", queryset=CaseRouting.objects.select_related("organisation"))
    )
    condition = access.case_visibility_q(user)
    if condition is not None:
        cases = cases.filter(condition)
    if state == "open":
        cases = cases.filter(state__in=OPEN_STATES)
    elif state in CaseState.values:
        cases = cases.filter(state=state)
    if unmet is not None:
        cases = cases.filter(unmet=unmet)
    org_id = user.organisation_id if isinstance(user, User) else None
    if scope == "mine":
        cases = cases.filter(routings__organisation_id=org_id or 0)
    elif scope == "shared":
        cases = cases.filter(shared_with_network=True)
    return cases.distinct().order_by("-created_at", "-pk")


def case_get_for_user(*, user: AnyUser, case_id: int) -> Case:
    """One case the user may see; `NotFound` for cases that do not exist or are not theirs."""
    case = (
        Case.objects.select_related("need", "need__company")
        .prefetch_related(
            Prefetch(
                "routings",
                queryset=CaseRouting.objects.select_related(
                    "organisation", "contact_role__person", "contact_role__education_field"
                ).order_by("routed_at", "pk"),
            )
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None or not access.user_can_see_case(user, case):
        raise NotFound(_("No such case."))
    return case


def case_events_for_user(*, case: Case, user: AnyUser | None) -> list[CaseEvent]:
    """The history the user may read; `None` is the company's public status page, which
    shows no notes marked private and no private details of who acted."""
    events = case.events.select_related("actor", "organisation", "offering")
    if user is None:
        return list(events.filter(private=False))
    return [e for e in events if access.user_can_see_event(user, e)]


def response_time(case: Case) -> dt.timedelta | None:
    """Time from routing to the first response, when there was one."""
    if case.first_response_at is None:
        return None
    routed = min((r.routed_at for r in case.routings.all()), default=case.created_at)
    return case.first_response_at - routed


def notification_list(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(recipient=user).select_related("case")
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.order_by("-created_at", "-pk")


def notification_unread_count(*, user: AnyUser) -> int:
    if not isinstance(user, User):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def user_can_see_company(user: AnyUser, organisation: Organisation) -> bool:
    """Coordinators; provider staff routed to (or shared) one of its cases; its own users."""
    if user_is_coordinator(user):
        return True
    if user_role(user) is None:
        return False
    return case_list_for_user(user=user).filter(need__company=organisation).exists()


@dataclass(frozen=True)
class CompanyCase:
    case: Case
    events: list[CaseEvent]
    visible: bool  # the user may open the case itself


def company_history(*, organisation: Organisation, user: AnyUser) -> list[CompanyCase]:
    """The company's cases across providers (a shared customer), each with the history the
    user may read: other organisations' private notes are never included.
    """
    if not user_can_see_company(user, organisation):
        raise NotFound(_("No such company."))
    cases = (
        Case.objects.filter(need__company=organisation)
        .select_related("need")
        .prefetch_related("routings__organisation")
        .order_by("-created_at", "-pk")
    )
    return [
        CompanyCase(
            case, case_events_for_user(case=case, user=user), access.user_can_see_case(user, case)
        )
        for case in cases
    ]


def company_get(*, organisation_id: int) -> Organisation:
    found = Organisation.objects.filter(pk=organisation_id).first()
    if found is None:
        raise NotFound(_("No such company."))
    return found


def company_contacts(*, organisation: Organisation) -> QuerySet[Need]:
    """The company's contact people as given in its needs, newest first."""
    return (
        Need.objects.filter(company=organisation, submitted_at__isnull=False)
        .exclude(Q(contact_name="") & Q(contact_email=""))
        .order_by("-submitted_at")
    )


def need_facts(need: Need) -> dict[str, Any]:
    """Names for the need's codes and its confirmed skills' labels, for the case page."""
    lang = translation.get_language() or "fi"
    industry_code = need.industry or str((need.understood.get("industry") or {}).get("code", ""))
    rows = need.skills.filter(removed=False).select_related("concept")
    return {
        "industry": Industry.objects.filter(code=industry_code).first() or industry_code,
        "municipality": Region.objects.filter(code=need.municipality).first()
        if need.municipality
        else None,
        "skill_labels": [
            concept_label(row.concept, lang)
            for row in rows.prefetch_related("concept__labels").order_by("-score", "pk")
        ],
    }
