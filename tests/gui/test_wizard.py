"""The first-run wizard creates a book from what the user typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.book.store import Book
from desktop.gui.wizard import BookWizard


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
    wizard.intro.ui.demoRadio.setChecked(True)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.location  # no branch questions for a demo
    assert wizard.location.ui.pathEdit.text() == str(tmp_path / "示范支部.db")
    with qtbot.waitSignal(wizard.accepted, timeout=20000):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.book is not None
    assert sum(wizard.book.roster.count().values()) > 20
    wizard.book.close()
    assert not (tmp_path / "先锋指数账本.db").exists()
