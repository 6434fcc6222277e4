"""The catalogue's search index: published offerings → `intel.search` + facet masks, cached.

The one adapter between the catalogue and `jatkumo.intel.search`. It reads published offerings,
their concept tags and the labels of those concepts, builds the text index and one bit mask per
facet value (`intel.bitset`), and keeps the result per process. A version stamp (number and
latest change of offerings, tags and labels, and the date) is checked at most once every
`STAMP_TTL` seconds; when it changes the index is rebuilt on the next search.

Filters combine as: OR within one facet, AND across facets; the count of a facet value is the
number of results if that value were chosen with every *other* facet as it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import threading
import time
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import Count, Max
from django.utils import timezone

from jatkumo.catalogue.models import Offering, OfferingConcept, Status
from jatkumo.intel.bitset import full_mask, mask_of
from jatkumo.intel.search import Field, SearchIndex, SearchIndexBuilder
from jatkumo.organisations.models import Organisation
from jatkumo.taxonomy.models import Label, LabelKind, Region, RegionLevel, Relation, Scheme
from jatkumo.taxonomy.selectors import municipality_sub_regions

STAMP_TTL = 1.0
"""Seconds between two checks whether offerings changed (tests set 0)."""

START_WEEKS = (4, 12, 26)
PRICE_STEPS = (0, 100, 500, 1000)
DURATION_STEPS = (1, 4, 12, 26)
GROUP_SCHEMES = (Scheme.ESCO_SKILL_GROUP, Scheme.ISCO_GROUP)
LIST_FACETS = (
    "industry",
    "topic",
    "mode",
    "language",
    "funding",
    "level",
    "type",
    "target_group",
    "provider",
    "municipality",
    "sub_region",
)
_LANGS = ("fi", "sv", "en")
_FAR = dt.date.max.toordinal()


@dataclass
class CatalogueIndex:
    """Everything a search needs, by document number (0..size-1)."""

    text: SearchIndex
    ids: array[int]
    today: dt.date
    masks: dict[str, dict[str, int]]
    starts: list[tuple[int, int]]  # (date ordinal, doc) for dated starts, sorted
    prices: list[tuple[float, int]]
    durations: list[tuple[float, int]]
    continuous: int
    free: int
    start_rank: array[int]  # position of each doc in start order
    orders: dict[str, array[int]]
    concept_labels: dict[int, dict[str, str]]
    names: dict[str, dict[str, dict[str, str]]]  # facet → value → language → name
    _ranges: dict[tuple[str, Any], int] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.ids)

    def range_mask(self, kind: str, low: Any, high: Any) -> int:
        """Documents whose start date / price / duration is within [low, high] (cached)."""
        key = (kind, (low, high))
        if key not in self._ranges:
            rows: list[Any] = self.starts if kind == "start" else self.prices
            if kind == "duration":
                rows = self.durations
            first = bisect.bisect_left(rows, (low, -1))
            last = bisect.bisect_right(rows, (high, self.size))
            self._ranges[key] = mask_of((doc for _value, doc in rows[first:last]), self.size)
        return self._ranges[key]

    def everything(self) -> int:
        return full_mask(self.size)


# --- building ----------------------------------------------------------------------------------


def _chunks(values: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _concept_labels(concept_ids: list[int]) -> tuple[dict[int, dict[str, str]], list[Any]]:
    """Preferred label per language of each concept, and every label row (for phrases)."""
    preferred: dict[int, dict[str, str]] = defaultdict(dict)
    rows: list[Any] = []
    for chunk in _chunks(concept_ids):
        for concept, language, kind, text in Label.objects.filter(concept_id__in=chunk).values_list(
            "concept_id", "language", "kind", "text"
        ):
            rows.append((concept, language, kind, text))
            if kind == LabelKind.PREFERRED:
                preferred[concept][language] = text
    return dict(preferred), rows


def _groups(concept_ids: list[int]) -> dict[int, set[int]]:
    """Concept → its broader skill groups / ISCO groups (one step up)."""
    groups: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(concept_ids):
        relations = Relation.objects.filter(
            subject_id__in=chunk, kind="broader", object__scheme__in=GROUP_SCHEMES
        ).values_list("subject_id", "object_id")
        for subject, group in relations:
            groups[subject].add(group)
    return groups


def _tags() -> dict[int, dict[int, float]]:
    tags: dict[int, dict[int, float]] = defaultdict(dict)
    rows = OfferingConcept.objects.filter(offering__status=Status.PUBLISHED).values_list(
        "offering_id", "concept_id", "automatic", "score"
    )
    for offering, concept, automatic, score in rows:
        tags[offering][concept] = min(1.0, max(0.3, score)) if automatic else 1.0
    return tags


def _regions() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Municipality code → sub-region code, and names of municipalities and sub-regions."""
    names = {
        code: {"": name}
        for code, name in Region.objects.filter(
            level__in=[RegionLevel.MUNICIPALITY, RegionLevel.SUB_REGION]
        ).values_list("code", "name")
    }
    return municipality_sub_regions(), names


