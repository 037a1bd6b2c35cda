"""The 会议活动 screen, driven by keys and clicks: create an activity, print its sign-in sheet,
record attendance by keyboard (40 members, 3 absent, under 15 keystrokes), see points change."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog

from desktop.book.meetings import Meetings
from desktop.book.scoring import set_year_scheme
from desktop.rules.collation import matches_search, pinyin_initials

YEAR = date.today().year
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
GIVEN = ["建国", "秀英", "志强", "桂兰", "海燕", "德华", "春生", "玉梅"]


@pytest.fixture
def branch_book(tmp_path: Path):
    from desktop.book.store import Book

    b = Book.create(tmp_path / "m.db", branch="测试村党支部", year=YEAR)
    r = b.roster
    for n in range(40):
        r.add_member(
            {
                "name": SURNAMES[n] + GIVEN[n % len(GIVEN)],
                "status": "正式党员",
                "group": "一组" if n % 2 else "二组",
                "joined_date": "2000-07-01",
            }
        )
    set_year_scheme(b, YEAR, preset="dangyuan-ejia")
    yield b
    b.close()


@pytest.fixture
def screen(qtbot, branch_book, messages):
    from desktop.gui.meetings_screen import MeetingsScreen

    s = MeetingsScreen(branch_book)
    qtbot.addWidget(s)
    s.resize(1300, 760)
    s.show()
    qtbot.waitExposed(s)
    return s


def _dialog(qtbot):
    from desktop.gui.activity_dialog import ActivityDialog

    found: list[ActivityDialog] = []

    def seen() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ActivityDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(seen, timeout=3000)
    return found[0]


def create_activity(qtbot, screen, typist, day: str, topic: str) -> int:
    """Click 登记活动, fill the dialog by keyboard, save."""
    from PySide6.QtCore import QDate, QTimer

    def fill() -> None:
        d = _dialog(qtbot)
        d.ui.dateEdit.setDate(QDate.fromString(day, "yyyy-MM-dd"))
        d.ui.typeCombo.setCurrentText("主题党日")
        typist(d.ui.topicEdit, topic)
        typist(d.ui.placeEdit, "村党群服务中心")
        typist(d.ui.minutesEdit, "学习党章第一章")
        qtbot.keyClick(d.ui.placeEdit, Qt.Key.Key_Return)  # the default button is 保存

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(screen.ui.newButton, Qt.MouseButton.LeftButton)
    assert screen._activity is not None and screen._activity["topic"] == topic
    return screen._activity["id"]


def test_create_activity_print_signin_record_by_keyboard_and_see_points(
    qtbot, screen, branch_book, typist, tmp_path, monkeypatch, messages, previews
):
    activity_id = create_activity(qtbot, screen, typist, f"{YEAR}-01-10", "学习党章")
    act = Meetings(branch_book).activity(activity_id)
    assert act["minutes"] == "学习党章第一章" and act["place"] == "村党群服务中心"
    assert screen.ui.attendanceTable.rowCount() == 40

    # Print the sign-in sheet to PDF (off the UI thread), then look inside it.
    pdf = tmp_path / "签到表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    opened: list[Path] = []
    monkeypatch.setattr(
        "desktop.gui.roster_files.offer_to_open", lambda p, t, w, path: opened.append(path)
    )
    job = screen.print_signin()
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    [preview] = previews  # the print preview; 另存为 PDF… beside 打印
    preview.save_action.trigger()
    assert opened == [pdf] and pdf.read_bytes()[:5] == b"%PDF-"
    assert preview.page_count() == len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    if shutil.which("pdftotext"):
        text = re.sub(
            r"\s",
            "",
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout,
        )
        assert "主题党日签到表" in text and "学习党章" in text and "应到：40人" in text

    # Three away: typed as the secretary would, the fewest initials that find only them.
    rows = screen._rows
    names = [m["name"] for m in rows]

    def shortest(name: str) -> str | None:
        initials = pinyin_initials(name)
        return next(
            (
                initials[:k]
                for k in range(1, len(initials) + 1)
                if [n for n in names if matches_search(n, initials[:k])] == [name]
            ),
            None,
        )

    found = sorted(((q, m) for m in rows if (q := shortest(m["name"]))), key=lambda qm: len(qm[0]))
    away = [m for _q, m in found[:3]]
    queries = {m["id"]: q for q, m in found[:3]}
    assert len(away) == 3
    keys = 0

    def key(widget, k) -> None:
        nonlocal keys
        keys += 1
        qtbot.keyClick(widget, k) if not isinstance(k, tuple) else qtbot.keyClick(
            widget, k[0], k[1]
        )

    search = screen.ui.searchEdit
    search.setFocus()
    key(search, Qt.Key.Key_F2)  # everyone present
    for m, digit in zip(away, (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4), strict=True):
        for ch in queries[m["id"]]:
            key(search, ch)
        key(search, digit)
        # A leave keeps the cursor in the name box too: its 事由 is optional, a Tab away.
        assert screen.focusWidget() is search
    key(search, (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier))  # save
    assert keys < 15, keys
    assert messages.texts("question") == []  # saving asked nothing

    saved = {r["name"]: r["status"] for r in Meetings(branch_book).attendance(activity_id)}
    assert len(saved) == 40
    assert [saved[m["name"]] for m in away] == ["因公请假", "因私请假", "无故缺席"]
    assert sum(1 for s in saved.values() if s == "出席") == 37

    # The 因私请假 member's points dropped by 1 (党员e家), and the screen says so.
    screen._select_member(away[1]["id"])
    label = screen.ui.pointsLabel.text()
    assert away[1]["name"] in label and "99" in label and "保存前 100" in label
    assert "积分变化" in screen.ui.listSummary.text()
    # Explain lines agree.
    overview = Meetings(branch_book).points_overview(YEAR)
    assert overview[away[1]["id"]]["total"] == 99
    assert "因私请假" in overview[away[1]["id"]]["text"]


def test_enter_after_a_name_keeps_the_digit_keys_on_that_member(
    qtbot, screen, branch_book, typist, messages
):
    """Enter after typing a name (a reflex) selects the member; "4" then marks 无故缺席 and
    is not typed into 事由. Full and mixed pinyin find the member too."""
    liu = branch_book.roster.add_member(
        {"name": "刘洋", "status": "正式党员", "group": "一组", "joined_date": "2000-07-01"}
    )
    activity_id = create_activity(qtbot, screen, typist, f"{YEAR}-01-14", "回车测试")
    search, reason = screen.ui.searchEdit, screen.ui.reasonEdit
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_F2)
    qtbot.keyClicks(search, "lyang")
    assert screen._current_member_id() == liu
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert screen.focusWidget() is search and screen._current_member_id() == liu
    assert "刘洋" in search.toolTip()
    qtbot.keyClick(search, Qt.Key.Key_4)
    assert screen._state[liu] == {
        "status": "无故缺席",
        "note": "",
        "host_org": "",
        "witnesses": [],
    }
    assert screen.focusWidget() is search and search.text() == ""  # ready for the next name

    # A slip corrected at once: the digit acts on the member still selected.
    qtbot.keyClick(search, Qt.Key.Key_2)
    assert screen._state[liu]["status"] == "因公请假"
    # A leave keeps the cursor with the names; its 事由 (optional) is one Tab away, with its
    # hint there; Enter comes back to the names.
    assert screen.focusWidget() is search and "Tab" in search.toolTip()
    qtbot.keyClick(search, Qt.Key.Key_Tab)
    assert screen.focusWidget() is reason and "因公请假事由" in reason.placeholderText()
    typist(reason, "到镇里开会")
    qtbot.keyClick(reason, Qt.Key.Key_Return)
    assert screen.focusWidget() is search and screen._state[liu]["note"] == "到镇里开会"

    # Full pinyin, then 补录: its hint names the witnesses; Esc comes back.
    qtbot.keyClicks(search, "liuyang")
    assert screen._matches and screen._current_member_id() == liu
    qtbot.keyClick(search, Qt.Key.Key_5)
    assert screen.focusWidget() is reason and "证明人" in reason.placeholderText()
    qtbot.keyClick(reason, Qt.Key.Key_Escape)
    assert screen.focusWidget() is search

    # Nothing found: the digit is typed into the search box and marks nobody.
    qtbot.keyClicks(search, "qqq")
    qtbot.keyClick(search, Qt.Key.Key_1)
    assert search.text() == "qqq1" and screen._state[liu]["status"] == "补录"
    qtbot.keyClick(search, Qt.Key.Key_Return)  # nothing to choose: nothing happens
    assert screen.focusWidget() is search

    # Several found: Enter chooses the highlighted one (↓ moved to the second).
    search.clear()
    qtbot.keyClicks(search, "l")
    several = list(screen._matches)
    assert len(several) > 1
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    chosen = screen._rows[several[1]]["id"]
    assert screen._current_member_id() == chosen
    qtbot.keyClick(search, Qt.Key.Key_4)
    assert screen._state[chosen]["status"] == "无故缺席"
    assert Meetings(branch_book).attendance(activity_id) == []  # nothing saved yet


def test_reason_witnesses_and_late_registration_refused_without_two(
    qtbot, screen, branch_book, typist, messages
):
    activity_id = create_activity(qtbot, screen, typist, f"{YEAR}-01-12", "补录测试")
    search = screen.ui.searchEdit
    qtbot.keyClick(search, Qt.Key.Key_F2)
    target = screen._rows[0]
    search.setText(target["name"])
    qtbot.keyClick(search, Qt.Key.Key_5)  # 补录
    assert screen._state[target["id"]]["status"] == "补录"
    typist(screen.ui.reasonEdit, "会后补签")
    screen.ui.witness1Combo.setCurrentIndex(2)
    screen.ui.witness1Combo.activated.emit(2)
    assert screen.save_attendance() is False  # one witness only
    assert any("两名" in t for t in messages.texts("warning"))
    assert Meetings(branch_book).attendance(activity_id) == []  # nothing written
    screen.ui.witness2Combo.setCurrentIndex(3)
    screen.ui.witness2Combo.activated.emit(3)
    assert screen.save_attendance() is True
    row = next(
        r for r in Meetings(branch_book).attendance(activity_id) if r["member_id"] == target["id"]
    )
    assert row["note"] == "会后补签" and row["witnesses"].count("、") == 1


def test_future_activity_signin_is_refused_but_sheet_can_be_printed(
    qtbot, screen, branch_book, messages
):
    mt = Meetings(branch_book)
    future = date.today().replace(day=28) if date.today().day < 28 else None
    if future is None or future.year != YEAR:
        pytest.skip("no later day this month to plan for")
    activity_id = mt.add_activity({"date": future.isoformat(), "type": "党课", "topic": "讲党课"})
    screen.refresh()
    screen.select_activity(activity_id)
    qtbot.keyClick(screen.ui.searchEdit, Qt.Key.Key_F2)
    assert any("还没到" in t for t in messages.texts("information"))
    assert all(s["status"] == "未登记" for s in screen._state.values())
    assert screen.ui.signinButton.isEnabled()


def test_bad_date_in_dialog_is_shown_next_to_the_field(qtbot, branch_book):
    from PySide6.QtCore import QDate

    from desktop.gui.activity_dialog import ActivityDialog

    d = ActivityDialog(branch_book)
    qtbot.addWidget(d)
    d.ui.dateEdit.setDate(QDate(YEAR - 5, 3, 1))
    d.save()
    assert d.result() != QDialog.DialogCode.Accepted
    assert "年度范围" in d.ui.dateError.text() and d.ui.dateError.isVisibleTo(d)
    assert Meetings(branch_book).activities() == []


def test_an_activity_before_the_points_start_says_so_before_saving(
    qtbot, screen, branch_book, typist, monkeypatch
):
    """Session 7, L in the window: the CLI's 「…这次活动只作记录，不计分。」 shown in the dialog
    as soon as such a date is chosen (one book function words both), and the activity is
    still recorded."""
    from PySide6.QtCore import QDate, QTimer

    from desktop.book.points_start import set_points_start

    set_points_start(branch_book, f"{YEAR}-07")
    words = f"本账本自{YEAR}年7月起记分，这次活动只作记录，不计分。"
    # 1366×768 at 125%: 1093×614 device-independent pixels, less a 40-px taskbar.
    from PySide6.QtCore import QSize

    monkeypatch.setattr("desktop.gui.screen_fit.available_size", lambda _w: QSize(1093, 574))
    seen: dict[str, object] = {}

    def fill() -> None:
        d = _dialog(qtbot)
        d.ui.dateEdit.setDate(QDate(YEAR, 8, 1))
        seen["after"] = d.ui.dateNote.isVisible()
        d.ui.dateEdit.setFocus()
        d.ui.dateEdit.setDate(QDate(YEAR, 3, 10))
        seen["before"] = (d.ui.dateNote.isVisible(), d.ui.dateNote.text())
        hint = d.minimumSizeHint()
        seen["fits"] = hint.height() <= 534 and d.height() <= 534 and d.width() <= 1093
        typist(d.ui.topicEdit, "学习党章")
        qtbot.keyClick(d.ui.topicEdit, Qt.Key.Key_Return)  # 保存 all the same

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(screen.ui.newButton, Qt.MouseButton.LeftButton)
    assert seen["after"] is False
    assert seen["before"] == (True, words)
    assert seen["fits"] is True
    [act] = Meetings(branch_book).activities()
    assert act["date"] == f"{YEAR}-03-10" and act["topic"] == "学习党章"
    # Opened again to edit, the dialog says it again.
    from desktop.gui.activity_dialog import ActivityDialog

    d = ActivityDialog(branch_book, act["id"])
    qtbot.addWidget(d)
    d.show()
    assert d.ui.dateNote.isVisible() and d.ui.dateNote.text() == words


def test_plan_tab_generates_and_follow_ups_issue_a_notice(
    qtbot, screen, branch_book, messages, monkeypatch
):
    mt = Meetings(branch_book)
    # Later in the year the screen asks from which month; this branch tracks the whole year.
    monkeypatch.setattr(screen, "ask_start_month", lambda proposed: 1)
    qtbot.mouseClick(screen.ui.generateButton, Qt.MouseButton.LeftButton)
    assert screen.ui.planTable.rowCount() > 40
    assert "已逾期" in screen.ui.planSummary.text() or "计划中" in screen.ui.planSummary.text()
    a = mt.add_activity({"date": f"{YEAR}-01-10", "type": "主题党日", "topic": "x"})
    member = branch_book.roster.members()[0]
    mt.record_attendance(a, {member["id"]: "无故缺席"})
    screen.refresh()
    assert screen.ui.followTable.rowCount() == 1
    screen.ui.followTable.selectRow(0)
    qtbot.mouseClick(screen.ui.issueButton, Qt.MouseButton.LeftButton)
    assert mt.notices(member["id"])[0]["kind"] == "提醒"
    assert screen.ui.followTable.item(0, 3).text() == "已出具"
    assert screen.ui.printNoticeButton.isEnabled()


def test_screen_is_in_the_main_window(qtbot, branch_book):
    from desktop.gui.main_window import MainWindow

    w = MainWindow(branch_book)
    qtbot.addWidget(w)
    titles = [t for t, _w in w.screens()]
    assert titles.index("会议活动") == titles.index("党员名册") + 1
    w.show()
    w.show_screen("会议活动")
    assert w.current_screen() is w.meetings_screen
    # Built when first shown, it still gets the style sheet's role rules (big title).
    assert w.meetings_screen.ui.activityTitle.font().pointSizeF() > 15
    w.close()


def test_template_dialog_edits_the_plan(qtbot, branch_book):
    from desktop.gui.activity_dialog import PlanTemplateDialog

    d = PlanTemplateDialog(branch_book)
    qtbot.addWidget(d)
    assert d.ui.table.rowCount() == 7  # the defaults
    d.ui.table.selectRow(2)  # 集中学习: this branch holds it with the 主题党日
    qtbot.mouseClick(d.ui.removeButton, Qt.MouseButton.LeftButton)
    d.ui.table.cellWidget(0, 3).setValue(31)  # 支委会 on the month's last day
    d.save()
    assert d.result() == QDialog.DialogCode.Accepted
    mt = Meetings(branch_book)
    assert [t.type for t in mt.templates()].count("集中学习") == 0
    mt.generate_plan(YEAR)
    plan = mt.plan(YEAR)
    assert not [p for p in plan if p["type"] == "集中学习"]
    assert f"{YEAR}-04-30" in {p["due_date"] for p in plan if p["type"] == "支委会"}


def test_template_dialog_refuses_a_yearly_row_without_month(qtbot, branch_book):
    from desktop.gui.activity_dialog import PlanTemplateDialog

    d = PlanTemplateDialog(branch_book)
    qtbot.addWidget(d)
    d.ui.table.cellWidget(5, 2).setValue(0)  # 组织生活会: no month
    d.save()
    assert d.result() != QDialog.DialogCode.Accepted
    assert "须指定月份" in d.ui.errorLabel.text()
    assert Meetings(branch_book).templates()[5].month == 1  # nothing written


def test_member_history_is_shown_with_the_points(qtbot, screen, branch_book):
    mt = Meetings(branch_book)
    a = mt.add_activity({"date": f"{YEAR}-01-10", "type": "主题党日", "topic": "x"})
    member = screen.book.roster.members()[0]
    mt.record_attendance(a, {member["id"]: "无故缺席"})
    screen.refresh()
    screen.select_activity(a)
    screen._select_member(member["id"])
    text = screen.ui.pointsLabel.text()
    assert f"{YEAR} 年签到：无故缺席 1 次" in text and "01-10 主题党日" in text


def test_signin_sheet_in_two_columns_and_pinyin_order(
    qtbot, screen, branch_book, tmp_path, monkeypatch, previews
):
    mt = Meetings(branch_book)
    a = mt.add_activity({"date": f"{YEAR}-01-10", "type": "党课", "topic": "讲党课"})
    screen.refresh()
    screen.select_activity(a)
    monkeypatch.setattr("desktop.gui.roster_files.offer_to_open", lambda *args: None)
    pages = {}
    for style in (0, 1, 2):
        pdf = tmp_path / f"s{style}.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, p=pdf, **k: (str(p), ""))
        screen.ui.signinStyleCombo.setCurrentIndex(style)
        job = screen.print_signin()
        qtbot.waitUntil(lambda job=job: job.done, timeout=20000)
        previews[-1].save_action.trigger()
        pages[style] = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True
            ).stdout
            names = [
                n
                for n in re.findall(r"[\u4e00-\u9fff]{3}", text)
                if n in {m["name"] for m in screen._rows}
            ]
            pages[f"first{style}"] = names[0]
    # Two columns save paper (40 members: both two pages here; tests/paper counts 60–100).
    assert pages[2] <= pages[0]
    if "first0" in pages:
        assert pages["first0"] != pages["first1"]  # 笔画 and 拼音 orders differ


# 生成年度计划 later in the year asks from which month the plan applies (default: this month), so
# a branch that only now starts does not see the months gone by as 已逾期.


@pytest.fixture
def three_member_screen(qtbot, tmp_path: Path, messages):
    from desktop.book.store import Book
    from desktop.gui.meetings_screen import MeetingsScreen

    book = Book.create(tmp_path / "p.db", branch="测试村党支部", year=YEAR)
    for n, name in enumerate(("王一", "李二", "张三")):
        book.roster.add_member(
            {"name": name, "status": "正式党员", "group": "一组", "joined_date": "2000-07-01"}
        )
        del n
    s = MeetingsScreen(book)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    yield s
    book.close()


def _late_in_the_year(monkeypatch, month: int) -> None:
    """As if today were in `month` of the book's year (the proposal reads the calendar)."""
    real = Meetings.plan_start_month
    monkeypatch.setattr(
        Meetings,
        "plan_start_month",
        lambda self, year, today=None: real(self, year, today=date(YEAR, month, 24)),
    )


