"""Benchmark: broker matching (`need_match`) over a generated catalogue of 50,000 offerings.

Generates offerings with `bench_catalogue_search`'s generator (bulk_create into a fresh
temporary SQLite database, with concept tags), builds the matching index once, then matches
~100 company needs of varied length (short, colloquial, long and rambling) and prints JSON:
index build seconds, p50 / p95 / max milliseconds per need (analysis + ranking + unmet +
packages), memory.

    .venv/bin/python bench/bench_matching.py [--offerings 50000] [--needs 100]

Target (issue 5): match latency p95 ≤ 200 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_catalogue_search import _generate, _setup

NEEDS = [
    "trukkikortit 3 kesätyöntekijälle ennen kesäkuuta, lempäälän varasto",
    "Tarvis saada porukkaa jotka osaa hitsata, lähinnä mig/mag:ia rautarakenteisiin.",
    "Koodarit pitäis saada ymmärtämään tietoturvaa paremmin, sql-injektiot ja kirjautumiset.",
    "Kotihoidossa on muutama hoitaja joilta puuttuu lääkeluvat, tarvis nopeasti koulutusta.",
    "Myyntiraportit tehdään edelleen käsin excelissä ja johtoryhmä haluais reaaliaikaisempaa "
    "tietoa. Kaipaan koulutusta parille controllerille: datan yhdistely ja raportointi.",
    "Sorvareita ja jyrsijöitä tarvittais lisää, pari kaveria oppis ohjelmoimaan CNC-koneita.",
    "Our product team needs training on secure software development and project management.",
    "Uudet tiiminvetäjät tarvitsee esimiestyön ja johtamisen perusteet, kehityskeskustelut.",
    "kirjanpito ja palkat kahdelle uudelle assarille",
    "Ollaan hankkimassa ensimmäinen hitsausrobotti ja pari cobottia kokoonpanoon. Asettajat ja "
    "kunnossapito pitäs saada osaamaan niiden ohjelmointi ja vianhaku. Lempäälä. Lisäksi koko "
    "porukalle työturvallisuuskortti ja sähköturvallisuus kuntoon ennen syksyä, mielellään "
    "työpaikalla ja työajalla, ja asiakaspalvelun perusteet myyjille.",
    "digimarkkinointi ja somemainonta pienelle verkkokaupalle",
    "Grundkurs i svetsning för nya anställda",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offerings", type=int, default=50_000)
    parser.add_argument("--needs", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="jatkumo-bench-") as data_dir:
        _setup(data_dir)
        start = time.perf_counter()
        _generate(args.offerings, rng)
        generated = time.perf_counter() - start
        from jatkumo.analysis.engine import annotator_get
        from jatkumo.broker import matching

        annotator_get()
        start = time.perf_counter()
        matching.match_index()
        build = time.perf_counter() - start
        matching.STAMP_TTL = 3600.0  # measure matching, not the change check
        times, results = [], []
        needs = [
            rng.choice(NEEDS) + rng.choice(["", " Tampere.", " Nokia, 5 henkeä."])
            for _ in range(args.needs)
        ]
        for text in needs:
            start = time.perf_counter()
            result = matching.need_match(text=text, municipality=rng.choice(["837", "020", ""]))
            times.append((time.perf_counter() - start) * 1000)
            results.append(len(result.results))
        times.sort()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            json.dumps(
                {
                    "offerings": args.offerings,
                    "needs": args.needs,
                    "generate_seconds": round(generated, 1),
                    "index_build_seconds": round(build, 1),
                    "match_ms_p50": round(statistics.median(times), 1),
                    "match_ms_p95": round(times[int(0.95 * (len(times) - 1))], 1),
                    "match_ms_max": round(times[-1], 1),
                    "mean_results": round(statistics.mean(results), 1),
                    "max_rss_mb": round(rss, 1),
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
