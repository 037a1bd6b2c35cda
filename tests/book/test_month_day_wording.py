"""Months and days typed by people: the refusal says whether the shape is wrong or which part
does not exist (2026-13, 2026-02-30), in rules, dues and the quarter's dates."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book import dues
from desktop.book import quarter as Q
from desktop.book.errors import InputRefused
from desktop.book.store import Book
from desktop.rules.dates import month_problem


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-13", "月份“2026-13”不存在：没有13月，月份应为 1 到 12"),
        ("2026-00", "月份“2026-00”不存在：没有0月"),
        ("2026-3", "月份“2026-3”格式不对，应写成 年-月（YYYY-MM），例如 2026-03"),
        ("三月", "格式不对"),
        ("0000-03", "年份“0”不对"),
    ],
)
def test_month_problem_names_what_is_wrong(text: str, words: str) -> None:
    assert words in (month_problem(text) or "")


def test_month_problem_accepts_real_months() -> None:
    assert month_problem("2026-01") is None and month_problem(" 2026-12 ") is None


def test_dues_say_the_month_does_not_exist(demo_book: Book) -> None:
    member = demo_book.roster.find("史秀")
    with pytest.raises(InputRefused) as err:
        dues.record_payment(
            demo_book, member["id"], {"2026-13": 1000}, paid_date="2026-03-05", receiver="张三"
        )
    assert "月份“2026-13”不存在：没有13月" in "\n".join(err.value.lines())
    with pytest.raises(InputRefused) as err:
        dues.month_collection(demo_book, "2026-13")
    assert "月份“2026-13”不存在：没有13月" in str(err.value)
    with pytest.raises(InputRefused) as err:
        dues.record_payment(
            demo_book, member["id"], {"2026-01": 1000}, paid_date="2026-02-30", receiver="张三"
        )
    assert "缴纳日期“2026-02-30”不存在：2026年2月只有28天，没有30日" in "\n".join(err.value.lines())


def test_quarter_dates_say_which_part_is_wrong(demo_book: Book) -> None:
    with pytest.raises(InputRefused) as err:
        Q.add_claim(demo_book, "史秀", "2026-02-30", "x", today=date(2026, 3, 31))
    assert "申报日期“2026-02-30”不存在：2026年2月只有28天，没有30日" in str(err.value)
    with pytest.raises(InputRefused, match="没有13月"):
        Q.add_claim(demo_book, "史秀", "2026-13-01", "x", today=date(2026, 3, 31))
