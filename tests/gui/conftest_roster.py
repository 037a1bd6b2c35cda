"""Fixtures and helpers for the roster screen tests (imported by test_roster_*.py).

`roster_book` is a small branch with two groups and members chosen so that 姓氏笔画 and
pinyin orders differ and every flag occurs once; `screen` is the real RosterScreen on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def valid_id(first17: str) -> str:
    from desktop.rules.idcard import id_check_digit

    return first17 + id_check_digit(first17)


def bad_id(first17: str) -> str:
    """An ID number whose check digit is wrong."""
    good = valid_id(first17)
    wrong = "0" if good[-1] != "0" else "1"
    return first17 + wrong


MEMBERS: list[dict[str, Any]] = [
    {
        "code": "001",
        "name": "王建国",
        "gender": "男",
        "status": "正式党员",
        "group": "第一党小组",
        "joined_date": "1990-07-01",
        "confirmed_date": "1991-07-01",
        "phone": "13800000001",
        "leader": True,
    },
    {
        "code": "002",
        "name": "李秀英",
        "gender": "女",
        "status": "正式党员",
        "group": "第一党小组",
        "joined_date": "2001-06-15",
        "confirmed_date": "2002-06-15",
        "mobile": True,
        "mobile_where": "广东省深圳市",
        "mobile_scope": "省外",
    },
    {
        "code": "003",
        "name": "张晓东",
        "gender": "男",
        "status": "预备党员",
        "group": "第二党小组",
        "joined_date": "2025-03-01",
    },
    {
        "code": "004",
        "name": "赵桂兰",
        "gender": "女",
        "status": "正式党员",
        "group": "第二党小组",
        "joined_date": "1975-05-04",
        "confirmed_date": "1976-05-04",
        "exempt": True,
        "exempt_approved_date": "2025-01-10",
        "exempt_reason": "年老体弱",
    },
    {
        "code": "005",
        "name": "丁伟",
        "gender": "男",
        "status": "入党积极分子",
        "group": "第二党小组",
    },
]


@pytest.fixture
def roster_book(book):
    """The test book (tests/gui/conftest.py) with groups and five members."""
    book.roster.add_group("第一党小组")
    book.roster.add_group("第二党小组")
    for fields in MEMBERS:
        book.roster.add_member(dict(fields))
    return book


@pytest.fixture
def screen(qtbot, roster_book):
    from desktop.gui.roster_screen import RosterScreen

    widget = RosterScreen(roster_book)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def member_id(book, name: str) -> int:
    return book.roster.find(name)["id"]


def on_next_dialog(
    qtbot, handle: Callable[[QDialog], None], *, cls: type | None = None, timeout: int = 5000
) -> dict[str, Any]:
    """Run `handle(dialog)` on the next modal dialog that opens (exec() blocks the test).

    Returns a dict that gets "dialog" (and "error" if the handler raised) once it ran.
    """
    seen: dict[str, Any] = {}

    def poll() -> None:
        # Look through the top-level widgets rather than activeModalWidget(): this PySide6
        # build drops a reference to None each time a Qt call returns None, and polling
        # would do that fifty times a second.
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog)
            and w.isVisible()
            and w.isModal()
            and (cls is None or isinstance(w, cls))
        ]
        if not found:
            return
        dialog = found[-1]
        timer.stop()
        seen["dialog"] = dialog
        try:
            handle(dialog)
        except BaseException as exc:  # reported to the test after exec() returns
            seen["error"] = exc
            dialog.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    seen["timer"] = timer
    return seen


def finish(seen: dict[str, Any]) -> QWidget:
    """After the action that opened the dialog returned: re-raise the handler's failure."""
    seen["timer"].stop()
    if "error" in seen:
        raise seen["error"]
    assert "dialog" in seen, "no dialog opened"
    return seen["dialog"]
