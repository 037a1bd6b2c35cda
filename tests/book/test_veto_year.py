"""A 一票否决 belongs to a year: dated inside the year on screen, and the refusal says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from year_end_testkit import YEAR, make_year_book

from desktop.book import year_end as Y
from desktop.book.errors import InputRefused

LATE_TODAY = date(2026, 11, 30)  # the 2025 book is still open late in 2026


@pytest.fixture
def yb(tmp_path: Path):
    book = make_year_book(tmp_path / "y.db")
    yield book
    book.close()


def _refusal(book, when: str, **kw) -> str:
    with pytest.raises(InputRefused) as err:
        Y.add_veto(book, "王一", when, "处分", "支委会", today=LATE_TODAY, **kw)
    return str(err.value) + "".join(err.value.lines())


def test_a_date_outside_the_year_on_screen_is_refused(yb) -> None:
    text = _refusal(yb, "2026-11-30", year=YEAR)
    assert "决定日期 2026-11-30 不在 2025 年内" in text
    assert "2025-01-01 至 2025-12-31" in text and "还没有开始" not in text
    text = _refusal(yb, "2024-12-31", year=YEAR)
    assert "不在 2025 年内" in text and "请到 2024 年度登记" in text
    assert Y.list_vetoes(yb, YEAR) == []


def test_without_a_year_a_date_past_the_books_year_is_refused_plainly(yb) -> None:
    text = _refusal(yb, "2026-03-01")
    assert "晚于账本的当前年度（2025 年）" in text and "还没有开始" not in text


def test_a_date_inside_the_year_is_recorded(yb) -> None:
    Y.add_veto(yb, "王一", "2025-12-31", "处分", "支委会", year=YEAR, today=LATE_TODAY)
    assert [v["date"] for v in Y.list_vetoes(yb, YEAR)] == ["2025-12-31"]
