"""The industry view (B6): per TOL section, open and unmet needs next to matching offerings,
and the people of the industry's network.

Everyone sees counts, the skills asked for, offerings and public contacts; network staff
(coordinators and provider staff) also read the needs' texts. Company names and contact
details of needs are never shown here.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from jatkumo.broker.industry import industry_summaries, industry_view
from jatkumo.broker.views_registry import user_sees_unmet_needs
from jatkumo.core.errors import NotFound

NEED_LIMIT = 30


def industry_list_page(request: HttpRequest) -> HttpResponse:
    summaries = industry_summaries()
    top = max((max(s.open_needs, s.unmet_needs) for s in summaries), default=0) or 1
    context = {"summaries": summaries, "top": top}
    return render(request, "broker/industry/list.html", context)


def industry_detail_page(request: HttpRequest, code: str) -> HttpResponse:
    lang = translation.get_language() or "fi"
    try:
        view = industry_view(code=code, lang=lang)
    except NotFound as error:
        raise Http404(str(error)) from error
    staff = user_sees_unmet_needs(request.user)
    context = {
        "view": view,
        "industry": view.industry,
        "open_count": view.open_needs.count(),
        "unmet_count": view.unmet_needs.count(),
        "staff": staff,
        "open_needs": list(view.open_needs[:NEED_LIMIT]) if staff else [],
        "unmet_needs": list(view.unmet_needs[:NEED_LIMIT]) if staff else [],
        "need_limit": NEED_LIMIT,
    }
    return render(request, "broker/industry/detail.html", context)
