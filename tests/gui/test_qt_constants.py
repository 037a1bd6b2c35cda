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
