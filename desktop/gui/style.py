"""Look and feel: a readable CJK font at a large size and a light, calm style sheet.

Labels and buttons opt in with a dynamic `role` property set in the .ui files:
title, section, hint, notice, error, primary, nav.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 12
ACCENT = "#b3261e"  # a deep party red, used sparingly
# Windows' own CJK UI fonts first; the bundled WenQuanYi Micro Hei is the fallback.
PREFERRED_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC")
BUNDLED_FAMILY = "WenQuanYi Micro Hei"

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
QHeaderView::section {{ padding: 6px 8px; }}
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
    """The CJK family to use: Windows' own UI font if present, else the bundled one."""
    loaded = register_bundled_font()
    families = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in families:
            return family
    if BUNDLED_FAMILY in families or BUNDLED_FAMILY in loaded:
        return BUNDLED_FAMILY
    return loaded[0] if loaded else QApplication.font().family()


def app_icon() -> QIcon:
    """The window icon: a red tile with the character 先 (drawn, so no image file is needed)."""
    from desktop.resources import resource_path

    shipped = resource_path("icons", "pioneer.png")
    if shipped.exists():
        return QIcon(str(shipped))
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
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


def apply_style(app: QApplication) -> None:
    """Set style, font, style sheet and icon (once per application object)."""
    if app.property("pioneer_styled"):
        return
    app.setProperty("pioneer_styled", True)
    # Fusion looks the same on every Windows version and matches the screenshots; the style
    # sheet assumes light colours, so ask for the light scheme even under a dark desktop.
    app.setStyle("Fusion")
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)
    family = choose_font_family()
    font = QFont(app.font())
    font.setFamilies([family, BUNDLED_FAMILY])
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(app_icon())
