"""What matching said about a need, as plain JSON kept on the need and the case.

`broker.matching.need_match` returns what was understood (skills, occupation, industry, urgency,
language), ranked offerings with reasons, packages and an unmet flag. The intake pages, the case
history and routing read a frozen copy of it — what the company saw when it sent the need —
so this module turns the adapter's result into one stable JSON shape:

    {"language", "skills": [{"uri", "label", "score", "evidence": [...]}],
      "occupation": {"uri", "label", "code"} | None, "industry": {"code", "label"} | None,
     "urgency": "high" | "normal" | "low" | "",
     "results": [{"offering_id" (pk), "external_id", "title", "provider", "score", "reasons",
                  "covers": [labels]}],
     "packages": [{"offering_ids" (pks), "providers", "coverage", "covered", "uncovered",
                   "duration_weeks", "price_eur"}],
     "unmet": bool, "unmet_reasons": [...]}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any


def plain(value: Any) -> Any:
    """Dataclasses, mappings, sequences, dates and decimals → JSON-serialisable values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        value = value.isoformat()
    elif isinstance(value, Decimal):
        value = float(value)
    elif not (value is None or isinstance(value, str | int | float | bool)):
        value = str(value)
    return value


def _first(data: Mapping[str, Any], *names: str, default: Any = None) -> Any:
    for name in names:
        if data.get(name) not in (None, ""):
            return data[name]
    return default


def _evidence(value: Any) -> list[str]:
    words: list[str] = []
    for item in value or []:
        text = _first(item, "text", "surface", "words") if isinstance(item, Mapping) else item
        if isinstance(text, list):
            words += [str(t) for t in text]
        elif text:
            words.append(str(text))
    return list(dict.fromkeys(words))


def _skill(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "uri": str(data.get("uri", "")),
        "label": str(_first(data, "label", "uri", default="")),
        "score": round(float(data.get("score") or 0.0), 3),
        "evidence": _evidence(_first(data, "evidence", "words", default=[])),
    }


def _concept(value: Any) -> dict[str, Any] | None:
    if not value:
        return None
    if isinstance(value, list):
        return _concept(value[0])
    if isinstance(value, str):
        return {"uri": "", "label": value, "code": value}
    return {
        "uri": str(value.get("uri", "")),
        "label": str(_first(value, "label", "name", "code", default="")),
        "code": str(_first(value, "code", "isco", default="")),
        "evidence": _evidence(_first(value, "evidence", "words", default=[])),
    }


def _result(data: Mapping[str, Any]) -> dict[str, Any]:
    reasons = data.get("reasons") or []
    return {
        "offering_id": _first(data, "offering_pk", "key", "offering_id"),
        "external_id": str(_first(data, "external_id", "offering_id", default="")),
        "title": str(data.get("title", "") or ""),
        "provider": str(data.get("provider", "") or ""),
        "score": round(float(data.get("score") or 0.0), 3),
        "reasons": [r if isinstance(r, str) else str(plain(r)) for r in reasons],
        "covers": [str(_first(c, "label", "uri", default="")) for c in data.get("covers") or []],
    }


def _package(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "offering_ids": list(_first(data, "offering_pks", "keys", "offering_ids", default=[])),
        "providers": [str(p) for p in data.get("providers") or []],
        "covered": [str(c) for c in data.get("covered") or []],
        "coverage": round(float(data.get("coverage") or 0.0), 3),
        "duration_weeks": data.get("duration_weeks", data.get("duration")),
        "price_eur": data.get("price_eur", data.get("price")),
        "uncovered": [
            str(_first(u, "label", "uri", default="")) if isinstance(u, Mapping) else str(u)
            for u in _first(data, "uncovered", "uncovered_skills", default=[])
        ],
    }


def match_snapshot(result: Any) -> dict[str, Any]:
    """The adapter's result (dataclass or mapping) → the stable JSON shape described above."""
    data = plain(result)
    understood = data.get("understood") or data
    return {
        "language": str(understood.get("language") or ""),
        "skills": [_skill(s) for s in understood.get("skills") or []],
        "occupation": _concept(_first(understood, "occupation", "occupations")),
        "industry": _concept(understood.get("industry")),
        "urgency": str(understood.get("urgency") or ""),
        "results": [_result(r) for r in _first(data, "results", "offerings", default=[])],
        "packages": [_package(p) for p in data.get("packages") or []],
        "unmet": bool(data.get("unmet")),
        "unmet_reasons": [str(r) for r in data.get("unmet_reasons") or []],
    }


def offering_ids(snapshot: Mapping[str, Any]) -> list[Any]:
    """Every offering id the snapshot mentions: ranked results first, then packages."""
    ids = [r["offering_id"] for r in snapshot.get("results", []) if r.get("offering_id")]
    for package in snapshot.get("packages", []):
        ids += [i for i in package.get("offering_ids", []) if i not in ids]
    return ids


def best_coverage(snapshot: Mapping[str, Any]) -> float | None:
    """The best package coverage in a match snapshot, or None when it proposed no package."""
    coverages = [package["coverage"] for package in snapshot.get("packages", [])]
    return max(coverages) if coverages else None
