"""积分方案 screen: the demo's scheme shown readably, preset switch, import/export, edits, frozen."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop.book.scoring import (
    scheme_stored,
    score_book,
    set_year_scheme,
    year_scheme,
    year_scheme_text,
)
from desktop.gui.scheme_edit import SchemeEditDialog
from desktop.gui.scheme_screen import PresetDialog, ProblemsDialog, SchemeScreen

BROKEN = """
[scheme]
id = "broken"
title = "有错误的方案"
total = 100

[[sections]]
name = "组织生活"
max = 60
mode = "deduct"

  [[sections.items]]
  id = "leave"
  name = "因私请假"
  source = "attendance"
  activity_types = ["支部党员大会", "赶集"]
  statuses = ["因私请假"]
  tiers = [{from = 1, to = 4, points = -1}, {from = 4, points = -2}]

[rating]
levels = [{min = 90, stars = 5, quota = 1.5}]
"""


@pytest.fixture
def demo(tmp_path: Path):
    from desktop.book.demo import create_demo

    # Every quarter open (the year's scheme may still change); as of a fixed day, so the
    # test does not depend on the calendar.
    book = create_demo(tmp_path / "demo.db", year=2026, quarters=False, today=date(2026, 11, 30))
    yield book
    book.close()


@pytest.fixture
def screen(qtbot, demo):
    widget = SchemeScreen(demo)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def freeze(book, year: int) -> None:
    """What confirming a quarter does to the year's scheme (desktop.book.quarter)."""
    book.execute("update schemes set frozen_at = '2026-04-10T10:00:00' where year = ?", [year])


def member_with_leave(book, year: int):
    result = score_book(book, year)
    for m in result.members:
        if m.scored and any(ln.rule == "组织生活请假" for ln in m.lines):
            return m
    raise AssertionError("the demo has no member with a leave")


def test_shows_the_demo_scheme_readably(screen, demo):
    text = screen.shown_text()
    assert screen.year == demo.current_year
    assert "街道 农村党员积分制考核" in text
    assert "满分 100 分" in text
    assert "每季度计分，各期取平均" in text  # how periods combine
    for words in (
        "思想政治",
        "从满分扣减，扣完为止",
        "从零累加，最高20分",
        "组织生活请假",
        "每次扣0.5分",
        "签到状态为因公请假、因私请假",  # what facts feed the item
        "每季度最多5分",  # a cap
        "合计每季度最多计15分",  # a pool
        "每次申报-5至0分",  # a claim range
        "优秀 20分\n合格 15分",  # appraisal grades
        "本方案不评星定级",
        "参加积分管理：正式党员、预备党员",
        "连续6个月不参加党的组织生活",
        "年度总分不高于70分",
        "谈话教育",
    ):
        assert words in text, words
    assert not screen.ui.noticeLabel.isVisible()


def test_switch_preset_shows_quotas_and_stores_it(qtbot, screen, demo, messages, monkeypatch):
    def pick(dialog):
        dialog.select("dangyuan-ejia")
        return 1

    monkeypatch.setattr(PresetDialog, "exec", pick)
    qtbot.mouseClick(screen.ui.presetButton, Qt.MouseButton.LeftButton)
    assert year_scheme_text(demo, demo.current_year)[0] == "dangyuan-ejia"
    assert any("替换" in t for t in messages.texts("question"))
    text = screen.shown_text()
    assert "党员e家" in text
    assert "五星级" in text
    assert "不超过参评人数的10%" in text
    assert "参评不足10人的支部可评1名" in text
    assert "向下取整" in text  # the rounding rule
    assert "第1–4次每次扣1分" in text and "第5次起每次扣2分" in text  # tiers
    assert "最多评3星级" in text  # eligibility
    assert demo.journal(1)[0]["action"] == "设置积分方案"


def test_preset_dialog_previews_each_preset(qtbot):
    dialog = PresetDialog("jiguan-60-40")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "jiguan-60-40"
    assert "上不封顶" in dialog.ui.previewView.toPlainText()
    dialog.select("lianghua-dingji")
    assert dialog.chosen() == "lianghua-dingji"
    assert dialog.ui.previewView.toPlainText()


