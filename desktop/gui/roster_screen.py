"""The roster screen: the branch's members, searched, filtered and sorted; add, edit, history.

All reading and writing goes through `book.roster`; this module only arranges the window.
"""

from __future__ import annotations

from heapq import nlargest
from math import ceil
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from desktop.gui.actions import add_shortcut, allow
from desktop.gui.forms.ui_roster_screen import Ui_RosterScreen
from desktop.gui.qt_constants import CUSTOM_CONTEXT_MENU, WIDGET_WITH_CHILDREN_SHORTCUT
from desktop.gui.roster_model import (
    COLUMN_KEYS,
    FLAG_FILTERS,
    ID_ROLE,
    NAME_COLUMN,
    ORDER_PINYIN,
    ORDER_STROKES,
    RosterFilterProxy,
    RosterModel,
    header_model,
)

if TYPE_CHECKING:  # event classes cost start-up time when imported (qt_constants.py)
    from PySide6.QtGui import QKeyEvent

STATUSES = ("正式党员", "预备党员", "入党积极分子", "入党申请人")
ALL_GROUPS = "全部党小组"
NO_GROUP = "（未分组）"
ALL_STATUSES = "全部类别"
ALL_FLAGS = "全部"
# What Fusion adds to a cell's text in its size hint: a focus-frame margin (2) and a pixel on
# each side, plus one (asking the style would bring QStyle's enums into start-up, ~5 ms;
# tests/gui/test_style.py checks it against resizeColumnsToContents).
_CELL_MARGIN = 2 * (2 + 1) + 1
_MEASURED = 4  # texts measured per column when sizing it: the longest by _ems


def _ems(text: str) -> int:
    """A text's width estimated in half-ems: Chinese characters (and other wide ones, from
    U+1100 on) take a full em, Latin letters and digits about half of one."""
    return sum(2 if ord(ch) >= 0x1100 else 1 for ch in text)


def counts_text(counts: dict[str, int]) -> str:
    """ "在册 38 人：正式党员 33，预备党员 3，入党积极分子 2" from `book.roster.count()`."""
    total = sum(counts.values())
    if not total:
        return "在册 0 人"
    order = [s for s in STATUSES if counts.get(s)] + [s for s in counts if s not in STATUSES]
    parts = "，".join(f"{status} {counts[status]}" for status in order if counts.get(status))
    return f"在册 {total} 人：{parts}"


