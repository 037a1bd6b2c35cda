"""A publicity notice entered late (`publish --late-reason`) says so on the printed sheet: the
day it was posted, the day it was entered and why — and nothing of the kind when on time."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from quarter_testkit import TODAY, YEAR, build_branch

from desktop.book import quarter as Q
from desktop.book.printing import print_document
from desktop.book.quarter_print import publicity_data
from desktop.book.store import Book

REASON = "公示表已于11月20日在村务公开栏张贴，今日补登"


def _pdf_text(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if not exe:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run([exe, str(pdf), "-"], capture_output=True, check=True)
    # Lines may wrap inside a sentence: join them.
    return out.stdout.decode("utf-8").replace("\n", "")


def _cn(iso: str) -> str:
    return f"{iso[:4]}年{int(iso[5:7])}月{int(iso[8:10])}日"


def test_a_late_notice_prints_posted_and_entered_days_and_reason(
    book: Book, tmp_path: Path
) -> None:
    build_branch(book)
    st = Q.publish(book, YEAR, 3, start="2026-11-20", today=TODAY, late_reason=REASON)
    entered = st["notices"][-1]["issued_at"][:10]
    expected = f"本公示于2026年11月20日张贴，{_cn(entered)}补登，补登原因：{REASON}。"
    assert publicity_data(book, YEAR, 3, today=TODAY)["late_entry"] == expected

    pdf = print_document(
        book, "publicity", tmp_path / "公示.pdf", year=YEAR, quarter=3, today=TODAY
    )
    text = _pdf_text(pdf)
    assert expected in text
    # The notice is still dated the day it was posted.
    assert "公示期为2026年11月20日至" in text

    xlsx = print_document(
        book, "publicity", tmp_path / "公示.xlsx", year=YEAR, quarter=3, today=TODAY
    )
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]
    assert expected in cells


def test_a_reason_ending_in_a_full_stop_gets_no_second_one(book: Book) -> None:
    build_branch(book)
    Q.publish(book, YEAR, 3, start="2026-11-20", today=TODAY, late_reason="外出开会，晚录。")
    late = publicity_data(book, YEAR, 3, today=TODAY)["late_entry"]
    assert late.endswith("补登原因：外出开会，晚录。")


def test_a_notice_entered_on_time_says_nothing_about_a_late_entry(
    book: Book, tmp_path: Path
) -> None:
    build_branch(book)
    Q.publish(book, YEAR, 3, today=TODAY)
    assert publicity_data(book, YEAR, 3, today=TODAY)["late_entry"] == ""
    pdf = print_document(
        book, "publicity", tmp_path / "公示.pdf", year=YEAR, quarter=3, today=TODAY
    )
    assert "补登" not in _pdf_text(pdf)


def test_a_reissue_posted_today_drops_the_first_notices_late_entry(book: Book) -> None:
    # The sheet printed is the re-issued notice, posted the day it was entered; the first
    # notice's late entry belongs to that earlier sheet (period status still lists it).
    build_branch(book)
    Q.publish(book, YEAR, 3, start="2026-11-20", today=TODAY, late_reason=REASON)
    Q.publish(book, YEAR, 3, start=TODAY, reason="公示表污损，重新张贴", today=TODAY)
    data = publicity_data(book, YEAR, 3, today=TODAY)
    assert data["late_entry"] == "" and data["reissues"]
    assert Q.period_status(book, YEAR, 3, today=TODAY)["notices"][0]["late_reason"] == REASON
