"""The one validator of an offering in the interchange shape (`docs/interchange.md`).

Input: one decoded JSON object (a JSONL line, a CSV row turned into the same shape, or what a form
built). Output: a `CleanOffering` holding the model field values, or the list of problems, each
with the JSON path of the field (`title.fi`, `credits.unit`, `municipalities[2]`). Lookups that
need the database (municipality and industry codes) come from a `ValidationContext` loaded once
per file, so a 50,000-line file is validated without a query per line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from jatkumo.catalogue.models import CreditUnit, Funding, Level, Mode, OfferingType, TargetGroup
from jatkumo.core.errors import RowError
from jatkumo.organisations.business_id import normalise_business_id, validate_business_id
from jatkumo.taxonomy.models import Industry, Region, RegionLevel

TEXT_LANGUAGES = ("fi", "sv", "en")
REQUIRED = ("id", "provider", "title", "description", "type", "modes", "languages", "start")
OPTIONAL = (
    "level",
    "credits",
    "municipalities",
    "duration_weeks",
    "price_eur",
    "funding",
    "target_groups",
    "industries",
    "keywords",
    "url",
    "contact",
    "extra",
)
KEYS = REQUIRED + OPTIONAL
"""Every key of an offering line, in the order of the interchange document."""

CONTINUOUS = "continuous"
LIST_SEPARATOR = "|"
"""Joins list items in CSV cells, so a keyword may not contain it."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,40}$")
_URL = URLValidator(schemes=["http", "https"])
# (max digits, decimal places) of the model's DecimalFields.
_NUMBER_LIMITS = {"credits_value": (7, 1), "duration_weeks": (6, 1), "price_eur": (9, 2)}
MAX_ID, MAX_TITLE, MAX_NAME, MAX_KEYWORD, MAX_URL = 100, 300, 200, 100, 500


@dataclass(frozen=True)
class ValidationContext:
    """The codes a line may use: municipality codes and TOL 2008 section letters."""

    municipalities: frozenset[str]
    industries: frozenset[str]

    @classmethod
    def load(cls) -> ValidationContext:
        regions = Region.objects.filter(level=RegionLevel.MUNICIPALITY)
        return cls(
            municipalities=frozenset(regions.values_list("code", flat=True)),
            industries=frozenset(Industry.objects.values_list("code", flat=True)),
        )


@dataclass
class CleanOffering:
    """A valid line: the provider as written and the values of the model fields."""

    line: int | None
    external_id: str
    provider_name: str
    provider_business_id: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def business_id_normalised(self) -> str:
        return normalise_business_id(self.provider_business_id)


class _Check:
    """Collects the problems of one line."""

    def __init__(self, line: int | None, source: str) -> None:
        self.line, self.source = line, source
        self.errors: list[RowError] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(RowError(message, source=self.source, line=self.line, field=path))

    def string(self, value: Any, path: str, *, limit: int, blank: bool = False) -> str | None:
        if not isinstance(value, str):
            self.fail(path, _("Must be a string."))
            return None
        if not blank and not value.strip():
            self.fail(path, _("Must not be empty."))
            return None
        if len(value) > limit:
            self.fail(path, _("Must be at most %(n)d characters.") % {"n": limit})
            return None
        return value

    def number(self, value: Any, path: str, attr: str) -> Decimal | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, _("Must be a number."))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(path, _("Must be a finite number."))
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.fail(path, _("Must be a number."))
            return None
        digits, places = _NUMBER_LIMITS[attr]
        if number < 0:
            self.fail(path, _("Must not be negative."))
        elif number >= 10 ** (digits - places):
            self.fail(path, _("Is too large."))
        elif number.quantize(Decimal(1).scaleb(-places)) != number:
            self.fail(path, _("At most %(n)d decimals.") % {"n": places})
        else:
            return number
        return None

    def items(self, value: Any, path: str, *, required: bool) -> list[Any] | None:
        if not isinstance(value, list):
            self.fail(path, _("Must be a list."))
            return None
        if required and not value:
            self.fail(path, _("Give at least one value."))
            return None
        return value

    def codes(
        self, value: Any, path: str, valid: Callable[[str], bool], *, required: bool
    ) -> list[str]:
        items = self.items(value, path, required=required)
        if items is None:
            return []
        result: list[str] = []
        for n, item in enumerate(items):
            if not isinstance(item, str):
                self.fail(f"{path}[{n}]", _("Must be a string."))
            elif not valid(item):
                self.fail(f"{path}[{n}]", _("Unknown value %(value)r.") % {"value": item})
            elif item in result:
                self.fail(f"{path}[{n}]", _("%(value)r is listed twice.") % {"value": item})
            else:
                result.append(item)
        return result


