"""Qt enum values as plain ints, for the code that runs while the window first opens.

The first time anything touches PySide6's `Qt` namespace, PySide builds all of its Python
enums (93 enums, about 1,200 members): ~15 ms on Python 3.11, a tenth of the program's
start-up. So the start-up path — the window, its menus, the style and the roster screen —
spells the few values it needs as the ints below, and writes enum-typed Qt properties with
`QObject.setProperty(name, int)`, which Qt converts itself. Code that runs later (a dialog, a
key press, another screen) writes `Qt.…` as usual.

tests/gui/test_qt_constants.py checks every value here against Qt's own enum, and
tests/gui/test_startup_qt.py that opening the window leaves `Qt` unbuilt.
"""

from __future__ import annotations

# Qt.ItemDataRole
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
TEXT_ALIGNMENT_ROLE = 7
FOREGROUND_ROLE = 9
USER_ROLE = 256

# Qt.AlignmentFlag.AlignCenter (AlignHCenter | AlignVCenter)
ALIGN_CENTER = 0x0084

# Qt.ScrollBarPolicy.ScrollBarAlwaysOff
SCROLL_BAR_ALWAYS_OFF = 1

# Qt.ContextMenuPolicy.CustomContextMenu
CUSTOM_CONTEXT_MENU = 3

# Qt.ShortcutContext
WIDGET_SHORTCUT = 0
WIDGET_WITH_CHILDREN_SHORTCUT = 3

# Qt.ColorScheme.Light
COLOR_SCHEME_LIGHT = 1
