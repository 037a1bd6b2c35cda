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


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年第{quarter}季度"


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


def _check_quarter(quarter: int | None) -> int:
    if quarter not in (1, 2, 3, 4):
        raise InputRefused(f"季度应为 1 到 4，不是 {quarter}。", ["请用 --quarter 1 到 4。"])
    return quarter  # type: ignore[return-value]


def publishable_from(year: int, quarter: int) -> str:
    """The first day a quarter may be published: the day after its last day."""
    end = date.fromisoformat(make_period("quarter", year, quarter).end)
    return (end + timedelta(days=1)).isoformat()


def quarter_ended(year: int, quarter: int, today: date | None = None) -> bool:
    return _today(today).isoformat() >= publishable_from(year, quarter)


def _check_ended(year: int, quarter: int, day: date, verb: str) -> None:
    """Refuse publicity or confirmation of a quarter that is still running: confirming it
    would lock the rest of the quarter's facts before they happen."""
    if quarter_ended(year, quarter, day):
        return
    q = make_period("quarter", year, quarter)
    raise InputRefused(
        f"{quarter_label(year, quarter)}还没有结束（到 {q.end} 为止），现在不能{verb}。",
        [
            f"季度结束后才能公示和确认：{publishable_from(year, quarter)} 起可以开始公示。",
            "季度里的签到、党费、申报等记录请照常登记。",
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
        label = quarter_label(period["year"], period["quarter"])
        raise RecordLocked(
            f"{what}的日期 {iso} 在{label}内，该季度已于 {period['confirmed_at'][:10]} 确认，"
            "不能再录入、修改或删除。",
            "如确有错误，请在未确认的季度登记“更正”，写明原因。",
        )


def _period(book: Book, year: int, quarter: int) -> dict[str, Any]:
    """The period row, created (open) on first use."""
    rows = book.query("select * from periods where year = ? and quarter = ?", [year, quarter])
    if rows:
        return rows[0]
    p = make_period("quarter", year, quarter)
    book.db["periods"].insert(
        {"year": year, "quarter": quarter, "start": p.start, "end": p.end, "status": "open"}
    )
    return book.query("select * from periods where year = ? and quarter = ?", [year, quarter])[0]


def _existing_period(book: Book, year: int, quarter: int) -> dict[str, Any] | None:
    rows = book.query("select * from periods where year = ? and quarter = ?", [year, quarter])
    return rows[0] if rows else None
