"""Load the guidance reference content: funding instruments and glossary terms.

Reads `<data_dir>/guidance/funding.json` and `glossary.json`, validates everything first (every
text in fi, sv and en, unique codes, valid dates and statuses, known references, a funding
instrument for every interchange funding code) and writes nothing if anything is wrong. Loading
is idempotent: rows are matched by code / slug, changed rows are updated, and the counts say what
happened. Rows that coordinators added in the admin are left alone.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils.translation import gettext as _

from jatkumo.catalogue.models import Funding
from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.guidance.models import (
    FundingInstrument,
    GlossaryTerm,
    InstrumentKind,
    InstrumentStatus,
)
from jatkumo.guidance.questions import QUESTION_CHOICES

LANGUAGES = ("fi", "sv", "en")
FUNDING_FILE = Path("guidance") / "funding.json"
GLOSSARY_FILE = Path("guidance") / "glossary.json"
FUNDING_REQUIRED = ("name", "summary", "explanation", "who_for", "cost", "how_to_apply")
FUNDING_OPTIONAL = ("status_note",)
GLOSSARY_REQUIRED = ("term", "explanation")
GLOSSARY_OPTIONAL = ("abbreviation", "example")
DATE_KEYS = ("valid_from", "valid_until", "last_reviewed")


def _read(path: Path, key: str) -> list[dict[str, Any]]:
    if not path.is_file():
        raise ValidationFailed(
            _("The guidance content was not found."),
            details=[RowError(source=str(path), message=_("No such file."))],
        )
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValidationFailed(
            _("The guidance content is not valid JSON."),
            details=[RowError(source=str(path), line=error.lineno, message=error.msg)],
        ) from error
    rows = document.get(key) if isinstance(document, dict) else None
    if not isinstance(rows, list):
        raise ValidationFailed(
            _("The guidance content is not valid."),
            details=[RowError(source=str(path), message=_("Expected a list under “%s”.") % key)],
        )
    return rows


def _text_errors(
    row: Mapping[str, Any], *, required: Iterable[str], optional: Iterable[str], where: str
) -> list[RowError]:
    errors = []
    for key in (*required, *optional):
        value = row.get(key)
        if value is None and key in optional:
            continue
        if not isinstance(value, dict):
            errors.append(
                RowError(source=where, field=key, message=_("Give the text per language."))
            )
            continue
        for lang in LANGUAGES:
            text = value.get(lang)
            blank_allowed = key in optional and not any(value.get(code) for code in LANGUAGES)
            if not isinstance(text, str) or (not text.strip() and not blank_allowed):
                errors.append(
                    RowError(source=where, field=f"{key}.{lang}", message=_("Text is missing."))
                )
    return errors


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _instrument_errors(row: Mapping[str, Any], *, where: str) -> list[RowError]:
    errors = _text_errors(row, required=FUNDING_REQUIRED, optional=FUNDING_OPTIONAL, where=where)
    if row.get("kind") not in InstrumentKind.values:
        errors.append(RowError(source=where, field="kind", message=_("Unknown kind.")))
    if row.get("status") not in InstrumentStatus.values:
        errors.append(RowError(source=where, field="status", message=_("Unknown status.")))
    for key in DATE_KEYS:
        try:
            _date(row.get(key))
        except (TypeError, ValueError):
            errors.append(RowError(source=where, field=key, message=_("Not a date (YYYY-MM-DD).")))
    if not row.get("last_reviewed"):
        errors.append(RowError(source=where, field="last_reviewed", message=_("Required.")))
    try:
        URLValidator()(row.get("source_url") or "")
    except ValidationError:
        errors.append(RowError(source=where, field="source_url", message=_("Not a web address.")))
    if not row.get("source_name"):
        errors.append(RowError(source=where, field="source_name", message=_("Required.")))
    errors += _suits_errors(row.get("suits", {}), where=where)
    return errors


def _suits_errors(suits: Any, *, where: str) -> list[RowError]:
    if not isinstance(suits, dict):
        return [RowError(source=where, field="suits", message=_("Expected an object."))]
    errors = []
    for key, values in suits.items():
        choices = QUESTION_CHOICES.get(key)
        if choices is None:
            errors.append(RowError(source=where, field="suits", message=_("Unknown question.")))
        elif not isinstance(values, list) or set(values) - set(choices.values):
            errors.append(
                RowError(source=where, field=f"suits.{key}", message=_("Unknown answer."))
            )
    return errors


def _duplicates(rows: list[dict[str, Any]], key: str, *, source: str) -> list[RowError]:
    seen: set[str] = set()
    errors = []
    for number, row in enumerate(rows, start=1):
        value = row.get(key)
        if not isinstance(value, str) or not value:
            errors.append(RowError(source=source, line=number, field=key, message=_("Required.")))
        elif value in seen:
            errors.append(RowError(source=source, line=number, field=key, message=_("Duplicate.")))
        seen.add(str(value))
    return errors


def _reference_errors(
    rows: list[dict[str, Any]], key: str, known: set[str], *, source: str
) -> list[RowError]:
    return [
        RowError(source=source, line=number, field=key, message=_("Unknown: %s") % ref)
        for number, row in enumerate(rows, start=1)
        for ref in row.get(key, [])
        if ref not in known
    ]


def _validate(
    instruments: list[dict[str, Any]], terms: list[dict[str, Any]], *, data_dir: Path
) -> None:
    funding_src, glossary_src = str(data_dir / FUNDING_FILE), str(data_dir / GLOSSARY_FILE)
    errors = _duplicates(instruments, "code", source=funding_src)
    errors += _duplicates(terms, "slug", source=glossary_src)
    for number, row in enumerate(instruments, start=1):
        errors += _instrument_errors(row, where=f"{funding_src}:{number}")
    for number, row in enumerate(terms, start=1):
        where = f"{glossary_src}:{number}"
        errors += _text_errors(
            row, required=GLOSSARY_REQUIRED, optional=GLOSSARY_OPTIONAL, where=where
        )
    codes = {str(row.get("code")) for row in instruments}
    slugs = {str(row.get("slug")) for row in terms}
    errors += _reference_errors(instruments, "related", codes, source=funding_src)
    errors += _reference_errors(terms, "related", slugs, source=glossary_src)
    errors += _reference_errors(terms, "instruments", codes, source=glossary_src)
    errors += [
        RowError(
            source=funding_src, field="code", message=_("No instrument for funding code %s.") % code
        )
        for code in Funding.values
        if code not in codes
    ]
    if errors:
        raise ValidationFailed(_("The guidance content has errors."), details=errors)


def _translated(row: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in fields:
        texts = row.get(name) or {}
        for lang in LANGUAGES:
            values[f"{name}_{lang}"] = (texts.get(lang) or "").strip()
        values[name] = values[f"{name}_fi"]
    return values


def _upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]) -> str:
    """Create or update one row; return "created", "updated" or "unchanged"."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        model._default_manager.create(**lookup, **values)
        return "created"
    if all(getattr(instance, name) == value for name, value in values.items()):
        return "unchanged"
    for name, value in values.items():
        setattr(instance, name, value)
    instance.save()
    return "updated"