_FIELDS = [
    "pk",
    "provider_id",
    "type",
    "level",
    "modes",
    "languages",
    "municipalities",
    "funding",
    "target_groups",
    "industries",
    "keywords",
    "start_date",
    "start_continuous",
    "duration_weeks",
    "price_eur",
    *[f"title_{code}" for code in _LANGS],
    *[f"description_{code}" for code in _LANGS],
]


def _document_fields(row: dict[str, Any], provider: str, tag_texts: list[Field]) -> list[Field]:
    fields = []
    for code in _LANGS:
        fields.append(Field(row[f"title_{code}"] or "", code, 2.0))  # type: ignore[arg-type]
        fields.append(Field(row[f"description_{code}"] or "", code, 1.0))  # type: ignore[arg-type]
    fields.append(Field(" ; ".join(row["keywords"] or []), "fi", 1.5))
    fields.append(Field(provider, "fi", 0.5))
    return fields + tag_texts


class _Collector:
    """Facet values and sort keys per document while the documents are added."""

    def __init__(self, today: dt.date, sub_region_of: dict[str, str]) -> None:
        self.today = today
        self.sub_region_of = sub_region_of
        self.values: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.starts: list[tuple[int, int]] = []
        self.prices: list[tuple[float, int]] = []
        self.durations: list[tuple[float, int]] = []
        self.continuous: list[int] = []
        self.free: list[int] = []
        self.start_keys: list[tuple[int, int]] = []
        self.price_keys: list[float] = []

    def add(self, doc: int, row: dict[str, Any], slug: str, groups: set[int]) -> None:
        lists = {
            "industry": row["industries"],
            "mode": row["modes"],
            "language": row["languages"],
            "funding": row["funding"],
            "target_group": row["target_groups"],
            "municipality": row["municipalities"],
            "level": [row["level"]] if row["level"] else [],
            "type": [row["type"]],
            "provider": [slug],
            "topic": [str(group) for group in groups],
        }
        lists["sub_region"] = sorted(
            {self.sub_region_of[m] for m in lists["municipality"] or [] if m in self.sub_region_of}
        )
        for facet, values in lists.items():
            for value in values or []:
                self.values[facet][str(value)].append(doc)
        self._add_ranges(doc, row)

    def _add_ranges(self, doc: int, row: dict[str, Any]) -> None:
        start = row["start_date"]
        if row["start_continuous"]:
            self.continuous.append(doc)
            key = self.today.toordinal()
        elif start is not None:
            self.starts.append((start.toordinal(), doc))
            key = start.toordinal() if start >= self.today else _FAR - 1
        else:
            key = _FAR
        self.start_keys.append((key, doc))
        price = row["price_eur"]
        self.price_keys.append(float(price) if price is not None else float("inf"))
        if price is not None:
            self.prices.append((float(price), doc))
        if price == 0 or "free" in (row["funding"] or []):
            self.free.append(doc)
        if row["duration_weeks"] is not None:
            self.durations.append((float(row["duration_weeks"]), doc))


def _tag_fields(concepts: dict[int, float], labels: dict[int, dict[str, str]]) -> list[Field]:
    return [
        Field(text, code, 0.5)  # type: ignore[arg-type]
        for concept in concepts
        for code, text in labels.get(concept, {}).items()
        if code in _LANGS
    ]


def _title_orders(titles: list[dict[str, str]]) -> dict[str, array[int]]:
    orders = {}
    for code in _LANGS:

        def key(doc: int, code: str = code) -> str:
            names = titles[doc]
            return (names[code] or names["fi"] or names["en"] or names["sv"] or "").casefold()

        orders[f"title_{code}"] = array("I", sorted(range(len(titles)), key=key))
    return orders


