"""The 年度评定 screen driven like a user: the ratings with their reasons, a group's 民主评议
typed with the keyboard and saved at once, a veto refused then recorded, withdrawals, print."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from year_end_testkit import TODAY, YEAR, confirm_year, make_year_book  # noqa: E402

from desktop.book import year_end as Y  # noqa: E402
from desktop.gui.year_end_screen import VetoDialog  # noqa: E402


@pytest.fixture(autouse=True)
def _no_job_left_behind(qtbot):
    yield
    from desktop.gui.worker import jobs_running

    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=20000)


@pytest.fixture
def year_book(tmp_path: Path):
    book = make_year_book(tmp_path / "year.db")
    yield book
    book.close()


@pytest.fixture
def year_window(qtbot, year_book):
    from desktop.gui.main_window import MainWindow

    w = MainWindow(year_book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _open(qtbot, window):
    nav = window.ui.navList
    row = next(i for i in range(nav.count()) if nav.item(i).text() == "年度评定")
    nav.setCurrentRow(row)
    screen = window.year_end_screen
    qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=20000)
    assert screen.year.value() == YEAR
    return screen


def _reloaded(qtbot, screen, action) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=20000):
        action()


def _row_of(table, name: str) -> int:
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == name:
            return r
    raise AssertionError(f"{name} not in table")


def test_results_show_ratings_and_reasons(qtbot, year_window, year_book) -> None:
    screen = _open(qtbot, year_window)
    t = screen.results_table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    assert headers[:5] == ["姓名", "党小组", "年度积分", "星级", "等次"]
    assert "党员评议" in headers and "群众评议" in headers and headers[-1] == "评定依据"
    wang = _row_of(t, "王一")
    # 党员e家 第十八条: 「拟评定为五星级党员的须报上级党（工）委审批」.
    assert t.item(wang, 3).text() == "★★★★★（待审批）"
    assert t.item(_row_of(t, "赵四"), 3).text() == "不参评"
    assert "钱五" not in [t.item(r, 0).text() for r in range(t.rowCount())]  # not scored
    t.selectRow(_row_of(t, "张三"))
    assert "不得参评四星级、五星级党员" in screen.detail.toPlainText()
    assert "评为五星级或优秀 1 人" in screen.summary.text()
    assert "2025年度已结束" in screen.state.text()
    # Certificates wait for the year's results to be final: Q4 confirmed.
    assert not screen.print_certificates_button.isEnabled()
    assert "第四季度确认后" in screen.print_certificates_button.toolTip()
    confirm_year(year_book)
    _reloaded(qtbot, screen, screen.reload)
    # … and the five stars for the approval above the branch.
    assert not screen.print_certificates_button.isEnabled()
    assert "王一的评定结果待上级审批" in screen.print_certificates_button.toolTip()
    approve_wang(year_book)
    _reloaded(qtbot, screen, screen.reload)
    assert screen.print_certificates_button.isEnabled()
    assert screen.print_certificates_button.toolTip() == ""
    assert t.item(_row_of(t, "王一"), 3).text() == "★★★★★"


def approve_wang(book) -> None:
    from desktop.book.approvals import record_decision

    record_decision(book, YEAR, "王一", approved=True, by="测试镇党委", on="2026-01-14")


def test_approvals_are_recorded_on_their_own_tab(qtbot, year_window, year_book, messages):
    screen = _open(qtbot, year_window)
    screen.tabs.setCurrentIndex(3)
    assert screen.tabs.tabText(3) == "上级审批"
    t = screen.approval_table
    assert t.rowCount() == 1
    assert [t.item(0, c).text() for c in range(5)] == [
        "001", "王一", "五星级", "报上级党（工）委审批", "待审批",
    ]  # fmt: skip
    assert "1 项评定结果待上级审批" in screen.approval_state.text()
    # Nothing selected: told so. A refusal without a reason: refused, nothing written.
    t.clearSelection()
    screen.record_approval(True)
    assert "请先在表格中选中" in messages.texts("information")[-1]
    t.selectRow(0)
    asked = []
    screen.ask_approval = lambda names, ok: asked.append((names, ok)) or {
        "by": "测试镇党委", "on": "2026-01-14", "reason": "",
    }  # fmt: skip
    screen.record_approval(False)
    assert "不批准须写明理由" in messages.texts("warning")[-1]
    _reloaded(qtbot, screen, lambda: screen.record_approval(True))
    assert asked == [(["王一"], False), (["王一"], True)]
    assert t.item(0, 4).text() == "已批准" and "测试镇党委，2026-01-14，手工" in t.item(0, 5).text()
    assert "都已登记审批决定" in screen.approval_state.text()


def test_group_appraisal_by_keyboard(qtbot, year_window, year_book, messages) -> None:
    screen = _open(qtbot, year_window)
    screen.tabs.setCurrentIndex(1)
    screen.group.setCurrentText("一组")
    t = screen.appraisal_table
    assert [t.item(r, 0).text() for r in range(t.rowCount())] == ["王一", "李二"]
    t.setFocus()
    t.setCurrentCell(0, 3)
    qtbot.keyClick(t, "1")  # 王一 优秀, then the next row
    qtbot.keyClick(t, "3")  # 李二 基本合格
    assert [t.item(r, 3).text() for r in range(2)] == ["优秀", "基本合格"]
    t.setCurrentCell(1, 3)
    qtbot.keyClick(t, Qt.Key.Key_Delete)  # cleared
    qtbot.keyClick(t, "2")
    assert "待保存 2 人" in screen.appraisal_state.text()
    _reloaded(qtbot, screen, screen.save_appraisals)
    assert [(a["name"], a["grade"]) for a in Y.list_appraisals(year_book, YEAR)] == [
        ("王一", "优秀"),
        ("李二", "合格"),
    ]
    assert messages.texts("information")[-1] == "已保存 2 人的2025年党员评议结果。"
    # A recorded row cannot be typed over: it says to withdraw first.
    t.setCurrentCell(0, 3)
    qtbot.keyClick(t, "4")
    assert "先撤销" in screen.appraisal_state.text()
    screen.save_appraisals()
    assert "没有待保存的评议结果" in messages.texts("information")[-1]
    # F2: everyone else in the whole list gets 合格; Ctrl+S saves the lot.
    screen.group.setCurrentText("全部党员")
    qtbot.keyClick(t, Qt.Key.Key_F2)
    assert "待保存 2 人" in screen.appraisal_state.text()
    _reloaded(qtbot, screen, lambda: screen.save_appraisals())
    assert len(Y.list_appraisals(year_book, YEAR)) == 4
    results = screen.results_table
    assert results.item(_row_of(results, "王一"), 5).text() == "优秀"
    # Withdraw one (its year is open: deleted), the reason asked for.
    screen.tabs.setCurrentIndex(1)
    t.setCurrentCell(_row_of(t, "张三"), 2)
    screen.ask_text = lambda *_a: "评议票统计有误"
    _reloaded(qtbot, screen, screen.withdraw_selected_appraisal)
    assert "张三" not in [a["name"] for a in Y.list_appraisals(year_book, YEAR)]


def test_veto_refused_then_recorded_then_withdrawn(qtbot, year_window, year_book, messages):
    screen = _open(qtbot, year_window)
    screen.tabs.setCurrentIndex(2)
    answer = {"member": "001", "year": YEAR, "when": "2025-10-08", "kind": ""}
    answer.update(reason="", decided_by="")
    screen.ask_veto = lambda *_a: dict(answer)
    screen.add_veto()
    warning = messages.texts("warning")[-1]
    assert "请写明一票否决的原因" in warning and "请填写决定人" in warning
    assert Y.list_vetoes(year_book, YEAR) == []
    answer.update(reason="受到党内严重警告处分", decided_by="支委会")
    _reloaded(qtbot, screen, screen.add_veto)
    assert screen.veto_table.rowCount() == 1
    assert screen.veto_table.item(0, 4).text() == "受到党内严重警告处分"
    results = screen.results_table
    wang = _row_of(results, "王一")
    assert results.item(wang, 3).text() == "不参评" and results.item(wang, 7).text() == "1 条"
    assert "评为五星级或优秀" in screen.summary.text()
    # Withdrawal: nothing selected is told; then the reason and who decided are asked.
    screen.veto_table.clearSelection()
    screen.withdraw_selected_veto()
    assert "请先在表格中选中" in messages.texts("information")[-1]
    screen.veto_table.selectRow(0)
    screen.ask_text = lambda *_a: "处分决定已撤销"
    _reloaded(qtbot, screen, screen.withdraw_selected_veto)
    assert screen.veto_table.rowCount() == 0
    assert (
        screen.results_table.item(_row_of(screen.results_table, "王一"), 3).text()
        == "★★★★★（待审批）"
    )


def test_print_buttons_open_the_preview(qtbot, year_window, year_book, monkeypatch) -> None:
    confirm_year(year_book)
    approve_wang(year_book)
    screen = _open(qtbot, year_window)
    calls = []
    import desktop.gui.print_preview as pp

    monkeypatch.setattr(pp, "preview_document", lambda *a, **k: calls.append((a[2], k)))
    qtbot.mouseClick(screen.print_rating_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.print_certificates_button, Qt.MouseButton.LeftButton)
    assert [(kind, k["year"], k["file_name"]) for kind, k in calls] == [
        ("rating", 2025, "2025年度星级评定表.pdf"),
        ("certificates", 2025, "2025年度荣誉证书.pdf"),
    ]


def test_a_year_the_book_does_not_hold_says_so(qtbot, year_window) -> None:
    screen = _open(qtbot, year_window)
    _reloaded(qtbot, screen, lambda: screen.year.setValue(2019))
    assert "本账本没有 2019 年的记录" in screen.state.text()
    assert screen.results_table.rowCount() == 0


def test_a_tie_at_the_quota_is_readable_in_tooltip_and_detail(qtbot, year_book, tmp_path) -> None:
    """李二 brought level with 王一 (105): the one 五星级 place is not decided by chance; the
    reason says so in plain words, whole in the tooltip and wrapped in the detail pane."""
    from datetime import date

    from desktop.book import quarter as Q
    from desktop.gui.main_window import MainWindow

    for points in (5, 1):  # 99 + 6 = 105
        cid = Q.add_claim(
            year_book, "李二", "2025-07-01", "reward", points, "支委会审定", today=date(2026, 1, 15)
        )
        Q.review_claim(year_book, cid, "组长")
        Q.approve_claim(year_book, cid, "支委会")
    w = MainWindow(year_book)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    t = screen.results_table
    li = _row_of(t, "李二")
    assert t.item(li, 2).text() == "105" and t.item(li, 3).text() != "★★★★★"
    cell = t.item(li, t.columnCount() - 1)
    tip = cell.toolTip()
    assert "与王一并列（同为105分，并列第1名）" in tip
    assert "名额不足，按方案规定（同分规则）均不评五星级" in tip
    assert tip.count("\n") >= 1  # one reason a line
    assert "四星级没有名额（3人×30%，向下取整得0名）" in tip  # not "名额0名已满"
    t.selectRow(li)
    detail = screen.detail
    assert "与王一并列" in detail.toPlainText()
    assert detail.lineWrapMode() == detail.LineWrapMode.WidgetWidth
    w.close()


def test_a_scheme_without_star_rating_leaves_nobody_marked_out(qtbot, demo_book) -> None:
    """街道农村 has no 评星定级: the star column says — for all, not 不参评 (left out)."""
    from desktop.gui.main_window import MainWindow

    window = MainWindow(demo_book)
    qtbot.addWidget(window)
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "年度评定"))
    screen = window.year_end_screen
    qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=20000)
    assert "没有评星定级的规则" in screen.state.text()
    t = screen.results_table
    assert t.rowCount() > 30
    assert {t.item(r, 3).text() for r in range(t.rowCount())} == {"—"}
    window.close()


def test_a_tally_entered_on_the_screen_gives_the_grade(qtbot, tmp_path, messages) -> None:
    """民主评议 by ballots (issue 16 item 1) from the 年度评定 screen: the grade follows from
    the votes by the scheme's rule and the detail pane shows why."""
    from desktop.gui.main_window import MainWindow

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    screen.tabs.setCurrentIndex(1)
    t = screen.appraisal_table
    t.setCurrentCell(_row_of(t, "李二"), 0)
    screen.ask_tally = lambda name, label: {
        "votes": {"优秀": 3, "合格": 9, "基本合格": 1, "不合格": 0}, "voters": 13,
    }  # fmt: skip
    _reloaded(qtbot, screen, screen.tally_selected)
    assert messages.texts("information")[-1].startswith("李二：合格（共13票")
    assert t.item(_row_of(t, "李二"), 2).text() == "合格"
    results = screen.results_table
    results.selectRow(_row_of(results, "李二"))
    assert "得票最多的是“合格”（9票）" in screen.detail.toPlainText()
    w.close()
    book.close()


