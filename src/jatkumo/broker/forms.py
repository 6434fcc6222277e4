"""Forms of the broker pages: the public need form and the case actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from jatkumo.broker.models import CaseState, CompanySize
from jatkumo.catalogue.models import Mode
from jatkumo.taxonomy.models import Industry
from jatkumo.taxonomy.selectors import municipality_list

HONEYPOT = "homepage"
FORM_VALUES = [
    "text",
    "company_name",
    "company_business_id",
    "company_size",
    "industry",
    "municipality",
    "headcount",
    "needed_by",
    "contact_name",
    "contact_email",
    "contact_phone",
]
LANGUAGE_CHOICES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]


def _industry_choices() -> list[tuple[str, Any]]:
    return [("", _("Not given")), *((i.code, f"{i.code} {i.name}") for i in Industry.objects.all())]


def _municipality_choices() -> list[tuple[str, Any]]:
    rows = municipality_list(region_code=settings.JATKUMO_REGION_CODE)
    return [("", _("Anywhere / online")), *((r.code, r.name) for r in rows)]


class NeedForm(forms.Form):
    text = forms.CharField(
        label=_("What do you need?"),
        help_text=_(
            "In your own words, as long or short as you like: what people should learn, "
            "how many, by when, where."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        error_messages={"required": _("Describe the need in your own words.")},
    )
    company_name = forms.CharField(label=_("Company name"), max_length=200, required=False)
    company_business_id = forms.CharField(
        label=_("Business ID (Y-tunnus)"),
        max_length=9,
        required=False,
        help_text=_("For example 1234567-8."),
    )
    company_size = forms.ChoiceField(
        label=_("Company size"),
        choices=[("", _("Not given")), *CompanySize.choices],
        required=False,
    )
    industry = forms.ChoiceField(label=_("Industry"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    headcount = forms.IntegerField(
        label=_("How many people?"), min_value=1, max_value=10_000, required=False
    )
    needed_by = forms.DateField(
        label=_("Needed by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    modes = forms.MultipleChoiceField(
        label=_("Ways of learning that suit you"),
        choices=Mode.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    max_price_eur = forms.IntegerField(
        label=_("Highest price per person (€)"), min_value=0, required=False
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("Email"),
        error_messages={
            "required": _("Give an email address we can answer to."),
            "invalid": _("Give an email address we can answer to."),
        },
    )
    contact_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    consent = forms.BooleanField(
        label=_("I agree that my need and contact details are stored as described above."),
        error_messages={"required": _("We need your consent to store the need.")},
    )
    homepage = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = _industry_choices()  # type: ignore[attr-defined]
        self.fields["municipality"].choices = _municipality_choices()  # type: ignore[attr-defined]

    def is_bot(self) -> bool:
        return bool(str(self.data.get(HONEYPOT, "")).strip())

    def values(self) -> dict[str, Any]:
        """Cleaned values for `services.need_create`."""
        data = self.cleaned_data
        preferences: dict[str, Any] = {}
        if data["modes"]:
            preferences["modes"] = data["modes"]
        if data["languages"]:
            preferences["languages"] = data["languages"]
        if data["max_price_eur"] is not None:
            preferences["max_price_eur"] = data["max_price_eur"]
        values = {name: data[name] for name in FORM_VALUES}
        return {**values, "preferences": preferences}


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    private = forms.BooleanField(label=_("Only my organisation sees this note"), required=False)


class TransitionForm(forms.Form):
    to_state = forms.ChoiceField(label=_("New state"), choices=CaseState.choices)
    text = forms.CharField(label=_("Comment (optional)"), required=False)


class ProposeForm(forms.Form):
    offering = forms.IntegerField(label=_("Offering"), widget=forms.Select)
    text = forms.CharField(label=_("Message (optional)"), required=False)
