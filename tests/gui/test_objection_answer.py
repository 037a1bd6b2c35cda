"""答复异议 in one dialog; after an upheld answer the screen says whether publicity restarted
(and until when) or what to do next; 重新公示… is offered only when there is something to
re-publish."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from conftest import type_text  # noqa: E402
from quarter_testkit import TODAY, YEAR, build_branch  # noqa: E402

from desktop.book import periods as clock  # noqa: E402
from desktop.book import quarter as Q  # noqa: E402
from desktop.book.meetings import Meetings  # noqa: E402
from desktop.gui import objection_dialog  # noqa: E402
from desktop.gui.objection_dialog import AnswerDialog  # noqa: E402

OBJECTION = {
    "id": 1,
    "raised_by": "张三",
    "name": "张三",
    "date_text": "2026-07-02",
    "content": "5月10日我出席了，被记成无故缺席",
}


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


def _ok(qtbot, dialog: AnswerDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_answer_dialog_asks_everything_at_once(qtbot) -> None:
    dialog = AnswerDialog(OBJECTION, "5 个工作日", today=date(2026, 7, 6))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "5月10日我出席了" in dialog.objection_text.text()
    assert not dialog.change_note.isEnabled() and dialog.upheld_hint.isHidden()
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text() == "请填写调查核实的结果。"
    type_text(qtbot, dialog.finding, "核对签到表属实")
    _ok(qtbot, dialog)
    assert dialog.problem.text() == "请选择是否根据这条异议更正了记录。"
    qtbot.mouseClick(dialog.upheld, Qt.MouseButton.LeftButton)
    assert dialog.change_note.isEnabled() and not dialog.upheld_hint.isHidden()
    assert "重新公示" in dialog.upheld_hint.text() and "5 个工作日" in dialog.upheld_hint.text()
    _ok(qtbot, dialog)
    assert "更正了什么" in dialog.problem.text()
    type_text(qtbot, dialog.change_note, "张三5月10日改为出席")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == {
        "finding": "核对签到表属实",
        "changed": True,
        "change_note": "张三5月10日改为出席",
        "told_on": "2026-07-06",
    }


def test_kept_answer_drops_a_note_typed_before(qtbot) -> None:
    dialog = AnswerDialog(OBJECTION, today=date(2026, 7, 6))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.finding, "签到表上没有签名")
    qtbot.mouseClick(dialog.upheld, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.change_note, "误填")
    qtbot.mouseClick(dialog.kept, Qt.MouseButton.LeftButton)
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values()["changed"] is False and dialog.values()["change_note"] == ""


def _screen_in_publicity_with_objection(qtbot, window, book, monkeypatch):
    ids = build_branch(book)
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=TODAY)
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    Q.raise_objection(
        book, YEAR, 2, raised_by="张三", content=OBJECTION["content"], today=date(2026, 7, 2)
    )
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 6))
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议"))
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    if screen.quarter.currentIndex() != 1:
        with qtbot.waitSignal(screen.loaded, timeout=20000):
            screen.quarter.setCurrentIndex(1)
    screen.tabs.setCurrentIndex(2)
    return screen, ids


def _answer_through_dialog(
    qtbot, monkeypatch, screen, *, upheld: bool, note: str = "", refused: bool = False
) -> None:
    """Click 答复异议… and fill the real dialog as a user would."""
    seen = []

    def fill(dialog: AnswerDialog) -> int:
        seen.append(dialog)
        dialog.show()  # as exec() would
        type_text(qtbot, dialog.finding, "核对签到表")
        qtbot.mouseClick(dialog.upheld if upheld else dialog.kept, Qt.MouseButton.LeftButton)
        if note:
            type_text(qtbot, dialog.change_note, note)
        _ok(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(objection_dialog.AnswerDialog, "exec", fill)
    screen.objections_table.selectRow(0)
    if refused:  # the screen stays as it was: nothing to reload
        qtbot.mouseClick(screen.answer_objection_button, Qt.MouseButton.LeftButton)
    else:
        with qtbot.waitSignal(screen.loaded, timeout=20000):
            qtbot.mouseClick(screen.answer_objection_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1  # one dialog, not a chain of input boxes


def test_upheld_answer_says_publicity_restarted(qtbot, window, book, messages, monkeypatch) -> None:
    screen, ids = _screen_in_publicity_with_objection(qtbot, window, book, monkeypatch)
    assert not screen.publish_button.isEnabled()
    assert "无需重新公示" in screen.publish_button.toolTip()
    Meetings(book).record_attendance(ids["activity"], {}, amend=True, today=TODAY)
    _answer_through_dialog(qtbot, monkeypatch, screen, upheld=True, note="张三5月10日改为出席")
    told = messages.texts("information")[-1]
    assert "已重新公示：公示期 2026-07-06 至 2026-07-10，期满后再确认" in told, told
    assert "2026-07-06 至 2026-07-10" in screen.state.text()
    assert "根据第1号异议更正：张三5月10日改为出席" in screen.publicity_text.text()
    # The re-issued notice matches the results: nothing more to re-publish.
    assert screen.publish_button.text() == "重新公示…"
    assert not screen.publish_button.isEnabled()
    assert "无需重新公示" in screen.publish_button.toolTip()
    assert not messages.texts("warning")


def test_upheld_before_the_fix_is_refused_and_says_what_to_do(
    qtbot, window, book, messages, monkeypatch
) -> None:
    """「已更正」 over results still those of the notice would show 已更正 with nothing
    changed: the book refuses it, the window shows the book's words, nothing is written."""
    screen, ids = _screen_in_publicity_with_objection(qtbot, window, book, monkeypatch)
    _answer_through_dialog(
        qtbot, monkeypatch, screen, upheld=True, note="张三改为出席", refused=True
    )
    warned = messages.texts("warning")[-1]
    assert "积分结果与异议提出时的公示表相同" in warned, warned
    assert "请先登记更正" in warned and "维持原记录" in warned
    assert not messages.texts("information")
    st = Q.period_status(book, YEAR, 2)
    assert st["open_objections"] and len(st["notices"]) == 1
    # The record is fixed first: now the same answer re-publishes.
    Meetings(book).record_attendance(ids["activity"], {}, amend=True, today=TODAY)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.reload()
    _answer_through_dialog(qtbot, monkeypatch, screen, upheld=True, note="张三改为出席")
    assert "已重新公示" in messages.texts("information")[-1]
    assert len(Q.period_status(book, YEAR, 2)["notices"]) == 2


