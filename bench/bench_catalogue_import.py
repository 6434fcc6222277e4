"""Benchmark: import 50,000 generated offerings into a fresh SQLite database, then export them.

    .venv/bin/python bench/bench_catalogue_import.py [--count 50000]

Prints JSON with seconds for validation, writing, tagging, the whole import and the export.
The catalogue is deterministic (seeded) and realistic: Finnish titles and descriptions from
Pirkanmaa providers, every optional key, the municipalities and industries of the region. The
bundled Statistics Finland classifications and YSO labels are loaded first, so validation checks
real codes and tagging matches real labels. Target: the import of 50,000 offerings ≤ 90 s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

TOPICS = [
    ("hitsaus", "Hitsauksen", "C"),
    ("koneistus", "CNC-koneistuksen", "C"),
    ("automaatio", "Automaation", "C"),
    ("rakentaminen", "Korjausrakentamisen", "F"),
    ("logistiikka", "Varastologistiikan", "H"),
    ("trukki", "Trukinkuljettajan", "H"),
    ("hoitotyö", "Ikääntyneiden hoitotyön", "Q"),
    ("lääkehoito", "Lääkehoidon", "Q"),
    ("ohjelmointi", "Ohjelmoinnin", "J"),
    ("tietoturva", "Tietoturvan", "J"),
    ("myynti", "Myyntityön", "G"),
    ("asiakaspalvelu", "Asiakaspalvelun", "G"),
    ("ravintola", "Ravintolatyön", "I"),
    ("siivous", "Puhtausalan", "N"),
    ("kiertotalous", "Kiertotalouden", "E"),
    ("johtaminen", "Esihenkilötyön", "M"),
    ("suomen kieli", "Työelämän suomen", "P"),
    ("sähkötyö", "Sähköturvallisuuden", "D"),
]
KINDS = ["perusteet", "jatkokurssi", "täydennyskoulutus", "tutkinnon osa", "valmennus"]
PROVIDERS = [f"Pirkanmaan Koulutus {n} Oy" for n in range(40)]
MUNICIPALITIES = ["837", "536", "980", "211", "418", "604", "908", "790", "562", "020"]


def offering(n: int, rng: random.Random) -> dict[str, object]:
    word, title, industry = rng.choice(TOPICS)
    kind = rng.choice(KINDS)
    line: dict[str, object] = {
        "id": f"B-{n:06d}",
        "provider": {"name": PROVIDERS[n % len(PROVIDERS)]},
        "title": {"fi": f"{title} {kind} {n % 97}"},
        "description": {
            "fi": f"{title} {kind} työn ohessa. Opit {word}n keskeiset menetelmät, "
            f"työturvallisuuden ja laadunvarmistuksen. Harjoitukset tehdään pienryhmissä "
            f"ja osaaminen voidaan osoittaa omalla työpaikalla."
        },
        "type": rng.choice(
            ["course", "qualification_unit", "micro_credential", "tailored_training"]
        ),
        "level": rng.choice(["vocational", "vocational_further", "uas", "liberal_adult"]),
        "credits": {"value": rng.choice([1, 2.5, 5, 10, 15]), "unit": rng.choice(["op", "osp"])},
        "modes": rng.sample(["contact", "online_live", "blended", "workplace"], 2),
        "languages": ["fi"] if n % 9 else ["en", "fi"],
        "municipalities": rng.sample(MUNICIPALITIES, 2),
        "start": "continuous" if n % 3 == 0 else f"2027-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "duration_weeks": rng.choice([1, 4, 8, 12, 26]),
        "price_eur": rng.choice([0, 0, 90, 250, 690]),
        "funding": rng.sample(["free", "participant_fee", "jotpa", "oppisopimus"], 1),
        "target_groups": rng.sample(["employed", "unemployed", "sme", "immigrants"], 2),
        "industries": [industry],
        "keywords": [word, kind],
        "url": f"https://www.example.fi/kurssit/b-{n:06d}",
        "contact": {"name": "Esimerkki Henkilö", "email": f"koulutus{n % 40}@example.fi"},
    }
    return line


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50_000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="jatkumo-bench-"))
    os.environ["JATKUMO_DATA_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "jatkumo.config.settings.local"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from jatkumo.catalogue.exporters import offering_records, records_write_jsonl
    from jatkumo.catalogue.importers.offerings import offerings_plan_read_file
    from jatkumo.catalogue.models import Offering
    from jatkumo.catalogue.services import offerings_plan_apply
    from jatkumo.taxonomy.importers.statfi import industries_import, regions_import
    from jatkumo.taxonomy.importers.yso import yso_import

    call_command("migrate", verbosity=0)
    classifications = settings.BUNDLED_DATA_DIR / "classifications"
    regions_import(path=classifications / "regionkey.csv")
    industries_import(path=classifications / "tol2008_sections.csv")
    yso_import(paths=[settings.BUNDLED_DATA_DIR / "yso" / "yso-fi.tsv.gz"])
    rng = random.Random(20261129)
    path = workdir / "offerings.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for n in range(args.count):
            stream.write(json.dumps(offering(n, rng), ensure_ascii=False) + "\n")

    started = time.perf_counter()
    plan = offerings_plan_read_file(path=path, create_providers=True)
    validation = time.perf_counter() - started
    assert not plan.errors, plan.errors[:5]
    result = offerings_plan_apply(plan=plan)
    total = time.perf_counter() - started
    started = time.perf_counter()
    exported = records_write_jsonl(
        offering_records(offerings=Offering.objects.all()), io.StringIO()
    )
    export = time.perf_counter() - started
    print(
        json.dumps(
            {
                "offerings": args.count,
                "created": result.counts["created"],
                "tags": result.tags,
                "validation_s": round(validation, 2),
                "writing_s": round(result.seconds.get("writing", 0.0), 2),
                "tagging_s": round(result.seconds.get("tagging", 0.0), 2),
                "import_total_s": round(total, 2),
                "export_jsonl_s": round(export, 2),
                "exported": exported,
                "target_import_s": 90,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
