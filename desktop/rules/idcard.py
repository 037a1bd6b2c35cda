"""Citizen ID numbers (公民身份号码, GB 11643-1999): check, read, mask.

An 18-character number: a 6-digit region code, the 8-digit birth date (YYYYMMDD), a 3-digit
sequence code whose last digit is odd for men and even for women, and a check digit computed
with ISO 7064 MOD 11-2 (0-9 or X).  Hong Kong, Macao and Taiwan residence permits (81, 82, 83)
use the same layout and are accepted.

Every problem is reported as one Chinese sentence that says what is wrong and what to do.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# ISO 7064 MOD 11-2 weights (2**(17 - i) mod 11) and the check character for sum mod 11.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# First two digits: provinces (GB/T 2260), 71 Taiwan, 81 Hong Kong, 82 Macao, 83 residence
# permits of Taiwan residents.
PROVINCE_CODES = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    }
)  # fmt: skip

MANGLED_MESSAGE = (
    "身份证号被 Excel 当成数字保存，后几位已经变成 0 或科学计数法（如 1.10101199003074E+17），"
    "无法还原：请把这一列的单元格格式设为“文本”，再重新输入身份证号"
)

_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?E\+?\d+$")
_FLOAT_TEXT = re.compile(r"^\d+\.0+$")
_EARLIEST_BIRTH = date(1900, 1, 1)


def normalize_id_card(text: str) -> str:
    """Full-width to half-width, spaces removed, a lowercase x made uppercase."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def id_check_digit(first17: str) -> str:
    """The check character (0-9 or X) for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("id_check_digit needs exactly 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def looks_mangled_by_excel(value: str | int | float) -> bool:
    """Whether an ID number was stored as a number by Excel and lost its last digits.

    A number cell (int or float) of 16+ digits, text in scientific notation
    ("1.10101199003074E+17"), text of a float ("110101199003074000.0"), or 18 digits ending
    in 000 whose check digit is wrong.
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return abs(value) >= 1e15
    text = normalize_id_card(value)
    if _SCIENTIFIC.match(text) or _FLOAT_TEXT.match(text):
        return True
    return (
        len(text) == 18
        and text.isascii()
        and text.isdigit()
        and text.endswith("000")
        and id_check_digit(text[:17]) != text[17]
    )


def check_id_card(value: str | int | float | None, today: date | None = None) -> str | None:
    """The problem with an ID number as one Chinese sentence, or None when it is valid.

    An empty value is not a problem here (the field is optional); whether it is required is
    the caller's decision.  `value` may be a number when it comes from a spreadsheet cell.
    """
    if value is None:
        return None
    if looks_mangled_by_excel(value):
        return MANGLED_MESSAGE
    if isinstance(value, bool):
        return "身份证号应为18位数字（最后一位可以是 X），请核对"
    if isinstance(value, int | float):
        value = str(int(value)) if float(value).is_integer() else str(value)
    number = normalize_id_card(value)
    if not number:
        return None
    if len(number) == 15 and number.isascii() and number.isdigit():
        return "这是15位的旧身份证号，请改填18位的身份证号（见现在使用的身份证）"
    if len(number) != 18:
        return f"身份证号应为18位，现在是{len(number)}位，请核对"
    body, last = number[:17], number[17]
    if not (body.isascii() and body.isdigit()) or last not in "0123456789X":
        return "身份证号只能由数字组成，最后一位可以是 X，请核对"
    if number[:2] not in PROVINCE_CODES:
        return f"身份证号前两位“{number[:2]}”不是有效的省份代码，请核对"
    if number[2:6] == "0000" and number[:2] not in ("81", "82", "83"):
        return f"身份证号前六位“{number[:6]}”不是有效的地区代码，请核对"
    born = _birth_date(number)
    if born is None:
        return f"身份证号第7–14位的出生日期“{number[6:14]}”不是有效日期，请核对"
    if born < _EARLIEST_BIRTH or born > (today or date.today()):
        return f"身份证号中的出生日期 {born.isoformat()} 不合理，请核对第7–14位"
    expected = id_check_digit(body)
    if last != expected:
        return f"身份证号校验位不对（按前17位算，第18位应为 {expected}），请对照身份证逐位核对"
    return None


def is_valid_id_card(value: str | int | float | None, today: date | None = None) -> bool:
    """True for a non-empty, valid 18-character ID number."""
    if value is None or (isinstance(value, str) and not normalize_id_card(value)):
        return False
    return check_id_card(value, today) is None


def birth_date_from_id(number: str) -> date | None:
    """The birth date in an 18-character ID number, or None if it has none."""
    text = normalize_id_card(number)
    if len(text) != 18 or not text[:14].isascii() or not text[:14].isdigit():
        return None
    return _birth_date(text)


def gender_from_id(number: str) -> str | None:
    """ "男" or "女" from the 17th character (odd: man), or None if it cannot be read."""
    text = normalize_id_card(number)
    if len(text) != 18 or not text[16].isascii() or not text[16].isdigit():
        return None
    return "男" if int(text[16]) % 2 else "女"


def mask_id_card(number: str) -> str:
    """Hide the middle of an ID number for display: "110101********4514".

    Keeps the first 6 and last 4 characters of anything longer than 10 characters; shorter
    text (not a real ID number) keeps only its last 4 characters visible, if that much.
    """
    text = normalize_id_card(number)
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) > 4:
        return "*" * (len(text) - 4) + text[-4:]
    return "*" * len(text)
