"""Back-office pages: provider staff keep their organisation's offerings, coordinators all of them.

Every page is thin: read the request, check the role, call a service, render. Offerings of
another organisation are not found (404) for provider staff; the services check again (403).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jatkumo.accounts.models import User
from jatkumo.accounts.permissions import user_is_coordinator
from jatkumo.catalogue import services
from jatkumo.catalogue.exporters import (
    CONTENT_TYPES,
    FORMATS,
    offering_records,
    records_write_csv,
    records_write_jsonl,
    records_write_xlsx,
)
from jatkumo.catalogue.forms import OfferingForm
from jatkumo.catalogue.importers.offerings import file_format, offerings_plan_read_file
from jatkumo.catalogue.models import Offering, Status
from jatkumo.catalogue.uploads import MAX_BYTES, upload_delete, upload_get, upload_save
from jatkumo.core.errors import ApplicationError, NotFound, ValidationFailed
from jatkumo.taxonomy.models import Concept
from jatkumo.taxonomy.selectors import concept_label, concept_search

PAGE_SIZE = 50
ERRORS_SHOWN = services.REPORT_LIMIT

View = Callable[..., HttpResponse]


def staff_required(view: View) -> View:
    """Signed-in provider staff (with an organisation) and coordinators only."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not services.user_can_manage_offerings(_user(request)):
            raise PermissionDenied
        try:
            return view(request, *args, **kwargs)
        except services.OfferingNotAllowed as error:
            raise PermissionDenied(str(error)) from error
        except NotFound as error:
            raise Http404(str(error)) from error

    return wrapped


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 — login_required ran first
    return request.user


def offerings_visible(user: User) -> QuerySet[Offering]:
    """Every offering for coordinators; their own organisation's for provider staff."""
    offerings = Offering.objects.select_related("provider")
    return (
        offerings
        if user_is_coordinator(user)
        else offerings.filter(provider_id=user.organisation_id)
    )


def _offering(request: HttpRequest, pk: int) -> Offering:
    return get_object_or_404(offerings_visible(_user(request)), pk=pk)


