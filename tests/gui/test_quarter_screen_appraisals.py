"""The 季度评议 screen says why Q4 cannot be confirmed while 民主评议 results are missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.book import periods as clock
from desktop.book import quarter as Q
from desktop.book import year_end

TODAY = date(2027, 1, 20)


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The 2026 demo in January 2027, one result withdrawn, Q4's other business done."""
    from desktop.book.demo import create_demo
    from desktop.gui.main_window import MainWindow

    book = create_demo(tmp_path / "demo.db", year=2026, today=TODAY)
    row = year_end.list_appraisals(book, 2026)[0]
    year_end.withdraw_appraisal(book, row["id"], "录错了人", today=TODAY)
    for c in Q.list_claims(book, 2026, 4, status=Q.PENDING):
        Q.reject_claim(book, c["id"], "支部委员会", "重复申报")
    for o in Q.period_status(book, 2026, 4, today=TODAY)["open_objections"]:
        Q.answer_objection(
            book, o["id"], finding="经核实", changed=False, told_on="2027-01-12", today=TODAY
        )
    Q.publish(book, 2026, 4, reason="申报已处理", today=date(2027, 1, 12))
    monkeypatch.setattr(clock, "calendar_today", lambda: TODAY)
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w, row["name"]
    w.close()
    book.close()


def test_the_missing_results_block_the_confirm_button(qtbot, demo_window) -> None:
    window, name = demo_window
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议"))
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    if screen.year_quarter != (2026, 4):
        with qtbot.waitSignal(screen.loaded, timeout=20000):
            screen.year.setValue(2026)
            screen.quarter.setCurrentIndex(3)
    text = screen.blockers.text()
    assert "· 2026 年还有 1 名党员没有民主评议结果" in text and name in text
    assert "年度评定" in text
    assert not screen.confirm_button.isEnabled()


def test_a_yearly_section_shows_no_quarterly_points(qtbot, demo_window) -> None:
    window, _name = demo_window
    window.show_screen("季度评议")
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    t = screen.review_table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    col = headers.index("年终评议")  # scored once a year: a quarter shows "—", not 0.00
    assert t.item(0, col).text() == "—"
    assert "年度积分" in t.horizontalHeaderItem(col).toolTip()
    for other in ("合计", "突出事迹"):  # 突出事迹 is yearly but fed by claims: it has points
        assert t.item(0, headers.index(other)).text() not in ("", "—")