def test_a_round_and_its_ballots_voter_by_voter(qtbot, tmp_path, messages) -> None:
    """Issue 16 item 1: a 评议会议 with its voters, then ballots typed one by one with the 1–4
    keys (两票制 「党员评议不合格率超过 30%的为不合格党员」), a spoiled one, and the count."""
    from PySide6.QtWidgets import QApplication

    from desktop.book.scoring import set_year_scheme
    from desktop.gui.ballot_dialogs import BallotDialog, RoundDialog
    from desktop.gui.main_window import MainWindow
    from desktop.rules.presets import preset_text

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    set_year_scheme(
        book,
        YEAR,
        text=preset_text("jiedao-nongcun")
        + '\n[ballots]\n  [[ballots.thresholds]]\n  grade = "不合格"\n  over = 0.30\n',
    )
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    screen.tabs.setCurrentIndex(1)
    assert "还没有登记评议会议" in screen.round_state.text()
    assert not screen.ballots_button.isEnabled()
    # Greyed buttons say what has to happen first (issue 14 item 4).
    for button in (screen.ballots_button, screen.count_button):
        assert button.toolTip() == "先登记本次评议的评议会议"
    # 自评 is one grade per member (公司 五、1 「结合党员自评、互评、支部评定」): no round to hold.
    screen.kind.setCurrentIndex(screen.kind.findData("自评"))
    assert not screen.round_button.isEnabled() and "自评不投票" in screen.round_button.toolTip()
    screen.kind.setCurrentIndex(screen.kind.findData("党员评议"))
    assert screen.round_button.isEnabled()

    # 群众评议 with too few 群众代表: the dialog warns as it is typed.
    dialog = RoundDialog(YEAR, "群众评议", "群众评议", 10)
    dialog.mass_voters.setValue(1)
    assert "少于党员数的20%" in dialog.warning.text()
    dialog.mass_voters.setValue(2)
    assert dialog.warning.isHidden()
    dialog.deleteLater()

    screen.ask_round = lambda label, kind, members: {
        "on": f"{YEAR}-12-20", "member_voters": 3, "mass_voters": 0, "note": "",
    }  # fmt: skip
    _reloaded(qtbot, screen, screen.record_round)
    assert "党员 3 人" in screen.round_state.text() and screen.ballots_button.isEnabled()
    assert "先登记" not in screen.ballots_button.toolTip()  # its own tooltip again
    assert screen.count_button.toolTip() == "还没有录入选票"
    assert "评议会议已登记" in screen.round_button.toolTip()

    def type_ballots() -> None:
        qtbot.waitUntil(
            lambda: isinstance(QApplication.activeModalWidget(), BallotDialog), timeout=5000
        )
        d = QApplication.activeModalWidget()
        try:
            t = d.table
            names = [t.item(r, 0).text() for r in range(t.rowCount())]
            assert names[:3] == ["王一", "李二", "张三"]
            t.setFocus()
            for keys in ("141", "242"):  # 王一 优秀/合格, 李二 不合格, 张三 优秀/合格
                t.setCurrentCell(0, 2)
                for k in keys:
                    qtbot.keyClick(t, k)
                assert len(d.marks()) == 3
                qtbot.keyClick(t, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
                assert d.marks() == {}  # saved, cleared for the next ballot
            assert "第 3 张选票" in d.counter.text()
            qtbot.mouseClick(d.spoiled_button, Qt.MouseButton.LeftButton)
            assert "选票已录完：3 张（废票 1 张）" in d.counter.text()
            assert not d.save_button.isEnabled()
        finally:
            d.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, type_ballots)
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.ballots_button, Qt.MouseButton.LeftButton)
    )
    assert "已录入选票 3 张（废票 1 张）" in screen.round_state.text()
    _reloaded(
        qtbot, screen, lambda: qtbot.mouseClick(screen.count_button, Qt.MouseButton.LeftButton)
    )
    told = messages.texts("information")[-1]
    assert "李二：不合格（共2票：优秀0、合格0、基本合格0、不合格2" in told
    assert "王一：合格（共2票：优秀1、合格1" in told  # a tie goes to the lower grade
    rows = {a["name"]: a for a in Y.list_appraisals(book, YEAR)}
    assert rows["李二"]["grade"] == "不合格" and rows["李二"]["voters"] == 3
    results = screen.results_table
    results.selectRow(_row_of(results, "李二"))
    assert "不合格票2票，占100%，超过30%" in screen.detail.toPlainText()
    w.close()
    book.close()


