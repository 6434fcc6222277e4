"""Demo content: the offerings of the Pirkanmaa providers, from `<data_dir>/demo/offerings.jsonl`.

Loaded through the importer like any offering file, and published. Idempotent: a second run finds
every line unchanged and writes nothing. Needs the demo organisations (their names are the
providers' names in the file) and the taxonomy (municipality and industry codes) loaded first.
"""

from __future__ import annotations

from pathlib import Path

from jatkumo.catalogue.services import offerings_import

DEMO_FILE = Path("demo") / "offerings.jsonl"


def offerings_load_demo(*, data_dir: Path) -> dict[str, int]:
    """Import and publish the demo offerings; returns created / updated / unchanged / rejected."""
    result = offerings_import(path=data_dir / DEMO_FILE, publish=True, source=str(DEMO_FILE))
    return result.counts
