"""Public pages of the intake: the need form, "what we understood", the status of a case."""

from __future__ import annotations

import time
import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jatkumo.accounts.models import User
from jatkumo.broker.forms import NeedForm
from jatkumo.broker.models import Need, NeedSkill
from jatkumo.broker.selectors import (
    case_events_for_user,
    need_get,
    need_routing_preview,
    snapshot_cards,
)
from jatkumo.broker.services import need_create, need_skills_update, need_submit
from jatkumo.core.errors import ApplicationError, NotFound, ValidationFailed
from jatkumo.intel.settled import settled_spans
from jatkumo.taxonomy.models import Concept, Industry
from jatkumo.taxonomy.selectors import concept_label, concept_search

URGENCY = {
    "high": gettext_lazy("Urgent"),
    "normal": gettext_lazy("Within a few months"),
    "low": gettext_lazy("Not urgent"),
}


def _lang() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def _rate_limited(request: HttpRequest) -> bool:
    """At most BROKER_INTAKE_PER_HOUR needs per address and hour (Django's cache)."""
    limit = settings.BROKER_INTAKE_PER_HOUR
    key = f"broker-intake:{_client_ip(request)}:{int(time.time() // 3600)}"
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) > limit


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "broker/intake.html", {"form": NeedForm()})
    form = NeedForm(request.POST)
    if _rate_limited(request):
        return render(request, "broker/intake_limited.html", status=429)
    if form.is_bot():
        context = {"form": NeedForm(), "rejected": True}
        return render(request, "broker/intake.html", context, status=400)
    if form.is_valid():
        try:
            need = need_create(values=form.values(), consent=True, user=_user(request))
        except ValidationFailed as error:
            for detail in error.details:
                form.add_error(detail.field or None, detail.message)
        else:
            return HttpResponseRedirect(reverse("broker:need", args=[need.public_id]))
    return render(request, "broker/intake.html", {"form": form}, status=400)


def _need_or_404(public_id: uuid.UUID) -> Need:
    try:
        return need_get(public_id=public_id)
    except NotFound as error:
        raise Http404(str(error)) from error


def _skills(need: Need) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = need.skills.select_related("concept").prefetch_related("concept__labels")
    lang = _lang()

    def item(row: NeedSkill) -> dict[str, Any]:
        return {
            "uri": row.concept.uri,
            "label": concept_label(row.concept, lang),
            "evidence": row.evidence,
            "added": row.origin == "added",
        }

    kept = [item(r) for r in rows.order_by("-score", "pk") if not r.removed]
    removed = [item(r) for r in rows.order_by("pk") if r.removed]
    return kept, removed


def _understood(need: Need) -> dict[str, Any]:
    understood = need.understood
    industry_code = need.industry or str((understood.get("industry") or {}).get("code", ""))
    industry = Industry.objects.filter(code=industry_code).first() if industry_code else None
    return {
        "language": understood.get("language", ""),
        "occupation": understood.get("occupation"),
        "industry": industry or industry_code,
        "urgency": URGENCY.get(understood.get("urgency", ""), ""),
        "urgent": understood.get("urgency") == "high",
        "unmet": understood.get("unmet", False),
        "unmet_reasons": understood.get("unmet_reasons", []),
    }


def _picker(request: HttpRequest) -> dict[str, Any]:
    q = request.GET.get("q", "").strip()[:100]
    if not q:
        return {"q": ""}
    result = concept_search(q=q, scheme="esco_skill", limit=8)
    hits = [(hit.concept, concept_label(hit.concept, _lang())) for hit in result.hits]
    return {"q": q, "hits": hits}


@require_http_methods(["GET", "POST"])
def need_review(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    need = _need_or_404(public_id)
    if need.submitted_at is not None:
        return HttpResponseRedirect(reverse("broker:status", args=[need.public_id]))
    if request.method == "POST":
        return _review_action(request, need)
    kept, removed = _skills(need)
    cards, packages = snapshot_cards(need.understood)
    context = {
        "need": need,
        "skills": kept,
        "removed": removed,
        "settled": [need.text[start:end].strip() for start, end in settled_spans(need.text)],
        "understood": _understood(need),
        "cards": cards,
        "packages": packages,
        "routing": need_routing_preview(need=need),
        "picker": _picker(request),
        "review_url": request.build_absolute_uri(),
    }
    return render(request, "broker/intake_review.html", context)


def _review_action(request: HttpRequest, need: Need) -> HttpResponse:
    action = request.POST.get("action", "")
    here = reverse("broker:need", args=[need.public_id])
    try:
        if action == "send":
            need_submit(need=need, user=_user(request))
            return HttpResponseRedirect(reverse("broker:status", args=[need.public_id]) + "?sent=1")
        if action == "remove":
            need_skills_update(need=need, remove=[request.POST.get("uri", "")])
        elif action == "restore":
            need_skills_update(need=need, restore=[request.POST.get("uri", "")])
        elif action == "add":
            concept = Concept.objects.filter(pk=_int(request.POST.get("concept"))).first()
            if concept is not None:
                need_skills_update(need=need, add=[concept])
        elif action == "rematch":
            need_skills_update(need=need)
    except ApplicationError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(here + "#skills")


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def need_status(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    need = _need_or_404(public_id)
    case = getattr(need, "case", None)
    if need.submitted_at is None or case is None:
        return HttpResponseRedirect(reverse("broker:need", args=[need.public_id]))
    context = {
        "need": need,
        "case": case,
        "events": case_events_for_user(case=case, user=None),
        "routings": case.routings.select_related("organisation").order_by("routed_at", "pk"),
        "sent": request.GET.get("sent") == "1",
        "status_url": request.build_absolute_uri(request.path),
    }
    return render(request, "broker/intake_status.html", context)
