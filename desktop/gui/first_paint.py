"""Running something once a widget has been painted for the first time.

The window's start-up shows the roster first and finishes what nothing on the screen needs
after that (desktop/gui/app.py): the secretary sees her members sooner. benchmarks/startup.py
times a start up to this same moment — the roster's rows painted, not merely "shown".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

#: If the widget is never painted (a hidden or minimized window), the work runs after this.
FALLBACK_MS = 2000


class AfterFirstPaint(QObject):
    """Calls `then` (in order) once `widget` has been painted, or after FALLBACK_MS."""

    def __init__(self, widget: QWidget, *then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = list(then)
        self._widget: QWidget | None = widget
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def add(self, then: Callable[[], object]) -> None:
        """Also call `then`, after those given already."""
        self._then.append(then)

    def eventFilter(self, watched: QObject, event) -> bool:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QEvent  # (an event class: not at import, qt_constants.py)

        if event.type() == QEvent.Type.Paint and self._widget is not None:
            # Queued: runs when this paint pass (the whole window, drawn at once) is done.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._widget is None:
            return
        self._widget.removeEventFilter(self)
        self._widget = None
        for then in self._then:
            then()
        self._then.clear()
