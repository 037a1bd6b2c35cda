"""The window's menu actions, each a small registered factory (the Picard pattern).

An action names a method of the main window; `create_actions(window)` builds them all.
Other modules may `register()` more actions before the window is built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class ActionSpec(NamedTuple):  # not a dataclass: importing dataclasses costs start-up ~1.5 ms
    text: str
    method: str  # name of the window method the action triggers
    shortcut: str | None = None  # in Qt's portable form, e.g. "Ctrl+N"
    tip: str = ""


ACTIONS: dict[str, ActionSpec] = {}


def register(name: str, spec: ActionSpec) -> None:
    ACTIONS[name] = spec


register("new_book", ActionSpec("新建账本…", "new_book", "Ctrl+N", "为一个支部新建账本"))
register("open_book", ActionSpec("打开账本…", "open_book_dialog", "Ctrl+O", "打开另一个账本文件"))
register(
    "branch_info", ActionSpec("支部信息…", "edit_branch", None, "修改支部名称、上级党组织和类型")
)
register(
    "new_year",
    ActionSpec("进入新年度…", "start_new_year", None, "年底或年初：进入下一年度并选定积分方案"),
)
register("backup_now", ActionSpec("立即备份", "backup_now", "Ctrl+B", "马上在本机备份一份账本"))
register(
    "backup_to_folder",
    ActionSpec("备份到U盘或文件夹…", "backup_to_folder", None, "把账本备份到U盘或指定文件夹"),
)
register(
    "restore", ActionSpec("从备份恢复…", "restore_from_backup", None, "用一份备份替换当前账本")
)
register(
    "import_workbook",
    ActionSpec("导入工作簿…", "import_workbook", "Ctrl+I", "从 Excel 工作簿导入党员名册等"),
)
register(
    "export_workbook",
    ActionSpec("导出工作簿…", "export_workbook", "Ctrl+E", "把账本导出为 Excel 工作簿"),
)
register("print", ActionSpec("打印…", "print_current", "Ctrl+P", "打印当前页面的内容"))
register(
    "township_desk",
    ActionSpec("乡镇审核台…", "open_township_desk", None, "核对各支部交来的报送包（乡镇、街道用）"),
)
register("quit", ActionSpec("退出", "close", "Ctrl+Q", "备份并关闭程序"))
register("guide", ActionSpec("使用说明", "show_guide", "F1", "怎样用先锋指数完成日常工作"))
register("about", ActionSpec("关于先锋指数", "show_about", None))


def key_sequence(keys: str) -> QKeySequence:
    """`keys` ("Ctrl+N", "Ins") as a key sequence, read in Qt's portable (English) form."""
    return QKeySequence(keys, QKeySequence.SequenceFormat.PortableText)


# Shortcuts are written as Qt properties: passing a key sequence to setShortcut()/setKey()
# makes PySide weigh its overloads against the Qt namespace's key enums, and so build all of
# `Qt` during start-up (see qt_constants.py).
def add_shortcut(
    parent: QWidget, keys: str, slot: Callable[[], object], context: int | None = None
) -> QShortcut:
    """A keyboard shortcut on `parent` calling `slot`; `context` from qt_constants."""
    shortcut = QShortcut(parent)
    shortcut.setProperty("key", key_sequence(keys))
    if context is not None:
        shortcut.setProperty("context", context)
    shortcut.activated.connect(slot)
    return shortcut


def set_shortcut(action: QAction, keys: str) -> None:
    """Give `action` the shortcut `keys` ("" for none)."""
    action.setProperty("shortcut", key_sequence(keys))


def create_action(
    window: QWidget, spec: ActionSpec, handler: Callable[[], object] | None = None
) -> QAction:
    # Not QAction(text, window): PySide tries that text as a QIcon first, which builds the
    # QIcon enums (ThemeIcon's hundreds of members), ~1.5 ms of every start.
    action = QAction(window)
    action.setText(spec.text)
    if spec.shortcut is not None:
        set_shortcut(action, spec.shortcut)
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    target = handler or getattr(window, spec.method)
    action.triggered.connect(lambda _checked=False: target())
    return action


def create_actions(window: QWidget) -> dict[str, QAction]:
    return {name: create_action(window, spec) for name, spec in ACTIONS.items()}


def allow(widget: QWidget, ok: bool, why: str) -> None:
    """Enable `widget`, or grey it with `why` as its tooltip; its own tooltip comes back
    when it is enabled again (an action not possible yet says why, issue 14)."""
    own = widget.property("ownToolTip")
    if own is None:
        own = widget.toolTip()
        widget.setProperty("ownToolTip", own)
    widget.setEnabled(ok)
    widget.setToolTip(own if ok else why)
