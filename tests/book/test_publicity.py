"""Publicity (公示) in the book (desktop/book/publicity.py) and the publicity sheet it prints:
a notice must really run, a late entry says so on paper, and a sheet never shows results its
notice did not publish."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from quarter_testkit import TODAY, YEAR, build_branch, journal_count

from desktop.book import quarter as Q
from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.meetings import Meetings
from desktop.book.printing import print_document
from desktop.book.quarter_print import publicity_data
from desktop.book.store import Book

# Publicity must really run (issue 6): no backdated start beyond a stated late entry of at most
# 14 days, a re-issued notice runs a full period of its own, an ended period says so, and
# objections are dated against the period.

NOV_30 = date(2026, 11, 30)  # a Monday; Q3 ended on 30 September


@pytest.fixture
def branch(book: Book) -> dict[str, int]:
    return build_branch(book)


def _published_states(book: Book) -> list:
    return book.query("select status from periods where status != 'open'")


def test_a_start_months_back_is_refused_naming_the_earliest_day(
    book: Book, branch: dict[str, int]
) -> None:
    before = journal_count(book)
    with pytest.raises(Q.LateStartRefused) as info:
        Q.publish(book, YEAR, 1, start="2026-04-01", today=NOV_30, late_reason="早就贴了")
    assert "2026-04-01 早于今天（2026-11-30）14 天以上" in str(info.value)
    lines = "\n".join(info.value.lines())
    assert "公示开始日期填 2026-11-30" in lines and "最早可填 2026-11-16" in lines
    assert journal_count(book) == before and not _published_states(book)


def test_a_late_entry_needs_its_reason_which_is_kept(book: Book, branch: dict[str, int]) -> None:
    with pytest.raises(Q.LateStartRefused) as info:
        Q.publish(book, YEAR, 3, start="2026-11-25", today=NOV_30)
    assert "请写明补登原因" in str(info.value)
    lines = "\n".join(info.value.lines())
    assert "公示表已于11月25日张贴，今日补登" in lines and "最早可补登到 2026-11-16" in lines
    assert not _published_states(book)
    st = Q.publish(
        book, YEAR, 3, start="2026-11-25", today=NOV_30, late_reason="公示表已于11月25日张贴"
    )
    assert (st["publicity_start"], st["publicity_end"]) == ("2026-11-25", "2026-12-01")
    assert st["notices"][0]["late_reason"] == "公示表已于11月25日张贴"
    # Posted on the 25th: five working days have not passed on the 30th.
    with pytest.raises(InputRefused, match="不能确认"):
        Q.confirm(book, YEAR, 3, today=NOV_30)


def test_today_or_later_needs_no_reason_and_stores_none(book: Book, branch: dict[str, int]) -> None:
    st = Q.publish(book, YEAR, 3, today=NOV_30, late_reason="不需要")
    assert st["publicity_start"] == "2026-11-30" and st["notices"][0]["late_reason"] == ""
    assert Q.earliest_publicity_start(YEAR, 3, NOV_30) == "2026-11-16"
    # Never inside the quarter, however near its end today is.
    assert Q.earliest_publicity_start(YEAR, 3, date(2026, 10, 3)) == "2026-10-01"


def test_the_cli_example_of_the_review_cannot_confirm_in_the_same_minute(
    book: Book, branch: dict[str, int]
) -> None:
    """publish --start 2026-04-01 on 30 November used to be accepted and confirm to follow."""
    with pytest.raises(InputRefused):
        Q.publish(book, YEAR, 1, start="2026-04-01", today=NOV_30)
    st = Q.publish(book, YEAR, 1, today=NOV_30)
    with pytest.raises(InputRefused) as info:
        Q.confirm(book, YEAR, 1, today=NOV_30)
    assert f"公示期为 2026-11-30 至 {st['publicity_end']}" in "\n".join(info.value.lines())


def test_a_reissue_after_a_change_runs_a_full_period_from_its_day(
    book: Book, branch: dict[str, int]
) -> None:
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=date(2026, 4, 20))
    Q.publish(book, YEAR, 2, start="2026-07-03", today=date(2026, 7, 3))
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=NOV_30)
    # A re-issue may not start before the notice it replaces, nor far back.
    with pytest.raises(InputRefused, match="早于上一次公示的开始日期 2026-07-03"):
        Q.publish(book, YEAR, 2, start="2026-07-02", reason="更正", today=NOV_30)
    with pytest.raises(Q.LateStartRefused):
        Q.publish(book, YEAR, 2, start="2026-07-08", reason="更正", today=NOV_30)
    st = Q.publish(book, YEAR, 2, reason="张三5月10日改为出席", today=NOV_30)
    assert (st["publicity_start"], st["publicity_end"]) == ("2026-11-30", "2026-12-04")
    assert [(n["start"], n["end"]) for n in st["notices"]] == [
        ("2026-07-03", "2026-07-09"),
        ("2026-11-30", "2026-12-04"),
    ]
    assert st["state_text"] == "公示中" and st["next_step"] == ""
    with pytest.raises(InputRefused, match="不能确认"):
        Q.confirm(book, YEAR, 2, today=NOV_30)
    with pytest.raises(InputRefused, match="不能确认"):
        Q.confirm(book, YEAR, 2, today=date(2026, 12, 4))
    assert Q.confirm(book, YEAR, 2, today=date(2026, 12, 5))["state"] == "confirmed"


def test_an_objection_upheld_late_reissues_from_the_answer_day(
    book: Book, branch: dict[str, int]
) -> None:
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=date(2026, 4, 20))
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    # The window (1–7 July) is over; 张三 complains on the 20th. Accepted, marked late.
    oid = Q.raise_objection(
        book, YEAR, 2, raised_by="张三", content="5月10日我出席了", today=date(2026, 7, 20)
    )
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=NOV_30)
    st = Q.answer_objection(
        book,
        oid,
        finding="签到表上有张三的签名",
        changed=True,
        change_note="张三5月10日改为出席",
        today=date(2026, 7, 20),
    )
    assert (st["publicity_start"], st["publicity_end"]) == ("2026-07-20", "2026-07-24")
    assert st["notices"][-1]["objection_id"] == oid
    # Still raised after the period it objected to, though its answer started a new one.
    (o,) = st["objections"]
    assert o["after_publicity"] and o["date_text"] == "2026-07-20，公示期满后提出"
    with pytest.raises(InputRefused, match="不能确认"):
        Q.confirm(book, YEAR, 2, today=date(2026, 7, 22))
    Q.confirm(book, YEAR, 2, today=date(2026, 7, 27))


def test_an_ended_period_says_so_and_what_to_do(book: Book, branch: dict[str, int]) -> None:
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    st = Q.period_status(book, YEAR, 1, today=date(2026, 4, 7))
    assert (st["state"], st["state_text"], st["publicity_over"]) == ("publicity", "公示中", False)
    st = Q.period_status(book, YEAR, 1, today=NOV_30)
    assert st["state"] == "publicity" and st["state_text"] == "公示期满，待确认"
    assert st["publicity_over"] and st["blockers"] == []
    assert "2026-04-07 期满" in st["next_step"] and "确认本季度" in st["next_step"]
    assert Q.year_status(book, YEAR, today=NOV_30)[0]["state_text"] == "公示期满，待确认"
    # Something still in the way: the next step says to deal with it first.
    Q.raise_objection(book, YEAR, 1, raised_by="李二", content="有意见", today=NOV_30)
    st = Q.period_status(book, YEAR, 1, today=NOV_30)
    assert st["state_text"] == "公示期满，待确认" and "处理完下列事项" in st["next_step"]
    assert any("尚未答复" in b for b in st["blockers"])


def test_objections_are_dated_against_the_period(book: Book, branch: dict[str, int]) -> None:
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    before = journal_count(book)
    with pytest.raises(InputRefused) as info:
        Q.raise_objection(
            book, YEAR, 1, raised_by="李二", content="有意见", raised_on="2026-03-30", today=NOV_30
        )
    assert "2026-03-30 早于2026年第1季度的公示开始日期 2026-04-01" in str(info.value)
    with pytest.raises(InputRefused, match="还没有到"):
        Q.raise_objection(
            book,
            YEAR,
            1,
            raised_by="李二",
            content="有意见",
            raised_on="2026-12-01",
            today=NOV_30,
        )
    assert journal_count(book) == before
    inside = Q.raise_objection(
        book, YEAR, 1, raised_by="李二", content="甲", raised_on="2026-04-07", today=NOV_30
    )
    late = Q.raise_objection(
        book, YEAR, 1, raised_by="王一", content="乙", raised_on="2026-04-08", today=NOV_30
    )
    marks = {o["id"]: o for o in Q.period_status(book, YEAR, 1, today=NOV_30)["objections"]}
    assert not marks[inside]["after_publicity"] and marks[inside]["date_text"] == "2026-04-07"
    assert marks[late]["after_publicity"] and "公示期满后提出" in marks[late]["date_text"]


def test_the_demo_publishes_after_each_quarter_and_confirms_after_the_period(
    confirmed_demo_book: Book,
) -> None:
    book = confirmed_demo_book
    for st in Q.year_status(book, 2026, today=date(2027, 1, 20)):
        first = st["notices"][0]
        assert first["start"] > st["end"] and first["late_reason"] == ""
        if st["state"] == "confirmed":
            assert st["publicity_end"] < "2027-01-20"
    q4 = Q.period_status(book, 2026, 4, today=date(2027, 1, 20))
    assert q4["publicity_start"] == "2027-01-03"
    assert q4["state_text"] == "公示期满，待确认" and q4["open_objections"]
    live = Q.period_status(book, 2026, 4, today=date(2027, 1, 5))
    assert live["state_text"] == "公示中"


def test_a_late_entry_travels_in_the_workbook_and_is_restored_as_it_was(
    book: Book, branch: dict[str, int], tmp_path: Path
) -> None:
    """Import restores historical notices: their old starts are not judged as new entries."""
    from desktop.book.interchange import export_workbook, import_workbook

    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 6), late_reason="4月1日已张贴")
    Q.confirm(book, YEAR, 1, today=date(2026, 4, 20))
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    path = export_workbook(book, tmp_path / "out.xlsx")
    with Book.create(tmp_path / "new.db", branch=book.branch()["name"], year=YEAR) as fresh:
        import_workbook(fresh, path)
        rows = fresh.query("select start, end, late_reason from publicity_notices order by id")
    assert rows == [
        {"start": "2026-04-01", "end": "2026-04-07", "late_reason": "4月1日已张贴"},
        {"start": "2026-07-01", "end": "2026-07-07", "late_reason": ""},
    ]


def test_the_reissued_notice_prints_its_new_period_and_why(
    book: Book, branch: dict[str, int]
) -> None:
    from desktop.book.quarter_print import publicity_data

    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=date(2026, 4, 20))
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=NOV_30)
    Q.publish(book, YEAR, 2, reason="张三5月10日改为出席", today=date(2026, 7, 8))
    data = publicity_data(book, YEAR, 2, today=date(2026, 7, 9))
    assert (data["publicity_start"], data["publicity_end"]) == ("2026-07-08", "2026-07-14")
    assert data["issued_on"] == "2026-07-08"
    (note,) = data["reissues"]
    assert "重新公示，公示期自2026年7月8日起重新计算，至2026年7月14日止" in note
    assert "原公示期为2026年7月1日至2026年7月7日" in note and "张三5月10日改为出席" in note


# A publicity notice entered late (`publish --late-reason`) says so on the printed sheet: the day
# it was posted, the day it was entered and why — and nothing of the kind when on time.


REASON = "公示表已于11月20日在村务公开栏张贴，今日补登"


def _pdf_text(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if not exe:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run([exe, str(pdf), "-"], capture_output=True, check=True)
    # Lines may wrap inside a sentence: join them.
    return out.stdout.decode("utf-8").replace("\n", "")


def _cn(iso: str) -> str:
    return f"{iso[:4]}年{int(iso[5:7])}月{int(iso[8:10])}日"


def test_a_late_notice_prints_posted_and_entered_days_and_reason(
    book: Book, tmp_path: Path
) -> None:
    build_branch(book)
    st = Q.publish(book, YEAR, 3, start="2026-11-20", today=TODAY, late_reason=REASON)
    entered = st["notices"][-1]["issued_at"][:10]
    expected = f"本公示于2026年11月20日张贴，{_cn(entered)}补登，补登原因：{REASON}。"
    assert publicity_data(book, YEAR, 3, today=TODAY)["late_entry"] == expected

    pdf = print_document(
        book, "publicity", tmp_path / "公示.pdf", year=YEAR, quarter=3, today=TODAY
    )
    text = _pdf_text(pdf)
    assert expected in text
    # The notice is still dated the day it was posted.
    assert "公示期为2026年11月20日至" in text

    xlsx = print_document(
        book, "publicity", tmp_path / "公示.xlsx", year=YEAR, quarter=3, today=TODAY
    )
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]
    assert expected in cells


def test_a_reason_ending_in_a_full_stop_gets_no_second_one(book: Book) -> None:
    build_branch(book)
    Q.publish(book, YEAR, 3, start="2026-11-20", today=TODAY, late_reason="外出开会，晚录。")
    late = publicity_data(book, YEAR, 3, today=TODAY)["late_entry"]
    assert late.endswith("补登原因：外出开会，晚录。")


def test_a_notice_entered_on_time_says_nothing_about_a_late_entry(
    book: Book, tmp_path: Path
) -> None:
    build_branch(book)
    Q.publish(book, YEAR, 3, today=TODAY)
    assert publicity_data(book, YEAR, 3, today=TODAY)["late_entry"] == ""
    pdf = print_document(
        book, "publicity", tmp_path / "公示.pdf", year=YEAR, quarter=3, today=TODAY
    )
    assert "补登" not in _pdf_text(pdf)


def test_a_reissue_posted_today_drops_the_first_notices_late_entry(book: Book) -> None:
    # The sheet printed is the re-issued notice, posted the day it was entered; the first
    # notice's late entry belongs to that earlier sheet (period status still lists it).
    build_branch(book)
    Q.publish(book, YEAR, 3, start="2026-11-20", today=TODAY, late_reason=REASON)
    Q.publish(book, YEAR, 3, start=TODAY, reason="公示表污损，重新张贴", today=TODAY)
    data = publicity_data(book, YEAR, 3, today=TODAY)
    assert data["late_entry"] == "" and data["reissues"]
    assert Q.period_status(book, YEAR, 3, today=TODAY)["notices"][0]["late_reason"] == REASON


# A publicity sheet is never printed with results its notice did not publish.


def test_changed_results_must_be_republished_before_printing(book: Book, tmp_path: Path) -> None:
    branch = build_branch(book)
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    out = tmp_path / "公示.pdf"
    print_document(book, "publicity", out, year=YEAR, quarter=2)
    assert out.exists()
    out.unlink()
    # 张三's sign-in is amended during publicity: the notice no longer shows his result.
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=TODAY)
    with pytest.raises(InputRefused) as err:
        print_document(book, "publicity", out, year=YEAR, quarter=2)
    lines = err.value.lines()
    assert "重新公示" in lines[-1] and any("张三" in line for line in lines)
    assert not out.exists()
    Q.publish(book, YEAR, 2, reason="张三5月10日改为出席", today=TODAY)
    print_document(book, "publicity", out, year=YEAR, quarter=2)
    assert out.exists()


# A notice started by mistake on the day it was entered (review 7, B): while nothing depends on
# it, its start is corrected to the day the paper really went up — a new notice row and a
# journal line with the reason, never an edit without trace.

DEC_5 = date(2026, 12, 5)


def test_a_start_entered_by_mistake_is_corrected_to_the_day_posted(
    book: Book, branch: dict[str, int], tmp_path: Path
) -> None:
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=date(2026, 4, 20))
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    Q.confirm(book, YEAR, 2, today=date(2026, 7, 20))
    Q.publish(book, YEAR, 3, today=DEC_5)  # the paper went up on 10 October
    with pytest.raises(InputRefused) as info:
        Q.publish(book, YEAR, 3, start="2026-10-10", late_reason="10月10日张贴", today=DEC_5)
    assert "早于上一次公示的开始日期 2026-12-05" in str(info.value)
    assert "更正开始日期" in "\n".join(info.value.lines())
    assert Q.start_correctable(book, YEAR, 3, today=DEC_5) == (True, "")
    before = journal_count(book)
    st = Q.correct_start(
        book, YEAR, 3, start="2026-10-10", reason="公示表已于10月10日张贴，登记时误填为今天",
        today=DEC_5,
    )  # fmt: skip
    assert (st["publicity_start"], st["publicity_end"]) == ("2026-10-10", "2026-10-16")
    assert st["blockers"] == [] and journal_count(book) == before + 1
    (line,) = book.query("select * from journal order by id desc limit 1")
    assert line["action"] == "更正公示开始日期" and "2026-12-05 改为 2026-10-10" in line["summary"]
    # The mistaken notice stays on record; the correction names it.
    first, fix = st["notices"]
    assert first["start"] == "2026-12-05" and Q.is_start_correction(fix)
    assert "原为 2026-12-05" in fix["reason"] and fix["results_hash"] == first["results_hash"]
    # The sheet is the notice posted on 10 October, not a re-issue; it says when it was fixed.
    data = publicity_data(book, YEAR, 3, today=DEC_5)
    assert data["reissues"] == [] and data["publicity_start"] == "2026-10-10"
    assert "本公示于2026年10月10日张贴" in data["late_entry"] and "误填为今天" in data["late_entry"]
    pdf = print_document(
        book, "publicity", tmp_path / "公示.pdf", year=YEAR, quarter=3, today=DEC_5
    )
    text = _pdf_text(pdf)
    assert "公示期为2026年10月10日至" in text and "重新公示" not in text
    # Nothing else waits: the quarter is confirmed today and verifies.
    assert Q.confirm(book, YEAR, 3, today=DEC_5)["state"] == "confirmed"
    assert Q.check_chain(book.conn) is None


def test_a_start_correction_is_refused_once_anything_depends_on_the_notice(
    book: Book, branch: dict[str, int]
) -> None:
    Q.publish(book, YEAR, 3, today=DEC_5)
    before = journal_count(book)
    reason = "公示表已于10月10日张贴"
    for start, words in (
        ("2026-12-06", "还没有到"),
        ("2026-09-30", "不在2026年第3季度结束之后"),
        ("2026-12-05", "无需更正"),
    ):
        with pytest.raises(InputRefused, match=words):
            Q.correct_start(book, YEAR, 3, start=start, reason=reason, today=DEC_5)
    with pytest.raises(InputRefused, match="请写明更正开始日期的原因"):
        Q.correct_start(book, YEAR, 3, start="2026-10-10", reason=" ", today=DEC_5)
    with pytest.raises(InputRefused, match="还没有公示"):
        Q.correct_start(book, YEAR, 2, start="2026-07-10", reason=reason, today=DEC_5)
    # Results changed since the notice: that is a re-issue, not a date fix.
    assert journal_count(book) == before
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=DEC_5)
    before = journal_count(book)
    with pytest.raises(InputRefused, match="积分结果有变化，不能只更正开始日期"):
        Q.correct_start(book, YEAR, 3, start="2026-10-10", reason=reason, today=DEC_5)
    assert journal_count(book) == before
    Q.publish(book, YEAR, 3, reason="张三改为出席", today=DEC_5)
    # An objection was raised against the notice: its dates stay as they were.
    Q.raise_objection(book, YEAR, 3, raised_by="李二", content="有意见", today=DEC_5)
    allowed, why = Q.start_correctable(book, YEAR, 3, today=DEC_5)
    assert not allowed and "已登记异议" in why
    before = journal_count(book)
    with pytest.raises(InputRefused, match="已登记异议"):
        Q.correct_start(book, YEAR, 3, start="2026-12-01", reason=reason, today=DEC_5)
    assert journal_count(book) == before
    assert Q.period_status(book, YEAR, 3, today=DEC_5)["publicity_start"] == "2026-12-05"


def test_a_confirmed_quarters_start_cannot_be_corrected(book: Book, branch: dict[str, int]) -> None:
    Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    Q.confirm(book, YEAR, 1, today=date(2026, 4, 20))
    with pytest.raises(RecordLocked, match="已确认，公示开始日期不能再更正"):
        Q.correct_start(book, YEAR, 1, start="2026-04-02", reason="填错", today=DEC_5)


def test_a_corrected_reissue_may_not_start_before_the_notice_it_replaced(
    book: Book, branch: dict[str, int]
) -> None:
    Q.publish(book, YEAR, 3, start="2026-11-20", late_reason="11月20日张贴", today=TODAY)
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=DEC_5)
    Q.publish(book, YEAR, 3, reason="张三改为出席", today=DEC_5)
    with pytest.raises(InputRefused, match="早于上一次公示的开始日期 2026-11-20"):
        Q.correct_start(book, YEAR, 3, start="2026-11-19", reason="填错", today=DEC_5)
    st = Q.correct_start(book, YEAR, 3, start="2026-12-01", reason="12月1日重新张贴", today=DEC_5)
    assert st["publicity_start"] == "2026-12-01"
    assert len(publicity_data(book, YEAR, 3, today=DEC_5)["reissues"]) == 1


@pytest.mark.parametrize("kind", ["publicity", "quarter-review"])
def test_a_ten_member_notice_for_the_board_is_one_page(
    book: Book, tmp_path: Path, kind: str
) -> None:
    # Review 7, J: 7 rows on page 1, 3 with the notes and signatures on page 2 (page 1 half
    # empty). Rows a little lower and less blank above the issuer keep it on one page.
    from desktop.book.scoring import set_year_scheme

    names = [f"{family}建国" for family in "王李张刘陈杨黄赵吴周"]
    for i, name in enumerate(names, start=1):
        book.roster.add_member(
            {"code": f"{i:03d}", "name": name, "status": "正式党员", "group": "一组",
             "joined_date": "2000-07-01"},
            today=DEC_5,
        )  # fmt: skip
    set_year_scheme(book, YEAR, preset="jiedao-nongcun")
    Q.publish(book, YEAR, 3, today=DEC_5)
    pdf = print_document(book, kind, tmp_path / "a.pdf", year=YEAR, quarter=3, today=DEC_5)
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    assert pages.split() == ["Pages:", "1"]
    text = _pdf_text(pdf)
    assert all(name in text for name in names) and "第1页 共1页" in text
