"""The main window: navigation, status, menus, recent books, closing with a backup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.book.backup import list_backups
from desktop.book.store import Book
from desktop.gui.main_window import MainWindow
from desktop.gui.settings import recent_books


def test_title_status_and_navigation(qtbot, window, book):
    assert window.windowTitle() == "测试支部 — 先锋指数"
    status = window._status.text()
    assert "测试支部" in status and "2026 年度" in status and str(book.path) in status
    titles = [title for title, _w in window.screens()]
    assert titles[-2:] == ["操作记录", "备份与恢复"]
    # Ctrl+<n> and clicks on the list both switch screens.
    qtbot.keyClick(window, Qt.Key.Key_1 + len(titles) - 1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() is window.backup_screen
    nav = window.ui.navList
    rect = nav.visualItemRect(nav.item(len(titles) - 2))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_screen() is window.journal_screen


def test_every_screen_fits_1366_by_768_at_125_percent(qtbot, window):
    """1366×768 at 125% scaling leaves about 1093×560 for the window: a screen needing more
    scrolls inside the window instead of making it larger than the screen."""
    for index, (title, _screen) in enumerate(window.screens()):
        window.show_screen(index)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1093 and hint.height() <= 560, (title, hint)


# Dialogs drawn taller (or wider) than 1366×768 at 125% leaves: 1093×614 device-independent
# pixels less a taskbar (~576). Each opens within the free area less its frame, and its
# layout can shrink that far (buttons below the taskbar cannot be clicked).
BIG_DIALOGS = (
    "ActivityDialog",
    "CommitteeDialog",
    "MemberDetail",
    "PresetDialog",
    "ScoreDetail",
    "SchemeEditDialog",
    "TownshipDesk",
    "ImportDialog",
    "BallotDialog",
)


def _open_dialog(name: str, book: Book, parent):
    from desktop.gui import (
        activity_dialog,
        ballot_dialogs,
        import_dialog,
        member_detail,
        scheme_edit,
        scheme_screen,
        score_detail,
        township_desk,
    )

    year = book.current_year
    member = book.roster.members()[3]
    makers = {
        "ActivityDialog": lambda: activity_dialog.ActivityDialog(book, parent=parent),
        "CommitteeDialog": lambda: activity_dialog.CommitteeDialog(book, parent),
        "MemberDetail": lambda: member_detail.MemberDetail(book, member["id"], parent),
        "PresetDialog": lambda: scheme_screen.PresetDialog("dangyuan-ejia", parent),
        "ScoreDetail": lambda: score_detail.ScoreDetail(book, member["code"], year, parent=parent),
        "SchemeEditDialog": lambda: scheme_edit.SchemeEditDialog(
            book, year, parent.scheme_screen.text, parent
        ),
        "TownshipDesk": lambda: township_desk.TownshipDesk(parent),
        "ImportDialog": lambda: import_dialog.ImportDialog(book, parent),
        "BallotDialog": lambda: ballot_dialogs.BallotDialog(
            book, year, "党员评议", 1, "第1张", [(member["code"], member["name"], "")], parent
        ),
    }
    return makers[name]()


@pytest.mark.parametrize("name", BIG_DIALOGS)
def test_big_dialogs_fit_1366_by_768_at_125_percent(qtbot, monkeypatch, demo_book, name):
    from PySide6.QtCore import QSize

    from desktop.gui.screen_fit import FRAME

    free = QSize(1093, 576)
    monkeypatch.setattr("desktop.gui.screen_fit.available_size", lambda _w: free)
    w = MainWindow(demo_book)
    qtbot.addWidget(w)
    dialog = _open_dialog(name, demo_book, w)
    dialog.show()
    qtbot.waitExposed(dialog)
    most = QSize(free.width() - FRAME // 2, free.height() - FRAME)
    assert dialog.width() <= most.width() and dialog.height() <= most.height(), dialog.size()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= most.width() and hint.height() <= most.height(), hint
    dialog.close()
    w.close()


def test_add_screen_goes_before_the_tail(qtbot, window):
    class Scores(QLabel):
        printed = False

        def print_screen(self):
            self.printed = True

    screen = Scores("积分")
    index = window.add_screen("积分评定", screen)
    titles = [title for title, _w in window.screens()]
    assert titles[index] == "积分评定"
    assert titles[-2:] == ["操作记录", "备份与恢复"]
    window.show_screen("积分评定")
    assert window.actions["print"].isEnabled()
    window.actions["print"].trigger()
    assert screen.printed
    window.show_screen("操作记录")
    assert not window.actions["print"].isEnabled()


def test_menus_and_shortcuts(window):
    file_menu = window.ui.menuBar.actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    for wanted in (
        "新建账本…",
        "打开账本…",
        "最近打开",
        "立即备份",
        "从备份恢复…",
        "导入工作簿…",
        "导出工作簿…",
        "打印…",
        "退出",
    ):
        assert wanted in texts
    window.show_screen("会议活动")
    shortcuts = {name: a.shortcut().toString() for name, a in window.actions.items()}
    assert shortcuts["new_book"] == "Ctrl+N"
    assert shortcuts["open_book"] == "Ctrl+O"
    assert shortcuts["backup_now"] == "Ctrl+B"
    assert shortcuts["quit"] == "Ctrl+Q"
    # The roster takes Ctrl+N (添加党员) while it is shown; 新建账本 gives it up meanwhile.
    window.show_screen("党员名册")
    assert window.actions["new_book"].shortcut().isEmpty()
    assert window.actions["open_book"].shortcut().toString() == "Ctrl+O"
    window.show_screen("党费")
    assert window.actions["new_book"].shortcut().toString() == "Ctrl+N"


def test_recent_books_list_greys_missing_files(qtbot, window, book, tmp_path):
    assert recent_books()[0] == book.path.resolve()
    other = tmp_path / "旧账本.db"
    Book.create(other, branch="旧支部", year=2025).close()
    window.open_book(other)
    assert window.book.path == other
    assert window.windowTitle() == "旧支部 — 先锋指数"
    assert [p.name for p in recent_books()[:2]] == ["旧账本.db", "b.db"]
    # Switching closed the previous book with a backup.
    assert [p for p in list_backups() if p.name.startswith("测试支部-备份-")]

    other.rename(tmp_path / "挪走了.db")
    window._fill_recent_menu()
    actions = {a.toolTip(): a for a in window.recent_menu.actions() if a.toolTip()}
    assert not actions[str(other.resolve())].isEnabled()
    assert "找不到" in actions[str(other.resolve())].text()
    assert actions[str(book.path.resolve())].isEnabled()
    clear = [a for a in window.recent_menu.actions() if a.text() == "清除找不到的账本"]
    clear[0].trigger()
    assert other.resolve() not in recent_books()


def test_closing_backs_up_and_closes_the_book(qtbot, book):
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    w.close()
    backups = list_backups()
    assert len(backups) == 1 and "关闭时" in backups[0].name
    with Book.open(backups[0]) as copy:
        assert copy.branch()["name"] == "测试支部"


def test_geometry_is_remembered(qtbot, book, tmp_path):
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.resize(700, 500)
    w.show()
    size = (w.width(), w.height())
    assert size[1] == 500
    w.close()
    again = Book.open(book.path)
    w2 = MainWindow(again)
    qtbot.addWidget(w2)
    # (the width is bounded below by the screens' minimum widths)
    assert w2.height() == size[1]
    w2.close()


def test_journal_screen_lists_actions(qtbot, window, book):
    window.show_screen("操作记录")
    model = window.journal_screen.model
    assert model.rowCount() == 1
    assert model.index(0, 2).data() == "新建账本"
    book.update_branch(name="测试支部", parent_org="测试镇党委")
    qtbot.mouseClick(window.journal_screen.ui.refreshButton, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 2
    assert model.index(0, 2).data() == "修改支部信息"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "内容"
    assert "共 2 条" in window.journal_screen.ui.countLabel.text()


def test_branch_info_dialog(qtbot, window, book, typist, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.gui.branch_dialog import BranchDialog

    dialogs: list[BranchDialog] = []

    def run(self):
        dialogs.append(self)
        ui = self.ui
        self.show()
        qtbot.waitExposed(self)
        # What an empty 经办人 means is read whole (it was cut off after two of three lines).
        hint = ui.operatorHint
        assert "留空待手签" in hint.text() and "登录名" in hint.text()
        assert hint.height() >= hint.heightForWidth(hint.width()), hint.size()
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        ui.nameEdit.clear()
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # refused: name required
        assert ui.nameProblem.isVisibleTo(self) and "支部名称" in ui.nameProblem.text()
        typist(ui.nameEdit, "中共红旗村支部委员会")
        assert not ui.nameProblem.isVisibleTo(self)
        ui.kindCombo.setCurrentText("农村")
        typist(ui.operatorEdit, "张红梅")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return self.result()

    monkeypatch.setattr(BranchDialog, "exec", run)
    window.actions["branch_info"].trigger()
    assert dialogs and book.branch()["name"] == "中共红旗村支部委员会"
    assert book.branch()["kind"] == "农村"
    assert window.windowTitle() == "中共红旗村支部委员会 — 先锋指数"
    assert book.journal(1)[0]["action"] == "修改支部信息"
    # From now on the journal names the 经办人, not the computer's login.
    assert book.operator == "张红梅" and book.actor == "张红梅"
    book.update_branch(name="中共红旗村支部委员会")
    assert book.journal(1)[0]["actor"] == "张红梅"


def test_qt_speaks_chinese_and_type_is_large(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消"])
    assert qapp.font().pointSize() >= 11
    assert not qapp.windowIcon().isNull()


def test_lazy_screen_is_built_when_first_shown(qtbot, window, book, tmp_path):
    built: list[tuple[object, object]] = []

    class Later(QLabel):
        def __init__(self, book, parent):
            super().__init__("稍后", parent)
            self.book = book
            built.append((book, parent))

        def set_book(self, book):
            self.book = book

        def print_screen(self):
            pass

    index = window.add_screen("延迟加载的页面", Later)
    assert not built
    stand_in = window.screens()[index][1]
    assert not isinstance(stand_in, Later)
    window.show_screen("延迟加载的页面")
    assert len(built) == 1 and built[0][0] is book
    screen = window.current_screen()
    assert isinstance(screen, Later) and window.screens()[index][1] is screen
    assert window.actions["print"].isEnabled()
    window.show_screen("操作记录")
    window.show_screen(screen)
    assert len(built) == 1  # built once
    other = tmp_path / "另一个.db"
    Book.create(other, branch="另一个支部", year=2026).close()
    window.open_book(other)
    assert screen.book is window.book  # set_book reaches a built lazy screen


def test_lazy_screen_by_module_path(qtbot, window):
    window.add_screen("再一个记录", "desktop.gui.journal_screen:JournalScreen")
    screen = window.screen("再一个记录")
    from desktop.gui.journal_screen import JournalScreen

    assert isinstance(screen, JournalScreen) and screen.book is window.book


def test_a_read_only_book_shows_a_banner_and_refuses_writes_in_chinese(qtbot, tmp_path, messages):
    from desktop.book.errors import ReadOnlyBookError
    from desktop.gui.error_handler import report_exception

    path = tmp_path / "ro.db"
    Book.create(path, branch="红星村党支部", year=2026).close()
    book = Book.open(path, read_only=True)
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    banner = w.read_only_banner
    assert banner.isVisible() and banner.text().startswith("只读：")
    assert "（只读）" in w.windowTitle()
    with pytest.raises(ReadOnlyBookError) as err:
        book.roster.add_member({"name": "张三", "status": "正式党员"})
    report_exception(err.value)  # what the window's handler does with it: a plain warning
    assert messages.texts("warning") and "只读" in messages.texts("warning")[0]
    w.grab().save(str(tmp_path / "read-only-window.png"))
    w.close()


def test_a_book_damaged_where_opening_does_not_look_is_said_above_every_screen(
    qtbot, confirmed_demo_book, tmp_path
):
    """A snapshot changed behind the program's back: the book opens (quick_check sees
    nothing) and, a moment later, the window says it is not sound and what to do."""
    import sqlite3

    path = confirmed_demo_book.path
    confirmed_demo_book.close()
    conn = sqlite3.connect(path)
    conn.execute("drop trigger snapshots_no_update")
    conn.execute("update snapshots set payload = payload || ' ' where id = 2")
    conn.commit()
    conn.close()
    w = MainWindow(Book.open(path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: getattr(w, "soundness_banner", None) is not None, timeout=5000)
    text = w.soundness_banner.text()
    assert text.startswith("注意：这个账本不完好") and "2026年第2季度" in text
    assert "从问题出现之前的备份恢复" in text
    w.grab().save(str(tmp_path / "unsound-window.png"))
    w.close()


def test_a_sound_book_shows_no_warning(qtbot, window):
    qtbot.wait(600)
    assert getattr(window, "soundness_banner", None) is None


def test_first_start_on_a_small_screen_opens_maximized(qtbot, book) -> None:
    """A 1366×768-class screen (the offscreen one is smaller) gets the whole of it at first;
    a test's plain show() keeps the size it set."""
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show_at_start()
    qtbot.waitExposed(w)
    assert w.isMaximized()
    other = MainWindow(book)
    qtbot.addWidget(other)
    other.show()
    assert not other.isMaximized()


