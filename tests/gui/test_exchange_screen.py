"""积分兑换 screen (issue 16 item 5), driven like a user. 社区 五、3：「党员可凭个人积分兑换实物
或服务……党员个人积分兑换献爱心情况登记备案」; 五、4：「党员个人积分在记分周期内有效，实行年度
清零」. Listed only when the year's scheme has [exchange]; a redemption found by pinyin and
recorded; a return needs its reason; nothing recorded is edited; Ctrl+P prints the 登记表."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.book import exchange as X
from desktop.book.scoring import score_book
from desktop.book.store import Book


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


@pytest.fixture
def shequ(tmp_path: Path):
    year = date.today().year
    book = Book.create(tmp_path / "sq.db", branch="测试社区党支部", year=year,
                       scheme_id="shequ-70-20-10-20")  # fmt: skip
    for code, name in (("001", "张三"), ("002", "李四"), ("003", "王五")):
        book.roster.add_member(
            {"code": code, "name": name, "status": "正式党员", "joined_date": "2000-07-01"}
        )
    book.update_branch(name="测试社区党支部", operator="李芳")
    yield book
    book.close()


def _window(qtbot, book):
    from desktop.gui.main_window import MainWindow

    w = MainWindow(book)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _nav_item(window, title):
    nav = window.ui.navList
    return next(nav.item(i) for i in range(nav.count()) if nav.item(i).text() == title)


def test_listed_only_when_the_scheme_has_exchange(qtbot, window, shequ) -> None:
    # The default scheme (no [exchange]): the screen is not offered.
    qtbot.waitUntil(lambda: window._optional_checked, timeout=5000)
    assert _nav_item(window, "积分兑换").isHidden()
    window.show_screen("积分兑换")
    assert window.ui.navList.currentItem().text() != "积分兑换"
    # The 社区 scheme says 「党员可凭个人积分兑换实物或服务」: it is.
    w = _window(qtbot, shequ)
    qtbot.waitUntil(lambda: w._optional_checked, timeout=5000)
    assert not _nav_item(w, "积分兑换").isHidden()
    w.close()


def _open(qtbot, window):
    window.update_optional_screens()
    window.show_screen("积分兑换")
    screen = window.exchange_screen
    assert window.current_screen() is screen
    qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=20000)
    return screen


def _in_dialog(qtbot, fill):
    from desktop.gui.exchange_screen import ExchangeDialog

    def run() -> None:
        qtbot.waitUntil(
            lambda: isinstance(QApplication.activeModalWidget(), ExchangeDialog), timeout=5000
        )
        dialog = QApplication.activeModalWidget()
        try:
            fill(dialog)
        finally:  # a failed check must not leave the modal dialog waiting for ever
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def test_redeem_return_and_print(qtbot, shequ, messages, monkeypatch) -> None:
    window = _window(qtbot, shequ)
    screen = _open(qtbot, window)
    year = screen.year
    total = score_book(shequ, year, explain=False).member("001").total
    b = screen.ui.balanceTable
    rows = {
        b.item(r, 0).text(): [b.item(r, c).text() for c in range(4)] for r in range(b.rowCount())
    }
    assert set(rows) == {"张三", "李四", "王五"}
    assert rows["张三"][3] == rows["张三"][1]  # nothing redeemed yet: all of it left
    assert not screen.ui.returnButton.isEnabled()  # nothing to return yet, and it says so
    assert screen.ui.returnButton.toolTip() == "本年度还没有兑换记录可以退回"
    assert screen.ui.countLabel.text() == "本年度还没有积分兑换记录。"

    def redeem(dialog) -> None:
        qtbot.keyClicks(dialog.picker.search, "zs")  # 张三 by pinyin initials
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # taken; on to 兑换内容
        assert dialog.member.currentData() == "001"
        assert "可兑换" in dialog.left.text()
        assert dialog.handled_by.text() == "李芳"  # the book's 经办人
        dialog.what.insert("超市购物券")  # typed (keyClicks is ASCII only)
        qtbot.keyClicks(dialog.points, "20")
        qtbot.keyClick(dialog.points, Qt.Key.Key_Return)

    _in_dialog(qtbot, redeem)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert messages.texts("information")[-1] == "已登记积分兑换。积分不变。"
    t = screen.ui.ledgerTable
    assert t.rowCount() == 1
    assert [t.item(0, c).text() for c in (2, 3, 4, 5, 7)] == [
        "张三",
        "超市购物券",
        "20",
        "李芳",
        "20",
    ]
    rows = {
        b.item(r, 0).text(): [b.item(r, c).text() for c in range(4)] for r in range(b.rowCount())
    }
    assert Decimal(rows["张三"][2]) == 20 and Decimal(rows["张三"][3]) == total - 20
    assert score_book(shequ, year, explain=False).member("001").total == total  # never changes

    # More than is left: refused, with the reason, nothing written.
    def too_much(dialog) -> None:
        qtbot.keyClicks(dialog.picker.search, "zs")
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
        dialog.what.insert("家电")  # typed (keyClicks is ASCII only)
        qtbot.keyClicks(dialog.points, str(total))
        dialog.accept()

    _in_dialog(qtbot, too_much)
    qtbot.mouseClick(screen.ui.addButton, Qt.MouseButton.LeftButton)
    assert "可兑换的积分只剩" in messages.texts("warning")[-1]
    assert len(X.ledger(shequ, year)) == 1

    # A return: the reason is required; the entry itself is never edited.
    t.selectRow(0)
    assert screen.ui.returnButton.isEnabled()

    def give_back(dialog) -> None:
        assert dialog.member.currentData() == "001"  # the chosen row's member
        assert dialog.what.text() == "超市购物券（退回）"
        qtbot.keyClicks(dialog.points, "20")
        dialog.accept()  # no reason yet: the dialog says so and stays open
        assert dialog.isVisible() and dialog.error.text() == "请写明退回原因。"
        dialog.note.insert("购物券未使用，退回")  # typed (keyClicks is ASCII only)
        dialog.accept()

    _in_dialog(qtbot, give_back)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.ui.returnButton, Qt.MouseButton.LeftButton)
    ledger = X.ledger(shequ, year)
    assert [(r["points"], r["note"]) for r in ledger] == [
        ("20", ""),
        ("-20", "购物券未使用，退回"),
    ]
    assert t.rowCount() == 2 and t.item(1, 6).text() == "退回：购物券未使用，退回"
    assert t.item(1, 7).text() == "0"

    # Ctrl+P (文件 → 打印…): the chosen member's 登记表, which lists the redemptions.
    printed = {}

    def fake_preview(parent, path, kind, **opts):
        printed.update(kind=kind, **opts)

    monkeypatch.setattr("desktop.gui.print_preview.preview_document", fake_preview)
    t.selectRow(0)
    window.actions["print"].trigger()
    assert printed["kind"] == "member-register" and printed["member"] == "001"
    assert printed["year"] == year
    window.close()


def test_the_printed_register_lists_the_redemptions(shequ, tmp_path: Path) -> None:
    from desktop.book.quarter_print import member_register_data

    year = shequ.current_year
    X.record_exchange(shequ, "张三", f"{year}-01-02", "理发服务", 5, "李芳", today=date(year, 1, 3))
    data = member_register_data(shequ, "001", year)
    assert [row[1] for row in data["exchanges"]["rows"]] == ["理发服务"]
