"""Reads of the public catalogue: search with facets, one offering, its named contact. Never writes.

`offering_search` is the one entry point for the search page, the API, the feeds and other apps
(the guidance pages call it with their own filters).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from jatkumo.catalogue.facets import (
    SORTS,
    Facet,
    OfferingFilters,
    combine,
    facet_counts,
    facet_masks,
)
from jatkumo.catalogue.models import Offering, OfferingConcept, Status
from jatkumo.catalogue.search import CatalogueIndex, catalogue_index
from jatkumo.core.errors import NotFound
from jatkumo.intel.bitset import Membership
from jatkumo.intel.search import QueryMatch
from jatkumo.intel.snippet import Segment, snippet
from jatkumo.organisations.models import ContactRole, ServiceKind
from jatkumo.organisations.selectors import contact_directory
from jatkumo.taxonomy.selectors import concept_label, labels_prefetch

LANGUAGE_ORDER = ("fi", "en", "sv")


@dataclass(frozen=True)
class MatchReason:
    """One query word and how it matched: in the text, as a compound part, or via a skill."""

    word: str
    how: str
    concept: str = ""


@dataclass
class OfferingHit:
    offering: Offering
    score: float
    reasons: list[MatchReason] = field(default_factory=list)
    snippet: tuple[Segment, ...] = ()


@dataclass
class OfferingSearchResult:
    count: int
    hits: list[OfferingHit]
    facets: list[Facet]
    page: int
    per_page: int
    sort: str
    relaxed: bool = False
    ignored: tuple[str, ...] = ()

    @property
    def last_page(self) -> int:
        return max(1, -(-self.count // self.per_page))


def _offerings() -> QuerySet[Offering]:
    tags = OfferingConcept.objects.select_related("concept").prefetch_related(
        Prefetch("concept__labels", queryset=labels_prefetch().queryset)
    )
    return Offering.objects.select_related("provider").prefetch_related(
        Prefetch("tags", queryset=tags.order_by("-automatic", "-score"))
    )


def _ranked(
    index: CatalogueIndex, match: QueryMatch | None, final: int, *, sort: str, lang: str, end: int
) -> list[tuple[int, float]]:
    """The first `end` documents of the result in the chosen order, with scores."""
    if sort == "relevance" and match is not None:
        scores = index.text.scores(match, final)
        rank = index.start_rank
        return heapq.nsmallest(end, scores.items(), key=lambda item: (-item[1], rank[item[0]]))
    key = f"title_{lang}" if sort == "title" else ("start" if sort == "relevance" else sort)
    inside = Membership(final)
    docs: list[tuple[int, float]] = []
    for doc in index.orders[key]:
        if doc in inside:
            docs.append((doc, 0.0))
            if len(docs) >= end:
                break
    return docs


def text_language(offering: Offering, name: str, lang: str) -> str:
    """The language whose text of field `name` is shown for `lang` (modeltranslation fallback)."""
    for code in (lang, *LANGUAGE_ORDER):
        if getattr(offering, f"{name}_{code}", ""):
            return code
    return lang


def _reasons(index: CatalogueIndex, match: QueryMatch, doc: int, lang: str) -> list[MatchReason]:
    reasons = []
    for reason in index.text.explain(match, doc):
        names = index.concept_labels.get(reason.concept or -1, {})
        label = next((names[c] for c in (lang, *LANGUAGE_ORDER) if c in names), "")
        reasons.append(MatchReason(reason.word, reason.how, label))
    return reasons


def offering_search(
    *,
    filters: OfferingFilters,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 20,
    lang: str = "fi",
    facets: bool = True,
    snippets: bool = True,
) -> OfferingSearchResult:
    """Published offerings matching `filters`, one page in the chosen order, with facet counts.

    `sort` is relevance (best text match first; without a query the soonest start), start
    (rolling intake and the soonest dated starts first), price (lowest first) or title.
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    index = catalogue_index()
    match = index.text.match(filters.q) if filters.q.strip() else None
    base = match.mask if match is not None else index.everything()
    masks = facet_masks(index, filters)
    final = combine(base, masks)
    offset = (max(page, 1) - 1) * per_page
    ranked = _ranked(index, match, final, sort=sort, lang=lang, end=offset + per_page)[offset:]
    by_id = _offerings().in_bulk([index.ids[doc] for doc, _score in ranked])
    terms = match.terms if match is not None else frozenset()
    hits = []
    for doc, score in ranked:
        offering = by_id.get(index.ids[doc])
        if offering is None:  # removed since the index was built
            continue
        hit = OfferingHit(offering, score)
        if match is not None:
            hit.reasons = _reasons(index, match, doc, lang)
        if snippets:
            code = text_language(offering, "description", lang)
            text = getattr(offering, f"description_{code}", "") or ""
            hit.snippet = snippet(text, code, terms)  # type: ignore[arg-type]
        hits.append(hit)
    return OfferingSearchResult(
        count=final.bit_count(),
        hits=hits,
        facets=facet_counts(index, base, masks, filters, lang) if facets else [],
        page=max(page, 1),
        per_page=per_page,
        sort=sort,
        relaxed=bool(match and match.relaxed),
        ignored=match.ignored if match else (),
    )


