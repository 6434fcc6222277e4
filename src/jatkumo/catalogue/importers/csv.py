"""CSV form of the offering interchange format: one row per offering, one column per key.

Columns (`CSV_COLUMNS`): the nested objects are flattened (`provider_name`, `provider_business_id`,
`title_fi` / `title_sv` / `title_en`, `description_*`, `credits_value`, `credits_unit`,
`contact_name`, `contact_email`, `contact_phone`); lists are joined with `|`
(`blended|workplace`); `extra` is a JSON object; an empty cell means the key is absent. Numbers
may use a decimal point or comma. The first row is the header; unknown columns are an error.
Files written by Excel (UTF-8 with a byte-order mark, `;` as the separator) are read as well.
Rows are numbered by the file line they start on, so the header is line 1.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from jatkumo.catalogue.validation import LIST_SEPARATOR, TEXT_LANGUAGES
from jatkumo.core.errors import RowError

TEXTS = ("title", "description")
LISTS = (
    "modes",
    "languages",
    "municipalities",
    "funding",
    "target_groups",
    "industries",
    "keywords",
)
NUMBERS = ("duration_weeks", "price_eur")
CSV_COLUMNS = (
    "id",
    "provider_name",
    "provider_business_id",
    *(f"title_{lang}" for lang in TEXT_LANGUAGES),
    *(f"description_{lang}" for lang in TEXT_LANGUAGES),
    "type",
    "level",
    "credits_value",
    "credits_unit",
    "modes",
    "languages",
    "municipalities",
    "start",
    "duration_weeks",
    "price_eur",
    "funding",
    "target_groups",
    "industries",
    "keywords",
    "url",
    "contact_name",
    "contact_email",
    "contact_phone",
    "extra",
)
_INTEGER = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d*[.,]\d+$")


def _number(cell: str) -> Any:
    """ "2,5" → 2.5, "3" → 3; anything else is left as text for the validator to reject."""
    if _INTEGER.match(cell):
        return int(cell)
    if _DECIMAL.match(cell):
        return float(cell.replace(",", "."))
    return cell


def _object(cells: Mapping[str, str], prefix: str, keys: Iterable[str]) -> dict[str, str]:
    return {key: cells[f"{prefix}_{key}"] for key in keys if cells.get(f"{prefix}_{key}")}


def _objects(cells: Mapping[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    if provider := _object(cells, "provider", ("name", "business_id")):
        record["provider"] = provider
    for key in TEXTS:
        if text := _object(cells, key, TEXT_LANGUAGES):
            record[key] = text
    if credits := _object(cells, "credits", ("value", "unit")):
        record["credits"] = credits | (
            {"value": _number(credits["value"])} if "value" in credits else {}
        )
    if contact := _object(cells, "contact", ("name", "email", "phone")):
        record["contact"] = contact
    return record


def record_from_csv_row(cells: Mapping[str, str]) -> dict[str, Any]:
    """One CSV row (column → cell text) → a record in the interchange shape."""
    record: dict[str, Any] = {}
    for key in ("id", "type", "level", "start", "url"):
        if cells.get(key):
            record[key] = cells[key]
    record |= _objects(cells)
    for key in LISTS:
        if cells.get(key):
            record[key] = cells[key].split(LIST_SEPARATOR)
    for key in NUMBERS:
        if cells.get(key):
            record[key] = _number(cells[key])
    if cells.get("extra"):
        try:
            record["extra"] = json.loads(cells["extra"])
        except json.JSONDecodeError:
            record["extra"] = cells["extra"]  # the validator reports it as not an object
    return record


def _cell(value: Any) -> str:
    if isinstance(value, Decimal | float | int):
        return str(value)
    return "" if value is None else str(value)


def csv_row_from_record(record: Mapping[str, Any]) -> dict[str, str]:
    """A record in the interchange shape → CSV cells; the inverse of `record_from_csv_row`."""
    row = dict.fromkeys(CSV_COLUMNS, "")
    for key in ("id", "type", "level", "start", "url"):
        row[key] = _cell(record.get(key))
    for prefix in ("provider", *TEXTS, "credits", "contact"):
        for key, value in (record.get(prefix) or {}).items():
            row[f"{prefix}_{key}"] = _cell(value)
    for key in LISTS:
        row[key] = LIST_SEPARATOR.join(record.get(key) or [])
    for key in NUMBERS:
        row[key] = _cell(record.get(key))
    if record.get("extra"):
        row["extra"] = json.dumps(record["extra"], ensure_ascii=False, sort_keys=True)
    return row


def _dialect(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def csv_records(lines: Iterable[str], *, source: str = "") -> Iterator[tuple[int, Any]]:
    """Records by the line number their row starts on; header problems give `RowError`s."""
    lines = iter(lines)
    header_line = next(lines, "")
    header_line = header_line.removeprefix("\ufeff")
    delimiter = _dialect(header_line)
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    unknown = [name for name in header if name not in CSV_COLUMNS]
    for name in unknown:
        yield 1, RowError(_("Unknown column."), source=source, line=1, field=name)
    if not header or unknown:
        if not header:
            yield 1, RowError(_("The header row is missing."), source=source, line=1)
        return
    reader = csv.reader(lines, delimiter=delimiter)
    start = 2
    for cells in reader:
        if any(cell.strip() for cell in cells):
            if len(cells) > len(header):
                message = _("The row has more cells than the header has columns.")
                yield start, RowError(message, source=source, line=start)
            else:
                yield start, record_from_csv_row(dict(zip(header, cells, strict=False)))
        start = reader.line_num + 2
