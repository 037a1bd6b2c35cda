"""积分明细: lines by section that add up to the total, quarters, rating, exports, roster entry."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.book.scoring import score_book, set_year_scheme
from desktop.gui.score_detail import ScoreDetail
from desktop.rules.scheme import fmt_points


@pytest.fixture
def demo(tmp_path: Path):
    from desktop.book.demo import create_demo

    # Every quarter open (the year's scheme may still change); as of a fixed day, so the
    # test does not depend on the calendar.
    book = create_demo(tmp_path / "demo.db", year=2026, quarters=False, today=date(2026, 11, 30))
    yield book
    book.close()


def open_detail(qtbot, book, code: str, year: int, quarter: int | None = None) -> ScoreDetail:
    dialog = ScoreDetail(book, code, year, quarter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.detail is not None, timeout=10000)
    return dialog


def test_lines_add_up_to_the_total_for_every_member(qtbot, demo):
    year = demo.current_year
    result = score_book(demo, year)
    scored = [m for m in result.members if m.scored]
    assert scored
    for m in scored[:6]:
        dialog = open_detail(qtbot, demo, m.code, year)
        assert dialog.shown_total() == m.total
        assert sum(dialog.line_points()) == m.total
        assert dialog.ui.nameLabel.text() == m.name
        assert f"{m.total.normalize():f}".rstrip("0").rstrip(".") in dialog.ui.totalLabel.text()
        tree = dialog.ui.linesTree
        # one group per section, with its subtotal, then 合计
        sections = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert sections == [*m.sections, "合计"]
        for i, name in enumerate(m.sections):
            top = tree.topLevelItem(i)
            children = [Decimal(top.child(k).text(3)) for k in range(top.childCount())]
            assert Decimal(top.text(3)) == m.sections[name]
            if children:
                assert sum(children) == m.sections[name]
        dialog.close()


def test_lines_show_date_fact_rule_and_signed_points(qtbot, demo):
    year = demo.current_year
    result = score_book(demo, year)
    m = next(
        m for m in result.members if m.scored and any(ln.rule == "组织生活请假" for ln in m.lines)
    )
    dialog = open_detail(qtbot, demo, m.code, year)
    top = dialog.ui.linesTree.topLevelItem(0)
    rows = [[top.child(k).text(c) for c in range(4)] for k in range(top.childCount())]
    leave = next(r for r in rows if r[2] == "组织生活请假")
    assert leave[0].startswith(str(year)) and len(leave[0]) == 10
    assert "请假" in leave[1]
    assert leave[3] == "-0.13"  # −0.5 ÷ 4 quarters, to 0.01 as on paper, signed
    assert any(r[3].startswith("+") for r in rows)
    tree = dialog.ui.linesTree
    every = [
        tree.topLevelItem(i).child(k)
        for i in range(tree.topLevelItemCount())
        for k in range(tree.topLevelItem(i).childCount())
    ]
    assert all(c.text(0) <= dialog.detail.as_of for c in every)  # none after the count
    assert not any("四舍五入到0.01分" in c.text(1) for c in every)


def test_quarter_view(qtbot, demo):
    year = demo.current_year
    q2 = score_book(demo, year, 2)
    m = next(m for m in q2.members if m.scored)
    dialog = open_detail(qtbot, demo, m.code, year)
    dialog.ui.periodCombo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.detail.quarter == 2, timeout=10000)
    assert dialog.shown_total() == m.total
    assert sum(dialog.line_points()) == m.total
    assert "第二季度" in dialog.ui.totalLabel.text()

    direct = open_detail(qtbot, demo, m.code, year, quarter=2)
    assert direct.ui.periodCombo.currentIndex() == 2
    assert direct.shown_total() == m.total


def test_rating_and_flags_in_the_header(qtbot, demo):
    year = demo.current_year
    set_year_scheme(demo, year, preset="dangyuan-ejia")
    result = score_book(demo, year)
    m = next(m for m in result.members if m.rated)
    dialog = open_detail(qtbot, demo, m.code, year)
    assert "拟评" in dialog.ui.ratingLabel.text()
    flagged = next((x for x in result.members if x.scored and x.flags), None)
    if flagged is not None:
        other = open_detail(qtbot, demo, flagged.code, year)
        assert other.ui.flagsLabel.isVisible()
        assert flagged.flags[0].text in other.ui.flagsLabel.text()


def test_member_not_scored_says_why(qtbot, demo):
    year = demo.current_year
    result = score_book(demo, year)
    m = next(m for m in result.members if not m.scored)
    dialog = open_detail(qtbot, demo, m.code, year)
    assert "不计分" in dialog.ui.totalLabel.text()
    assert m.reasons[0] in dialog.ui.ratingLabel.text()
    assert dialog.shown_total() is None


def test_text_and_pdf_export(qtbot, demo, messages, monkeypatch, tmp_path, previews):
    year = demo.current_year
    m = next(m for m in score_book(demo, year).members if m.scored)
    dialog = open_detail(qtbot, demo, m.code, year)

    text_file = tmp_path / "明细.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(text_file), ""))
    qtbot.mouseClick(dialog.ui.exportButton, Qt.MouseButton.LeftButton)
    content = text_file.read_text(encoding="utf-8-sig")
    assert m.name in content and "合计" in content and "【" in content

    pdf = tmp_path / "明细.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    monkeypatch.setattr(
        "desktop.gui.roster_files.offer_to_open", lambda p, t, w, path: opened.append(path)
    )
    qtbot.mouseClick(dialog.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=15000)
    assert previews[0].page_count() >= 1
    previews[0].save_action.trigger()  # 另存为 PDF… in the print preview
    assert opened == [pdf] and pdf.read_bytes().startswith(b"%PDF")


def test_roster_opens_score_detail(qtbot, window, monkeypatch):
    from desktop.gui import score_detail

    book = window.book
    book.roster.add_member({"name": "张三", "status": "正式党员"})
    screen = window.roster_screen
    screen.refresh()
    screen.ui.table.selectRow(0)
    shown: list[tuple[str, int]] = []

    def fake(parent, bk, code, year, quarter=None):
        shown.append((code, year))

    monkeypatch.setattr(score_detail, "show_score_detail", fake)
    assert screen.ui.scoreButton.isEnabled()
    qtbot.mouseClick(screen.ui.scoreButton, Qt.MouseButton.LeftButton)
    code = book.roster.find("张三")["code"]
    assert shown == [(code, book.current_year)]


def test_show_score_detail_runs_modally_and_returns(qtbot, demo):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.gui.score_detail import show_score_detail

    year = demo.current_year
    m = next(m for m in score_book(demo, year).members if m.scored)
    seen: list[Decimal | None] = []

    def close_when_ready() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ScoreDetail) and widget.isVisible():
                if widget.busy() or widget.detail is None:
                    break
                seen.append(widget.shown_total())
                widget.accept()
                return
        QTimer.singleShot(20, close_when_ready)

    QTimer.singleShot(0, close_when_ready)
    dialog = show_score_detail(None, demo, m.code, year)
    qtbot.addWidget(dialog)
    assert seen == [m.total]


def test_unknown_member_code(qtbot, demo):
    dialog = open_detail(qtbot, demo, "999", demo.current_year)
    assert dialog.ui.nameLabel.text() == "999"
    assert "不在本支部的积分名单中" in dialog.ui.ratingLabel.text()
    assert not dialog.ui.printButton.isEnabled()


def test_last_year_stays_reachable_after_the_new_year(qtbot, demo):
    from desktop.book.years import start_new_year

    old = demo.current_year
    start_new_year(demo, today=date(old + 1, 1, 5))
    m = next(m for m in score_book(demo, old).members if m.scored)
    dialog = open_detail(qtbot, demo, m.code, old + 1)
    combo = dialog.ui.yearCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [f"{old + 1} 年", f"{old} 年"]
    combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.detail.year == old, timeout=10000)
    assert dialog.shown_total() == m.total


def test_a_confirmed_quarter_names_its_confirmed_total(qtbot, confirmed_demo_book):
    from desktop.book import quarter as Q

    book = confirmed_demo_book
    snap = json.loads(Q.snapshot(book, 2026, 2)["payload"])
    m = next(m for m in snap["members"] if m["total"] not in (None, ""))
    dialog = open_detail(qtbot, book, m["code"], 2026, quarter=2)
    assert "确认结果" in dialog.ui.flagsLabel.text()
    assert fmt_points(Decimal(m["total"])) in dialog.ui.flagsLabel.text()
    # A member exempted after confirmation: the live figure moves, the confirmed one stands.
    member_id = book.execute("select id from members where code = ?", [m["code"]]).fetchone()[0]
    book.roster.update_member(member_id, {"exempt": True, "exempt_reason": "患病"})
    again = open_detail(qtbot, book, m["code"], 2026, quarter=2)
    assert "以确认结果为准" in again.ui.flagsLabel.text()


def test_a_monthly_or_half_year_scheme_offers_its_own_periods(qtbot, tmp_path: Path):
    """量化定级 「做到每月一汇总、一审核、一公示」: the period list is 全年, 1月…12月 and a month
    is explained as `pioneer explain --month M`; 机关 「每年考核 2 次」: 上半年/下半年."""
    from desktop.book import claims as C
    from desktop.book.store import Book

    with Book.create(tmp_path / "m.db", branch="测试支部", year=2026) as book:
        for code, name in (("001", "王一"), ("003", "张三")):
            book.roster.add_member(
                {"code": code, "name": name, "status": "正式党员", "joined_date": "2000-07-01"},
                today=date(2026, 1, 5),
            )
        set_year_scheme(book, 2026, preset="lianghua-dingji")
        cid = C.add_claim(book, "张三", "2026-02-10", "thought", "-2", "党小组月度评议",
                          today=date(2026, 3, 2))  # fmt: skip
        C.review_claim(book, cid, "党小组长")
        C.approve_claim(book, cid, "支委会")
        dialog = open_detail(qtbot, book, "003", 2026)
        combo = dialog.ui.periodCombo
        names = [combo.itemText(i) for i in range(combo.count())]
        assert names == ["全年", *(f"{m}月" for m in range(1, 13))]
        for month in (2, 3):
            want = score_book(book, 2026, month=month).member("003")
            combo.setCurrentIndex(month)
            qtbot.waitUntil(
                lambda m=month: not dialog.busy() and dialog.detail.quarter == m, timeout=10000
            )
            assert dialog.detail.kind == "month"
            assert dialog.shown_total() == want.total
            assert sum(dialog.line_points()) == want.total
            assert f"2026 年{month}月积分" in dialog.ui.totalLabel.text()
        feb = score_book(book, 2026, month=2).member("003")
        assert feb.total != score_book(book, 2026, month=3).member("003").total  # -2 in Feb
        dialog.close()

        set_year_scheme(book, 2026, preset="jiguan-60-40")
        half = open_detail(qtbot, book, "001", 2026, quarter=2)
        combo = half.ui.periodCombo
        assert [combo.itemText(i) for i in range(combo.count())] == ["全年", "上半年", "下半年"]
        assert half.detail.kind == "half" and half.detail.quarter == 2
        assert half.shown_total() == score_book(book, 2026, half=2).member("001").total
        assert "2026 年下半年" in half.ui.totalLabel.text()
        half.close()