def test_accepting_the_proposed_month_plans_from_it(
    qtbot, three_member_screen, monkeypatch
) -> None:
    _late_in_the_year(monkeypatch, 11)
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append((label, items[current]))
        return items[current], True  # the secretary presses OK on the proposal

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    qtbot.mouseClick(three_member_screen.ui.generateButton, Qt.MouseButton.LeftButton)
    assert asked and asked[0][1] == "11 月"
    assert "已经过去了 10 个月" in asked[0][0] and "选 1 月" in asked[0][0]
    plan = Meetings(three_member_screen.book).plan(YEAR)
    assert plan and min(p["due_date"] for p in plan) >= f"{YEAR}-11-01"
    assert "（自 11 月起）" in three_member_screen.ui.planSummary.text()
    assert three_member_screen.ui.planTable.rowCount() == len(plan)


def test_choosing_january_plans_the_whole_year(qtbot, three_member_screen, monkeypatch) -> None:
    _late_in_the_year(monkeypatch, 11)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("1 月", True))
    qtbot.mouseClick(three_member_screen.ui.generateButton, Qt.MouseButton.LeftButton)
    plan = Meetings(three_member_screen.book).plan(YEAR)
    assert min(p["due_date"] for p in plan) < f"{YEAR}-02-01"
    assert "自" not in three_member_screen.ui.planSummary.text()


