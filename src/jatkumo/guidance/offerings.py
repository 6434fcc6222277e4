"""The one place where guidance reads the catalogue: offerings for a self-service answer.

Each development action brings a few plain words ("robotiikka automaatio"); the catalogue's own
public search (`catalogue.selectors.offering_search`: inflection, compounds, any-word fallback)
finds published offerings for them, first within the company's sector, then anywhere. The
results of all actions are merged and ranked here: sector, municipality (or online) and, when
the need is urgent, an early start lift an offering.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import NoReverseMatch
from django.utils import timezone

from jatkumo.catalogue.facets import OfferingFilters
from jatkumo.catalogue.models import Offering
from jatkumo.catalogue.selectors import offering_path, offering_search

PER_QUERY = 10
SOON = dt.timedelta(weeks=8)


@dataclass(frozen=True)
class OfferingSuggestion:
    offering: Offering
    url: str
    actions: tuple[str, ...]  # titles of the development actions it serves
    in_sector: bool
    nearby: bool
    online: bool
    starts_soon: bool


def _url(offering: Offering) -> str:
    try:
        return offering_path(offering)
    except NoReverseMatch:
        return offering.url


def _search(words: str, industry: str, lang: str) -> list[Offering]:
    found: list[Offering] = []
    for industries in ((industry,) if industry else (), ()):
        result = offering_search(
            filters=OfferingFilters(q=words, industry=industries),
            per_page=PER_QUERY,
            lang=lang,
            facets=False,
            snippets=False,
        )
        found += [hit.offering for hit in result.hits]
        if not industries:
            break
    return found


def offering_suggestions(
    *,
    queries: Sequence[tuple[str, Sequence[str]]],
    industry: str = "",
    municipality: str = "",
    soon: bool = False,
    lang: str = "fi",
    limit: int = 8,
) -> list[OfferingSuggestion]:
    """Published offerings for (action title, keywords) pairs, best first.

    An offering found for several actions, in the company's sector, taught in its municipality
    (or online) and — when `soon` — starting within eight weeks ranks higher; ties keep the
    search order.
    """
    today = timezone.localdate()
    seen: dict[int, tuple[Offering, list[str], int]] = {}
    position = 0
    for title, keywords in queries:
        if not keywords:
            continue
        for offering in _search(" ".join(keywords), industry, lang):
            entry = seen.setdefault(offering.pk, (offering, [], position))
            if title not in entry[1]:
                entry[1].append(title)
            position += 1
    scored = []
    for offering, titles, first in seen.values():
        places = offering.municipalities or []
        starts_soon = offering.start_continuous or (
            offering.start_date is not None and today <= offering.start_date <= today + SOON
        )
        suggestion = OfferingSuggestion(
            offering=offering,
            url=_url(offering),
            actions=tuple(titles),
            in_sector=bool(industry) and industry in (offering.industries or []),
            nearby=bool(municipality) and municipality in places,
            online=not places,
            starts_soon=bool(starts_soon),
        )
        score = (
            2 * len(titles)
            + 3 * suggestion.in_sector
            + 2 * suggestion.nearby
            + suggestion.online
            + (soon and suggestion.starts_soon)
        )
        scored.append((-score, first, suggestion))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [suggestion for _score, _first, suggestion in scored[:limit]]
