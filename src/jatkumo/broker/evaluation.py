"""`jatkumo eval matching DIR`: matching accuracy on a fresh temporary database.

`matching_evaluate_isolated` creates a temporary directory with an empty SQLite file and runs
`jatkumo eval matching DIR --in-place` in a subprocess whose `DATABASE_URL` and
`JATKUMO_DATA_DIR` point there, so the evaluation never sees (or touches) the working database.
The subprocess (`matching_evaluate`) migrates, loads the bundled taxonomy, imports
`DIR/offerings.jsonl` (providers created, every offering published and tagged by the concept
engine), matches every need of `DIR/needs.jsonl` and scores the results against
`DIR/qrels.jsonl` and `DIR/needs_meta.jsonl` (`intel.match_metrics`).

Loading the taxonomy takes about half a minute, so the database as it is after the taxonomy
load is kept as a template in `<JATKUMO_DATA_DIR>/cache/` (keyed by the migrations and the
bundled data files) together with the concept-index cache; later runs copy it instead.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections

from jatkumo.intel.match_metrics import NeedGold, NeedRun, matching_metrics, threshold_calibrate

TEMPLATE_NAME = "eval-template-{signature}.sqlite3"
_INDEX_CACHES = ("lexicon-v*.pickle", "skill-embeddings-v*")
_CACHE_ENV = "JATKUMO_EVAL_CACHE"


def _template_signature() -> str:
    """Changes when a migration or a bundled data file changes (names, sizes, mtimes)."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("*/migrations/*.py"))
    files += sorted(p for p in Path(settings.BUNDLED_DATA_DIR).rglob("*") if p.is_file())
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}\n".encode())
    return digest.hexdigest()[:16]


def _copy_caches(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for pattern in _INDEX_CACHES:
        for path in source.glob(pattern):
            if not (target / path.name).exists():
                shutil.copy2(path, target / path.name)


def matching_evaluate_isolated(*, directory: Path, method: str = "hybrid") -> dict[str, Any]:
    """Run `matching_evaluate` in a subprocess on a new temporary database → its report."""
    cache = Path(settings.DATA_DIR) / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jatkumo-eval-") as temporary:
        root = Path(temporary)
        template = cache / TEMPLATE_NAME.format(signature=_template_signature())
        if template.is_file():
            shutil.copy2(template, root / "eval.sqlite3")
        _copy_caches(cache, root / "cache")
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{root / 'eval.sqlite3'}",
            "JATKUMO_DATA_DIR": str(root),
            _CACHE_ENV: str(cache),
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "jatkumo.config.settings.local"
            ),
        }
        command = [sys.executable, "-m", "jatkumo", "eval", "matching", str(directory)]
        command += ["--method", method, "--in-place"]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        _copy_caches(root / "cache", cache)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or "the evaluation subprocess failed")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _template_save() -> None:
    """Keep the database (migrated, taxonomy loaded) for the next run."""
    cache_dir = os.environ.get(_CACHE_ENV)
    if not cache_dir:
        return
    database = Path(str(settings.DATABASES["default"]["NAME"]))
    connections.close_all()
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = Path(cache_dir) / TEMPLATE_NAME.format(signature=_template_signature())
    for old in target.parent.glob(TEMPLATE_NAME.format(signature="*")):
        old.unlink(missing_ok=True)
    partial = target.with_suffix(".partial")
    shutil.copy2(database, partial)
    partial.replace(target)


def evaluation_database_prepare(*, directory: Path) -> dict[str, float]:
    """Migrate, load the taxonomy (unless the template had it), import and tag the offerings."""
    from jatkumo.catalogue.services import offerings_import
    from jatkumo.taxonomy.bundled import taxonomy_load_bundled
    from jatkumo.taxonomy.models import Concept

    timings: dict[str, float] = {}
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    if not Concept.objects.exists():
        taxonomy_load_bundled(
            data_dir=settings.BUNDLED_DATA_DIR, progress=False, stdout=io.StringIO()
        )
        _template_save()
    timings["database_seconds"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    offerings_import(path=directory / "offerings.jsonl", publish=True, create_providers=True)
    timings["import_and_tag_seconds"] = round(time.perf_counter() - started, 2)
    return timings


def _gold(directory: Path) -> dict[str, NeedGold]:
    grades: dict[str, dict[tuple[str, str], int]] = {}
    for line in (directory / "qrels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            grades.setdefault(q["need_id"], {})[(q["provider"], q["offering_id"])] = q["grade"]
    gold = {}
    for line in (directory / "needs_meta.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            gold[m["need_id"]] = NeedGold(
                m["need_id"],
                grades.get(m["need_id"], {}),
                bool(m["unmet"]),
                bool(m["needs_package"]),
            )
    return gold


def matching_evaluate(*, directory: Path, method: str = "hybrid") -> dict[str, Any]:
    """On the current (fresh) database: prepare it, match every need, score → report."""
    from jatkumo.broker.management.commands.match import need_match_record
    from jatkumo.broker.needs_input import needs_read

    needs = needs_read(directory / "needs.jsonl")
    gold = _gold(directory)
    report: dict[str, Any] = {"directory": str(directory), "method": method}
    report.update(evaluation_database_prepare(directory=directory))
    started = time.perf_counter()
    runs, confidences = [], []
    for record in needs:
        result = need_match_record(record, top=10, method=method)
        runs.append(
            NeedRun(
                record["id"],
                tuple((r.provider, r.offering_id) for r in result.results),
                result.unmet,
                tuple(
                    tuple(zip(p.providers, p.offering_ids, strict=True)) for p in result.packages
                ),
            )
        )
        confidences.append((result.confidence, gold[record["id"]].unmet))
    report["match_seconds"] = round(time.perf_counter() - started, 2)
    report["metrics"] = matching_metrics(runs, gold)
    report["calibration"] = threshold_calibrate(confidences)
    report["notes"] = (
        "nDCG@10 and recall@10 (grade >= 2 relevant) are averaged over the needs that are not "
        "gold-unmet; unmet needs are scored by unmet precision/recall/F1 only."
    )
    return report
