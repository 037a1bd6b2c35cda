"""The roster screen, driven as a user would: typing, clicking, keys. Book checked afterwards."""

from __future__ import annotations

from pathlib import Path

import conftest_roster
import pytest
from conftest_roster import bad_id, finish, member_id, on_next_dialog, valid_id
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.book.reports import sort_members

# The roster fixtures (a module of their own so as not to edit the shell's conftest.py).
roster_book = conftest_roster.roster_book
screen = conftest_roster.screen


def shown(screen) -> list[str]:
    return screen.shown_member_names()


def select(screen, qtbot, name: str) -> None:
    assert screen.select_member(member_id(screen.book, name))
    assert screen.current_member_id() == member_id(screen.book, name)


# -- list, counts, order ------------------------------------------------------------------


def test_lists_members_in_stroke_order_with_counts(screen, roster_book):
    expected = [m["name"] for m in sort_members(roster_book.roster.members(include_left=False))]
    assert shown(screen) == expected
    assert shown(screen)[0] == "丁伟"  # 丁 has 2 strokes
    assert screen.ui.countsLabel.text() == "在册 5 人：正式党员 3，预备党员 1，入党积极分子 1"
    row = shown(screen).index("王建国")
    assert screen.proxy.index(row, 8).data() == "党员领导干部"


def test_pinyin_order(screen, qtbot, roster_book):
    screen.ui.orderCombo.setCurrentIndex(screen.ui.orderCombo.findText("按拼音"))
    members = roster_book.roster.members(include_left=False)
    assert shown(screen) == [m["name"] for m in sort_members(members, "pinyin")]
    assert shown(screen) == ["丁伟", "李秀英", "王建国", "张晓东", "赵桂兰"]


def test_changing_the_order_keeps_the_selected_member(screen, qtbot):
    select(screen, qtbot, "张晓东")
    screen.ui.orderCombo.setCurrentIndex(screen.ui.orderCombo.findText("按拼音"))
    assert screen.current_member_id() == member_id(screen.book, "张晓东")
    screen.ui.orderCombo.setCurrentIndex(screen.ui.orderCombo.findText("按姓氏笔画"))
    assert shown(screen)[0] == "丁伟"
    assert screen.current_member_id() == member_id(screen.book, "张晓东")


def test_id_numbers_are_masked_in_the_list(qtbot, roster_book):
    from desktop.gui.roster_screen import RosterScreen

    full = valid_id("11010119800307451")
    roster_book.roster.update_member(member_id(roster_book, "王建国"), {"id_card": full})
    widget = RosterScreen(roster_book)
    qtbot.addWidget(widget)
    row = widget.shown_member_names().index("王建国")
    text = widget.proxy.index(row, 7).data()
    assert text != full and text.startswith("110101") and "*" in text


# -- search --------------------------------------------------------------------------------


def test_search_by_name_filters_as_you_type(screen, typist):
    typist(screen.ui.searchEdit, "秀")
    assert shown(screen) == ["李秀英"]
    assert screen.ui.shownLabel.text() == "当前显示 1 人"
    screen.ui.searchEdit.clear()
    assert len(shown(screen)) == 5


def test_search_by_pinyin_initials(screen, qtbot):
    qtbot.keyClicks(screen.ui.searchEdit, "zxd")
    assert shown(screen) == ["张晓东"]
    screen.ui.searchEdit.clear()
    qtbot.keyClicks(screen.ui.searchEdit, "zg")
    assert shown(screen) == ["赵桂兰"]


def test_search_with_no_match_says_so(screen, qtbot):
    qtbot.keyClicks(screen.ui.searchEdit, "qqq")
    assert shown(screen) == []
    assert screen.ui.shownLabel.text() == "没有符合条件的党员"


def test_ctrl_f_focuses_search_and_down_moves_to_the_table(screen, qtbot):
    screen.ui.table.setFocus()
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.ui.searchEdit.hasFocus()
    qtbot.keyClicks(screen.ui.searchEdit, "wjg")
    qtbot.keyClick(screen.ui.searchEdit, Qt.Key.Key_Down)
    assert screen.ui.table.hasFocus()
    assert screen.current_member_id() == member_id(screen.book, "王建国")


# -- filters -------------------------------------------------------------------------------