@staff_required
def offering_list(request: HttpRequest) -> HttpResponse:
    visible = offerings_visible(_user(request))
    counts = {row["status"]: row["n"] for row in visible.values("status").annotate(n=Count("pk"))}
    status = request.GET.get("status", "")
    q = request.GET.get("q", "").strip()
    offerings = visible.filter(status=status) if status in Status.values else visible
    if q:
        offerings = offerings.filter(
            Q(title_fi__icontains=q) | Q(title_en__icontains=q) | Q(external_id__icontains=q)
        )
    page = Paginator(offerings.order_by("-updated_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    statuses = [(value, label, counts.get(value, 0)) for value, label in Status.choices]
    context = {
        "page": page,
        "statuses": statuses,
        "status": status,
        "q": q,
        "total": sum(counts.values()),
    }
    return render(request, "catalogue/staff/offering_list.html", context)


def _form_save(
    request: HttpRequest, form: OfferingForm, offering: Offering | None
) -> Offering | None:
    user = _user(request)
    if not form.is_valid():
        return None
    provider = offering.provider if offering else user.organisation
    if provider is None and not form.cleaned_data.get("provider"):
        form.add_error("provider", _("Choose the provider."))
        return None
    record = form.to_record(provider=provider)  # type: ignore[arg-type]
    try:
        if offering is None:
            return services.offering_create(user=user, record=record)
        return services.offering_update(user=user, offering=offering, record=record)
    except ValidationFailed as error:
        form.add_row_errors(error.details)
        return None


@staff_required
def offering_create(request: HttpRequest) -> HttpResponse:
    coordinator = user_is_coordinator(_user(request))
    form = OfferingForm(request.POST or None, provider_choice=coordinator)
    if request.method == "POST" and (offering := _form_save(request, form, None)):
        messages.success(request, _("The offering was saved as a draft."))
        return redirect("catalogue-staff:edit", pk=offering.pk)
    return render(request, "catalogue/staff/offering_form.html", {"form": form, "offering": None})


@staff_required
def offering_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offering = _offering(request, pk)
    coordinator = user_is_coordinator(_user(request))
    initial = OfferingForm.initial_from(offering)
    form = OfferingForm(request.POST or None, initial=initial, provider_choice=coordinator)
    if request.method == "POST" and _form_save(request, form, offering):
        messages.success(request, _("The changes were saved."))
        return redirect("catalogue-staff:edit", pk=offering.pk)
    q = request.GET.get("q", "").strip()
    hits = concept_search(q=q, lang=request.LANGUAGE_CODE, limit=10).hits if q else []
    tags = offering.tags.select_related("concept").order_by("automatic", "-score")
    context = {
        "form": form,
        "offering": offering,
        "tags": [(tag, concept_label(tag.concept, request.LANGUAGE_CODE)) for tag in tags],
        "q": q,
        "hits": [(hit, concept_label(hit.concept, request.LANGUAGE_CODE)) for hit in hits],
    }
    return render(request, "catalogue/staff/offering_form.html", context)


@require_POST
@staff_required
def offering_status(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    offering = _offering(request, pk)
    if action == "publish":
        services.offering_publish(user=_user(request), offering=offering)
        messages.success(request, _("The offering is published."))
    else:
        services.offering_archive(user=_user(request), offering=offering)
        messages.success(request, _("The offering is archived."))
    return redirect("catalogue-staff:edit", pk=offering.pk)


@require_POST
@staff_required
def offering_tag(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    offering = _offering(request, pk)
    concept = get_object_or_404(Concept, pk=request.POST.get("concept", "0"))
    if action == "add":
        services.offering_tag_add(user=_user(request), offering=offering, concept=concept)
    else:
        services.offering_tag_remove(user=_user(request), offering=offering, concept=concept)
    return redirect(reverse("catalogue-staff:edit", kwargs={"pk": offering.pk}) + "#tags")


@staff_required
def import_upload(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    error = ""
    if request.method == "POST":
        file = request.FILES.get("file")
        if file is None or file.size is None or file.size > MAX_BYTES:
            error = _("Choose a JSON Lines or CSV file (at most 50 MB).")
        else:
            upload = upload_save(
                content=file.read(),
                user_id=user.pk,
                name=file.name or "offerings.jsonl",
                format=file_format(file.name or ""),
                publish=bool(request.POST.get("publish")),
                create_providers=bool(request.POST.get("create_providers"))
                and user_is_coordinator(user),
            )
            return redirect("catalogue-staff:import-preview", token=upload.token)
    context = {"error": error, "coordinator": user_is_coordinator(user)}
    return render(request, "catalogue/staff/import_upload.html", context)


def _plan(request: HttpRequest, token: str) -> tuple[Any, Any]:
    upload = upload_get(token=token, user_id=_user(request).pk)
    plan = offerings_plan_read_file(
        path=upload.path,
        user=_user(request),
        publish=upload.publish,
        create_providers=upload.create_providers,
        source=upload.name,
    )
    return upload, plan


@staff_required
def import_preview(request: HttpRequest, token: str) -> HttpResponse:
    upload, plan = _plan(request, token)
    context = {
        "upload": upload,
        "plan": plan,
        "counts": plan.counts,
        "errors": plan.errors[:ERRORS_SHOWN],
        "errors_hidden": max(0, len(plan.errors) - ERRORS_SHOWN),
        "lines": plan.lines[:1000],
    }
    return render(request, "catalogue/staff/import_preview.html", context)


@require_POST
@staff_required
def import_commit(request: HttpRequest, token: str) -> HttpResponse:
    upload, plan = _plan(request, token)
    try:
        result = services.offerings_plan_apply(plan=plan)
    except ValidationFailed:
        messages.error(request, _("The file has errors; nothing was imported."))
        return redirect("catalogue-staff:import-preview", token=token)
    except ApplicationError as error:
        messages.error(request, str(error))
        return redirect("catalogue-staff:import-preview", token=token)
    upload_delete(upload)
    counts = result.counts
    messages.success(
        request,
        _("Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % counts,
    )
    return redirect("catalogue-staff:list")


@staff_required
def export_download(request: HttpRequest) -> HttpResponse:
    format = request.GET.get("format", "csv")
    if format not in FORMATS:
        raise Http404
    offerings = offerings_visible(_user(request))
    if request.GET.get("status") in Status.values:
        offerings = offerings.filter(status=request.GET["status"])
    response = HttpResponse(content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="offerings.{format}"'
    records = offering_records(offerings=offerings)
    if format == "xlsx":
        records_write_xlsx(records, response)  # type: ignore[arg-type]
    else:
        (records_write_csv if format == "csv" else records_write_jsonl)(records, response)  # type: ignore[arg-type]
    return response
