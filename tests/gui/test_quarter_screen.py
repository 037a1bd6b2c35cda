"""The review screen (desktop/gui/quarter_screen.py: 季度评议, or 月度/半年评议 by the scheme's
cycle) driven like a user: claims → review → publicity → objection upheld → fact corrected →
notice re-issued → confirm → an attempted edit refused."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from quarter_testkit import TODAY, YEAR, build_branch  # noqa: E402

from desktop.book import periods as clock  # noqa: E402
from desktop.book import quarter as Q  # noqa: E402
from desktop.book import year_end  # noqa: E402
from desktop.book.meetings import Meetings  # noqa: E402
from desktop.book.scoring import set_year_scheme  # noqa: E402


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    """A reload still running when the window goes would report to a deleted screen."""
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


def _open_screen(qtbot, window):
    nav = window.ui.navList
    row = next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议")
    nav.setCurrentRow(row)
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    return screen


def _reloaded(qtbot, screen, action) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        action()


def _select(table, column: int, value: str) -> None:
    for r in range(table.rowCount()):
        if table.item(r, column).text() == value:
            table.selectRow(r)
            return
    raise AssertionError(f"{value} not in table")


def test_quarter_flow_through_the_screen(qtbot, window, book, messages, monkeypatch) -> None:
    ids = build_branch(book)
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=TODAY)
    screen = _open_screen(qtbot, window)
    # The screen opens on the latest quarter over and not yet confirmed (issue 14): the
    # third; go to the second.
    assert screen.quarter.currentIndex() == 2
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.quarter.setCurrentIndex(1)
    assert "第2季度" in screen.state.text() and "未公示" in screen.state.text()

    # A claim, 初评 and 审定 from the claims queue.
    monkeypatch.setattr(
        screen,
        "ask_claims",
        lambda: screen.save_claim(
            {
                "member": "001",
                "when": "2026-05-12",
                "item": "key-work",
                "points": "3",
                "reason": "组织村道清扫",
                "evidence": "照片",
            }
        ),
    )
    screen.tabs.setCurrentIndex(1)
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.new_claim_button, Qt.MouseButton.LeftButton)
    )
    assert screen.claims_table.rowCount() == 1
    assert screen.claims_table.item(0, 6).text() == "申报"
    assert "申报已登记，按申报日期记在2026年第2季度。" in screen.claim_note.text()
    monkeypatch.setattr(screen, "ask_step", lambda title, label, step: ("一组组长", None))
    screen.claims_table.selectRow(0)
    assert not screen.approve_claim_button.isEnabled()  # 审定 before 初评: greyed, says why
    assert screen.approve_claim_button.toolTip() == "审定要先初评：所选申报还没有初评"
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.review_claim_button, Qt.MouseButton.LeftButton),
    )
    screen.claims_table.selectRow(0)
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.approve_claim_button, Qt.MouseButton.LeftButton),
    )
    # jiedao: 「经党支部研究讨论认定，报党工委审定后确定加分分值」 — it waits for the 党工委,
    # whose approval (recorded on 年度评定 → 上级审批) lets it count.
    assert screen.claims_table.item(0, 6).text() == "审定（待审批）"
    from desktop.book.approvals import record_claim_decision

    cid = Q.list_claims(book, YEAR, 2)[0]["id"]
    record_claim_decision(book, cid, approved=True, by="街道党工委", on="2026-06-20", today=TODAY)
    _reloaded(qtbot, screen, screen.reload)
    assert screen.claims_table.item(0, 6).text() == "审定"

    # The review: filter to unexcused absences and drill down to the explanation.
    screen.tabs.setCurrentIndex(0)
    qtbot.mouseClick(screen.filters["unexcused"], Qt.MouseButton.LeftButton)
    assert screen.review_table.rowCount() == 1
    assert screen.review_table.item(0, 2).text() == "张三"
    screen.review_table.selectRow(0)
    assert "无故缺席" in screen.detail.toPlainText()
    qtbot.mouseClick(screen.filters["unexcused"], Qt.MouseButton.LeftButton)
    assert screen.review_table.rowCount() == 3

    # Publicity, entered on the day the notice is posted (the window's calendar set to it),
    # then an objection: confirming is not offered while it is open.
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 1))
    monkeypatch.setattr(
        screen, "ask_publish", lambda: {"start": "2026-07-01", "late_reason": "", "reason": ""}
    )
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.publish_button, Qt.MouseButton.LeftButton)
    )
    assert "公示中" in screen.state.text() and "2026-07-07" in screen.state.text()
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 2))
    monkeypatch.setattr(
        screen,
        "ask_objection",
        lambda: {"raised_by": "张三", "content": "5月10日我出席了，被记成无故缺席"},
    )
    screen.tabs.setCurrentIndex(2)
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.add_objection_button, Qt.MouseButton.LeftButton),
    )
    assert screen.objections_table.rowCount() == 1
    assert not screen.confirm_button.isEnabled()
    assert "尚未答复" in screen.blockers.text()

    # Upheld: the sign-in is corrected (as the meetings screen does), the answer re-issues.
    Meetings(book).record_attendance(ids["activity"], {}, amend=True, today=TODAY)
    monkeypatch.setattr(
        screen,
        "ask_answer",
        lambda oid: {
            "finding": "核对签到表属实",
            "changed": True,
            "change_note": "张三5月10日改为出席",
        },
    )
    screen.objections_table.selectRow(0)
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 6))
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.answer_objection_button, Qt.MouseButton.LeftButton),
    )
    assert "重新公示" in screen.publicity_text.text()
    assert "根据第1号异议更正" in screen.publicity_text.text()
    # The corrected notice runs its own full period from the answer's day.
    assert "2026-07-06 至 2026-07-10" in screen.state.text()
    assert not screen.confirm_button.isEnabled()
    # Once it has run, the screen says the quarter waits for confirmation.
    monkeypatch.setattr(clock, "calendar_today", lambda: TODAY)
    _reloaded(qtbot, screen, screen.reload)
    assert "公示期满，待确认" in screen.state.text()
    assert "请支委会核对后确认本季度" in screen.blockers.text()
    assert screen.confirm_button.isEnabled()

    # Confirm, after the cannot-be-undone question.
    asked = []
    monkeypatch.setattr(screen, "ask_confirm", lambda label: asked.append(label) or True)
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    )
    assert asked == ["2026年第2季度"]
    assert "已确认" in screen.state.text() and Q.chain_head(book) in screen.blockers.toolTip()
    # Every greyed button says why (issue 14): the quarter is confirmed.
    for button in (screen.new_claim_button, screen.confirm_button, screen.add_objection_button):
        assert not button.isEnabled() and "本季度已确认" in button.toolTip()
    # What people compare is the short grouped code the paper prints (「7be2 6ec7 f876」).
    assert "核验码：" in screen.blockers.text()
    assert not any(len(w) >= 32 for w in screen.blockers.text().split())
    assert not screen.new_claim_button.isEnabled()
    assert (
        next(r for r in Q.review(book, YEAR, 2, today=TODAY).rows if r.name == "张三").total == 70
    )

    # An attempted edit of the confirmed quarter, from the open third quarter: refused.
    _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(2))
    monkeypatch.setattr(
        screen,
        "ask_claims",
        lambda: screen.save_claim(
            {
                "member": "002",
                "when": "2026-05-20",
                "item": "key-work",
                "points": "1",
                "reason": "补报",
            }
        ),
    )
    before = book.execute("select count(*) from claims").fetchone()[0]
    qtbot.mouseClick(screen.new_claim_button, Qt.MouseButton.LeftButton)
    warnings = messages.texts("warning")
    assert warnings and "2026年第2季度" in warnings[-1] and "确认" in warnings[-1]
    assert book.execute("select count(*) from claims").fetchone()[0] == before


def test_claim_dialog_shows_what_is_left(qtbot, book) -> None:
    build_branch(book)
    Q.add_claim(book, "王一", "2026-03-01", "honor-street", None, "街道表彰", today=TODAY)
    from PySide6.QtCore import QDate

    from desktop.gui.quarter_screen import ClaimDialog

    dialog = ClaimDialog(book, YEAR)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 5, 1))
    dialog.member.setCurrentIndex(dialog.member.findData("001"))
    dialog.choose_item("key-work")
    assert "0 至 10 分" in dialog.hint.text() and "还可计 2 分" in dialog.hint.text()


def test_correction_from_the_screen(qtbot, window, book, messages, monkeypatch) -> None:
    build_branch(book)
    for q, start in ((1, "2026-04-01"), (2, "2026-07-01")):
        Q.publish(book, YEAR, q, start=start, today=date.fromisoformat(start))
        Q.confirm(book, YEAR, q, today=TODAY)
    monkeypatch.setattr(clock, "calendar_today", lambda: TODAY)
    screen = _open_screen(qtbot, window)
    monkeypatch.setattr(
        screen,
        "ask_correction",
        lambda: {
            "member": "003",
            "item": "life-absent",
            "points": "2",
            "reason": "经核对签到表，张三已签到",
            "refers_to": "2026-05-10 主题党日 无故缺席",
        },
    )
    screen.tabs.setCurrentIndex(1)
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.correction_button, Qt.MouseButton.LeftButton)
    )
    assert "更正已登记" in messages.texts("information")[-1]
    rows = Q.list_corrections(book, YEAR)
    assert [(r["name"], r["date"], r["points"]) for r in rows] == [("张三", "2026-11-24", "2")]


def test_claim_dialog_stays_open_for_the_next_claim(qtbot, book) -> None:
    """保存并继续: each claim goes to `save`; the member is cleared, the item, points and 事由
    stay; what is missing is said in the dialog; a claim the book refuses keeps its values."""
    build_branch(book)
    from desktop.gui.claim_dialogs import ClaimDialog

    saved: list[dict] = []
    answers = [True, False]
    dialog = ClaimDialog(book, YEAR, save=lambda v: saved.append(v) or answers.pop(0))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and "请选择党员" in dialog.problem.text()
    qtbot.keyClicks(dialog.picker.search, "zs")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    dialog.accept()
    assert "申报项目" in dialog.problem.text() and not saved
    dialog.choose_item("honor-street")  # fixed 8 points: filled in
    assert dialog.points.text() == "8"
    dialog.choose_item("key-work")  # a range: the 8 was not typed, so it goes
    assert dialog.points.text() == ""
    dialog.points.setText("3")
    dialog.accept()
    assert "请填写事由" in dialog.problem.text()
    dialog.reason.setText("组织村道清扫")
    dialog.accept()
    assert [v["member"] for v in saved] == ["003"] and dialog.isVisible()
    assert dialog.member.currentData() is None and dialog.picker.search.text() == ""
    assert (dialog.item_id(), dialog.points.text(), dialog.reason.text()) == (
        "key-work",
        "3",
        "组织村道清扫",
    )
    assert "已登记 1 条：张三" in dialog.entered.text()
    qtbot.keyClicks(dialog.picker.search, "wy")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.reason.selectedText() == "组织村道清扫"
    dialog.accept()  # refused by the book (answers False): the values stay for a fix
    assert len(saved) == 2 and dialog.member.currentData() == "001"
    assert "已登记 1 条" in dialog.entered.text()


def test_claim_waiting_above_the_branch_says_so(qtbot, window, book) -> None:
    """街道「经党支部研究讨论认定，报党工委审定后确定加分分值」: a 审定 claim of such an item reads
    待审批 (then 未批准) in the claims queue, its tooltip naming who must approve."""
    from desktop.book import approvals as A
    from desktop.book import claims as C
    from desktop.book.scoring import set_year_scheme
    from desktop.rules.presets import preset_text

    build_branch(book)
    set_year_scheme(book, YEAR, text=preset_text("jiedao-nongcun"))  # key-work → 党工委
    cid = C.add_claim(book, "王一", "2026-11-12", "key-work", "6", "带头参加村道清扫",
                      today=TODAY)  # fmt: skip
    C.review_claim(book, cid, "组长")
    C.approve_claim(book, cid, "支委会")
    plain = C.add_claim(book, "李二", "2026-11-13", "key-work", "2", "未送审", today=TODAY)
    screen = _open_screen(qtbot, window)
    if screen.quarter.currentIndex() != 3:
        _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(3))
    screen.tabs.setCurrentIndex(1)
    t = screen.claims_table

    def row(claim_id: int) -> int:
        return next(r for r in range(t.rowCount()) if t.item(r, 0).text() == str(claim_id))

    assert t.item(row(cid), 6).text() == "审定（待审批）"
    tip = t.item(row(cid), 2).toolTip()
    assert "待审批：须街道党工委审定（报党工委审定）" in tip and "不计分" in tip
    assert t.item(row(plain), 6).text() == "申报" and t.item(row(plain), 6).toolTip() == ""

    A.record_claim_decision(book, cid, approved=False, by="街道党工委", reason="事迹材料不全",
                            on="2026-11-20", today=TODAY)  # fmt: skip
    _reloaded(qtbot, screen, screen.reload)
    assert t.item(row(cid), 6).text() == "审定（未批准）"
    assert "街道党工委于2026-11-20未批准，理由：事迹材料不全" in t.item(row(cid), 6).toolTip()
    A.record_claim_decision(book, cid, approved=True, by="街道党工委", on="2026-11-21",
                            today=TODAY)  # fmt: skip
    _reloaded(qtbot, screen, screen.reload)
    assert t.item(row(cid), 6).text() == "审定"
    assert t.item(row(cid), 6).toolTip() == "街道党工委于2026-11-21批准"


# The 季度评议 screen and the quarter's timing and truth: a running quarter cannot be published from
# the window; a confirmed quarter shows its snapshot (and the drill-down says when a live
# recomputation disagrees); a change during publicity is shown with the members.


@pytest.fixture
def _calendar_nov_24(monkeypatch):
    """The screen judges timing by the book's clock: fixed at 24 November 2026."""
    monkeypatch.setattr(clock, "calendar_today", lambda: TODAY)