def test_branch_info_dialog_sets_the_points_start(qtbot, window, book, monkeypatch):
    """Review 7: the wizard's 「从年初（1月）起」 could not be changed afterwards; the dialog
    offers the month until a period is published."""
    from datetime import date

    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.book import quarter as Q
    from desktop.book.points_start import points_start
    from desktop.gui.branch_dialog import BranchDialog

    def choose(month_text: str):
        def run(self):
            combo = self.ui.startCombo
            if month_text:
                assert combo.isEnabled()
                combo.setCurrentIndex(combo.findText(month_text))
            save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
            qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
            seen.append(combo)
            return self.result()

        return run

    seen: list = []
    monkeypatch.setattr(BranchDialog, "exec", choose("从7月起（此前不记分）"))
    window.actions["branch_info"].trigger()
    year = book.current_year
    assert points_start(book) == f"{year}-07"
    assert book.journal(1)[0]["action"] == "设定记分起始月份"

    monkeypatch.setattr(BranchDialog, "exec", choose("从年初（1月）起"))
    window.actions["branch_info"].trigger()
    assert points_start(book) is None

    book.roster.add_member(
        {"name": "王一", "status": "正式党员", "joined_date": "2000-07"}, today=date(year, 4, 2)
    )
    Q.publish(book, year, 1, start=f"{year}-04-02", today=date(year, 4, 2))
    monkeypatch.setattr(BranchDialog, "exec", choose(""))
    window.actions["branch_info"].trigger()
    assert not seen[-1].isEnabled() and "不能再改记分起始月份" in seen[-1].toolTip()
    assert points_start(book) is None
