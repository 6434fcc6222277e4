"""Template filters of the public catalogue: start and price in words."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from jatkumo.catalogue.models import Offering

register = template.Library()


@register.filter
def offering_start(offering: Offering) -> str:
    """“Rolling intake”, the date of the next start, or “ask the provider”."""
    if offering.start_continuous:
        return _("Rolling intake")
    if offering.start_date:
        return formats.date_format(offering.start_date, "SHORT_DATE_FORMAT")
    return _("Ask the provider")


@register.filter
def offering_price(offering: Offering) -> str:
    """“Free of charge”, the price in euros, or “ask the provider”."""
    price = offering.price_eur
    if price == 0 or (price is None and "free" in (offering.funding or [])):
        return _("Free of charge")
    if price is None:
        return _("Ask the provider")
    shown = formats.number_format(
        price, 0 if price == price.to_integral_value() else 2, use_l10n=True, force_grouping=True
    )
    return f"{shown} €"


@register.filter
def weeks(value: Decimal | None) -> str:
    if value is None:
        return ""
    number = formats.number_format(value, 0 if value == value.to_integral_value() else 1)
    return _("%(weeks)s weeks") % {"weeks": number} if value != 1 else _("1 week")


@register.filter
def get_item(mapping: dict[str, str], key: str) -> str:
    return mapping.get(key, "")