def test_escape_clears_the_search_and_enter_moves_to_the_table(screen, qtbot):
    screen.focus_search()
    qtbot.keyClicks(screen.ui.searchEdit, "zxd")
    qtbot.keyClick(screen.ui.searchEdit, Qt.Key.Key_Escape)
    assert screen.ui.searchEdit.text() == ""
    assert len(shown(screen)) == 5
    qtbot.keyClicks(screen.ui.searchEdit, "zxd")
    qtbot.keyClick(screen.ui.searchEdit, Qt.Key.Key_Return)
    assert screen.ui.table.hasFocus()
    assert screen.current_member_id() == member_id(screen.book, "张晓东")


def test_headers_and_sorting_by_a_column_title(screen, qtbot):
    header = screen.ui.table.horizontalHeader()
    titles = [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert titles[:4] == ["编号", "姓名", "性别", "人员类别"]
    # Names start in 姓氏笔画 order with no arrow: the order box says how names are ordered.
    assert not header.isSortIndicatorShown()
    assert shown(screen)[0] == "丁伟"
    name_title = QPoint(header.sectionViewportPosition(1) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_title)
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 1
    first = shown(screen)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_title)
    assert shown(screen) == list(reversed(first))
    # Choosing an order in the box goes back to it, without the arrow.
    screen.ui.orderCombo.setCurrentIndex(screen.ui.orderCombo.findText("按拼音"))
    assert not header.isSortIndicatorShown()
    pinyin = ["丁伟", "李秀英", "王建国", "张晓东", "赵桂兰"]
    assert shown(screen) == pinyin
    # … and the next click on 姓名 sorts it ascending again.
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_title)
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert shown(screen) == pinyin