def test_the_combined_grade_is_shown_in_the_detail(qtbot, tmp_path) -> None:
    """[ballots.combine]: the 综合评定 of separately tallied results, with its sum."""
    from desktop.book.ballots import record_tally
    from desktop.book.scoring import set_year_scheme
    from desktop.gui.main_window import MainWindow
    from desktop.rules.presets import preset_text

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    combine = (
        '\n[ballots.combine]\npoints = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }\n'
        '[[ballots.combine.parts]]\nname = "党员互评"\nkind = "党员评议"\nweight = 0.5\n'
        '[[ballots.combine.parts]]\nname = "群众测评"\nkind = "群众评议"\nweight = 0.5\n'
        '[[ballots.combine.lines]]\nmin = 9\ngrade = "优秀"\n'
        '[[ballots.combine.lines]]\nmin = 7\ngrade = "合格"\n'
    )
    set_year_scheme(book, YEAR, text=preset_text("jiedao-nongcun") + combine)
    record_tally(book, YEAR, "党员评议", "王一", {"优秀": 3})
    record_tally(book, YEAR, "群众评议", "王一", {"基本合格": 3})
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    results = screen.results_table
    results.selectRow(_row_of(results, "王一"))
    assert (
        "综合评定：合格（党员互评“优秀”10分×50% + 群众测评“基本合格”6分×50% = 8分；"
        "达到“合格”的7分，评为“合格”）；只作评定，不计入积分" in screen.detail.toPlainText()
    )
    w.close()
    book.close()


