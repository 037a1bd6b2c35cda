"""备份与恢复 → 报送乡镇…: the pack written from the window, with its progress bar, and the
mistakes the dialog catches before starting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def _dialog(qtbot, window):
    from desktop.gui.handover_dialog import HandoverDialog

    window.show_screen("备份与恢复")
    qtbot.mouseClick(window.backup_screen.ui.handoverButton, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in window.backup_screen.findChildren(HandoverDialog) if d.isVisible()]
    return dialog


def test_handover_from_the_window_writes_the_pack(qtbot, window, messages, tmp_path: Path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    dialog = _dialog(qtbot, window)
    assert dialog.ui.yearSpin.value() == 2026
    assert not dialog.ui.passwordEdit.isEnabled()
    dialog.ui.folderEdit.setText(str(stick))
    qtbot.mouseClick(dialog.ui.encryptCheck, Qt.MouseButton.LeftButton)
    dialog.ui.passwordEdit.setText("abc123")
    dialog.ui.password2Edit.setText("abc124")
    dialog.start()
    assert "两次输入的密码不一样" in dialog.ui.problemLabel.text()
    dialog.ui.password2Edit.setText("abc123")
    with qtbot.waitSignal(dialog.finished_pack, timeout=60000) as blocker:
        dialog.start()
    pack = Path(blocker.args[0])
    assert pack.parent == stick and (pack / "清单.json").exists()
    assert (pack / "账本备份.db.enc").exists()
    assert dialog.ui.progressBar.value() == 100
    assert str(pack) in messages.texts("information")[-1]


def test_the_operator_field_carries_into_the_pack_as_the_cli_option_does(
    qtbot, window, messages, typist, monkeypatch, tmp_path: Path
):
    """经办人: the book's name prefilled; another name typed goes into this pack only (as
    `handover --operator`); an emptied field leaves a blank to sign, never the login name."""
    import json

    from PySide6.QtWidgets import QDialogButtonBox

    monkeypatch.setattr("getpass.getuser", lambda: "DELL")
    window.book.update_branch(name="测试支部", operator="张红梅")
    for n, (typed, expected) in enumerate((("李秀英", "李秀英"), ("", ""))):
        stick = tmp_path / f"U盘{n}"
        stick.mkdir()
        dialog = _dialog(qtbot, window)
        assert dialog.ui.operatorEdit.text() == "张红梅"
        assert dialog.ui.operatorEdit.isEnabled()
        dialog.ui.folderEdit.setText(str(stick))
        dialog.ui.operatorEdit.clear()
        if typed:
            typist(dialog.ui.operatorEdit, typed)
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        with qtbot.waitSignal(dialog.finished_pack, timeout=60000) as blocker:
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        manifest = json.loads((Path(blocker.args[0]) / "清单.json").read_text(encoding="utf-8"))
        assert manifest["operator"] == expected
        shown = messages.texts("information")[-1]
        assert f"经办人：{expected or '未填写'}" in shown and "DELL" not in shown
    # The book's own 经办人 is not changed by a hand-over.
    assert window.book.operator == "张红梅"


def test_handover_to_a_pulled_stick_says_so(qtbot, window, messages, tmp_path: Path):
    dialog = _dialog(qtbot, window)
    dialog.ui.folderEdit.setText(str(tmp_path / "拔掉的U盘"))
    job = dialog.start()
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert "文件夹不存在" in dialog.ui.problemLabel.text()
    assert dialog.isVisible()


def test_import_receipt_from_the_window(qtbot, messages, tmp_path: Path):
    """导入乡镇审核回执…: the decision recorded, shown on 年度评定; another book's refused."""
    from desktop.book.handover import make_handover
    from desktop.book.receipt import approve_pack, write_receipt
    from desktop.gui.main_window import MainWindow
    from tests.book.year_end_testkit import TODAY, YEAR, confirm_year, make_year_book

    book = make_year_book(tmp_path / "branch.db")
    confirm_year(book)
    stick = tmp_path / "U盘"
    stick.mkdir()
    pack = make_handover(book, stick, year=YEAR, today=TODAY)
    from datetime import date

    data = approve_pack(pack, by="李审", opinion="同意", approve=["001"], on=date(2026, 1, 20))
    receipt = write_receipt(data, tmp_path / "回执.json")
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    w.show_screen("备份与恢复")
    screen = w.backup_screen
    assert screen.ui.receiptButton.isEnabled()
    job = screen.import_receipt(receipt)
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert "乡镇党委已于2026年1月20日审核通过" in messages.texts("information")[-1]
    w.show_screen("年度评定")
    ye = w.year_end_screen
    ye.year.setValue(YEAR)
    qtbot.waitUntil(lambda: "审核通过" in ye.state.text(), timeout=30000)
    # The same receipt again is refused with the reason.
    job = screen.import_receipt(receipt)
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert "已经导入过" in messages.texts("warning")[-1]
    w.close()
