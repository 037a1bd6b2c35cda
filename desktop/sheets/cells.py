"""Turning one cell into a typed value (reading) and a typed value into a cell (writing).

No openpyxl import here: the reader hands over the cell's raw value, its number format and its
openpyxl data type; the writer gets back a value and a number format to put in the cell.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.sheets.columns import Column, Kind

CENT = Decimal("0.01")
# A float read from a cell is accepted as exact to 0.01 if it is this close to a whole cent
# (binary floats written by formulas carry tiny artefacts like 0.30000000000000004).
_FLOAT_SLACK = Decimal("1e-9")
# Excel keeps 15 significant digits; a number this large has lost digits.
_EXACT_LIMIT = 10**15

TEXT_HINT = "请把这一列设为“文本”格式后重新输入"


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; `message` is Chinese, fit to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- small text helpers ---------------------------------------------------------------------

_EXTRA_SPACE = "\u200b\u200c\u200d\ufeff"
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_ANY_SPACE = re.compile(rf"[\s{_EXTRA_SPACE}]+")


def clean_text(text: str) -> str:
    """Trim ordinary, full-width (U+3000), non-breaking and zero-width spaces from both ends."""
    return text.strip().strip(_EXTRA_SPACE).strip()


def squeeze_name(text: str) -> str:
    """Drop spaces between Chinese characters ("张　三" → "张三"), keep others ("John Smith")."""
    return _CJK_GAP.sub("", text)


def narrow(text: str) -> str:
    """Full-width digits/letters/punctuation to ASCII (NFKC), all spaces removed."""
    return _ANY_SPACE.sub("", unicodedata.normalize("NFKC", text))


_HEADER_NOTE = re.compile(r"[(（](必填|选填|可选|非必填)[)）]$")


def clean_header(text: object) -> str:
    """A header as matched against column names: no spaces anywhere, no trailing "*" or
    "（必填）"-style note: "姓 名*" and "姓名（必填）" both read as "姓名"."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    s = _ANY_SPACE.sub("", str(text))
    s = _HEADER_NOTE.sub("", s)
    return s.rstrip("*＊")


