"""Review cycles other than the quarter through the book: a scheme that publishes, hears
objections on and confirms by month (量化定级「做到每月一汇总、一审核、一公示」) or by half-year
(机关「每年考核 2 次，6月30日前核准上半年积分」). Confirmed periods never change, their facts are
locked, and the snapshots chain as quarters' do; books with quarter chains keep working."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.book import quarter as Q
from desktop.book.backup import verify_file
from desktop.book.errors import BookError, InputRefused, RecordLocked
from desktop.book.scoring import set_year_scheme
from desktop.book.store import Book

YEAR = 2026
DATA = Path(__file__).parent / "data"


def _members(book: Book) -> None:
    for code, name in (("001", "王一"), ("002", "李二"), ("003", "张三")):
        book.roster.add_member(
            {"code": code, "name": name, "status": "正式党员", "joined_date": "2000-07-01"},
            today=date(2026, 1, 5),
        )


@pytest.fixture
def monthly(tmp_path: Path):
    with Book.create(tmp_path / "m.db", branch="测试支部", year=YEAR) as book:
        _members(book)
        set_year_scheme(book, YEAR, preset="lianghua-dingji")
        cid = Q.add_claim(
            book, "张三", "2026-02-10", "thought", "-2", "党小组月度评议", today=date(2026, 2, 10)
        )
        Q.review_claim(book, cid, "党小组长")
        Q.approve_claim(book, cid, "支委会")
        yield book


def test_the_year_has_twelve_monthly_periods(monthly: Book) -> None:
    sts = Q.year_status(monthly, YEAR, today=date(2026, 3, 2))
    assert [st["label"] for st in sts[:3]] == ["2026年1月", "2026年2月", "2026年3月"]
    assert len(sts) == 12 and {st["kind"] for st in sts} == {"month"}
    assert sts[2]["state"] == "open" and "本月还没有结束" in sts[2]["blockers"][0]
    assert sts[3]["state"] == "future"


def test_a_month_is_published_objected_to_and_confirmed(monthly: Book) -> None:
    for m, start in ((1, date(2026, 2, 2)), (2, date(2026, 3, 2))):
        st = Q.publish(monthly, YEAR, m, today=start)
        assert st["label"] == f"2026年{m}月" and st["state"] == "publicity"
    # 「党员对评定结果有异议的，党支部要进行复核」
    oid = Q.raise_objection(
        monthly,
        YEAR,
        2,
        raised_by="张三",
        member="003",
        content="2月评议扣2分有异议",
        raised_on="2026-03-03",
        today=date(2026, 3, 3),
    )
    st = Q.period_status(monthly, YEAR, 2, today=date(2026, 3, 10))
    assert any("尚未答复" in b for b in st["blockers"])
    Q.answer_objection(
        monthly,
        oid,
        finding="经复核，评议记录属实，维持",
        changed=False,
        told_on="2026-03-04",
        today=date(2026, 3, 4),
    )
    # Months are confirmed in order.
    with pytest.raises(InputRefused) as exc:
        Q.confirm(monthly, YEAR, 2, today=date(2026, 3, 10))
    assert "2026年1月还没有确认：请按月份顺序确认" in " ".join(exc.value.lines())
    Q.confirm(monthly, YEAR, 1, today=date(2026, 3, 10))
    done = Q.confirm(monthly, YEAR, 2, today=date(2026, 3, 10))
    assert done["state"] == "confirmed" and done["hash"]
    snap = Q.snapshot(monthly, YEAR, 2, "month")
    assert snap is not None and snap["kind"] == "month"
    assert '"cycle":"month"' in snap["payload"] and '"month":2' in snap["payload"]
    assert Q.review(monthly, YEAR, 2).confirmed is not None
    # The confirmed month never changes: facts dated in it are refused, the next month is open.
    with pytest.raises(RecordLocked) as locked:
        Q.add_claim(monthly, "王一", "2026-02-20", "thought", "-1", "补记", today=date(2026, 3, 11))
    assert "2026年2月内，该月已于" in locked.value.message
    Q.add_claim(monthly, "王一", "2026-03-05", "thought", "-1", "3月评议", today=date(2026, 3, 11))
    with pytest.raises(sqlite3.DatabaseError):
        monthly.execute("update snapshots set payload = '{}' where kind = 'month'")
    with pytest.raises(InputRefused, match="已经确认过了"):
        Q.confirm(monthly, YEAR, 2, today=date(2026, 3, 12))
    # The chain holds and names months.
    assert [link.label for link in Q.chain_links(monthly.conn)] == ["2026年1月", "2026年2月"]
    assert Q.check_chain(monthly.conn) is None


def test_the_triggers_name_the_confirmed_periods_kind(monthly: Book, tmp_path: Path) -> None:
    """The schema's backstop (the triggers under the book's own checks) says 月份 for a
    confirmed month, not 「已确认的季度」 (schema 16)."""
    Q.publish(monthly, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(monthly, YEAR, 1, today=date(2026, 2, 10))
    member = monthly.execute("select id from members where code = '001'").fetchone()[0]
    with pytest.raises(
        sqlite3.IntegrityError,
        match="^已确认的月份不能修改：这条记录所在的月份已经确认（claims）。$",
    ):
        monthly.execute(
            "insert into claims (member_id, date, item, points, created_at) "
            "values (?, '2026-01-20', 'thought', '-1', '2026-02-11')",
            [member],
        )
    with pytest.raises(sqlite3.IntegrityError, match="^已确认的月份不能修改：确认不可撤销。$"):
        monthly.execute("update periods set status = 'open' where kind = 'month' and quarter = 1")
    with pytest.raises(sqlite3.IntegrityError, match="^已确认月份的结果不能删除。$"):
        monthly.execute("delete from snapshots")
    with pytest.raises(sqlite3.IntegrityError, match="^该年度已有确认的月份，积分方案已冻结"):
        monthly.execute("update schemes set text = text || ' ' where year = 2026")
    # A half-year book says 半年, and its second half locks the year's 民主评议 as 下半年.
    with Book.create(tmp_path / "h.db", branch="机关支部", year=YEAR) as book:
        _members(book)
        set_year_scheme(book, YEAR, preset="jiguan-60-40")
        for half, day in ((1, date(2026, 7, 1)), (2, date(2027, 1, 4))):
            Q.publish(book, YEAR, half, today=day)
            Q.confirm(book, YEAR, half, today=day.replace(day=day.day + 8))
        member = book.execute("select id from members where code = '001'").fetchone()[0]
        with pytest.raises(
            sqlite3.IntegrityError, match="^已确认的半年不能修改：这条记录所在的半年"
        ):
            book.execute(
                "insert into vetoes (member_id, date, reason, created_at) "
                "values (?, '2026-03-01', 'x', '2027-01-20')",
                [member],
            )
        with pytest.raises(
            sqlite3.IntegrityError,
            match="^已确认的半年不能修改：该年度下半年已确认，民主评议结果已锁定（appraisals）。$",
        ):
            book.execute(
                "insert into appraisals (year, kind, member_id, grade, created_at) "
                "values (2026, '自评', ?, '优秀', '2027-01-20')",
                [member],
            )


def test_an_altered_month_is_named_by_verify(monthly: Book, tmp_path: Path) -> None:
    Q.publish(monthly, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(monthly, YEAR, 1, today=date(2026, 2, 10))
    path = monthly.path
    monthly.close()
    verify_file(path)  # raises when damaged
    conn = sqlite3.connect(path)
    conn.execute("drop trigger snapshots_no_update")
    conn.execute("update snapshots set payload = replace(payload, '张三', '张四')")
    conn.commit()
    conn.close()
    with pytest.raises(BookError, match="2026年1月"):
        verify_file(path)


def test_a_month_number_out_of_range_is_refused(monthly: Book) -> None:
    with pytest.raises(InputRefused, match="月份应为 1 到 12，不是 13"):
        Q.period_status(monthly, YEAR, 13)


def test_half_years(tmp_path: Path) -> None:
    with Book.create(tmp_path / "h.db", branch="机关支部", year=YEAR) as book:
        _members(book)
        set_year_scheme(book, YEAR, preset="jiguan-60-40")
        sts = Q.year_status(book, YEAR, today=date(2026, 7, 2))
        assert [st["label"] for st in sts] == ["2026年上半年", "2026年下半年"]
        with pytest.raises(InputRefused, match="2026年下半年还没有结束"):
            Q.publish(book, YEAR, 2, today=date(2026, 7, 2))
        # 「6月30日前核准上半年积分」: published after the half ends, confirmed after 5 days.
        Q.publish(book, YEAR, 1, today=date(2026, 7, 1))
        st = Q.confirm(book, YEAR, 1, today=date(2026, 7, 8))
        assert st["label"] == "2026年上半年" and st["state"] == "confirmed"
        with pytest.raises(RecordLocked, match="2026年上半年内，该半年已于"):
            Q.add_claim(
                book, "王一", "2026-06-30", "report", None, "思想汇报", today=date(2026, 7, 9)
            )
        assert Q.settled_quarters(book, YEAR) == [1]


def test_an_old_book_with_a_quarter_chain_migrates_and_verifies(tmp_path: Path) -> None:
    """A book made before review cycles (schema 12: the demo, Q1 and Q2 confirmed, Q3 in
    publicity) opens, keeps its chain and its locks, and reads as quarters."""
    path = tmp_path / "old.db"
    with gzip.open(DATA / "book-v12-quarters.db.gz") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    assert sqlite3.connect(path).execute("pragma user_version").fetchone()[0] == 12
    with Book.open(path) as book:
        links = Q.chain_links(book.conn)
        assert [link.label for link in links] == ["2026年第1季度", "2026年第2季度"]
        assert Q.check_chain(book.conn) is None
        kinds = book.execute("select distinct kind from periods").fetchall()
        assert kinds == [("quarter",)]
        assert Q.confirmed_quarters(book, 2026) == [1, 2]
        assert Q.period_status(book, 2026, 3, today=date(2026, 12, 5))["state"] == "publicity"
        with pytest.raises(RecordLocked, match="2026年第1季度内，该季度已于"):
            Q.check_unlocked(book, "2026-02-01")
        with pytest.raises(sqlite3.DatabaseError):  # the triggers came through the rebuild
            book.execute("update periods set status = 'open' where quarter = 1")
        # Upgraded (schema 16), its triggers name quarters, as before, by the period's kind.
        assert book.execute("pragma user_version").fetchone()[0] >= 16
        with pytest.raises(
            sqlite3.IntegrityError,
            match="^已确认的季度不能修改：这条记录所在的季度已经确认（activities）",
        ):
            book.execute("update activities set topic = topic where date < '2026-04-01'")
        with pytest.raises(sqlite3.IntegrityError, match="^已确认季度的结果不能修改。$"):
            book.execute("update snapshots set payload = payload")
        with pytest.raises(sqlite3.DatabaseError):
            book.execute(
                "insert into periods (year, kind, quarter, start, end) "
                "values (2026, 'quarter', 5, '2026-01-01', '2026-01-31')"
            )
    verify_file(path)


def _pdf_text(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if not exe:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run([exe, str(pdf), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


def test_the_monthly_paper_names_the_month(monthly: Book, tmp_path: Path) -> None:
    """The printed 公示表 and 审核表 of a month: 「2026年2月」, 本月合计, 较上月, and the
    sheet called 月度积分管理审核表; asked by --quarter, the sheet says to use --month."""
    from desktop.book.errors import MissingOption
    from desktop.book.printing import print_document

    Q.publish(monthly, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(monthly, YEAR, 1, today=date(2026, 2, 10))
    Q.publish(monthly, YEAR, 2, today=date(2026, 3, 2))
    notice = _pdf_text(print_document(monthly, "publicity", tmp_path / "p.pdf", year=YEAR, month=2))
    assert "测试支部2026年2月党员积分公示" in notice
    assert "现将2026年2月党员积分情况予以公示" in notice
    assert "本月合计" in notice and "截至本月" in notice and "本季度" not in notice
    assert "按1至2月的平均分计入" in notice
    Q.confirm(monthly, YEAR, 2, today=date(2026, 3, 10))
    sheet = _pdf_text(
        print_document(monthly, "quarter-review", tmp_path / "r.pdf", year=YEAR, month=2)
    )
    assert "月度积分管理审核表" in sheet and "2026年2月" in sheet
    assert "较上月" in sheet and "本月积分申报1条" in sheet
    assert "本月积分已于" in sheet and "季度" not in sheet
    with pytest.raises(MissingOption, match="按月评议和公示") as exc:
        print_document(monthly, "publicity", tmp_path / "x.pdf", year=YEAR, quarter=1)
    assert exc.value.lines() == ["请加上 --month（1 到 12）。"]


def test_the_half_year_sheet_names_the_half(tmp_path: Path) -> None:
    from desktop.book.printing import print_document

    with Book.create(tmp_path / "h.db", branch="机关支部", year=YEAR) as book:
        _members(book)
        set_year_scheme(book, YEAR, preset="jiguan-60-40")
        Q.publish(book, YEAR, 1, today=date(2026, 7, 1))
        sheet = _pdf_text(
            print_document(book, "quarter-review", tmp_path / "h.pdf", year=YEAR, half=1)
        )
        assert "半年积分管理审核表" in sheet and "2026年上半年" in sheet and "本半年合计" in sheet


def test_a_monthly_book_round_trips_through_the_workbook(monthly: Book, tmp_path: Path) -> None:
    """Export → import into an empty book: the confirmed months arrive as months, their
    chain continues and verifies, their facts are locked."""
    from desktop.book.interchange import export_workbook, import_workbook

    Q.publish(monthly, YEAR, 1, today=date(2026, 2, 2))
    Q.confirm(monthly, YEAR, 1, today=date(2026, 2, 10))
    Q.publish(monthly, YEAR, 2, today=date(2026, 3, 2))
    Q.raise_objection(
        monthly,
        YEAR,
        2,
        raised_by="张三",
        content="有异议",
        raised_on="2026-03-03",
        today=date(2026, 3, 3),
    )
    export_workbook(monthly, tmp_path / "m.xlsx")
    with Book.create(tmp_path / "empty.db", branch="测试支部", year=YEAR) as target:
        from desktop.book.interchange import read_for_import

        # The preview names the month (the 季度 column holds the month's number).
        plan = read_for_import(target, tmp_path / "m.xlsx", today=date(2026, 3, 5))
        assert [r["季度"] for r in plan.preview["异议"]] == ["2026年2月"]
        assert [r["季度"] for r in plan.preview["确认结果"]] == ["2026年1月"]
        import_workbook(target, tmp_path / "m.xlsx", today=date(2026, 3, 5))
        rows = target.execute("select kind, quarter, status from periods order by id").fetchall()
        assert rows == [("month", 1, "confirmed"), ("month", 2, "publicity")]
        assert [link.label for link in Q.chain_links(target.conn)] == ["2026年1月"]
        assert Q.check_chain(target.conn) is None
        assert Q.chain_head(target) == Q.chain_head(monthly)
        st = Q.period_status(target, YEAR, 2, today=date(2026, 3, 5))
        assert st["label"] == "2026年2月" and len(st["open_objections"]) == 1
        with pytest.raises(RecordLocked, match="2026年1月"):
            Q.check_unlocked(target, "2026-01-15")


def test_a_published_year_keeps_its_cycle(tmp_path: Path) -> None:
    with Book.create(tmp_path / "q.db", branch="测试支部", year=YEAR) as book:
        _members(book)
        set_year_scheme(book, YEAR, preset="jiedao-nongcun")
        Q.publish(book, YEAR, 1, today=date(2026, 4, 1))
        with pytest.raises(
            InputRefused, match="2026年第1季度已经公示，2026 年的评议周期不能再改为按月"
        ):
            set_year_scheme(book, YEAR, preset="lianghua-dingji")
        set_year_scheme(book, YEAR, preset="dangyuan-ejia")  # also quarterly: allowed
