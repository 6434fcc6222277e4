"""The unmet-demand registry (B5): needs that no offering answers well enough, counted by
industry, skill (ESCO concept), sub-region (seutukunta) and month.

`unmet_demand_series` is the data source that foresight reads; the registry page, its API and
its CSV export show the same figures. A need counts as *unmet* when the matcher found no
offering or package whose coverage reached the calibrated threshold (`Case.unmet`, set when the
case is created; a case a coordinator closed as unmet counts too). Withdrawn cases do not count.
A need is dated by when it reached the broker and placed by its municipality, whose parent in
Statistics Finland's regional classification is the sub-region. Only counts leave this module:
no texts, names or contact details.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jatkumo.broker.models import CaseState, Need, NeedSkill
from jatkumo.taxonomy.models import Concept, Industry, Region
from jatkumo.taxonomy.selectors import concept_label, labels_prefetch, municipality_sub_regions

GROUPS = ("industry", "skill", "sub_region", "month")
UNKNOWN = ""
SOURCE = "Jatkumo broker: company needs (form, API and imported files) and their cases"


@dataclass(frozen=True)
class UnmetRow:
    """One group: how many needs reached the broker and how many of them stayed unmet."""

    key: str  # TOL letter, concept URI, sub-region code or "YYYY-MM"; "" when not known
    label: str
    unmet: int
    needs: int

    @property
    def share(self) -> float:
        return self.unmet / self.needs if self.needs else 0.0


@dataclass(frozen=True)
class UnmetSeries:
    """Counts of unmet needs by one grouping, with the source and method of the figures."""

    group_by: str
    rows: list[UnmetRow]
    unmet_total: int
    needs_total: int
    start: dt.date | None
    end: dt.date | None
    since: dt.date | None  # the first need the registry holds
    source: str = SOURCE
    method: str = ""
    filters: dict[str, str] = field(default_factory=dict)


def _method(group_by: str) -> str:
    method = _(
        "Needs whose best offering coverage was below the calibrated threshold when they were "
        "matched (or whose case was closed as unmet), counted per need; withdrawn cases are "
        "left out. A need is dated by when it reached the broker."
    )
    detail = {
        "industry": _("Industry is the TOL 2008 section the company gave."),
        "skill": _(
            "Skills are the ESCO concepts understood from the need and kept by the company; a "
            "need with several skills counts under each of them."
        ),
        "sub_region": _(
            "Sub-region (seutukunta) is the parent of the need's municipality in Statistics "
            "Finland's regional classification."
        ),
        "month": _("Months are calendar months in Finnish time."),
    }[group_by]
    return f"{method} {detail}"


def _municipalities_in(sub_region: str) -> list[str]:
    return [code for code, found in municipality_sub_regions().items() if found == sub_region]


def registry_needs(
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    industry: str | None = None,
    sub_region: str | None = None,
) -> QuerySet[Need]:
    """Needs that became cases (not withdrawn), in the period and place asked for."""
    needs = Need.objects.filter(case__isnull=False).exclude(case__state=CaseState.WITHDRAWN)
    zone = timezone.get_current_timezone()
    if start is not None:
        since = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
        needs = needs.filter(created_at__gte=since)
    if end is not None:
        until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        needs = needs.filter(created_at__lt=until)
    if industry:
        needs = needs.filter(industry=industry)
    if sub_region:
        needs = needs.filter(municipality__in=_municipalities_in(sub_region))
    return needs


UNMET = Q(case__unmet=True) | Q(case__state=CaseState.UNMET)


def unmet_need_list(
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    industry: str | None = None,
    sub_region: str | None = None,
) -> QuerySet[Need]:
    """The unmet needs themselves, newest first (for staff; callers decide what to show)."""
    needs = registry_needs(start=start, end=end, industry=industry, sub_region=sub_region)
    return needs.filter(UNMET).select_related("case").prefetch_related("skills__concept__labels")


def _keys_by_need(group_by: str, rows: list[dict[str, Any]]) -> dict[int, list[str]]:
    if group_by == "industry":
        return {row["pk"]: [row["industry"] or UNKNOWN] for row in rows}
    if group_by == "sub_region":
        mapping = municipality_sub_regions()
        return {row["pk"]: [mapping.get(row["municipality"] or "", "")] for row in rows}
    if group_by == "month":
        zone = timezone.get_current_timezone()
        return {row["pk"]: [row["created_at"].astimezone(zone).strftime("%Y-%m")] for row in rows}
    keys: dict[int, list[str]] = {row["pk"]: [] for row in rows}
    skills = NeedSkill.objects.filter(need_id__in=list(keys), removed=False)
    for need_id, uri in skills.values_list("need_id", "concept__uri"):
        keys[need_id].append(uri)
    return {pk: found or [UNKNOWN] for pk, found in keys.items()}


def _labels(group_by: str, keys: Iterable[str], lang: str | None) -> dict[str, str]:
    wanted = [key for key in keys if key]
    labels: dict[str, str] = {UNKNOWN: _("Not known")}
    if group_by == "industry":
        for industry in Industry.objects.filter(code__in=wanted):
            labels[industry.code] = f"{industry.code} {industry.name}"
    elif group_by == "sub_region":
        labels.update(Region.objects.filter(code__in=wanted).values_list("code", "name"))
    elif group_by == "skill":
        concepts = Concept.objects.filter(uri__in=wanted)
        for concept in concepts.prefetch_related(labels_prefetch()):
            labels[concept.uri] = concept_label(concept, lang)
    return labels


def _order(group_by: str, rows: list[UnmetRow]) -> list[UnmetRow]:
    if group_by == "month":
        return sorted(rows, key=lambda row: row.key)
    return sorted(rows, key=lambda row: (row.key == UNKNOWN, -row.unmet, -row.needs, row.label))


def unmet_demand_series(
    *,
    group_by: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    industry: str | None = None,
    sub_region: str | None = None,
    lang: str | None = None,
) -> UnmetSeries:
    """Unmet needs by `group_by` (industry | skill | sub_region | month) — foresight's source.

    Each row gives the number of unmet needs and of all needs in the group (so the share can be
    compared across groups); `start` and `end` are inclusive dates, `industry` a TOL section
    letter and `sub_region` a sub-region code (SK064) that filter the needs counted. Groups
    with no unmet need are listed too when they have needs. The series carries its source and
    method in words, and the date of the first need the registry holds.
    """
    if group_by not in GROUPS:
        raise ValueError(f"unknown grouping {group_by!r}")
    needs = registry_needs(start=start, end=end, industry=industry, sub_region=sub_region)
    rows = _with_unmet(needs)
    keys = _keys_by_need(group_by, rows)
    all_counts: Counter[str] = Counter()
    unmet_counts: Counter[str] = Counter()
    for row in rows:
        for key in keys[row["pk"]]:
            all_counts[key] += 1
            if row["is_unmet"]:
                unmet_counts[key] += 1
    labels = _labels(group_by, all_counts, lang)
    series_rows = [
        UnmetRow(key, labels.get(key, key), unmet_counts[key], count)
        for key, count in all_counts.items()
    ]
    first = registry_needs().order_by("created_at").values_list("created_at", flat=True).first()
    return UnmetSeries(
        group_by=group_by,
        rows=_order(group_by, series_rows),
        unmet_total=sum(1 for row in rows if row["is_unmet"]),
        needs_total=len(rows),
        start=start,
        end=end,
        since=timezone.localtime(first).date() if first else None,
        method=_method(group_by),
        filters={k: v for k, v in (("industry", industry), ("sub_region", sub_region)) if v},
    )


def _with_unmet(needs: QuerySet[Need]) -> list[dict[str, Any]]:
    unmet_ids = set(needs.filter(UNMET).values_list("pk", flat=True))
    rows = needs.values("pk", "industry", "municipality", "created_at")
    return [{**row, "is_unmet": row["pk"] in unmet_ids} for row in rows]
