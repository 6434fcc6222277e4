"""JSON Lines reader: a UTF-8 file with one JSON object per line → (line number, record).

Blank lines are skipped (they keep their number, so later errors point at the right line).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from jatkumo.core.errors import RowError


def jsonl_records(lines: Iterable[str], *, source: str = "") -> Iterator[tuple[int, Any]]:
    """Decoded records by line number; a line that is not JSON gives a `RowError` instead."""
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            yield number, json.loads(text)
        except json.JSONDecodeError as exc:
            message = _("Not valid JSON: %(reason)s (column %(column)d).") % {
                "reason": exc.msg,
                "column": exc.colno,
            }
            yield number, RowError(message, source=source, line=number)
