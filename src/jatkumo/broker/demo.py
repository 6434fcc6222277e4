"""Demo content: company needs (`<data_dir>/demo/needs.jsonl`) with their cases, routed.

Loaded through the needs importer with routing, like `jatkumo import needs --submit`, so the
demo has cases in the providers' inboxes and entries in the unmet-demand registry. Idempotent: a
second run finds every line unchanged. The notification emails of the demo are not printed
(the local email backend writes to the console).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from jatkumo.broker.importers import needs_import

DEMO_FILE = Path("demo") / "needs.jsonl"


def needs_load_demo(*, data_dir: Path) -> dict[str, int]:
    """Import, match and route the demo needs; returns the import counts plus unmet and routed."""
    with contextlib.redirect_stdout(io.StringIO()):
        result = needs_import(path=data_dir / DEMO_FILE, submit=True)
    return {**result.counts, "unmet": result.unmet, "routed": result.routed}
