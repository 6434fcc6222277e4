"""The self-service form: six questions, one fieldset each, with clear per-field messages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jatkumo.guidance.questions import Budget, Change, Role, Size, Urgency
from jatkumo.taxonomy.models import Industry
from jatkumo.taxonomy.selectors import municipality_list

MAX_CHANGES = 3
MAX_HEADCOUNT = 10_000
HONEYPOT = "website"


def _industry_choices() -> list[tuple[str, Any]]:
    return [
        ("", _("Choose a sector")),
        *((i.code, f"{i.code} {i.name}") for i in Industry.objects.all()),
    ]


def _municipality_choices() -> list[tuple[str, Any]]:
    rows = municipality_list(region_code=settings.JATKUMO_REGION_CODE)
    return [("", _("Anywhere / online")), *((r.code, r.name) for r in rows)]


class SelfServiceForm(forms.Form):
    industry = forms.ChoiceField(
        label=_("Sector"),
        help_text=_("The main line of business (TOL 2008 section)."),
        error_messages={"required": _("Choose the sector of your company.")},
    )
    size = forms.ChoiceField(
        label=_("Company size"),
        choices=Size.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how many people work in the company.")},
    )
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    change = forms.MultipleChoiceField(
        label=_("What is changing in your work?"),
        help_text=_("Choose one to three."),
        choices=Change.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one change.")},
    )
    roles = forms.MultipleChoiceField(
        label=_("Who needs to learn?"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one group of people.")},
    )
    headcount = forms.IntegerField(
        label=_("How many people, roughly?"),
        min_value=1,
        max_value=MAX_HEADCOUNT,
        error_messages={
            "required": _("Give the number of people who need to learn."),
            "invalid": _("Give the number of people as a whole number, e.g. 5."),
            "min_value": _("Give at least one person."),
            "max_value": _("Give at most %(limit_value)s people."),
        },
    )
    urgency = forms.ChoiceField(
        label=_("How soon do you need it?"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how soon you need the new skills.")},
    )
    budget = forms.ChoiceField(
        label=_("Budget for training"),
        choices=Budget.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the budget, even if it is none.")},
    )
    # Hidden from people (CSS and aria-hidden); bots that fill every field give themselves away.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = _industry_choices()  # type: ignore[attr-defined]
        self.fields["municipality"].choices = _municipality_choices()  # type: ignore[attr-defined]
        for name in ("industry", "size", "change", "urgency", "budget", "roles", "headcount"):
            field = self.fields[name]
            field.error_messages["invalid_choice"] = _("Choose one of the options.")
            field.error_messages.setdefault("invalid_list", _("Choose one of the options."))

    def clean_change(self) -> list[str]:
        values: list[str] = self.cleaned_data["change"]
        if len(values) > MAX_CHANGES:
            raise ValidationError(_("Choose at most three changes – the most important ones."))
        return values

    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def answers(self) -> dict[str, Any]:
        """The cleaned answers as stored: codes only, JSON-serialisable."""
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "industry",
                "size",
                "municipality",
                "change",
                "roles",
                "headcount",
                "urgency",
                "budget",
            )
        }
