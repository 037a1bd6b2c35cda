"""Workarounds for defects of the Qt bindings in use. Each one checks that it is needed.

PySide6/shiboken6 6.12.0 on CPython 3.11 returns None from C++ (every void method such as
`setText`, and every call that yields a null pointer or an invalid QVariant) without taking a
reference to it. Each such call lowers None's reference count by one; after some tens of
thousands of calls None is "deallocated" and the process aborts with
`Fatal Python error: none_dealloc` — in a long session, at exit, or in the middle of a test
run. From CPython 3.12 on None is immortal and the defect is harmless.

`guard_none_refcount()` measures the defect and, only when it is present, gives None a
reference count that no session can use up. Call it once at start-up, before the window is
built; calling it again does nothing.
"""

from __future__ import annotations

import sys

_state = {"checked": False, "applied": False}

# Far more than any session makes void Qt calls; still far from overflowing a Py_ssize_t.
_RESERVE = 1 << 40


def none_refcount_leaks() -> bool:
    """True when a void Qt call lowers None's reference count (the 6.12.0 / 3.11 defect)."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    after = sys.getrefcount(None)
    return after < before - 8


def guard_none_refcount() -> bool:
    """Apply the None reserve if the bindings need it. Returns True when it was applied."""
    if _state["checked"]:
        return bool(_state["applied"])
    _state["checked"] = True
    if not none_refcount_leaks():
        return False
    import ctypes

    # ob_refcnt is the first field of every PyObject (non-debug CPython < 3.12).
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    refcnt.value += _RESERVE
    _state["applied"] = True
    return True