def _show_quarter(qtbot, screen, quarter: int) -> None:
    if screen.quarter.currentIndex() == quarter - 1:
        return
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.quarter.setCurrentIndex(quarter - 1)


def _start(day: str) -> dict[str, str]:
    """What the 开始公示 dialog gives back for a start on `day`."""
    return {"start": day, "late_reason": "", "reason": ""}


def _row(table, column: int, value: str) -> int:
    for r in range(table.rowCount()):
        if table.item(r, column).text() == value:
            return r
    raise AssertionError(f"{value} not in table")


@pytest.mark.usefixtures("_calendar_nov_24")
def test_a_running_quarter_cannot_be_published_from_the_window(
    qtbot, window, book, messages, monkeypatch
) -> None:
    build_branch(book)
    screen = _open_screen(qtbot, window)
    _show_quarter(qtbot, screen, 4)
    assert not screen.publish_button.isEnabled()
    assert "2027-01-01 起才能公示" in screen.blockers.text()
    assert "2027-01-01" in screen.publish_button.toolTip()
    # Even if asked (a keyboard shortcut, a stale window), the book refuses and says when.
    monkeypatch.setattr(clock, "calendar_today", lambda: TODAY)
    monkeypatch.setattr(screen, "ask_publish", lambda: _start("2026-11-24"))
    screen.publish()
    assert "还没有结束" in messages.texts("warning")[-1]
    assert "2027-01-01 起可以开始公示" in messages.texts("warning")[-1]
    # An ended quarter can be published, but not from a day inside it.
    _show_quarter(qtbot, screen, 3)
    assert screen.publish_button.isEnabled()
    monkeypatch.setattr(screen, "ask_publish", lambda: _start("2026-09-20"))
    screen.publish()
    assert "2026-10-01 或以后" in messages.texts("warning")[-1]
    assert Q.period_status(book, YEAR, 3, today=TODAY)["state"] == "open"
    monkeypatch.setattr(screen, "ask_publish", lambda: _start("2026-11-24"))
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.publish_button, Qt.MouseButton.LeftButton)
    assert "公示中" in screen.state.text()