def test_cancel_generates_nothing(qtbot, three_member_screen, monkeypatch) -> None:
    _late_in_the_year(monkeypatch, 11)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("", False))
    qtbot.mouseClick(three_member_screen.ui.generateButton, Qt.MouseButton.LeftButton)
    assert Meetings(three_member_screen.book).plan(YEAR) == []
    assert "还没有活动计划" in three_member_screen.ui.planSummary.text()


def test_january_is_not_asked(qtbot, three_member_screen, monkeypatch) -> None:
    _late_in_the_year(monkeypatch, 1)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: pytest.fail("asked in January"))
    qtbot.mouseClick(three_member_screen.ui.generateButton, Qt.MouseButton.LeftButton)
    assert (
        min(p["due_date"] for p in Meetings(three_member_screen.book).plan(YEAR)) < f"{YEAR}-02-01"
    )


# The 年度计划 tab lists 党小组 in natural order (第一、第二、第三, not 第一、第三、第二).


ORDER = ["第一党小组", "第二党小组", "第三党小组"]


@pytest.fixture
def grouped(book):
    # Entered in stroke order, as an imported roster is: the groups come 第一、第三、第二.
    for name, group in [("丁一", "第一党小组"), ("王二", "第三党小组"), ("黄敏", "第二党小组")]:
        book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01", "group": group}
        )
    return book


