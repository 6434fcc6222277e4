"""Offerings and the taxonomy rows the back-office tests need, one intent-named constructor each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import factory
from django.utils import timezone

from jatkumo.catalogue.models import Offering, OfferingType, Status
from jatkumo.taxonomy.models import Industry
from tests.organisations.factories import OrganisationFactory, RegionFactory


def catalogue_codes_create() -> None:
    """Tampere (837), Nokia (536) and the industries C, F, J, Q: enough for valid lines."""
    RegionFactory.create_tampere()
    RegionFactory.create(code="536", name="Nokia")
    for code in ("C", "F", "J", "Q"):
        Industry.objects.get_or_create(code=code, defaults={"name": code})


def offering_line(n: int = 1, *, provider: Any = "Testiopisto", **overrides: Any) -> dict[str, Any]:
    """A valid interchange line with the required keys and a few optional ones."""
    line: dict[str, Any] = {
        "id": f"T-{n:05d}",
        "provider": provider if isinstance(provider, dict) else {"name": provider},
        "title": {"fi": f"Hitsauksen perusteet {n}"},
        "description": {"fi": "MIG/MAG-hitsauksen perusteet työn ohessa."},
        "type": "course",
        "modes": ["blended"],
        "languages": ["fi"],
        "municipalities": ["837"],
        "start": "2027-01-18",
        "price_eur": 0,
        "keywords": ["hitsaus"],
    }
    line.update(overrides)
    return line


def jsonl_write(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "".join(
            (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
            for line in lines
        ),
        encoding="utf-8",
    )
    return path


class OfferingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offering

    provider = factory.LazyFunction(OrganisationFactory.create_provider)
    external_id = factory.Sequence(lambda n: f"OF-{n}")
    title_fi = factory.Sequence(lambda n: f"Koulutus {n}")
    description_fi = "Kuvaus."
    type = OfferingType.COURSE
    modes = factory.LazyFunction(lambda: ["contact"])
    languages = factory.LazyFunction(lambda: ["fi"])
    start_continuous = True

    @factory.lazy_attribute
    def provider_name(self) -> str:
        return str(self.provider.name_fi)

    @classmethod
    def create_draft(cls, **kwargs: Any) -> Offering:
        offering: Offering = cls.create(status=Status.DRAFT, **kwargs)
        return offering

    @classmethod
    def create_published(cls, **kwargs: Any) -> Offering:
        offering: Offering = cls.create(
            status=Status.PUBLISHED, published_at=timezone.now(), **kwargs
        )
        return offering
