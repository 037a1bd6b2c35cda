"""操作记录 shows a confirmed quarter as the quarter, its member count and a short 校验码."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt

from desktop.book.journal import confirm_summary, readable_journal
from desktop.gui.journal_screen import JournalScreen


def test_confirmed_quarters_read_as_people_say_them(qtbot, confirmed_demo_book, tmp_path):
    book = confirmed_demo_book
    snapshots = {
        (r["year"], r["quarter"]): (r["hash"], len(json.loads(r["payload"])["members"]))
        for r in book.query("select year, quarter, hash, payload from snapshots")
    }
    screen = JournalScreen(book)
    qtbot.addWidget(screen)
    screen.resize(1000, 600)
    screen.show()
    qtbot.mouseClick(screen.ui.refreshButton, Qt.MouseButton.LeftButton)
    model = screen.model
    shown = [
        (model.index(r, 2).data(), model.index(r, 3).data(), r) for r in range(model.rowCount())
    ]
    confirms = [(text, r) for action, text, r in shown if action == "确认季度积分"]
    assert len(confirms) == len(snapshots) == 3
    for (year, quarter), (digest, members) in snapshots.items():
        text, row = next(c for c in confirms if f"{year}年第{quarter}季度" in c[0])
        assert text == f"{year}年第{quarter}季度：{members} 名党员，校验码 {digest[:12]}"
        assert not re.search(r"[0-9a-f]{13,}", text)  # no raw hash in the cell
        tip = model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
        assert digest in tip and "完整校验码" in tip
    screen.grab().save(str(tmp_path / "journal.png"))


def test_an_entry_without_its_snapshot_still_reads(book):
    row = {"summary": "2026年第1季度：ee5aea1bcc6eb550", "detail": json.dumps({"hash": "ab" * 32})}
    text, tip = confirm_summary(row, None)
    assert text == f"2026年第1季度：校验码 {'ab' * 6}"
    assert tip.endswith("ab" * 32)
    assert confirm_summary({"summary": "", "detail": "不是 JSON"}, None) == ("", "")


def test_other_entries_are_unchanged(book):
    book.roster.add_member({"name": "王建国", "status": "正式党员"})
    rows = readable_journal(book)
    assert rows[0]["summary"] == book.journal(1)[0]["summary"]
    assert rows[0]["tooltip"] == ""