def test_import_broken_file_lists_located_problems_and_saves_nothing(
    qtbot, screen, demo, messages, monkeypatch, tmp_path
):
    bad = tmp_path / "坏方案.toml"
    bad.write_text(BROKEN, encoding="utf-8")
    before = year_scheme_text(demo, demo.current_year)
    journal = len(demo.journal(500))
    shown: list[list[str]] = []

    def record(dialog):
        shown.append(dialog.problems())
        return 0

    monkeypatch.setattr(ProblemsDialog, "exec", record)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(screen.ui.importButton, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    problems = "\n".join(shown[0])
    assert "未知的活动类型「赶集」" in problems
    assert "第2档与第1档重叠" in problems
    assert "超过100%" in problems
    assert "各部分满分之和为60分" in problems
    # each problem says where it is
    assert all(":" in p for p in shown[0])
    assert '"因私请假"' in problems and "[rating]" in problems
    assert year_scheme_text(demo, demo.current_year) == before
    assert len(demo.journal(500)) == journal
    assert not messages.texts("question")


def test_import_a_toml_that_is_not_toml(qtbot, screen, demo, monkeypatch, tmp_path):
    bad = tmp_path / "x.toml"
    bad.write_text('[scheme\ntitle = "x', encoding="utf-8")
    shown: list[list[str]] = []
    monkeypatch.setattr(ProblemsDialog, "exec", lambda d: shown.append(d.problems()) or 0)
    assert not screen.import_path(bad)
    assert "第1行" in shown[0][0]


def test_export_then_import_round_trip(qtbot, screen, demo, messages, monkeypatch, tmp_path):
    out = tmp_path / "方案.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(screen.ui.exportButton, Qt.MouseButton.LeftButton)
    assert out.read_text(encoding="utf-8") == year_scheme_text(demo, demo.current_year)[1]

    set_year_scheme(demo, demo.current_year, preset="dangyuan-ejia")
    screen.refresh()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(screen.ui.importButton, Qt.MouseButton.LeftButton)
    assert year_scheme_text(demo, demo.current_year)[0] == "jiedao-nongcun"
    assert "街道 农村" in screen.shown_text()
    assert any("已换成" in t for t in messages.texts("information"))


def test_edit_leave_deduction_changes_the_members_total(qtbot, screen, demo, monkeypatch):
    from desktop.gui.score_detail import ScoreDetail

    year = demo.current_year
    member = member_with_leave(demo, year)
    before = member.total
    leaves = sum(1 for ln in member.lines if ln.rule == "组织生活请假")

    def edit(dialog):
        field = dialog.field(("sections", 0, "items", 2, "points"))
        assert field.edit.text() == "-0.5"
        field.edit.setText("-1")
        save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(SchemeEditDialog, "exec", edit)
    qtbot.mouseClick(screen.ui.editButton, Qt.MouseButton.LeftButton)
    assert "每次扣1分" in screen.shown_text()
    assert "# 在“先锋指数”中修改分值后保存" in year_scheme_text(demo, year)[1]

    detail = ScoreDetail(demo, member.code, year)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: not detail.busy() and detail.detail is not None)
    after = detail.shown_total()
    # each leave now costs 1 instead of 0.5 (spread over 4 quarters, averaged)
    assert after is not None and after < before
    assert abs((before - after) - Decimal(leaves) * Decimal("0.125")) <= Decimal("0.01")
    assert sum(detail.line_points()) == after


def test_edit_shows_errors_next_to_fields_and_problems_with_location(qtbot, demo):
    year = demo.current_year
    before = year_scheme_text(demo, year)
    dialog = SchemeEditDialog(demo, year, before[1])
    qtbot.addWidget(dialog)
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    points = dialog.field(("sections", 0, "items", 2, "points"))
    points.edit.setText("半分")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "应为数字" in points.error.text()
    assert "1 处填写不对" in dialog.ui.problemsLabel.text()
    assert dialog.result() == 0

    points.edit.setText("-0.5")
    dialog.field(("sections", 0, "max")).edit.setText("25")  # sections now add up to 105
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert points.error.text() == ""
    problems = [dialog.ui.problemList.item(i).text() for i in range(dialog.ui.problemList.count())]
    assert any("[scheme]" in p and "与总分 total = 100 不符" in p for p in problems)
    assert dialog.result() == 0
    assert year_scheme_text(demo, year) == before

    dialog.field(("scheme", "total")).edit.setText("105")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert "max = 25" in year_scheme_text(demo, year)[1]


def test_edit_quota_in_percent(qtbot, demo):
    year = demo.current_year
    set_year_scheme(demo, year, preset="dangyuan-ejia")
    dialog = SchemeEditDialog(demo, year, year_scheme_text(demo, year)[1])
    qtbot.addWidget(dialog)
    quota = dialog.field(("rating", "levels", 0, "quota"))
    assert quota.edit.text() == "10"
    quota.edit.setText("120")
    dialog.save()
    assert "0 到 100" in quota.error.text()
    quota.edit.setText("15")
    dialog.field(("rating", "levels", 2, "quota")).edit.setText("")  # no limit
    dialog.field(("sections", 0, "items", 1, "tiers", 1, "points")).edit.setText("-3")
    dialog.field(("sections", 0, "items", 1, "cap")).edit.setText("10")
    dialog.save()
    assert dialog.result() == 1
    from desktop.book.scoring import year_scheme

    scheme = year_scheme(demo, year)
    assert scheme.rating is not None
    assert scheme.rating.levels[0].quota == Decimal("0.15")
    assert scheme.rating.levels[2].quota is None
    leave = scheme.item("leave-private")
    assert leave is not None and leave.tiers[1].points == Decimal(-3)
    assert leave.cap == Decimal(10)


