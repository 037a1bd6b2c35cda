"""Table model of the roster and the proxy that searches, filters and sorts it.

The model holds the member dicts that `book.roster.members()` returns; it never touches the
database. Sorting by name follows 姓氏笔画 (default) or 拼音 through `desktop.rules.collation`.
The column titles live in a small label model of their own (`header_model`), read by the
table's header: a Python headerData() would be handed Qt's Orientation enum, and with it
PySide would build the whole `Qt` namespace while the window first opens (qt_constants.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QBrush, QColor, QStandardItemModel

from desktop.book.roster import member_flags
from desktop.gui.qt_constants import (
    ALIGN_CENTER,
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    TEXT_ALIGNMENT_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
)
from desktop.rules.collation import matches_search, pinyin_key, stroke_key
from desktop.rules.dates import date_cn

# Column key, header. Keys index into the member dict (except the computed ones).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "编号"),
    ("name", "姓名"),
    ("gender", "性别"),
    ("status", "人员类别"),
    ("group", "党小组"),
    ("joined_date", "入党时间"),
    ("phone", "手机号码"),
    ("id_card_masked", "身份证号"),
    ("flags", "标记"),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
NAME_COLUMN = COLUMN_KEYS.index("name")

MEMBER_ROLE = USER_ROLE + 1  # the whole member dict
ID_ROLE = USER_ROLE + 2  # the member's database id
SORT_ROLE = USER_ROLE + 3  # what a column sorts by: dates by their stored ISO value

ORDER_STROKES = "strokes"
ORDER_PINYIN = "pinyin"

FLAG_FILTERS = ("流动党员", "免考", "党员领导干部")
_FLAG_KEYS = {"流动党员": "mobile", "免考": "exempt", "党员领导干部": "leader"}

_LEFT_COLOUR = QColor("#8a8a8a")
_CENTRED_KEYS = frozenset(("code", "gender", "joined_date", "phone", "id_card_masked"))
_CENTRED = ALIGN_CENTER
# Roles as plain ints (data() is called thousands of times).
_DISPLAY = DISPLAY_ROLE
_TOOLTIP = TOOLTIP_ROLE
_FOREGROUND = FOREGROUND_ROLE
_ALIGNMENT = TEXT_ALIGNMENT_ROLE
_ANSWERED_ROLES = frozenset(
    (_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGNMENT, MEMBER_ROLE, ID_ROLE, SORT_ROLE)
)


def header_model(parent: QObject | None = None) -> QStandardItemModel:
    """The roster's column titles, for `QHeaderView.setModel` (see the module docstring)."""
    labels = QStandardItemModel(0, len(COLUMNS), parent)
    labels.setHorizontalHeaderLabels([title for _key, title in COLUMNS])
    return labels