def offering_get(
    *, id: int | None = None, provider_slug: str = "", external_id: str = ""
) -> Offering:
    """One published offering by pk or by provider slug + the provider's id; `NotFound` else."""
    offerings = _offerings().filter(status=Status.PUBLISHED)
    if id is not None:
        found = offerings.filter(pk=id).first()
    else:
        found = offerings.filter(provider__slug=provider_slug, external_id=external_id).first()
    if found is None:
        raise NotFound(_("No such offering in the catalogue."))
    return found


def offering_path(offering: Offering) -> str:
    """The stable public path: provider slug + the provider's id, or the pk if that cannot be."""
    try:
        return reverse(
            "catalogue:offering",
            kwargs={"provider": offering.provider.slug, "external_id": offering.external_id},
        )
    except NoReverseMatch:
        return reverse("catalogue:offering-by-id", args=[offering.pk])


@dataclass(frozen=True)
class NamedContact:
    """Whom to contact about an offering, and where the name came from (`offering` / `role`)."""

    name: str
    email: str
    phone: str = ""
    title: str = ""
    organisation: str = ""
    source: str = "offering"
    role: ContactRole | None = None


_SERVICE_ORDER = [
    ServiceKind.CONTINUOUS_LEARNING,
    ServiceKind.TAILORED_TRAINING,
    ServiceKind.APPRENTICESHIP,
    ServiceKind.GUIDANCE,
    ServiceKind.GENERAL,
]


def _role_rank(role: ContactRole, industries: list[str]) -> tuple[int, int]:
    if role.industry is not None:
        field_rank = 0 if role.industry.code in industries else 3
    else:
        field_rank = 1 if role.education_field is None else 2
    service = role.service
    service_rank = _SERVICE_ORDER.index(service) if service in _SERVICE_ORDER else 9  # type: ignore[arg-type]
    return field_rank, service_rank


def offering_contact(offering: Offering) -> NamedContact | None:
    """The offering's own contact, else the provider's public contact role for its field."""
    if offering.contact_name or offering.contact_email:
        return NamedContact(
            name=offering.contact_name or offering.provider.name,
            email=offering.contact_email,
            phone=offering.contact_phone,
            organisation=offering.provider.name,
        )
    roles: list[ContactRole] = list(contact_directory(organisation=offering.provider))
    if not roles:
        return None
    role = min(roles, key=lambda r: _role_rank(r, list(offering.industries or [])))
    return NamedContact(
        name=str(role.person),
        email=role.person.email,
        phone=role.person.phone,
        title=role.person.title,
        organisation=role.organisation.name,
        source="role",
        role=role,
    )


def offering_tags(offering: Offering, lang: str) -> list[dict[str, Any]]:
    """The concepts an offering gives: label in `lang` and whether it was found automatically."""
    return [
        {
            "concept": tag.concept,
            "label": concept_label(tag.concept, lang),
            "automatic": tag.automatic,
        }
        for tag in offering.tags.all()
    ]