def _text(check: _Check, value: Any, path: str, attr: str, limit: int) -> dict[str, Any]:
    if not isinstance(value, dict):
        check.fail(path, _('Must be an object keyed by language, e.g. {"fi": "..."}.'))
        return {}
    values: dict[str, Any] = {f"{attr}_{lang}": None for lang in TEXT_LANGUAGES}
    for lang, text in value.items():
        if lang not in TEXT_LANGUAGES:
            check.fail(f"{path}.{lang}", _("Unknown language: use fi, sv or en."))
            continue
        values[f"{attr}_{lang}"] = check.string(text, f"{path}.{lang}", limit=limit)
    if not value:
        check.fail(path, _("Give the text in at least one of fi, sv, en."))
    return values


def _provider(check: _Check, value: Any) -> tuple[str, str]:
    if not isinstance(value, dict):
        check.fail("provider", _('Must be an object: {"name": ..., "business_id": ...}.'))
        return "", ""
    for key in sorted(set(value) - {"name", "business_id"}):
        check.fail(f"provider.{key}", _("Unknown key."))
    if "name" not in value:
        check.fail("provider.name", _("Required."))
    name = check.string(value.get("name", ""), "provider.name", limit=MAX_NAME) or ""
    business_id = ""
    if "business_id" in value:
        business_id = check.string(value["business_id"], "provider.business_id", limit=9) or ""
        try:
            validate_business_id(business_id)
        except ValidationError as exc:
            if business_id:
                check.fail("provider.business_id", " ".join(exc.messages))
            business_id = ""
    return name, business_id