def index_build() -> CatalogueIndex:
    """Build the index of every published offering (one pass over the offerings)."""
    today = timezone.localdate()
    tags = _tags()
    concept_ids = sorted({c for concepts in tags.values() for c in concepts})
    labels, label_rows = _concept_labels(concept_ids)
    groups = _groups(concept_ids)
    sub_region_of, region_names = _regions()
    providers = {
        pk: (slug, {"fi": fi or "", "sv": sv or fi or "", "en": en or fi or ""})
        for pk, slug, fi, sv, en in Organisation.objects.values_list(
            "pk", "slug", "name_fi", "name_sv", "name_en"
        )
    }
    builder = SearchIndexBuilder()
    for concept, language, _kind, text in label_rows:
        if language in _LANGS:
            builder.phrases.add(concept, text, language)
    collector = _Collector(today, sub_region_of)
    ids, titles = array("I"), []
    offerings = Offering.objects.filter(status=Status.PUBLISHED).order_by("pk").values(*_FIELDS)
    for row in offerings.iterator(chunk_size=2000):
        slug, provider_names = providers[row["provider_id"]]
        concepts = tags.get(row["pk"], {})
        fields = _document_fields(row, provider_names["fi"], _tag_fields(concepts, labels))
        doc = builder.add(fields, concepts)
        ids.append(row["pk"])
        titles.append({code: row[f"title_{code}"] or "" for code in _LANGS})
        doc_groups = set().union(*(groups.get(c, set()) for c in concepts))
        collector.add(doc, row, slug, doc_groups)
    size = len(ids)
    start_order = [doc for _key, doc in sorted(collector.start_keys)]
    start_rank = array("I", [0] * size)
    for rank, doc in enumerate(start_order):
        start_rank[doc] = rank
    orders = _title_orders(titles)
    orders["start"] = array("I", start_order)
    orders["price"] = array(
        "I", sorted(range(size), key=lambda d: (collector.price_keys[d], start_rank[d]))
    )
    masks = {
        facet: {value: mask_of(docs, size) for value, docs in values.items()}
        for facet, values in collector.values.items()
    }
    group_ids = sorted({int(v) for v in masks.get("topic", {})})
    group_labels, _rows = _concept_labels(group_ids)
    names = {
        "provider": {slug: langs for slug, langs in providers.values()},
        "municipality": region_names,
        "sub_region": region_names,
        "topic": {str(k): v for k, v in group_labels.items()},
    }
    return CatalogueIndex(
        text=builder.build(),
        ids=ids,
        today=today,
        masks=masks,
        starts=sorted(collector.starts),
        prices=sorted(collector.prices),
        durations=sorted(collector.durations),
        continuous=mask_of(collector.continuous, size),
        free=mask_of(collector.free, size),
        start_rank=start_rank,
        orders=orders,
        concept_labels=labels,
        names=names,
    )


# --- the per-process cache -----------------------------------------------------------------------


def index_stamp() -> tuple[Any, ...]:
    """What changes whenever the index would: offerings, tags, labels and the date."""
    offerings = Offering.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    tags = OfferingConcept.objects.aggregate(n=Count("pk"), last=Max("pk"))
    labels = Label.objects.aggregate(last=Max("pk"))
    return (
        offerings["n"],
        offerings["last"],
        tags["n"],
        tags["last"],
        labels["last"],
        timezone.localdate(),
    )


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: CatalogueIndex | None = None
        self.stamp: tuple[Any, ...] | None = None
        self.checked = 0.0
        self.rebuilding = False


_cache = _Cache()


def _rebuild(stamp: tuple[Any, ...]) -> None:
    try:
        index = index_build()
        gc.freeze()  # the index lives as long as the process: keep it out of GC passes
        with _cache.lock:
            _cache.index, _cache.stamp = index, stamp
    finally:
        _cache.rebuilding = False
        connections.close_all()


def catalogue_index() -> CatalogueIndex:
    """The current index (thread-safe). The first call builds it; after a change, the old
    index keeps answering while a new one is built in the background (a 50,000-offering
    catalogue takes about a minute), unless `STAMP_TTL` is 0 (tests), which rebuilds at once.
    """
    now = time.monotonic()
    index = _cache.index
    if index is not None and now - _cache.checked < STAMP_TTL:
        return index
    with _cache.lock:
        stamp = index_stamp()
        _cache.checked = time.monotonic()
        if _cache.index is not None and (stamp == _cache.stamp or _cache.rebuilding):
            return _cache.index
        if _cache.index is None or STAMP_TTL == 0:
            _cache.index, _cache.stamp = index_build(), stamp
            gc.freeze()
            return _cache.index
        _cache.rebuilding = True
        index = _cache.index
    threading.Thread(target=_rebuild, args=(stamp,), daemon=True).start()
    return index


def catalogue_index_reset() -> None:
    """Forget the cached index (the next search rebuilds it)."""
    with _cache.lock:
        _cache.index, _cache.stamp, _cache.checked = None, None, 0.0
