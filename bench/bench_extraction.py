"""Benchmark of the concept engine on the full bundled taxonomy (not part of the tests).

    JATKUMO_DATA_DIR=/tmp/exdb .venv/bin/python bench/bench_extraction.py [--ads 10000]

Needs a database made by `jatkumo setup`. Measures, on one core: index build time (from the
database, no cache), index load time from the cache file, analysis tokens/s (cold and warm word
cache), extraction ads/s on the dev ads replicated to N (warm cache; by wall clock and by the
process's CPU time, which other load on the machine disturbs less) with the lexical skill ranking
(matching, tagging) and with the soft one (`jatkumo extract`, the analyse API, `eval`), and peak
resident memory of
a process that loads the cached index and extracts (the build is run in a child process so its
peak does not count).

    ... bench/bench_extraction.py --embeddings [--embedding-ads 120]

adds the embedding re-rank variant (needs the `embeddings` extra), in its own child process
limited to one OpenMP thread: time to load (or build) the skill-label vectors, ads/s with
re-ranking on the dev ads replicated to `--embedding-ads` (the encoder has no word cache, so
warm and cold differ only by the label vectors) and that process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ADS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "job_ads.jsonl"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jatkumo.config.settings.local")
    import django

    django.setup()


def build() -> dict[str, float]:
    """Build the index from the database without the cache, then save it."""
    _setup()
    from jatkumo.analysis.engine import annotator_build

    started = time.perf_counter()
    annotator, timings = annotator_build(use_cache=False)
    return {
        "index_build_seconds": round(time.perf_counter() - started, 1),
        "db_load_seconds": timings["load_seconds"],
        "keys": annotator.index.stats["keys"],
        "labels": annotator.index.stats["labels"],
    }


def run(count: int) -> dict[str, float]:
    """Load the cached index, measure analysis and extraction throughput and peak memory."""
    _setup()
    from jatkumo.analysis.engine import annotator_build
    from jatkumo.intel.language import Analyser

    ads = [json.loads(line) for line in ADS.read_text(encoding="utf-8").splitlines() if line]
    started = time.perf_counter()
    annotator, _timings = annotator_build()
    load_seconds = time.perf_counter() - started

    analyser = Analyser()
    started = time.perf_counter()
    tokens = sum(len(analyser.analyse(ad["text"]).tokens) for ad in ads)
    cold = tokens / (time.perf_counter() - started)
    started = time.perf_counter()
    for ad in ads:
        analyser.analyse(ad["text"])
    warm = tokens / (time.perf_counter() - started)

    replicated = [ads[i % len(ads)] for i in range(count)]
    seconds, cpu_seconds = _extract_all(annotator, ads, replicated)
    # what `jatkumo extract`, the analyse API and `eval extraction` run: the soft skill ranking
    soft = annotator.sibling(skill_ranking="soft")
    soft_seconds, soft_cpu_seconds = _extract_all(soft, ads, replicated)
    return {
        "index_load_seconds": round(load_seconds, 2),
        "tokens_per_second_cold": round(cold),
        "tokens_per_second_warm": round(warm),
        "ads": count,
        "extraction_ads_per_second_warm": round(count / seconds, 1),
        # CPU time of this process: steadier than wall clock on a shared machine
        "extraction_ads_per_second_warm_cpu": round(count / cpu_seconds, 1),
        "extraction_soft_ads_per_second_warm": round(count / soft_seconds, 1),
        "extraction_soft_ads_per_second_warm_cpu": round(count / soft_cpu_seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _extract_all(annotator: Any, ads: list[dict[str, Any]], replicated: list[dict[str, Any]]):
    """Warm the caches on the dev ads, then extract the replicated ads → (wall s, CPU s)."""
    for ad in ads:
        annotator.annotate(ad["id"], ad["text"], title=ad["title"])
    started, cpu_started = time.perf_counter(), time.process_time()
    for ad in replicated:
        annotator.annotate(ad["id"], ad["text"], title=ad["title"])
    return time.perf_counter() - started, time.process_time() - cpu_started


def run_embeddings(count: int) -> dict[str, float]:
    """Load the cached index and the label vectors, extract with the embedding re-rank."""
    _setup()
    from jatkumo.analysis.engine import annotator_build, reranker_build, taxonomy_signature

    ads = [json.loads(line) for line in ADS.read_text(encoding="utf-8").splitlines() if line]
    base, _timings = annotator_build()
    reranker = reranker_build(base, taxonomy_signature())
    started = time.perf_counter()
    vectors = len(reranker.labels.uris)
    labels_seconds = time.perf_counter() - started
    annotator = base.sibling(reranker=reranker)
    for ad in ads[:5]:  # load the model, warm the word cache
        annotator.annotate(ad["id"], ad["text"], title=ad["title"])
    replicated = [ads[i % len(ads)] for i in range(count)]
    started = time.perf_counter()
    for ad in replicated:
        annotator.annotate(ad["id"], ad["text"], title=ad["title"])
    seconds = time.perf_counter() - started
    return {
        "embedding_label_vectors": vectors,
        "embedding_labels_load_seconds": round(labels_seconds, 2),
        "embedding_ads": count,
        "embedding_extraction_ads_per_second": round(count / seconds, 2),
        "embedding_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ads", type=int, default=10_000)
    parser.add_argument("--embeddings", action="store_true", help="also the embedding variant")
    parser.add_argument("--embedding-ads", type=int, default=120)
    parser.add_argument("--part", choices=["build", "run", "embeddings"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "build":
        print(json.dumps(build()))
        return
    if args.part == "run":
        print(json.dumps(run(args.ads)))
        return
    if args.part == "embeddings":
        print(json.dumps(run_embeddings(args.embedding_ads)))
        return
    result: dict[str, float] = {}
    parts = ("build", "run", "embeddings") if args.embeddings else ("build", "run")
    for part in parts:
        output = subprocess.run(
            [
                sys.executable,
                __file__,
                *("--part", part, "--ads", str(args.ads)),
                *("--embedding-ads", str(args.embedding_ads)),
            ],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ | {"OMP_NUM_THREADS": "1"},
        ).stdout
        result |= json.loads(output.strip().splitlines()[-1])
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