def test_a_start_entered_by_mistake_is_corrected_from_the_window(
    qtbot, window, book, messages, monkeypatch
) -> None:
    # Review 7, B: 开始公示 clicked on 5 December for the notice posted on 10 October.
    dec_5 = date(2026, 12, 5)
    monkeypatch.setattr(clock, "calendar_today", lambda: dec_5)
    build_branch(book)
    Q.publish(book, YEAR, 3, today=dec_5)
    screen = _open_screen(qtbot, window)
    _show_quarter(qtbot, screen, 3)
    assert screen.correct_start_button.isEnabled()
    dialog = screen.correct_start_dialog()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.start.maximumDate().toString("yyyy-MM-dd") == "2026-12-05"
    assert dialog.start.minimumDate().toString("yyyy-MM-dd") == "2026-10-01"
    assert not ok.isEnabled()  # the same day, no reason yet
    dialog.start.setDate(dialog.start.date().fromString("2026-10-10", "yyyy-MM-dd"))
    assert "更正后公示期 2026-10-10 至 2026-10-16" in dialog.period.text()
    assert not ok.isEnabled() and ok.toolTip() == "请写明更正原因"
    dialog.reason.setText("公示表已于10月10日张贴，登记时误填为今天")
    assert ok.isEnabled()
    monkeypatch.setattr(screen, "ask_correct_start", dialog.values)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        qtbot.mouseClick(screen.correct_start_button, Qt.MouseButton.LeftButton)
    assert "公示期 2026-10-10 至 2026-10-16" in messages.texts("information")[-1]
    assert "公示期满" in screen.state.text()
    assert "更正开始日期为 2026-10-10 至 2026-10-16（原为 2026-12-05）" in (
        screen.publicity_text.text()
    )
    # An objection recorded: the notice's dates stay; the greyed button says why.
    Q.raise_objection(book, YEAR, 3, raised_by="李二", content="有意见", today=dec_5)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.reload()
    assert not screen.correct_start_button.isEnabled()
    assert "已登记异议" in screen.correct_start_button.toolTip()


