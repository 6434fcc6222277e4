"""Filters of the public catalogue → bit masks over the search index, and facet counts.

`OfferingFilters` is what a visitor (page or API) can choose. Each active facet becomes one mask
(`facet_masks`); the results are the query's matches AND every mask. The count shown beside a
facet value is computed with every *other* facet applied, so choosing it gives that many results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from jatkumo.catalogue.models import Funding, Level, Mode, OfferingType, TargetGroup
from jatkumo.catalogue.search import (
    DURATION_STEPS,
    LIST_FACETS,
    PRICE_STEPS,
    START_WEEKS,
    CatalogueIndex,
)
from jatkumo.taxonomy.models import Industry

START_CHOICES = ("continuous", *(str(weeks) for weeks in START_WEEKS))
SORTS = ("relevance", "start", "price", "title")


@dataclass(frozen=True)
class OfferingFilters:
    """What to show: free text and facet choices (OR within a facet, AND across facets).

    `start` is `continuous` (rolling intake) or a number of weeks (starts within, rolling intake
    included); `start_from` / `start_to` limit dated starts (rolling intake included);
    `price_max` 0 means free of charge; `duration_max` is in weeks.
    """

    q: str = ""
    industry: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    funding: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    target_group: tuple[str, ...] = ()
    provider: tuple[str, ...] = ()
    municipality: tuple[str, ...] = ()
    sub_region: tuple[str, ...] = ()
    start: str = ""
    start_from: dt.date | None = None
    start_to: dt.date | None = None
    price_max: Decimal | None = None
    duration_max: Decimal | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> OfferingFilters:
        """From validated form / serializer data (lists for list facets)."""
        values: dict[str, Any] = {}
        for name in cls.__dataclass_fields__:
            value = data.get(name)
            if value in (None, "", []):
                continue
            values[name] = tuple(str(v) for v in value or ()) if name in LIST_FACETS else value
        return cls(**values)


def _start_mask(index: CatalogueIndex, filters: OfferingFilters) -> int | None:
    mask: int | None = None
    if filters.start == "continuous":
        mask = index.continuous
    elif filters.start:
        until = index.today + dt.timedelta(weeks=int(filters.start))
        mask = index.continuous | index.range_mask(
            "start", index.today.toordinal(), until.toordinal()
        )
    if filters.start_from or filters.start_to:
        low = (filters.start_from or dt.date.min).toordinal()
        high = (filters.start_to or dt.date.max).toordinal()
        dated = index.continuous | index.range_mask("start", low, high)
        mask = dated if mask is None else mask & dated
    return mask


def facet_masks(index: CatalogueIndex, filters: OfferingFilters) -> dict[str, int]:
    """One mask per active facet."""
    masks: dict[str, int] = {}
    for name in LIST_FACETS:
        chosen: tuple[str, ...] = getattr(filters, name)
        if chosen:
            values = index.masks.get(name, {})
            mask = 0
            for value in chosen:
                mask |= values.get(value, 0)
            masks[name] = mask
    start = _start_mask(index, filters)
    if start is not None:
        masks["start"] = start
    if filters.price_max is not None:
        price = float(filters.price_max)
        masks["price"] = index.free | index.range_mask("price", float("-inf"), price)
    if filters.duration_max is not None:
        masks["duration"] = index.range_mask("duration", 0.0, float(filters.duration_max))
    return masks


def combine(base: int, masks: dict[str, int], leave_out: str = "") -> int:
    result = base
    for name, mask in masks.items():
        if name != leave_out:
            result &= mask
    return result


# --- facet counts --------------------------------------------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)
    single: bool = False  # choose one (radio buttons), not several (checkboxes)

    @property
    def any_selected(self) -> bool:
        return any(value.selected for value in self.values)


FACET_TITLES: dict[str, Any] = {
    "industry": _("Industry"),
    "topic": _("Skill area"),
    "mode": _("Study mode"),
    "language": _("Teaching language"),
    "start": _("Start"),
    "duration": _("Duration"),
    "price": _("Price"),
    "funding": _("Funding"),
    "level": _("Level"),
    "type": _("Type"),
    "target_group": _("For whom"),
    "provider": _("Provider"),
    "sub_region": _("Sub-region"),
    "municipality": _("Municipality"),
}
_CHOICES: dict[str, Any] = {
    "mode": Mode,
    "funding": Funding,
    "level": Level,
    "type": OfferingType,
    "target_group": TargetGroup,
}
_LANGUAGE_NAMES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}
_BY_COUNT = ("topic", "provider", "municipality", "sub_region")


def _value_labels(index: CatalogueIndex, name: str, lang: str) -> dict[str, str]:
    if name in _CHOICES:
        return {value: str(label) for value, label in _CHOICES[name].choices}
    if name == "language":
        return {code: str(label) for code, label in _LANGUAGE_NAMES.items()}
    if name == "industry":
        return {
            code: f"{code} {label}" for code, label in Industry.objects.values_list("code", "name")
        }
    names = index.names.get(name, {})
    return {
        value: langs.get(lang) or langs.get("fi") or next(iter(langs.values()), value)
        for value, langs in names.items()
    }


def _list_facet(
    index: CatalogueIndex, name: str, base: int, chosen: tuple[str, ...], lang: str
) -> Facet:
    labels = _value_labels(index, name, lang)
    order = list(labels) if name in _CHOICES or name == "language" else []
    values = []
    for value, mask in index.masks.get(name, {}).items():
        count = (base & mask).bit_count()
        if count or value in chosen:
            values.append(FacetValue(value, labels.get(value, value), count, value in chosen))
    if name in _BY_COUNT:
        values.sort(key=lambda v: (-v.count, v.label.casefold()))
    elif order:
        values.sort(key=lambda v: order.index(v.value) if v.value in order else len(order))
    else:
        values.sort(key=lambda v: v.value)
    return Facet(name, str(FACET_TITLES[name]), values)


def _step_facets(
    index: CatalogueIndex, masks: dict[str, int], base: int, f: OfferingFilters
) -> list[Facet]:
    today = index.today.toordinal()
    start_base = combine(base, masks, "start")
    start = Facet("start", str(FACET_TITLES["start"]), single=True)
    start.values.append(
        FacetValue(
            "continuous",
            str(_("Rolling intake")),
            (start_base & index.continuous).bit_count(),
            f.start == "continuous",
        )
    )
    for weeks in START_WEEKS:
        mask = index.continuous | index.range_mask("start", today, today + 7 * weeks)
        label = str(_("Starts within %(weeks)s weeks") % {"weeks": weeks})
        start.values.append(
            FacetValue(str(weeks), label, (start_base & mask).bit_count(), f.start == str(weeks))
        )
    price_base = combine(base, masks, "price")
    price = Facet("price", str(FACET_TITLES["price"]), single=True)
    for step in PRICE_STEPS:
        mask = index.free | index.range_mask("price", float("-inf"), float(step))
        label = (
            str(_("Free of charge")) if step == 0 else str(_("Up to %(euros)s €") % {"euros": step})
        )
        selected = f.price_max is not None and float(f.price_max) == step
        price.values.append(FacetValue(str(step), label, (price_base & mask).bit_count(), selected))
    duration_base = combine(base, masks, "duration")
    duration = Facet("duration", str(FACET_TITLES["duration"]), single=True)
    for step in DURATION_STEPS:
        mask = index.range_mask("duration", 0.0, float(step))
        label = (
            str(_("Up to %(weeks)s weeks") % {"weeks": step})
            if step > 1
            else str(_("Up to a week"))
        )
        selected = f.duration_max is not None and float(f.duration_max) == step
        duration.values.append(
            FacetValue(str(step), label, (duration_base & mask).bit_count(), selected)
        )
    return [start, duration, price]


def facet_counts(
    index: CatalogueIndex, base: int, masks: dict[str, int], filters: OfferingFilters, lang: str
) -> list[Facet]:
    """Every facet with its values and their counts (values with no results are left out)."""
    facets = [
        _list_facet(index, name, combine(base, masks, name), getattr(filters, name), lang)
        for name in LIST_FACETS
    ]
    by_name = {facet.name: facet for facet in facets + _step_facets(index, masks, base, filters)}
    order = list(FACET_TITLES)
    return [by_name[name] for name in order if name in by_name]
