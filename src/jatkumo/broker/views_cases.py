"""Pages for the network: case list, case detail with its actions, the inbox, company pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jatkumo.accounts.models import User
from jatkumo.broker import access
from jatkumo.broker.forms import NoteForm, ProposeForm, TransitionForm
from jatkumo.broker.models import Case, CaseState
from jatkumo.broker.notifications import notification_mark_read
from jatkumo.broker.selectors import (
    case_events_for_user,
    case_get_for_user,
    case_list_for_user,
    company_contacts,
    company_get,
    company_history,
    need_facts,
    notification_list,
    response_time,
    snapshot_cards,
)
from jatkumo.broker.services_cases import (
    TRANSITIONS,
    case_note_add,
    case_propose_offering,
    case_reopen,
    case_share,
    case_transition,
)
from jatkumo.catalogue.models import Offering, Status
from jatkumo.core.errors import ApplicationError, NotFound


def duration_text(delta: dt.timedelta | None) -> str:
    """A response time in words: "45 min", "3 h", "2 days"."""
    if delta is None:
        return ""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 90:
        return _("%(n)s min") % {"n": minutes}
    if minutes < 48 * 60:
        return _("%(n)s h") % {"n": round(minutes / 60)}
    return _("%(n)s days") % {"n": round(minutes / 1440)}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 — login_required ran first
    return request.user


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    state = request.GET.get("state", "")
    scope = request.GET.get("scope", "")
    unmet = {"1": True, "0": False}.get(request.GET.get("unmet", ""))
    cases = list(case_list_for_user(user=user, state=state, unmet=unmet, scope=scope)[:200])
    rows = [(case, duration_text(response_time(case))) for case in cases]
    context = {
        "rows": rows,
        "state": state,
        "scope": scope,
        "unmet": request.GET.get("unmet", ""),
        "states": CaseState.choices,
    }
    return render(request, "broker/cases.html", context)


def _case_or_404(user: User, case_id: int) -> Case:
    try:
        return case_get_for_user(user=user, case_id=case_id)
    except NotFound as error:
        raise Http404(str(error)) from error


def _proposable(case: Case, user: User) -> list[Offering]:
    """Published offerings a user may propose: the matched ones, then the user's own."""
    matched = [r.get("offering_id") for r in case.match_snapshot.get("results", [])]
    offerings = Offering.objects.filter(status=Status.PUBLISHED).select_related("provider")
    found = list(offerings.filter(pk__in=[m for m in matched if str(m).isdigit()]))
    if user.organisation_id:
        found += list(
            offerings.filter(provider_id=user.organisation_id).exclude(
                pk__in=[o.pk for o in found]
            )[:50]
        )
    return found


@login_required
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _user(request)
    case = _case_or_404(user, case_id)
    if request.method == "POST":
        return _case_action(request, case, user)
    cards, packages = snapshot_cards(case.match_snapshot)
    context = {
        **need_facts(case.need),
        "case": case,
        "need": case.need,
        "snapshot": case.match_snapshot,
        "cards": cards,
        "packages": packages,
        "events": case_events_for_user(case=case, user=user),
        "response_time": duration_text(response_time(case)),
        "next_states": [(s, CaseState(s).label) for s in sorted(TRANSITIONS[case.state])],
        "can_work": access.user_can_work_on_case(user, case),
        "can_comment": access.user_can_comment_on_case(user, case),
        "can_reopen": user.is_coordinator and not TRANSITIONS[case.state],
        "proposable": _proposable(case, user),
        "note_form": NoteForm(),
    }
    return render(request, "broker/case_detail.html", context)


def _case_action(request: HttpRequest, case: Case, user: User) -> HttpResponse:
    actions: dict[str, Callable[[], Any]] = {
        "transition": lambda: _transition(request, case, user),
        "note": lambda: _note(request, case, user),
        "propose": lambda: _propose(request, case, user),
        "share": lambda: case_share(case=case, user=user),
        "reopen": lambda: case_reopen(case=case, user=user),
    }
    action = actions.get(request.POST.get("action", ""))
    try:
        if action is None:
            raise ApplicationError(_("Unknown action."), code="unknown_action")
        action()
    except ApplicationError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(reverse("broker:case-detail", args=[case.pk]))


def _transition(request: HttpRequest, case: Case, user: User) -> None:
    form = TransitionForm(request.POST)
    if not form.is_valid():
        raise ApplicationError(_("Choose a state."), code="invalid_state")
    case_transition(
        case=case, to_state=form.cleaned_data["to_state"], user=user, text=form.cleaned_data["text"]
    )


def _note(request: HttpRequest, case: Case, user: User) -> None:
    form = NoteForm(request.POST)
    if not form.is_valid():
        raise ApplicationError(_("Write the note first."), code="empty_note")
    case_note_add(
        case=case, user=user, text=form.cleaned_data["text"], private=form.cleaned_data["private"]
    )


def _propose(request: HttpRequest, case: Case, user: User) -> None:
    form = ProposeForm(request.POST)
    offering = None
    if form.is_valid():
        offering = Offering.objects.filter(
            pk=form.cleaned_data["offering"], status=Status.PUBLISHED
        ).first()
    if offering is None:
        raise ApplicationError(_("Choose an offering to propose."), code="invalid_offering")
    case_propose_offering(case=case, user=user, offering=offering, text=form.cleaned_data["text"])


@login_required
@require_http_methods(["GET", "POST"])
def inbox(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if request.method == "POST":
        ids = None if request.POST.get("all") else [int(i) for i in request.POST.getlist("id")]
        notification_mark_read(user=user, notification_ids=ids)
        return HttpResponseRedirect(reverse("broker:inbox"))
    notifications = list(notification_list(user=user)[:100])
    unread = sum(1 for n in notifications if n.read_at is None)
    return render(request, "broker/inbox.html", {"notifications": notifications, "unread": unread})


@login_required
@require_POST
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one notification read and go to its case."""
    user = _user(request)
    notification_mark_read(user=user, notification_ids=[notification_id])
    found = notification_list(user=user).filter(pk=notification_id).first()
    if found is None or found.case_id is None:
        return HttpResponseRedirect(reverse("broker:inbox"))
    return HttpResponseRedirect(reverse("broker:case-detail", args=[found.case_id]))


@login_required
def company_page(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = _user(request)
    try:
        organisation = company_get(organisation_id=organisation_id)
        history = company_history(organisation=organisation, user=user)
    except NotFound as error:
        raise Http404(str(error)) from error
    context = {
        "company": organisation,
        "history": history,
        "contacts": company_contacts(organisation=organisation),
    }
    return render(request, "broker/company.html", context)