@pytest.mark.usefixtures("_calendar_nov_24")
def test_a_confirmed_quarter_shows_its_snapshot(qtbot, window, book, messages) -> None:
    ids = build_branch(book)
    for q, start in ((1, "2026-04-01"), (2, "2026-07-01")):
        Q.publish(book, YEAR, q, start=start, today=date.fromisoformat(start))
        Q.confirm(book, YEAR, q, today=TODAY)
    # After confirmation 张三 is exempted: a recomputation would drop him from Q2.
    book.roster.update_member(ids["张三"], {"exempt": True, "exempt_reason": "患病"})
    screen = _open_screen(qtbot, window)
    _show_quarter(qtbot, screen, 2)
    t = screen.review_table
    r = _row(t, 2, "张三")
    total_col = next(
        c for c in range(t.columnCount()) if t.horizontalHeaderItem(c).text() == "合计"
    )
    assert t.item(r, total_col).text() == "68.00"
    assert "已确认的结果" in screen.summary.text()
    assert Q.chain_head(book) in screen.blockers.toolTip()
    t.selectRow(r)
    assert "与已确认的结果（68.00 分）不同" in screen.detail.toPlainText()
    t.selectRow(_row(t, 2, "王一"))
    assert screen.detail.toPlainText().startswith("以下明细按记录重新计算，与已确认的结果一致")


