"""A book's review periods (季度, and later 月/半年): their labels and dates, the period rows,
and the lock a confirmed period puts on the facts dated in it.

`calendar_today` is the one place the book asks the machine's date, so the window's tests can
set the day (monkeypatch `desktop.book.periods.calendar_today`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.store import Book
from desktop.rules.periods import make_period, period_index

STATES = {"open": "未公示", "publicity": "公示中", "confirmed": "已确认"}
# Shown instead of 公示中 once the window has ended (the state stays 'publicity').
PUBLICITY_OVER_TEXT = "公示期满，待确认"


# The words for each review cycle ([publicity] cycle): "this period", its unit, the screen.
UNIT = {"quarter": "季度", "month": "月", "half": "半年"}
THIS = {"quarter": "本季度", "month": "本月", "half": "本半年"}
REVIEW_TITLE = {"quarter": "季度评议", "month": "月度评议", "half": "半年评议"}
COUNT = {"quarter": 4, "month": 12, "half": 2}
OPTION = {"quarter": "--quarter", "month": "--month", "half": "--half"}
ORDER = {"quarter": "季度", "month": "月份", "half": "半年"}
# The journal's action for a confirmation (verify reads these back).
CONFIRM_ACTIONS = {"quarter": "确认季度积分", "month": "确认月度积分", "half": "确认半年积分"}
RANGE_TEXT = {"quarter": "1 到 4", "month": "1 到 12", "half": "1 或 2（1 上半年，2 下半年）"}


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年第{quarter}季度"


def period_label(year: int, number: int, kind: str = "quarter") -> str:
    """「2026年第1季度」「2026年3月」「2026年上半年」."""
    return make_period(kind, year, number).label


def row_label(row: dict[str, Any]) -> str:
    """The label of a periods/snapshots row (rows from before m013 have no kind: quarters)."""
    return period_label(row["year"], row["quarter"], row.get("kind") or "quarter")


def number_text(number: int, kind: str = "quarter") -> str:
    """The period within its year: 「第1季度」「3月」「上半年」."""
    return period_label(2000, number, kind)[len("2000年") :]


def cycle(book: Book, year: int) -> str:
    """The year's review cycle: how often the branch reviews, publishes and confirms."""
    from desktop.book.scoring import year_scheme

    return year_scheme(book, year).review_cycle


def calendar_today() -> date:
    """The machine's date (one place, so the window's tests can set the day)."""
    return date.today()


def _today(today: date | None) -> date:
    return today or calendar_today()


def _iso(value: str | date | None, what: str, default: date | None = None) -> str:
    if value is None or value == "":
        if default is None:
            raise InputRefused(f"请填写{what}。")
        return default.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    from desktop.rules.dates import date_problem

    text = str(value).strip()
    problem = date_problem(text, what, "2026-04-03")
    if problem:  # name the part that is wrong: the shape, the month or the day
        raise InputRefused(f"{problem}。", ["日期请写成 年-月-日，例如 2026-04-03。"])
    return text


def _check_quarter(quarter: int | None, kind: str = "quarter") -> int:
    """The period's number, refused when it is not one of the cycle's (季度 1–4, 月 1–12,
    半年 1–2)."""
    if not isinstance(quarter, int) or not 1 <= quarter <= COUNT[kind]:
        unit = "月份" if kind == "month" else UNIT[kind]
        raise InputRefused(
            f"{unit}应为 {RANGE_TEXT[kind]}，不是 {quarter}。",
            [f"请用 {OPTION[kind]} {RANGE_TEXT[kind]}。"],
        )
    return quarter


def check_cycle(book: Book, year: int, kind: str) -> None:
    """Refuse a period of another cycle than the year's scheme reviews by (a --month for a
    quarterly scheme, a --quarter for a monthly one)."""
    own = cycle(book, year)
    if kind != own:
        raise InputRefused(
            f"{year} 年的积分方案按{UNIT[own]}评议、公示和确认，不按{UNIT[kind]}。",
            [
                f"请用 {OPTION[own]} {RANGE_TEXT[own]}。",
                "评议周期由方案的 [publicity] cycle 规定（quarter 季度、month 月、half 半年）。",
            ],
        )


def publishable_from(year: int, quarter: int, kind: str = "quarter") -> str:
    """The first day a period may be published: the day after its last day."""
    end = date.fromisoformat(make_period(kind, year, quarter).end)
    return (end + timedelta(days=1)).isoformat()


def quarter_ended(
    year: int, quarter: int, today: date | None = None, kind: str = "quarter"
) -> bool:
    return _today(today).isoformat() >= publishable_from(year, quarter, kind)


def _check_ended(year: int, quarter: int, day: date, verb: str, kind: str = "quarter") -> None:
    """Refuse publicity or confirmation of a period that is still running: confirming it
    would lock the rest of the period's facts before they happen."""
    if quarter_ended(year, quarter, day, kind):
        return
    q = make_period(kind, year, quarter)
    unit = UNIT[kind]
    raise InputRefused(
        f"{q.label}还没有结束（到 {q.end} 为止），现在不能{verb}。",
        [
            f"{unit}结束后才能公示和确认：{publishable_from(year, quarter, kind)} 起可以开始公示。",
            f"{THIS[kind]}的签到、党费、申报等记录请照常登记。",
        ],
    )


def quarter_of(iso: str) -> tuple[int, int]:
    return int(iso[:4]), period_index("quarter", int(iso[5:7]))


# ---------------------------------------------------------------- locking


def confirmed_period_at(book: Book, iso: str) -> dict[str, Any] | None:
    rows = book.query(
        "select * from periods where status = 'confirmed' and ? between start and end", [iso]
    )
    return rows[0] if rows else None


def check_unlocked(book: Book, iso: str, what: str = "这条记录") -> None:
    """Refuse (RecordLocked) a write of a fact dated inside a confirmed quarter.

    Other modules (meetings, dues) may call this before writing; the triggers refuse anyway.
    """
    period = confirmed_period_at(book, iso)
    if period:
        unit = UNIT[period.get("kind") or "quarter"]
        raise RecordLocked(
            f"{what}的日期 {iso} 在{row_label(period)}内，该{unit}已于 "
            f"{period['confirmed_at'][:10]} 确认，不能再录入、修改或删除。",
            f"如确有错误，请在未确认的{unit}登记“更正”，写明原因。",
        )


def _period(book: Book, year: int, quarter: int, kind: str = "quarter") -> dict[str, Any]:
    """The period row, created (open) on first use."""
    row = _existing_period(book, year, quarter, kind)
    if row:
        return row
    p = make_period(kind, year, quarter)
    book.db["periods"].insert(
        {"year": year, "kind": kind, "quarter": quarter, "start": p.start, "end": p.end}
    )
    return _existing_period(book, year, quarter, kind)  # type: ignore[return-value]


def _existing_period(
    book: Book, year: int, quarter: int, kind: str = "quarter"
) -> dict[str, Any] | None:
    rows = book.query(
        "select * from periods where year = ? and quarter = ? and kind = ?", [year, quarter, kind]
    )
    return rows[0] if rows else None
