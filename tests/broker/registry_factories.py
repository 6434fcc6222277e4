"""Needs and cases for the registry, industry and API tests, without running the matcher."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from jatkumo.broker.models import Case, CaseState, Need, NeedOrigin, NeedSkill
from jatkumo.taxonomy.models import Concept, Industry, Region, RegionLevel


def regions_create() -> None:
    """Pirkanmaa with two sub-regions: Tampere (837, 536) and Lounais-Pirkanmaa (790)."""
    region = Region.objects.get_or_create(
        code="MK06", defaults={"level": RegionLevel.REGION, "name": "Pirkanmaa"}
    )[0]
    tampere = Region.objects.get_or_create(
        code="SK064",
        defaults={
            "level": RegionLevel.SUB_REGION,
            "name": "Tampereen seutukunta",
            "parent": region,
        },
    )[0]
    south_west = Region.objects.get_or_create(
        code="SK069",
        defaults={"level": RegionLevel.SUB_REGION, "name": "Lounais-Pirkanmaa", "parent": region},
    )[0]
    for code, name, parent in (("837", "Tampere", tampere), ("536", "Nokia", tampere)):
        Region.objects.get_or_create(
            code=code, defaults={"level": RegionLevel.MUNICIPALITY, "name": name, "parent": parent}
        )
    Region.objects.get_or_create(
        code="790",
        defaults={"level": RegionLevel.MUNICIPALITY, "name": "Sastamala", "parent": south_west},
    )
    for code, name in (("C", "Teollisuus"), ("J", "Informaatio ja viestintä"), ("Q", "SOTE")):
        Industry.objects.get_or_create(code=code, defaults={"name": name})


def need_with_case(
    *,
    text: str = "Tarvitaan hitsaajia.",
    unmet: bool = False,
    state: str = CaseState.NEW,
    industry: str = "",
    municipality: str = "",
    skills: tuple[Concept, ...] = (),
    created: dt.datetime | None = None,
    **need_fields: Any,
) -> Need:
    """A sent need with its case as the matcher left it (`unmet` and best coverage)."""
    need = Need.objects.create(
        text=text,
        origin=NeedOrigin.FORM,
        industry=industry,
        municipality=municipality,
        submitted_at=timezone.now(),
        **need_fields,
    )
    if created is not None:
        Need.objects.filter(pk=need.pk).update(created_at=created)
        need.refresh_from_db()
    for concept in skills:
        NeedSkill.objects.create(need=need, concept=concept, score=1.0)
    Case.objects.create(need=need, unmet=unmet, state=state, best_coverage=0.2 if unmet else 0.9)
    return need


def at(year: int, month: int, day: int = 15) -> dt.datetime:
    return dt.datetime(year, month, day, 12, tzinfo=timezone.get_current_timezone())
