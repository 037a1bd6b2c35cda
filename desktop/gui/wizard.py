"""The first-run wizard: a new branch book (name, type, year, scheme, where) or a demo branch."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget, QWizard, QWizardPage

from desktop.book.errors import BookError
from desktop.book.store import Book
from desktop.gui.forms.ui_wizard_branch import Ui_WizardBranchPage
from desktop.gui.forms.ui_wizard_intro import Ui_WizardIntroPage
from desktop.gui.forms.ui_wizard_location import Ui_WizardLocationPage
from desktop.gui.forms.ui_wizard_scheme import Ui_WizardSchemePage

log = logging.getLogger(__name__)

PAGE_INTRO, PAGE_BRANCH, PAGE_SCHEME, PAGE_LOCATION = range(4)
DEFAULT_SCHEME_LABEL = "使用默认方案"
BOOK_FILTER = "先锋指数账本 (*.db);;所有文件 (*)"


def available_presets() -> list[dict[str, str]]:
    """The scheme presets the rules engine ships, as {id, title, description}; [] if none."""
    try:
        from desktop.rules.presets import list_presets
    except ImportError:
        return []
    try:
        presets = list(list_presets())
    except Exception:  # a broken preset must not stop a new user from starting
        log.exception("listing scheme presets failed")
        return []
    return [_describe_preset(p) for p in presets]


def _describe_preset(preset: Any) -> dict[str, str]:
    def get(*names: str) -> str:
        for name in names:
            value = preset.get(name) if isinstance(preset, dict) else getattr(preset, name, None)
            if value:
                return str(value)
        return ""

    if isinstance(preset, (tuple, list)):
        return {
            "id": str(preset[0]),
            "title": str(preset[1]) if len(preset) > 1 else str(preset[0]),
            "description": str(preset[2]) if len(preset) > 2 else "",
        }
    if isinstance(preset, str):
        return {"id": preset, "title": preset, "description": ""}
    pid = get("id", "scheme_id", "key")
    return {
        "id": pid,
        "title": get("title", "name", "label") or pid,
        "description": get("description", "summary", "note"),
    }


# A branch type whose preset is obvious: part of the preset id to preselect.
KIND_PRESET_HINTS = {"农村": "nongcun", "机关": "jiguan", "事业单位": "jiguan"}


def describe_scheme(preset_id: str) -> str:
    """A short Chinese description of a preset (its basis, sections and note), or ""."""
    if not preset_id:
        return ""
    try:
        from desktop.rules.presets import load_preset

        scheme = load_preset(preset_id)
    except Exception:  # a description is a nicety; never block the wizard over it
        log.exception("describing preset %s failed", preset_id)
        return ""
    lines = []
    sections = "，".join(
        f"{sec.name} {_points(sec.max)} 分" if sec.max else sec.name for sec in scheme.sections
    )
    if sections:
        lines.append(f"分项：{sections}")
    if getattr(scheme, "source", ""):
        lines.append(f"依据：{scheme.source}")
    if getattr(scheme, "note", ""):
        lines.append(scheme.note)
    return "\n".join(lines)


def _points(value: Any) -> str:
    text = str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def demo_available() -> bool:
    try:
        from desktop.book.demo import create_demo  # noqa: F401
    except ImportError:
        return False
    return True


def unused_path(path: Path) -> Path:
    """`path`, or the same name with -2, -3… if a file is already there."""
    path = Path(path)
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


class IntroPage(QWizardPage):
    def __init__(self, first_run: bool) -> None:
        super().__init__()
        self.ui = Ui_WizardIntroPage()
        self.ui.setupUi(self)
        if not first_run:
            self.setTitle("新建账本")  # made big by the wizard
            self.setSubTitle("一个账本记录一个党支部的全部情况。")
            self.ui.questionLabel.setText("您想：")
        if not demo_available():
            self.ui.demoRadio.setEnabled(False)
            self.ui.demoHint.setText("（这个版本没有附带示范支部。）")
        self.ui.townshipRadio.toggled.connect(self._township_toggled)

    def wants_demo(self) -> bool:
        return self.ui.demoRadio.isChecked()

    def _township_toggled(self, on: bool) -> None:
        self.setButtonText(QWizard.WizardButton.NextButton, "打开审核台" if on else "下一步")

    def wants_township(self) -> bool:
        return self.ui.townshipRadio.isChecked()

    def validatePage(self) -> bool:
        # 乡镇（街道）审核 needs no book: the wizard ends here and the desk opens.
        if self.wants_township():
            if getattr(self, "_leaving", False):
                return True  # QWizard.done() validates the page once more
            from PySide6.QtCore import QTimer

            self._leaving = True
            wizard = self.wizard()  # closed after next() has returned, not inside it
            QTimer.singleShot(0, lambda: wizard.done(1))
            return False
        return True

    def nextId(self) -> int:
        return PAGE_LOCATION if self.wants_demo() else PAGE_BRANCH


class BranchPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.ui = Ui_WizardBranchPage()
        self.ui.setupUi(self)
        self.ui.yearSpin.setValue(date.today().year)
        self.ui.problemLabel.hide()
        self.ui.branchNameEdit.textChanged.connect(self._clear_problem)

    def _clear_problem(self) -> None:
        self.ui.problemLabel.hide()

    def initializePage(self) -> None:
        self.ui.branchNameEdit.setFocus()

    def validatePage(self) -> bool:
        if not self.ui.branchNameEdit.text().strip():
            self.ui.problemLabel.setText("请填写支部名称。")
            self.ui.problemLabel.show()
            self.ui.branchNameEdit.setFocus()
            return False
        return True

    def values(self) -> dict[str, Any]:
        return {
            "branch": self.ui.branchNameEdit.text().strip(),
            "parent_org": self.ui.parentOrgEdit.text().strip(),
            "kind": self.ui.kindCombo.currentText(),
            "year": self.ui.yearSpin.value(),
            "operator": self.ui.operatorEdit.text().strip(),
        }


class SchemePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.ui = Ui_WizardSchemePage()
        self.ui.setupUi(self)
        presets = available_presets()
        if not presets:
            presets = [{"id": "", "title": DEFAULT_SCHEME_LABEL, "description": ""}]
            # Nothing to choose between: say so instead of showing a one-line list.
            self.ui.schemeList.hide()
            self.ui.descriptionLabel.setProperty("role", "notice")
            self.ui.descriptionLabel.setText(
                "将使用默认方案：程序自带的通用积分方案。建好账本后，分值和规则可以再调整。"
            )
            self._fixed_description = True
        for preset in presets:
            item = QListWidgetItem(preset["title"])
            item.setData(Qt.ItemDataRole.UserRole, preset["id"])
            item.setData(Qt.ItemDataRole.UserRole + 1, preset["description"])
            self.ui.schemeList.addItem(item)
        self.ui.schemeList.currentItemChanged.connect(self._show_description)
        self.ui.schemeList.setCurrentRow(0)
        self.ui.schemeList.setSpacing(4)

    _fixed_description = False

    def _show_description(self, item: QListWidgetItem | None) -> None:
        if self._fixed_description:
            return
        text = item.data(Qt.ItemDataRole.UserRole + 1) if item else ""
        if item is not None and not text:
            text = describe_scheme(item.data(Qt.ItemDataRole.UserRole))
            item.setData(Qt.ItemDataRole.UserRole + 1, text)
        self.ui.descriptionLabel.setText(text or "")

    def initializePage(self) -> None:
        """Start from the preset that fits the branch type, if one obviously does."""
        wizard = self.wizard()
        kind = wizard.branch.values()["kind"] if isinstance(wizard, BookWizard) else ""
        hint = KIND_PRESET_HINTS.get(kind)
        if not hint:
            return
        for row in range(self.ui.schemeList.count()):
            if hint in (self.ui.schemeList.item(row).data(Qt.ItemDataRole.UserRole) or ""):
                self.ui.schemeList.setCurrentRow(row)
                break

    def scheme_id(self) -> str | None:
        item = self.ui.schemeList.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return value or None

    def scheme_title(self) -> str:
        item = self.ui.schemeList.currentItem()
        return item.text() if item else DEFAULT_SCHEME_LABEL


class LocationPage(QWizardPage):
    def __init__(self, wizard: BookWizard) -> None:
        super().__init__()
        self.ui = Ui_WizardLocationPage()
        self.ui.setupUi(self)
        self._wizard = wizard
        self.ui.problemLabel.hide()
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.pathEdit.textChanged.connect(lambda _text: self.ui.problemLabel.hide())
        self.setFinalPage(True)

    def initializePage(self) -> None:
        wiz = self._wizard
        demo = wiz.intro.wants_demo()
        self.ui.pathEdit.setText(str(wiz.suggested_path(demo)))
        if demo:
            self.ui.summaryLabel.setText(
                "将生成一个虚构的示范支部账本，供熟悉程序使用。点“完成”开始。"
            )
        else:
            v = wiz.branch.values()
            self.ui.summaryLabel.setText(
                f"将新建账本：{v['branch']}（{v['kind']}），{v['year']} 年，"
                f"积分方案：{wiz.scheme.scheme_title()}。点“完成”开始使用。"
            )

    def _browse(self) -> None:
        current = self.ui.pathEdit.text().strip()
        chosen, _filter = QFileDialog.getSaveFileName(self, "账本保存到", current, BOOK_FILTER)
        if chosen:
            self.ui.pathEdit.setText(chosen)

    def chosen_path(self) -> Path | None:
        text = self.ui.pathEdit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix else path.with_suffix(".db")

    def _problem(self, text: str) -> bool:
        self.ui.problemLabel.setText(text)
        self.ui.problemLabel.show()
        return False

    def validatePage(self) -> bool:
        path = self.chosen_path()
        if path is None:
            return self._problem("请选择账本文件保存的位置。")
        if path.exists():
            return self._problem(
                "这个位置已经有一个文件了，请换一个文件名（程序不会覆盖已有文件）。"
            )
        try:
            self._wizard.create_book(path)
        except BookError as err:
            return self._problem(str(err))
        except OSError as err:
            return self._problem(f"无法在这里保存账本：{err.strerror or err}。请换一个文件夹。")
        return True


class BookWizard(QWizard):
    """Creates a book; afterwards `self.book` is the open Book (or None if cancelled)."""

    def __init__(
        self, default_path: Path, parent: QWidget | None = None, *, first_run: bool = True
    ) -> None:
        super().__init__(parent)
        self.default_path = Path(default_path)
        self.book: Book | None = None
        self.setWindowTitle("先锋指数 — 新建账本" if not first_run else "先锋指数 — 开始使用")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "完成")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步")
        self.setButtonText(QWizard.WizardButton.BackButton, "上一步")
        self.setMinimumSize(720, 520)
        self.intro = IntroPage(first_run)
        self.branch = BranchPage()
        self.scheme = SchemePage()
        self.location = LocationPage(self)
        self.setPage(PAGE_INTRO, self.intro)
        self.setPage(PAGE_BRANCH, self.branch)
        self.setPage(PAGE_SCHEME, self.scheme)
        self.setPage(PAGE_LOCATION, self.location)
        self.setStartId(PAGE_INTRO)
        self.setTitleFormat(Qt.TextFormat.RichText)
        for page_id in self.pageIds():
            page = self.page(page_id)
            page.setTitle(_big(page.title()))

    def suggested_path(self, demo: bool) -> Path:
        if demo:
            return unused_path(self.default_path.with_name("示范支部.db"))
        return unused_path(self.default_path)

    def create_book(self, path: Path) -> Book:
        """Create the book the pages describe at `path` (raises BookError if refused)."""
        if self.intro.wants_demo():
            from desktop.gui.worker import call_in_background

            call_in_background(self, lambda: _make_demo(path), "正在生成示范支部…")
            self.book = Book.open(path)
        else:
            v = self.branch.values()
            self.book = Book.create(
                path,
                branch=v["branch"],
                year=v["year"],
                scheme_id=self.scheme.scheme_id(),
                parent_org=v["parent_org"],
                kind=v["kind"],
                operator=v["operator"],
            )
        return self.book


def _big(title: str) -> str:
    return f'<span style="font-size:17pt; font-weight:bold;">{title}</span>'


def _make_demo(path: Path) -> Path:
    """Runs on a worker thread: the demo book is created, closed, and reopened by the UI."""
    from desktop.book.demo import create_demo

    create_demo(path, year=None).close()
    return path


def run_wizard(
    default_path: Path, parent: QWidget | None = None, *, first_run: bool = True
) -> Book | None:
    """Show the wizard modally; return the new open Book, or None if the user cancelled."""
    wizard = BookWizard(default_path, parent, first_run=first_run)
    accepted = wizard.exec()
    if accepted and wizard.intro.wants_township():
        from desktop.gui.township_desk import run_township_desk

        run_township_desk()  # until it is closed; no book is opened
    return wizard.book
