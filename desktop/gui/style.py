"""Look and feel: a readable CJK font at a large size and a light, calm style sheet.

Labels and buttons opt in with a dynamic `role` property set in the .ui files:
title, section, hint, notice, error, primary, nav.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.gui.qt_constants import COLOR_SCHEME_LIGHT

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 12
STYLE_NAME = "Fusion"
ACCENT = "#b3261e"  # a deep party red, used sparingly
# Windows' own CJK UI fonts first; the bundled WenQuanYi Micro Hei is the fallback.
PREFERRED_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC")
BUNDLED_FAMILY = "WenQuanYi Micro Hei"

#: Widget classes whose font Qt's Windows theme sets on its own (9 pt, the system face) and
#: re-applies over the application font: tables came out small, in another face, while their
#: headers were sized for the 12 pt titles and cut. A style-sheet rule holds.
THEMED_FONT_CLASSES = ("QMenuBar", "QMenu", "QAbstractItemView", "QStatusBar", "QToolTip")


#: Glyphs fitted to the pixel grid vertically only: how Windows draws text at 125% and more,
#: and Edge and Office at 100%. Qt's default at 100% on Windows is full (GDI) hinting, which
#: under Wine costs several times as much per CJK glyph: painting the roster's first screen
#: took ~90 ms there against ~25 ms. Widths are then the same on screen as on paper.
HINTING = QFont.HintingPreference.PreferVerticalHinting
#: The classes the Windows theme gives a font of their own (QApplication::font(widget) takes
#: the nearest such class): they get the program's font, hinting included, as well.
HINTED_CLASSES = (
    "QAbstractItemView",
    "QListView",
    "QHeaderView",
    "QMenuBar",
    "QMenu",
    "QStatusBar",
    "QTipLabel",
)


def themed_font_rule(family: str) -> str:
    """The style-sheet rule giving those widgets the program's face and size."""
    return (
        f"{', '.join(THEMED_FONT_CLASSES)} "
        f'{{ font-family: "{family}"; font-size: {BASE_POINT_SIZE}pt; }}\n'
    )


STYLE_SHEET = f"""
QLabel[role="title"] {{ font-size: 19pt; font-weight: bold; color: #202020; }}
QLabel[role="section"] {{ font-size: 13pt; font-weight: bold; color: #303030; padding-top: 6px; }}
QLabel[role="hint"] {{ color: #5f5f5f; }}
QLabel[role="notice"] {{
    background: #fff6e5; border: 1px solid #f0d9a8; border-radius: 4px; padding: 10px;
    color: #5a4300;
}}
QLabel[role="error"] {{ color: {ACCENT}; }}
QPushButton {{ padding: 6px 16px; min-height: 26px; }}
QLineEdit, QComboBox {{ min-height: 28px; padding: 1px 6px; }}
QAbstractSpinBox {{ min-height: 28px; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: 1px solid #8e1d17; border-radius: 4px;
    font-weight: bold;
}}
QPushButton[role="primary"]:hover {{ background: #c6352c; }}
QPushButton[role="primary"]:pressed {{ background: #8e1d17; }}
QPushButton[role="primary"]:disabled {{ background: #d9a5a1; border-color: #d9a5a1; }}
QListWidget[role="nav"] {{
    background: #f6f2ee; border: none; border-right: 1px solid #e2dbd3;
    font-size: 14pt; padding-top: 12px; outline: 0;
}}
QListWidget[role="nav"]::item {{ padding: 12px 14px; margin: 2px 8px; border-radius: 6px; color: #303030; }}
QListWidget[role="nav"]::item:hover {{ background: #ece4dc; }}
QListWidget[role="nav"]::item:selected {{ background: {ACCENT}; color: white; }}
QWizard QListWidget::item {{ padding: 8px; }}
QTableView, QTableWidget {{ gridline-color: #e4e4e4; }}
QHeaderView::section {{ padding: 6px 4px; }}
QStatusBar QLabel {{ padding: 0 8px; color: #404040; }}
"""


def register_bundled_font() -> list[str]:
    """Make the bundled WenQuanYi Micro Hei available to the program (about 15 ms)."""
    from desktop.resources import resource_path

    font_file = resource_path("fonts", "wqy-microhei.ttc")
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    if font_id < 0:
        log.warning("could not load the bundled font %s", font_file)
        return []
    return QFontDatabase.applicationFontFamilies(font_id)


def choose_font_family() -> str:
    """The CJK family to use: Windows' own UI font if present, else the bundled one.

    The bundled file (5 MB) is loaded only when the system has neither: loading it costs
    about 6 ms of every start, and Qt falls back to the system's fonts for any character
    the chosen family lacks.
    """
    families = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in families:
            return family
    if BUNDLED_FAMILY in families:  # installed on the system already
        return BUNDLED_FAMILY
    loaded = register_bundled_font()
    if BUNDLED_FAMILY in loaded:
        return BUNDLED_FAMILY
    return loaded[0] if loaded else QApplication.font().family()


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The window icon: a red tile with the character 先, from resources/icons (drawn by
    `draw_icon` and saved by tools/make_icon.py; loading the files is quicker than drawing)."""
    from PySide6.QtGui import QIcon  # (here: the window sets it once painted, app.py)

    from desktop.resources import resource_path

    files = [(size, resource_path("icons", f"pioneer-{size}.png")) for size in ICON_SIZES]
    if not all(path.exists() for _size, path in files):
        return draw_icon()
    icon = QIcon()
    for size, path in files:
        icon.addFile(str(path), QSize(size, size))
    return icon


def draw_icon() -> QIcon:
    """The icon drawn (no image file needed): a red tile with 先 in the bundled font."""
    # Imported here: only a source tree without the icon files draws it (qt_constants.py).
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT))
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
        font = QFont(BUNDLED_FAMILY)
        font.setPixelSize(int(size * 0.68))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffd54f"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "先")
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def apply_style(app: QApplication, *, icon: bool = True) -> None:
    """Set style, font, style sheet and (unless `icon` is False) the icon, once per
    application object."""
    if app.property("pioneer_styled"):
        return
    app.setProperty("pioneer_styled", True)
    # Fusion looks the same on every Windows version and matches the screenshots; the style
    # sheet assumes light colours, so ask for the light scheme even under a dark desktop.
    if not app.property("pioneer_style_set"):  # set as the application started (app.py)
        app.setStyle(STYLE_NAME)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # written as a property: see qt_constants.py
        hints.setProperty("colorScheme", COLOR_SCHEME_LIGHT)
    family = choose_font_family()
    font = QFont(app.font())
    font.setFamilies([family, BUNDLED_FAMILY])
    font.setPointSize(BASE_POINT_SIZE)
    font.setHintingPreference(HINTING)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET + themed_font_rule(family))
    # The style sheet's rule takes family and size from its text, the rest (hinting) from the
    # class's font: the theme's, which setting a style sheet puts back, unless given after it.
    for class_name in HINTED_CLASSES:
        app.setFont(font, class_name)
    if icon:
        app.setWindowIcon(app_icon())
