"""A publicity sheet is never printed with results its notice did not publish."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from quarter_testkit import TODAY, YEAR, build_branch

from desktop.book import quarter as Q
from desktop.book.errors import InputRefused
from desktop.book.meetings import Meetings
from desktop.book.printing import print_document
from desktop.book.store import Book


def test_changed_results_must_be_republished_before_printing(book: Book, tmp_path: Path) -> None:
    branch = build_branch(book)
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    out = tmp_path / "公示.pdf"
    print_document(book, "publicity", out, year=YEAR, quarter=2)
    assert out.exists()
    out.unlink()
    # 张三's sign-in is amended during publicity: the notice no longer shows his result.
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=TODAY)
    with pytest.raises(InputRefused) as err:
        print_document(book, "publicity", out, year=YEAR, quarter=2)
    lines = err.value.lines()
    assert "重新公示" in lines[-1] and any("张三" in line for line in lines)
    assert not out.exists()
    Q.publish(book, YEAR, 2, reason="张三5月10日改为出席", today=TODAY)
    print_document(book, "publicity", out, year=YEAR, quarter=2)
    assert out.exists()
