"""Writes into a confirmed quarter, refused before they are tried, naming the record, the
quarter and what to do instead. The schema's triggers (turned into RecordLocked by
`Book.action`) remain the last line of defence, but they cannot say which record it was."""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop.book.errors import RecordLocked
from desktop.book.store import Book

CORRECTION_HINT = (
    "确认后的记录不能再改。如确有错误或遗漏，请在未确认的季度登记更正"
    "（季度评议页“登记更正…”，命令行 pioneer correction add），写明原因。"
)


def confirmed_quarter_at(book: Book, iso: str) -> dict[str, Any] | None:
    """The confirmed quarter `iso` falls in ({year, quarter, label, confirmed_on}), or None.
    A book without quarters has no locks."""
    try:
        row = book.execute(
            "select year, quarter, kind, confirmed_at from periods"
            " where status = 'confirmed' and ? between start and end",
            [iso],
        ).fetchone()
    except sqlite3.OperationalError:  # a book from before quarters (no periods table)
        return None
    if row is None:
        return None
    year, quarter, kind, confirmed_at = row
    from desktop.book.periods import period_label

    return {
        "year": year,
        "quarter": quarter,
        "kind": kind or "quarter",
        "label": period_label(year, quarter, kind),
        "confirmed_on": (confirmed_at or "")[:10],
    }


def cycle_words(hint: str, kind: str) -> str:
    """A hint written for quarters, in the words of the book's cycle: a monthly book's
    secretary corrects in an unconfirmed 月份, on the 月度评议 screen."""
    if kind == "quarter":
        return hint
    from desktop.book.periods import ORDER, REVIEW_TITLE

    return hint.replace("未确认的季度", f"未确认的{ORDER[kind]}").replace(
        "季度评议页", f"{REVIEW_TITLE[kind]}页"
    )


def check_unlocked(
    book: Book, iso: str, what: str, doing: str, hint: str = CORRECTION_HINT
) -> None:
    """Refuse (RecordLocked) `doing` to `what` when `iso` lies in a confirmed quarter.

    what: the record, named so the user can find it (活动 2026-001（2026-03-03 支部党员大会）);
    doing: the refused verb phrase (修改签到, 删除, 登记这一天的活动)."""
    q = confirmed_quarter_at(book, iso)
    if q is None:
        return
    when = f"（{q['confirmed_on']} 确认）" if q["confirmed_on"] else ""
    raise RecordLocked(
        f"{what}在已确认的{q['label']}内{when}，不能再{doing}。", cycle_words(hint, q["kind"])
    )