def test_frozen_year_is_refused(qtbot, demo, messages, monkeypatch, tmp_path):
    year = demo.current_year
    freeze(demo, year)
    screen = SchemeScreen(demo)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.ui.noticeLabel.isVisible()
    assert "冻结" in screen.ui.noticeLabel.text()
    before = year_scheme_text(demo, year)
    opened: list[str] = []
    monkeypatch.setattr(PresetDialog, "exec", lambda d: opened.append("preset") or 1)
    monkeypatch.setattr(SchemeEditDialog, "exec", lambda d: opened.append("edit") or 1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: opened.append("file"))
    buttons = (screen.ui.presetButton, screen.ui.editButton, screen.ui.importButton)
    for button in buttons:
        assert not button.isEnabled()
        assert "已冻结" in button.toolTip()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [] and messages.texts("warning") == []
    # Reached some other way (a screen shown before the freeze), the actions refuse too.
    screen.choose_preset()
    screen.edit_values()
    screen.import_file()
    assert opened == []
    warnings = messages.texts("warning")
    assert len(warnings) == 3
    assert all("已经冻结" in w and "下一年度" in w for w in warnings)
    assert year_scheme_text(demo, year) == before

    # The book refuses too (an edit dialog opened before the freeze cannot save).
    dialog = SchemeEditDialog(demo, year, before[1])
    qtbot.addWidget(dialog)
    dialog.field(("sections", 0, "items", 2, "points")).edit.setText("-1")
    dialog.save()
    assert "冻结" in dialog.ui.problemsLabel.text()
    assert dialog.result() == 0

    # Export still works for a frozen year.
    out = tmp_path / "frozen.toml"
    assert screen.export_path(out)
    assert out.read_text(encoding="utf-8") == before[1]
    # Another year is not frozen: the buttons come back with their own tooltips.
    screen.ui.yearSpin.setValue(year - 1)
    assert all(b.isEnabled() and "已冻结" not in b.toolTip() for b in buttons)
    assert screen.ui.presetButton.toolTip().startswith("从程序自带的方案中")


def test_other_year_and_main_window(qtbot, window, messages):
    titles = [t for t, _w in window.screens()]
    assert "积分方案" in titles
    window.show_screen("积分方案")
    screen = window.scheme_screen
    assert screen.year == window.book.current_year
    assert "党员e家" in screen.shown_text()  # the book's default preset
    screen.set_year(window.book.current_year + 1)
    assert "党员e家" in screen.shown_text()


def test_saving_unchanged_values_stores_nothing(qtbot, demo):
    year = demo.current_year
    before = year_scheme_text(demo, year)
    journal = len(demo.journal(500))
    dialog = SchemeEditDialog(demo, year, before[1])
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.result() == 1
    assert year_scheme_text(demo, year) == before
    assert len(demo.journal(500)) == journal


def test_edited_scheme_says_it_was_changed(qtbot, demo):
    from desktop.gui.scheme_edit import EDITED_MARK

    year = demo.current_year
    dialog = SchemeEditDialog(demo, year, year_scheme_text(demo, year)[1])
    qtbot.addWidget(dialog)
    dialog.field(("sections", 1, "items", 1, "cap")).edit.setText("8")
    dialog.save()
    text = year_scheme_text(demo, year)[1]
    assert EDITED_MARK in text
    again = SchemeEditDialog(demo, year, text)
    qtbot.addWidget(again)
    again.field(("sections", 1, "items", 1, "cap")).edit.setText("9")
    again.save()
    from desktop.book.scoring import year_scheme

    assert year_scheme(demo, year).title.count(EDITED_MARK) == 1


# 积分方案 for a year without a stored scheme says so, and which scheme would apply.


@pytest.fixture
def demo_book_screen(qtbot, demo_book):
    widget = SchemeScreen(demo_book)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_stored_year_has_no_such_notice(demo_book_screen, demo_book) -> None:
    assert scheme_stored(demo_book, 2026)
    demo_book_screen.refresh()
    assert "还没有保存积分方案" not in demo_book_screen.ui.noticeLabel.text()
    assert not demo_book_screen.ui.noticeLabel.isVisible()


