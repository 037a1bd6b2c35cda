"""Sizes that fit the screen: office PCs often have 1366×768 displays, at 100% or 125%."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for the title bar and frame the window manager adds around a window.
FRAME = 40


def available_size(widget: QWidget) -> QSize | None:
    """The free area (without the taskbar) of the screen the widget is on, or None."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else None


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or less where the screen's free area is smaller."""
    free = available_size(widget)
    if free is not None:
        width = min(width, free.width() - FRAME // 2)
        height = min(height, free.height() - FRAME)
    widget.resize(width, height)


def fit_within_screen(widget: QWidget) -> None:
    """Keep a form's own size, but no larger than the screen's free area: a dialog drawn
    620 px tall is taller than a 1366×768 screen at 125% (about 570 px free), and its
    buttons would be below the taskbar."""
    resize_within_screen(widget, widget.width(), widget.height())
