"""Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.

The check digit is computed with weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0, remainder 1
is never issued, otherwise the digit is 11 − remainder. Old six-digit IDs are written with a
leading zero.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_PATTERN = re.compile(r"^(\d{6,7})-(\d)$")


def business_id_check_digit(digits: str) -> int | None:
    """The check digit for seven digits, or None when no valid ID can have them."""
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise_business_id(value: str) -> str:
    """`123456-7` → `0123456-7`; surrounding spaces removed. Does not validate."""
    value = value.strip()
    match = _PATTERN.match(value)
    if match and len(match.group(1)) == 6:
        return f"0{value}"
    return value


def validate_business_id(value: str) -> None:
    match = _PATTERN.match(value.strip())
    if not match:
        raise ValidationError(_("A business ID (Y-tunnus) has the form 1234567-8."), code="format")
    digits = match.group(1).zfill(7)
    expected = business_id_check_digit(digits)
    if expected is None or expected != int(match.group(2)):
        raise ValidationError(
            _("The check digit of business ID %(value)s is wrong."),
            code="check_digit",
            params={"value": value},
        )
