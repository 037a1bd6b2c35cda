"""GB 11643-1999 citizen ID numbers (desktop.rules.idcard)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.idcard import (
    MANGLED_MESSAGE,
    birth_date_from_id,
    check_id_card,
    gender_from_id,
    id_check_digit,
    is_valid_id_card,
    looks_mangled_by_excel,
    mask_id_card,
    normalize_id_card,
)

TODAY = date(2026, 11, 24)
VALID = "110101199003074514"  # 北京东城, 1990-03-07, man
VALID_X = "11010119900307002X"  # check digit X, woman (sequence 002)


@pytest.mark.parametrize(
    "number",
    [
        VALID,
        VALID_X,
        "11010119900307002x",  # lowercase x accepted
        " 110101 19900307 4514 ",  # spaces removed
        "１１０１０１１９９００３０７４５１４",  # full-width digits from an input method
        "810000199001010019",  # Hong Kong residence permit (81)
    ],
)
def test_valid_numbers(number: str) -> None:
    assert check_id_card(number, TODAY) is None
    assert is_valid_id_card(number, TODAY)


def test_check_digit_iso_7064_mod_11_2() -> None:
    assert id_check_digit("11010119900307451") == "4"
    assert id_check_digit("11010119900307002") == "X"
    with pytest.raises(ValueError):
        id_check_digit("1234")


def test_wrong_check_digit_says_what_it_should_be() -> None:
    message = check_id_card("110101199003074513", TODAY)
    assert message is not None
    assert "校验位不对" in message and "第18位应为 4" in message and "核对" in message
    message = check_id_card("110101199003070021", TODAY)
    assert message is not None and "第18位应为 X" in message


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("11010119900307451", ("18位", "17位")),
        ("1101011990030745140", ("18位", "19位")),
        ("110101900307451", ("15位", "旧身份证号")),
        ("11010119900307451A", ("数字", "X")),
        ("11010119900307A514", ("数字",)),
        ("990101199003074514", ("省份代码", "99")),
        ("000101199003074514", ("省份代码",)),
        ("110000199003074514", ("地区代码",)),
        ("110101199002304514", ("出生日期", "19900230", "不是有效日期")),
        ("110101189912314514", ("出生日期", "1899-12-31")),
        ("110101202701014514", ("出生日期", "2027-01-01")),  # after TODAY
    ],
)
def test_problems_are_named(number: str, words: tuple[str, ...]) -> None:
    message = check_id_card(number, TODAY)
    assert message is not None
    for word in words:
        assert word in message, message
    assert message.endswith(("核对", "身份证）", "核对第7–14位")), message


def test_empty_is_not_a_problem_here() -> None:
    assert check_id_card("", TODAY) is None
    assert check_id_card("   ", TODAY) is None
    assert check_id_card(None, TODAY) is None
    assert not is_valid_id_card("", TODAY)
    assert not is_valid_id_card(None, TODAY)


@pytest.mark.parametrize(
    "value",
    [
        1.10101199003074e17,  # a float cell
        110101199003074000,  # a whole-number cell: Excel kept 15 significant digits
        "1.10101199003074E+17",  # what Excel shows, copied as text
        "1.10101199003074e+17",
        "110101199003074000",  # the last three digits became 000 (check digit then wrong)
        "110101199003074514.0",
    ],
)
def test_numbers_mangled_by_excel(value: str | int | float) -> None:
    assert looks_mangled_by_excel(value)
    message = check_id_card(value, TODAY)
    assert message == MANGLED_MESSAGE
    assert "文本" in message and "重新输入" in message


def test_real_number_ending_in_000_is_not_called_mangled() -> None:
    # Sequence 100 and check digit 0 exist: the check digit proves it was not mangled.
    bodies = (f"440306198512{day:02d}{s}00" for day in range(1, 29) for s in range(1, 10))
    body = next(b for b in bodies if id_check_digit(b) == "0")
    number = body + "0"
    assert number.endswith("000")
    assert not looks_mangled_by_excel(number)
    assert check_id_card(number, TODAY) is None


def test_small_numeric_cell_is_read_as_its_digits() -> None:
    assert not looks_mangled_by_excel(110101900307451)
    message = check_id_card(110101900307451, TODAY)
    assert message is not None and "15位" in message
    assert not looks_mangled_by_excel(True)
    assert check_id_card(True, TODAY) is not None


def test_normalize() -> None:
    assert normalize_id_card(" 11010119900307002x ") == VALID_X
    assert normalize_id_card("１１０１０１１９９００３０７００２ｘ") == VALID_X


def test_birth_date_and_gender() -> None:
    assert birth_date_from_id(VALID) == date(1990, 3, 7)
    assert gender_from_id(VALID) == "男"
    assert gender_from_id(VALID_X) == "女"
    assert birth_date_from_id("11010119900230451X") is None  # 30 February
    assert birth_date_from_id("123") is None
    assert gender_from_id("123") is None


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("110101199003074514", "110101********4514"),
        ("11010119900307002x", "110101********002X"),
        ("110101900307451", "110101*****7451"),
        ("12345678", "****5678"),
        ("123", "***"),
        ("", ""),
    ],
)
def test_mask(number: str, masked: str) -> None:
    assert mask_id_card(number) == masked


# Valid numbers: a province code, a real date in range, any sequence, the right check digit.
valid_bodies = st.builds(
    lambda prov, area, born, seq: f"{prov}{area:04d}{born:%Y%m%d}{seq:03d}",
    st.sampled_from(["11", "31", "33", "44", "51", "65"]),
    st.integers(101, 9999),
    st.dates(date(1900, 1, 1), TODAY),
    st.integers(0, 999),
)


@given(valid_bodies)
def test_generated_numbers_are_valid_and_read_back(body: str) -> None:
    number = body + id_check_digit(body)
    assert check_id_card(number, TODAY) is None
    assert birth_date_from_id(number) == date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    assert gender_from_id(number) == ("男" if int(body[16]) % 2 else "女")
    assert mask_id_card(number) == number[:6] + "********" + number[-4:]


@given(valid_bodies, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_typo_is_caught(body: str, position: int, shift: int) -> None:
    number = body + id_check_digit(body)
    typo = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert check_id_card(typo, TODAY) is not None


@given(valid_bodies, st.integers(0, 15))
def test_swapped_neighbours_are_caught(body: str, position: int) -> None:
    number = body + id_check_digit(body)
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    assert check_id_card(swapped, TODAY) is not None
