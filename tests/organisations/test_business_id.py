import pytest
from django.core.exceptions import ValidationError

from jatkumo.organisations.business_id import (
    business_id_check_digit,
    normalise_business_id,
    validate_business_id,
)


def test_business_id__accepts_tamk_id_with_correct_check_digit():
    validate_business_id("1015428-1")


def test_business_id__rejects_wrong_check_digit():
    with pytest.raises(ValidationError) as excinfo:
        validate_business_id("1015428-2")
    assert excinfo.value.code == "check_digit"


@pytest.mark.parametrize("value", ["1015428", "1015428-", "10154281", "1O15428-1", "12345678-9"])
def test_business_id__rejects_malformed_values(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_business_id(value)
    assert excinfo.value.code == "format"


def test_business_id__check_digit_is_zero_when_remainder_is_zero():
    # 0000000 weighs to 0, remainder 0 → check digit 0.
    assert business_id_check_digit("0000000") == 0
    validate_business_id("0000000-0")


def test_business_id__digits_with_remainder_one_are_never_valid():
    # The first seven digits whose weighted sum leaves remainder 1.
    digits = next(
        f"{n:07d}"
        for n in range(10_000_000)
        if sum(int(d) * w for d, w in zip(f"{n:07d}", (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
        == 1
    )
    assert business_id_check_digit(digits) is None
    for check in range(10):
        with pytest.raises(ValidationError):
            validate_business_id(f"{digits}-{check}")


def test_business_id__six_digit_id_gets_leading_zero():
    assert normalise_business_id(" 123456-7 ") == "0123456-7"
    assert normalise_business_id("1015428-1") == "1015428-1"
