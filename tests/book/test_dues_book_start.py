"""The book's dues start (本账本的党费自何月起记) is one fact for the whole book: the earliest
start month of any 党费标准. A member forgotten when the others were set keeps his months
from there flagged 未定标准 — a late first standard of his own does not make them vanish —
and a start month outside the book's year is refused."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book import dues
from desktop.book.errors import InputRefused
from desktop.book.store import Book

TODAY = date(2026, 11, 30)


def _branch(book: Book) -> dict[str, int]:
    ids = {
        name: book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01"}
        )
        for name in ("王二", "黄敏")
    }
    dues.set_rates_for_unset(book, 2026, category="农民", from_month="2026-01", today=TODAY)
    # Forgotten all year: joined long ago, no standard.
    ids["丁漏"] = book.roster.add_member(
        {"name": "丁漏", "status": "正式党员", "joined_date": "1985-07-01"}
    )
    return ids


def _row(reg: dict, name: str) -> dict:
    return next(r for r in reg["rows"] if r["name"] == name)


def test_dues_start_is_the_earliest_standard(book: Book) -> None:
    assert dues.dues_start(book) is None
    _branch(book)
    assert dues.dues_start(book) == "2026-01"


def test_a_late_first_standard_keeps_the_forgotten_months_flagged(book: Book) -> None:
    ids = _branch(book)
    reg = dues.year_register(book, 2026, today=TODAY)
    assert reg["rates_missing"] == ["丁漏"] and "丁漏 未设定党费标准（1 人）" in reg["warning"]
    ten = [f"2026-{i:02d}" for i in range(1, 11)]
    assert _row(reg, "丁漏")["unset_months"] == ten
    # The default offered for his first standard covers those months …
    assert dues.default_rate_start(book, ids["丁漏"], 2026, TODAY) == "2026-01"
    # … and a later one is named before saving.
    [warning] = dues.start_warnings(book, "2026-11", 2026, member_ids=[ids["丁漏"]], today=TODAY)
    assert warning.startswith("丁漏 自2026年1月至10月的 10 个月将不计应缴")
    assert dues.start_warnings(book, "2026-01", 2026, member_ids=[ids["丁漏"]], today=TODAY) == []
    dues.set_rate(book, ids["丁漏"], from_month="2026-11", category="农民", today=TODAY)
    reg = dues.year_register(book, 2026, today=TODAY)
    assert reg["rates_missing"] == ["丁漏"] and "丁漏 未设定党费标准" in reg["warning"]
    assert _row(reg, "丁漏")["unset_months"] == ten
    listed = {r["name"]: r for r in dues.arrears_json(book, today=TODAY)}
    assert listed["丁漏"]["unset_months"] == ten
    row = next(
        r for r in dues.month_collection(book, "2026-05", today=TODAY) if r["name"] == "丁漏"
    )
    assert row["state"] == "未定"


def test_default_start_follows_joining_and_a_change_starts_this_month(book: Book) -> None:
    ids = _branch(book)
    late = book.roster.add_member(
        {"name": "马六", "status": "预备党员", "joined_date": "2026-06-02"}
    )
    assert dues.default_rate_start(book, late, 2026, TODAY) == "2026-06"
    # A member who already has a standard (a pay rise): from this month.
    assert dues.default_rate_start(book, ids["王二"], 2026, TODAY) == "2026-11"
    # The book's first standard: this month in the calendar year (nothing to lose yet).
    assert dues.start_warnings(book, "2026-11", 2026, member_ids=[late], today=TODAY) == [
        "马六 自2026年6月至10月的 5 个月将不计应缴（仍列为未定标准；要计入，起始月份请选2026年6月）。"
    ]


def test_first_standard_of_the_book_has_no_warning(book: Book) -> None:
    mid = book.roster.add_member(
        {"name": "丁一", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    assert dues.default_rate_start(book, mid, 2026, TODAY) == "2026-11"
    assert dues.start_warnings(book, "2026-11", 2026, today=TODAY) == []


def test_bulk_default_is_the_book_start_and_warns_when_later(book: Book) -> None:
    _branch(book)
    book.roster.add_member({"name": "马六", "status": "正式党员", "joined_date": "1990-01-01"})
    assert dues.book_default_start(book, 2026, TODAY) == "2026-01"
    [warning] = dues.start_warnings(book, "2026-11", 2026, today=TODAY)
    assert warning.startswith("丁漏、马六 自2026年1月至10月的 10 个月将不计应缴")
    dues.set_rates_for_unset(book, 2026, category="学生", today=TODAY)  # default: January
    assert dues.year_register(book, 2026, today=TODAY)["rates_missing"] == []


def test_an_earlier_start_than_the_books_is_named(book: Book) -> None:
    mid = book.roster.add_member(
        {"name": "丁一", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    other = book.roster.add_member(
        {"name": "王二", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    dues.set_rate(book, mid, from_month="2026-11", category="农民", today=TODAY)
    warnings = dues.start_warnings(book, "2026-09", 2026, member_ids=[other], today=TODAY)
    assert warnings[-1].startswith("本账本的党费自2026年11月起记；此标准自2026年9月起")


@pytest.mark.parametrize("bad", ["2062-01", "2025-12", "2027-01"])
def test_start_outside_the_books_year_is_refused(book: Book, bad: str) -> None:
    ids = _branch(book)
    before = book.db.execute("select count(*) from dues_rates").fetchone()[0]
    with pytest.raises(
        InputRefused, match=r"不在本账本的 2026 年度内：只能选 2026年1月 至 2026年12月"
    ):
        dues.set_rates_for_unset(book, 2026, category="农民", from_month=bad, today=TODAY)
    with pytest.raises(InputRefused) as info:
        dues.set_rate(book, ids["丁漏"], from_month=bad, category="农民", year=2026, today=TODAY)
    assert "不在本账本的 2026 年度内" in "".join(info.value.lines())
    assert book.db.execute("select count(*) from dues_rates").fetchone()[0] == before


def test_next_year_is_allowed_in_december(book: Book) -> None:
    ids = _branch(book)
    december = date(2026, 12, 10)
    assert dues.start_range(2026, december) == ("2026-01", "2027-12")
    dues.set_rate(
        book, ids["丁漏"], from_month="2027-01", category="农民", year=2026, today=december
    )
    assert dues.rates(book, ids["丁漏"])[0]["from_month"] == "2027-01"
    with pytest.raises(InputRefused) as info:
        dues.set_rate(book, ids["丁漏"], from_month="2028-01", category="农民", today=december)
    assert "2028年1月 不在本账本的 2026 年度内" in "".join(info.value.lines())
