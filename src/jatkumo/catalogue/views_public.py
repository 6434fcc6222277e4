"""Public catalogue pages (no login): search with facets, one offering, the embeddable snippet."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from jatkumo.catalogue.facets import SORTS
from jatkumo.catalogue.models import Funding, Mode, Offering
from jatkumo.catalogue.params import parse_query
from jatkumo.catalogue.selectors import (
    offering_contact,
    offering_get,
    offering_path,
    offering_search,
    offering_tags,
    text_language,
)
from jatkumo.core.errors import NotFound
from jatkumo.core.paging import Pages
from jatkumo.taxonomy.models import Region

PER_PAGE = 20
SORT_LABELS = {
    "relevance": _("Best match"),
    "start": _("Start date"),
    "price": _("Price"),
    "title": _("Title"),
}


def _lang() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def catalogue_search_page(request: HttpRequest) -> HttpResponse:
    filters, data, errors = parse_query(request.GET)
    lang = _lang()
    result = offering_search(
        filters=filters,
        sort=data.get("sort", "relevance"),
        page=data["page"],
        per_page=PER_PAGE,
        lang=lang,
    )
    if result.hits == [] and result.count and result.page > result.last_page:
        result = offering_search(
            filters=filters, sort=result.sort, page=result.last_page, per_page=PER_PAGE, lang=lang
        )
    query = request.GET.copy()
    query.pop("page", None)
    context: dict[str, Any] = {
        "result": result,
        "filters": filters,
        "q": filters.q,
        "errors": errors,
        "sorts": [(key, str(SORT_LABELS[key])) for key in SORTS],
        "pages": Pages(result.page, result.last_page, query.urlencode()),
        "active": bool(query.keys() - {"sort"}),
        "mode_names": dict(Mode.choices),
        "feed_query": query.urlencode(),
    }
    return render(request, "catalogue/public/search.html", context)


def _offering_or_404(**kwargs: Any) -> Offering:
    try:
        return offering_get(**kwargs)
    except NotFound as error:
        raise Http404(str(error)) from error


def offering_by_id(request: HttpRequest, offering_id: int) -> HttpResponse:
    """`/catalogue/123/` → the offering's stable address (provider + the provider's id)."""
    offering = _offering_or_404(id=offering_id)
    return HttpResponsePermanentRedirect(offering_path(offering))


def _funding(codes: list[str]) -> list[dict[str, str]]:
    """Each funding code with its name and, when the guidance pages have it, its explanation."""
    names = dict(Funding.choices)
    items = []
    for code in codes:
        try:
            url = reverse("guidance:funding-detail", args=[code])
        except NoReverseMatch:
            url = ""
        items.append({"code": code, "name": str(names.get(code, code)), "url": url})
    return items


def offering_page(request: HttpRequest, provider: str, external_id: str) -> HttpResponse:
    offering = _offering_or_404(provider_slug=provider, external_id=external_id)
    lang = _lang()
    municipalities = dict(
        Region.objects.filter(code__in=offering.municipalities or []).values_list("code", "name")
    )
    context = {
        "offering": offering,
        "tags": offering_tags(offering, lang),
        "contact": offering_contact(offering),
        "funding": _funding(list(offering.funding or [])),
        "modes": [str(dict(Mode.choices).get(m, m)) for m in offering.modes or []],
        "municipalities": [municipalities.get(c, c) for c in offering.municipalities or []],
        "description_lang": text_language(offering, "description", lang),
        "title_lang": text_language(offering, "title", lang),
        "share_url": request.build_absolute_uri(offering_path(offering)),
        "back_url": reverse("catalogue:search"),
    }
    return render(request, "catalogue/public/offering.html", context)


def embed_script(request: HttpRequest) -> HttpResponse:
    """The embeddable snippet: vanilla JS that lists offerings from the API on any page."""
    response = render(request, "catalogue/public/embed.js", content_type="text/javascript")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def embed_page(request: HttpRequest) -> HttpResponse:
    script_url = request.build_absolute_uri(reverse("catalogue:embed-js"))
    return render(request, "catalogue/public/embed.html", {"script_url": script_url})