def test_month_only_dates_sort_as_dates(screen, qtbot, roster_book):
    """入党时间 shows as on paper (1993年1月15日, 1993年1月) and sorts by the calendar through
    the sort role: 1993年1月 (a month-only date, stored 1993-01) before 1993年1月15日, and
    1993年10月 after 1993年2月1日 (the text shown would put it before)."""
    from desktop.gui.roster_model import SORT_ROLE

    joined = {"甲一": "1993-10", "乙二": "1993-01-15", "丙三": "1993-01", "丁四": "1993-02-01"}
    for name, when in joined.items():
        roster_book.roster.add_member({"name": name, "status": "正式党员", "joined_date": when})
    screen.refresh()
    header = screen.ui.table.horizontalHeader()
    column = next(
        c for c in range(9) if header.model().headerData(c, Qt.Orientation.Horizontal) == "入党时间"
    )
    title = QPoint(header.sectionViewportPosition(column) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert [n for n in shown(screen) if n in joined] == ["丙三", "乙二", "丁四", "甲一"]
    proxy = screen.proxy
    rows = {proxy.index(r, 1).data(): r for r in range(proxy.rowCount())}
    cells = {n: proxy.index(rows[n], column) for n in joined}
    assert {n: c.data() for n, c in cells.items()} == {
        "甲一": "1993年10月",
        "乙二": "1993年1月15日",
        "丙三": "1993年1月",
        "丁四": "1993年2月1日",
    }
    assert {n: c.data(SORT_ROLE) for n, c in cells.items()} == joined
    assert sorted(c.data() for c in cells.values())[0] == "1993年10月"  # text would misplace it
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert [n for n in shown(screen) if n in joined] == ["甲一", "丁四", "乙二", "丙三"]
    # No ISO date left anywhere in the table.
    import re

    texts = [
        proxy.index(r, c).data() or ""
        for r in range(proxy.rowCount())
        for c in range(proxy.columnCount())
    ]
    assert not [t for t in texts if re.search(r"\d{4}-\d{2}", t)]


def test_filter_by_group(screen, qtbot):
    combo = screen.ui.groupCombo
    combo.setCurrentIndex(combo.findText("第一党小组"))
    assert set(shown(screen)) == {"王建国", "李秀英"}
    combo.setCurrentIndex(combo.findText("第二党小组"))
    assert set(shown(screen)) == {"张晓东", "赵桂兰", "丁伟"}
    combo.setCurrentIndex(0)
    assert len(shown(screen)) == 5


def test_filter_by_status(screen):
    combo = screen.ui.statusCombo
    combo.setCurrentIndex(combo.findText("预备党员"))
    assert shown(screen) == ["张晓东"]
    combo.setCurrentIndex(combo.findText("正式党员"))
    assert set(shown(screen)) == {"王建国", "李秀英", "赵桂兰"}


def test_filter_by_flags(screen):
    combo = screen.ui.flagCombo
    combo.setCurrentIndex(combo.findText("流动党员"))
    assert shown(screen) == ["李秀英"]
    combo.setCurrentIndex(combo.findText("免考"))
    assert shown(screen) == ["赵桂兰"]
    combo.setCurrentIndex(combo.findText("党员领导干部"))
    assert shown(screen) == ["王建国"]


def test_filters_combine_with_search(screen, qtbot):
    qtbot.keyClicks(screen.ui.searchEdit, "x")  # 李秀英 (lxy) and 张晓东 (zxd)
    assert set(shown(screen)) == {"李秀英", "张晓东"}
    screen.ui.groupCombo.setCurrentIndex(screen.ui.groupCombo.findText("第二党小组"))
    assert shown(screen) == ["张晓东"]


# -- add and edit --------------------------------------------------------------------------


def test_add_member_by_typing_and_clicking_save(screen, qtbot, typist, roster_book):
    from desktop.gui.member_dialog import MemberDialog

    id_number = valid_id("11010119850615002")  # 17th digit even → 女

    def fill(dialog: MemberDialog) -> None:
        assert dialog.windowTitle() == "添加党员"
        typist(dialog.ui.nameEdit, "周慧敏")
        qtbot.keyClicks(dialog.ui.idCardEdit, id_number)
        # 出生日期 and 性别 come from the ID number.
        assert dialog.ui.birthDateEdit.text() == "1985-06-15"
        assert dialog.ui.genderCombo.currentText() == "女"
        dialog.ui.statusCombo.setCurrentText("预备党员")
        qtbot.keyClicks(dialog.ui.joinedDateEdit, "2025.9.1")
        qtbot.keyClicks(dialog.ui.phoneEdit, "13912345678")
        dialog.ui.groupCombo.setCurrentText("第一党小组")
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)

    seen = on_next_dialog(qtbot, fill, cls=MemberDialog)
    qtbot.mouseClick(screen.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = finish(seen)
    assert dialog.result() == dialog.DialogCode.Accepted

    member = roster_book.roster.find("周慧敏")
    assert member["code"] == "006"  # blank 编号 → next free number
    assert member["status"] == "预备党员"
    assert member["joined_date"] == "2025-09-01"  # tidied from 2025.9.1
    assert member["id_card"] == id_number
    assert member["gender"] == "女" and member["birth_date"] == "1985-06-15"
    assert member["group"] == "第一党小组"
    assert "周慧敏" in shown(screen)
    assert screen.current_member_id() == member["id"]
    assert screen.ui.countsLabel.text().startswith("在册 6 人")


def test_insert_key_opens_add_and_escape_cancels(screen, qtbot, roster_book):
    from desktop.gui.member_dialog import MemberDialog

    def cancel(dialog: MemberDialog) -> None:
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Escape)

    screen.ui.table.setFocus()
    seen = on_next_dialog(qtbot, cancel, cls=MemberDialog)
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_Insert)
    dialog = finish(seen)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert len(roster_book.roster.members()) == 5


@pytest.mark.parametrize("focused", ["table", "searchEdit", "groupCombo"])
def test_ctrl_n_adds_a_member_inside_the_main_window(qtbot, roster_book, typist, focused):
    """Ctrl+N is also 新建账本 in the menu; with the roster focused it must add a member
    (from a combo box too, which keeps the key press for itself)."""
    from desktop.gui.main_window import MainWindow
    from desktop.gui.member_dialog import MemberDialog

    window = MainWindow(roster_book)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts act in the active window, as on a desktop
        window.show()
    screen = window.roster_screen
    window.show_screen(screen)
    widget = getattr(screen.ui, focused)
    widget.setFocus()

    def fill(dialog: MemberDialog) -> None:
        typist(dialog.ui.nameEdit, "孙立新")
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)  # Enter saves

    seen = on_next_dialog(qtbot, fill, cls=MemberDialog)
    qtbot.keyClick(widget, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    finish(seen)
    assert roster_book.roster.find("孙立新")["status"] == "正式党员"
    window.close()


def test_edit_member_with_enter(screen, qtbot, roster_book):
    from desktop.gui.member_dialog import MemberDialog

    select(screen, qtbot, "张晓东")
    screen.ui.table.setFocus()

    def change(dialog: MemberDialog) -> None:
        assert dialog.ui.nameEdit.text() == "张晓东"
        dialog.ui.phoneEdit.selectAll()
        qtbot.keyClicks(dialog.ui.phoneEdit, "13700001111")
        dialog.ui.leaderCheck.setChecked(True)
        qtbot.keyClick(dialog.ui.phoneEdit, Qt.Key.Key_Return)

    seen = on_next_dialog(qtbot, change, cls=MemberDialog)
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_Return)
    finish(seen)
    member = roster_book.roster.find("张晓东")
    assert member["phone"] == "13700001111"
    assert member["leader"] is True
    row = shown(screen).index("张晓东")
    assert screen.proxy.index(row, 6).data() == "13700001111"
    assert screen.current_member_id() == member["id"]


