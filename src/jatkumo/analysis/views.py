"""The analysis page: paste a text, see the occupations and skills found and the evidence."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from jatkumo.analysis.highlight import segments
from jatkumo.analysis.services import MAX_TEXT, Document, document_analyse


class AnalyseForm(forms.Form):
    title = forms.CharField(
        label=_("Title (optional)"),
        required=False,
        max_length=500,
        help_text=_("For a job ad: its title. Words in the title weigh more."),
    )
    text = forms.CharField(
        label=_("Text"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("A job ad, a company's need or a course description, in any length."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect")), ("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
    )


def _evidence_spans(items: list[dict[str, Any]], field: str) -> list[tuple[int, int, str]]:
    return [
        (ev["start"], ev["end"], item["label"])
        for item in items
        for ev in item.get("evidence", [])
        if ev.get("field") == field and ev.get("how") != "occupation_profile"
    ]


def analyse_page(request: HttpRequest) -> HttpResponse:
    form = AnalyseForm(request.POST or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = document_analyse(
            document=Document("text", data["text"], data["title"], data["language"] or None)
        )
        found = result["skills"] + result["occupations"]
        context.update(
            result=result,
            title_segments=segments(data["title"], _evidence_spans(found, "title")),
            text_segments=segments(data["text"], _evidence_spans(found, "text")),
        )
    return render(request, "analysis/analyse.html", context)