def test_plan_tab_lists_groups_in_order(qtbot, grouped, messages, monkeypatch):
    from desktop.gui.meetings_screen import MeetingsScreen

    s = MeetingsScreen(grouped)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    monkeypatch.setattr(s, "ask_start_month", lambda proposed: 1)
    qtbot.mouseClick(s.ui.generateButton, Qt.MouseButton.LeftButton)
    table = s.ui.planTable
    rows = [
        (table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    ]
    first = next(r for r in rows if r[2])
    assert [g for d, t, g in rows if (d, t) == first[:2]] == ORDER


# 会议活动 at 1366×768: the sign-in list gets the room (about 12 members), the 补录证明人 row
# shows only for a 补录, and the print buttons sit under the activity they print.


def _screen(qtbot, demo_book, height: int):
    from desktop.gui.main_window import MainWindow

    w = MainWindow(demo_book)
    qtbot.addWidget(w)
    w.resize(1366, height)  # tools/screenshots.py's window on a 1366×768 screen
    w.show()
    qtbot.waitExposed(w)
    w.show_screen("会议活动")
    screen = w.meetings_screen
    qtbot.waitUntil(lambda: screen.ui.attendanceTable.rowCount() > 12)
    return w, screen


def _rows_visible(table) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_a_dozen_members_show_at_1366_by_768(qtbot, demo_book) -> None:
    w, screen = _screen(qtbot, demo_book, 740)
    ui = screen.ui
    assert _rows_visible(ui.attendanceTable) >= 11.9
    # The rest stays usable: the activity list still shows a dozen activities, the title
    # and the activity's details one line each, every button in view.
    assert _rows_visible(ui.activityTable) >= 12
    assert ui.activityTitle.height() < 2 * ui.activityInfo.height() + 10
    for button in (ui.signinButton, ui.recordButton, ui.saveButton, ui.allPresentButton):
        assert button.isVisible() and not button.visibleRegion().isEmpty(), button.text()
        assert button.width() >= button.sizeHint().width()
    # A window on a screen with a taskbar (about 700 high) still shows ten.
    w.resize(1366, 700)
    qtbot.waitUntil(lambda: _rows_visible(ui.attendanceTable) < 11.9)
    assert _rows_visible(ui.attendanceTable) >= 10


def test_witness_row_shows_only_for_a_late_entry(qtbot, demo_book) -> None:
    _w, screen = _screen(qtbot, demo_book, 740)
    ui = screen.ui
    table = ui.attendanceTable
    assert not ui.witness1Combo.isVisible() and not ui.witnessLabel.isVisible()
    table.selectRow(0)
    member = screen._current_member_id()
    assert not ui.witness1Combo.isVisible()
    QApplication.processEvents()  # the layout settles around the member's points line
    tall = table.height()
    screen.set_status(member, "补录")
    qtbot.waitUntil(lambda: ui.witness1Combo.isVisible() and table.height() < tall)
    assert ui.witnessLabel.isVisible() and ui.witness2Combo.isVisible()
    assert ui.witness1Combo.isEnabled()
    screen.set_status(member, "出席")  # the row goes again
    qtbot.waitUntil(lambda: not ui.witness1Combo.isVisible() and table.height() == tall)
    # Another member selected: hidden unless that one is a 补录.
    screen.set_status(member, "补录")
    table.selectRow(1)
    qtbot.waitUntil(lambda: not ui.witness1Combo.isVisible())
