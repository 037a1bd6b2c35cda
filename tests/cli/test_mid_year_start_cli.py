"""A book started in the middle of a year (issue 14): `init --start 2025-10` on a 2025 book —
Q1–Q3 have no points and need no publicity or confirmation, Q4 publishes and confirms on its
own, the rating and certificates print, and the paper says from when points were kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from cli_testkit import run

from desktop.book import quarter as Q
from desktop.book.meetings import Entry, Meetings
from desktop.book.store import Book

TODAY = date(2025, 12, 20)


def _book(tmp_path: Path, capsys) -> Path:
    db = tmp_path / "mid.db"
    code, out, err = run(
        capsys, "--db", str(db), "init", "--branch", "晚来村党支部", "--year", "2025",
        "--scheme", "dangyuan-ejia", "--start", "2025-10",
    )  # fmt: skip
    assert code == 0, err
    assert "本账本自2025年10月起记分" in out
    with Book.open(db) as book:
        ids = {
            name: book.roster.add_member(
                {"name": name, "status": "正式党员", "joined_date": "2000-07", "group": "一组"},
                today=TODAY,
            )
            for name in ("王一", "李二", "张三")
        }
        mt = Meetings(book)
        act = mt.add_activity({"date": "2025-11-10", "type": "主题党日"}, today=TODAY)
        mt.record_attendance(
            act, {ids["李二"]: Entry("因私请假"), ids["张三"]: Entry("无故缺席")}, today=TODAY
        )
        cid = Q.add_claim(book, "张三", "2025-11-15", "absent", -15, "支委会审定", today=TODAY)
        Q.review_claim(book, cid, "组长")
        Q.approve_claim(book, cid, "支委会")
    return db


def test_branch_shows_the_start(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    code, out, _ = run(capsys, "--db", str(db), "branch")
    assert code == 0 and "记分起始：本账本自2025年10月起记分" in out
    code, out, _ = run(capsys, "--db", str(db), "branch", "--json")
    assert json.loads(out)["start"] == "2025-10"


def test_a_bad_start_is_a_usage_error_and_writes_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "x.db"
    for start in ("2025-13", "2024-10", "十月"):
        code, _, err = run(
            capsys, "--db", str(db), "init", "--branch", "X", "--year", "2025", "--start", start
        )
        assert code == 2, start
        assert "--start" in err
    assert not db.exists()


def test_q4_publishes_and_confirms_without_q1_to_q3(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    code, out, _ = run(
        capsys, "--db", str(db), "period", "status", "--year", "2025", "--today", "2026-01-20"
    )
    assert code == 0
    # Q1–Q3 said once, not a line each.
    assert out.startswith(
        "2025年第1季度至第3季度：不记分\n"
        "  → 本账本自2025年10月起记分，2025年第1季度至第3季度不记分，无需公示和确认。\n"
    ), out
    # Q1 has nothing to publish or confirm.
    with Book.open(db) as book:
        st = Q.period_status(book, 2025, 1, today=date(2026, 1, 20))
        assert st["not_scored"] and st["state_text"] == "不记分"
        assert st["next_step"] == "本账本自2025年10月起记分，2025年第1季度不记分，无需公示和确认。"
    code, _, err = run(
        capsys, "--db", str(db), "period", "publish", "--year", "2025", "--quarter", "1"
    )
    assert code == 1 and "不记分，无需公示和确认" in err

    with Book.open(db) as book:
        Q.publish(book, 2025, 4, start="2026-01-05", today=date(2026, 1, 5))
        status = Q.confirm(book, 2025, 4, today=date(2026, 1, 20))
        assert status["state"] == "confirmed"

    # The year is scored from October: everyone's yearly sections count from then only.
    code, out, _ = run(capsys, "--db", str(db), "rate", "--year", "2025", "--json")
    assert code == 0
    totals = {m["name"]: m["total"] for m in json.loads(out)["members"]}
    assert float(totals["王一"]) > float(totals["李二"])  # 李二's leave in November counts
    code, out, _ = run(capsys, "--db", str(db), "score", "--year", "2025", "--quarter", "1",
                       "--json")  # fmt: skip
    q1 = json.loads(out)["members"]
    assert all(float(m["total"]) == 0 and not m["rated"] for m in q1)

    # 五星级 is approved above the branch (issue 16) before certificates print.
    code, out, err = run(
        capsys, "--db", str(db), "approval", "record", "--year", "2025", "--member", "王一",
        "--approve", "--by", "测试镇党委",
    )  # fmt: skip
    assert code == 0, out + err
    for kind, extra in (("rating", ()), ("certificates", ()), ("publicity", ("--quarter", "4"))):
        pdf = tmp_path / f"{kind}.pdf"
        code, out, err = run(
            capsys, "--db", str(db), "print", kind, "--year", "2025", *extra, "--out", str(pdf)
        )
        assert code == 0, (kind, out, err)
        assert pdf.read_bytes().startswith(b"%PDF")


def test_the_paper_says_from_when_points_were_kept(tmp_path: Path, capsys) -> None:
    from desktop.book.quarter_print import publicity_data
    from desktop.book.year_end_print import rating_data

    db = _book(tmp_path, capsys)
    with Book.open(db) as book:
        Q.publish(book, 2025, 4, start="2026-01-05", today=date(2026, 1, 5))
        line = "本账本自2025年10月起记分，此前的季度不记分。"
        data = publicity_data(book, 2025, 4, today=date(2026, 1, 6))
        assert data["late_entry"] == line and data["reissues"] == []
        summary = rating_data(book, 2025, today=date(2026, 1, 20))["summary"]
        assert any(s.startswith("本账本自2025年10月起记分") for s in summary)


def test_the_start_goes_with_the_exported_workbook(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    out = tmp_path / "全部.xlsx"
    assert run(capsys, "--db", str(db), "export", str(out))[0] == 0
    again = tmp_path / "again.db"
    code, _, err = run(
        capsys, "--db", str(again), "init", "--branch", "晚来村党支部", "--year", "2025",
        "--scheme", "dangyuan-ejia",
    )  # fmt: skip
    assert code == 0, err
    code, text, err = run(capsys, "--db", str(again), "import", str(out), "--today", "2025-12-20")
    assert code == 0, text + err
    code, text, _ = run(capsys, "--db", str(again), "branch", "--json")
    assert json.loads(text)["start"] == "2025-10"


def test_a_monthly_book_started_late_speaks_of_months(tmp_path: Path, capsys) -> None:
    # Found trying 量化定级 (reviewed monthly) with `init --start 2026-11`: the 公示表 and the
    # 月度积分管理审核表 said 「此前的季度不记分」 though the scheme has no quarters.
    from desktop.book.quarter_print import publicity_data, review_sheet_data

    db = tmp_path / "monthly.db"
    code, _, err = run(
        capsys, "--db", str(db), "init", "--branch", "晚来村党支部", "--year", "2026",
        "--scheme", "lianghua-dingji", "--start", "2026-11",
    )  # fmt: skip
    assert code == 0, err
    with Book.open(db) as book:
        book.roster.add_member(
            {"name": "王一", "status": "正式党员", "joined_date": "2000-07", "group": "一组"},
            today=date(2026, 12, 5),
        )
        Q.publish(book, 2026, 11, start="2026-12-05", today=date(2026, 12, 5))
        line = "本账本自2026年11月起记分，此前的月份不记分。"
        assert publicity_data(book, 2026, 11, today=date(2026, 12, 6))["late_entry"] == line
        summary = review_sheet_data(book, 2026, 11)["summary"]
        assert summary[0] == line


# Found trying a book started in July (review 7): the sheets, the follow-ups and the township's
# flags counted the year from January.


def _july_book(tmp_path: Path, capsys) -> Path:
    db = tmp_path / "july.db"
    code, _, err = run(
        capsys, "--db", str(db), "init", "--branch", "七月村党支部", "--year", "2026",
        "--scheme", "jiedao-nongcun", "--start", "2026-07",
    )  # fmt: skip
    assert code == 0, err
    with Book.open(db) as book:
        for name in ("王一", "李二"):
            book.roster.add_member(
                {"name": name, "status": "正式党员", "joined_date": "2000-07", "group": "一组"},
                today=date(2026, 12, 5),
            )
    return db


def test_the_sheets_average_only_the_quarters_kept(tmp_path: Path, capsys) -> None:
    from desktop.book.quarter_print import publicity_data

    db = _july_book(tmp_path, capsys)
    with Book.open(db) as book:
        Q.publish(book, 2026, 3, start="2026-12-05", today=date(2026, 12, 5))
        note = publicity_data(book, 2026, 3, today=date(2026, 12, 6))["ytd_note"]
        assert "按第3季度的平均分计入" in note and "第1至3季度" not in note
        Q.confirm(book, 2026, 3, today=date(2026, 12, 14))
        Q.publish(book, 2026, 4, start="2027-01-04", today=date(2027, 1, 4))
        note = publicity_data(book, 2026, 4, today=date(2027, 1, 5))["ytd_note"]
        assert "按第3至4季度的平均分计入" in note and "全年四个季度" not in note


def test_an_absence_before_the_start_starts_no_reminder(tmp_path: Path, capsys) -> None:
    db = _july_book(tmp_path, capsys)
    with Book.open(db) as book:
        ids = {m["name"]: m["id"] for m in book.roster.members()}
        mt = Meetings(book)
        today = date(2026, 12, 5)
        june = mt.add_activity({"date": "2026-06-20", "type": "主题党日"}, today=today)
        mt.record_attendance(june, {ids["王一"]: Entry("无故缺席")}, today=today)
        assert mt.follow_ups(2026, today=today)["notices"] == []
        august = mt.add_activity({"date": "2026-08-15", "type": "党课"}, today=today)
        mt.record_attendance(august, {ids["王一"]: Entry("无故缺席")}, today=today)
        [due] = mt.follow_ups(2026, today=today)["notices"]
        assert (due.kind, due.nth, due.absence.date) == ("提醒", 1, "2026-08-15")


def test_the_township_flags_ask_three_meetings_only_since_the_start(tmp_path: Path, capsys) -> None:
    from desktop.book.pack_figures import pack_figures

    db = _july_book(tmp_path, capsys)
    with Book.open(db) as book:
        mt = Meetings(book)
        today = date(2026, 12, 5)
        for day, kind in (("2026-07-01", "支部党员大会"), ("2026-08-15", "党课")):
            mt.add_activity({"date": day, "type": kind}, today=today)
        flags = pack_figures(book, 2026, today=today)["flags"]
    # July to November: five 支委会; Q3 one 党员大会 and one 党课 (Q4 has not ended).
    assert "支委会 0 次，少于三会一课要求的 5 次（本账本自2026年7月起记分）" in flags
    assert not any(f.startswith(("支部党员大会", "党课")) for f in flags), flags


def test_year_status_does_not_ask_to_confirm_quarters_without_points(
    tmp_path: Path, capsys
) -> None:
    # `year status` / 进入新年度 listed 「2026年第1季度：不记分，尚未确认。」 as unfinished.
    from desktop.book.years import unfinished_business

    db = _july_book(tmp_path, capsys)
    with Book.open(db) as book:
        lines = unfinished_business(book, 2026, today=date(2026, 12, 5))
    assert not any("第1季度" in x or "第2季度" in x for x in lines), lines
    assert lines[0] == "2026年第3季度：未公示，尚未确认。"


def test_the_start_can_be_set_later_until_a_period_is_published(tmp_path: Path, capsys) -> None:
    # Review 7: the wizard's 「从年初（1月）起」 is the default; a secretary who found out in
    # December that Q1–Q3 wanted publicity had no way to set the start afterwards.
    db = tmp_path / "late.db"
    assert run(capsys, "--db", str(db), "init", "--branch", "晚来村", "--year", "2026")[0] == 0
    code, out, err = run(capsys, "--db", str(db), "branch", "--start", "2025-10")
    assert code == 2 and "不在 2026 年" in err
    code, out, err = run(capsys, "--db", str(db), "branch", "--start", "2026-07")
    assert code == 0, err
    assert "记分起始：本账本自2026年7月起记分" in out
    with Book.open(db) as book:
        book.roster.add_member(
            {"name": "王一", "status": "正式党员", "joined_date": "2000-07", "group": "一组"},
            today=date(2026, 12, 5),
        )
        Q.publish(book, 2026, 3, start="2026-12-05", today=date(2026, 12, 5))
    code, out, err = run(capsys, "--db", str(db), "branch", "--start", "2026-10")
    assert code == 1 and "已公示或确认，不能再改记分起始月份" in err
    code, out, _ = run(capsys, "--db", str(db), "branch", "--json")
    assert json.loads(out)["start"] == "2026-07"


def test_an_activity_before_the_start_is_kept_and_said_not_to_count(tmp_path: Path, capsys) -> None:
    # Review 7, L: it was accepted silently though it counts for nothing.
    db = str(_book(tmp_path, capsys))
    code, out, err = run(
        capsys, "--db", db, "activity-add", "--date", "2025-06-20", "--type", "主题党日",
        "--topic", "学习",
    )  # fmt: skip
    assert code == 0, err
    assert "本账本自2025年10月起记分，这次活动只作记录，不计分。" in out
    code, out, err = run(
        capsys, "--db", db, "activity-add", "--date", "2025-10-01", "--type", "主题党日",
        "--topic", "学习",
    )  # fmt: skip
    assert code == 0 and "不计分" not in out, err
