"""Company needs files (`needs.jsonl`, docs/interchange.md) → an import plan, then the writes.

Reading a plan never writes: every line is checked (required `id` and `text`, types, known keys
only — anything else belongs under `extra` —, language fi/sv/en, company size, the check digit
of the business ID, TOL 2008 section letters and municipality codes that exist, ISO dates and
the shape of `preferences`) and gets an action: `create`, `update` (an imported need with the
same id exists and would change) or `unchanged`. `needs_import` applies a plan without errors
in one transaction through the broker's services; with any error nothing is written.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jatkumo.broker.models import (
    Case,
    CompanySize,
    Need,
    NeedOrigin,
)
from jatkumo.broker.needs_input import KEYS, LANGUAGES, PREFERENCE_KEYS
from jatkumo.broker.services import case_open, need_submit, need_understand
from jatkumo.broker.services_cases import case_route
from jatkumo.broker.snapshot import best_coverage
from jatkumo.catalogue.importers.jsonl import jsonl_records
from jatkumo.catalogue.models import Mode
from jatkumo.catalogue.validation import ValidationContext
from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.organisations.business_id import normalise_business_id, validate_business_id

COMPANY_KEYS = frozenset(["name", "business_id", "size"])
COMPARED_FIELDS = (
    "text",
    "language",
    "company_name",
    "company_business_id",
    "company_size",
    "industry",
    "municipality",
    "headcount",
    "needed_by",
    "preferences",
    "extra",
)
"""The need fields a line sets; a line is `unchanged` when all of them are equal."""

_ID_LIMIT = 100
_NULLABLE = ("headcount", "needed_by")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TEXT_LIMIT = 20_000
_NAME_LIMIT = 200


@dataclass
class CleanNeed:
    """A valid line: the source id and the values of the `Need` fields it sets."""

    line: int
    external_id: str
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlannedNeed:
    clean: CleanNeed
    action: str  # create | update | unchanged
    need_id: int | None = None


@dataclass
class NeedImportPlan:
    """What an import would do, and every problem that stops it."""

    source: str
    lines: list[PlannedNeed] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("created", "updated", "unchanged"), 0)
        names = {"create": "created", "update": "updated", "unchanged": "unchanged"}
        for planned in self.lines:
            counts[names[planned.action]] += 1
        counts["rejected"] = len({error.line for error in self.errors})
        return counts


class _Check:
    """Collects the problems of one line."""

    def __init__(self, line: int, source: str) -> None:
        self.line, self.source = line, source
        self.errors: list[RowError] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(RowError(message, source=self.source, line=self.line, field=path))

    def string(self, value: Any, path: str, *, limit: int) -> str | None:
        if not isinstance(value, str):
            self.fail(path, _("Must be a string."))
        elif not value.strip():
            self.fail(path, _("Must not be empty."))
        elif len(value) > limit:
            self.fail(path, _("Must be at most %(n)d characters.") % {"n": limit})
        else:
            return value.strip()
        return None

    def choice(self, value: Any, path: str, choices: Iterable[str]) -> str:
        options = sorted(choices)
        if isinstance(value, str) and value in options:
            return value
        self.fail(path, _("Must be one of: %(values)s.") % {"values": ", ".join(options)})
        return ""

    def keys(self, record: dict[str, Any], path: str, known: Collection[str]) -> None:
        for key in record:
            if key not in known:
                where = f"{path}.{key}" if path else str(key)
                hint = _("Unknown key; put anything else under `extra`.") if not path else ""
                self.fail(where, hint or _("Unknown key."))

    def obj(self, value: Any, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.fail(path, _("Must be an object."))
        return None


def _company(check: _Check, value: Any) -> dict[str, Any]:
    company = check.obj(value, "company")
    if company is None:
        return {}
    check.keys(company, "company", COMPANY_KEYS)
    values: dict[str, Any] = {}
    if "name" in company:
        values["company_name"] = check.string(company["name"], "company.name", limit=_NAME_LIMIT)
    if company.get("business_id") is not None:
        raw = check.string(company["business_id"], "company.business_id", limit=20)
        if raw is not None:
            try:
                validate_business_id(raw)
                values["company_business_id"] = normalise_business_id(raw)
            except ValidationError as error:
                check.fail("company.business_id", " ".join(error.messages))
    if company.get("size") is not None:
        values["company_size"] = check.choice(company["size"], "company.size", CompanySize.values)
    return values


def _preferences(check: _Check, value: Any) -> dict[str, Any]:
    preferences = check.obj(value, "preferences")
    if preferences is None:
        return {}
    check.keys(preferences, "preferences", PREFERENCE_KEYS)
    clean: dict[str, Any] = {}
    for key, allowed in (("modes", Mode.values), ("languages", LANGUAGES)):
        if key not in preferences:
            continue
        items = preferences[key]
        if not isinstance(items, list):
            check.fail(f"preferences.{key}", _("Must be a list."))
            continue
        for n, item in enumerate(items):
            check.choice(item, f"preferences.{key}[{n}]", allowed)
        clean[key] = [item for item in items if item in allowed]
    if "max_price_eur" in preferences:
        price = preferences["max_price_eur"]
        if (
            isinstance(price, bool)
            or not isinstance(price, int | float)
            or not math.isfinite(price)
        ):
            check.fail("preferences.max_price_eur", _("Must be a number."))
        elif price < 0:
            check.fail("preferences.max_price_eur", _("Must not be negative."))
        else:
            clean["max_price_eur"] = price
    return clean


def _codes(check: _Check, record: dict[str, Any], context: ValidationContext) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, known in (("industry", context.industries), ("municipality", context.municipalities)):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            check.fail(key, _("Must be a string."))
        elif value not in known:
            check.fail(key, _("Unknown code %(value)r.") % {"value": value})
        else:
            values[key] = value
    return values


def _numbers_and_dates(check: _Check, record: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    headcount = record.get("headcount")
    if headcount is not None:
        if isinstance(headcount, bool) or not isinstance(headcount, int):
            check.fail("headcount", _("Must be a whole number."))
        elif not 1 <= headcount <= 100_000:
            check.fail("headcount", _("Must be between 1 and 100000."))
        else:
            values["headcount"] = headcount
    needed_by = record.get("needed_by")
    if needed_by is not None:
        try:
            if not isinstance(needed_by, str) or not _DATE.match(needed_by):
                raise ValueError(needed_by)
            values["needed_by"] = dt.date.fromisoformat(needed_by)
        except ValueError:
            check.fail("needed_by", _("Must be an ISO date (YYYY-MM-DD)."))
    return values


def need_record_validate(
    record: Any, *, line: int, context: ValidationContext, source: str = ""
) -> tuple[CleanNeed | None, list[RowError]]:
    """One decoded line → its clean values, or every problem found in it."""
    check = _Check(line, source)
    if not isinstance(record, dict):
        check.fail("", _("Each line must be a JSON object."))
        return None, check.errors
    check.keys(record, "", KEYS)
    for key in ("id", "text"):
        if key not in record:
            check.fail(key, _("Required."))
    external_id = check.string(record.get("id"), "id", limit=_ID_LIMIT) if "id" in record else None
    text = check.string(record.get("text"), "text", limit=_TEXT_LIMIT) if "text" in record else None
    values: dict[str, Any] = {"text": text, "preferences": {}}
    if record.get("language") is not None:
        values["language"] = check.choice(record["language"], "language", LANGUAGES)
    if record.get("company") is not None:
        values.update(_company(check, record["company"]))
    if record.get("preferences") is not None:
        values["preferences"] = _preferences(check, record["preferences"])
    values.update(_codes(check, record, context))
    values.update(_numbers_and_dates(check, record))
    extra = record.get("extra") or {}
    if not isinstance(extra, dict):
        check.fail("extra", _("Must be an object."))
    values["extra"] = extra if isinstance(extra, dict) else {}
    if check.errors or external_id is None:
        return None, check.errors
    return CleanNeed(line=line, external_id=external_id, values=values, extra=extra), []


def _normalised(name: str, value: Any) -> Any:
    if value is None and name not in _NULLABLE:
        return {} if name in ("preferences", "extra") else ""
    return value


def _actions_set(plan: NeedImportPlan) -> None:
    ids = [planned.clean.external_id for planned in plan.lines]
    existing = {
        row["external_id"]: row
        for row in Need.objects.filter(origin=NeedOrigin.IMPORT, external_id__in=ids).values(
            "pk", "external_id", *COMPARED_FIELDS
        )
    }
    for planned in plan.lines:
        row = existing.get(planned.clean.external_id)
        if row is None:
            continue
        planned.need_id = row["pk"]
        same = all(
            _normalised(name, row[name]) == _normalised(name, planned.clean.values.get(name))
            for name in COMPARED_FIELDS
        )
        planned.action = "unchanged" if same else "update"


def needs_plan_read(*, lines: Iterable[str], source: str) -> NeedImportPlan:
    """Validate a whole needs file (its lines) and say what importing it would do."""
    plan = NeedImportPlan(source=source)
    context = ValidationContext.load()
    seen: dict[str, int] = {}
    for line, record in jsonl_records(lines, source=source):
        if isinstance(record, RowError):
            plan.errors.append(record)
            continue
        clean, errors = need_record_validate(record, line=line, context=context, source=source)
        if clean is None:
            plan.errors += errors
            continue
        if clean.external_id in seen:
            message = _("The same id is already on line %(line)d.") % {
                "line": seen[clean.external_id]
            }
            plan.errors.append(RowError(message, source=source, line=line, field="id"))
            continue
        seen[clean.external_id] = line
        plan.lines.append(PlannedNeed(clean=clean, action="create"))
    _actions_set(plan)
    return plan


# --- applying a plan -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedImportResult:
    source: str
    counts: dict[str, int]
    unmet: int
    routed: int
    dry_run: bool

    def __str__(self) -> str:
        summary = ", ".join(f"{name} {n}" for name, n in self.counts.items())
        prefix = "Dry run (nothing written): " if self.dry_run else ""
        return f"{prefix}{self.source}: {summary}; unmet {self.unmet}; routed {self.routed}"


def _case_refresh(case: Case) -> None:
    snapshot = dict(case.need.understood)
    case.match_snapshot = snapshot
    case.unmet = bool(snapshot.get("unmet"))
    case.best_coverage = best_coverage(snapshot)
    case.save(update_fields=["match_snapshot", "unmet", "best_coverage", "updated_at"])


def _need_write(planned: PlannedNeed) -> Need:
    if planned.need_id is None:
        need = Need(origin=NeedOrigin.IMPORT, external_id=planned.clean.external_id)
    else:
        need = Need.objects.get(pk=planned.need_id)
    for name in COMPARED_FIELDS:
        value = planned.clean.values.get(name)
        setattr(need, name, value if name in _NULLABLE else _normalised(name, value))
    need.save()
    return need


def _need_apply(planned: PlannedNeed, *, submit: bool) -> Case | None:
    """Write one planned line: the need, its analysis and matches, its case; route on submit."""
    if planned.action == "unchanged":
        need = Need.objects.get(pk=planned.need_id or 0)
    else:
        need = _need_write(planned)
        if need.submitted_at is None:
            need_understand(need=need)
    case = Case.objects.filter(need=need).first()
    if case is None and submit:
        return need_submit(need=need)
    if case is None:  # matched, not routed (`--submit` routes through `need_submit`)
        return case_open(need=need, text=_("Imported from a file."))
    if planned.action != "unchanged" and need.submitted_at is None:
        _case_refresh(case)
    if submit and need.submitted_at is None:
        Need.objects.filter(pk=need.pk).update(submitted_at=timezone.now())
        case_route(case=case)
    return case


def needs_import(*, path: Path, dry_run: bool = False, submit: bool = False) -> NeedImportResult:
    """`jatkumo import needs FILE.jsonl`: validate the whole file, then write it in one transaction.

    Every line becomes an imported need (the same `id` again updates it), is analysed and
    matched, and gets a case flagged unmet when the matcher says so; with `submit` the cases are
    routed to the fitting providers (who are notified). Any invalid line stops the import with
    `ValidationFailed` listing every problem by line and field, and nothing is written.
    """
    with path.open(encoding="utf-8") as stream:
        plan = needs_plan_read(lines=stream, source=path.name)
    if plan.errors:
        raise ValidationFailed(
            _("%(n)d lines of %(file)s have errors; nothing was imported.")
            % {"n": plan.counts["rejected"], "file": path.name},
            details=plan.errors,
        )
    unmet = routed = 0
    if not dry_run:
        with transaction.atomic():
            for planned in plan.lines:
                case = _need_apply(planned, submit=submit)
                if case is not None:
                    case.refresh_from_db()
                    unmet += int(case.unmet)
                    routed += int(case.routings.exists())
    return NeedImportResult(path.name, plan.counts, unmet, routed, dry_run)
