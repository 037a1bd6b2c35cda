"""Routine work in fewer steps (issue 14 item 4), through the real screens: 初评/审定 of
several claims at once, offering the 经办人 (then the last name used); greyed actions saying
why; member pickers in 姓氏笔画 order searched by pinyin initials; Ctrl+P on every screen that
has something to print; 收款人 defaulting to the 经办人."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from quarter_testkit import YEAR, build_branch  # noqa: E402

from desktop.book import quarter as Q  # noqa: E402


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


def _open(qtbot, window, title: str):
    nav = window.ui.navList
    row = next(i for i in range(nav.count()) if nav.item(i).text() == title)
    nav.setCurrentRow(row)
    return window.screen(title)


def test_several_claims_reviewed_and_approved_at_once(qtbot, window, book, monkeypatch):
    build_branch(book)
    book.update_branch(name=book.branch()["name"], operator="刘书记")
    for name in ("王一", "李二"):
        Q.add_claim(book, name, f"{YEAR}-12-01", "key-work", 3, "村道清扫")
    screen = _open(qtbot, window, "季度评议")
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    screen.quarter.setCurrentIndex(3)
    qtbot.waitUntil(lambda: screen.claims_table.rowCount() == 2, timeout=20000)
    screen.tabs.setCurrentIndex(1)
    # Nothing chosen: the steps are greyed and say how to choose.
    assert not screen.review_claim_button.isEnabled()
    assert "Ctrl" in screen.review_claim_button.toolTip()
    screen.claims_table.selectAll()
    assert screen.review_claim_button.isEnabled()
    assert not screen.approve_claim_button.isEnabled()
    assert screen.approve_claim_button.toolTip() == "审定要先初评：所选申报还没有初评"

    offered: list[str] = []

    def answer() -> None:
        """The step's dialog: the name offered is kept, but for the first 初评; today stays."""
        from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit

        dialog = QApplication.activeModalWidget()
        (name,) = [
            e for e in dialog.findChildren(QLineEdit) if not isinstance(e.parent(), QDateEdit)
        ]
        offered.append(name.text())
        if len(offered) == 1:
            name.setText("一组组长")
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.review_claim_button, Qt.MouseButton.LeftButton)
    assert offered == ["刘书记"]  # the 经办人 first
    assert [screen.claims_table.item(r, 6).text() for r in range(2)] == ["初评", "初评"]
    assert "已初评 2 条申报" in screen.claim_note.text()
    screen.claims_table.selectAll()
    assert screen.approve_claim_button.isEnabled()
    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.approve_claim_button, Qt.MouseButton.LeftButton)
    assert offered[1] == "刘书记"  # nobody approved yet: the 经办人 again
    # jiedao's key-work then waits for the 党工委 (「报党工委审定后确定加分分值」).
    assert [screen.claims_table.item(r, 6).text() for r in range(2)] == ["审定（待审批）"] * 2
    assert Q.default_step_name(book, "reviewed") == "一组组长"  # remembered for next time
    assert Q.default_step_name(book, "approved") == "刘书记"


def test_member_pickers_in_stroke_order_with_pinyin_search(qtbot, book):
    from desktop.gui.quarter_screen import ClaimDialog, CorrectionDialog

    build_branch(book)  # 王一 李二 张三
    book.roster.add_member({"name": "丁丁", "status": "正式党员"})
    for dialog_class in (ClaimDialog, CorrectionDialog):
        dialog = dialog_class(book, YEAR)
        qtbot.addWidget(dialog)
        picker = dialog.picker
        # 姓氏笔画: 丁 2, 王 4, 李 and 张 7 (李's first stroke 横 before 张's 折)
        assert picker.names_shown() == ["丁丁", "王一", "李二", "张三"]
        qtbot.keyClicks(picker.search, "zs")
        assert picker.names_shown() == ["张三"] and dialog.member.currentData() == "003"
        picker.search.clear()
        assert len(picker.names_shown()) == 4


def test_ctrl_p_prints_on_every_screen_with_something_to_print(qtbot, window):
    for title in ("党员名册", "会议活动", "党费", "积分方案", "季度评议", "年度评定"):
        _open(qtbot, window, title)
        assert window.actions["print"].isEnabled(), title
        assert window.actions["print"].shortcut().toString() == "Ctrl+P"


def test_the_receiver_defaults_to_the_operator(qtbot, window, book):
    book.update_branch(name=book.branch()["name"], operator="刘书记")
    window.book_changed.emit(book) if hasattr(window, "book_changed") else None
    from desktop.book.dues import default_receiver

    assert default_receiver(book) == "刘书记"


def test_quarters_before_the_books_start_are_not_scored_on_screen(qtbot, window, book):
    from desktop.book.points_start import set_points_start

    build_branch(book)
    set_points_start(book, f"{YEAR}-10")
    screen = _open(qtbot, window, "季度评议")
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.quarter.setCurrentIndex(0)
    assert "不记分" in screen.state.text()
    assert not screen.publish_button.isEnabled()
    assert "本账本自2026年10月起记分，2026年第1季度不记分，无需公示和确认" in (
        screen.publish_button.toolTip()
    )


