"""Offerings → interchange records → JSON Lines, CSV or XLSX.

An export writes the same shape the importer reads, so exporting and importing again changes
nothing. Lists and `extra` are always written (possibly empty); optional values that are not set
(level, credits, duration, price, url, contact) are left out.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, Any, TextIO

from django.db.models import QuerySet

from jatkumo.catalogue.importers.csv import CSV_COLUMNS, csv_row_from_record
from jatkumo.catalogue.models import Offering
from jatkumo.catalogue.validation import CONTINUOUS, TEXT_LANGUAGES

FORMATS = ("jsonl", "csv", "xlsx")
CONTENT_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _number(value: Decimal) -> int | float:
    """Decimal("5.0") → 5, Decimal("2.5") → 2.5: the number as a file would write it."""
    return int(value) if value == value.to_integral_value() else float(value)


def _text(offering: Offering, attr: str) -> dict[str, str]:
    values = {lang: getattr(offering, f"{attr}_{lang}", None) for lang in TEXT_LANGUAGES}
    return {lang: text for lang, text in values.items() if text}


def _provider(offering: Offering) -> dict[str, str]:
    """The provider as the source wrote it; the organisation's own name and ID for older rows."""
    if offering.provider_name:
        name, business_id = offering.provider_name, offering.provider_business_id
    else:
        organisation = offering.provider
        name = getattr(organisation, "name_fi", "") or organisation.name
        business_id = organisation.business_id or ""
    return {"name": name, "business_id": business_id} if business_id else {"name": name}


def _optional(offering: Offering) -> dict[str, Any]:
    record: dict[str, Any] = {}
    if offering.level:
        record["level"] = offering.level
    if offering.credits_value is not None and offering.credits_unit:
        record["credits"] = {
            "value": _number(offering.credits_value),
            "unit": offering.credits_unit,
        }
    if offering.duration_weeks is not None:
        record["duration_weeks"] = _number(offering.duration_weeks)
    if offering.price_eur is not None:
        record["price_eur"] = _number(offering.price_eur)
    if offering.url:
        record["url"] = offering.url
    if offering.contact_name or offering.contact_email:
        contact = {"name": offering.contact_name, "email": offering.contact_email}
        if offering.contact_phone:
            contact["phone"] = offering.contact_phone
        record["contact"] = contact
    return record


def offering_record(offering: Offering) -> dict[str, Any]:
    """One offering in the interchange shape, keys in the order of the interchange document."""
    optional = _optional(offering)
    start = CONTINUOUS if offering.start_continuous or not offering.start_date else None
    record: dict[str, Any] = {
        "id": offering.external_id,
        "provider": _provider(offering),
        "title": _text(offering, "title"),
        "description": _text(offering, "description"),
        "type": offering.type,
    }
    for key in ("level", "credits"):
        if key in optional:
            record[key] = optional[key]
    record |= {
        "modes": list(offering.modes),
        "languages": list(offering.languages),
        "municipalities": list(offering.municipalities),
        "start": start or offering.start_date.isoformat(),  # type: ignore[union-attr]
    }
    for key in ("duration_weeks", "price_eur"):
        if key in optional:
            record[key] = optional[key]
    for key in ("funding", "target_groups", "industries", "keywords"):
        record[key] = list(getattr(offering, key))
    for key in ("url", "contact"):
        if key in optional:
            record[key] = optional[key]
    record["extra"] = dict(offering.extra)
    return record


def offering_records(*, offerings: QuerySet[Offering]) -> Iterator[dict[str, Any]]:
    """Records of the offerings, ordered by provider and id, read in chunks."""
    ordered = offerings.select_related("provider").order_by("provider__slug", "external_id")
    for offering in ordered.iterator(chunk_size=2000):
        yield offering_record(offering)


def records_write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def records_write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row_from_record(record))
        count += 1
    return count


def _xlsx_cell(column: str, text: str) -> Any:
    if column in {"credits_value", "duration_weeks", "price_eur"} and text:
        return _number(Decimal(text))
    return text


def records_write_xlsx(records: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    """The CSV columns as one worksheet; numbers are numbers, everything else text."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("offerings")
    sheet.append(list(CSV_COLUMNS))
    count = 0
    for record in records:
        row = csv_row_from_record(record)
        sheet.append([_xlsx_cell(column, row[column]) for column in CSV_COLUMNS])
        count += 1
    workbook.save(stream)
    return count