@pytest.mark.usefixtures("_calendar_nov_24")
def test_a_change_during_publicity_is_shown_with_the_members(qtbot, window, book, messages) -> None:
    ids = build_branch(book)
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=TODAY)
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    screen = _open_screen(qtbot, window)
    assert "！" not in screen.blockers.text()
    # The sign-in is amended on the meetings screen during publicity: 张三 was there.
    Meetings(book).record_attendance(ids["activity"], {}, amend=True, today=TODAY)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.reload()
    text = screen.blockers.text()
    assert "1 名党员的积分结果与公示表不同（张三）" in text
    assert "张三：公示 68.00 分，现为 70.00 分" in text
    assert "重新发布公示" in text and screen.publish_button.text() == "重新公示…"
    assert not screen.confirm_button.isEnabled()


# The 季度评议 screen says why Q4 cannot be confirmed while 民主评议 results are missing.


JAN_20 = date(2027, 1, 20)


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The 2026 demo in January 2027, one result withdrawn, Q4's other business done."""
    from desktop.book.demo import create_demo
    from desktop.gui.main_window import MainWindow

    book = create_demo(tmp_path / "demo.db", year=2026, today=JAN_20)
    row = year_end.list_appraisals(book, 2026)[0]
    year_end.withdraw_appraisal(book, row["id"], "录错了人", today=JAN_20)
    for c in Q.list_claims(book, 2026, 4, status=Q.PENDING):
        Q.reject_claim(book, c["id"], "支部委员会", "重复申报")
    for o in Q.period_status(book, 2026, 4, today=JAN_20)["open_objections"]:
        Q.answer_objection(
            book, o["id"], finding="经核实", changed=False, told_on="2027-01-12", today=JAN_20
        )
    Q.publish(book, 2026, 4, reason="申报已处理", today=date(2027, 1, 12))
    monkeypatch.setattr(clock, "calendar_today", lambda: JAN_20)
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w, row["name"]
    w.close()
    book.close()


def test_the_missing_results_block_the_confirm_button(qtbot, demo_window) -> None:
    window, name = demo_window
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "季度评议"))
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    if screen.year_quarter != (2026, 4):
        with qtbot.waitSignal(screen.loaded, timeout=20000):
            screen.year.setValue(2026)
            screen.quarter.setCurrentIndex(3)
    text = screen.blockers.text()
    assert "· 2026 年还有 1 名党员没有民主评议结果" in text and name in text
    assert "年度评定" in text
    assert not screen.confirm_button.isEnabled()


def test_a_yearly_section_shows_no_quarterly_points(qtbot, demo_window) -> None:
    window, _name = demo_window
    window.show_screen("季度评议")
    screen = window.quarter_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    t = screen.review_table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    col = headers.index("年终评议")  # scored once a year: a quarter shows "—", not 0.00
    assert t.item(0, col).text() == "—"
    assert "年度积分" in t.horizontalHeaderItem(col).toolTip()
    for other in ("合计", "突出事迹"):  # 突出事迹 is yearly but fed by claims: it has points
        assert t.item(0, headers.index(other)).text() not in ("", "—")