def test_a_claim_sent_above_is_approved_on_the_approvals_tab(qtbot, tmp_path, messages) -> None:
    """Issue 16 item 4: 街道「报党工委审定后确定加分分值」 — the claim waits, shown with who
    must approve, until the decision is recorded here."""
    from desktop.book import claims as C
    from desktop.gui.main_window import MainWindow

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    cid = C.add_claim(book, "王一", f"{YEAR}-05-12", "key-work", "6", "带头清扫", today=TODAY)
    C.review_claim(book, cid, "组长")
    C.approve_claim(book, cid, "支委会")
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    screen.tabs.setCurrentIndex(3)
    t = screen.claims_above_table
    assert t.rowCount() == 1
    assert t.item(0, 6).text() == "待审批：须街道党工委审定（报党工委审定）"
    assert "待审批 1 条" in screen.claims_above_state.text()
    t.selectRow(0)
    screen.ask_claim_approval = lambda dialog: {"by": "街道党工委", "on": f"{YEAR}-06-20",
                                                "reason": ""}  # fmt: skip
    _reloaded(qtbot, screen, lambda: qtbot.mouseClick(screen.approve_claim_button,
                                                     Qt.MouseButton.LeftButton))  # fmt: skip
    assert t.item(0, 6).text() == "街道党工委于2025-06-20批准"
    assert messages.texts("information")[-1] == f"已登记第 {cid} 号申报的审批决定。"
    w.close()
    book.close()


