"""The 党费 screen driven by keyboard and mouse: a month's collection with exceptions, bad input
refused with nothing written, the calculator, arrears, and a PDF written off the UI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.book import dues
from desktop.gui.dues_model import NOW

TODAY = date(2026, 11, 24)


@pytest.fixture
def branch(book):
    r = book.roster
    ids = {}
    for name in ("丁一", "王二", "石三", "田四"):
        ids[name] = r.add_member({"name": name, "status": "正式党员", "joined_date": "1990-01-01"})
    dues.set_rate(book, ids["丁一"], from_month="2026-01", category="在职", income_fen=450_000)
    for name in ("王二", "石三", "田四"):
        dues.set_rate(book, ids[name], from_month="2026-01", category="农民")
    return ids


@pytest.fixture
def screen(qtbot, book, branch):
    from desktop.gui.dues_screen import DuesScreen

    w = DuesScreen(book, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1200, 720)
    w.show()
    qtbot.waitExposed(w)
    w.set_month("2026-10")
    return w


def _row_of(screen, name: str) -> int:
    m = screen.model
    return next(r for r in range(m.rowCount()) if m.row(r)["name"] == name)


def _go_to(qtbot, screen, name: str) -> None:
    """Walk to a member's row with the arrow keys, as a user does."""
    view = screen.ui.collectionView
    target = _row_of(screen, name)
    while view.currentIndex().row() < target:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    while view.currentIndex().row() > target:
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex().column() == NOW


