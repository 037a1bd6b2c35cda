"""A small branch whose year (2025) has ended: five members of two groups under the 党员e家
scheme. 王一 has a reward (105), 李二 one private leave (99), 张三 a deduction for absence
(85), 赵四 transferred in this year (not rated), 钱五 an activist (not scored): 王一 alone is
五星级 (the small-branch rule), 李二 三星级, 张三 nothing (the quotas are full)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.book import quarter as Q
from desktop.book.meetings import Entry, Meetings
from desktop.book.scoring import set_year_scheme
from desktop.book.store import Book

YEAR = 2025
TODAY = date(2026, 1, 15)  # rating time: the year has ended
MEMBERS = (
    ("001", "王一", "一组", "正式党员", {}),
    ("002", "李二", "一组", "正式党员", {}),
    ("003", "张三", "二组", "正式党员", {}),
    ("004", "赵四", "二组", "正式党员", {"transferred_in_date": "2025-09-01"}),
    ("005", "钱五", "二组", "入党积极分子", {}),
)


def build_year_branch(book: Book, scheme: str = "dangyuan-ejia") -> dict[str, int]:
    ids: dict[str, int] = {}
    for code, name, group, status, extra in MEMBERS:
        fields = {"code": code, "name": name, "status": status, "group": group, **extra}
        if status != "入党积极分子":
            fields["joined_date"] = "2000-07-01"
        ids[name] = book.roster.add_member(fields, today=TODAY)
    set_year_scheme(book, YEAR, preset=scheme)
    mt = Meetings(book)
    act = mt.add_activity(
        {"date": "2025-05-10", "type": "主题党日", "topic": "学习党章"}, today=TODAY
    )
    mt.record_attendance(
        act, {ids["李二"]: Entry("因私请假"), ids["张三"]: Entry("无故缺席")}, today=TODAY
    )
    claims = (("王一", "reward", 5), ("张三", "absent", -15)) if scheme == "dangyuan-ejia" else ()
    for name, item, points in claims:
        cid = Q.add_claim(book, name, "2025-06-01", item, points, "支委会审定", today=TODAY)
        Q.review_claim(book, cid, "组长")
        Q.approve_claim(book, cid, "支委会")
    return ids


def make_year_book(path: Path, scheme: str = "dangyuan-ejia") -> Book:
    book = Book.create(path, branch="测试村党支部", year=YEAR, parent_org="测试镇党委")
    build_year_branch(book, scheme)
    return book


def confirm_year(book: Book, year: int = YEAR) -> None:
    """Publish and confirm the year's four quarters in turn: its results final (certificates
    may be printed; the facts are locked)."""
    for quarter in range(1, 5):
        start = Q.publishable_from(year, quarter)
        Q.publish(book, year, quarter, start=start, today=date.fromisoformat(start))
    for quarter in range(1, 5):
        Q.confirm(book, year, quarter, today=TODAY)
