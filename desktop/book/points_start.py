"""From which month the book keeps points (a branch that starts using the program mid-year).

One book-level fact, the setting `points_start` ("YYYY-MM"). Periods that end before it have
no points and need no publicity or confirmation; the year it falls in is scored from it, as
docs/schemes.md ("从年中开始记分") describes. Set by `pioneer init … --start YYYY-MM` and the
first-run wizard; shown by `pioneer branch` and on the paper of a year or a quarter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.book.errors import InputRefused
from desktop.rules.dates import month_problem

if TYPE_CHECKING:
    from desktop.book.store import Book

SETTING = "points_start"


def points_start(book: Book) -> str | None:
    """The first month the book keeps points ("YYYY-MM"), or None (from the start of its
    first year)."""
    value = book.setting(SETTING)
    return value or None


def start_day(book: Book) -> str | None:
    """The first day the book keeps points (ISO), or None."""
    month = points_start(book)
    return f"{month}-01" if month else None


def set_points_start(book: Book, month: str | None) -> None:
    """Record the month the book starts keeping points (None: from the start of its years
    again). Refused once a quarter is confirmed or in publicity (the start would change what
    was published)."""
    text = (month or "").strip()
    problem = month_problem(text, "记分起始月份", example="2026-10") if text else ""
    if problem:
        raise InputRefused(f"{problem}。", {"start": problem})
    fixed = start_fixed(book)
    if fixed:
        raise InputRefused(fixed, {"start": fixed})
    with book.action("设定记分起始月份", text or "从年初起记分"):
        book.set_setting(SETTING, text)


def start_fixed(book: Book) -> str:
    """Why the start can no longer change (a period published or confirmed), or ""."""
    held = book.execute(
        "select year, quarter, kind from periods where status != 'open' "
        "order by year, start limit 1"
    ).fetchone()
    if not held:
        return ""
    from desktop.book.periods import period_label

    return f"{period_label(*held)}已公示或确认，不能再改记分起始月份。"


def start_words(book: Book) -> str:
    """ "本账本自2026年10月起记分" (for paper showing a year or a quarter), or "" when the book
    keeps points from the start of its years."""
    month = points_start(book)
    if not month:
        return ""
    return f"本账本自{int(month[:4])}年{int(month[5:7])}月起记分"


def period_before_start(book: Book, end: str) -> bool:
    """Whether a period ending on `end` (ISO) lies wholly before the book's start."""
    day = start_day(book)
    return bool(day) and end < day  # type: ignore[operator]


def unscored_note(book: Book, day: str, what: str = "这次活动") -> str:
    """ "本账本自2026年7月起记分，这次活动只作记录，不计分" for a record dated before the book's
    start (accepted, but counting for nothing: say so), else ""."""
    start = start_day(book)
    if not start or not day or day >= start:
        return ""
    return f"{start_words(book)}，{what}只作记录，不计分。"


def before_start_text(book: Book, label: str) -> str:
    return f"{start_words(book)}，{label}不记分，无需公示和确认。"