def _keys(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus (the table, then the editor it opens)."""
    from PySide6.QtWidgets import QApplication

    for ch in text:
        qtbot.keyClicks(QApplication.focusWidget(), ch)


def _enter(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(20)  # the delegate commits the editor's text through a queued call


def _states(book) -> dict[str, tuple[str, int]]:
    return {
        r["name"]: (r["state"], r["paid_fen"])
        for r in dues.month_collection(book, "2026-10", today=TODAY)
    }


def test_month_collection_with_two_exceptions_by_keyboard(qtbot, screen, book, messages):
    ui = screen.ui
    assert screen.model.rowCount() == 4
    qtbot.mouseClick(ui.allPaidButton, Qt.MouseButton.LeftButton)
    view = ui.collectionView
    view.setFocus()
    # Exception 1: 王二 did not pay — space toggles the row to unpaid.
    _go_to(qtbot, screen, "王二")
    qtbot.keyClick(view, Qt.Key.Key_Space)
    # Exception 2: 石三 paid half — type the amount and press Enter.
    _go_to(qtbot, screen, "石三")
    _keys(qtbot, "0.5")
    _enter(qtbot)
    assert screen.model.now_fen(_row_of(screen, "石三")) == 50
    assert "本次实收 3 人，共 46.50 元" in ui.collectionTotals.text()
    screen.refresh()  # e.g. another screen shown and back: nothing typed is lost
    assert screen.model.now_fen(_row_of(screen, "石三")) == 50
    assert screen.model.now_fen(_row_of(screen, "王二")) == 0
    ui.receiverEdit.setText("会计")
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not messages.calls
    assert _states(book) == {
        "丁一": ("已缴", 4500),
        "王二": ("未缴", 0),
        "石三": ("部分", 50),
        "田四": ("已缴", 100),
    }
    assert len(screen.last_receipts) == 3
    assert "已登记 3 人" in ui.collectionTotals.text()
    assert book.journal()[0]["action"] == "登记本月党费"


def test_bad_input_is_refused_and_nothing_written(qtbot, screen, book, messages):
    ui = screen.ui
    view = ui.collectionView
    view.setFocus()
    _go_to(qtbot, screen, "王二")
    _keys(qtbot, "abc")
    _enter(qtbot)
    assert screen.model.now_fen(_row_of(screen, "王二")) == 0
    assert "不是金额" in ui.collectionTotals.text()
    # No receiver: the book refuses, the user is told why, nothing is written.
    qtbot.mouseClick(ui.allPaidButton, Qt.MouseButton.LeftButton)
    ui.receiverEdit.clear()
    before = book.db.execute("select count(*) from dues_payments").fetchone()[0]
    qtbot.mouseClick(ui.saveCollectionButton, Qt.MouseButton.LeftButton)
    assert any("请填写收款人" in text for text in messages.texts("warning"))
    assert book.db.execute("select count(*) from dues_payments").fetchone()[0] == before


def test_calculator_override_needs_reason(qtbot, screen, book, branch, typist):
    ui = screen.ui
    ui.tabs.setCurrentWidget(ui.memberTab)
    screen.select_member(branch["王二"])
    ui.categoryCombo.setCurrentText("在职")
    ui.incomeEdit.clear()
    qtbot.keyClicks(ui.incomeEdit, "3000.01")
    assert "30.00 元/月" in ui.resultLabel.text()
    ui.overrideCheck.setChecked(True)
    ui.monthlyEdit.setText("10")
    ui.reasonEdit.clear()
    qtbot.mouseClick(ui.saveRateButton, Qt.MouseButton.LeftButton)
    assert "请写明调整原因" in ui.rateError.text()
    assert dues.rate_for(book, branch["王二"], "2026-12") == 100
    typist(ui.reasonEdit, "家庭困难，本人申请")
    typist(ui.approvedEdit, "城关镇党委 2026-11-20")
    qtbot.mouseClick(ui.saveRateButton, Qt.MouseButton.LeftButton)
    assert dues.rate_for(book, branch["王二"], "2026-12") == 1000
    # Several months in one receipt from the member's page.
    screen.select_member(branch["田四"])
    ui.payFromCombo.setCurrentIndex(10)
    ui.payToCombo.setCurrentIndex(11)
    ui.payAmountEdit.setText("1")
    ui.receiverEdit.setText("会计")
    qtbot.mouseClick(ui.payButton, Qt.MouseButton.LeftButton)
    assert "2026年11月至12月" in ui.payError.text()
    [receipt] = dues.receipts(book, numbers=screen.last_receipts)
    assert receipt["months"] == ["2026-11", "2026-12"]


def test_single_receipt_printed_from_the_member_page(
    qtbot, screen, book, branch, tmp_path, monkeypatch, previews
):
    import desktop.gui.roster_files as files

    ui = screen.ui
    ui.tabs.setCurrentWidget(ui.memberTab)
    screen.select_member(branch["田四"])
    ui.payFromCombo.setCurrentIndex(0)
    ui.payToCombo.setCurrentIndex(2)
    ui.payAmountEdit.setText("1")
    ui.receiverEdit.setText("会计")
    qtbot.mouseClick(ui.payButton, Qt.MouseButton.LeftButton)
    out = tmp_path / "收据.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: out)
    monkeypatch.setattr(files, "offer_to_open", lambda _p, _t, _w, path: opened.append(path))
    qtbot.mouseClick(ui.printMemberReceiptsButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=20000)
    previews[-1].save_action.trigger()  # 另存为 PDF… in the print preview
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout
    text = text.decode("utf-8")
    assert text.count("党费收据") >= 2  # the title and the one receipt
    assert "田四" in text and "2026年1月至3月" in text and "叁元整" in text


def test_arrears_tab_and_register_pdf(qtbot, screen, book, branch, tmp_path, monkeypatch, previews):
    import desktop.gui.roster_files as files

    ui = screen.ui
    ui.tabs.setCurrentWidget(ui.arrearsTab)
    # Nobody has paid anything: ten months owed, the last six in a row → committee check.
    assert ui.arrearsView.rowCount() == 4
    assert "支委会核实" in ui.arrearsView.item(0, 5).text()
    ui.arrearsView.selectRow(0)
    qtbot.mouseClick(ui.remindButton, Qt.MouseButton.LeftButton)
    assert len(dues.notices(book)) == 1
    ui.tabs.setCurrentWidget(ui.registerTab)
    assert "收据合计与台账相符" in ui.registerTotals.text()

    out = tmp_path / "台账.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: out)
    monkeypatch.setattr(files, "offer_to_open", lambda _p, _t, _w, path: opened.append(path))
    qtbot.mouseClick(ui.printRegisterButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=20000)
    previews[-1].save_action.trigger()  # 另存为 PDF… in the print preview
    assert out.exists() and out.read_bytes().startswith(b"%PDF")


def test_rates_for_everyone_not_yet_set(qtbot, book, messages, monkeypatch):
    """The bulk dialog asks for the start month (this month by default), names whom it sets
    in 姓氏笔画 order, and the months before are not owed."""
    from desktop.gui.bulk_rate_dialog import START_HINT, BulkRateDialog
    from desktop.gui.dues_screen import DuesScreen

    ids = [
        book.roster.add_member({"name": n, "status": "正式党员", "joined_date": "1990-01-01"})
        for n in ("曹二", "孔一")  # entered 曹 (11 strokes) first; 孔 (4) comes first
    ]
    w = DuesScreen(book, today=lambda: TODAY)
    qtbot.addWidget(w)
    summary = w.ui.summaryLabel.text()
    assert "未设定党费标准（2 人）" in summary and "孔一" in summary and "曹二" in summary
    assert "台账合计不完整" in summary
    seen: dict[str, object] = {}

    def exec_dialog(dialog: BulkRateDialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["start"] = dialog.start.currentText()
        seen["who"] = dialog.who.text()
        seen["hint"] = any(label.text() == START_HINT for label in dialog.findChildren(QLabel))
        dialog.category.setCurrentIndex(dialog.categories.index("农民"))
        dialog.amount.setText("5")  # more than a farmer's 1.00: refused, the dialog stays
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.error.text()
        seen["open"] = dialog.isVisible()
        dialog.amount.setText("0.5")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(BulkRateDialog, "exec", exec_dialog)
    w.ui.tabs.setCurrentWidget(w.ui.memberTab)
    qtbot.mouseClick(w.ui.bulkRateButton, Qt.MouseButton.LeftButton)
    assert seen["start"] == "2026年11月" and seen["hint"]
    assert "2 名党员统一设定：孔一、曹二" in str(seen["who"])
    assert "1.00" in str(seen["error"]) and seen["open"]
    assert [dues.rates(book, i)[0]["from_month"] for i in ids] == ["2026-11", "2026-11"]
    assert [dues.rate_for(book, i, "2026-11") for i in ids] == [50, 50]
    assert dues.rate_for(book, ids[0], "2026-10") is None
    [text] = messages.texts("information")
    assert "已为 2 名党员设定党费标准，自2026年11月起：孔一、曹二" in text
    assert "还没有设定" not in w.ui.summaryLabel.text()
    # November's collection: nobody owes anything from before the start month.
    w.set_month("2026-11")
    assert all(r["owed_before"] == 0 for r in w.model.rows())
    w.ui.tabs.setCurrentWidget(w.ui.arrearsTab)
    assert w.ui.arrearsView.rowCount() == 0 and "没有欠缴" in w.ui.arrearsCount.text()


def test_bulk_dialog_start_month_chosen_and_cancelled(qtbot, book, messages, monkeypatch):
    from desktop.gui.bulk_rate_dialog import BulkRateDialog
    from desktop.gui.dues_screen import DuesScreen

    mid = book.roster.add_member(
        {"name": "孔一", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    w = DuesScreen(book, today=lambda: TODAY)
    qtbot.addWidget(w)

    def cancel(dialog: BulkRateDialog):
        dialog.show()
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )
        return dialog.result()

    monkeypatch.setattr(BulkRateDialog, "exec", cancel)
    qtbot.mouseClick(w.ui.bulkRateButton, Qt.MouseButton.LeftButton)
    assert dues.rates(book, mid) == [] and not messages.calls

    def from_march(dialog: BulkRateDialog):
        dialog.show()
        dialog.category.setCurrentIndex(dialog.categories.index("学生"))
        assert not dialog.amount.isEnabled()
        dialog.start.setCurrentIndex(2)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        return dialog.result()

    monkeypatch.setattr(BulkRateDialog, "exec", from_march)
    qtbot.mouseClick(w.ui.bulkRateButton, Qt.MouseButton.LeftButton)
    assert dues.rates(book, mid)[0]["from_month"] == "2026-03"
    w.ui.tabs.setCurrentWidget(w.ui.arrearsTab)
    assert w.ui.arrearsView.item(0, 4).text().startswith("2026年3月")


def test_bulk_dialog_for_a_past_year_starts_in_january(qtbot, book):
    from desktop.gui.bulk_rate_dialog import BulkRateDialog

    book.roster.add_member({"name": "孔一", "status": "正式党员", "joined_date": "1990-01-01"})
    dialog = BulkRateDialog(book, 2025, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.start.currentText() == "2025年1月" and dialog.from_month == "2025-01"


def test_bulk_dialog_when_everyone_has_a_rate(qtbot, book, branch):
    from desktop.gui.bulk_rate_dialog import BulkRateDialog

    dialog = BulkRateDialog(book, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    assert "都已设定" in dialog.who.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_member_calculator_starts_at_the_books_dues_start(qtbot, screen, book):
    """A first standard defaults to the book's dues start (the branch's standards start in
    January); the month box has its own hint, not the bulk dialog's."""
    from desktop.gui.bulk_rate_dialog import START_HINT
    from desktop.gui.dues_screen import MEMBER_START_HINT

    mid = book.roster.add_member(
        {"name": "孔一", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    ui = screen.ui
    ui.tabs.setCurrentWidget(ui.memberTab)
    screen.select_member(mid)
    assert ui.fromMonthCombo.currentText() == "2026年1月"
    assert ui.fromMonthCombo.toolTip() == MEMBER_START_HINT != START_HINT


def test_arrears_paid_from_the_member_page_skip_paid_months(qtbot, screen, book, branch):
    ui = screen.ui
    # 王二 paid January and half of February.
    dues.record_payment(
        book,
        branch["王二"],
        {"2026-01": 100, "2026-02": 50},
        paid_date="2026-02-25",
        receiver="会计",
        today=TODAY,
    )
    ui.tabs.setCurrentWidget(ui.memberTab)
    screen.select_member(branch["王二"])
    assert ui.payFromCombo.currentIndex() == 1  # from February, the first month owed
    ui.payFromCombo.setCurrentIndex(0)
    ui.payToCombo.setCurrentIndex(3)
    ui.receiverEdit.setText("会计")
    qtbot.mouseClick(ui.payButton, Qt.MouseButton.LeftButton)
    assert "2026年1月已缴清" in ui.payError.text()
    [receipt] = dues.receipts(book, numbers=screen.last_receipts)
    assert receipt["months"] == ["2026-02", "2026-03", "2026-04"]
    assert receipt["amount_fen"] == 50 + 100 + 100


def test_register_tab_lists_who_has_not_paid_with_the_standard(qtbot, book):
    """Issue 15 item 13 in the window: standards set from November, one of three members
    paid November, seen on 20 November (judged through October): the 全年台账 lists all
    three with their 月标准 (it listed only who had paid, 月标准 blank)."""
    from desktop.gui.dues_screen import DuesScreen

    day = date(2026, 11, 20)
    r = book.roster
    ids = [
        r.add_member({"name": n, "status": "正式党员", "joined_date": "1990-01-01"}, today=day)
        for n in ("丁一", "王二", "石三")
    ]
    for member_id in ids:
        dues.set_rate(book, member_id, from_month="2026-11", category="农民", today=day)
    dues.record_payment(book, ids[0], {"2026-11": 100}, paid_date="2026-11-10", receiver="丁一")
    w = DuesScreen(book, today=lambda: day)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.ui.tabs.setCurrentWidget(w.ui.registerTab)
    view = w.ui.registerView
    qtbot.waitUntil(lambda: view.rowCount() == 4, timeout=5000)  # three members + 合计
    assert [view.item(i, 0).text() for i in range(3)] == ["丁一", "王二", "石三"]
    assert [view.item(i, 1).text() for i in range(3)] == ["1.00"] * 3


# The 党费 screen and the book's dues start: a forgotten member's first standard defaults to the
# book's start; a later month is named in the screen before 保存标准 (and its months stay
# 未定标准); a change of standard starts this month without a warning; the bulk dialog warns
# likewise and shows no amount for a fixed 0.20 category.


@pytest.fixture
def branch_forgetting_one(book):
    ids = {
        name: book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01"}
        )
        for name in ("王二", "丁漏")
    }
    dues.set_rate(book, ids["王二"], from_month="2026-01", category="农民")
    return ids


@pytest.fixture
def screen_forgetting_one(qtbot, book, branch_forgetting_one):
    from desktop.gui.dues_screen import DuesScreen

    w = DuesScreen(book, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1200, 720)
    w.show()
    qtbot.waitExposed(w)
    w.set_month("2026-10")
    w.ui.tabs.setCurrentWidget(w.ui.memberTab)
    return w


def test_a_later_first_start_is_named_before_saving(
    qtbot, screen_forgetting_one, book, branch_forgetting_one, tmp_path
):
    ui = screen_forgetting_one.ui
    screen_forgetting_one.select_member(branch_forgetting_one["丁漏"])
    assert ui.fromMonthCombo.currentText() == "2026年1月"
    assert not screen_forgetting_one.startWarning.isVisible()
    ui.fromMonthCombo.setCurrentIndex(10)  # 2026年11月
    assert screen_forgetting_one.startWarning.isVisible()
    assert screen_forgetting_one.startWarning.text().startswith(
        "丁漏 自2026年1月至10月的 10 个月将不计应缴"
    )
    screen_forgetting_one.grab().save(str(tmp_path / "member_start_warning.png"))
    qtbot.mouseClick(ui.saveRateButton, Qt.MouseButton.LeftButton)
    assert dues.rates(book, branch_forgetting_one["丁漏"])[0]["from_month"] == "2026-11"
    reg = dues.year_register(book, 2026, today=TODAY)
    assert reg["rates_missing"] == ["丁漏"]
    assert "未定标准" in screen_forgetting_one.ui.summaryLabel.text() or "未设定" in reg["warning"]


def test_a_change_of_standard_starts_this_month_quietly(
    qtbot, screen_forgetting_one, branch_forgetting_one
):
    ui = screen_forgetting_one.ui
    screen_forgetting_one.select_member(branch_forgetting_one["王二"])
    assert ui.fromMonthCombo.currentText() == "2026年11月"
    assert not screen_forgetting_one.startWarning.isVisible()


def test_bulk_dialog_defaults_to_the_books_start_and_warns(
    qtbot, book, branch_forgetting_one, tmp_path
):
    from desktop.gui.bulk_rate_dialog import BulkRateDialog

    dialog = BulkRateDialog(book, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.from_month == "2026-01" and not dialog.warning.isVisible()
    dialog.start.setCurrentIndex(10)
    assert dialog.warning.isVisible()
    assert dialog.warning.text().startswith("丁漏 自2026年1月至10月的 10 个月将不计应缴")
    # A fixed 0.20 category: no amount left in the box.
    dialog.category.setCurrentIndex(dialog.categories.index("学生"))
    assert dialog.amount.text() == "" and not dialog.amount.isVisible()
    assert dialog.amount_label.text() == "每月固定 0.20 元"
    dialog.grab().save(str(tmp_path / "bulk_start_warning.png"))
    dialog.category.setCurrentIndex(dialog.categories.index("农民"))
    assert dialog.amount.text() == "1.00" and dialog.amount.isVisible()
    dialog.start.setCurrentIndex(0)
    assert not dialog.warning.isVisible()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dues.rates(book, branch_forgetting_one["丁漏"])[0]["from_month"] == "2026-01"


# The 党费 screen lists 党小组 in natural order (第一、第二、第三, not 第一、第三、第二), and name
# lists in 姓氏笔画 order.


@pytest.fixture
def grouped(book):
    # Entered in stroke order, as an imported roster is: the groups come 第一、第三、第二.
    for name, group in [("丁一", "第一党小组"), ("王二", "第三党小组"), ("黄敏", "第二党小组")]:
        book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01", "group": group}
        )
    return book


def test_dues_collection_groups_in_order_and_unset_names_by_strokes(qtbot, grouped):
    from desktop.gui.dues_screen import DuesScreen

    # 曾 (12 strokes) of 第一 comes after 黄 (11) of 第二 when the names are listed.
    grouped.roster.add_member(
        {"name": "曾强", "status": "正式党员", "joined_date": "1990-01-01", "group": "第一党小组"}
    )
    w = DuesScreen(grouped, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    groups = [w.model.row(r)["group"] for r in range(w.model.rowCount())]
    assert groups == ["第一党小组", "第一党小组", "第二党小组", "第三党小组"]
    assert "丁一、王二、黄敏、曾强 未设定党费标准（4 人）" in w.ui.summaryLabel.text()
    dues.set_rates_for_unset(grouped, 2026, category="农民", from_month="2026-01", today=TODAY)
    w.refresh()
    assert w.ui.collectionView.currentIndex().column() == NOW
    w.ui.tabs.setCurrentWidget(w.ui.memberTab)
    names = [w.ui.memberList.item(i).text() for i in range(w.ui.memberList.count())]
    assert names[0] == "丁一（第一党小组）" and names[-1] == "曾强（第一党小组）"


# A receipt typed wrong: the window asks before saving an amount far above the standard, and
# 冲销收据… reverses one (a red receipt with its reason) so it can be recorded again.


def test_far_above_the_standard_is_asked_and_no_writes_nothing(
    qtbot, screen, book, branch, messages, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    ui = screen.ui
    ui.tabs.setCurrentWidget(ui.memberTab)
    screen.select_member(branch["田四"])
    ui.payFromCombo.setCurrentIndex(0)
    ui.payToCombo.setCurrentIndex(0)
    ui.payAmountEdit.setText("100")
    ui.receiverEdit.setText("会计")
    asked: list[str] = []

    def say_no(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", say_no)
    qtbot.mouseClick(ui.payButton, Qt.MouseButton.LeftButton)
    assert "是标准的 100 倍" in asked[0]
    assert dues.receipts(book, member_id=branch["田四"]) == []
    # The month's collection asks too.
    ui.tabs.setCurrentWidget(ui.collectionTab)
    screen.model.setData(
        screen.model.index(_row_of(screen, "王二"), NOW), "50", Qt.ItemDataRole.EditRole
    )
    screen.save_collection()
    assert len(asked) == 2 and "王二 2026年10月" in asked[1]
    assert dues.receipts(book, member_id=branch["王二"]) == []


def test_reverse_a_receipt_from_the_member_page(qtbot, screen, book, branch, monkeypatch, tmp_path):
    from desktop.gui.reverse_dues_dialog import ReverseDuesDialog

    wrong = dues.record_payment(
        book,
        branch["田四"],
        {"2026-11": 10000},
        paid_date="2026-11-20",
        receiver="会计",
        today=TODAY,
    )
    ui = screen.ui
    ui.tabs.setCurrentWidget(ui.memberTab)
    screen.select_member(branch["田四"])
    shots = []

    def fill_and_ok(dialog: ReverseDuesDialog):
        assert dialog.selected_receipt() == wrong
        dialog.resize(720, 420)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()  # no reason yet
        assert "请写明冲销原因" in dialog.ui.problemLabel.text()
        dialog.ui.reasonEdit.setText("金额录错，应为 1.00 元")
        dialog.show()
        shots.append(dialog.grab())
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(ReverseDuesDialog, "exec", fill_and_ok)
    qtbot.mouseClick(ui.reverseButton, Qt.MouseButton.LeftButton)
    red = dues.reversal_of(book, wrong)
    assert red["reason"] == "金额录错，应为 1.00 元" and red["decided_by"] == "会计"
    assert f"已冲销收据 {wrong}，红字收据号 {red['reversal_no']}" in ui.payError.text()
    assert screen.last_receipts == [red["reversal_no"]]
    shots[0].save(str(tmp_path / "reverse-dialog.png"))
    # Nothing left to reverse: the dialog says so and offers no 冲销.
    dialog = ReverseDuesDialog(book, branch["田四"], 2026, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert "没有可以冲销的收据" in dialog.ui.problemLabel.text()
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_reverse_a_receipt_from_the_months_collection(qtbot, screen, book, branch, monkeypatch):
    """The month's collection has its own 冲销收据…: the selected member's receipt of the month
    (saved wrong just now) is selected in the same dialog; after it the member owes the month
    again, in the same table, to be recorded right."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.gui.reverse_dues_dialog import ReverseDuesDialog

    ui = screen.ui
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    older = dues.record_payment(
        book, branch["王二"], {"2026-09": 100}, paid_date="2026-09-20", receiver="会计",
        today=TODAY,
    )  # fmt: skip
    ui.receiverEdit.setText("会计")
    screen.model.setData(
        screen.model.index(_row_of(screen, "王二"), NOW), "100", Qt.ItemDataRole.EditRole
    )
    screen.save_collection()
    assert warned == []
    (wrong,) = screen.last_receipts
    assert wrong != older and _states(book)["王二"][1] == 10000
    # Nothing selected in the table: told to select a member first, no dialog.
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    screen.ui.collectionView.setCurrentIndex(screen.model.index(-1, -1))
    qtbot.mouseClick(ui.reverseMonthButton, Qt.MouseButton.LeftButton)
    assert told and "请先在表中选中" in told[0]
    screen.ui.collectionView.setCurrentIndex(screen.model.index(_row_of(screen, "王二"), NOW))
    seen: list[str] = []

    def fill_and_ok(dialog: ReverseDuesDialog):
        seen.append(dialog.selected_receipt())  # this month's receipt, not September's
        dialog.ui.reasonEdit.setText("金额录错，应为 1.00 元")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(ReverseDuesDialog, "exec", fill_and_ok)
    qtbot.mouseClick(ui.reverseMonthButton, Qt.MouseButton.LeftButton)
    assert seen == [wrong]
    red = dues.reversal_of(book, wrong)
    assert red["decided_by"] == "会计" and dues.reversal_of(book, older) is None
    assert f"已冲销收据 {wrong}，红字收据号 {red['reversal_no']}" in ui.collectionTotals.text()
    assert _states(book)["王二"][1] == 0  # owing the month again
    assert screen.model.row(screen.ui.collectionView.currentIndex().row())["name"] == "王二"
    # Recorded right in the same table.
    screen.model.setData(
        screen.model.index(_row_of(screen, "王二"), NOW), "1", Qt.ItemDataRole.EditRole
    )
    screen.save_collection()
    assert warned == [] and _states(book)["王二"] == ("已缴", 100)


def test_the_reversal_dialog_finds_a_receipt_of_another_year(qtbot, book, branch, tmp_path):
    """Last December's receipt, found wrong in the new year: the dialog lists the screen's
    year, and the others on asking (at once when the year has none to reverse); the red
    receipt takes this year's next number."""
    from desktop.gui.reverse_dues_dialog import ReverseDuesDialog

    # Last year's row as an imported 党费 sheet brings it (the book's standards start in 2026).
    book.db["dues_payments"].insert(
        {
            "member_id": branch["王二"],
            "month": "2025-12",
            "due_fen": 100,
            "paid_fen": 10000,
            "paid_date": "2025-12-20",
            "receiver": "会计",
            "receipt_no": "20250007",
            "created_at": "2025-12-20T10:00:00",
        }
    )
    this_year = dues.record_payment(
        book, branch["王二"], {"2026-10": 100}, paid_date="2026-10-08", receiver="会计",
        today=TODAY,
    )  # fmt: skip
    dialog = ReverseDuesDialog(book, branch["王二"], 2026, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert [r["receipt_no"] for r in dialog.receipts] == [this_year]
    assert not dialog.ui.allYearsCheck.isChecked()
    qtbot.mouseClick(dialog.ui.allYearsCheck, Qt.MouseButton.LeftButton)
    assert [r["receipt_no"] for r in dialog.receipts] == ["20250007", this_year]
    assert dialog.selected_receipt() == this_year  # the latest stays the default
    dialog.ui.receiptsTable.selectRow(0)
    dialog.ui.reasonEdit.setText("金额录错，应为 1.00 元")
    dialog.resize(840, 420)
    dialog.show()
    dialog.grab().save(str(tmp_path / "reverse-other-year.png"))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == ReverseDuesDialog.DialogCode.Accepted
    red = dues.reversal_of(book, "20250007")
    assert red["reversal_no"] == dialog.red_no == "20260002"
    # Opened on 2025 (the screen shows last year's months too): none left there, so the
    # other years are listed at once.
    again = ReverseDuesDialog(book, branch["王二"], 2025, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.ui.allYearsCheck.isChecked()
    assert [r["receipt_no"] for r in again.receipts] == [this_year]


def test_the_reversal_dialog_reverses_a_payment_without_a_receipt_number(
    qtbot, screen, book, branch, monkeypatch
):
    """A row from an imported 党费 sheet without 收据号 is listed by its 记录号 and reversed
    from the month's collection like any receipt."""
    from desktop.gui.reverse_dues_dialog import ReverseDuesDialog

    row_id = (
        book.db["dues_payments"]
        .insert(
            {
                "member_id": branch["石三"],
                "month": "2026-10",
                "due_fen": 100,
                "paid_fen": 10000,
                "paid_date": "2026-10-12",
                "receiver": "会计",
                "receipt_no": None,
                "created_at": "2026-10-12T10:00:00",
            }
        )
        .last_pk
    )
    screen.refresh()
    _go_to(qtbot, screen, "石三")
    shown: list[str] = []

    def fill_and_ok(dialog: ReverseDuesDialog):
        table = dialog.ui.receiptsTable
        shown.append(table.item(table.selectionModel().selectedRows()[0].row(), 0).text())
        dialog.ui.reasonEdit.setText("金额录错，应为 1.00 元")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(ReverseDuesDialog, "exec", fill_and_ok)
    qtbot.mouseClick(screen.ui.reverseMonthButton, Qt.MouseButton.LeftButton)
    assert shown == [f"（无收据号，记录号 {row_id}）"]
    assert dues.reversal_of(book, f"#{row_id}")["reason"] == "金额录错，应为 1.00 元"
    text = screen.ui.collectionTotals.text()
    assert f"已冲销无收据号的缴费（记录号 {row_id}），红字收据号 20260001" in text
    assert _states(book)["石三"][1] == 0