def test_certificates_wait_for_the_years_last_period_by_its_name(qtbot, tmp_path) -> None:
    """星级评定 reviews by half-year (「半年一次」): certificates wait for 下半年, confirmed on
    the 半年评议 screen, not for a fourth quarter the branch never has."""
    from desktop.gui.main_window import MainWindow

    book = make_year_book(tmp_path / "xj.db", scheme="xingji-60-40")
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    assert not screen.print_certificates_button.isEnabled()
    tip = screen.print_certificates_button.toolTip()
    assert "下半年确认后（在“半年评议”页面）" in tip and "第四季度" not in tip
    w.close()
    book.close()


def test_self_and_branch_appraisals_are_graded_on_the_screen(qtbot, tmp_path, messages) -> None:
    """公司 五、1 「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定，各支部
    可根据实际设置相应的评定占比」: 自评 and 组织考评 typed per member like any grade (no
    round, no tally), weighed with 党员评议 by the branch's own shares into the 综合评定."""
    from desktop.book.scoring import set_year_scheme
    from desktop.gui.main_window import MainWindow
    from desktop.rules.presets import preset_text

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    combine = (
        '\n[ballots.combine]\nitem = "appraisal"\n'
        'points = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }\n'
        '[[ballots.combine.parts]]\nname = "党员自评"\nkind = "自评"\nweight = 0.2\n'
        '[[ballots.combine.parts]]\nname = "党员互评"\nkind = "党员评议"\nweight = 0.5\n'
        '[[ballots.combine.parts]]\nname = "支部评定"\nkind = "组织考评"\nweight = 0.3\n'
        '[[ballots.combine.lines]]\nmin = 9\ngrade = "优秀"\n'
        '[[ballots.combine.lines]]\nmin = 7\ngrade = "合格"\n'
    )
    set_year_scheme(book, YEAR, text=preset_text("jiedao-nongcun") + combine)
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    screen.tabs.setCurrentIndex(1)
    t = screen.appraisal_table

    def grade(kind: str, key: str) -> None:
        screen.kind.setCurrentIndex(screen.kind.findData(kind))
        t.setFocus()
        t.setCurrentCell(_row_of(t, "王一"), 3)
        qtbot.keyClick(t, key)
        _reloaded(qtbot, screen, screen.save_appraisals)

    screen.kind.setCurrentIndex(screen.kind.findData("自评"))
    assert "王一" in [t.item(r, 0).text() for r in range(t.rowCount())]
    for button in (screen.round_button, screen.ballots_button, screen.tally_button):
        assert not button.isEnabled() and "自评不投票" in button.toolTip()
    # Who graded and when: 日期 today by default; a 自评 is the member's own (not chosen).
    assert screen.graded_on.isVisible() and screen.graded_on.date() == QDate.currentDate()
    assert screen.grader.currentText() == "党员本人" and not screen.grader.isEnabled()
    screen.graded_on.setDate(QDate(2026, 1, 10))
    grade("自评", "1")
    assert messages.texts("information")[-1] == "已保存 1 人的2025年自评结果。"
    assert t.item(_row_of(t, "王一"), 4).text() == "王一（本人）于2026-01-10评定"
    screen.kind.setCurrentIndex(screen.kind.findData("组织考评"))
    assert screen.grader.isEnabled() and screen.grader.currentText() == "支委会"  # the default
    screen.grader.setEditText("支部书记张三")
    grade("组织考评", "3")
    assert t.item(_row_of(t, "王一"), 4).text() == "支部书记张三于2026-01-10评定"
    grade("党员评议", "1")
    assert screen.tally_button.isEnabled()
    assert not screen.graded_on.isVisible() and t.isColumnHidden(4)  # from the round
    got = {
        (a["kind"], a["grade"], a["graded_by"], a["date"])
        for a in Y.list_appraisals(book, YEAR)
        if a["name"] == "王一"
    }
    assert got == {
        ("自评", "优秀", "王一", "2026-01-10"),
        ("组织考评", "基本合格", "支部书记张三", "2026-01-10"),
        ("党员评议", "优秀", "", None),
    }
    results = screen.results_table
    heads = [results.horizontalHeaderItem(c).text() for c in range(results.columnCount())]
    assert {"自评", "组织考评", "党员评议", "综合评定"} <= set(heads)
    row = _row_of(results, "王一")
    assert results.item(row, heads.index("综合评定")).text() == "合格"
    results.selectRow(row)
    # 10×20% + 10×50% + 6×30% = 8.8 → 合格; the detail says where the grade came from.
    detail = screen.detail.toPlainText()
    assert "自评：优秀（王一（本人）于2026-01-10评定）" in detail
    assert (
        "综合评定：合格（党员自评“优秀”10分×20% + 党员互评“优秀”10分×50% + "
        "支部评定“基本合格”6分×30% = 8.8分；达到“合格”的7分，评为“合格”；"
        "党员自评：王一（本人）于2026-01-10评定；支部评定：支部书记张三于2026-01-10评定）；"
        "计入积分项目“年终党员和群众代表评议”" in detail
    )
    screen.grab().save(str(tmp_path / "year_end_self.png"))
    w.close()
    book.close()


