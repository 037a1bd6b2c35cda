"""Member pickers: a search box and a list of members in 姓氏笔画 order. Typing a name, part of
it, its pinyin initials ("zs") or the member code narrows the list to the members it fits
(desktop.rules.collation) and chooses the first; Enter takes it and moves on.

`MemberPicker(members)` is the widget; its `combo` is an ordinary QComboBox whose
`currentData()` is the chosen member's code, so the dialogs that read it do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.rules.collation import matches_search, stroke_key

HINT = "姓名、拼音首字母（如 zs）或编号"


def stroke_ordered(members: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Members in 姓氏笔画 order (then by code), as party documents list them."""
    return sorted(members, key=lambda m: (stroke_key(m["name"]), str(m.get("code") or "")))


def matches(member: Mapping[str, Any], query: str) -> bool:
    query = query.strip()
    return (
        not query or matches_search(member["name"], query) or str(member["code"]).startswith(query)
    )


class MemberPicker(QWidget):
    """A search box beside the members' list (姓氏笔画 order)."""

    def __init__(
        self,
        members: Iterable[Mapping[str, Any]],
        parent: QWidget | None = None,
        *,
        first: tuple[str, Any] | None = None,
        on_chosen: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.members = stroke_ordered(members)
        self.first = first
        self.on_chosen = on_chosen
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(HINT)
        self.search.setClearButtonEnabled(True)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.combo, 1)
        self.setFocusProxy(self.search)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.filter("")

    def filter(self, text: str) -> None:
        """Only the members the text fits; the first of them chosen."""
        current = self.combo.currentData()
        shown = [m for m in self.members if matches(m, text)]
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.first is not None and not text.strip():
            self.combo.addItem(*self.first)
        for m in shown:
            self.combo.addItem(f"{m['name']}（{m['code']}）", m["code"])
        self.combo.blockSignals(False)
        index = self.combo.findData(current) if not text.strip() else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.currentIndexChanged.emit(self.combo.currentIndex())
        self.search.setToolTip(f"找到 {len(shown)} 人，回车选定第一个" if text.strip() else HINT)

    def set_current(self, code: Any) -> None:
        self.search.clear()
        self.combo.setCurrentIndex(max(0, self.combo.findData(code)))

    def names_shown(self) -> list[str]:
        return [self.combo.itemText(i).split("（")[0] for i in range(self.combo.count())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Enter in the search box takes the member found (and is not the dialog's 确定).
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
            and self.search.text().strip()
        ):
            if self.combo.count() and self.on_chosen is not None:
                self.on_chosen()
            return True
        return super().eventFilter(watched, event)
