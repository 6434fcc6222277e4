"""Pages for companies: the landing page, funding instruments, the glossary, self-service."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from jatkumo.catalogue.models import Funding
from jatkumo.core.errors import NotFound
from jatkumo.guidance.advice import answer_label
from jatkumo.guidance.forms import SelfServiceForm
from jatkumo.guidance.models import InstrumentKind, SelfServiceAnswer
from jatkumo.guidance.selectors import (
    AnswerPage,
    funding_instrument_get,
    funding_instrument_list,
    funding_review_overdue,
    glossary_by_letter,
    glossary_term_list,
    self_service_answer_get,
    self_service_answer_page,
)
from jatkumo.guidance.services import self_service_answer_create


def _lang() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def guidance_home(request: HttpRequest) -> HttpResponse:
    instruments = funding_instrument_list(include_ended=False).exclude(kind=InstrumentKind.PRICING)
    return render(request, "guidance/home.html", {"instruments": instruments[:6]})


def funding_list(request: HttpRequest) -> HttpResponse:
    instruments = list(funding_instrument_list())
    groups = [
        (label, [item for item in instruments if item.kind == kind])
        for kind, label in InstrumentKind.choices
    ]
    return render(request, "guidance/funding_list.html", {"groups": groups})


def funding_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        instrument = funding_instrument_get(code=code)
    except NotFound as error:
        raise Http404(str(error)) from error
    context = {
        "instrument": instrument,
        "overdue": funding_review_overdue(instrument),
        "offerings_url": _offerings_url(instrument.code),
    }
    return render(request, "guidance/funding_detail.html", context)


def _offerings_url(code: str) -> str:
    """The catalogue search for offerings with this funding code, if offerings can have it."""
    if code not in Funding.values:
        return ""
    try:
        return f"{reverse('catalogue:search')}?{urlencode({'funding': code})}"
    except NoReverseMatch:
        return ""


def glossary(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:100]
    terms = glossary_term_list(q=q)
    context = {"q": q, "groups": glossary_by_letter(terms), "count": len(terms)}
    return render(request, "guidance/glossary.html", context)


def sme_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SelfServiceForm(request.POST)
        if form.is_bot():
            context = {"form": SelfServiceForm(), "rejected": True}
            return render(request, "guidance/sme_form.html", context, status=400)
        if form.is_valid():
            answer = self_service_answer_create(answers=form.answers(), language=_lang())
            return HttpResponseRedirect(reverse("guidance:sme-answer", args=[answer.public_id]))
        return render(request, "guidance/sme_form.html", {"form": form}, status=400)
    form = SelfServiceForm(initial=_initial(request.GET.get("from", "")))
    return render(request, "guidance/sme_form.html", {"form": form})


def _initial(public_id: str) -> dict[str, Any]:
    """Answers of an earlier answer page, to edit them (`?from=<uuid>`)."""
    try:
        return dict(self_service_answer_get(public_id=uuid.UUID(public_id)).answers)
    except (ValueError, NotFound):
        return {}


def _summary(page: AnswerPage) -> list[tuple[str, str]]:
    answers = page.answers
    form = SelfServiceForm()

    def labels(question: str) -> str:
        values = answers.get(question) or []
        values = values if isinstance(values, list) else [values]
        return ", ".join(answer_label(question, str(value)) for value in values)

    return [
        (str(form.fields["industry"].label), str(page.industry or answers.get("industry", ""))),
        (str(form.fields["size"].label), labels("size")),
        (
            str(form.fields["municipality"].label),
            page.municipality.name if page.municipality else _("Anywhere / online"),
        ),
        (str(form.fields["change"].label), labels("change")),
        (str(form.fields["roles"].label), labels("roles")),
        (str(form.fields["headcount"].label), str(answers.get("headcount", ""))),
        (str(form.fields["urgency"].label), labels("urgency")),
        (str(form.fields["budget"].label), labels("budget")),
    ]


def sme_answer(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    try:
        answer: SelfServiceAnswer = self_service_answer_get(public_id=public_id)
    except NotFound as error:
        raise Http404(str(error)) from error
    page = self_service_answer_page(answers=answer.answers, lang=_lang())
    context = {
        "answer": answer,
        "page": page,
        "summary": _summary(page),
        "share_url": request.build_absolute_uri(),
    }
    return render(request, "guidance/sme_answer.html", context)
