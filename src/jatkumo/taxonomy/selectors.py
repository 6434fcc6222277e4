"""Reads of the taxonomy. Never writes."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from jatkumo.taxonomy.models import Concept, ImportRun, Region


def taxonomy_overview() -> dict[str, Any]:
    """Counts per scheme and the latest import runs, for the home page."""
    per_scheme = dict(
        Concept.objects.values_list("scheme").annotate(n=Count("id")).values_list("scheme", "n")
    )
    return {
        "per_scheme": per_scheme,
        "regions": Region.objects.count(),
        "imports": list(ImportRun.objects.all()[:5]),
    }
