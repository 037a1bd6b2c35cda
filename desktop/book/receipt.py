"""The township's 审核回执 (review receipt): written by the township desk for a pack, recorded
in the branch's book by `pioneer receipt` / 「导入乡镇审核回执…」."""

from __future__ import annotations

from desktop.book.store import Book


def approved_members(book: Book, year: int) -> set[str]:
    """Member codes whose four/five stars of `year` a recorded 审核回执 approved."""
    if not book.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'township_decisions'"
    ).fetchone():
        return set()
    return {
        r[0]
        for r in book.execute(
            "select code from township_decisions where year = ? and decision = '批准'", [year]
        )
    }
