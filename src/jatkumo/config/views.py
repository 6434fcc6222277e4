"""Site-level pages: the home page and the health check."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from jatkumo.organisations.selectors import organisation_counts
from jatkumo.taxonomy.models import Scheme
from jatkumo.taxonomy.selectors import taxonomy_overview


def home(request: HttpRequest) -> HttpResponse:
    overview = taxonomy_overview()
    schemes = [
        {"code": scheme.value, "label": scheme.label, "count": overview["per_scheme"][scheme]}
        for scheme in Scheme
        if overview["per_scheme"].get(scheme)
    ]
    context = {
        "taxonomy": overview,
        "schemes": schemes,
        "organisations": organisation_counts(),
    }
    return render(request, "home.html", context)


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})