def test_kept_answer_changes_nothing(qtbot, window, book, messages, monkeypatch) -> None:
    screen, _ids = _screen_in_publicity_with_objection(qtbot, window, book, monkeypatch)
    _answer_through_dialog(qtbot, monkeypatch, screen, upheld=False)
    assert "维持原记录" in messages.texts("information")[-1]
    assert screen.objections_table.item(0, 5).text() == "已答复"
    assert len(Q.period_status(book, YEAR, 2)["notices"]) == 1


def test_cancelled_answer_writes_nothing(qtbot, window, book, messages, monkeypatch) -> None:
    screen, _ids = _screen_in_publicity_with_objection(qtbot, window, book, monkeypatch)
    monkeypatch.setattr(objection_dialog.AnswerDialog, "exec", lambda d: 0)
    screen.objections_table.selectRow(0)
    qtbot.mouseClick(screen.answer_objection_button, Qt.MouseButton.LeftButton)
    assert Q.period_status(book, YEAR, 2)["open_objections"]
    assert not messages.texts("information")


@pytest.mark.parametrize(
    ("row", "said"),
    [
        (
            {
                "raised_on": "2026-10-10",
                "after_publicity": True,
                "date_text": "2026-10-10，公示期满后提出",
            },
            "张三于 2026-10-10 提出（公示期满后），涉及 张三：",
        ),
        (
            {"raised_on": "2026-07-02", "after_publicity": False, "date_text": "2026-07-02"},
            "张三于 2026-07-02 提出，涉及 张三：",
        ),
        (
            {"date_text": "2026-10-10，公示期满后提出"},
            "张三于 2026-10-10 提出（公示期满后），涉及 张三：",
        ),
    ],
)
def test_answer_dialog_says_the_date_and_lateness_once(qtbot, row, said) -> None:
    dialog = AnswerDialog({**OBJECTION, **row}, today=date(2026, 10, 12))
    qtbot.addWidget(dialog)
    text = dialog.objection_text.text()
    assert text.startswith(said)
    assert text.count("提出") == 1