class RosterModel(QAbstractTableModel):
    """Rows = members (including those who left; the proxy hides them by default), kept in
    name order — 姓氏笔画 or 拼音 — so the list needs no sorting until a column title is
    clicked (the proxy then compares rows through Python, some 200 calls for 40 members)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[dict[str, Any]] = []
        self._flags: list[str] = []
        self._keys: list[dict[str, tuple]] = []
        self._order = ORDER_STROKES

    # -- data in ---------------------------------------------------------------------------

    def set_members(self, members: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._fill(members)
        self.endResetModel()

    def set_order(self, order: str) -> None:
        """Put the rows in 姓氏笔画 (ORDER_STROKES) or 拼音 (ORDER_PINYIN) order of names."""
        order = ORDER_PINYIN if order == ORDER_PINYIN else ORDER_STROKES
        if order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._members[index.row()].get("id") for index in before]
        self._order = order
        self._fill(self._members)
        rows = {member.get("id"): row for row, member in enumerate(self._members)}
        after = [self.index(rows[i], index.column()) for i, index in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    @property
    def order(self) -> str:
        return self._order

    def _fill(self, members: list[dict[str, Any]]) -> None:
        # Sort keys are computed when first needed: the pinyin ones load pypinyin's
        # dictionary (~170 ms), which start-up should not pay for in 姓氏笔画 order.
        keyed = sorted(
            ((self._name_key(m, self._order), n, m) for n, m in enumerate(members)),
            key=lambda item: item[:2],
        )
        self._members = [member for _key, _n, member in keyed]
        self._keys = [{self._order: key} for key, _n, _member in keyed]
        self._flags = ["、".join(member_flags(m)) for m in self._members]

    def members(self) -> list[dict[str, Any]]:
        return list(self._members)

    def member_at(self, row: int) -> dict[str, Any]:
        return self._members[row]

    def row_of(self, member_id: int) -> int:
        for row, member in enumerate(self._members):
            if member.get("id") == member_id:
                return row
        return -1

    def name_key(self, row: int, order: str) -> tuple:
        keys = self._keys[row]
        key = keys.get(order)
        if key is None:
            key = keys[order] = self._name_key(self._members[row], order)
        return key

    @staticmethod
    def _name_key(member: dict[str, Any], order: str) -> tuple:
        name = member.get("name") or ""
        return pinyin_key(name) if order == ORDER_PINYIN else stroke_key(name)

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = _DISPLAY,
    ) -> Any:
        # Called for every cell and role when the table sizes and paints itself (about 3,000
        # times as the roster first shows), so roles it doesn't answer return at once.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = index.row()
        member = self._members[row]
        key = COLUMN_KEYS[index.column()]
        if role == _DISPLAY:
            return self.text(row, key)
        if role == _TOOLTIP:
            if key == "flags" and member.get("left_date"):
                return f"{date_cn(member.get('left_date'))} {member.get('left_reason') or '离开'}"
            if key == "flags" and member.get("mobile") and member.get("mobile_where"):
                scope = member.get("mobile_scope") or ""
                return f"流动去向：{member['mobile_where']} {scope}".strip()
            return None
        if role == _FOREGROUND:
            return QBrush(_LEFT_COLOUR) if member.get("left_date") else None
        if role == _ALIGNMENT:
            return _CENTRED if key in _CENTRED_KEYS else None
        if role == MEMBER_ROLE:
            return member
        if role == ID_ROLE:
            return member.get("id")
        if role == SORT_ROLE:
            return self.sort_text(row, key)
        return None

    def text(self, row: int, key: str) -> str:
        if key == "flags":
            return self._flags[row]
        value = self._members[row].get(key)
        if key.endswith("_date"):
            # As on paper and in the import preview: 2023年5月1日, and 1975年7月 for a date
            # known only to the month (never an invented day).
            return date_cn(value)
        return "" if value is None else str(value)

    def sort_text(self, row: int, key: str) -> str:
        """What a column sorts by (SORT_ROLE): dates by their stored ISO value, so 1993年1月
        (stored 1993-01) comes before 1993年1月15日 and 1993年10月 after 1993年2月1日, as on
        a calendar and not as the text shown; the rest by text."""
        if key.endswith("_date"):
            return str(self._members[row].get(key) or "")
        return self.text(row, key)


class RosterFilterProxy(QSortFilterProxyModel):
    """Search (name or pinyin initials), filters, and 姓氏笔画/拼音 order for the name column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._group: str | None = None
        self._status: str | None = None
        self._flag: str | None = None
        self._show_left = False
        self.setSortRole(SORT_ROLE)

    # -- settings --------------------------------------------------------------------------

    def roster(self) -> RosterModel:
        model = self.sourceModel()
        assert isinstance(model, RosterModel)
        return model

    def _refilter(self, **changes: Any) -> None:
        """Apply filter settings and re-run the filter (Qt ≥ 6.9 wants begin/endFilterChange)."""
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:
            begin()
        for name, value in changes.items():
            setattr(self, f"_{name}", value)
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def set_query(self, text: str) -> None:
        self._refilter(query=text.strip())

    def set_group(self, group: str | None) -> None:
        """Only members of this 党小组; "" = members without a group; None = everyone."""
        self._refilter(group=group)

    def set_status(self, status: str | None) -> None:
        self._refilter(status=status or None)

    def set_flag(self, flag: str | None) -> None:
        """One of FLAG_FILTERS, or None for no flag filter."""
        self._refilter(flag=flag or None)

    def set_show_left(self, show: bool) -> None:
        self._refilter(show_left=bool(show))

    def set_order(self, order: str) -> None:
        """Names in this order, as the rows of the roster model are (no column sorting)."""
        self.roster().set_order(order)
        self.sort(-1)

    @property
    def order(self) -> str:
        return self.roster().order

    # -- Qt proxy API ----------------------------------------------------------------------

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        member = self.roster().member_at(source_row)
        if not self._show_left and member.get("left_date"):
            return False
        if self._group is not None and (member.get("group") or "") != self._group:
            return False
        if self._status and member.get("status") != self._status:
            return False
        if self._flag and not member.get(_FLAG_KEYS[self._flag]):
            return False
        if self._query:
            name = member.get("name") or ""
            code = member.get("code") or ""
            if not (matches_search(name, self._query) or code == self._query):
                return False
        return True

    def lessThan(
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        model = self.roster()
        key = COLUMN_KEYS[left.column()]
        lrow, rrow = left.row(), right.row()
        order = model.order
        lname, rname = model.name_key(lrow, order), model.name_key(rrow, order)
        if key == "name":
            return (lname, lrow) < (rname, rrow)
        # The sort role, not the text shown: 1993年10月 sorts after 1993年2月1日.
        role = self.sortRole()
        ltext, rtext = left.data(role), right.data(role)
        # Empty cells last, then ties in name order so the list never looks shuffled.
        return (ltext == "", ltext, lname, lrow) < (rtext == "", rtext, rname, rrow)
