"""Pages of the taxonomy browser: search, one concept, one relation group of a concept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from jatkumo.core.errors import NotFound
from jatkumo.core.paging import Pages
from jatkumo.taxonomy.models import Concept, Scheme
from jatkumo.taxonomy.selectors import (
    concept_get,
    concept_get_by_uri,
    concept_label,
    concept_relation_page,
    concept_relations,
    concept_search,
    labels_by_language,
    relation_group_spec,
)

PER_PAGE = 20
RELATED_PREVIEW = 30
RELATED_PER_PAGE = 60


class ConceptSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    scheme = forms.ChoiceField(
        label=_("Scheme"), required=False, choices=[("", _("All schemes")), *Scheme.choices]
    )
    lang = forms.ChoiceField(
        label=_("Label language"),
        required=False,
        choices=[("", _("Any language")), *settings.LANGUAGES],
    )


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _pages(request: HttpRequest, count: int, per_page: int) -> Pages:
    query = request.GET.copy()
    query.pop("page", None)
    last = max(1, -(-count // per_page))
    number = min(_page_number(request), last)
    return Pages(
        number=number, last=last, count=count, base_query=query.urlencode(), per_page=per_page
    )


def concept_search_page(request: HttpRequest) -> HttpResponse:
    form = ConceptSearchForm(request.GET or None)
    lang = translation.get_language() or settings.LANGUAGE_CODE
    context: dict[str, Any] = {"form": form, "searched": False}
    if form.is_valid() and (form.cleaned_data["q"].strip() or form.cleaned_data["scheme"]):
        data = form.cleaned_data
        first = _page_number(request)
        result = concept_search(
            q=data["q"],
            scheme=data["scheme"] or None,
            lang=data["lang"] or None,
            limit=PER_PAGE,
            offset=(first - 1) * PER_PAGE,
        )
        pages = _pages(request, result.count, PER_PAGE)
        if pages.number != first:  # a page past the end: show the last one
            result = concept_search(
                q=data["q"],
                scheme=data["scheme"] or None,
                lang=data["lang"] or None,
                limit=PER_PAGE,
                offset=pages.offset,
            )
        hits = [
            {
                "hit": hit,
                "label": concept_label(hit.concept, lang),
                "others": _other_labels(hit.concept, lang),
            }
            for hit in result.hits
        ]
        context.update(searched=True, result=result, hits=hits, pages=pages, q=data["q"])
    return render(request, "taxonomy/search.html", context)


def _other_labels(concept: Concept, lang: str) -> list[tuple[str, str]]:
    """The preferred labels in the other interface languages: (language code, text)."""
    shown = concept_label(concept, lang)
    preferred = {lab.language: lab.text for lab in concept.labels.all() if lab.kind == "preferred"}
    order = [code for code, _name in settings.LANGUAGES]
    return [
        (code, preferred[code]) for code in order if code in preferred and preferred[code] != shown
    ]


def _concept_or_404(concept_id: int) -> Concept:
    try:
        return concept_get(id=concept_id)
    except NotFound as error:
        raise Http404(str(error)) from error


def concept_detail(request: HttpRequest, concept_id: int) -> HttpResponse:
    concept = _concept_or_404(concept_id)
    lang = translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "concept": concept,
        "label": concept_label(concept, lang),
        "labels_by_language": labels_by_language(concept),
        "description": _description(concept, lang),
        "groups": concept_relations(concept=concept, lang=lang, limit=RELATED_PREVIEW),
        "lang": lang,
    }
    return render(request, "taxonomy/concept.html", context)


def _description(concept: Concept, lang: str) -> tuple[str, str] | None:
    texts = concept.description or {}
    for code in (lang, "fi", "en", "sv", *texts):
        if texts.get(code):
            return code, texts[code]
    return None


def concept_related(request: HttpRequest, concept_id: int, key: str) -> HttpResponse:
    concept = _concept_or_404(concept_id)
    try:
        spec = relation_group_spec(key)
    except NotFound as error:
        raise Http404(str(error)) from error
    lang = translation.get_language() or settings.LANGUAGE_CODE
    number = _page_number(request)
    members, total = concept_relation_page(
        concept=concept,
        key=key,
        lang=lang,
        limit=RELATED_PER_PAGE,
        offset=(number - 1) * RELATED_PER_PAGE,
    )
    context = {
        "concept": concept,
        "label": concept_label(concept, lang),
        "spec": spec,
        "members": members,
        "pages": _pages(request, total, RELATED_PER_PAGE),
        "lang": lang,
    }
    return render(request, "taxonomy/related.html", context)


def concept_by_uri(request: HttpRequest) -> HttpResponse:
    """`/taxonomy/concept/?uri=http://data.europa.eu/esco/...` → the concept's page."""
    try:
        concept = concept_get_by_uri(uri=request.GET.get("uri", ""))
    except NotFound as error:
        raise Http404(str(error)) from error
    return HttpResponseRedirect(reverse("taxonomy:concept", args=[concept.pk]))
