"""签到表 before and after the sign-in: one rule. Before it is recorded the sheet is blank
(请假类型 filled in by hand); after, it shows every recorded status — 因公请假 and also
无故缺席 and 补录 — and the 实到/请假/缺席 counts; the footnote says which."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.book.meetings import Entry, Meetings
from desktop.book.meetings_print import signin_data
from desktop.book.printing import print_document

NAMES = ("刘洋", "李明", "曾强", "陈静", "王建国")


@pytest.fixture
def signed(book):
    ids = {
        n: book.roster.add_member(
            {"name": n, "status": "正式党员", "group": "一组", "joined_date": "2000-07-01"}
        )
        for n in NAMES
    }
    mt = Meetings(book)
    held = mt.add_activity({"date": "2026-01-10", "type": "主题党日", "topic": "学习党章"})
    mt.add_activity({"date": "2026-02-10", "type": "主题党日", "topic": "学习党史"})
    mt.record_attendance(
        held,
        {
            ids["刘洋"]: Entry("因公请假", "到镇里开会"),
            ids["曾强"]: Entry("无故缺席"),
            ids["陈静"]: Entry("补录", "在外地参加", ("王建国", "李明")),
        },
    )
    return book


def test_after_the_sign_in_every_status_and_the_counts(signed) -> None:
    data = signin_data(signed, "2026-001")
    by = {m["name"]: m for m in data["members"]}
    assert {n: by[n]["status"] for n in NAMES} == {
        "刘洋": "因公请假",
        "李明": "出席",
        "曾强": "无故缺席",
        "陈静": "补录",
        "王建国": "出席",
    }
    assert by["刘洋"]["note"] == "到镇里开会"
    assert by["陈静"]["note"] == "在外地参加；证明人：王建国、李明"
    assert data["activity"]["signed"] == {"present": 3, "leave": 1, "absent": 1}


def test_before_the_sign_in_the_sheet_is_blank(signed) -> None:
    data = signin_data(signed, "2026-002")
    assert data["activity"]["signed"] is None
    assert all(m["status"] == "" and m["note"] == "" for m in data["members"])


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return re.sub(r"\s", "", out)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")
@pytest.mark.parametrize("two_columns", [False, True])
def test_printed_sheets_say_which(signed, tmp_path, two_columns) -> None:
    after, before = tmp_path / "after.pdf", tmp_path / "before.pdf"
    print_document(signed, "signin", after, activity="2026-001", two_columns=two_columns)
    print_document(signed, "signin", before, activity="2026-002", two_columns=two_columns)
    text = _text(after)
    assert "签到情况" in text and "请假类型" not in text
    for status in ("因公请假", "无故缺席", "补录", "出席"):
        assert status in text
    assert "按支部登记的签到记录填写" in text
    assert "实到：人" not in text and "请假：人" not in text  # the counts are filled in
    text = _text(before)
    assert "请假类型" in text and "签到情况栏" not in text
    assert not any(s in text for s in ("因公请假", "无故缺席", "补录"))
    assert "由记录人在“请假类型”栏注明" in text
    # No program talk on paper (it said 「本表在签到登记前打印」, issue 15 item 24).
    assert "打印" not in text and "本表在签到登记" not in _text(after)
