"""Small realistic offerings for the public catalogue tests (search, pages, API, feeds)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from jatkumo.catalogue.models import Offering, OfferingConcept, Status
from jatkumo.organisations.models import Organisation
from jatkumo.taxonomy.models import Concept, Region
from tests.conftest import concept_create


def organisation_create(name: str, slug: str) -> Organisation:
    return Organisation.objects.create(name_fi=name, slug=slug)


def offering_create(provider: Organisation, external_id: str, **fields: Any) -> Offering:
    """A published offering; `fields` override the defaults (title_fi, description_fi, ...)."""
    values: dict[str, Any] = {
        "title_fi": external_id,
        "description_fi": "",
        "type": "course",
        "modes": ["contact"],
        "languages": ["fi"],
        "municipalities": ["837"],
        "status": Status.PUBLISHED,
        "published_at": timezone.now(),
    }
    values.update(fields)
    return Offering.objects.create(provider=provider, external_id=external_id, **values)


@dataclass
class Catalogue:
    tredu: Organisation
    tamk: Organisation
    sataedu: Organisation
    forklift: Offering
    welding: Offering
    welding_sv: Offering
    security: Offering
    nurse: Offering
    excel: Offering
    draft: Offering
    forklift_concept: Concept
    developer_concept: Concept
    nurse_concept: Concept


def regions_create() -> None:
    """Pirkanmaa with two sub-regions and three municipalities (kept if they already exist)."""
    rows = [
        ("MK06", "region", "Pirkanmaa", None),
        ("SK064", "sub_region", "Tampereen seutukunta", "MK06"),
        ("SK069", "sub_region", "Etelä-Pirkanmaan seutukunta", "MK06"),
        ("837", "municipality", "Tampere", "SK064"),
        ("211", "municipality", "Kangasala", "SK064"),
        ("020", "municipality", "Akaa", "SK069"),
    ]
    for code, level, name, parent in rows:
        Region.objects.update_or_create(
            code=code,
            defaults={
                "level": level,
                "name": name,
                "parent": Region.objects.filter(code=parent).first(),
            },
        )


def catalogue_create() -> Catalogue:
    """Six published offerings and a draft, three providers, three tagged concepts."""
    regions_create()
    tredu = organisation_create("Tampereen seudun ammattiopisto Tredu", "tredu")
    tamk = organisation_create("Tampereen ammattikorkeakoulu", "tamk")
    sataedu = organisation_create("Koulutuskeskus Sataedu", "sataedu")
    soon = timezone.localdate() + dt.timedelta(days=10)
    later = timezone.localdate() + dt.timedelta(days=120)
    forklift = offering_create(
        tredu,
        "TREDU-TRUKKI-1",
        title_fi="Trukinkuljettajan koulutus",
        description_fi="Päivän koulutus, jonka jälkeen saat trukkikortin. Teoria ja ajoharjoittelu "
        "varastossa Hervannassa.",
        keywords=["trukki", "logistiikka"],
        industries=["H"],
        start_date=soon,
        duration_weeks=Decimal("1"),
        price_eur=Decimal("180"),
        funding=["participant_fee"],
        contact_name="Ville Huttunen",
        contact_email="ville.huttunen@example.fi",
    )
    welding = offering_create(
        tredu,
        "TREDU-KT-101",
        title_fi="Hitsaustekniikan tutkinnon osa",
        description_fi="Opit MIG/MAG- ja TIG-hitsauksen perusteet, railonvalmistuksen ja "
        "hitsaustyön työturvallisuuden. Haku on jatkuva.",
        type="qualification_unit",
        level="vocational",
        industries=["C"],
        start_continuous=True,
        duration_weeks=Decimal("20"),
        price_eur=Decimal("0"),
        funding=["free", "oppisopimus"],
        modes=["blended", "workplace"],
        keywords=["hitsaus", "MIG/MAG"],
    )
    welding_sv = offering_create(
        sataedu,
        "SATA-SV-1",
        title_fi="Hitsauksen peruskurssi ruotsiksi",
        title_sv="Grundkurs i svetsning",
        description_sv="Kursen ger grunderna i svetsning för nybörjare.",
        languages=["sv"],
        municipalities=["020"],
        industries=["C"],
        start_date=later,
        duration_weeks=Decimal("6"),
        price_eur=Decimal("450"),
        funding=["participant_fee"],
    )
    security = offering_create(
        tamk,
        "TAMK-TT-5",
        title_fi="Tietoturva ohjelmistokehittäjille",
        title_en="Secure software development",
        description_fi="Turvallisen ohjelmoinnin perusteet: OWASP Top 10, uhkamallinnus ja "
        "koodikatselmointi. Verkossa omaan tahtiin.",
        description_en="Secure coding basics for software developers: OWASP, threat modelling.",
        modes=["online_self_paced"],
        municipalities=[],
        industries=["J"],
        start_continuous=True,
        level="uas",
        duration_weeks=Decimal("8"),
        price_eur=Decimal("0"),
        funding=["jotpa"],
        languages=["fi", "en"],
    )
    nurse = offering_create(
        sataedu,
        "SATA-LH-1",
        title_fi="Lähihoitajan tutkinto aikuisille",
        description_fi="Sosiaali- ja terveysalan perustutkinto työn ohessa. Valmistut "
        "lähihoitajaksi oppisopimuksella tai monimuoto-opiskeluna.",
        type="qualification",
        level="vocational",
        industries=["Q"],
        municipalities=["211"],
        start_date=later,
        modes=["blended"],
        duration_weeks=Decimal("80"),
        funding=["oppisopimus"],
    )
    excel = offering_create(
        tamk,
        "TAMK-EXCEL",
        title_fi="Excel-taulukkolaskenta tutuksi",
        description_fi="Taulukkolaskennan kurssi toimistotyöhön: kaavat ja pivot-taulukot.",
        modes=["online_live"],
        municipalities=[],
        start_date=soon + dt.timedelta(days=3),
        duration_weeks=Decimal("3"),
        price_eur=Decimal("90"),
        funding=["participant_fee"],
    )
    draft = offering_create(
        tredu,
        "TREDU-DRAFT",
        title_fi="Hitsauksen luonnos",
        description_fi="Hitsaus.",
        status=Status.DRAFT,
    )
    forklift_concept = concept_create(
        key="forklift",
        scheme="esco_occupation",
        labels=[
            ("fi", "preferred", "trukinkuljettaja"),
            ("fi", "company", "trukkikortti"),
            ("en", "preferred", "forklift operator"),
        ],
    )
    developer_concept = concept_create(
        key="developer",
        scheme="esco_occupation",
        labels=[
            ("fi", "preferred", "ohjelmistokehittäjä"),
            ("fi", "company", "koodari"),
            ("en", "preferred", "software developer"),
        ],
    )
    nurse_concept = concept_create(
        key="practical-nurse",
        scheme="esco_occupation",
        labels=[
            ("fi", "preferred", "lähihoitaja"),
            ("fi", "company", "lähäri"),
            ("en", "preferred", "practical nurse"),
        ],
    )
    OfferingConcept.objects.create(
        offering=forklift, concept=forklift_concept, automatic=True, score=0.9
    )
    OfferingConcept.objects.create(offering=security, concept=developer_concept, automatic=False)
    OfferingConcept.objects.create(offering=nurse, concept=nurse_concept, automatic=True, score=0.8)
    return Catalogue(
        tredu,
        tamk,
        sataedu,
        forklift,
        welding,
        welding_sv,
        security,
        nurse,
        excel,
        draft,
        forklift_concept,
        developer_concept,
        nurse_concept,
    )
