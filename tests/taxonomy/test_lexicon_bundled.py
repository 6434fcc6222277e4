"""The bundled company-language lexicon (`data/lexicon/`): format and size, without a database."""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from pathlib import Path

from jatkumo.core.errors import RowError
from jatkumo.taxonomy.importers.lexicon import lexicon_entries_read

DATA = Path(__file__).resolve().parents[2] / "data"


def _esco_uris() -> set[str]:
    uris: set[str] = set()
    for name in ("occupations_en.csv.gz", "skills_en.csv.gz"):
        with gzip.open(DATA / "esco" / name, "rt", encoding="utf-8", newline="") as handle:
            uris.update(row["conceptUri"] for row in csv.DictReader(handle))
    return uris


def test_bundled_lexicon__is_well_formed__maps_to_bundled_esco__and_is_large_enough() -> None:
    paths = sorted((DATA / "lexicon").glob("*.tsv"))
    errors: list[RowError] = []

    entries = lexicon_entries_read(paths=paths, errors=errors)

    assert errors == []
    assert len(paths) >= 10  # one file per main Pirkanmaa sector
    known = _esco_uris()
    unknown = [(e.source, e.line) for e in entries if e.uri not in known]
    assert unknown == []
    assert [(e.source, e.line) for e in entries if not e.note] == []
    keys = Counter((e.term.casefold(), e.language, e.uri) for e in entries)
    assert [key for key, n in keys.items() if n > 1] == []
    per_language = Counter(e.language for e in entries)
    assert per_language["fi"] >= 1500
    assert per_language["sv"] >= 200
