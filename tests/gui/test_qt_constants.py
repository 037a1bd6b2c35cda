"""The ints the start-up path uses instead of Qt's enums are Qt's own values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui import qt_constants as c


@pytest.mark.parametrize(
    ("value", "enum"),
    [
        (c.DISPLAY_ROLE, Qt.ItemDataRole.DisplayRole),
        (c.TOOLTIP_ROLE, Qt.ItemDataRole.ToolTipRole),
        (c.TEXT_ALIGNMENT_ROLE, Qt.ItemDataRole.TextAlignmentRole),
        (c.FOREGROUND_ROLE, Qt.ItemDataRole.ForegroundRole),
        (c.USER_ROLE, Qt.ItemDataRole.UserRole),
        (c.ALIGN_CENTER, Qt.AlignmentFlag.AlignCenter),
        (c.SCROLL_BAR_ALWAYS_OFF, Qt.ScrollBarPolicy.ScrollBarAlwaysOff),
        (c.CUSTOM_CONTEXT_MENU, Qt.ContextMenuPolicy.CustomContextMenu),
        (c.WIDGET_SHORTCUT, Qt.ShortcutContext.WidgetShortcut),
        (c.WIDGET_WITH_CHILDREN_SHORTCUT, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        (c.COLOR_SCHEME_LIGHT, Qt.ColorScheme.Light),
    ],
    ids=lambda v: getattr(v, "name", None) or str(v),
)
def test_value_is_qts_own(value, enum):
    assert value == enum.value


def test_properties_written_with_them_took_effect(window):
    """setProperty() with a misspelt name would quietly add a dynamic property instead."""
    from PySide6.QtGui import QShortcut
    from PySide6.QtWidgets import QApplication

    hints = QApplication.instance().styleHints()
    assert hints.setProperty("colorScheme", c.COLOR_SCHEME_LIGHT)  # what apply_style writes
    nav = window.ui.navList
    assert nav.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    roster = window.roster_screen
    assert roster.ui.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    keys = {s.key().toString(): s.context() for s in roster.findChildren(QShortcut)}
    assert keys["Ctrl+F"] == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert keys["Ins"] == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert keys["Ctrl+N"] == Qt.ShortcutContext.WindowShortcut
    assert window.actions["open_book"].shortcut().toString() == "Ctrl+O"
    assert not window.actions["open_book"].dynamicPropertyNames()  # a real property