def test_a_branch_appraisal_dated_tomorrow_is_refused_and_kept(qtbot, tmp_path, messages) -> None:
    """组织考评 评定日期 after today: refused with the reason, the grades kept to correct."""
    from desktop.gui.main_window import MainWindow

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    screen.tabs.setCurrentIndex(1)
    screen.kind.setCurrentIndex(screen.kind.findData("组织考评"))
    t = screen.appraisal_table
    t.setFocus()
    t.setCurrentCell(_row_of(t, "王一"), 3)
    qtbot.keyClick(t, "2")
    screen.graded_on.setDate(QDate.currentDate().addDays(1))
    screen.save_appraisals()
    warning = messages.texts("warning")[-1]
    assert "评定日期" in warning and "还没到" in warning and "请填写评定当天的日期" in warning
    assert not Y.list_appraisals(book, YEAR)
    assert t.item(_row_of(t, "王一"), 3).text() == "合格"  # still pending, to correct
    w.close()
    book.close()


def test_the_general_meetings_vote_is_recorded_and_shown(qtbot, tmp_path, messages) -> None:
    """党员e家 第十八条「研究提出党员评星的意见，提请党员大会表决通过」 as a step decided by the
    meeting's vote: 登记党员大会表决… shows what the counts give as they are typed (refusing
    impossible counts), records the vote, and 上级审批 shows it with each result's state."""
    from desktop.book.scoring import set_year_scheme
    from desktop.gui.main_window import MainWindow
    from desktop.gui.vote_dialog import VoteDialog
    from desktop.rules.presets import preset_text

    book = make_year_book(tmp_path / "vote.db")
    set_year_scheme(
        book,
        YEAR,
        text=preset_text("dangyuan-ejia")
        + '\n[[approvals]]\nname = "提请党员大会表决通过"\nby = "支部党员大会"\nstars = [3, 4, 5]\n'
        'vote = "present"\n',
    )
    w = MainWindow(book)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    screen = _open(qtbot, w)
    screen.tabs.setCurrentIndex(3)
    assert screen.vote_button.isVisible() and screen.vote_button.isEnabled()
    # 王一's 五星级 waits for the 党工委 as well: the summary says 待上级审批.
    assert "其中 1 人待上级审批或未获批准" in screen.summary.text()
    # Before the vote its step reads 待表决; the step above the branch keeps 待审批.
    t = screen.approval_table
    states = {(t.item(r, 1).text(), t.item(r, 3).text()): t.item(r, 4).text()
              for r in range(t.rowCount())}  # fmt: skip
    assert states == {
        ("王一", "报上级党（工）委审批"): "待审批",
        ("王一", "提请党员大会表决通过"): "待表决",
        ("李二", "提请党员大会表决通过"): "待表决",
    }
    assert screen.approval_state.text().startswith(
        "1 项评定结果待上级审批；2 项待党员大会表决：决定前年度评定表上显示“待审批”或“待表决”"
    )
    seen: list[str] = []

    def ask(dialog: VoteDialog):
        assert "王一五星级" in screen._vote_proposal() and "李二三星级" in screen._vote_proposal()
        assert dialog.expected.value() == 4  # the 正式党员 on the roll
        dialog.present.setValue(4)
        dialog.yes.setValue(4)
        dialog.no.setValue(1)
        seen.append(dialog.result.text())
        assert not dialog.ok.isEnabled()  # 5 votes from 4 present
        dialog.no.setValue(0)
        dialog.yes.setValue(3)
        dialog.abstain.setValue(1)
        seen.append(dialog.result.text())
        assert dialog.ok.isEnabled()
        dialog.grab().save(str(tmp_path / "vote_dialog.png"))
        return dialog.values()

    screen.ask_vote = ask
    _reloaded(qtbot, screen, lambda: qtbot.mouseClick(screen.vote_button,
                                                      Qt.MouseButton.LeftButton))  # fmt: skip
    assert seen[0] == "赞成、反对、弃权共 5 票，多于到会的 4 人（每人只能投一票）。"
    assert seen[1].endswith("赞成票超过到会人数4的半数，表决通过。")
    t = screen.approval_table
    li = next(r for r in range(t.rowCount()) if t.item(r, 1).text() == "李二")
    assert t.item(li, 4).text() == "已批准"
    assert (
        t.item(li, 5)
        .text()
        .endswith("党员大会表决：应到会4人，到会4人；赞成3票、反对0票、弃权1票：表决通过")
    )
    assert "党员大会表决（提请党员大会表决通过）" in screen.approval_state.text()
    assert not screen.vote_button.isEnabled()  # nothing left to vote on
    assert messages.texts("information")[-1].startswith("已登记党员大会表决：")
    qtbot.wait(100)  # the layout settles after the reload
    w.grab().save(str(tmp_path / "approvals_with_vote.png"))
    w.close()
    book.close()


