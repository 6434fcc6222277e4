"""Fail if the committed openapi.yaml differs from the schema the code generates, or is invalid.

Run from the repository root: `python scripts/check_openapi.py`. Fix with `make schema`.
"""

from __future__ import annotations

import difflib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "openapi.yaml"
SHOWN_DIFF_LINES = 40


def generate() -> tuple[str, str]:
    """The schema as `make schema` writes it, and the warnings drf-spectacular printed."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "jatkumo.config.settings.test"
    sys.path.insert(0, str(ROOT / "src"))
    import io

    import django
    from django.core.management import call_command

    django.setup()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "openapi.yaml"
        stderr = io.StringIO()
        # --validate checks the result against the OpenAPI 3 JSON schema and raises if invalid;
        # --fail-on-warn turns every drf-spectacular warning into a failure.
        call_command(
            "spectacular", "--file", str(target), "--validate", "--fail-on-warn", stderr=stderr
        )
        return target.read_text(encoding="utf-8"), stderr.getvalue()


def main() -> int:
    try:
        generated, warnings = generate()
    except Exception as error:  # the command raises on warnings and on an invalid schema
        print(f"OpenAPI schema could not be generated cleanly: {error}", file=sys.stderr)
        return 1
    if warnings.strip():
        print(warnings, file=sys.stderr)
    committed = COMMITTED.read_text(encoding="utf-8") if COMMITTED.exists() else ""
    if generated == committed:
        print("openapi.yaml is up to date and valid.")
        return 0
    diff = list(
        difflib.unified_diff(
            committed.splitlines(),
            generated.splitlines(),
            "openapi.yaml (committed)",
            "openapi.yaml (generated)",
            lineterm="",
        )
    )
    print("\n".join(diff[:SHOWN_DIFF_LINES]), file=sys.stderr)
    if len(diff) > SHOWN_DIFF_LINES:
        print(f"... {len(diff) - SHOWN_DIFF_LINES} more diff lines", file=sys.stderr)
    print("openapi.yaml is out of date: run `make schema` and commit it.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
