"""A small branch for the quarter tests: three members, the 街道农村 scheme (quarterly), one
主题党日 in May with 张三 recorded 无故缺席 (the mistake an objection will correct)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.book.meetings import Entry, Meetings
from desktop.book.scoring import set_year_scheme
from desktop.book.store import Book

TODAY = date(2026, 11, 24)
YEAR = 2026


def build_branch(book: Book) -> dict[str, int]:
    r = book.roster
    ids = {}
    for code, name in (("001", "王一"), ("002", "李二"), ("003", "张三")):
        ids[name] = r.add_member(
            {
                "code": code,
                "name": name,
                "status": "正式党员",
                "group": "一组",
                "joined_date": "2000-07-01",
            },
            today=TODAY,
        )
    set_year_scheme(book, YEAR, preset="jiedao-nongcun")
    mt = Meetings(book)
    act = mt.add_activity(
        {"date": "2026-05-10", "type": "主题党日", "topic": "学习党章"}, today=TODAY
    )
    mt.record_attendance(act, {ids["张三"]: Entry("无故缺席")}, today=TODAY)
    ids["activity"] = act
    return ids


def make_branch_file(path: Path) -> Path:
    with Book.create(path, branch="测试村党支部", year=YEAR, parent_org="测试镇党委") as book:
        build_branch(book)
    return path


def journal_count(book: Book) -> int:
    return book.execute("select count(*) from journal").fetchone()[0]
