"""A 党费标准's start month (起始月份): the book keeps a member's dues from their first
standard on. A secretary who starts the book in November must not put the whole branch ten
months in arrears (and on the six-month veto list) by setting everyone's standard at once."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book import dues
from desktop.book.errors import InputRefused
from desktop.book.store import Book

TODAY = date(2026, 11, 30)
NAMES = ("曾强", "黄敏", "丁一", "王二")  # 姓氏笔画: 丁 2, 王 4, 黄 11, 曾 12


def _branch(book: Book) -> dict[str, int]:
    return {
        name: book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01"}
        )
        for name in NAMES
    }


def _journal_rows(book: Book) -> int:
    return book.db.execute("select count(*) from dues_rates").fetchone()[0]


@pytest.mark.parametrize(
    ("year", "today", "start"),
    [
        (2026, date(2026, 11, 30), "2026-11"),  # the book's year is this year: this month
        (2026, date(2026, 1, 5), "2026-01"),
        (2025, date(2026, 11, 30), "2025-01"),  # a past year entered after the fact
        (2027, date(2026, 12, 20), "2027-01"),  # next year's book prepared ahead
    ],
)
def test_default_start_month(year: int, today: date, start: str) -> None:
    assert dues.default_start_month(year, today) == start


def test_bulk_rates_from_november_owe_nothing_before(book: Book) -> None:
    ids = _branch(book)
    names = dues.set_rates_for_unset(book, 2026, category="农民", today=TODAY)
    assert names == ["丁一", "王二", "黄敏", "曾强"]  # stroke order, not the order entered
    assert {dues.rates(book, i)[0]["from_month"] for i in ids.values()} == {"2026-11"}
    # Nothing is owed yet (November has not ended), nobody is flagged, none 未定标准.
    assert dues.arrears_overview(book, today=TODAY, include_unset=True) == []
    rows = dues.month_collection(book, "2026-11", today=TODAY)
    assert [r["owed_before"] for r in rows] == [0, 0, 0, 0]
    assert {r["state"] for r in rows} == {"未缴"}
    reg = dues.year_register(book, 2026, today=TODAY)
    assert not reg["rates_missing"] and not reg["warning"]
    assert reg["totals"]["due_fen"] == 0  # October and before are not the book's
    # A month before the book's dues start is nobody's to collect (not 未定 either).
    assert dues.month_collection(book, "2026-05", today=TODAY) == []
    # A year on, the unpaid months from November count, and only those.
    later = date(2027, 6, 1)
    [worst, *_] = dues.arrears_overview(book, today=later)
    assert worst["months"][0] == "2026-11" and len(worst["months"]) == 7


def test_bulk_rates_from_january_when_the_secretary_says_so(book: Book) -> None:
    """January is still a choice (a year entered after the fact): then the months are owed."""
    _branch(book)
    dues.set_rates_for_unset(book, 2026, category="学生", from_month="2026-01", today=TODAY)
    rows = dues.arrears_overview(book, today=TODAY)
    assert len(rows) == 4 and all(len(r["months"]) == 10 and r["level"] == 3 for r in rows)


def test_bulk_start_is_never_before_the_member_owes(book: Book) -> None:
    ids = _branch(book)
    late = book.roster.add_member(
        {"name": "马六", "status": "预备党员", "joined_date": "2026-06-02"}
    )
    dues.set_rates_for_unset(book, 2026, category="农民", from_month="2026-03", today=TODAY)
    assert dues.rates(book, ids["丁一"])[0]["from_month"] == "2026-03"
    assert dues.rates(book, late)[0]["from_month"] == "2026-06"


@pytest.mark.parametrize("bad", ["2026-13", "11月", ""])
def test_bulk_start_month_must_be_a_month(book: Book, bad: str) -> None:
    _branch(book)
    with pytest.raises(InputRefused, match="起始月份"):
        dues.set_rates_for_unset(book, 2026, category="农民", from_month=bad, today=TODAY)
    assert _journal_rows(book) == 0  # nothing written


def test_a_member_rate_set_late_leaves_no_unset_months_before_it(book: Book) -> None:
    """Per member too: a standard first set from November means the book keeps their dues
    from November; the register is complete and lists no 未定标准 months before it."""
    ids = _branch(book)
    for mid in ids.values():
        dues.set_rate(book, mid, from_month="2026-11", category="农民")
    reg = dues.year_register(book, 2026, today=TODAY)
    assert not reg["rates_missing"] and all(not r["unset_months"] for r in reg["rows"])
    listed = dues.arrears_json(book, today=TODAY)
    assert all(not r["rate_missing"] for r in listed)
    # A payment for a month before the standard is still refused with what to do.
    with pytest.raises(InputRefused) as info:
        dues.record_payment(
            book,
            ids["丁一"],
            {"2026-05": 100},
            paid_date="2026-11-30",
            receiver="会计",
            today=TODAY,
        )
    assert "还没有设定 2026年5月 的党费标准" in "".join(info.value.lines())


def test_a_member_with_no_rate_at_all_is_still_unset(book: Book) -> None:
    ids = _branch(book)
    for name in ("丁一", "王二", "黄敏"):
        dues.set_rate(book, ids[name], from_month="2026-11", category="农民")
    # The book's dues start in November (its first standards): October and before are not
    # owed by anyone; November, once ended, is 未定标准 for 曾强.
    assert dues.year_register(book, 2026, today=TODAY)["rates_missing"] == []
    reg = dues.year_register(book, 2026, today=date(2026, 12, 5))
    assert reg["rates_missing"] == ["曾强"]
    assert next(r for r in reg["rows"] if r["name"] == "曾强")["unset_months"] == ["2026-11"]
    row = next(
        r for r in dues.month_collection(book, "2026-11", today=TODAY) if r["name"] == "曾强"
    )
    assert row["state"] == "未定"


def test_six_month_flag_counts_from_the_start_month(book: Book) -> None:
    """The veto flag (six consecutive months with nothing paid) sees only the book's months."""
    ids = _branch(book)
    dues.set_rate(book, ids["丁一"], from_month="2026-07", category="农民")
    [row] = dues.arrears_overview(book, today=TODAY)
    assert row["months"] == ["2026-07", "2026-08", "2026-09", "2026-10"]
    assert row["level"] == 2  # 催缴通知, not yet the committee's six months