def test_the_vote_dialog_takes_the_meeting_and_its_sign_in(qtbot, tmp_path) -> None:
    """A vote at a recorded 支部党员大会: choosing it fixes the date and brings the 正式党员
    signed in 出席 as 到会; more present than signed in cannot be recorded."""
    from desktop.book.meetings import Entry, Meetings
    from desktop.book.scoring import set_year_scheme
    from desktop.book.votes import vote_setup
    from desktop.gui.vote_dialog import VoteDialog
    from desktop.rules.presets import preset_text

    book = make_year_book(tmp_path / "vote.db")
    set_year_scheme(
        book,
        YEAR,
        text=preset_text("dangyuan-ejia")
        + '\n[[approvals]]\nname = "提请党员大会表决通过"\nby = "支部党员大会"\nstars = [3, 4, 5]\n'
        'vote = "present"\n',
    )
    mt = Meetings(book)
    ids = {m["name"]: m["id"] for m in book.query("select id, name from members")}
    meeting = mt.add_activity(
        {"date": "2025-12-26", "type": "支部党员大会", "topic": "年度评星"}, today=TODAY
    )
    mt.record_attendance(meeting, {ids["张三"]: Entry("因私请假")}, today=TODAY)
    dialog = VoteDialog(YEAR, vote_setup(book, YEAR, today=TODAY), "王一五星级、李二三星级")
    qtbot.addWidget(dialog)
    assert dialog.meeting.count() == 2 and "2025-12-26 年度评星（签到出席 3 人）" in (
        dialog.meeting.itemText(1)
    )
    dialog.meeting.setCurrentIndex(1)
    assert not dialog.date.isEnabled() and dialog.date.date().toString("yyyy-MM-dd") == "2025-12-26"
    assert dialog.present.value() == 3
    dialog.present.setValue(4)
    assert "多于这次党员大会签到“出席”的正式党员 3 人" in dialog.result.text()
    assert not dialog.ok.isEnabled()
    dialog.present.setValue(3)
    dialog.yes.setValue(2)
    dialog.no.setValue(1)
    assert dialog.ok.isEnabled() and dialog.result.text().endswith("表决通过。")
    assert dialog.values()["activity"] == meeting
    # Two of four present: the meeting cannot vote, so the vote cannot be recorded at all (it
    # used to be recorded as 未批准), as `approval vote` and the import refuse it.
    dialog.present.setValue(2)
    dialog.no.setValue(0)
    assert dialog.result.text().startswith("到会人数不足应到会有表决权党员的半数（应到会 4 人")
    assert "本次表决无效" in dialog.result.text() and not dialog.ok.isEnabled()
    book.close()


