"""Published offerings (DB) → `intel` offering records → the matching indexes (no caching here).

Reads the published offerings with their concept tags (automatic ones weighted by their score,
0.3–1; staff tags 1), the evidence words of each tag, the municipality → sub-region map, and
builds both the hybrid `intel.match.MatchIndex` and the plain-BM25 baseline index. The cache
lives in `broker.matching`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from jatkumo.analysis.engine import annotator_get
from jatkumo.catalogue.models import Offering, OfferingConcept, Status
from jatkumo.intel.match import MatchIndex
from jatkumo.intel.match_baseline import BaselineIndex
from jatkumo.intel.match_types import OfferingRecord, OfferingTag
from jatkumo.intel.search import Field
from jatkumo.organisations.models import Organisation
from jatkumo.taxonomy.selectors import municipality_sub_regions

_LANGS = ("fi", "sv", "en")
_FIELDS = [
    "pk",
    "external_id",
    "provider_id",
    "url",
    "modes",
    "languages",
    "municipalities",
    "industries",
    "keywords",
    "target_groups",
    "start_date",
    "start_continuous",
    "duration_weeks",
    "price_eur",
    *[f"title_{code}" for code in _LANGS],
    *[f"description_{code}" for code in _LANGS],
]


@dataclass(frozen=True)
class OfferingInfo:
    """What a result shows about an offering besides its score."""

    external_id: str
    provider: str
    title: str
    url: str
    industries: tuple[str, ...]


@dataclass
class CatalogueMatchIndex:
    """Both indexes over the same published offerings, and how to show and place them."""

    intel: MatchIndex
    baseline: BaselineIndex
    info: dict[int, OfferingInfo]
    sub_region_of: dict[str, str]


def _tags() -> dict[int, list[OfferingTag]]:
    tags: dict[int, list[OfferingTag]] = defaultdict(list)
    rows = OfferingConcept.objects.filter(offering__status=Status.PUBLISHED).values_list(
        "offering_id", "concept__uri", "automatic", "score", "evidence"
    )
    for offering, uri, automatic, score, evidence in rows.iterator(chunk_size=5000):
        weight = min(1.0, max(0.3, score)) if automatic else 1.0
        words = tuple(
            dict.fromkeys(str(e.get("text", "")) for e in evidence or [] if isinstance(e, dict))
        )
        tags[offering].append(OfferingTag(uri, weight, tuple(w for w in words if w)))
    return tags


def _fields(row: dict[str, Any]) -> tuple[Field, ...]:
    fields = []
    for code in _LANGS:
        fields.append(Field(row[f"title_{code}"] or "", code, 2.0))  # type: ignore[arg-type]
        fields.append(Field(row[f"description_{code}"] or "", code, 1.0))  # type: ignore[arg-type]
    fields.append(Field(" ; ".join(row["keywords"] or []), None, 1.0))
    return tuple(f for f in fields if f.text.strip())


def _record(
    row: dict[str, Any], provider: str, tags: list[OfferingTag], sub_region_of: dict[str, str]
) -> OfferingRecord:
    municipalities = frozenset(row["municipalities"] or ())
    title = row["title_fi"] or row["title_en"] or row["title_sv"] or ""
    start: dt.date | None = row["start_date"]
    return OfferingRecord(
        key=row["pk"],
        provider=provider,
        title=title,
        fields=_fields(row),
        tags=tuple(tags),
        modes=frozenset(row["modes"] or ()),
        languages=frozenset(row["languages"] or ()),
        municipalities=municipalities,
        sub_regions=frozenset(sub_region_of[m] for m in municipalities if m in sub_region_of),
        start=start,
        continuous=bool(row["start_continuous"]),
        duration_weeks=float(row["duration_weeks"]) if row["duration_weeks"] is not None else None,
        price_eur=float(row["price_eur"]) if row["price_eur"] is not None else None,
        target_groups=frozenset(row["target_groups"] or ()),
        industries=frozenset(row["industries"] or ()),
    )


def label_vocabulary() -> frozenset[str]:
    """Every lemma that occurs in a taxonomy label (the concept engine's lexicon keys): which
    need words can name a topic (`intel.match.MatchIndex.topical`)."""
    vocabulary: set[str] = set()
    for key in annotator_get().index.entries:
        vocabulary.update(key)
    return frozenset(vocabulary)


def match_index_build() -> CatalogueMatchIndex:
    """Read every published offering once → `CatalogueMatchIndex`."""
    tags = _tags()
    sub_region_of = municipality_sub_regions()
    providers = dict(Organisation.objects.values_list("pk", "name"))
    records, info = [], {}
    offerings = Offering.objects.filter(status=Status.PUBLISHED).order_by("pk").values(*_FIELDS)
    for row in offerings.iterator(chunk_size=2000):
        provider = str(providers.get(row["provider_id"], ""))
        record = _record(row, provider, tags.get(row["pk"], []), sub_region_of)
        records.append(record)
        info[row["pk"]] = OfferingInfo(
            row["external_id"],
            provider,
            record.title,
            row["url"] or "",
            tuple(row["industries"] or ()),
        )
    intel = MatchIndex(records, vocabulary=label_vocabulary())
    # the baseline ranks over the same BM25 postings: built once
    baseline: BaselineIndex = intel
    return CatalogueMatchIndex(intel, baseline, info, sub_region_of)
