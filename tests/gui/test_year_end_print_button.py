"""The 年度评定 screen names its printout after what the year's scheme does: a scheme without
评星定级 prints a 年度积分表, not a 星级评定表."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))
from year_end_testkit import make_year_book  # noqa: E402


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


def _screen(qtbot, book):
    from desktop.gui.main_window import MainWindow

    window = MainWindow(book)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "年度评定"))
    screen = window.year_end_screen
    qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=20000)
    return window, screen


def test_scheme_without_rating_prints_a_points_table(qtbot, demo_book) -> None:
    window, screen = _screen(qtbot, demo_book)
    assert not screen.overview.has_rating  # the demo's 街道农村 scheme
    assert screen.print_rating_button.text() == "打印年度积分表…"
    window.close()


def test_scheme_with_rating_prints_the_rating_table(qtbot, tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "year.db")
    try:
        window, screen = _screen(qtbot, book)
        assert screen.overview.has_rating
        assert screen.print_rating_button.text() == "打印年度星级评定表…"
        window.close()
    finally:
        book.close()
