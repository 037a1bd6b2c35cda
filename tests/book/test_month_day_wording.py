"""Months and days typed by people: the refusal says whether the shape is wrong or which part
does not exist (2026-13, 2026-02-30), in rules, dues and the quarter's dates.

The rules' and the dues' cases are in tests/rules/test_dates.py and tests/book/test_dues_book.py;
the claim date's case below belongs with the claims in test_quarter_book.py, left here while that
file is being edited."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book import quarter as Q
from desktop.book.errors import InputRefused
from desktop.book.store import Book


def test_quarter_dates_say_which_part_is_wrong(demo_book: Book) -> None:
    with pytest.raises(InputRefused) as err:
        Q.add_claim(demo_book, "史秀", "2026-02-30", "x", today=date(2026, 3, 31))
    assert "申报日期“2026-02-30”不存在：2026年2月只有28天，没有30日" in str(err.value)
    with pytest.raises(InputRefused, match="没有13月"):
        Q.add_claim(demo_book, "史秀", "2026-13-01", "x", today=date(2026, 3, 31))
