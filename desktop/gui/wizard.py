"""The first-run wizard: a new branch book (name, type, year, scheme, where) or a demo branch."""

from __future__ import annotations

import logging
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Way:
    """One way into the program offered on the first page. `page` is where 下一步 goes; a
    way without a page finishes on the first page through the wizard's `take_<key>` method
    (open a file, restore a backup …). Another way (issue 13's 乡镇（街道）审核) is one more
    entry in WAYS and, if it ends on the first page, one more `take_` method."""

    key: str
    text: str
    hint: str
    page: int | None = None
    finish: str = "完成"  # the button's text when this way ends on the first page


WAYS: tuple[Way, ...] = (
    Way(
        "new",
        "为我们支部新建账本（推荐）",
        "接下来填写支部名称、年度和积分方案，大约一分钟。党员名册以后可以逐个录入，"
        "也可以从 Excel（包括乡镇发的花名册）导入。",
        PAGE_BRANCH,
    ),
    Way(
        "demo",
        "生成示范支部（先看看）",
        "程序生成一个虚构的支部（约 40 名党员、3 个党小组），可以随意试用，"
        "不影响以后新建的真实账本。",
        PAGE_LOCATION,
    ),
    Way(
        "open",
        "打开已有账本",
        "这台电脑上或 U 盘里已经有本支部的账本文件（.db），直接打开它。",
        finish="打开…",
    ),
    Way(
        "restore",
        "从备份恢复",
        "换了新电脑，或账本坏了：选择备份文件（常在 U 盘里），"
        "程序核对后恢复成一个新的账本文件并打开。",
        finish="恢复…",
    ),
    Way(
        "township",
        "乡镇（街道）审核",
        "乡镇（街道）党委用：核对各支部交来的报送包，汇总、打印，写审核回执。不需要账本。",
        finish="打开审核台",
    ),
)


class IntroPage(QWizardPage):
    def __init__(self, first_run: bool) -> None:
        super().__init__()
        from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton

        self.ui = Ui_WizardIntroPage()
        self.ui.setupUi(self)
        if not first_run:
            self.setTitle("新建账本")  # made big by the wizard
            self.setSubTitle("一个账本记录一个党支部的全部情况。")
            self.ui.questionLabel.setText("您想：")
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.hints: dict[str, QLabel] = {}
        for i, way in enumerate(WAYS):
            radio = QRadioButton(way.text, self)
            radio.setObjectName(f"{way.key}Radio")
            hint = QLabel(way.hint, self)
            hint.setObjectName(f"{way.key}Hint")
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            hint.setIndent(28)
            self.group.addButton(radio, i)
            self.ui.waysLayout.addWidget(radio)
            self.ui.waysLayout.addWidget(hint)
            self.radios[way.key] = radio
            self.hints[way.key] = hint
        self.radios[WAYS[0].key].setChecked(True)
        self.ui.townshipRadio = self.radios["township"]  # the name issue 13's tests know
        self.group.idToggled.connect(lambda *_: self.completeChanged.emit())
        if not demo_available():
            self.radios["demo"].setEnabled(False)
            self.hints["demo"].setText("（这个版本没有附带示范支部。）")

    def way(self) -> Way:
        return WAYS[max(self.group.checkedId(), 0)]

    def choose(self, key: str) -> None:
        self.radios[key].setChecked(True)

    def wants_demo(self) -> bool:
        return self.way().key == "demo"

    def wants_township(self) -> bool:
        return self.way().key == "township"

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        page = self.way().page
        return -1 if page is None else page

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """A way that ends here (open, restore) does its work now; False keeps the page."""
        if self.way().page is not None:
            return True
        wizard = self.wizard()
        take = getattr(wizard, f"take_{self.way().key}", None)
        return bool(take and take())


class BranchPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.ui = Ui_WizardBranchPage()
        self.ui.setupUi(self)
        self.ui.yearSpin.setValue(date.today().year)
        self.ui.startCombo.addItem("从年初（1月）起", None)
        for month in range(2, 13):
            self.ui.startCombo.addItem(f"从{month}月起（此前不记分）", month)
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
            "start": self.start_month(),
        }

    def start_month(self) -> str | None:
        """ "YYYY-MM" when the branch starts keeping points after January, else None."""
        month = self.ui.startCombo.currentData()
        return f"{self.ui.yearSpin.value():04d}-{month:02d}" if month else None


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
            start = f"，从{int(v['start'][5:])}月起记分" if v["start"] else ""
            self.ui.summaryLabel.setText(
                f"将新建账本：{v['branch']}（{v['kind']}），{v['year']} 年{start}，"
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
        self.first_run = first_run
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
        self.intro.group.idToggled.connect(self._way_changed)
        self.setTitleFormat(Qt.TextFormat.RichText)
        for page_id in self.pageIds():
            page = self.page(page_id)
            page.setTitle(_big(page.title()))

    def _way_changed(self, *_args: Any) -> None:
        way = self.intro.way()
        # setFinalPage makes QWizard lay its buttons out again (完成 instead of 下一步).
        self.intro.setFinalPage(way.page is None)
        self.setButtonText(QWizard.WizardButton.FinishButton, way.finish)

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
            if v["start"]:
                from desktop.book.points_start import set_points_start

                set_points_start(self.book, v["start"])
        return self.book

    # -- the ways that end on the first page -----------------------------------------------

    def take_open(self) -> bool:
        """打开已有账本: choose a .db file and open it (a file that can't be opened offers its
        way out, as at start-up)."""
        from desktop.gui.opening import choose_book_file, open_with_way_out

        chosen = choose_book_file(self, self.default_path.parent)
        if chosen is None:
            return False
        self.book = open_with_way_out(self, chosen, quit_text="返回")
        return self.book is not None

    def take_township(self) -> bool:
        """乡镇（街道）审核 needs no book: the wizard ends and `run_wizard` opens the desk."""
        return True

    def take_restore(self) -> bool:
        """从备份恢复: choose a backup, show what it holds, restore it as a new book beside the
        default one (never over a file) and open it."""
        from desktop.gui.backup_screen import choose_backup_file, confirm_restore, run_restore

        backup = choose_backup_file(self)
        if backup is None or not confirm_restore(self, backup):
            return False
        target = unused_path(self.default_path)
        if run_restore(self, target, backup) is None:
            return False
        try:
            self.book = Book.open(target)
        except BookError as err:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "不能打开恢复的账本", str(err))
            return False
        return True

    def reject(self) -> None:
        """Cancelling the first run asks first: with no book there is nothing to open."""
        if self.first_run and self.book is None and not confirm_quit(self):
            return
        super().reject()


def confirm_quit(parent: QWidget) -> bool:
    """Ask before the first run is cancelled (the program then quits). True: quit."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        "退出先锋指数？",
        "还没有打开或新建账本。现在取消将退出先锋指数。\n\n确定要退出吗？",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


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
        from desktop.gui.settings import remember_township_desk
        from desktop.gui.township_desk import run_township_desk

        remember_township_desk(True)  # the next start opens the desk, not these questions
        run_township_desk()  # until it is closed; no book is opened
    return wizard.book
