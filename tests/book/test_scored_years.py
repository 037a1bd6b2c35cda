"""Scoring a year the book holds nothing for is refused, naming the years it holds."""

from __future__ import annotations

import pytest

from desktop.book.errors import InputRefused
from desktop.book.meetings import Meetings
from desktop.book.scoring import rate_book, score_book, years_scored
from desktop.book.store import Book
from desktop.cli import main


@pytest.mark.parametrize("year", [1999, 2025, 2027])
def test_a_year_outside_the_book_is_refused(book: Book, year: int) -> None:
    with pytest.raises(InputRefused) as info:
        score_book(book, year)
    assert f"没有 {year} 年的记录" in str(info.value)
    assert info.value.lines() == ["本账本有 2026 年的记录，请选择其中的一年。"]
    with pytest.raises(InputRefused, match=f"没有 {year} 年"):
        rate_book(book, year)


def test_the_books_years_reach_back_to_its_earliest_fact(book: Book) -> None:
    Meetings(book).add_activity({"date": "2025-12-20", "type": "党课", "topic": "补记"})
    assert years_scored(book) == (2025, 2026)
    assert score_book(book, 2025).year == 2025
    with pytest.raises(InputRefused) as info:
        score_book(book, 2024)
    assert "2025 年至 2026 年" in info.value.lines()[0]


def test_cli_score_1999_on_a_2026_book(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    book.close()
    assert main(["--db", str(book.path), "score", "--year", "1999", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "本账本没有 1999 年的记录" in err and "本账本有 2026 年的记录" in err
    assert main(["--db", str(book.path), "score", "--year", "2026", "--json"]) == 0
