"""Benchmark: catalogue search over a generated catalogue of 50,000 offerings.

Generates offerings (varied Finnish, Swedish and English titles and descriptions, providers,
municipalities, modes, starts, prices, tags) straight into a fresh temporary SQLite database with
bulk_create, builds the search index, then runs ~200 varied queries with filters, sorting and
facet counts, and prints JSON: index build seconds, p50 / p95 / max milliseconds, memory.

    .venv/bin/python bench/bench_catalogue_search.py [--offerings 50000]

Target (issue 4): search p95 ≤ 150 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from typing import Any

SUBJECTS = [
    ("Hitsaus", "hitsauksen", "MIG/MAG- ja TIG-hitsauksen perusteet ja hitsausohjeet", "C"),
    ("Trukinkuljettajan koulutus", "trukin", "trukkikortti, varastotyö ja turvallinen ajo", "H"),
    ("Tietoturva", "tietoturvan", "turvallinen ohjelmointi, OWASP ja uhkamallinnus", "J"),
    ("Lähihoitajan tutkinto", "hoitotyön", "lähihoitaja, vanhustyö ja lääkehoito", "Q"),
    ("Excel-taulukkolaskenta", "taulukkolaskennan", "kaavat, pivot-taulukot ja raportointi", "M"),
    ("CNC-koneistus", "koneistuksen", "CNC-ohjelmointi, sorvaus ja jyrsintä", "C"),
    ("Projektinhallinta", "projektien", "aikataulut, budjetit ja ketterät menetelmät", "M"),
    ("Asiakaspalvelu", "palvelun", "asiakaskohtaaminen, myynti ja reklamaatiot", "G"),
    ("Sähköturvallisuus SFS 6002", "sähkötyön", "sähkötyöturvallisuus ja ensiapu", "F"),
    ("Johtaminen ja esihenkilötyö", "johtamisen", "valmentava johtaminen ja työhyvinvointi", "N"),
    ("Ohjelmointi Pythonilla", "ohjelmoinnin", "Python, data-analyysi ja automaatio", "J"),
    ("Robotiikan perusteet", "robotiikan", "teollisuusrobotit, automaatio ja PLC", "C"),
    (
        "Digimarkkinointi",
        "markkinoinnin",
        "sosiaalinen media, hakukoneoptimointi ja analytiikka",
        "M",
    ),
    ("Työturvallisuuskorttikoulutus", "työturvallisuuden", "työturvallisuuskortti ja riskit", "F"),
    (
        "Kirjanpito pk-yrityksille",
        "kirjanpidon",
        "tilinpäätös, arvonlisävero ja palkanlaskenta",
        "K",
    ),
]
SWEDISH = ["Grundkurs i svetsning", "Kundservice i praktiken", "Projektledning för chefer"]
ENGLISH = ["Welding basics", "Secure software development", "Project management essentials"]
QUALIFIERS = [
    "perusteet",
    "jatkokurssi",
    "työn ohessa",
    "verkkokurssi",
    "täydennyskoulutus",
    "intensiivi",
]
MODES = ["contact", "online_live", "online_self_paced", "blended", "workplace"]
FUNDING = ["free", "participant_fee", "employer_paid", "jotpa", "tyovoimakoulutus", "oppisopimus"]
TYPES = ["course", "qualification_unit", "qualification", "micro_credential", "tailored_training"]
LEVELS = ["vocational", "vocational_further", "uas", "university", "liberal_adult", ""]
MUNICIPALITIES = [
    ("837", "SK064"),
    ("211", "SK064"),
    ("980", "SK064"),
    ("020", "SK069"),
    ("143", "SK069"),
    ("992", "SK068"),
    ("250", "SK068"),
    ("108", "SK063"),
]
QUERIES = [
    "hitsaus",
    "hitsauskoulutus",
    "trukkikorttia",
    "koodarit tietoturva",
    "lähihoitajaksi",
    "excel",
    "cnc koneistus",
    "projektinhallinta verkossa",
    "asiakaspalvelu",
    "sähköturvallisuus",
    "johtaminen",
    "python ohjelmointi",
    "robotiikka",
    "svetsning",
    "welding",
    "project management",
    "kirjanpito",
    "digimarkkinointi",
    "työturvallisuuskortti",
    "lähärit",
    "",
    "",
]


def _setup(data_dir: str) -> None:
    os.environ["JATKUMO_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jatkumo.config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _generate(count: int, rng: random.Random) -> None:
    from django.utils import timezone

    from jatkumo.catalogue.models import Offering, OfferingConcept
    from jatkumo.organisations.models import Organisation
    from jatkumo.taxonomy.models import Concept, Label, Region

    region = Region.objects.create(code="MK06", level="region", name="Pirkanmaa")
    for sub in {sub for _code, sub in MUNICIPALITIES}:
        Region.objects.create(code=sub, level="sub_region", name=f"Seutukunta {sub}", parent=region)
    subs = {r.code: r for r in Region.objects.filter(level="sub_region")}
    for code, sub in MUNICIPALITIES:
        Region.objects.create(
            code=code, level="municipality", name=f"Kunta {code}", parent=subs[sub]
        )
    providers = Organisation.objects.bulk_create(
        Organisation(name_fi=f"Oppilaitos {n}", slug=f"oppilaitos-{n}") for n in range(40)
    )
    concepts = Concept.objects.bulk_create(
        Concept(uri=f"http://example.org/c/{n}", scheme="esco_skill", source="bench")
        for n in range(len(SUBJECTS))
    )
    Label.objects.bulk_create(
        Label(
            concept=concepts[n],
            language="fi",
            kind="preferred",
            text=s[0].lower(),
            normalized=s[0].lower(),
            source="bench",
        )
        for n, s in enumerate(SUBJECTS)
    )
    Label.objects.bulk_create(
        [
            Label(
                concept=concepts[1],
                language="fi",
                kind="company",
                text="trukkikortti",
                normalized="trukkikortti",
                source="bench",
            ),
            Label(
                concept=concepts[2],
                language="fi",
                kind="company",
                text="koodari",
                normalized="koodari",
                source="bench",
            ),
            Label(
                concept=concepts[3],
                language="fi",
                kind="company",
                text="lähäri",
                normalized="lähäri",
                source="bench",
            ),
        ]
    )
    now = timezone.now()
    today = timezone.localdate()
    batch: list[Any] = []
    subjects: list[int] = []
    for n in range(count):
        s = rng.randrange(len(SUBJECTS))
        title, genitive, topics, industry = SUBJECTS[s]
        lang = rng.choices(["fi", "sv", "en"], weights=[90, 5, 5])[0]
        extra: dict[str, str] = {}
        if lang == "sv":
            extra["title_sv"] = rng.choice(SWEDISH)
        if lang == "en":
            extra["title_en"] = rng.choice(ENGLISH)
        municipality = rng.choice(MUNICIPALITIES)[0]
        continuous = rng.random() < 0.3
        batch.append(
            Offering(
                provider=rng.choice(providers),
                external_id=f"GEN-{n}",
                title_fi=f"{title} – {rng.choice(QUALIFIERS)} {n % 97}",
                description_fi=f"Koulutuksessa opit {genitive} keskeiset taidot: {topics}. "
                f"Opetus {rng.choice(['Tampereella', 'verkossa', 'työpaikalla'])}. Ryhmä {n}.",
                type=rng.choice(TYPES),
                level=rng.choice(LEVELS),
                modes=rng.sample(MODES, rng.randint(1, 2)),
                languages=[lang],
                municipalities=[municipality],
                start_continuous=continuous,
                start_date=None if continuous else today + dt.timedelta(days=rng.randint(-30, 300)),
                duration_weeks=Decimal(rng.choice([1, 2, 4, 8, 12, 20, 40])),
                price_eur=Decimal(rng.choice([0, 0, 90, 180, 450, 900, 2500])),
                funding=rng.sample(FUNDING, rng.randint(1, 2)),
                industries=[industry],
                keywords=topics.split(", ")[:2],
                status="published",
                published_at=now,
                **extra,
            )
        )
        subjects.append(s)
        if len(batch) == 2000:
            _flush(batch, subjects, concepts, rng, Offering, OfferingConcept)
            batch, subjects = [], []
    if batch:
        _flush(batch, subjects, concepts, rng, Offering, OfferingConcept)


def _flush(  # noqa: PLR0917
    batch: list[Any],
    subjects: list[int],
    concepts: list[Any],
    rng: random.Random,
    offering_model: Any,
    tag_model: Any,
) -> None:
    created = offering_model.objects.bulk_create(batch)
    tag_model.objects.bulk_create(
        tag_model(offering=o, concept=concepts[s], automatic=True, score=rng.random())
        for o, s in zip(created, subjects, strict=True)
        if rng.random() < 0.7
    )


def _queries(rng: random.Random) -> list[dict[str, Any]]:
    from jatkumo.catalogue.facets import SORTS

    variants: list[dict[str, Any]] = []
    for i in range(200):
        filters: dict[str, Any] = {"q": QUERIES[i % len(QUERIES)]}
        if i % 3 == 0:
            filters["mode"] = (rng.choice(MODES),)
        if i % 4 == 1:
            filters["sub_region"] = ("SK064",)
        if i % 5 == 2:
            filters["price_max"] = Decimal(rng.choice([0, 100, 500]))
        if i % 6 == 3:
            filters["start"] = rng.choice(["continuous", "4", "12"])
        if i % 7 == 4:
            filters["funding"] = ("jotpa", "free")
        variants.append(
            {"filters": filters, "sort": SORTS[i % 4] if i % 2 else "relevance", "page": 1 + i % 3}
        )
    return variants


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offerings", type=int, default=50_000)
    args = parser.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory(prefix="jatkumo-bench-") as data_dir:
        _setup(data_dir)
        start = time.perf_counter()
        _generate(args.offerings, rng)
        generated = time.perf_counter() - start
        from jatkumo.catalogue.facets import OfferingFilters
        from jatkumo.catalogue.search import catalogue_index
        from jatkumo.catalogue.selectors import offering_search

        start = time.perf_counter()
        catalogue_index()
        build = time.perf_counter() - start
        times, counts = [], []
        for query in _queries(rng):
            start = time.perf_counter()
            result = offering_search(
                filters=OfferingFilters(**query["filters"]), sort=query["sort"], page=query["page"]
            )
            times.append((time.perf_counter() - start) * 1000)
            counts.append(result.count)
        times.sort()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            json.dumps(
                {
                    "offerings": args.offerings,
                    "generate_s": round(generated, 1),
                    "index_build_s": round(build, 1),
                    "queries": len(times),
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
                    "max_ms": round(times[-1], 1),
                    "median_results": statistics.median(counts),
                    "max_rss_mb": round(rss, 0),
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    sys.exit(main())
