"""Sizes that fit the screen: office PCs often have 1366×768 displays, at 100% or 125%."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for the title bar and frame the window manager adds around a window.
FRAME = 40


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or less where the screen's free area is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - FRAME // 2)
        height = min(height, available.height() - FRAME)
    widget.resize(width, height)
