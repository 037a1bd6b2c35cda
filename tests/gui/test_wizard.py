"""The first-run wizard creates a book from what the user typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.book.store import Book
from desktop.gui.wizard import BookWizard


@pytest.fixture(autouse=True)
def _quit_without_asking(monkeypatch):
    """Closing a first-run wizard asks before quitting; the tests' teardown closes them."""
    monkeypatch.setattr("desktop.gui.wizard.confirm_quit", lambda parent: True)


def pick(qtbot, wizard, way: str) -> None:
    """Click a way's radio button on its circle (a click beyond its text misses)."""
    from PySide6.QtCore import QPoint

    radio = wizard.intro.radios[way]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def test_wizard_creates_the_book(qtbot, typist, tmp_path: Path):
    target = tmp_path / "新账本.db"
    wizard = BookWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.branch

    ui = wizard.branch.ui
    typist(ui.branchNameEdit, "中共红旗村支部委员会")
    typist(ui.parentOrgEdit, "中共青山镇委员会")
    ui.kindCombo.setCurrentText("社区")
    ui.yearSpin.setValue(2027)
    typist(ui.operatorEdit, "张红梅")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.scheme
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.location
    assert wizard.location.ui.pathEdit.text() == str(target)
    assert "中共红旗村支部委员会" in wizard.location.ui.summaryLabel.text()

    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.book is not None
    assert wizard.book.branch() == {
        "name": "中共红旗村支部委员会",
        "parent_org": "中共青山镇委员会",
        "kind": "社区",
    }
    assert wizard.book.current_year == 2027
    assert wizard.book.operator == "张红梅"
    assert wizard.book.journal(1)[0]["actor"] == "张红梅"  # from the very first line
    wizard.book.close()
    with Book.open(target) as again:  # really on disk
        assert again.branch()["name"] == "中共红旗村支部委员会"


def test_branch_name_is_required(qtbot, typist, tmp_path: Path):
    wizard = BookWizard(tmp_path / "b.db")
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)  # name still empty
    assert wizard.currentPage() is wizard.branch
    assert wizard.branch.ui.problemLabel.isVisible()
    assert "支部名称" in wizard.branch.ui.problemLabel.text()
    typist(wizard.branch.ui.branchNameEdit, "测试支部")
    assert not wizard.branch.ui.problemLabel.isVisible()


def test_wizard_never_overwrites_a_file(qtbot, typist, tmp_path: Path):
    existing = tmp_path / "别人的文件.db"
    existing.write_bytes(b"precious")
    wizard = BookWizard(tmp_path / "b.db")
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    typist(wizard.branch.ui.branchNameEdit, "测试支部")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    wizard.location.ui.pathEdit.setText(str(existing))
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.book is None
    assert wizard.isVisible()
    assert "已经有一个文件" in wizard.location.ui.problemLabel.text()
    assert existing.read_bytes() == b"precious"


def test_suggested_path_avoids_existing_files(qtbot, tmp_path: Path):
    (tmp_path / "b.db").write_bytes(b"x")
    wizard = BookWizard(tmp_path / "b.db")
    qtbot.addWidget(wizard)
    assert wizard.suggested_path(demo=False) == tmp_path / "b-2.db"


def test_wizard_stores_the_chosen_scheme(qtbot, typist, tmp_path: Path):
    wizard = BookWizard(tmp_path / "b.db")
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    typist(wizard.branch.ui.branchNameEdit, "机关第一支部")
    wizard.branch.ui.kindCombo.setCurrentText("机关")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    schemes = wizard.scheme.ui.schemeList
    chosen = wizard.scheme.scheme_id()
    if schemes.count() > 1:
        assert chosen and "jiguan" in chosen  # preselected for the branch type
        assert wizard.scheme.ui.descriptionLabel.text().startswith("分项：")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.book is not None
    assert wizard.book.setting("default_scheme") == chosen
    wizard.book.close()


