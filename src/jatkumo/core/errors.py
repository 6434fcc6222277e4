"""The one application error type, and the row-level errors that importers and forms report.

Services raise `ApplicationError` (or a subclass); the API turns it into one JSON shape
(`jatkumo.core.api_errors`), the CLI prints it, and pages show it next to the form.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowError:
    """One problem in an input file or form: where it is and why it is wrong."""

    message: str
    source: str = ""
    line: int | None = None
    field: str = ""

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        if self.field:
            where = f"{where}: {self.field}" if where else self.field
        return f"{where}: {self.message}" if where else self.message

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ApplicationError(Exception):
    """A failure the user can act on. `code` is stable and machine-readable."""

    message: str
    code: str = "error"
    status: int = 400
    details: list[RowError] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ValidationFailed(ApplicationError):
    """Input was rejected; `details` lists every problem found. Nothing was written."""

    def __init__(self, message: str, details: list[RowError]) -> None:
        super().__init__(message=message, code="validation_failed", status=400, details=details)

    def report(self, limit: int = 50) -> str:
        lines = [self.message]
        lines += [f"  {error}" for error in self.details[:limit]]
        if len(self.details) > limit:
            lines.append(f"  ... and {len(self.details) - limit} more")
        return "\n".join(lines)


class NotFound(ApplicationError):
    def __init__(self, message: str) -> None:
        super().__init__(message=message, code="not_found", status=404)
