"""Dates typed by people: say what is wrong with one (the month, the day, or the shape)."""

from __future__ import annotations

import calendar
import re

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def day_problem(year: int, month: int, day: int) -> str | None:
    """Why year/month/day is not a calendar day, in Chinese, or None when it is one."""
    if year < 1:
        return f"年份“{year}”不对"
    if not 1 <= month <= 12:
        return f"没有{month}月，月份应为 1 到 12"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"{year}年{month}月只有{last}天，没有{day}日"
    return None


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