def display_width(text: str) -> int:
    """Width in monospace cells: East-Asian wide characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _number_text(value: float | int | Decimal) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < _EXACT_LIMIT else repr(value)
    return str(value)


def _as_text(value: Any) -> str:
    """Any cell value as the text a person sees (for text kinds and for messages)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | Decimal):
        return _number_text(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


# --- reading -----------------------------------------------------------------------------------


def read_cell(
    column: Column, value: Any, number_format: str = "General", data_type: str = ""
) -> Any:
    """The typed value of one cell for `column`, or None when the cell is empty.

    Raises `CellError` with a Chinese message when the cell cannot be read.
    """
    if value is None:
        return None
    if data_type == "e":
        raise CellError(f"单元格是公式错误 {value}，请改正后再导入")
    if column.kind is Kind.VERBATIM:
        return _read_verbatim(column, value, number_format)
    if isinstance(value, str):
        value = clean_text(value)
        if not value:
            return None
    if isinstance(value, dt.timedelta):
        raise CellError(f"应为{column.kind.label}，实为时长 {value}")
    return _READERS[column.kind](column, value, number_format)


def _read_text(column: Column, value: Any, number_format: str) -> str | None:
    return clean_text(_as_text(value)) or None


def _read_name(column: Column, value: Any, number_format: str) -> str | None:
    text = _read_text(column, value, number_format)
    return squeeze_name(text) if text else None


def _whole_number_text(value: int | float, number_format: str) -> str:
    """The text a whole number shows as: 7 with format "000" shows "007"."""
    if isinstance(value, float):
        if abs(value) >= _EXACT_LIMIT:
            raise CellError(f"被存成了数字，位数太长，后几位可能已经丢失；{TEXT_HINT}")
        if not value.is_integer():
            raise CellError(f"被存成了带小数的数字 {value!r}；{TEXT_HINT}")
        value = int(value)
    text = str(value)
    fmt = number_format.strip()
    if fmt and set(fmt) == {"0"} and value >= 0:
        text = text.zfill(len(fmt))
    return text


def _read_code(column: Column, value: Any, number_format: str) -> str | None:
    if isinstance(value, bool):
        raise CellError(f"应为{column.kind.label}，实为“{_as_text(value)}”")
    if isinstance(value, int | float):
        return _whole_number_text(value, number_format)
    return narrow(_as_text(value)) or None


def _read_member(column: Column, value: Any, number_format: str) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _whole_number_text(value, number_format)
    text = clean_text(_as_text(value))
    wide = unicodedata.normalize("NFKC", text)
    if wide.isascii() and not _ANY_SPACE.search(wide):
        return wide or None  # a member code, possibly typed in full-width digits
    return squeeze_name(text) or None


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+\d+$", re.IGNORECASE)
_ID_SHAPE = re.compile(r"^\d{17}[\dX]$")
_OLD_ID = re.compile(r"^\d{15}$")


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_checks(text: str) -> bool:
    """Whether an 18-digit number's last digit is its check digit (ISO 7064 MOD 11-2; the
    rules' idcard module has the full check — sheets/ does not import the rules)."""
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == text[17]


def _intact_id_number(value: Any) -> str | None:
    """The ID a number cell still holds whole, or None. A roster written by a program (not
    typed into Excel, which keeps 15 digits and turns the rest into 000) can hold all 18
    digits in a number cell: intact when the check digit agrees and the tail is not 000."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not (value.is_integer() and 1e17 <= value < 1e18):
        return None
    text = str(int(value))
    if len(text) != 18 or text.endswith("000") or not _id_checks(text):
        return None
    return text


def _read_idcard(column: Column, value: Any, number_format: str) -> str | None:
    intact = _intact_id_number(value)
    if intact:
        return intact
    shown = narrow(_as_text(value)).strip().removesuffix(".0")
    if _OLD_ID.match(shown):
        # A first-generation card's number (15 digits, no century, no check digit): the
        # member's card today has 18; rules.idcard says the same in the member dialog.
        raise CellError(
            f"“{shown}”是15位的旧身份证号，请改填18位的身份证号（见本人现在使用的身份证）"
        )
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        shown = f"{value:.14E}" if isinstance(value, float) else value
        raise CellError(
            f"身份证号被存成了数字（{shown}），后几位已经丢失，无法还原；"
            f"{TEXT_HINT}（按身份证逐位输入）"
        )
    text = narrow(_as_text(value)).upper()
    if not text:
        return None
    if _SCIENTIFIC.match(text):
        raise CellError(f"身份证号被存成了数字（{text}），后几位已经丢失；{TEXT_HINT}")
    if not _ID_SHAPE.match(text):
        raise CellError(f"身份证号应为 18 位（数字，最后一位可以是 X），实为“{text}”")
    return text


def _read_choice(column: Column, value: Any, number_format: str) -> str | None:
    text = _ANY_SPACE.sub("", _as_text(value))
    if not text:
        return None
    text = dict(column.aliases).get(text, text)
    if text not in column.choices:
        raise CellError(f"应为 {'/'.join(column.choices)} 之一，实为“{text}”")
    return text


_TIME_TAIL = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DATE_PATTERNS = (
    re.compile(rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME_TAIL}$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MONTH_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)
MIN_YEAR, MAX_YEAR = 1900, 2100


def _no_such_day(year: int, month: int, day: int) -> str:
    """Which part of a well-shaped date does not exist. (sheets/ does not import rules/, so
    this mirrors desktop.rules.dates.day_problem.)"""
    if year < 1:
        return f"年份“{year}”不对"
    if not 1 <= month <= 12:
        return f"没有{month}月，月份应为 1 到 12"
    return f"{year}年{month}月只有{calendar.monthrange(year, month)[1]}天，没有{day}日"


def _make_date(text: str, y: str, m: str, d: str) -> dt.date:
    try:
        day = dt.date(int(y), int(m), int(d))
    except ValueError:
        # Say which part is wrong, the month or the day: the shape was right.
        raise CellError(f"日期不存在：{text}（{_no_such_day(int(y), int(m), int(d))}）") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CellError(f"日期超出范围（{MIN_YEAR}—{MAX_YEAR} 年）：{text}")
    return day


def _parse_date_text(text: str) -> dt.date | None:
    """A date written as text, or None when the text has no date shape."""
    ascii_text = unicodedata.normalize("NFKC", text).strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.match(ascii_text)
        if m:
            return _make_date(text, *m.groups())
    return None


def _read_date(column: Column, value: Any, number_format: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return _make_date(_as_text(value), str(value.year), str(value.month), str(value.day))
    if isinstance(value, dt.date):
        return _make_date(value.isoformat(), str(value.year), str(value.month), str(value.day))
    if isinstance(value, int) and not isinstance(value, bool) and 19000101 <= value <= 21001231:
        return _parse_date_text(str(value))
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise CellError(
            f"日期被存成了数字 {_number_text(value)}；请填写 YYYY-MM-DD（如 2026-03-15）"
            "或把单元格设为日期格式"
        )
    if not isinstance(value, str):
        raise CellError(f"不是日期：{_as_text(value)}（应为 YYYY-MM-DD，如 2026-03-15）")
    day = _parse_date_text(value)
    if day is None:
        raise CellError(f"日期格式不对：{value}（应为 YYYY-MM-DD，如 2026-03-15）")
    return day


_DAY_PART = re.compile(r"[dD]")


def _read_day_or_month(column: Column, value: Any, number_format: str) -> dt.date | str | None:
    """A whole date, or "YYYY-MM" when only the year and month are written (1975.07, 1975-07,
    1975/7, 1975年7月, 197507, or a date cell formatted without its day)."""
    if isinstance(value, dt.date):
        day = _read_date(column, value, number_format)
        fmt = _QUOTED.sub("", number_format or "")
        if day is not None and fmt not in ("", "General") and not _DAY_PART.search(fmt):
            return f"{day.year:04d}-{day.month:02d}"  # shown as 1975.07: the day is not known
        return day
    if isinstance(value, int) and not isinstance(value, bool) and 190001 <= value <= 210012:
        return _read_month(column, value, number_format)
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        return _number_month(value, number_format)
    if isinstance(value, str):
        ascii_text = unicodedata.normalize("NFKC", value).strip()
        if _parse_date_text(value) is None:
            for pattern in _MONTH_PATTERNS:
                m = pattern.match(ascii_text)
                if m:
                    return _make_month(value, *m.groups())
            raise CellError(
                f"日期格式不对：{value}（应为 YYYY-MM-DD，如 1975-07-15；只知道年月的写 1975-07）"
            )
    return _read_date(column, value, number_format)


_QUOTED = re.compile(r'"[^"]*"|\\.')


def _number_month(value: float | Decimal, number_format: str) -> str:
    """A year and month typed as a number (1975.07). 1975.1 is refused: typed as 1975.10 it
    is October, as 1975.1 January, and the cell no longer says which."""
    shown = f"{value:.2f}" if re.search(r"0\.00(?!0)", number_format or "") else repr(value)
    if isinstance(value, Decimal):
        shown = str(value)
    m = re.fullmatch(r"(\d{4})\.(\d{1,2})", shown)
    if not m:
        raise CellError(
            f"日期被存成了数字 {_number_text(value)}；请填写 YYYY-MM-DD（如 1975-07-15），"
            "只知道年月的写 1975-07"
        )
    year, month = m.groups()
    if month == "1":
        raise CellError(
            f"“{shown}”被存成了数字，分不清是 1 月还是 10 月；请写成 {year}-01 或 {year}-10"
            f"（或把这一列设为“文本”格式后重新输入）"
        )
    return _make_month(shown, year, month)


def _make_month(text: str, y: str, m: str) -> str:
    if not 1 <= int(m) <= 12:
        # The shape was right: say that the month itself does not exist.
        raise CellError(f"月份不存在：{text}（没有{int(m)}月，月份应为 1 到 12）")
    if not MIN_YEAR <= int(y) <= MAX_YEAR:
        raise CellError(f"月份超出范围（{MIN_YEAR}—{MAX_YEAR} 年）：{text}")
    return f"{int(y):04d}-{int(m):02d}"


def _read_month(column: Column, value: Any, number_format: str) -> str | None:
    if isinstance(value, dt.date):
        return _make_month(_as_text(value), str(value.year), str(value.month))
    if isinstance(value, int) and not isinstance(value, bool) and 190001 <= value <= 210012:
        text = str(value)
        return _make_month(text, text[:4], text[4:])
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise CellError(
            f"月份被存成了数字 {_number_text(value)}，分不清是几月；请填写 YYYY-MM（如 2026-03）"
        )
    text = _as_text(value)
    ascii_text = unicodedata.normalize("NFKC", text).strip()
    for pattern in _MONTH_PATTERNS:
        m = pattern.match(ascii_text)
        if m:
            return _make_month(text, *m.groups())
    day = _parse_date_text(text)  # a whole date in a month column: take its month
    if day is not None:
        return f"{day.year:04d}-{day.month:02d}"
    raise CellError(f"月份格式不对：{text}（应为 YYYY-MM，如 2026-03）")


#: What rosters write for yes and no besides 是/否 (a tick, a cross); an empty cell is no.
_YES_MARKS = frozenset({"是", "√", "✓", "✔", "☑"})
_NO_MARKS = frozenset({"否", "×", "✗", "✘", "☐"})


def _read_yesno(column: Column, value: Any, number_format: str) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _ANY_SPACE.sub("", _as_text(value))
    if text in _YES_MARKS:
        return True
    if text in _NO_MARKS:
        return False
    raise CellError(f"应填“是”或“否”（也可打“√”，不是就空着），实为“{text}”")


_THOUSANDS = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])")
_NUMBER_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def _decimal_of(value: Any, what: str) -> tuple[Decimal, str]:
    """(exact decimal, text shown in messages) for a numeric or textual cell."""
    if isinstance(value, bool):
        raise CellError(f"不是{what}：{_as_text(value)}")
    if isinstance(value, float):
        return Decimal(repr(value)), _number_text(value)
    if isinstance(value, int | Decimal):
        return Decimal(value), str(value)
    if not isinstance(value, str):
        raise CellError(f"不是{what}：{_as_text(value)}")
    text = value
    digits = narrow(text)
    if "," in digits:  # thousands separators only in groups of three: "1,200.50", not "12,5"
        digits = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), digits)
    if what == "金额":
        digits = digits.removeprefix("¥").removesuffix("元")
        if digits.startswith("-¥"):
            digits = "-" + digits[2:]
    if not _NUMBER_TEXT.match(digits):
        raise CellError(
            f"不是金额：{text}（应为元，如 12.50）" if what == "金额" else f"不是数字：{text}"
        )
    try:
        return Decimal(digits), text
    except InvalidOperation:  # pragma: no cover - the pattern above rules this out
        raise CellError(f"不是{what}：{text}") from None


def _to_cents(number: Decimal, exact: bool, message: str) -> Decimal:
    q = number.quantize(CENT)
    slack = _FLOAT_SLACK if not exact else Decimal(0)
    if abs(number - q) > slack:
        raise CellError(message)
    return q


def _read_money(column: Column, value: Any, number_format: str) -> int | None:
    number, shown = _decimal_of(value, "金额")
    if number < 0:
        raise CellError(f"金额不能为负数：{shown}")
    cents = _to_cents(
        number, not isinstance(value, float), f"金额最多两位小数（精确到分）：{shown}"
    )
    return int(cents * 100)


def normalize_points(number: Decimal) -> Decimal:
    """A points value without trailing zeros or exponent: 2.50 → 2.5, 10.00 → 10."""
    q = number.quantize(CENT)
    if q == q.to_integral_value():
        return q.quantize(Decimal(1)) + 0  # "+ 0" turns -0 into 0
    return q.normalize()


def _read_points(column: Column, value: Any, number_format: str) -> Decimal | None:
    number, shown = _decimal_of(value, "数字")
    cents = _to_cents(number, not isinstance(value, float), f"分值最多两位小数：{shown}")
    return normalize_points(cents)


_INT_TEXT = re.compile(r"^[+-]?\d+$")


def _read_integer(column: Column, value: Any, number_format: str) -> int | None:
    if isinstance(value, bool):
        raise CellError(f"应为整数，实为“{_as_text(value)}”")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT_LIMIT:
            return int(value)
        raise CellError(f"应为整数，实为 {_number_text(value)}")
    text = _as_text(value)
    digits = narrow(text)
    if column.name == "年度":
        digits = digits.removesuffix("年")
    if not _INT_TEXT.match(digits):
        raise CellError(f"应为整数，实为“{text}”")
    return int(digits)


def _read_verbatim(column: Column, value: Any, number_format: str) -> str | None:
    # Not trimmed: a hash is taken over this text (a scheme file, a confirmed result).
    if not isinstance(value, str):
        raise CellError(f"应为文字，实为“{_as_text(value)}”；这一列的内容请不要改动")
    return value if value.strip() else None


_DATETIME_TEXT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$")


def _read_datetime(column: Column, value: Any, number_format: str) -> str | None:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).isoformat()
    text = unicodedata.normalize("NFKC", _as_text(value)).strip()
    m = _DATETIME_TEXT.match(text)
    if not m:
        raise CellError(f"时间格式不对：{text}（应为 YYYY-MM-DD HH:MM:SS，如 2026-04-10 09:30:00）")
    y, mo, d, h, mi, sec = (int(g or 0) for g in m.groups())
    try:
        when = dt.datetime(y, mo, d, h, mi, sec)
    except ValueError:
        raise CellError(f"时间不存在：{text}") from None
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        raise CellError(f"时间超出范围（{MIN_YEAR}—{MAX_YEAR} 年）：{text}")
    return when.isoformat()


_READERS = {
    Kind.TEXT: _read_text,
    Kind.NAME: _read_name,
    Kind.MEMBER: _read_member,
    Kind.CODE: _read_code,
    Kind.IDCARD: _read_idcard,
    Kind.CHOICE: _read_choice,
    Kind.DATE: _read_date,
    Kind.DAY_OR_MONTH: _read_day_or_month,
    Kind.MONTH: _read_month,
    Kind.YESNO: _read_yesno,
    Kind.MONEY: _read_money,
    Kind.POINTS: _read_points,
    Kind.INTEGER: _read_integer,
    Kind.DATETIME: _read_datetime,
    Kind.VERBATIM: _read_verbatim,
}


# --- writing -----------------------------------------------------------------------------------

MONEY_FORMAT = "0.00"
TEXT_FORMAT = "@"
#: The creator written into every workbook the program makes (and recognised when read).
WRITTEN_BY = "先锋指数"
_MONTH_TEXT = re.compile(r"^(\d{4})-(\d{2})$")


def write_cell(column: Column, value: Any) -> tuple[Any, str] | None:
    """(cell value, number format) for a typed value, or None for an empty cell.

    Raises `ValueError` (English, a programming error) for a value of the wrong type: the book
    hands over the same types the reader returns.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = column.kind
    if kind is Kind.VERBATIM:
        if not isinstance(value, str):
            raise ValueError(f"column {column.name}: expected text, got {value!r}")
        return value, TEXT_FORMAT
    if kind is Kind.DATETIME:
        try:
            when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        except ValueError:
            raise ValueError(f"column {column.name}: bad ISO date-time {value!r}") from None
        if not isinstance(when, dt.datetime):
            raise ValueError(f"column {column.name}: expected a date-time, got {value!r}")
        return when.isoformat(sep=" "), TEXT_FORMAT
    if kind in (Kind.TEXT, Kind.NAME, Kind.MEMBER, Kind.CODE, Kind.IDCARD, Kind.CHOICE):
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError(f"column {column.name}: expected text, got {value!r}")
        return str(value), TEXT_FORMAT
    if kind is Kind.DAY_OR_MONTH and isinstance(value, str) and _MONTH_TEXT.match(value):
        return value, TEXT_FORMAT  # known only to the month: never an invented day
    if kind in (Kind.DATE, Kind.DAY_OR_MONTH):
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"column {column.name}: bad ISO date {value!r}") from None
        if not isinstance(value, dt.date):
            raise ValueError(f"column {column.name}: expected a date, got {value!r}")
        return value.isoformat(), TEXT_FORMAT
    if kind is Kind.MONTH:
        if isinstance(value, dt.date):
            return f"{value.year:04d}-{value.month:02d}", TEXT_FORMAT
        if isinstance(value, str) and _MONTH_TEXT.match(value) and 1 <= int(value[5:]) <= 12:
            return value, TEXT_FORMAT
        raise ValueError(f"column {column.name}: expected YYYY-MM, got {value!r}")
    if kind is Kind.YESNO:
        if isinstance(value, bool):
            return ("是" if value else "否"), TEXT_FORMAT
        raise ValueError(f"column {column.name}: expected a bool, got {value!r}")
    if kind is Kind.MONEY:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"column {column.name}: expected fen as an int >= 0, got {value!r}")
        return Decimal(value).scaleb(-2).quantize(CENT), MONEY_FORMAT
    if kind is Kind.POINTS:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise ValueError(f"column {column.name}: expected Decimal points, got {value!r}")
        number = Decimal(value)
        if number != number.quantize(CENT):
            raise ValueError(f"column {column.name}: points not exact to 0.01: {value!r}")
        return Decimal(format(normalize_points(number), "f")), "General"
    if kind is Kind.INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"column {column.name}: expected an int, got {value!r}")
        return value, "0"
    raise AssertionError(kind)  # pragma: no cover


def shown_text(column: Column, value: Any) -> str:
    """The text a written cell shows (for column widths)."""
    if isinstance(value, Decimal) and column.kind is Kind.MONEY:
        return f"{value:.2f}"
    return _as_text(value)
