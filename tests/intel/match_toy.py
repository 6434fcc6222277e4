"""A toy catalogue of five offerings from four providers, as `intel` records (no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jatkumo.intel.match import MatchIndex
from jatkumo.intel.match_types import Need, NeedSkill, OfferingRecord, OfferingTag
from jatkumo.intel.search import Field

WELDING = "http://example.org/esco_skill/welding"
FORKLIFT = "http://example.org/esco_skill/forklift"
SAFETY = "http://example.org/esco_skill/safety"
FINNISH = "http://example.org/esco_skill/finnish"


def record(key: int, provider: str, title: str, text: str, **extra: Any) -> OfferingRecord:
    tags = tuple(OfferingTag(uri, 1.0, (word,)) for uri, word in extra.pop("tags", ()))
    fields = (Field(title, "fi", 2.0), Field(text, "fi", 1.0))
    values: dict[str, Any] = {"languages": frozenset({"fi"}), "modes": frozenset({"contact"})}
    values.update(extra)
    return OfferingRecord(key, provider, title, fields, tags, **values)


def toy_records() -> list[OfferingRecord]:
    return [
        record(
            1,
            "Tredu",
            "Hitsauksen tutkinnon osa",
            "MIG- ja TIG-hitsaus, railot ja hitsausohjeet.",
            tags=[(WELDING, "hitsaus")],
            modes=frozenset({"workplace"}),
        ),
        record(
            2,
            "NKK",
            "Trukinkuljettajan koulutus",
            "Trukkikortti yhdessä päivässä.",
            tags=[(FORKLIFT, "trukki")],
            start=dt.date(2026, 9, 1),
            price_eur=180.0,
        ),
        record(
            3,
            "PTK",
            "Työturvallisuuskortti",
            "Työturvallisuuskortti-koulutus työmaille.",
            tags=[(SAFETY, "työturvallisuus")],
            price_eur=120.0,
            duration_weeks=1.0,
        ),
        record(
            4,
            "TAKK",
            "Työelämäsuomi",
            "Suomen kieli työpaikalla maahanmuuttajille.",
            tags=[(FINNISH, "suomi")],
            duration_weeks=8.0,
        ),
        record(
            5,
            "NKK",
            "Forklift training in English",
            "Forklift licence for warehouse staff.",
            tags=[(FORKLIFT, "forklift")],
            languages=frozenset({"en"}),
        ),
    ]


def toy_index() -> MatchIndex:
    return MatchIndex(toy_records())


def need(text: str, *skills: str, **extra: Any) -> Need:
    return Need(
        text,
        tuple(NeedSkill(uri, uri.rsplit("/", 1)[1], 0.9, (uri[-6:],)) for uri in skills),
        **extra,
    )