# The review screen follows the scheme's review cycle: for 量化定级 (「做到每月一汇总、一审核、
# 一公示」) it is the 月度评议 screen — its navigation name, its period picker (1月…12月), its
# buttons and questions say 月 — and a month is published, objected to and confirmed by
# clicking; for 机关 (「每年考核 2 次」) it is the 半年评议 screen.


def _members(book) -> None:
    for code, name in (("001", "王一"), ("002", "李二"), ("003", "张三")):
        book.roster.add_member(
            {"code": code, "name": name, "status": "正式党员", "joined_date": "2000-07-01"},
            today=date(2026, 1, 5),
        )


def _nav_texts(window) -> list[str]:
    nav = window.ui.navList
    return [nav.item(i).text() for i in range(nav.count())]


def _open(qtbot, window, title: str):
    qtbot.waitUntil(lambda: title in _nav_texts(window), timeout=5000)
    window.ui.navList.setCurrentRow(_nav_texts(window).index(title))
    screen = window.quarter_screen  # found by its stable name, whatever the list shows
    qtbot.waitUntil(lambda: screen.data is not None, timeout=20000)
    return screen


def _window(qtbot, book):
    """The window opened on a book whose scheme is already chosen (as the user finds it)."""
    from desktop.gui.main_window import MainWindow

    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_month_through_the_monthly_review_screen(
    qtbot, book, messages, monkeypatch, tmp_path: Path
) -> None:
    _members(book)
    set_year_scheme(book, YEAR, preset="lianghua-dingji")
    cid = Q.add_claim(book, "张三", "2026-02-10", "thought", "-2", "党小组月度评议")
    Q.review_claim(book, cid, "党小组长")
    Q.approve_claim(book, cid, "支委会")
    Q.publish(book, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(book, YEAR, 1, today=date(2026, 2, 10))
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 3, 2))
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "月度评议")
    assert "季度评议" not in _nav_texts(window)
    assert [screen.quarter.itemText(i) for i in range(screen.quarter.count())] == [
        f"{m}月" for m in range(1, 13)
    ]
    assert screen.confirm_button.text() == "确认本月…"
    # Found in review: 登记更正's tooltip still said 「已确认季度的记录」.
    assert "季度" not in screen.correction_button.toolTip()
    assert "月份已确认" in screen.correction_button.toolTip()
    _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(1))
    assert "2026年2月" in screen.state.text() and "未公示" in screen.state.text()
    headers = [
        screen.review_table.horizontalHeaderItem(i).text()
        for i in range(screen.review_table.columnCount())
    ]
    assert "较上月" in headers and "较上季" not in headers

    # Publicity, entered on the day the notice is posted.
    monkeypatch.setattr(
        screen, "ask_publish", lambda: {"start": "2026-03-02", "late_reason": "", "reason": ""}
    )
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.publish_button, Qt.MouseButton.LeftButton)
    )
    assert "公示中" in screen.state.text() and "2026-03-06" in screen.state.text()

    # An objection, then its answer: confirming waits for it.
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 3, 3))
    monkeypatch.setattr(
        screen,
        "ask_objection",
        lambda: {"raised_by": "张三", "member": "003", "content": "2月评议扣2分有异议"},
    )
    screen.tabs.setCurrentIndex(2)
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.add_objection_button, Qt.MouseButton.LeftButton),
    )
    assert screen.objections_table.rowCount() == 1 and not screen.confirm_button.isEnabled()
    monkeypatch.setattr(
        screen,
        "ask_answer",
        lambda oid: {"finding": "经复核，评议记录属实，维持", "changed": False},
    )
    screen.objections_table.selectRow(0)
    _reloaded(
        qtbot,
        screen,
        lambda: qtbot.mouseClick(screen.answer_objection_button, Qt.MouseButton.LeftButton),
    )

    # After the five days: 「公示期满」, and the month is confirmed after the question.
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 3, 10))
    _reloaded(qtbot, screen, screen.reload)
    assert "公示期满，待确认" in screen.state.text()
    assert "请支委会核对后确认本月" in screen.blockers.text()
    if os.environ.get("PIONEER_SCREENSHOTS"):
        window.resize(1366, 768)
        window.grab().save(str(Path(os.environ["PIONEER_SCREENSHOTS"]) / "monthly-review.png"))
    asked = []
    monkeypatch.setattr(screen, "ask_confirm", lambda label: asked.append(label) or True)
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    )
    assert asked == ["2026年2月"]
    assert "已确认" in screen.state.text() and "核验码：" in screen.blockers.text()
    assert Q.snapshot(book, YEAR, 2, "month") is not None
    assert not screen.new_claim_button.isEnabled()

    # A claim dated in the confirmed month, entered from March: refused, naming the month.
    _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(2))
    monkeypatch.setattr(
        screen,
        "ask_claims",
        lambda: screen.save_claim(
            {
                "member": "002",
                "when": "2026-02-20",
                "item": "thought",
                "points": "-1",
                "reason": "补记",
            }
        ),
    )
    qtbot.mouseClick(screen.new_claim_button, Qt.MouseButton.LeftButton)
    warnings = messages.texts("warning")
    assert warnings and "2026年2月" in warnings[-1] and "该月已于" in warnings[-1]


