"""The printed 党费收缴台账 for a member with no 党费标准: no command line on paper, "—" for
totals that can't be known, and a short 未定标准 mark explained in a note."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from paper_helpers import pdftotext

from desktop.book.printing import print_document
from desktop.book.store import Book

TODAY = date(2026, 11, 30)


def test_register_paper_marks_a_member_without_a_standard(demo_book: Book, tmp_path: Path) -> None:
    demo_book.roster.add_member(
        {"name": "曾强", "status": "预备党员", "joined_date": "2026-03-01", "group": ""}
    )
    out = print_document(demo_book, "dues-register", tmp_path / "r.pdf", year=2026, today=TODAY)
    text = pdftotext(out, "-layout")
    assert "pioneer" not in text and "命令行" not in text
    row = next(line for line in text.splitlines() if line.split()[1:3] == ["曾强", "未设定"])
    assert row.split()[-3:] == ["—", "—", "未定标准"]
    assert "未设定党费标准" not in row
    flat = "".join(text.split())
    assert "“未定标准”：该党员" in flat and "注意：曾强未设定党费标准" in flat


def test_register_paper_without_missing_standards_has_no_such_note(
    demo_book: Book, tmp_path: Path
) -> None:
    out = print_document(demo_book, "dues-register", tmp_path / "r.pdf", year=2026, today=TODAY)
    text = pdftotext(out)
    assert "未定标准" not in text and "—" not in text


def test_publicity_marks_members_without_a_standard(book: Book, tmp_path: Path) -> None:
    """A year without 党费 standards published 应缴 0.00 / 实缴 0.00 for everyone with no
    remark; now 未设定, "—" and 「未定党费标准，应缴待定」, explained under the table."""
    for name in ("张三", "李四"):
        book.roster.add_member({"name": name, "status": "正式党员", "joined_date": "2000-07-01"})
    out = print_document(book, "dues-publicity", tmp_path / "p.pdf", year=2026, today=TODAY)
    text = pdftotext(out, "-layout")
    row = next(line for line in text.splitlines() if "张三" in line)
    assert "未设定" in row and "0.00" not in row and "未定党费标准，应缴待定" in row
    assert "“未定标准”：该党员" in "".join(text.split())


def test_register_says_why_paid_exceeds_due(tmp_path: Path) -> None:
    """December paid in a register counted to November, and a voluntary 1,000 yuan, made 实缴
    exceed 应缴 with no word why; the note under the table now names both."""
    from datetime import date as day

    from desktop.book.demo import create_demo

    book = create_demo(tmp_path / "d.db", year=2026, quarters=False, today=day(2026, 11, 30))
    out = print_document(book, "dues-register", tmp_path / "r.pdf", year=2026, today=TODAY)
    flat = "".join(pdftotext(out).split())
    assert re.search(r"实缴多于应缴的部分：预交2026年1[01]月以后的党费[\d.]+元", flat), flat[-400:]
    assert "自愿多交1000.00元" in flat
    book.close()


def test_recorded_reminders_print_with_their_document_number(demo_book: Book, tmp_path) -> None:
    """A 催缴通知 recorded in the book (`dues remind`) carries its 文号, as the 警戒书 does."""
    out = print_document(demo_book, "dues-reminders", tmp_path / "r.pdf", today=TODAY)
    flat = "".join(pdftotext(out).split())
    assert re.search(r"红星村支〔2026〕催\d+号", flat)
