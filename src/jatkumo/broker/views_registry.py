"""The unmet-demand registry page (B5): counts for everyone, the needs themselves for staff.

Everyone sees unmet needs counted by industry, skill, sub-region and month, filtered by period,
industry and sub-region, with the method and source in words and a CSV export. Network staff
(coordinators and provider staff) also see the list of unmet needs with their text; only
coordinators see who sent them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from jatkumo.accounts.models import Role
from jatkumo.accounts.permissions import AnyUser, user_is_coordinator, user_role
from jatkumo.broker.registry import GROUPS, UnmetSeries, unmet_demand_series, unmet_need_list
from jatkumo.taxonomy.models import Industry, Region, RegionLevel
from jatkumo.taxonomy.selectors import concept_label

STAFF_ROLES = {Role.PROVIDER_STAFF, Role.COORDINATOR, Role.ADMIN}
NEED_LIST_LIMIT = 100
GROUP_TITLES = {
    "industry": _("By industry"),
    "skill": _("By skill"),
    "sub_region": _("By sub-region"),
    "month": _("By month"),
}
GROUP_LIMITS = {"industry": 25, "skill": 20, "sub_region": 25, "month": 36}


def user_sees_unmet_needs(user: AnyUser) -> bool:
    """Staff of the network read the unmet needs themselves (never the public)."""
    return user_role(user) in STAFF_ROLES


class RegistryFilterForm(forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))
    industry = forms.ChoiceField(label=_("Industry"), required=False)
    sub_region = forms.ChoiceField(label=_("Sub-region"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        industries = [(i.code, f"{i.code} {i.name}") for i in Industry.objects.order_by("code")]
        regions = Region.objects.filter(level=RegionLevel.SUB_REGION).order_by("name")
        self.fields["industry"].choices = every + industries  # type: ignore[attr-defined]
        self.fields["sub_region"].choices = every + [(r.code, r.name) for r in regions]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end is before the start."))
        return data


@dataclass(frozen=True)
class RegistryFilters:
    start: dt.date | None = None
    end: dt.date | None = None
    industry: str = ""
    sub_region: str = ""

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "industry": self.industry or None,
            "sub_region": self.sub_region or None,
        }

    def query(self) -> str:
        pairs = {
            "from": self.start.isoformat() if self.start else "",
            "to": self.end.isoformat() if self.end else "",
            "industry": self.industry,
            "sub_region": self.sub_region,
        }
        return urlencode({k: v for k, v in pairs.items() if v})


def _filters(form: RegistryFilterForm) -> RegistryFilters:
    if not form.is_valid():
        return RegistryFilters()
    data = form.cleaned_data
    return RegistryFilters(data["start"], data["end"], data["industry"], data["sub_region"])


def _chart(series: UnmetSeries, limit: int) -> dict[str, Any]:
    rows = series.rows[:limit]
    top = max((row.unmet for row in rows), default=0) or 1
    return {
        "series": series,
        "title": GROUP_TITLES[series.group_by],
        "rows": [{"row": row, "width": round(100 * row.unmet / top, 1)} for row in rows],
        "hidden": max(0, len(series.rows) - limit),
    }


def _need_items(filters: RegistryFilters, lang: str) -> list[dict[str, Any]]:
    needs = unmet_need_list(**filters.as_kwargs())[:NEED_LIST_LIMIT]
    return [
        {
            "need": need,
            "skills": [concept_label(s.concept, lang) for s in need.skills.all() if not s.removed],
        }
        for need in needs
    ]


def registry_page(request: HttpRequest) -> HttpResponse:
    data = request.GET.copy()
    # The API and the CSV export take `from` / `to`; the form's own names are start / end.
    for ours, theirs in (("start", "from"), ("end", "to")):
        if theirs in data and ours not in data:
            data.setlist(ours, data.getlist(theirs))
    form = RegistryFilterForm(data or None)
    filters = _filters(form) if data else RegistryFilters()
    lang = translation.get_language() or "fi"
    charts = [
        _chart(unmet_demand_series(group_by=group, lang=lang, **filters.as_kwargs()), limit)
        for group, limit in GROUP_LIMITS.items()
    ]
    staff = user_sees_unmet_needs(request.user)
    needs = _need_items(filters, lang) if staff else []
    query = filters.query()
    csv_url = reverse("api-v1:broker-api:unmet-csv") + (f"?{query}" if query else "")
    context = {
        "form": form,
        "filters": filters,
        "charts": charts,
        "first": charts[0]["series"],
        "groups": GROUPS,
        "csv_url": csv_url,
        "api_url": reverse("api-v1:broker-api:unmet"),
        "staff": staff,
        "coordinator": user_is_coordinator(request.user),
        "needs": needs,
        "need_limit": NEED_LIST_LIMIT,
    }
    return render(request, "broker/registry/registry.html", context)
