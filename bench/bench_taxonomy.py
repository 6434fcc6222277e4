"""Benchmark: building the embedded database from the bundled data, and concept search latency.

Prints JSON. Run with `make bench` or `.venv/bin/python bench/bench_taxonomy.py`.
Uses a fresh temporary data directory (SQLite), never the one in var/.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = [
    "hitsaus",
    "welding",
    "lähihoitaja",
    "koneistaja",
    "ohjelmointi",
    "svetsning",
    "trukki",
    "project management",
    "sairaanhoito",
    "hitsausta",
    "data",
    "asiakaspalvelu",
]


def _timed_setup(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "jatkumo", "setup", "--no-demo", "--no-progress"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def _search_latencies(rounds: int = 5) -> dict[str, float]:
    import django

    django.setup()
    from jatkumo.taxonomy.selectors import concept_search

    for query in QUERIES:  # warm caches (analyser, SQLite pages)
        list(concept_search(q=query, limit=20))
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            list(concept_search(q=query, limit=20))
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "searches": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "max_ms": round(times[-1], 1),
    }


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="jatkumo-bench-") as tmp:
        env = {
            **os.environ,
            "JATKUMO_DATA_DIR": tmp,
            "DJANGO_SETTINGS_MODULE": "jatkumo.config.settings.local",
        }
        env.pop("DATABASE_URL", None)
        first = _timed_setup(env)
        second = _timed_setup(env)
        os.environ.update({k: env[k] for k in ("JATKUMO_DATA_DIR", "DJANGO_SETTINGS_MODULE")})
        os.environ.pop("DATABASE_URL", None)
        search = _search_latencies()
        size_mb = Path(tmp, "jatkumo.sqlite3").stat().st_size / 1e6
    print(
        json.dumps(
            {
                "benchmark": "taxonomy",
                "setup_first_run_s": round(first, 1),
                "setup_second_run_s": round(second, 1),
                "sqlite_size_mb": round(size_mb, 1),
                "concept_search": search,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
