"""The None reference-count guard for PySide6 6.12.0 on Python 3.11 (desktop/gui/qt_workarounds.py)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from desktop.gui.qt_workarounds import guard_none_refcount, none_refcount_leaks


def test_many_void_qt_calls_cannot_exhaust_none(qtbot):
    guard_none_refcount()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(50_000):
        label.setText("先锋")
    # Either the bindings are sound, or the guard left None far from zero.
    assert not none_refcount_leaks() or sys.getrefcount(None) > 1 << 30
    assert sys.getrefcount(None) > before - 60_000


def test_guard_is_idempotent():
    first = guard_none_refcount()
    count = sys.getrefcount(None)
    assert guard_none_refcount() is first
    assert abs(sys.getrefcount(None) - count) < 100
