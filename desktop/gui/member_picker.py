"""Member pickers: a combo box listing members in 姓氏笔画 order, where typing a name, part of
it, its pinyin initials ("zs") or the member code narrows the list (desktop.rules.collation).

`setup_member_picker(combo, members)` turns any QComboBox into one; the chosen member's code is
`combo.currentData()` as before, so the dialogs that read it do not change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from desktop.rules.collation import matches_search, stroke_key

NAME_ROLE = Qt.ItemDataRole.UserRole + 7
HINT = "输入姓名、拼音首字母（如 zs）或编号查找"


class MemberSearch(QSortFilterProxyModel):
    """The combo's items whose name matches the typed text (name, pinyin, initials, code)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.query = ""

    def set_query(self, text: str) -> None:
        # Qt ≥ 6.9 wants begin/endFilterChange (as RosterFilterProxy does).
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:
            begin()
        self.query = text.strip()
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802 (Qt's name)
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.query:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        name = index.data(NAME_ROLE) or ""
        code = str(index.data(Qt.ItemDataRole.UserRole) or "")
        return bool(name) and (matches_search(name, self.query) or code.startswith(self.query))


def stroke_ordered(members: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Members in 姓氏笔画 order (then by code), as party documents list them."""
    return sorted(members, key=lambda m: (stroke_key(m["name"]), str(m.get("code") or "")))


def setup_member_picker(
    combo: QComboBox,
    members: Iterable[Mapping[str, Any]],
    *,
    first: tuple[str, Any] | None = None,
    current: Any = None,
) -> None:
    """Fill `combo` with `members` ({code, name}) in 姓氏笔画 order and make it searchable.
    `first` is an extra first item (label, data), e.g. ("（不涉及某名党员）", "")."""
    combo.clear()
    if first is not None:
        combo.addItem(first[0], first[1])
    for m in stroke_ordered(members):
        combo.addItem(f"{m['name']}（{m['code']}）", m["code"])
        combo.setItemData(combo.count() - 1, m["name"], NAME_ROLE)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.lineEdit().setPlaceholderText(HINT)
    combo.setToolTip(HINT)
    search = MemberSearch(combo)
    search.setSourceModel(combo.model())
    completer = QCompleter(search, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)

    def typed(text: str) -> None:
        search.set_query(text)
        if text.strip():
            completer.complete()

    def chosen(index: QModelIndex) -> None:
        row = search.mapToSource(index).row()
        if row >= 0:
            combo.setCurrentIndex(row)

    combo.lineEdit().textEdited.connect(typed)
    completer.activated[QModelIndex].connect(chosen)
    combo._member_search = search  # type: ignore[attr-defined]  # kept alive with the combo
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