def _credits(check: _Check, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        check.fail("credits", _('Must be an object: {"value": 5, "unit": "op"}.'))
        return {}
    for key in sorted(set(value) - {"value", "unit"}):
        check.fail(f"credits.{key}", _("Unknown key."))
    for key in ("value", "unit"):
        if key not in value:
            check.fail(f"credits.{key}", _("Required."))
    unit = value.get("unit", "")
    if "unit" in value and unit not in CreditUnit.values:
        check.fail(
            "credits.unit", _("Unknown unit %(value)r: use op, osp or hours.") % {"value": unit}
        )
    number = (
        check.number(value["value"], "credits.value", "credits_value") if "value" in value else None
    )
    return {"credits_value": number, "credits_unit": unit if isinstance(unit, str) else ""}


def _contact(check: _Check, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        check.fail("contact", _('Must be an object: {"name": ..., "email": ..., "phone": ...}.'))
        return {}
    for key in sorted(set(value) - {"name", "email", "phone"}):
        check.fail(f"contact.{key}", _("Unknown key."))
    for key in ("name", "email"):
        if key not in value:
            check.fail(f"contact.{key}", _("Required."))
    name = check.string(value.get("name", "-"), "contact.name", limit=MAX_NAME) or ""
    email = check.string(value.get("email", "-"), "contact.email", limit=254) or ""
    if email and "email" in value:
        try:
            validate_email(email)
        except ValidationError:
            check.fail("contact.email", _("Not a valid email address."))
    phone = ""
    if "phone" in value:
        phone = check.string(value["phone"], "contact.phone", limit=40) or ""
        if phone and not _PHONE.match(phone):
            check.fail("contact.phone", _("Not a valid phone number."))
    return {"contact_name": name, "contact_email": email, "contact_phone": phone}


def _start(check: _Check, value: Any) -> dict[str, Any]:
    if value == CONTINUOUS:
        return {"start_date": None, "start_continuous": True}
    if isinstance(value, str) and _DATE.match(value):
        try:
            return {"start_date": date.fromisoformat(value), "start_continuous": False}
        except ValueError:
            pass
    check.fail("start", _('Must be a date YYYY-MM-DD or "continuous".'))
    return {}


def _url(check: _Check, value: Any) -> dict[str, Any]:
    url = check.string(value, "url", limit=MAX_URL)
    if url is None:
        return {}
    try:
        _URL(url)
    except ValidationError:
        check.fail("url", _("Not a valid http(s) address."))
    return {"url": url}


def _keywords(check: _Check, value: Any) -> dict[str, Any]:
    items = check.items(value, "keywords", required=False) or []
    for n, item in enumerate(items):
        word = check.string(item, f"keywords[{n}]", limit=MAX_KEYWORD)
        if word is not None and LIST_SEPARATOR in word:
            check.fail(f"keywords[{n}]", _("A keyword cannot contain |."))
    return {"keywords": items}


def _enum(check: _Check, key: str, value: Any, choices: list[str]) -> str:
    if value not in choices:
        check.fail(
            key,
            _("Unknown value %(value)r: use one of %(choices)s.")
            % {"value": value, "choices": ", ".join(choices)},
        )
        return ""
    return str(value)


def _lists(check: _Check, record: Mapping[str, Any], context: ValidationContext) -> dict[str, Any]:
    specs: dict[str, tuple[Callable[[str], bool], bool]] = {
        "modes": (lambda v: v in Mode.values, True),
        "languages": (lambda v: bool(_LANGUAGE.match(v)), True),
        "municipalities": (lambda v: v in context.municipalities, False),
        "funding": (lambda v: v in Funding.values, False),
        "target_groups": (lambda v: v in TargetGroup.values, False),
        "industries": (lambda v: v in context.industries, False),
    }
    values: dict[str, Any] = {}
    for key, (valid, required) in specs.items():
        if key in record:
            values[key] = check.codes(record[key], key, valid, required=required)
        else:
            values[key] = []
    return values


def _optional(check: _Check, record: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {"level": "", "credits_value": None, "credits_unit": "", "url": ""}
    values |= {"duration_weeks": None, "price_eur": None, "keywords": [], "extra": {}}
    values |= {"contact_name": "", "contact_email": "", "contact_phone": ""}
    for key in OPTIONAL:
        if key in record and record[key] is None:
            check.fail(key, _("Must not be null: leave the key out instead."))
    present = {key: value for key, value in record.items() if value is not None}
    if "level" in present:
        values["level"] = _enum(check, "level", present["level"], Level.values)
    if "credits" in present:
        values |= _credits(check, present["credits"])
    for key in ("duration_weeks", "price_eur"):
        if key in present:
            values[key] = check.number(present[key], key, key)
    if "url" in present:
        values |= _url(check, present["url"])
    if "contact" in present:
        values |= _contact(check, present["contact"])
    if "keywords" in present:
        values |= _keywords(check, present["keywords"])
    if "extra" in present:
        if isinstance(present["extra"], dict):
            values["extra"] = present["extra"]
        else:
            check.fail("extra", _("Must be an object."))
    return values


def offering_record_validate(
    record: Any, *, line: int | None, context: ValidationContext, source: str = ""
) -> tuple[CleanOffering | None, list[RowError]]:
    """Check one offering line completely; the clean values, or None and every problem found."""
    check = _Check(line, source)
    if not isinstance(record, dict):
        check.fail("", _("Each line must be a JSON object."))
        return None, check.errors
    for key in sorted(set(record) - set(KEYS)):
        check.fail(key, _('Unknown key: put additional data under "extra".'))
    for key in REQUIRED:
        if key not in record:
            check.fail(key, _("Required."))
    external_id = check.string(record.get("id", "-"), "id", limit=MAX_ID) or ""
    name, business_id = _provider(check, record.get("provider", {"name": "-"}))
    values: dict[str, Any] = {}
    values |= _text(check, record.get("title", {"fi": "-"}), "title", "title", MAX_TITLE)
    values |= _text(
        check, record.get("description", {"fi": "-"}), "description", "description", 100_000
    )
    if "type" in record:
        values["type"] = _enum(check, "type", record["type"], OfferingType.values)
    if "start" in record:
        values |= _start(check, record["start"])
    values |= _lists(check, record, context)
    values |= _optional(check, record)
    if check.errors:
        return None, check.errors
    clean = CleanOffering(line, external_id, name, business_id, values)
    clean.values |= {"provider_name": name, "provider_business_id": business_id}
    return clean, []