def _instrument_values(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        **_translated(row, (*FUNDING_REQUIRED, *FUNDING_OPTIONAL)),
        "kind": row["kind"],
        "status": row["status"],
        "valid_from": _date(row.get("valid_from")),
        "valid_until": _date(row.get("valid_until")),
        "last_reviewed": _date(row["last_reviewed"]),
        "source_name": row["source_name"],
        "source_url": row["source_url"],
        "suits": row.get("suits") or {},
        "order": int(row.get("order", 100)),
    }


@transaction.atomic
def guidance_load_content(*, data_dir: Path) -> dict[str, int]:
    """Validate and load funding instruments and glossary terms from `data_dir/guidance/`.

    Raises `ValidationFailed` listing every problem (nothing is written then). Returns counts:
    instruments and terms created, updated and unchanged.
    """
    instruments = _read(data_dir / FUNDING_FILE, "instruments")
    terms = _read(data_dir / GLOSSARY_FILE, "terms")
    _validate(instruments, terms, data_dir=data_dir)
    counts = {
        f"{kind}_{outcome}": 0
        for kind in ("instruments", "terms")
        for outcome in ("created", "updated", "unchanged")
    }
    for row in instruments:
        outcome = _upsert(FundingInstrument, {"code": row["code"]}, _instrument_values(row))
        counts[f"instruments_{outcome}"] += 1
    for row in terms:
        values = _translated(row, (*GLOSSARY_REQUIRED, *GLOSSARY_OPTIONAL))
        outcome = _upsert(GlossaryTerm, {"slug": row["slug"]}, values)
        counts[f"terms_{outcome}"] += 1
    _link(instruments, terms)
    return counts


def _link(instruments: list[dict[str, Any]], terms: list[dict[str, Any]]) -> None:
    by_code = {item.code: item for item in FundingInstrument.objects.all()}
    by_slug = {item.slug: item for item in GlossaryTerm.objects.all()}
    for row in instruments:
        by_code[row["code"]].related.add(*(by_code[code] for code in row.get("related", [])))
    for row in terms:
        term = by_slug[row["slug"]]
        term.related_terms.add(*(by_slug[slug] for slug in row.get("related", [])))
        term.related_instruments.add(*(by_code[code] for code in row.get("instruments", [])))
