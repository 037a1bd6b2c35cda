"""Member pickers: one search box for every place a member is chosen, in 姓氏笔画 order.

Typing a name, part of it, its pinyin initials ("zs") or the member code narrows the members
to those it fits (desktop.rules.collation) and chooses the first; Enter takes it and moves on.

- `MemberSearch` is the search box itself (a QLineEdit): its `chosen` signal is Enter with
  something typed (the Enter is not the dialog's 确定), `moved` is ↑/↓. Screens that list
  members in their own view (the dues screen's list, 年度评定's 民主评议 table) put it above
  that view and use `matches` / `stroke_ordered` for what it shows.
- `MemberPicker(members)` is the search box beside a list of members for dialogs (新申报,
  登记更正, 登记异议, 一票否决): its `combo` is an ordinary QComboBox whose `currentData()`
  is the chosen member's code, so the dialogs that read it do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.rules.collation import matches_search, stroke_key

HINT = "姓名、拼音首字母（如 zs）或编号"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def order_key(name: str, code: Any = "") -> tuple[Any, str]:
    """Sort key of 姓氏笔画 order (then by code), as party documents list members."""
    return (stroke_key(name), str(code or ""))


def stroke_ordered(members: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Members in 姓氏笔画 order (then by code)."""
    return sorted(members, key=lambda m: order_key(m["name"], m.get("code")))


def matches(member: Mapping[str, Any], query: str) -> bool:
    """Whether a search box entry fits a member: name, pinyin, or the start of the code."""
    query = query.strip()
    return (
        not query
        or matches_search(member["name"], query)
        or str(member.get("code") or "").startswith(query)
    )


def _as_member(m: Mapping[str, Any] | tuple[Any, str]) -> Mapping[str, Any]:
    return m if isinstance(m, Mapping) else {"code": m[0], "name": m[1]}


class MemberSearch(QLineEdit):
    """The search box of every member picker."""

    chosen = Signal()  # Enter with something typed: take the member found
    moved = Signal(int)  # ↑ (-1) / ↓ (+1): the previous / next member found

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(HINT)
        self.setClearButtonEnabled(True)
        self.setToolTip(HINT)

    def tell_found(self, n: int) -> None:
        """The tooltip says how many the text finds (or what can be typed)."""
        self.setToolTip(f"找到 {n} 人，回车选定第一个" if self.text().strip() else HINT)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in ENTER_KEYS and self.text().strip():
            self.chosen.emit()  # accepted here: not the dialog's default button
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if key == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class MemberPicker(QWidget):
    """A search box beside the members' list (姓氏笔画 order).

    `first` is an entry offered before the members while nothing is typed (登记异议's
    「不针对具体党员」); clearing the search returns to it. `on_chosen` runs on Enter in the
    search box; without it the focus moves to the next field."""

    def __init__(
        self,
        members: Iterable[Mapping[str, Any] | tuple[Any, str]],
        parent: QWidget | None = None,
        *,
        first: tuple[str, Any] | None = None,
        on_chosen: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.members = stroke_ordered(_as_member(m) for m in members)
        self.first = first
        self.on_chosen = on_chosen
        self.search = MemberSearch(self)
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(8)
        # The keys work in the search box (↑/↓ step through the list): Tab goes past it.
        self.combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.combo, 1)
        self.setFocusProxy(self.search)
        self.search.textChanged.connect(self.filter)
        self.search.chosen.connect(self._chosen)
        self.search.moved.connect(self._step)
        self.filter("")

    def filter(self, text: str) -> None:
        """Only the members the text fits; the first of them chosen."""
        current = self.combo.currentData()
        query = text.strip()
        shown = [m for m in self.members if matches(m, query)]
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.first is not None and not query:
            self.combo.addItem(*self.first)
        for m in shown:
            self.combo.addItem(f"{m['name']}（{m['code']}）", m["code"])
        if query and not shown:
            self.combo.addItem(f"没有找到“{query}”", None)
        self.combo.blockSignals(False)
        keep = not query and self.first is None and current is not None
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0) if keep else 0)
        self.combo.currentIndexChanged.emit(self.combo.currentIndex())
        self.search.tell_found(len(shown))

    def set_current(self, code: Any) -> None:
        self.search.clear()
        self.combo.setCurrentIndex(max(0, self.combo.findData(code)))

    def clear(self) -> None:
        """Ready for the next member: nothing typed, nobody (or `first`) chosen."""
        self.search.clear()
        if self.first is None:
            self.combo.setCurrentIndex(-1)

    def names_shown(self) -> list[str]:
        return [
            self.combo.itemText(i).split("（")[0]
            for i in range(self.combo.count())
            if self.combo.itemData(i) is not None
        ]

    def _step(self, by: int) -> None:
        n = self.combo.count()
        if n:
            self.combo.setCurrentIndex(min(max(self.combo.currentIndex() + by, 0), n - 1))

    def _chosen(self) -> None:
        if self.on_chosen is not None:
            if self.combo.currentData() is not None:
                self.on_chosen()
        else:
            self.search.focusNextChild()