def test_the_half_year_review_screen(qtbot, book, monkeypatch) -> None:
    _members(book)
    set_year_scheme(book, YEAR, preset="jiguan-60-40")
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 1))
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "半年评议")
    assert [screen.quarter.itemText(i) for i in range(screen.quarter.count())] == [
        "上半年",
        "下半年",
    ]
    assert screen.confirm_button.text() == "确认本半年…"
    if screen.quarter.currentIndex() != 1:
        _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(1))
    assert "2026年下半年" in screen.state.text()
    assert "本半年还没有结束" in screen.blockers.text()


def test_the_screen_follows_a_scheme_changed_meanwhile(qtbot, book, monkeypatch) -> None:
    """The scheme changed on 积分方案 (here: through the book) renames the screen when the
    user moves on, and the picker follows when it is shown again."""
    _members(book)
    set_year_scheme(book, YEAR, preset="jiguan-60-40")
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2026, 7, 1))
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "半年评议")
    set_year_scheme(book, YEAR, preset="lianghua-dingji")
    window.ui.navList.setCurrentRow(0)
    qtbot.waitUntil(lambda: "月度评议" in _nav_texts(window), timeout=5000)
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        window.ui.navList.setCurrentRow(_nav_texts(window).index("月度评议"))
    assert screen.quarter.count() == 12 and screen.confirm_button.text() == "确认本月…"


@pytest.mark.parametrize(
    ("today", "shown", "expected"),
    [
        (date(2026, 12, 3), 11, date(2026, 11, 30)),  # November under review in December
        (date(2026, 11, 20), 11, date(2026, 11, 20)),  # the month on screen is running
        (date(2026, 12, 3), 12, date(2026, 12, 3)),
    ],
)
def test_a_new_claim_is_dated_in_the_month_on_screen(
    qtbot, book, monkeypatch, today, shown, expected
) -> None:
    """新申报 defaulted to today: a claim entered in December for the November under review
    landed in December unless the date was changed (review s5)."""
    from desktop.gui import claim_dialogs

    _members(book)
    set_year_scheme(book, YEAR, preset="lianghua-dingji")
    Q.publish(book, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(book, YEAR, 1, today=date(2026, 2, 10))
    monkeypatch.setattr(clock, "calendar_today", lambda: today)
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "月度评议")
    if screen.quarter.currentIndex() != shown - 1:
        _reloaded(qtbot, screen, lambda: screen.quarter.setCurrentIndex(shown - 1))
    seen = []
    monkeypatch.setattr(
        claim_dialogs.ClaimDialog, "exec", lambda d: seen.append(d.date.date().toPython()) or 0
    )
    screen.tabs.setCurrentIndex(1)
    qtbot.mouseClick(screen.new_claim_button, Qt.MouseButton.LeftButton)
    assert seen == [expected]
    # A confirmed month (its button is greyed): dated inside it a claim is refused, so today.
    assert Q.claim_default_day(book, YEAR, 1, today=today) == today


