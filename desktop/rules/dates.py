"""Dates typed by people: say what is wrong with one (the month, the day, or the shape)."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _days_in(year: int, month: int) -> int:
    # calendar is imported here: with locale it costs ~2 ms of the window's start (the roster
    # imports this module), and only typed dates need it.
    import calendar

    return calendar.monthrange(year, month)[1]


def day_problem(year: int, month: int, day: int) -> str | None:
    """Why year/month/day is not a calendar day, in Chinese, or None when it is one."""
    if year < 1:
        return f"年份“{year}”不对"
    if not 1 <= month <= 12:
        return f"没有{month}月，月份应为 1 到 12"
    last = _days_in(year, month)
    if not 1 <= day <= last:
        return f"{year}年{month}月只有{last}天，没有{day}日"
    return None


def optional_day(value: str | None) -> dt.date | None:
    """A stored ISO date as a date (the interchange sheets write real date cells), None for
    an empty one."""
    return dt.date.fromisoformat(value) if value else None


def date_problem(text: str, label: str = "日期", example: str = "2026-07-01") -> str | None:
    """None when `text` is a real YYYY-MM-DD date; else one Chinese sentence (no final 。)
    naming what is wrong: the shape, or which part — month or day — does not exist."""
    value = str(text).strip()
    found = _ISO.fullmatch(value)
    if not found:
        return f"{label}“{value}”格式不对，应为 YYYY-MM-DD，例如 {example}"
    problem = day_problem(*(int(part) for part in found.groups()))
    return f"{label}“{value}”不存在：{problem}" if problem else None


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_problem(text: str, label: str = "月份", example: str = "2026-03") -> str | None:
    """None when `text` is a real YYYY-MM month; else one Chinese sentence (no final 。)
    saying whether the shape is wrong or the month does not exist (2026-13)."""
    value = str(text).strip()
    found = _MONTH.fullmatch(value)
    if not found:
        return f"{label}“{value}”格式不对，应写成 年-月（YYYY-MM），例如 {example}"
    year, month = (int(part) for part in found.groups())
    if year < 1:
        return f"{label}“{value}”不存在：年份“{year}”不对"
    if not 1 <= month <= 12:
        return f"{label}“{value}”不存在：没有{month}月，月份应为 1 到 12"
    return None


# --- dates known only to the month ------------------------------------------------------------
# A township 花名册 often has only the year and month (出生年月 1970.03, 入党时间 1993.01). Such a
# date is stored as "YYYY-MM" (never with an invented day) and read by the rules as the span
# of its month: for being on the roll it counts from the month's first day (ISO text order
# already does this: "1993-01" sorts before "1993-01-05"); checks that could refuse a member
# use whichever end of the month gives him the benefit of the doubt.


def is_month_only(value: object) -> bool:
    """True for a date known only to the month ("1975-07")."""
    return isinstance(value, str) and _MONTH.fullmatch(value.strip()) is not None


def first_day(value: str) -> dt.date:
    """The earliest day a "YYYY-MM" or "YYYY-MM-DD" date can be."""
    text = value.strip()
    if is_month_only(text):
        return dt.date(int(text[:4]), int(text[5:7]), 1)
    return dt.date.fromisoformat(text)


def last_day(value: str) -> dt.date:
    """The latest day a "YYYY-MM" or "YYYY-MM-DD" date can be."""
    text = value.strip()
    if is_month_only(text):
        year, month = int(text[:4]), int(text[5:7])
        return dt.date(year, month, _days_in(year, month))
    return dt.date.fromisoformat(text)


def date_words(value: object) -> str:
    """How a stored date is shown to people: "1975年7月" for a month-only date (never an
    invented day), the ISO text for a whole date, "" for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if is_month_only(text):
        return f"{int(text[:4])}年{int(text[5:7])}月"
    return text


def date_cn(value: object) -> str:
    """A stored date as people write it: "2023-05-01" → "2023年5月1日", a date known only to
    the month "1985-07" → "1985年7月" (never an invented day). Anything else is returned as
    text unchanged, so callers may pass ready text or an empty value."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    if found := _ISO.fullmatch(text):
        return f"{int(found[1])}年{int(found[2])}月{int(found[3])}日"
    if found := _MONTH.fullmatch(text):
        return f"{int(found[1])}年{int(found[2])}月"
    return str(value)