def test_wizard_demo_branch(qtbot, tmp_path: Path):
    import pytest

    from desktop.gui.wizard import demo_available

    if not demo_available():
        pytest.skip("demo module not available")
    wizard = BookWizard(tmp_path / "先锋指数账本.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.intro.choose("demo")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.location  # no branch questions for a demo
    assert wizard.location.ui.pathEdit.text() == str(tmp_path / "示范支部.db")
    with qtbot.waitSignal(wizard.accepted, timeout=20000):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.book is not None
    assert sum(wizard.book.roster.count().values()) > 20
    wizard.book.close()
    assert not (tmp_path / "先锋指数账本.db").exists()


def test_the_first_page_offers_four_ways_in(qtbot, tmp_path: Path):
    from desktop.gui.wizard import WAYS

    wizard = BookWizard(tmp_path / "b.db")
    qtbot.addWidget(wizard)
    wizard.show()
    texts = [wizard.intro.radios[w.key].text() for w in WAYS]
    assert texts[:4] == [
        "为我们支部新建账本（推荐）",
        "生成示范支部（先看看）",
        "打开已有账本",
        "从备份恢复",
    ]
    assert all(wizard.intro.hints[w.key].text() for w in WAYS)
    wizard.intro.choose("open")
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "打开…"
    wizard.intro.choose("new")
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()


def test_open_an_existing_book(qtbot, monkeypatch, tmp_path: Path):
    from PySide6.QtWidgets import QFileDialog

    existing = tmp_path / "U盘" / "红旗村.db"
    existing.parent.mkdir()
    Book.create(existing, branch="红旗村党支部", year=2026).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(existing), ""))
    wizard = BookWizard(tmp_path / "新.db")
    qtbot.addWidget(wizard)
    wizard.show()
    pick(qtbot, wizard, "open")
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.book is not None and Path(wizard.book.path) == existing
    assert wizard.book.branch()["name"] == "红旗村党支部"
    wizard.book.close()
    assert not (tmp_path / "新.db").exists()


def test_restore_from_a_backup(qtbot, monkeypatch, tmp_path: Path):
    from PySide6.QtWidgets import QMessageBox

    from desktop.book.backup import backup_book

    old = tmp_path / "旧电脑" / "红旗村.db"
    old.parent.mkdir()
    with Book.create(old, branch="红旗村党支部", year=2026) as book:
        book.roster.add_member({"name": "王一", "status": "正式党员"})
        backup = backup_book(book, reason="拷到U盘")
    monkeypatch.setattr("desktop.gui.backup_screen.choose_backup_file", lambda parent: backup)
    monkeypatch.setattr("desktop.gui.backup_screen.confirm_restore", lambda parent, b: True)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    target = tmp_path / "新电脑" / "先锋指数账本.db"
    target.parent.mkdir()
    wizard = BookWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    pick(qtbot, wizard, "restore")
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "恢复…"
    with qtbot.waitSignal(wizard.accepted, timeout=20000):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.book is not None and Path(wizard.book.path) == target
    assert [m["name"] for m in wizard.book.roster.members()] == ["王一"]
    wizard.book.close()


def test_cancelling_the_first_run_asks_before_quitting(qtbot, monkeypatch, tmp_path: Path):
    answers = [False, True]
    asked: list[bool] = []

    def answer(parent) -> bool:
        asked.append(True)
        return answers.pop(0)

    monkeypatch.setattr("desktop.gui.wizard.confirm_quit", answer)
    wizard = BookWizard(tmp_path / "b.db")
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert asked == [True] and wizard.isVisible()  # "no": stay
    with qtbot.waitSignal(wizard.rejected):
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert asked == [True, True]


def test_the_wizard_asks_the_starting_month(qtbot, typist, tmp_path: Path):
    from desktop.book.points_start import points_start

    target = tmp_path / "年中.db"
    wizard = BookWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    typist(wizard.branch.ui.branchNameEdit, "晚来村党支部")
    wizard.branch.ui.yearSpin.setValue(2025)
    wizard.branch.ui.startCombo.setCurrentIndex(9)  # 从10月起
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "从10月起记分" in wizard.location.ui.summaryLabel.text()
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert points_start(wizard.book) == "2025-10"
    wizard.book.close()


def test_an_empty_operator_is_explained_as_it_really_works(qtbot, typist, tmp_path: Path):
    """Left empty, 经办人 is the login name in the journal only: what goes to the township
    leaves a blank to sign (session 7, C). The page says so, and the page still fits a
    1366×768 screen at 125% (about 1093×560 free)."""
    import json

    from desktop.book.handover import make_handover

    target = tmp_path / "无经办人.db"
    wizard = BookWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    ui = wizard.branch.ui
    assert "登录名" not in ui.operatorEdit.placeholderText()
    assert ui.operatorHint.isVisible()
    hint = ui.operatorHint.text()
    assert "留空" in hint and "手签" in hint and "操作记录记电脑的登录名" in hint
    hint_size = wizard.minimumSizeHint()
    assert hint_size.width() <= 1093 and hint_size.height() <= 560, hint_size
    typist(ui.branchNameEdit, "红旗村党支部")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    book = wizard.book
    assert book.operator == ""
    stick = tmp_path / "U盘"
    stick.mkdir()
    pack = make_handover(book, stick)
    assert json.loads((pack / "清单.json").read_text(encoding="utf-8"))["operator"] == ""
    book.close()
