"""What the meeting papers are given (desktop/book/meetings_print.py): the 签到表's statuses and
the 纪实管理记录表's 积分 column.

签到表 before and after the sign-in: one rule. Before it is recorded the sheet is blank
(请假类型 filled in by hand); after, it shows every recorded status — 因公请假 and also
无故缺席 and 补录 — and the 实到/请假/缺席 counts; the footnote says which."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.book.meetings import Entry, Meetings
from desktop.book.meetings_print import record_data, signin_data
from desktop.book.printing import print_document
from desktop.book.scoring import score_book, set_year_scheme
from desktop.rules.scoring import shown_lines

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


def test_a_committee_sheet_without_a_committee_says_it_lists_everyone(signed, tmp_path) -> None:
    """No 支委会成员 set: the 支委会 签到表 lists every member (as the screen and `attend` warn)
    and says so on the sheet; once the committee is set, only they, and no note."""
    mt = Meetings(signed)
    code = mt.activity(mt.add_activity({"date": "2026-03-05", "type": "支委会"}))["code"]
    out = tmp_path / "committee.pdf"
    print_document(signed, "signin", out, activity=code)
    assert len(signin_data(signed, code)["members"]) == len(NAMES)
    assert "本支部尚未设置支委会成员，本表暂按全体党员列出" in _text(out)
    ids = {m["name"]: m["id"] for m in signed.roster.members()}
    mt.set_committee([(ids["王建国"], "书记"), (ids["李明"], "组织委员")])
    print_document(signed, "signin", out, activity=code)
    assert len(signin_data(signed, code)["members"]) == 2
    assert "尚未设置支委会成员" not in _text(out)


# The 党员积分纪实管理记录表's 积分 column: what the member actually gets for the activity, the
# same as their 积分明细 (year explanation), for presets whose rules differ.


TODAY = date(2026, 11, 24)


D = Decimal


def branch(book, preset: str) -> tuple[Meetings, dict[str, int]]:
    set_year_scheme(book, 2026, preset=preset)
    ids = {
        name: book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "2000-07-01"}, today=TODAY
        )
        for name in ("张三", "李四")
    }
    return Meetings(book), ids


def meeting(mt: Meetings, day: str, statuses: dict[int, str], topic: str = "学习") -> int:
    a = mt.add_activity({"date": day, "type": "主题党日", "topic": topic}, today=TODAY)
    mt.record_attendance(a, statuses, today=TODAY)
    return a


def row(data: dict, name: str) -> dict:
    return next(r for r in data["rows"] if r["name"] == name)


def explained(book, name: str, day: str) -> Decimal:
    """The member's 积分明细 for the year: every line dated that day (the activity's and
    the caps that clipped it)."""
    m = score_book(book, 2026, today=TODAY).member(name)
    lines = shown_lines(m, TODAY.isoformat())  # to 0.01, as the 积分明细 screen shows them
    return sum((ln.points for ln in lines if ln.date == day and "满分" not in ln.rule), D(0))


def test_quarterly_averaged_scheme_shows_the_share_of_the_year(book):
    # 街道农村: scored by quarter, the year is the average of the quarters; absence −2.
    mt, ids = branch(book, "jiedao-nongcun")
    a = meeting(mt, "2026-02-10", {ids["张三"]: "无故缺席", ids["李四"]: "因私请假"})
    data = record_data(book, a, today=TODAY)
    assert row(data, "张三")["points"] == "-0.5"  # −2 in Q1, ÷ 4 quarters
    assert row(data, "李四")["points"] == "-0.13"  # −0.5 ÷ 4, to 0.01 as 积分明细 shows
    assert row(data, "张三")["note"].startswith("本季度计-2分")
    assert D(row(data, "张三")["points"]) == explained(book, "张三", "2026-02-10")
    assert D(row(data, "李四")["points"]) == explained(book, "李四", "2026-02-10")
    assert any("÷ 4" in f and "2026年11月24日" in f for f in data["footnotes"])
    assert not any(f.startswith("※") for f in data["footnotes"])


def test_pool_cap_of_the_quarter_shows_what_is_left(book, monkeypatch):
    # 组织生活 deductions are capped at 15 a quarter: the 8th absence (−16) only costs 1.
    mt, ids = branch(book, "jiedao-nongcun")
    days = [f"2026-0{1 + n // 4}-{10 + n % 4:02d}" for n in range(8)]
    acts = [meeting(mt, d, {ids["张三"]: "无故缺席"}, f"第{n}次") for n, d in enumerate(days)]
    last = record_data(book, acts[-1], today=TODAY)
    assert row(last, "张三")["points"] == "-0.25"  # −1 left under the cap, ÷ 4
    assert row(last, "张三")["note"].startswith("本季度计-1分")
    assert D(row(last, "张三")["points"]) == explained(book, "张三", days[-1])
    assert row(record_data(book, acts[0], today=TODAY), "张三")["points"] == "-0.5"
    # The other member attended: the activity gave nothing, shown as blank for no line.
    assert row(last, "李四")["points"] == ""


def test_yearly_tiered_scheme_shows_the_tier_without_averaging(book):
    # 党员e家: a year scheme; private leave −1 for the first four, −2 from the fifth.
    mt, ids = branch(book, "dangyuan-ejia")
    acts = [
        meeting(mt, f"2026-{month:02d}-05", {ids["张三"]: "因私请假"}, f"第{month}次")
        for month in range(1, 6)
    ]
    assert [row(record_data(book, a, today=TODAY), "张三")["points"] for a in acts] == [
        "-1"
    ] * 4 + ["-2"]
    data = record_data(book, acts[-1], today=TODAY)
    assert len(data["footnotes"]) == 1 and "积分明细" in data["footnotes"][0]
    assert row(data, "张三")["note"] == ""


def test_section_used_up_is_only_known_for_the_period_and_says_so(book):
    # 党员e家 过好组织生活 35, 扣完为止: twenty private leaves are −36, the section stops at 0.
    mt, ids = branch(book, "dangyuan-ejia")
    acts = [
        meeting(mt, f"2026-{1 + n % 10:02d}-{5 + n // 10:02d}", {ids["张三"]: "因私请假"}, f"{n}")
        for n in range(20)
    ]
    data = record_data(book, acts[-1], today=TODAY)
    assert row(data, "张三")["points"] == "-2※"
    [note] = [f for f in data["footnotes"] if f.startswith("※")]
    assert "张三" in note and "过好组织生活" in note and "扣完为止" in note


def test_record_sheet_pdf_prints_the_footnotes(book, tmp_path):
    from desktop.book.printing import print_document

    mt, ids = branch(book, "jiedao-nongcun")
    a = meeting(mt, "2026-02-10", {ids["张三"]: "无故缺席"})
    pdf = print_document(book, "attendance", tmp_path / "r.pdf", activity=str(a))
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        flat = "".join(text.split())
        assert "-0.5" in flat and "本季度计-2分" in flat and "÷4" in flat


def test_early_in_the_year_the_share_follows_the_quarters_begun(book):
    mt, ids = branch(book, "jiedao-nongcun")
    a = meeting(mt, "2026-02-10", {ids["张三"]: "无故缺席"})
    in_q2 = record_data(book, a, today=date(2026, 5, 20))
    assert row(in_q2, "张三")["points"] == "-1"  # −2 ÷ the 2 quarters begun
    assert any("÷ 2" in f and "以后季度数增加" in f for f in in_q2["footnotes"])
    in_q1 = record_data(book, a, today=date(2026, 2, 20))
    assert row(in_q1, "张三")["points"] == "-2" and len(in_q1["footnotes"]) == 1