def test_every_member_picker_searches_by_pinyin_in_stroke_order(qtbot, window, book):
    """The objection, veto, 民主评议 and dues pickers use the same search box (issue 14 item 4):
    姓氏笔画 order, name / pinyin initials / code, Enter takes the member found."""
    from desktop.book import dues
    from desktop.gui.member_picker import MemberSearch
    from desktop.gui.objection_dialog import NOBODY, ObjectionDialog
    from desktop.gui.year_end_screen import VetoDialog

    members = [("004", "张珊珊"), ("001", "王一"), ("003", "张三"), ("002", "李二")]
    objection = ObjectionDialog(members, None)
    veto = VetoDialog(members, [], year=YEAR)
    for d in (objection, veto):
        qtbot.addWidget(d)
        assert isinstance(d.picker.search, MemberSearch)
        assert d.picker.names_shown() == ["王一", "李二", "张三", "张珊珊"]
        qtbot.keyClicks(d.picker.search, "zss")
        assert d.member.currentData() == "004"
        d.picker.search.clear()
        qtbot.keyClicks(d.picker.search, "00")  # by code: the first found chosen
        qtbot.keyClick(d.picker.search, Qt.Key.Key_Down)  # ↓ the next one found
        assert d.member.currentData() == "002"
    objection.picker.search.clear()
    assert objection.member.currentText() == NOBODY  # cleared: about nobody again
    objection.show()
    objection.picker.search.setFocus()
    qtbot.keyClicks(objection.picker.search, "wy")
    qtbot.keyClick(objection.picker.search, Qt.Key.Key_Return)  # taken, not the dialog's 登记
    assert objection.isVisible() and objection.member.currentData() == "001"
    assert not objection.picker.search.hasFocus()  # on to the next field

    # The dues screen's list of members.
    build_branch(book)  # 王一 李二 张三
    ding = book.roster.add_member({"name": "丁丁", "status": "正式党员", "joined_date": "1987-01"})
    for m in book.roster.members():
        dues.set_rate(book, m["id"], from_month=f"{YEAR}-01", category="农民")
    screen = _open(qtbot, window, "党费")
    screen.ui.tabs.setCurrentWidget(screen.ui.memberTab)
    lst, search = screen.ui.memberList, screen.ui.memberSearch
    assert isinstance(search, MemberSearch)
    assert [lst.item(r).text().split("（")[0] for r in range(lst.count())] == [
        "丁丁",
        "王一",
        "李二",
        "张三",
    ]
    qtbot.keyClicks(search, "zs")
    assert screen.current_member_id() == book.roster.find("003")["id"]
    assert [r for r in range(lst.count()) if not lst.item(r).isHidden()] == [3]
    search.clear()
    qtbot.keyClicks(search, "d")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert screen.current_member_id() == ding and lst.hasFocus()
    assert "入党时间 1987年1月" in screen.ui.memberInfo.text()  # a month-only date, as a month


def test_appraisal_member_found_by_pinyin_then_graded(qtbot, tmp_path, messages):
    """年度评定 · 民主评议: the search box finds a member's row (姓氏笔画 order); Enter goes to
    the table, where a digit gives the grade."""
    from year_end_testkit import make_year_book

    from desktop.gui.main_window import MainWindow

    year_book = make_year_book(tmp_path / "year.db")
    w = MainWindow(year_book)
    qtbot.addWidget(w)
    w.show()
    screen = _open(qtbot, w, "年度评定")
    qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=20000)
    screen.tabs.setCurrentIndex(1)
    t = screen.appraisal_table
    assert [t.item(r, 0).text() for r in range(t.rowCount())][:4] == [
        "王一",
        "李二",
        "张三",
        "赵四",
    ]
    search = screen.appraisal_search
    search.setFocus()
    qtbot.keyClicks(search, "zs")
    assert t.item(t.currentRow(), 0).text() == "张三"
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert t.hasFocus() and search.text() == ""
    qtbot.keyClick(t, "2")
    assert screen.pending == {"003": "合格"}
    w.close()
    year_book.close()


def test_greyed_quarter_buttons_say_why(qtbot, window, book):
    """季度评议 before publicity: 确认, 登记异议, 答复异议 and 打印公示表 are greyed, and
    their tooltips say what has to happen first."""
    build_branch(book)
    screen = _open(qtbot, window, "季度评议")
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    whys = {
        screen.confirm_button: "尚未公示",
        screen.add_objection_button: "开始公示后才能登记异议",
        screen.answer_objection_button: "没有待答复的异议",
        screen.print_notice_button: "开始公示后才能打印公示表",
    }
    for button, why in whys.items():
        assert not button.isEnabled() and why in button.toolTip(), button.text()


def test_greyed_buttons_on_the_meetings_and_roster_screens_say_why(qtbot, window, book):
    screen = _open(qtbot, window, "会议活动")
    ui = screen.ui
    for button in (ui.editButton, ui.signinButton, ui.allPresentButton):
        assert not button.isEnabled() and "先在活动列表中选中一次活动" in button.toolTip()
    assert not ui.issueButton.isEnabled() and "待出具" in ui.issueButton.toolTip()
    roster = _open(qtbot, window, "党员名册")
    assert not roster.ui.editButton.isEnabled()  # an empty roster: nobody to choose
    assert roster.ui.editButton.toolTip() == "先在表格中选中一名党员"
    build_branch(book)
    roster.refresh()
    assert roster.select_member(book.roster.find("王一")["id"])
    assert roster.ui.editButton.isEnabled()
    assert "选中一名党员" not in roster.ui.editButton.toolTip()  # its own tooltip again
