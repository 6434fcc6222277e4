"""The unmet-demand registry as CSV: one row per group, every grouping in one long table."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from jatkumo.broker.registry import UnmetSeries

COLUMNS = (
    "group_by",
    "key",
    "label",
    "unmet",
    "needs",
    "share",
    "from",
    "to",
    "source",
)


def unmet_csv_write(series: Iterable[UnmetSeries], stream: Any) -> int:
    """Write the series as CSV (header row first) to a text stream; returns the data rows."""
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    for one in series:
        start = one.start.isoformat() if one.start else ""
        end = one.end.isoformat() if one.end else ""
        for row in one.rows:
            writer.writerow(
                (
                    one.group_by,
                    row.key,
                    row.label,
                    row.unmet,
                    row.needs,
                    f"{row.share:.3f}",
                    start,
                    end,
                    one.source,
                )
            )
            count += 1
    return count