class RosterScreen(QWidget):
    """`RosterScreen(book)`; `set_book(book)` when another book is opened."""

    # Emitted after anything in the roster changed (other screens may refresh).
    roster_changed = Signal()
    # Window shortcuts this screen takes over while it is shown (see main_window.py).
    claimed_shortcuts = ("Ctrl+N",)

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._sized = False
        self.ui = Ui_RosterScreen()
        self.ui.setupUi(self)

        # The roster is on screen from start-up: nothing here may touch PySide's `Qt`
        # namespace (see desktop/gui/qt_constants.py).
        self.model = RosterModel(self)
        self.proxy = RosterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.proxy)
        header = table.horizontalHeader()
        # After table.setModel(), which gives the header the table's model: the roster model
        # has no headerData() (see roster_model.py), so the titles come from a label model.
        # Setting the table's model again would turn them back into numbers.
        header.setModel(header_model(self))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Names in 姓氏笔画 (or 拼音) order, as the order box says and the model keeps them;
        # an arrow appears once a column title is clicked to sort by it.
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(lambda _column: header.setSortIndicatorShown(True))
        table.verticalHeader().setDefaultSectionSize(34)

        # Each combo's values live in a Python list indexed like its items. (Reading item
        # data back through Qt returns None for "all", and this PySide6 build drops a
        # reference to None each time it returns one; so no None goes through Qt here.)
        self._status_values: list[str | None] = [None, *STATUSES]
        self.ui.statusCombo.addItems([ALL_STATUSES, *STATUSES])
        self._flag_values: list[str | None] = [None, *FLAG_FILTERS]
        self.ui.flagCombo.addItems([ALL_FLAGS, *FLAG_FILTERS])
        self._order_values = [ORDER_STROKES, ORDER_PINYIN]
        self._group_values: list[str | None] = [None]

        self.ui.searchEdit.textChanged.connect(self._search_changed)
        self.ui.groupCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.statusCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.flagCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.showLeftCheck.toggled.connect(self._filters_changed)
        self.ui.orderCombo.currentIndexChanged.connect(self._order_changed)
        table.doubleClicked.connect(lambda _index: self.edit_member())  # Enter: keyPressEvent
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        self.proxy.layoutChanged.connect(self._update_buttons)
        self.proxy.rowsInserted.connect(self._update_shown)
        self.proxy.rowsRemoved.connect(self._update_shown)
        self.proxy.modelReset.connect(self._update_shown)
        self.proxy.layoutChanged.connect(self._update_shown)

        self.ui.addButton.clicked.connect(self.add_member)
        self.ui.editButton.clicked.connect(lambda: self.edit_member())
        self.ui.detailButton.clicked.connect(lambda: self.show_detail())
        self.ui.scoreButton.clicked.connect(lambda: self.show_score_detail())
        table.setProperty("contextMenuPolicy", CUSTOM_CONTEXT_MENU)
        table.customContextMenuRequested.connect(self._context_menu)
        self.ui.eventButton.clicked.connect(lambda: self.record_event())
        self.ui.groupsButton.clicked.connect(self.manage_groups)
        self.ui.importButton.clicked.connect(self.import_roster)
        self.ui.exportButton.clicked.connect(self.export_roster)
        self.ui.printButton.clicked.connect(self.print_roster)

        add_shortcut(self, "Ctrl+F", self.focus_search, WIDGET_WITH_CHILDREN_SHORTCUT)
        add_shortcut(self, "Ins", self.add_member, WIDGET_WITH_CHILDREN_SHORTCUT)

        # Ctrl+N adds a member while the roster is shown: the window gives up its own Ctrl+N
        # (新建账本) meanwhile, as this screen claims it (two shortcuts on one key would be
        # ambiguous and neither would fire).
        add_shortcut(self, "Ctrl+N", self.add_member)

        self.set_book(book)

    # -- the book --------------------------------------------------------------------------

    def set_book(self, book: Any) -> None:
        """Show another book's roster (filters reset, search cleared)."""
        self.book = book
        self._sized = False
        self.ui.searchEdit.clear()
        self.ui.statusCombo.setCurrentIndex(0)
        self.ui.flagCombo.setCurrentIndex(0)
        self.ui.showLeftCheck.setChecked(False)
        self.refresh()
        self.ui.groupCombo.setCurrentIndex(0)
        if self.proxy.rowCount():
            # A row is selected from the start, so Enter and the buttons work at once.
            self.ui.table.selectRow(0)

    def refresh(self, select_id: int | None = None) -> None:
        """Reload members and groups from the book, keeping filters and the selection."""
        if select_id is None:
            select_id = self.current_member_id()
        members = self.book.roster.members(include_left=True)
        self.model.set_members(members)
        self._fill_groups(members)
        self.ui.countsLabel.setText(counts_text(self.book.roster.count()))
        self.ui.emptyLabel.setVisible(not members)
        if members and not self._sized:
            self._resize_columns()
            self._sized = True
        if select_id is not None:
            self.select_member(select_id)
        self._update_buttons()
        self._update_shown()

    def _fill_groups(self, members: list[dict[str, Any]]) -> None:
        combo = self.ui.groupCombo
        current = self._value(self._group_values, combo.currentIndex())
        values: list[str | None] = [None]
        labels = [ALL_GROUPS]
        for group in self.book.roster.groups():
            values.append(group["name"])
            labels.append(group["name"])
        if any(not m.get("group") for m in members):
            values.append("")
            labels.append(NO_GROUP)
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(labels)
        self._group_values = values
        combo.setCurrentIndex(values.index(current) if current in values else 0)
        combo.blockSignals(False)
        self.proxy.set_group(self._value(values, combo.currentIndex()))

    @staticmethod
    def _value(values: list[Any], index: int) -> Any:
        return values[index] if 0 <= index < len(values) else None

    def _resize_columns(self) -> None:
        """Columns as wide as their title or widest shown text, plus some air.

        What resizeColumnsToContents() gives, measured from the texts directly: Qt would ask
        the model for eight roles of every cell through Python (~10 ms of start-up). Only the
        few longest texts of a column are measured (by a width estimate): laying out every
        text would load the glyphs of rows not even on screen.
        """
        table = self.ui.table
        header = table.horizontalHeader()
        metrics = QFontMetricsF(table.font())
        proxy = self.proxy
        rows = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
        for column, key in enumerate(COLUMN_KEYS[:-1]):  # the last one stretches
            texts = nlargest(_MEASURED, {self.model.text(row, key) for row in rows}, key=_ems)
            widest = max((ceil(metrics.horizontalAdvance(t)) for t in texts), default=0)
            hint = max(header.sectionSizeHint(column), widest + _CELL_MARGIN)
            header.resizeSection(column, hint + 12)

    # -- selection -------------------------------------------------------------------------

    def current_member_id(self) -> int | None:
        index = self.ui.table.currentIndex()
        selected = self.ui.table.selectionModel().selectedRows()
        if selected:
            index = selected[0]
        if not index.isValid():
            return None
        return index.siblingAtColumn(0).data(ID_ROLE)

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.ui.table.selectRow(index.row())
        self.ui.table.scrollTo(index)
        return True

    def shown_member_names(self) -> list[str]:
        """Names in the order the table shows them (for tests and checks)."""
        return [self.proxy.index(row, NAME_COLUMN).data() for row in range(self.proxy.rowCount())]

    def _update_buttons(self, *_args: Any) -> None:
        has = self.current_member_id() is not None
        buttons = (
            self.ui.editButton,
            self.ui.detailButton,
            self.ui.scoreButton,
            self.ui.eventButton,
        )
        for button in buttons:
            allow(button, has, "先在表格中选中一名党员")

    def _update_shown(self, *_args: Any) -> None:
        shown = self.proxy.rowCount()
        if not self.model.rowCount():
            text = ""
        elif shown == 0:
            text = "没有符合条件的党员"
        elif self._filtering():
            text = f"当前显示 {shown} 人"
        else:
            text = ""
        self.ui.shownLabel.setText(text)

    def _filtering(self) -> bool:
        ui = self.ui
        return bool(
            ui.searchEdit.text().strip()
            or ui.groupCombo.currentIndex() > 0
            or ui.statusCombo.currentIndex() > 0
            or ui.flagCombo.currentIndex() > 0
            or ui.showLeftCheck.isChecked()
        )

    # -- search, filters, order ------------------------------------------------------------

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount() and self.current_member_id() is None:
            self.ui.table.selectRow(0)
        self._update_shown()

    def _filters_changed(self, *_args: Any) -> None:
        ui = self.ui
        self.proxy.set_group(self._value(self._group_values, ui.groupCombo.currentIndex()))
        self.proxy.set_status(self._value(self._status_values, ui.statusCombo.currentIndex()))
        self.proxy.set_flag(self._value(self._flag_values, ui.flagCombo.currentIndex()))
        self.proxy.set_show_left(self.ui.showLeftCheck.isChecked())
        self._update_buttons()
        self._update_shown()

    def _order_changed(self, *_args: Any) -> None:
        order = self._value(self._order_values, self.ui.orderCombo.currentIndex())
        header = self.ui.table.horizontalHeader()
        # No column sort (section -1): rows in the model's name order, no arrow; the next
        # click on any title then sorts that column ascending.
        header.setSortIndicator(-1, QtCore.Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(False)  # the order box says how names are ordered
        self.proxy.set_order(order or ORDER_STROKES)

    def set_order(self, order: str) -> None:
        if order in self._order_values:
            self.ui.orderCombo.setCurrentIndex(self._order_values.index(order))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the table and the search box pass up: Enter edits the member; in the search
        box ↓ or Enter moves to the list and Esc clears the search."""
        Qt = QtCore.Qt  # noqa: N806 (read here, not imported above: qt_constants.py)
        key = event.key()
        # Key events go to the focus widget and rise to this screen when it ignores them.
        focus = QApplication.focusWidget()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if focus is self.ui.table and enter:
            self.edit_member()
            return
        if focus is self.ui.searchEdit:
            if enter or key == Qt.Key.Key_Down:
                if self.proxy.rowCount():
                    self.ui.table.setFocus(Qt.FocusReason.TabFocusReason)
                    if self.current_member_id() is None:
                        self.ui.table.selectRow(0)
                return
            if key == Qt.Key.Key_Escape and self.ui.searchEdit.text():
                self.ui.searchEdit.clear()
                return
        super().keyPressEvent(event)

    # -- actions ---------------------------------------------------------------------------

    def _changed(self, select_id: int | None = None) -> None:
        self.refresh(select_id)
        self.roster_changed.emit()

    def add_member(self) -> None:
        from desktop.gui.member_dialog import MemberDialog

        dialog = MemberDialog(self.book, parent=self)
        if dialog.exec() and dialog.member_id is not None:
            self.refresh(dialog.member_id)
            if self.current_member_id() != dialog.member_id:
                # The filters hide the new member: clear them so the user sees who was added.
                self.ui.searchEdit.clear()
                self.ui.groupCombo.setCurrentIndex(0)
                self.ui.statusCombo.setCurrentIndex(0)
                self.ui.flagCombo.setCurrentIndex(0)
                self.select_member(dialog.member_id)
            self.roster_changed.emit()

    def edit_member(self, member_id: int | None = None) -> None:
        from desktop.gui.member_dialog import MemberDialog

        member_id = member_id or self.current_member_id()
        if member_id is None:
            return
        dialog = MemberDialog(self.book, member_id, parent=self)
        if dialog.exec():
            self._changed(member_id)

    def show_detail(self, member_id: int | None = None) -> None:
        from desktop.gui.member_detail import MemberDetail

        member_id = member_id or self.current_member_id()
        if member_id is None:
            return
        dialog = MemberDetail(self.book, member_id, parent=self)
        dialog.exec()
        if dialog.changed:
            self._changed(member_id)

    def show_score_detail(self, member_id: int | None = None) -> None:
        """The member's 积分明细 for the book's current year."""
        from desktop.gui.score_detail import show_score_detail

        member_id = member_id or self.current_member_id()
        if member_id is None:
            return
        code = self.book.roster.member(member_id)["code"]
        show_score_detail(self, self.book, code, self.book.current_year)

    def _context_menu(self, pos: Any) -> None:
        from PySide6.QtWidgets import QMenu

        index = self.ui.table.indexAt(pos)
        if not index.isValid():
            return
        self.ui.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("编辑…", self.edit_member)
        menu.addAction("党员详情", self.show_detail)
        menu.addAction("积分明细", self.show_score_detail)
        menu.addAction("登记变动…", self.record_event)
        menu.exec(self.ui.table.viewport().mapToGlobal(pos))

    def record_event(self, member_id: int | None = None) -> None:
        from desktop.gui.member_detail import EventDialog

        member_id = member_id or self.current_member_id()
        if member_id is None:
            return
        dialog = EventDialog(self.book, member_id, parent=self)
        if dialog.exec():
            self._changed(member_id)

    def manage_groups(self) -> None:
        from desktop.gui.groups_dialog import GroupsDialog

        dialog = GroupsDialog(self.book, parent=self)
        dialog.exec()
        if dialog.changed:
            self._changed()

    def import_roster(self) -> None:
        from desktop.gui.import_dialog import ImportDialog

        dialog = ImportDialog(self.book, parent=self)
        if dialog.exec():
            self._changed()

    # The main window's 文件 menu (导入/导出工作簿…, 打印…) calls these on the current screen.
    def import_workbook(self) -> None:
        self.import_roster()

    def export_workbook(self) -> None:
        self.export_roster()

    def print_screen(self) -> None:
        self.print_roster()

    def export_roster(self) -> None:
        from desktop.gui.roster_files import export_roster

        export_roster(self, self.book)

    def print_roster(self) -> None:
        from desktop.gui.roster_files import print_roster

        print_roster(self, self.book, order=self.proxy.order)
