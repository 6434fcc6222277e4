"""Reading CSV and TSV input: plain or gzip files, records with the physical line they start on.

ESCO CSVs have quoted fields that span several lines (alternative labels are newline-separated),
so the line number of a record is the line on which it *starts*, not the record's index.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from jatkumo.core.errors import RowError

csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Record:
    """One CSV record: where it starts and its values by column name."""

    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()


def open_text(path: Path) -> IO[str]:
    """Open `path` for reading text, decompressing `.gz` files; a UTF-8 BOM is dropped."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def read_records(
    path: Path, *, required: Iterable[str], errors: list[RowError], delimiter: str = ","
) -> Iterator[Record]:
    """Yield the records of a CSV file with a header row.

    A missing required column is reported once (and nothing is yielded); a record with the wrong
    number of fields is reported with its starting line and skipped.
    """
    with open_text(path) as handle:
        reader = csv.reader(handle, delimiter=delimiter, strict=False)
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            errors.append(RowError("the file is empty", source=path.name, line=1))
            return
        missing = [name for name in required if name not in header]
        for name in missing:
            errors.append(
                RowError("required column is missing", source=path.name, line=1, field=name)
            )
        if missing:
            return
        next_line = reader.line_num + 1
        for row in reader:
            start, next_line = next_line, reader.line_num + 1
            if not row:
                continue
            if len(row) != len(header):
                errors.append(
                    RowError(
                        f"expected {len(header)} fields, found {len(row)}",
                        source=path.name,
                        line=start,
                    )
                )
                continue
            yield Record(line=start, values=dict(zip(header, row, strict=True)))


def files_checksum(paths: Iterable[Path]) -> str:
    """SHA-256 over the names and bytes of `paths`, to tell whether bundled input changed."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