def test_edit_form_shows_the_full_id_number(screen, qtbot, roster_book):
    from desktop.gui.member_dialog import MemberDialog

    full = valid_id("11010119800307451")
    roster_book.roster.update_member(member_id(roster_book, "王建国"), {"id_card": full})
    dialog = MemberDialog(roster_book, member_id(roster_book, "王建国"))
    qtbot.addWidget(dialog)
    assert dialog.ui.idCardEdit.text() == full


def test_bad_id_check_digit_is_shown_next_to_the_field_and_save_refused(
    screen, qtbot, roster_book, typist
):
    from desktop.gui.member_dialog import MemberDialog

    wrong = bad_id("11010119800307451")
    state: dict = {}

    def fill(dialog: MemberDialog) -> None:
        typist(dialog.ui.nameEdit, "钱多多")
        qtbot.keyClicks(dialog.ui.idCardEdit, wrong)
        qtbot.waitUntil(lambda: dialog.ui.id_cardError.isVisible())
        state["live"] = dialog.ui.id_cardError.text()
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
        state["still_open"] = dialog.isVisible()
        state["after_save"] = dialog.ui.id_cardError.text()
        state["focus"] = dialog.ui.idCardEdit.hasFocus()
        state["others_hidden"] = not dialog.ui.nameError.isVisible()
        # Correcting the number clears the message and lets the save through.
        dialog.ui.idCardEdit.clear()
        qtbot.keyClicks(dialog.ui.idCardEdit, valid_id("11010119800307451"))
        qtbot.waitUntil(lambda: not dialog.ui.id_cardError.isVisible())
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)

    seen = on_next_dialog(qtbot, fill, cls=MemberDialog)
    qtbot.mouseClick(screen.ui.addButton, Qt.MouseButton.LeftButton)
    finish(seen)
    assert "校验" in state["live"]
    assert state["still_open"] is True
    assert "校验" in state["after_save"]
    assert state["focus"] is True
    assert state["others_hidden"] is True
    assert roster_book.roster.find("钱多多")["id_card"] == valid_id("11010119800307451")


def test_save_refused_while_required_name_is_empty(screen, qtbot, roster_book):
    from desktop.gui.member_dialog import MemberDialog

    dialog = MemberDialog(roster_book)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.nameError.isVisible()  # untouched fields are not scolded
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.nameError.isVisible() and "姓名" in dialog.ui.nameError.text()
    assert dialog.focusWidget() is dialog.ui.nameEdit
    assert len(roster_book.roster.members()) == 5


