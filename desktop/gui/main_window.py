"""The main window: a navigation list of the areas that work, the screens, menus, status bar.

Screens plug in with `add_screen(title, widget)`. A screen may provide:
  set_book(book)    called whenever another book is opened (after a restore, too)
  refresh()         called each time the screen is shown
  print_screen()    enables 文件 → 打印… while the screen is shown
  import_workbook() / export_workbook()   take over 文件 → 导入/导出工作簿…
  claimed_shortcuts   keys ("Ctrl+N") of the window's actions that the screen uses itself
                      while it is shown; the actions give them up meanwhile
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.book.store import Book
from desktop.gui.actions import ACTIONS, add_shortcut, create_actions, set_shortcut
from desktop.gui.forms.ui_main_window import Ui_MainWindow
from desktop.gui.qt_constants import SCROLL_BAR_ALWAYS_OFF, USER_ROLE
from desktop.gui.settings import forget_book, recent_books, remember_book, settings

if TYPE_CHECKING:  # event classes cost start-up time when imported (qt_constants.py)
    from PySide6.QtGui import QCloseEvent

log = logging.getLogger(__name__)

SCREEN_KEY = (
    USER_ROLE + 1
)  # a navigation item's stable screen name (qt_constants: no Qt enum at start-up)
SOUNDNESS_DELAY_MS = 400  # the book's chain is checked this long after it is shown


#: Screens this wide or narrower (1366×768 and smaller) open the window maximized at first.
SMALL_SCREEN_WIDTH = 1440


class MainWindow(QMainWindow):
    """The program's window around one open book."""

    book_changed = Signal(object)

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        # Set here, not in the .ui: uic would write it with the Qt namespace (qt_constants.py).
        self.ui.navList.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self._scroll_small_screens()
        self._book: Book = book
        self._screens: list[QWidget] = []
        self._tail_from = 0  # screens from this index on stay last (操作记录, 备份与恢复)
        self._skip_refresh: QWidget | None = None
        self._claimed: frozenset[str] = frozenset()  # shortcuts the shown screen took over
        self._optional_checked = False  # update_optional_screens has run once
        self.actions = create_actions(self)
        self._build_menus()
        self._status = QLabel()
        self.ui.statusBar.addPermanentWidget(self._status, 1)
        self._new_year_button = QPushButton()
        self._new_year_button.setProperty("role", "primary")
        self._new_year_button.clicked.connect(self.start_new_year)
        self._new_year_button.hide()
        self.ui.statusBar.addPermanentWidget(self._new_year_button)
        self.ui.navList.currentRowChanged.connect(self._show_row)
        self._build_screens()
        # The roster filled itself a moment ago: showing it first needn't read it again.
        self._skip_refresh = getattr(self, "roster_screen", None)
        self.ui.navList.setCurrentRow(0)
        self._skip_refresh = None
        for n in range(1, 10):
            add_shortcut(self, f"Ctrl+{n}", lambda n=n: self.show_screen(n - 1))
        self._restore_geometry()
        self._book_shown()  # the screens were built on `book` already

    # -- screens ---------------------------------------------------------------------------

    def _build_screens(self) -> None:
        try:
            from desktop.gui.roster_screen import RosterScreen
        except ImportError:
            log.warning("roster screen not available")
        else:
            # Built inside the stack it is shown in: moving a finished screen there would
            # polish its widgets against the style sheet a second time (~2 ms).
            self.roster_screen = RosterScreen(self._book, self.ui.screenStack)
            self.add_screen("党员名册", self.roster_screen)
        # Built (and imported) the first time they are shown: the window opens faster.
        for title, factory in LAZY_SCREENS[:-1]:
            self.add_screen(title, factory)
        # Listed only while the year's scheme has [exchange] (update_optional_screens).
        self.ui.navList.item(len(self._screens) - 1).setHidden(True)
        self._tail_from = len(self._screens)
        self.add_screen(*LAZY_SCREENS[-1], tail=True)
        self.add_screen("备份与恢复", self._make_backup_screen, tail=True)

    def _make_backup_screen(self, book: Book, parent: QWidget) -> QWidget:
        from desktop.gui.backup_screen import BackupScreen

        screen = BackupScreen(book, parent)
        screen.restore_requested.connect(self.restore_from_backup)
        return screen

    # The lazy screens by name (built on first use).
    meetings_screen = property(lambda self: self.screen("会议活动"))
    dues_screen = property(lambda self: self.screen("党费"))
    scheme_screen = property(lambda self: self.screen("积分方案"))
    quarter_screen = property(lambda self: self.screen("季度评议"))
    year_end_screen = property(lambda self: self.screen("年度评定"))
    exchange_screen = property(lambda self: self.screen("积分兑换"))
    journal_screen = property(lambda self: self.screen("操作记录"))
    backup_screen = property(lambda self: self.screen("备份与恢复"))

    def add_screen(
        self,
        title: str,
        widget: QWidget | ScreenFactory,
        *,
        icon=None,
        index: int | None = None,
        tail: bool = False,
    ) -> int:
        """Add a screen to the navigation; return its position.

        `widget` is a built screen, or — for a faster start — a factory built the first time
        the screen is shown: a callable `(book, parent) -> QWidget` (a screen class itself) or
        a "module:Class" string, which also defers importing the module.
        New screens go before the tail (操作记录, 备份与恢复) unless `index` says otherwise.
        """
        if not isinstance(widget, QWidget):
            widget = _LazyScreen(widget, self)
        if index is None:
            index = len(self._screens) if tail else self._tail_from
        if not tail and index <= self._tail_from:
            self._tail_from += 1
        item = QListWidgetItem(title)
        item.setData(SCREEN_KEY, title)  # the name `screen()` finds it by, whatever it shows
        if icon is not None:
            item.setIcon(icon)
        item.setToolTip(f"{title}（Ctrl+{index + 1}）" if index < 9 else title)
        self.ui.navList.insertItem(index, item)
        self.ui.screenStack.insertWidget(index, widget)
        self._screens.insert(index, widget)
        return index

    def screens(self) -> list[tuple[str, QWidget]]:
        """(title, screen) in navigation order; a lazy screen not built yet is its stand-in."""
        return [
            (self.ui.navList.item(i).data(SCREEN_KEY) or self.ui.navList.item(i).text(), _real(w))
            for i, w in enumerate(self._screens)
        ]

    def retitle_screen(self, title: str, shown: str) -> None:
        """Show the screen `title` (its name for `screen()`) as `shown` in the navigation."""
        for i in range(self.ui.navList.count()):
            item = self.ui.navList.item(i)
            if item.data(SCREEN_KEY) == title and item.text() != shown:
                item.setText(shown)
                item.setToolTip(f"{shown}（Ctrl+{i + 1}）" if i < 9 else shown)

    def _update_review_title(self) -> None:
        """「季度评议」 is 「月度评议」/「半年评议」 when the working year's scheme reviews by
        month or half-year ([publicity] cycle): the year the screen shows (once built), else
        the working year. Run after the window is up (it reads the scheme) and whenever a
        screen is shown (the scheme may have been changed on 积分方案 meanwhile)."""
        from desktop.book.errors import BookError
        from desktop.book.periods import REVIEW_TITLE, cycle

        if self._book.closed:
            return
        screen = self._screens[[t for t, _w in self.screens()].index("季度评议")]
        built = _real(screen)
        year_box = getattr(built, "year", None)
        year = year_box.value() if year_box is not None else self._book.current_year
        try:
            kind = cycle(self._book, year)
        except BookError:
            kind = "quarter"
        self.retitle_screen("季度评议", REVIEW_TITLE.get(kind, "季度评议"))

    def screen(self, title: str) -> QWidget:
        """The screen with this title, built now if it is lazy and not built yet."""
        titles = [t for t, _w in self.screens()]
        widget = self._screens[titles.index(title)]
        return widget.build() if isinstance(widget, _LazyScreen) else widget

    def show_screen(self, which: int | str | QWidget) -> None:
        if isinstance(which, str):
            titles = [t for t, _w in self.screens()]
            which = titles.index(which)
        elif isinstance(which, QWidget):
            which = [i for i, w in enumerate(self._screens) if which in (w, _real(w))][0]
        if 0 <= which < len(self._screens) and not self.ui.navList.item(which).isHidden():
            self.ui.navList.setCurrentRow(which)

    def current_screen(self) -> QWidget | None:
        current = self.ui.screenStack.currentWidget()
        return _real(current) if current is not None else None

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        widget = self._screens[row]
        if isinstance(widget, _LazyScreen):
            widget.build()
        self.ui.screenStack.setCurrentIndex(row)
        if self.ui.navList.item(row).data(SCREEN_KEY) == "季度评议":
            self._update_review_title()
        screen = _real(widget)
        refresh = getattr(screen, "refresh", None)
        if callable(refresh) and screen is not self._skip_refresh:
            refresh()
        self._update_actions()
        if self._optional_checked:  # the scheme may have been changed on 积分方案 meanwhile
            QtCore.QTimer.singleShot(0, self, self.update_optional_screens)
            QtCore.QTimer.singleShot(0, self, self._update_review_title)

    def update_optional_screens(self) -> None:
        """List 积分兑换 only while the working year's scheme has [exchange] (社区 plan)."""
        from desktop.book.exchange import keeps_ledger

        self._optional_checked = True
        book = self._book
        if book.closed:
            return
        row = [t for t, _w in self.screens()].index("积分兑换")
        item = self.ui.navList.item(row)
        keeps = keeps_ledger(book, book.current_year)
        if item.isHidden() == keeps:
            item.setHidden(not keeps)
            if not keeps and self.ui.navList.currentRow() == row:
                self.ui.navList.setCurrentRow(0)

    def _screen_with(self, method: str) -> QWidget | None:
        current = self.current_screen()
        if current is not None and callable(getattr(current, method, None)):
            return current
        for screen in map(_real, self._screens):  # lazy screens not built yet offer nothing
            if callable(getattr(screen, method, None)):
                return screen
        return None

    def _update_actions(self) -> None:
        current = self.current_screen()
        claimed = frozenset(getattr(current, "claimed_shortcuts", ()))
        if claimed != self._claimed:
            self._claimed = claimed
            for name, action in self.actions.items():
                keys = ACTIONS[name].shortcut
                if keys:
                    set_shortcut(action, "" if keys in claimed else keys)
        self.actions["print"].setEnabled(callable(getattr(current, "print_screen", None)))
        self.actions["import_workbook"].setEnabled(self._screen_with("import_workbook") is not None)
        self.actions["export_workbook"].setEnabled(
            self._screen_with("export_workbook") is not None or _interchange_available()
        )

    # -- menus and status ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.ui.menuBar.addMenu("文件(&F)")
        file_menu.addAction(a["new_book"])
        file_menu.addAction(a["open_book"])
        self.recent_menu = file_menu.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(a["branch_info"])
        file_menu.addAction(a["new_year"])
        file_menu.addSeparator()
        file_menu.addAction(a["backup_now"])
        file_menu.addAction(a["backup_to_folder"])
        file_menu.addAction(a["restore"])
        file_menu.addSeparator()
        file_menu.addAction(a["import_workbook"])
        file_menu.addAction(a["export_workbook"])
        file_menu.addSeparator()
        file_menu.addAction(a["print"])
        from desktop.gui.forms_menu import add_forms_menu

        add_forms_menu(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(a["township_desk"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        help_menu = self.ui.menuBar.addMenu("帮助(&H)")
        help_menu.addAction(a["guide"])
        help_menu.addAction(a["about"])

    def open_township_desk(self) -> QWidget:
        """文件 → 乡镇审核台…: the township's review of packs (desktop/gui/township_desk.py)."""
        from desktop.gui.township_desk import open_township_desk

        self._township_desk = open_township_desk(self)
        return self._township_desk

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = recent_books()
        current = self._book.path.resolve() if self._book else None
        missing = False
        for path in paths:
            exists = path.exists()
            label = f"{path.name}    {path.parent}"
            if not exists:
                label += "（找不到）"
                missing = True
            action = QAction(label, menu)
            action.setEnabled(exists and path != current)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_book(p))
            menu.addAction(action)
        if not paths:
            empty = menu.addAction("（还没有）")
            empty.setEnabled(False)
        if missing:
            menu.addSeparator()
            menu.addAction("清除找不到的账本", self._forget_missing)

    def _forget_missing(self) -> None:
        for path in recent_books():
            if not path.exists():
                forget_book(path)

    def _update_status(self) -> None:
        book = self._book
        branch = book.branch()["name"] or "（未命名支部）"
        # The app's name last: Qt appends the display name to a title that doesn't end with it
        # (Windows: 「支部 — 先锋指数 - 先锋指数」), so it is named once, document first.
        mark = "（只读）" if book.read_only else ""
        self.setWindowTitle(f"{branch}{mark} — {APP_NAME}")
        self._show_read_only_banner()
        self._status.setText(f"当前账本：{branch}　　{book.current_year} 年度　　文件：{book.path}")
        self._status.setToolTip(str(book.path))
        # A new calendar year and the book still on the old one: offer the way on, unobtrusively.
        behind = date.today().year > book.current_year
        self._new_year_button.setVisible(behind)
        if behind:
            self._new_year_button.setText(f"已到 {date.today().year} 年：进入新年度…")

    def _banner(self, name: str, colours: str) -> QLabel:
        """A message strip above every screen, made when first needed (start-up pays nothing)."""
        banner: QLabel | None = getattr(self, name, None)
        if banner is not None:
            return banner
        column: QVBoxLayout | None = getattr(self, "_banner_column", None)
        if column is None:
            central = self.takeCentralWidget()
            wrapper = QWidget()
            column = QVBoxLayout(wrapper)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(central, 1)
            self.setCentralWidget(wrapper)
            self._banner_column = column
        banner = QLabel()
        banner.setObjectName(name)
        banner.setWordWrap(True)
        banner.setStyleSheet(f"QLabel#{name} {{ {colours} padding: 6px 10px; font-weight: bold; }}")
        column.insertWidget(0, banner)
        setattr(self, name, banner)
        return banner

    def _show_read_only_banner(self) -> None:
        """A book opened read-only says so above every screen."""
        from desktop.book.store import READ_ONLY_ASKED

        book = self._book
        if not book.read_only:
            if getattr(self, "read_only_banner", None) is not None:
                self.read_only_banner.hide()
            return
        banner = self._banner(
            "read_only_banner",
            "background: #fff3cd; color: #5c4400; border-bottom: 1px solid #e0c36c;",
        )
        reason = book.read_only_reason
        why = "" if reason == READ_ONLY_ASKED else f"{reason}。"
        banner.setText(
            f"只读：这个账本是以只读方式打开的。{why}可以查看和打印，不能修改或登记。"
            "要修改，请把账本复制到电脑上（或取消只读）后再打开。"
        )
        banner.show()

    def _check_soundness(self) -> None:
        """A moment after a book is shown: is its chain of confirmed quarters, its journal and
        every confirmation it remembers intact? (Opening checks only SQLite's quick_check.)
        Damage found is said above every screen, with the way out."""
        from desktop.book.verify import soundness_problem

        book = self._book
        if book.closed:
            return
        problem = soundness_problem(book.conn)
        banner = getattr(self, "soundness_banner", None)
        if problem is None:
            if banner is not None:
                banner.hide()
            return
        banner = self._banner(
            "soundness_banner",
            "background: #f8d7da; color: #842029; border-bottom: 1px solid #e6a0a7;",
        )
        banner.setText(
            f"注意：这个账本不完好——{problem}。请先不要再登记；在“备份与恢复”中检查账本，"
            "从问题出现之前的备份恢复（当前账本会原样另存）。"
        )
        banner.show()

    # -- the book ------------------------------------------------------------------------------

    @property
    def book(self) -> Book:
        return self._book

    def set_book(self, book: Book) -> None:
        """Show `book` in every screen (the previous book must already be closed)."""
        self._book = book
        for screen in self._screens:
            set_book = getattr(screen, "set_book", None)
            if callable(set_book):
                set_book(book)
        self._book_shown()

    def _book_shown(self) -> None:
        remember_book(self._book.path)
        self._update_status()
        self._update_actions()
        self.book_changed.emit(self._book)
        # After the window is up (the check imports the quarter module): start-up isn't slowed.
        QtCore.QTimer.singleShot(SOUNDNESS_DELAY_MS, self, self._check_soundness)
        QtCore.QTimer.singleShot(SOUNDNESS_DELAY_MS, self, self.update_optional_screens)
        QtCore.QTimer.singleShot(SOUNDNESS_DELAY_MS, self, self._update_review_title)

    def close_book(self, *, backup: bool = True) -> None:
        """Close the open book, after an automatic verified backup."""
        book = self._book
        if backup:
            from desktop.book.backup import backup_book

            QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
            try:
                backup_book(book, reason="关闭时", only_if_changed=True)
            except Exception:  # the book itself is safe; a failed backup must not trap the user
                log.exception("backup on close failed")
            finally:
                QApplication.restoreOverrideCursor()
        book.close()

    def _switch_to(self, new: Book) -> None:
        self.close_book(backup=True)
        self.set_book(new)

    def open_book(self, path: Path) -> bool:
        """Open another book; on failure offer the ways out (the current book stays open)."""
        from desktop.gui.opening import open_with_way_out

        path = Path(path)
        if path.resolve() == self._book.path.resolve():
            return True
        from desktop.gui.single_instance import bring_forward_running

        if bring_forward_running(path):  # another window has it: that one comes forward
            return False
        new = open_with_way_out(self, path, quit_text="取消")
        if new is None:
            return False
        self._switch_to(new)
        return True

    def open_book_dialog(self) -> None:
        from desktop.gui.opening import choose_book_file

        path = choose_book_file(self, self._book.path.parent)
        if path is not None:
            self.open_book(path)

    def new_book(self) -> None:
        from desktop.book.paths import default_book_path
        from desktop.gui.wizard import run_wizard, unused_path

        new = run_wizard(unused_path(default_book_path()), self, first_run=False)
        if new is not None:
            self._switch_to(new)

    def edit_branch(self) -> bool:
        """支部信息…: edit the branch's name, parent organisation and type."""
        from desktop.gui.branch_dialog import BranchDialog

        if BranchDialog(self._book, self).exec() != BranchDialog.DialogCode.Accepted:
            return False
        self._update_status()
        refresh = getattr(self.current_screen(), "refresh", None)
        if callable(refresh):
            refresh()
        return True

    def start_new_year(self) -> bool:
        """进入新年度…: move the book on to a new year; every screen then opens on it."""
        from desktop.gui.year_dialog import start_new_year_dialog

        plan = start_new_year_dialog(self._book, self)
        if plan is None:
            return False
        self.set_book(self._book)  # screens pick up the new working year
        self.ui.statusBar.showMessage(f"已进入 {plan.to_year} 年度。", 8000)
        return True

    def backup_now(self) -> None:
        self.backup_screen.backup_now()

    def backup_to_folder(self) -> None:
        self.backup_screen.backup_to_folder()

    def restore_from_backup(self, backup_path: Path | None = None) -> bool:
        """Preview a backup, then replace the open book by it (the book is backed up first)."""
        from desktop.gui.backup_screen import choose_backup_file, confirm_restore, run_restore
        from desktop.gui.opening import open_with_way_out
        from desktop.gui.worker import jobs_running

        if jobs_running():
            QtWidgets.QMessageBox.information(
                self, "请稍候", "正在进行的备份还没有完成，请稍后再恢复。"
            )
            return False
        if backup_path is None:
            backup_path = choose_backup_file(self)
            if backup_path is None:
                return False
        if not confirm_restore(self, Path(backup_path), self._book.path):
            return False
        book_path = self._book.path
        # restore_book backs the current book up itself ("恢复前") before replacing it.
        self.close_book(backup=False)
        result = run_restore(self, book_path, Path(backup_path))
        reopened = open_with_way_out(self, book_path, quit_text="退出程序")
        if reopened is None:
            self._book_lost = True
            self.close()
            return False
        self.set_book(reopened)
        self.backup_screen.refresh()
        return result is not None

    # -- hooks for other screens ---------------------------------------------------------------

    def import_workbook(self) -> None:
        screen = self._screen_with("import_workbook")
        if screen is not None:
            self.show_screen(screen)
            screen.import_workbook()  # type: ignore[attr-defined]

    def export_workbook(self) -> None:
        screen = self._screen_with("export_workbook")
        if screen is not None:
            screen.export_workbook()  # type: ignore[attr-defined]
            return
        export_book_workbook(self, self._book)

    def print_current(self) -> None:
        screen = self.current_screen()
        handler = getattr(screen, "print_screen", None)
        if callable(handler):
            handler()

    def show_guide(self) -> None:
        """帮助 → 使用说明 (F1): one non-modal guide window, raised if already open."""
        from desktop.gui.help_dialog import HelpDialog

        guide = getattr(self, "_guide", None)
        if guide is None:
            guide = self._guide = HelpDialog(self)
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def show_about(self) -> None:
        from desktop.book.paths import data_dir
        from desktop.gui.error_handler import log_path

        QtWidgets.QMessageBox.about(
            self,
            "关于先锋指数",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>党员积分制管理：记录活动、党费和先锋事迹，按年度方案计算积分，打印公示材料。</p>"
            "<p>全部数据只保存在这台电脑上，不联网。</p>"
            f"<p>数据文件夹：{data_dir()}<br>日志文件：{log_path()}</p>",
        )

    # -- window state ------------------------------------------------------------------------

    def _scroll_small_screens(self) -> None:
        # 1366×768 at 125% scaling leaves about 1090×570 for the window: a screen that needs
        # more (the roster's row of buttons) scrolls there instead of being cut off or pushing
        # the window past the screen's edge. Wider windows never see a scroll bar.
        from PySide6.QtWidgets import QFrame, QScrollArea

        scroll = QScrollArea(self.ui.centralWidget)
        scroll.setObjectName("screenScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.ui.centralLayout.replaceWidget(self.ui.screenStack, scroll)
        scroll.setWidget(self.ui.screenStack)
        # A stack is as wide as its widest page; only the page shown should count, or every
        # screen would scroll because one needs the room.
        self.ui.screenStack.currentChanged.connect(self._size_by_current_screen)

    def _size_by_current_screen(self, index: int) -> None:
        from PySide6.QtWidgets import QSizePolicy

        stack = self.ui.screenStack
        for i in range(stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            stack.widget(i).setSizePolicy(policy, policy)
        stack.updateGeometry()

    def _restore_geometry(self) -> None:
        self._maximize_on_show = False
        geometry = settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        self.resize(
            min(1200, int(available.width() * 0.92)), min(780, int(available.height() * 0.9))
        )
        # A 1366×768 office screen: the whole of it, so the roster's row of buttons fits.
        # (show() maximizes: setWindowState would build the Qt namespace, qt_constants.py.)
        self._maximize_on_show = available.width() <= SMALL_SCREEN_WIDTH

    def show_at_start(self) -> None:
        """How the program shows its window when it starts (tests show() it at their size)."""
        if self._maximize_on_show:
            self.showMaximized()
        self.show()  # already shown when maximized: keeps that state

    def closeEvent(self, event: QCloseEvent) -> None:
        from desktop.gui.worker import wait_for_jobs

        wait_for_jobs()
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.sync()
        if not getattr(self, "_book_lost", False) and not getattr(self, "_closed", False):
            self._closed = True
            self.close_book(backup=True)
        event.accept()


ScreenFactory = Callable[[Book, QWidget], QWidget] | str


# The screens imported by name when first shown. PyInstaller cannot see such imports, so
# `pioneer --self-test` imports each of them (a bundle missing one fails its self-test instead
# of showing 「程序遇到意外错误」 when the secretary clicks the screen).
LAZY_SCREENS: tuple[tuple[str, str], ...] = (
    ("会议活动", "desktop.gui.meetings_screen:MeetingsScreen"),
    ("党费", "desktop.gui.dues_screen:DuesScreen"),
    ("积分方案", "desktop.gui.scheme_screen:SchemeScreen"),
    ("季度评议", "desktop.gui.quarter_screen:QuarterScreen"),
    ("年度评定", "desktop.gui.year_end_screen:YearEndScreen"),
    ("积分兑换", "desktop.gui.exchange_screen:ExchangeScreen"),
    ("操作记录", "desktop.gui.journal_screen:JournalScreen"),
)


def screen_class(factory: str) -> type:
    """The class a lazy screen's "module:Class" names (imported now)."""
    module, _sep, name = factory.partition(":")
    return getattr(importlib.import_module(module), name)


class _LazyScreen(QWidget):
    """Stands in the stack for a screen that is built the first time it is shown."""

    def __init__(self, factory: ScreenFactory, window: MainWindow) -> None:
        super().__init__(window)
        self._factory = factory
        self._window = window
        self.real: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.real is None:
            factory = self._factory
            if isinstance(factory, str):
                factory = screen_class(factory)
            self.real = factory(self._window.book, self)
            self.layout().addWidget(self.real)
            # A screen whose name follows its data (季度评议 → 月度评议) renames its item.
            title_changed = getattr(self.real, "title_changed", None)
            if title_changed is not None:
                title_changed.connect(self._retitle)
        return self.real

    def _retitle(self, shown: str) -> None:
        titles = self._window.screens()
        i = [w for _t, w in titles].index(self.real)
        self._window.retitle_screen(titles[i][0], shown)

    def set_book(self, book: Book) -> None:
        # Not built yet: it will be built on the window's current book.
        set_book = getattr(self.real, "set_book", None)
        if callable(set_book):
            set_book(book)


def _real(widget: QWidget) -> QWidget:
    if isinstance(widget, _LazyScreen) and widget.real is not None:
        return widget.real
    return widget


def _interchange_available() -> bool:
    from importlib.util import find_spec

    try:
        return find_spec("desktop.book.interchange") is not None
    except ImportError:
        return False


def export_book_workbook(parent: QWidget, book: Book) -> None:
    """Default 导出工作簿…: write the interchange workbook in the background."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.gui.worker import run_in_background

    name = f"{book.branch()['name'] or '账本'}-{book.current_year}.xlsx"
    from desktop.gui.roster_files import refuse_book_target

    suggested = str(Path.home() / name)
    while True:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, "导出工作簿", suggested, "Excel 工作簿 (*.xlsx)"
        )
        if not chosen:
            return
        target = Path(chosen).with_suffix(".xlsx")
        if not refuse_book_target(parent, "导出工作簿", target):
            break
    book_path = book.path

    def job() -> Path:
        from desktop.book.interchange import export_workbook

        with Book.open(book_path) as own:
            return export_workbook(own, target)

    run_in_background(
        parent,
        job,
        on_done=lambda path: QtWidgets.QMessageBox.information(
            parent, "导出完成", f"已导出到：\n{path}"
        ),
        label="正在导出工作簿…",
    )