def test_a_year_without_a_scheme_says_which_one_would_apply(
    demo_book_screen, demo_book, tmp_path: Path
) -> None:
    demo_book.set_setting("default_scheme", "jiedao-nongcun")
    assert not scheme_stored(demo_book, 2025)
    demo_book_screen.set_year(2025)
    notice = demo_book_screen.ui.noticeLabel
    assert notice.isVisible()
    default = year_scheme(demo_book, 2025)
    assert "2025 年还没有保存积分方案" in notice.text()
    assert f"账本默认方案“{default.title}”（jiedao-nongcun）" in notice.text()
    assert default.title in demo_book_screen.shown_text()
    demo_book_screen.grab().save(str(tmp_path / "scheme-not-stored.png"))
    # Once the year has its own scheme the notice goes.
    set_year_scheme(demo_book, 2025, preset="jiedao-nongcun")
    demo_book_screen.refresh()
    assert not notice.isVisible()


# 积分方案 screen: 打印… and 文件 → 打印… (Ctrl+P) open the print preview of kind `scheme` for the
# year shown; no file name is asked first.


def pdf_text(path: Path) -> str:
    exe = shutil.which("pdftotext")
    if not exe:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run([exe, str(path), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


@pytest.fixture
def no_file_dialog(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("printing must not ask for a file name")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)


@pytest.fixture
def xingji_screen(qtbot, book):
    from desktop.gui.scheme_screen import SchemeScreen

    set_year_scheme(book, 2026, preset="xingji-60-40")
    widget = SchemeScreen(book)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_print_button_opens_the_preview_of_the_year(
    qtbot, xingji_screen, book, previews, no_file_dialog
) -> None:
    qtbot.mouseClick(xingji_screen.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews), timeout=30000)
    [preview] = previews
    assert preview.windowTitle().startswith("打印积分方案")
    assert preview.xlsx_action is None  # a PDF-only kind
    assert preview.page_count() >= 2
    text = pdf_text(preview.prepared.path)
    assert "2026年度党员积分管理办法" in text
    # The plan it follows is cited; the preset's internal title is program jargon, not paper.
    scheme = year_scheme(book, 2026)
    assert scheme.source.replace(" ", "") in text
    assert scheme.title.replace(" ", "") not in text
    assert "测试支部" in text and "还没有保存积分方案" not in text


def test_ctrl_p_in_the_window_prints_the_year_shown(qtbot, window, book, monkeypatch) -> None:
    import desktop.gui.print_preview as pp

    set_year_scheme(book, 2025, preset="jiedao-nongcun")
    calls: list[tuple[str, dict]] = []
    monkeypatch.setattr(pp, "preview_document", lambda *a, **k: calls.append((a[2], k)))
    window.show_screen("积分方案")
    xingji_screen = window.current_screen()
    xingji_screen.set_year(2025)
    assert window.actions["print"].isEnabled()
    view = xingji_screen.ui.schemeView  # where the secretary has been reading
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [(kind, k["year"], k["file_name"]) for kind, k in calls] == [
        ("scheme", 2025, "2025年度积分方案.pdf")
    ]


def test_a_year_without_its_own_scheme_prints_the_default_and_says_so(
    qtbot, book, previews, no_file_dialog
) -> None:
    """What the page shows is what is printed: the default, with the page's notice."""
    from desktop.gui.scheme_screen import SchemeScreen

    assert not scheme_stored(book, 2026)
    xingji_screen = SchemeScreen(book)
    qtbot.addWidget(xingji_screen)
    xingji_screen.show()
    assert xingji_screen.ui.noticeLabel.isVisible()
    xingji_screen.print_screen()
    qtbot.waitUntil(lambda: bool(previews), timeout=30000)
    text = pdf_text(previews[0].prepared.path)
    assert "2026年还没有保存积分方案，以下是计分时将会使用的账本默认方案" in text
    assert "依据：" in text and year_scheme(book, 2026).title.replace(" ", "") not in text


def test_a_scheme_with_errors_is_refused_before_any_job(
    qtbot, book, messages, previews, monkeypatch
) -> None:
    import desktop.gui.print_preview as pp
    from desktop.gui.scheme_screen import SchemeScreen

    set_year_scheme(book, 2026, preset="xingji-60-40")
    # A damaged stored text (the program never stores one; an old or hand-edited book may).
    book.execute("update schemes set text = 'total = ' where year = 2026")
    started: list = []
    monkeypatch.setattr(pp, "preview_document", lambda *a, **k: started.append(a))
    xingji_screen = SchemeScreen(book)
    qtbot.addWidget(xingji_screen)
    xingji_screen.show()
    assert xingji_screen.print_screen() is None
    assert started == [] and previews == []
    [text] = messages.texts("warning")
    assert "2026 年的积分方案有错误，不能打印" in text and "更换方案" in text


def test_a_year_the_book_does_not_hold_is_refused_with_the_reason(
    qtbot, xingji_screen, messages, previews
) -> None:
    xingji_screen.set_year(2019)
    job = xingji_screen.print_screen()
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert previews == []
    assert any("本账本没有 2019 年的记录" in t for t in messages.texts())
