"""Calendar periods (month / quarter / half-year / year) on ISO date strings.

Dates stay ISO strings throughout the rules: they compare correctly as text and
parsing them is the slowest part of scoring a large branch.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

PERIOD_KINDS = ("month", "quarter", "half", "year")
PERIOD_NAMES = {"month": "月", "quarter": "季度", "half": "半年", "year": "年"}
# Months per period kind; lets us compare "coarser than" cheaply.
PERIOD_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


@dataclass(frozen=True, slots=True)
class Period:
    kind: str
    year: int
    index: int  # month 1-12, quarter 1-4, half 1-2, year 1
    start: str  # first day, ISO
    end: str  # last day, ISO

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year}年{self.index}月"
        if self.kind == "quarter":
            return f"{self.year}年第{self.index}季度"
        if self.kind == "half":
            return f"{self.year}年{'上' if self.index == 1 else '下'}半年"
        return f"{self.year}年"


def kinds_word(kinds: list[str]) -> str:
    """What a list of periods is called: 「季度」「月份」「半年」 when all are of one kind
    (a handover pack, `verify`), else 「期间」."""
    names = {"quarter": "季度", "month": "月份", "half": "半年"}
    found = {names.get(k, "期间") for k in kinds}
    return found.pop() if len(found) == 1 else "期间"


def last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def make_period(kind: str, year: int, index: int) -> Period:
    span = PERIOD_MONTHS[kind]
    first_month = (index - 1) * span + 1
    last_month = first_month + span - 1
    return Period(kind, year, index, f"{year:04d}-{first_month:02d}-01", last_day(year, last_month))


def period_index(kind: str, month: int) -> int:
    """Index of the period of `kind` that contains calendar month `month` (1-12)."""
    return (month - 1) // PERIOD_MONTHS[kind] + 1


def period_of(kind: str, date: str) -> Period:
    year, month = int(date[:4]), int(date[5:7])
    return make_period(kind, year, period_index(kind, month))


def periods_in(kind: str, window: Period) -> list[Period]:
    """The periods of `kind` inside `window`; the window itself if `kind` is coarser."""
    if PERIOD_MONTHS[kind] >= PERIOD_MONTHS[window.kind]:
        return [window]
    first_month = int(window.start[5:7])
    last_month = int(window.end[5:7])
    span = PERIOD_MONTHS[kind]
    return [
        make_period(kind, window.year, period_index(kind, m))
        for m in range(first_month, last_month + 1, span)
    ]


def window_of(
    year: int, quarter: int | None = None, half: int | None = None, month: int | None = None
) -> Period:
    """The scoring window: a year, or one quarter / half / month of it."""
    if sum(x is not None for x in (quarter, half, month)) > 1:
        raise ValueError("只能指定季度、半年或月份中的一个")
    if quarter is not None:
        if not 1 <= quarter <= 4:
            raise ValueError(f"季度应为1至4，而不是{quarter}")
        return make_period("quarter", year, quarter)
    if half is not None:
        if half not in (1, 2):
            raise ValueError(f"半年应为1或2，而不是{half}")
        return make_period("half", year, half)
    if month is not None:
        if not 1 <= month <= 12:
            raise ValueError(f"月份应为1至12，而不是{month}")
        return make_period("month", year, month)
    return make_period("year", year, 1)


def add_days(date: str, days: int) -> str:
    return (_dt.date.fromisoformat(date) + _dt.timedelta(days=days)).isoformat()


def month_number(month: str) -> int:
    """'YYYY-MM' (or a full date) as a running month count, for consecutive-month checks."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_text(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"
