"""Query parameters of the public catalogue (page, API, feeds, embed) → `OfferingFilters`.

One serializer validates them everywhere, so a bad value gets the same answer in the API (400
naming the parameter) and is simply left out on the search page. Texts are API documentation
and stay in English.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from rest_framework import serializers

from jatkumo.catalogue.facets import SORTS, START_CHOICES, OfferingFilters
from jatkumo.catalogue.models import Funding, Level, Mode, OfferingType, TargetGroup

MAX_PAGE_SIZE = 100


class CommaListField(serializers.ListField):
    """A repeated parameter (`mode=a&mode=b`) or one comma-separated value (`mode=a,b`)."""

    def to_internal_value(self, data: Any) -> list[Any]:
        items = [data] if isinstance(data, str) else list(data)
        split = [part.strip() for item in items for part in str(item).split(",") if part.strip()]
        return super().to_internal_value(split)


def _choices(name: str, choices: list[str], help_text: str) -> CommaListField:
    return CommaListField(
        child=serializers.ChoiceField(choices=choices),
        required=False,
        help_text=f"{help_text} Repeat the parameter or separate values with commas.",
    )


def _codes(regex: str, help_text: str) -> CommaListField:
    return CommaListField(
        child=serializers.RegexField(regex, max_length=80),
        required=False,
        help_text=f"{help_text} Repeat the parameter or separate values with commas.",
    )


class OfferingQuerySerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Words in plain or colloquial Finnish, Swedish or English; inflected forms and "
        "compounds are understood (`trukkikorttia`, `hitsauskoulutus`).",
    )
    industry = _codes(r"^[A-U]$", "TOL 2008 section letters, e.g. C, F, Q.")
    topic = _codes(r"^\d+$", "Skill-area concept ids (from the facet counts).")
    mode = _choices("mode", Mode.values, "Study modes.")
    language = _codes(r"^[a-z]{2}$", "Teaching languages (ISO 639-1).")
    funding = _choices("funding", Funding.values, "Funding codes.")
    level = _choices("level", Level.values, "Education levels.")
    type = _choices("type", OfferingType.values, "Offering types.")
    target_group = _choices("target_group", TargetGroup.values, "Target groups.")
    provider = _codes(r"^[-a-zA-Z0-9_]+$", "Provider slugs.")
    municipality = _codes(r"^\d{3}$", "Statistics Finland municipality codes, e.g. 837.")
    sub_region = _codes(r"^SK\d{3}$", "Sub-region (seutukunta) codes, e.g. SK064.")
    start = serializers.ChoiceField(
        choices=START_CHOICES,
        required=False,
        help_text="`continuous`: rolling intake only; 4, 12 or 26: starts within that many "
        "weeks (rolling intake included).",
    )
    start_from = serializers.DateField(
        required=False, help_text="Dated starts on or after (rolling intake included)."
    )
    start_to = serializers.DateField(
        required=False, help_text="Dated starts on or before (rolling intake included)."
    )
    price_max = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text="Highest price in euros; 0 = free of charge only.",
    )
    duration_max = serializers.DecimalField(
        max_digits=6,
        decimal_places=1,
        min_value=0,
        required=False,
        help_text="Longest typical duration in weeks.",
    )
    sort = serializers.ChoiceField(
        choices=SORTS,
        default="relevance",
        help_text="relevance (without `q`: soonest start), start, price or title.",
    )
    page = serializers.IntegerField(min_value=1, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, default=20)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        low, high = attrs.get("start_from"), attrs.get("start_to")
        if low and high and high < low:
            raise serializers.ValidationError({"start_to": "Must not be before start_from."})
        return attrs


def parse_query(query: QueryDict) -> tuple[OfferingFilters, dict[str, Any], dict[str, Any]]:
    """Lenient parsing for pages: (filters, the valid values, errors); bad values left out."""
    params = OfferingQuerySerializer(data=query)
    if params.is_valid():
        data = dict(params.validated_data)
        return OfferingFilters.from_data(data), data, {}
    errors = dict(params.errors)
    cleaned = query.copy()
    for name in errors:
        cleaned.pop(name, None)
    retry = OfferingQuerySerializer(data=cleaned)
    data = dict(retry.validated_data) if retry.is_valid() else {"sort": "relevance", "page": 1}
    data.setdefault("page_size", 20)
    return OfferingFilters.from_data(data), data, errors
