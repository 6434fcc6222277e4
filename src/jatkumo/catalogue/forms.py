"""The staff form of an offering. It only collects text: `to_record()` builds the interchange
shape and the service validates it with the importer's validator, whose errors (JSON paths such
as `title.fi` or `credits.value`) are put back on the form fields by `add_row_errors`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jatkumo.catalogue.exporters import offering_record
from jatkumo.catalogue.models import (
    CreditUnit,
    Funding,
    Level,
    Mode,
    Offering,
    OfferingType,
    TargetGroup,
)
from jatkumo.catalogue.validation import CONTINUOUS, TEXT_LANGUAGES
from jatkumo.core.errors import RowError
from jatkumo.organisations.models import Organisation, OrganisationKind

_NUMBER = re.compile(r"^\d+([.,]\d+)?$")
_LIST_FIELDS = ("languages", "municipalities", "industries", "keywords")
_CHECKBOXES = {"modes": Mode, "funding": Funding, "target_groups": TargetGroup}


def _number(text: str) -> Any:
    text = text.strip()
    if _NUMBER.match(text):
        value = float(text.replace(",", "."))
        return int(value) if value.is_integer() else value
    return text  # the validator says it is not a number


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class OfferingForm(forms.Form):
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=Organisation.objects.filter(roles__kind=OrganisationKind.EDUCATION_PROVIDER),
        required=False,
    )
    id = forms.CharField(
        label=_("Provider's id"), help_text=_("Your own stable id, e.g. TAMK-123.")
    )
    title_fi = forms.CharField(label=_("Title in Finnish"), required=False)
    title_sv = forms.CharField(label=_("Title in Swedish"), required=False)
    title_en = forms.CharField(label=_("Title in English"), required=False)
    description_fi = forms.CharField(
        label=_("Description in Finnish"), widget=forms.Textarea, required=False
    )
    description_sv = forms.CharField(
        label=_("Description in Swedish"), widget=forms.Textarea, required=False
    )
    description_en = forms.CharField(
        label=_("Description in English"), widget=forms.Textarea, required=False
    )
    type = forms.ChoiceField(label=_("Type"), choices=OfferingType.choices)
    level = forms.ChoiceField(label=_("Level"), choices=[("", "—"), *Level.choices], required=False)
    credits_value = forms.CharField(label=_("Credits"), required=False)
    credits_unit = forms.ChoiceField(
        label=_("Credit unit"), choices=[("", "—"), *CreditUnit.choices], required=False
    )
    modes = forms.MultipleChoiceField(
        label=_("Modes"), choices=Mode.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    languages = forms.CharField(
        label=_("Teaching languages"),
        help_text=_("Codes separated by commas: fi, sv, en."),
        initial="fi",
    )
    municipalities = forms.CharField(
        label=_("Municipalities"),
        help_text=_("Municipality codes separated by commas, e.g. 837 for Tampere."),
        required=False,
    )
    start = forms.DateField(
        label=_("Next start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    continuous = forms.BooleanField(label=_("Rolling intake (start at any time)"), required=False)
    duration_weeks = forms.CharField(label=_("Duration (weeks)"), required=False)
    price_eur = forms.CharField(label=_("Price (EUR)"), help_text=_("0 when free."), required=False)
    funding = forms.MultipleChoiceField(
        label=_("Funding"),
        choices=Funding.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    industries = forms.CharField(
        label=_("Industries"),
        help_text=_("TOL 2008 section letters separated by commas, e.g. C, F."),
        required=False,
    )
    keywords = forms.CharField(
        label=_("Keywords"), help_text=_("Separated by commas."), required=False
    )
    url = forms.CharField(label=_("Web page"), required=False)
    contact_name = forms.CharField(label=_("Contact person"), required=False)
    contact_email = forms.CharField(label=_("Contact email"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), required=False)
    extra = forms.CharField(
        label=_("Extra data (JSON)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, provider_choice: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not provider_choice:
            del self.fields["provider"]

    @classmethod
    def initial_from(cls, offering: Offering) -> dict[str, Any]:
        """Form values of an existing offering (through its interchange record)."""
        record = offering_record(offering)
        initial: dict[str, Any] = {"provider": offering.provider_id, "id": record["id"]}
        for attr in ("title", "description"):
            for lang in TEXT_LANGUAGES:
                initial[f"{attr}_{lang}"] = record[attr].get(lang, "")
        for key in ("type", "level", "url", "modes", "funding", "target_groups"):
            initial[key] = record.get(key, "")
        credits = record.get("credits", {})
        initial |= {
            "credits_value": credits.get("value", ""),
            "credits_unit": credits.get("unit", ""),
        }
        initial |= {key: ", ".join(record[key]) for key in _LIST_FIELDS}
        initial |= {key: record.get(key, "") for key in ("duration_weeks", "price_eur")}
        initial["continuous"] = record["start"] == CONTINUOUS
        initial["start"] = offering.start_date
        contact = record.get("contact", {})
        initial |= {f"contact_{key}": contact.get(key, "") for key in ("name", "email", "phone")}
        initial["extra"] = (
            json.dumps(record["extra"], ensure_ascii=False) if record["extra"] else ""
        )
        return initial

    def to_record(self, *, provider: Organisation) -> dict[str, Any]:
        """The cleaned form as an interchange record (validated later, by the service)."""
        data = self.cleaned_data
        provider = data.get("provider") or provider
        record: dict[str, Any] = {"id": data["id"].strip()}
        record["provider"] = {"name": getattr(provider, "name_fi", "") or provider.name}
        if provider.business_id:
            record["provider"]["business_id"] = provider.business_id
        for attr in ("title", "description"):
            record[attr] = {
                lang: data[f"{attr}_{lang}"]
                for lang in TEXT_LANGUAGES
                if data[f"{attr}_{lang}"].strip()
            }
        record |= {"type": data["type"], "modes": data["modes"]}
        if data["level"]:
            record["level"] = data["level"]
        if data["credits_value"] or data["credits_unit"]:
            record["credits"] = {
                "value": _number(data["credits_value"]),
                "unit": data["credits_unit"],
            }
        record |= {key: _split(data[key]) for key in _LIST_FIELDS}
        record["start"] = (
            CONTINUOUS
            if data["continuous"]
            else (data["start"].isoformat() if data["start"] else "")
        )
        for key in ("duration_weeks", "price_eur"):
            if data[key].strip():
                record[key] = _number(data[key])
        record |= {key: data[key] for key in _CHECKBOXES if key != "modes"}
        if data["url"].strip():
            record["url"] = data["url"].strip()
        if data["contact_name"] or data["contact_email"] or data["contact_phone"]:
            contact = {"name": data["contact_name"], "email": data["contact_email"].strip()}
            record["contact"] = contact | (
                {"phone": data["contact_phone"]} if data["contact_phone"] else {}
            )
        if data["extra"].strip():
            try:
                record["extra"] = json.loads(data["extra"])
            except json.JSONDecodeError:
                record["extra"] = data["extra"]  # reported as "must be an object"
        return record

    def add_row_errors(self, errors: list[RowError]) -> None:
        """Put the validator's errors (JSON paths) on the matching form fields."""
        for error in errors:
            self.add_error(self._field_for(error.field), error.message)

    def _field_for(self, path: str) -> str | None:
        base = re.sub(r"\[\d+\]$", "", path)
        name = base.replace(".", "_")
        if base in {"title", "description"}:
            name = f"{base}_fi"
        if base == "start":
            name = "start"
        if base == "credits":
            name = "credits_value"
        if base == "contact":
            name = "contact_name"
        if base.startswith("provider"):
            return "provider" if "provider" in self.fields else None
        return name if name in self.fields else None