def test_bad_date_shown_under_its_field(screen, qtbot, roster_book):
    from desktop.gui.member_dialog import MemberDialog

    dialog = MemberDialog(roster_book, member_id(roster_book, "丁伟"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.joinedDateEdit, "2020-13-45")
    qtbot.waitUntil(lambda: dialog.ui.joined_dateError.isVisible())
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert roster_book.roster.find("丁伟")["joined_date"] is None


def test_dates_may_be_left_empty(screen, qtbot, roster_book):
    from desktop.gui.member_dialog import MemberDialog

    dialog = MemberDialog(roster_book, member_id(roster_book, "王建国"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.confirmedDateEdit.clear()
    dialog.ui.confirmedDateEdit.textEdited.emit("")
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert roster_book.roster.find("王建国")["confirmed_date"] is None


# -- detail, events, groups ----------------------------------------------------------------


def test_detail_shows_history_and_records_a_transfer_out(
    screen, qtbot, roster_book, typist, monkeypatch
):
    from PySide6.QtCore import QSize

    from desktop.gui.member_detail import EventDialog, MemberDetail

    # 1366×768 at 125%: 1093×614 device-independent pixels, less a 40-px taskbar.
    monkeypatch.setattr("desktop.gui.screen_fit.available_size", lambda _w: QSize(1093, 574))

    select(screen, qtbot, "李秀英")
    state: dict = {}

    def record(dialog: EventDialog) -> None:
        dialog.ui.kindCombo.setCurrentText("转出")
        dialog.ui.dateEdit.selectAll()
        qtbot.keyClicks(dialog.ui.dateEdit, "2026-08-01")
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
        state["note_error"] = dialog.ui.noteError.text()  # a transfer needs a destination
        typist(dialog.ui.noteEdit, "转往深圳市某社区党委")
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)

    def in_detail(detail: MemberDetail) -> None:
        state["title"] = detail.ui.titleLabel.text()
        state["id"] = detail.ui.id_cardValue.text()
        state["flags"] = detail.ui.flagsValue.text()
        state["events_before"] = detail.ui.eventsTable.rowCount()
        state["joined"] = detail.ui.joined_dateValue.text()
        state["fits"] = detail.height() <= 534 and detail.minimumSizeHint().height() <= 534
        inner = on_next_dialog(qtbot, record, cls=EventDialog)
        qtbot.mouseClick(detail.ui.eventButton, Qt.MouseButton.LeftButton)
        finish(inner)
        state["last_event"] = detail.ui.eventsTable.item(
            detail.ui.eventsTable.rowCount() - 1, 1
        ).text()
        state["last_event_date"] = detail.ui.eventsTable.item(
            detail.ui.eventsTable.rowCount() - 1, 0
        ).text()
        qtbot.mouseClick(detail.ui.closeButton, Qt.MouseButton.LeftButton)

    seen = on_next_dialog(qtbot, in_detail, cls=MemberDetail)
    qtbot.mouseClick(screen.ui.detailButton, Qt.MouseButton.LeftButton)
    finish(seen)

    assert state["title"].startswith("李秀英")
    assert "流动党员（广东省深圳市，省外）" in state["flags"]
    assert "写明" in state["note_error"]
    assert state["last_event"] == "转出"
    # Dates in the detail read as in the table and on paper.
    assert state["joined"] == "2001年6月15日" and state["last_event_date"] == "2026年8月1日"
    assert state["fits"]
    member = roster_book.roster.find("李秀英")
    assert member["left_date"] == "2026-08-01"
    # A member who left drops out of the list and the counts, but is kept.
    assert "李秀英" not in shown(screen)
    assert screen.ui.countsLabel.text().startswith("在册 4 人")
    screen.ui.showLeftCheck.setChecked(True)
    assert "李秀英" in shown(screen)
    row = shown(screen).index("李秀英")
    assert "已转出" in screen.proxy.index(row, 8).data()
    tip = screen.proxy.index(row, 8).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("2026年8月1日 ")


def test_probationary_member_confirmed_through_event(screen, qtbot, roster_book):
    from desktop.gui.member_detail import EventDialog

    select(screen, qtbot, "张晓东")

    def confirm(dialog: EventDialog) -> None:
        assert dialog.ui.kindCombo.currentText() == "转正"  # the obvious event is preselected
        dialog.ui.dateEdit.selectAll()
        qtbot.keyClicks(dialog.ui.dateEdit, "2026/3/1")
        qtbot.keyClick(dialog.ui.dateEdit, Qt.Key.Key_Return)

    seen = on_next_dialog(qtbot, confirm, cls=EventDialog)
    qtbot.mouseClick(screen.ui.eventButton, Qt.MouseButton.LeftButton)
    dialog = finish(seen)
    assert dialog.result() == dialog.DialogCode.Accepted
    member = roster_book.roster.find("张晓东")
    assert member["status"] == "正式党员"
    assert member["confirmed_date"] == "2026-03-01"
    assert shown(screen) and screen.ui.countsLabel.text() == (
        "在册 5 人：正式党员 4，入党积极分子 1"
    )


def test_manage_groups_add_and_refuse_deleting_a_group_with_members(
    screen, qtbot, roster_book, typist, messages
):
    from desktop.gui.groups_dialog import GroupEditDialog, GroupsDialog

    def add(edit: GroupEditDialog) -> None:
        typist(edit.ui.nameEdit, "老年党小组")
        edit.ui.leaderCombo.setCurrentIndex(
            edit.ui.leaderCombo.findText("赵桂兰", Qt.MatchFlag.MatchStartsWith)
        )
        qtbot.mouseClick(edit.ui.saveButton, Qt.MouseButton.LeftButton)

    def manage(groups: GroupsDialog) -> None:
        inner = on_next_dialog(qtbot, add, cls=GroupEditDialog)
        qtbot.mouseClick(groups.ui.addButton, Qt.MouseButton.LeftButton)
        finish(inner)
        names = [
            groups.ui.groupsTable.item(r, 0).text() for r in range(groups.ui.groupsTable.rowCount())
        ]
        assert names == ["第一党小组", "第二党小组", "老年党小组"]
        groups.ui.groupsTable.selectRow(0)
        qtbot.mouseClick(groups.ui.deleteButton, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(groups.ui.closeButton, Qt.MouseButton.LeftButton)

    seen = on_next_dialog(qtbot, manage, cls=GroupsDialog)
    qtbot.mouseClick(screen.ui.groupsButton, Qt.MouseButton.LeftButton)
    finish(seen)
    groups = {g["name"]: g for g in roster_book.roster.groups()}
    assert groups["老年党小组"]["leader_name"] == "赵桂兰"
    assert "第一党小组" in groups  # refused: it has members
    assert any("不能删除" in t or "党员" in t for t in messages.texts("warning"))
    assert screen.ui.groupCombo.findText("老年党小组") >= 0


def test_print_roster_previews_then_saves_a_pdf(
    screen, qtbot, monkeypatch, tmp_path, messages, previews
):
    out = tmp_path / "花名册.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF 文件 (*.pdf)")
    )
    qtbot.mouseClick(screen.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=20000)
    [preview] = previews
    assert preview.page_count() >= 1 and "花名册" in preview.windowTitle()
    preview.save_action.trigger()  # 另存为 PDF… beside 打印
    qtbot.waitUntil(lambda: len(messages) > 0, timeout=20000)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert any(str(out) in text for text in messages.texts())


def test_save_from_preview_cancelled_writes_nothing(
    screen, qtbot, monkeypatch, tmp_path, messages, previews
):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(screen.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=20000)
    previews[0].save_action.trigger()
    assert not list(Path(tmp_path).glob("*.pdf"))
    assert len(messages) == 0


def test_set_book_shows_another_book(screen, qtbot, tmp_path):
    from desktop.book.store import Book

    other = Book.create(tmp_path / "other.db", branch="另一个支部", year=2026)
    try:
        screen.set_book(other)
        assert shown(screen) == []
        assert screen.ui.emptyLabel.isVisible()
        assert screen.ui.countsLabel.text() == "在册 0 人"
        assert not screen.ui.editButton.isEnabled()
    finally:
        other.close()


def test_enter_in_the_group_box_saves_a_new_group_name(screen, qtbot, roster_book, typist):
    from desktop.gui.member_dialog import MemberDialog

    dialog = MemberDialog(roster_book, member_id(roster_book, "丁伟"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.ui.groupCombo.lineEdit()
    edit.selectAll()
    typist(edit, "青年党小组")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert roster_book.roster.find("丁伟")["group"] == "青年党小组"
    assert "青年党小组" in [g["name"] for g in roster_book.roster.groups()]


def test_edit_from_the_detail_dialog(screen, qtbot, roster_book):
    from desktop.gui.member_detail import MemberDetail
    from desktop.gui.member_dialog import MemberDialog

    select(screen, qtbot, "赵桂兰")

    def edit(form: MemberDialog) -> None:
        form.ui.noteEdit.setText("")
        qtbot.keyClicks(form.ui.noteEdit, "tel 2")
        qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)

    def in_detail(detail: MemberDetail) -> None:
        inner = on_next_dialog(qtbot, edit, cls=MemberDialog)
        qtbot.mouseClick(detail.ui.editButton, Qt.MouseButton.LeftButton)
        finish(inner)
        assert detail.ui.noteValue.text() == "tel 2"
        assert "免考（2025年1月10日批准，年老体弱）" in detail.ui.flagsValue.text()
        qtbot.keyClick(detail, Qt.Key.Key_Escape)

    seen = on_next_dialog(qtbot, in_detail, cls=MemberDetail)
    qtbot.mouseClick(screen.ui.detailButton, Qt.MouseButton.LeftButton)
    finish(seen)
    assert roster_book.roster.find("赵桂兰")["note"] == "tel 2"