# The 一票否决 dialog keeps the decision date inside the year on screen.


MEMBERS = [("001", "王一（001）一组")]


def test_past_year_defaults_to_its_last_day_and_stays_in_it(qtbot) -> None:
    d = VetoDialog(MEMBERS, [], year=2025, today=QDate(2026, 11, 30))
    qtbot.addWidget(d)
    assert d.date.date() == QDate(2025, 12, 31)
    assert d.date.minimumDate() == QDate(2025, 1, 1)
    assert d.date.maximumDate() == QDate(2025, 12, 31)
    d.date.setDate(QDate(2026, 3, 1))  # clamped by the box
    assert d.date.date() == QDate(2025, 12, 31)
    assert d.values()["year"] == 2025 and "2025" in d.windowTitle()


def test_current_year_defaults_to_today_and_not_later(qtbot) -> None:
    d = VetoDialog(MEMBERS, [], year=2026, today=QDate(2026, 11, 30))
    qtbot.addWidget(d)
    assert d.date.date() == QDate(2026, 11, 30)
    assert d.date.maximumDate() == QDate(2026, 11, 30)
    assert d.values()["when"] == "2026-11-30"


# The 年度评定 screen names its printout after what the year's scheme does: a scheme without
# 评星定级 prints a 年度积分表, not a 星级评定表.


def _screen(qtbot, book):
    from desktop.gui.main_window import MainWindow

    window = MainWindow(book)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    nav = window.ui.navList
    nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "年度评定"))
    screen = window.year_end_screen
    qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=20000)
    return window, screen


def test_scheme_without_rating_prints_a_points_table(qtbot, demo_book) -> None:
    window, screen = _screen(qtbot, demo_book)
    assert not screen.overview.has_rating  # the demo's 街道农村 scheme
    assert screen.print_rating_button.text() == "打印年度积分表…"
    window.close()


def test_scheme_with_rating_prints_the_rating_table(qtbot, tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "year.db")
    try:
        window, screen = _screen(qtbot, book)
        assert screen.overview.has_rating
        assert screen.print_rating_button.text() == "打印年度星级评定表…"
        window.close()
    finally:
        book.close()


def test_the_import_dialog_refuses_a_vote_without_its_quorum(qtbot, tmp_path, monkeypatch) -> None:
    """The window's 导入 refuses a 党员大会表决 row the vote dialog would refuse (a meeting of 2
    of 4 cannot vote), naming sheet, row and column; 导入 stays disabled, the book unchanged."""
    import os

    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from desktop.book.interchange import export_workbook
    from desktop.book.scoring import set_year_scheme
    from desktop.book.store import Book
    from desktop.book.votes import record_vote
    from desktop.gui.import_dialog import PAGE_PREVIEW, ImportDialog
    from desktop.rules.presets import preset_text

    book = make_year_book(tmp_path / "vote.db")
    set_year_scheme(
        book,
        YEAR,
        text=preset_text("dangyuan-ejia")
        + '\n[[approvals]]\nname = "提请党员大会表决通过"\nby = "支部党员大会"\nstars = [3, 4, 5]\n'
        'vote = "present"\n',
    )
    record_vote(book, YEAR, yes=3, no=1, abstain=0, present=4, on="2026-01-10", today=TODAY)
    path = export_workbook(book, tmp_path / "表决.xlsx")
    book.close()
    wb = load_workbook(path)
    ws = wb["党员大会表决"]
    col = {c.value: c.column for c in ws[1]}
    for k, value in {"到会人数": 2, "赞成": 2, "反对": 0}.items():
        ws.cell(2, col[k], value)
    wb.save(path)
    other = Book.create(tmp_path / "new.db", branch="测试村党支部", year=YEAR)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "Excel 工作簿 (*.xlsx)")
    )
    dialog = ImportDialog(other)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 640)
    dialog.show()
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.nextButton.isEnabled(), timeout=10000)
    qtbot.mouseClick(dialog.ui.nextButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page() == PAGE_PREVIEW, timeout=20000)
    assert dialog.problem_lines() == [
        "党员大会表决 第2行 到会人数: 到会人数不足应到会有表决权党员的半数（应到会 4 人，到会 2 人，"
        "须至少 3 人到会），本次表决无效，不能登记为审批决定：请另行召开党员大会表决"
    ]
    assert not dialog.ui.importButton.isEnabled()
    if os.environ.get("PIONEER_SHOTS"):  # a look at it by eye: PIONEER_SHOTS=folder
        dialog.grab().save(str(Path(os.environ["PIONEER_SHOTS"]) / "import-vote-quorum.png"))
    assert other.execute("select count(*) from members").fetchone()[0] == 0
    assert other.execute("select count(*) from votes").fetchone()[0] == 0
    other.close()