def test_a_refused_action_shows_what_another_program_did(
    qtbot, window, book, messages, monkeypatch
) -> None:
    """Two programs on one book: while the window shows Q2 未公示, the command line (another
    connection) publishes and confirms it. 开始公示 in the stale window is refused — and the
    screen then shows the quarter as it now stands, not 未公示 for the next click too."""
    from desktop.book.store import Book

    build_branch(book)
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=TODAY)
    screen = _open_screen(qtbot, window)
    _show_quarter(qtbot, screen, 2)
    assert "未公示" in screen.state.text()
    with Book.open(book.path) as other:
        Q.publish(other, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
        Q.confirm(other, YEAR, 2, today=TODAY)
    monkeypatch.setattr(screen, "ask_publish", lambda: _start("2026-11-24"))
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        screen.publish()
    assert "已确认" in messages.texts("warning")[-1]
    assert "已确认" in screen.state.text()
    assert not screen.publish_button.isEnabled()


def test_a_notice_without_every_appraisal_says_so_in_the_window(
    qtbot, confirmed_demo_book, messages, monkeypatch
) -> None:
    """`period publish` adds 「！…公示表上这些党员的民主评议得分为 0…」 when 年终评议 results are
    missing; the window said only 「已重新发布公示…」. Both now say it (one status field)."""
    book = confirmed_demo_book
    jan_20 = date(2027, 1, 20)
    rows = {r["code"]: r for r in year_end.list_appraisals(book, 2026)}
    for code in ("002", "003"):
        year_end.withdraw_appraisal(book, rows[code]["id"], "录错了人", today=jan_20)
    for c in Q.list_claims(book, 2026, 4, status=Q.PENDING):
        Q.reject_claim(book, c["id"], "支部委员会", "本季度已申报过同类事项")
    for o in Q.period_status(book, 2026, 4, today=jan_20)["open_objections"]:
        Q.answer_objection(
            book, o["id"], finding="经核实无误", changed=False, told_on="2027-01-12", today=jan_20
        )
    monkeypatch.setattr(clock, "calendar_today", lambda: date(2027, 1, 12))
    window = _window(qtbot, book)
    screen = _open(qtbot, window, "季度评议")
    _show_quarter(qtbot, screen, 4)
    assert screen.publish_button.isEnabled()
    monkeypatch.setattr(
        screen,
        "ask_publish",
        lambda: {"start": "2027-01-12", "late_reason": "", "reason": "申报已处理"},
    )
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.publish_button, Qt.MouseButton.LeftButton)
    )
    said = messages.texts("information")[-1]
    assert said.startswith("已重新发布公示")
    assert "！" in said and "2 名党员" in said and "公示表上这些党员的民主评议得分为 0" in said


def test_claim_steps_entered_late_take_the_day_they_were_done(
    qtbot, window, book, messages, monkeypatch
) -> None:
    """初评 and 初评并审定 ask the day beside the name (today unless changed): a branch typing in
    its paper records gives the day the group leader and the committee really did it."""
    from PySide6.QtCore import QDate, QTimer
    from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit

    from desktop.book.claims import claim

    build_branch(book)
    first = Q.add_claim(book, "张三", "2026-05-12", "key-work", 3, "组织村道清扫", today=TODAY)
    second = Q.add_claim(book, "王一", "2026-05-14", "key-work", 2, "调解纠纷", today=TODAY)
    screen = _open_screen(qtbot, window)
    _show_quarter(qtbot, screen, 2)
    screen.tabs.setCurrentIndex(1)

    def answer(day: QDate, name: str = "") -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog.findChild(QDateEdit).date() == QDate.currentDate()  # today unless changed
        dialog.findChild(QDateEdit).setDate(day)
        names = [e for e in dialog.findChildren(QLineEdit) if not isinstance(e.parent(), QDateEdit)]
        for edit in names:  # 初评人 (and 审定经办人)
            if name or not edit.text():
                edit.setText(name or "支委会")
        dialog.accept()

    QTimer.singleShot(0, lambda: answer(QDate(2026, 5, 20), "一组组长"))
    assert screen.ask_step("初评", "初评人（党小组长）：", "reviewed") == ("一组组长", "2026-05-20")
    monkeypatch.setattr(screen, "ask_step", lambda *a: ("一组组长", "2026-05-20"))
    screen.claims_table.selectRow(_row(screen.claims_table, 2, "张三"))
    _reloaded(qtbot, screen, screen.review_selected_claim)
    assert claim(book, first)["reviewed_at"][:10] == "2026-05-20"

    screen.claims_table.clearSelection()
    screen.claims_table.selectRow(_row(screen.claims_table, 2, "王一"))
    assert [c["id"] for c in screen.selected_claims()] == [second]
    QTimer.singleShot(0, lambda: answer(QDate(2026, 6, 3)))
    _reloaded(qtbot, screen, screen.review_and_approve_selected)
    assert messages.texts() == []
    c = claim(book, second)
    assert (c["reviewed_at"][:10], c["approved_at"][:10], c["status"]) == (
        "2026-06-03",
        "2026-06-03",
        "审定",
    )
