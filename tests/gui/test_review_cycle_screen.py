"""The review screen follows the scheme's review cycle: for 量化定级 (「做到每月一汇总、一审核、
一公示」) it is the 月度评议 screen — its navigation name, its period picker (1月…12月), its
buttons and questions say 月 — and a month is published, objected to and confirmed by
clicking; for 机关 (「每年考核 2 次」) it is the 半年评议 screen."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.book import periods as clock
from desktop.book import quarter as Q
from desktop.book.scoring import set_year_scheme

YEAR = 2026


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


def _members(book) -> None:
    for code, name in (("001", "王一"), ("002", "李二"), ("003", "张三")):
        book.roster.add_member(
            {"code": code, "name": name, "status": "正式党员", "joined_date": "2000-07-01"},
            today=date(2026, 1, 5),
        )


def _nav_texts(window) -> list[str]:
    nav = window.ui.navList
    return [nav.item(i).text() for i in range(nav.count())]


def _open(qtbot, window, title: str):
    qtbot.waitUntil(lambda: title in _nav_texts(window), timeout=5000)
    window.ui.navList.setCurrentRow(_nav_texts(window).index(title))
    screen = window.quarter_screen  # found by its stable name, whatever the list shows
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    return screen


def _reloaded(qtbot, screen, action) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        action()


def _window(qtbot, book):
    """The window opened on a book whose scheme is already chosen (as the user finds it)."""
    from desktop.gui.main_window import MainWindow

    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_month_through_the_monthly_review_screen(
    qtbot, book, messages, monkeypatch, tmp_path: Path
) -> None:
    _members(book)
    set_year_scheme(book, YEAR, preset="lianghua-dingji")
    cid = Q.add_claim(book, "张三", "2026-02-10", "thought", "-2", "党小组月度评议")
    Q.review_claim(book, cid, "党小组长")
    Q.approve_claim(book, cid, "支委会")
    Q.publish(book, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(book, YEAR, 1, today=date(2026, 2, 10))
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 3, 2))
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "月度评议")
    assert "季度评议" not in _nav_texts(window)
    assert [screen.quarter.itemText(i) for i in range(screen.quarter.count())] == [
        f"{m}月" for m in range(1, 13)
    ]
    assert screen.confirm_button.text() == "确认本月…"
    # Found in review: 登记更正's tooltip still said 「已确认季度的记录」.
    assert "季度" not in screen.correction_button.toolTip()
    assert "月份已确认" in screen.correction_button.toolTip()
    _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(1))
    assert "2026年2月" in screen.state.text() and "未公示" in screen.state.text()
    headers = [
        screen.review_table.horizontalHeaderItem(i).text()
        for i in range(screen.review_table.columnCount())
    ]
    assert "较上月" in headers and "较上季" not in headers

    # Publicity, entered on the day the notice is posted.
    monkeypatch.setattr(
        screen, "ask_publish", lambda: {"start": "2026-03-02", "late_reason": "", "reason": ""}
    )
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.publish_button, Qt.MouseButton.LeftButton)
    )
    assert "公示中" in screen.state.text() and "2026-03-06" in screen.state.text()

    # An objection, then its answer: confirming waits for it.
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 3, 3))
    monkeypatch.setattr(
        screen,
        "ask_objection",
        lambda: {"raised_by": "张三", "member": "003", "content": "2月评议扣2分有异议"},
    )
    screen.tabs.setCurrentIndex(2)
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.add_objection_button, Qt.MouseButton.LeftButton),
    )
    assert screen.objections_table.rowCount() == 1 and not screen.confirm_button.isEnabled()
    monkeypatch.setattr(
        screen,
        "ask_answer",
        lambda oid: {"finding": "经复核，评议记录属实，维持", "changed": False},
    )
    screen.objections_table.selectRow(0)
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.answer_objection_button, Qt.MouseButton.LeftButton),
    )

    # After the five days: 「公示期满」, and the month is confirmed after the question.
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 3, 10))
    _reloaded(qtbot, screen, screen.reload)
    assert "公示期满，待确认" in screen.state.text()
    assert "请支委会核对后确认本月" in screen.blockers.text()
    if os.environ.get("PIONEER_SCREENSHOTS"):
        window.resize(1366, 768)
        window.grab().save(str(Path(os.environ["PIONEER_SCREENSHOTS"]) / "monthly-review.png"))
    asked = []
    monkeypatch.setattr(screen, "ask_confirm", lambda label: asked.append(label) or True)
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    )
    assert asked == ["2026年2月"]
    assert "已确认" in screen.state.text() and "核验码：" in screen.blockers.text()
    assert Q.snapshot(book, YEAR, 2, "month") is not None
    assert not screen.new_claim_button.isEnabled()

    # A claim dated in the confirmed month, entered from March: refused, naming the month.
    _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(2))
    monkeypatch.setattr(
        screen,
        "ask_claims",
        lambda: screen.save_claim(
            {
                "member": "002",
                "when": "2026-02-20",
                "item": "thought",
                "points": "-1",
                "reason": "补记",
            }
        ),
    )
    qtbot.mouseClick(screen.new_claim_button, Qt.MouseButton.LeftButton)
    warnings = messages.texts("warning")
    assert warnings and "2026年2月" in warnings[-1] and "该月已于" in warnings[-1]


def test_the_half_year_review_screen(qtbot, book, monkeypatch) -> None:
    _members(book)
    set_year_scheme(book, YEAR, preset="jiguan-60-40")
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 1))
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "半年评议")
    assert [screen.quarter.itemText(i) for i in range(screen.quarter.count())] == [
        "上半年",
        "下半年",
    ]
    assert screen.confirm_button.text() == "确认本半年…"
    if screen.quarter.currentIndex() != 1:
        _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(1))
    assert "2026年下半年" in screen.state.text()
    assert "本半年还没有结束" in screen.blockers.text()


def test_the_screen_follows_a_scheme_changed_meanwhile(qtbot, book, monkeypatch) -> None:
    """The scheme changed on 积分方案 (here: through the book) renames the screen when the
    user moves on, and the picker follows when it is shown again."""
    _members(book)
    set_year_scheme(book, YEAR, preset="jiguan-60-40")
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 1))
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "半年评议")
    set_year_scheme(book, YEAR, preset="lianghua-dingji")
    window.ui.navList.setCurrentRow(0)
    qtbot.waitUntil(lambda: "月度评议" in _nav_texts(window), timeout=5000)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        window.ui.navList.setCurrentRow(_nav_texts(window).index("月度评议"))
    assert screen.quarter.count() == 12 and screen.confirm_button.text() == "确认本月…"


@pytest.mark.parametrize(
    ("today", "shown", "expected"),
    [
        (date(2026, 12, 3), 11, date(2026, 11, 30)),  # November under review in December
        (date(2026, 11, 20), 11, date(2026, 11, 20)),  # the month on screen is running
        (date(2026, 12, 3), 12, date(2026, 12, 3)),
    ],
)
def test_a_new_claim_is_dated_in_the_month_on_screen(
    qtbot, book, monkeypatch, today, shown, expected
) -> None:
    """新申报 defaulted to today: a claim entered in December for the November under review
    landed in December unless the date was changed (review s5)."""
    from desktop.gui import claim_dialogs

    _members(book)
    set_year_scheme(book, YEAR, preset="lianghua-dingji")
    Q.publish(book, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(book, YEAR, 1, today=date(2026, 2, 10))
    monkeypatch.setattr(clock, "calendar_today", lambda: today)
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "月度评议")
    if screen.quarter.currentIndex() != shown - 1:
        _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(shown - 1))
    seen = []
    monkeypatch.setattr(
        claim_dialogs.ClaimDialog, "exec", lambda d: seen.append(d.date.date().toPython()) or 0
    )
    screen.tabs.setCurrentIndex(1)
    qtbot.mouseClick(screen.new_claim_button, Qt.MouseButton.LeftButton)
    assert seen == [expected]
    # A confirmed month (its button is greyed): dated inside it a claim is refused, so today.
    assert Q.claim_default_day(book, YEAR, 1, today=today) == today
