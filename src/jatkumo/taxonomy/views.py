"""Pages of the taxonomy browser."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def concept_search(request: HttpRequest) -> HttpResponse:
    return render(request, "taxonomy/search.html", {})
