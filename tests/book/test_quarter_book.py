"""The quarter in the book: claims flow, review, publicity, objections, confirmation, locking,
corrections and the hash chain."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from quarter_testkit import TODAY, YEAR, build_branch, journal_count

from desktop.book import quarter as Q
from desktop.book.approvals import record_claim_decision
from desktop.book.backup import backup_book, verify_file
from desktop.book.errors import AlteredBookError, InputRefused, RecordLocked
from desktop.book.meetings import Entry, Meetings
from desktop.book.scoring import score_book, set_year_scheme
from desktop.book.store import Book


@pytest.fixture
def branch(book: Book) -> dict[str, int]:
    return build_branch(book)


def _publish(book: Book, quarter: int, start: str, **kw) -> dict:
    """Published as of the day the notice is posted (a start before today needs a reason)."""
    return Q.publish(book, YEAR, quarter, start=start, today=date.fromisoformat(start), **kw)


def _confirm(book: Book, quarter: int, start: str) -> dict:
    _publish(book, quarter, start)
    return Q.confirm(book, YEAR, quarter, today=TODAY)


def test_claim_flow_review_approve_and_reject(book: Book, branch: dict[str, int]) -> None:
    cid = Q.add_claim(book, "王一", "2026-05-12", "key-work", "3", "组织村道清扫", today=TODAY)
    assert Q.claim(book, cid)["status"] == "申报"
    with pytest.raises(InputRefused, match="先|初评"):
        Q.approve_claim(book, cid, "支委会")  # 审定 needs 初评 first
    Q.review_claim(book, cid, "组长甲", "属实")
    Q.approve_claim(book, cid, "支委会")
    c = Q.claim(book, cid)
    assert (c["status"], c["reviewed_by"], c["approved_by"]) == ("审定", "组长甲", "支委会")
    assert c["reviewed_at"] and c["approved_at"]
    # jiedao: 「经党支部研究讨论认定，报党工委审定后确定加分分值」 — counted once the 党工委 approves.
    rv = Q.review(book, YEAR, 2, today=TODAY)
    row = next(r for r in rv.rows if r.name == "王一")
    assert row.sections["突出事迹"] == Decimal(0)
    from desktop.book.approvals import record_claim_decision

    record_claim_decision(book, cid, approved=True, by="街道党工委", today=TODAY)
    rv = Q.review(book, YEAR, 2, today=TODAY)
    row = next(r for r in rv.rows if r.name == "王一")
    assert row.sections["突出事迹"] == Decimal(3)
    other = Q.add_claim(book, "李二", "2026-05-13", "key-work", "2", "帮扶", today=TODAY)
    with pytest.raises(InputRefused, match="理由"):
        Q.reject_claim(book, other, "支委会", "")
    Q.reject_claim(book, other, "支委会", "无佐证材料")
    assert Q.claim(book, other)["reject_reason"] == "无佐证材料"


@pytest.mark.parametrize(
    ("item", "points", "message"),
    [
        ("key-work", "12", "0 至 10 分"),  # above the item's range
        ("honor-street", "5", "固定 8 分"),  # a fixed-value item
        ("life-absent", "-2", "自动计分"),  # attendance is not claimed
        ("no-such-item", "1", "没有"),
        ("key-work", "abc", "不是数字"),
    ],
)
def test_bad_claims_are_refused_and_nothing_written(
    book: Book, branch: dict[str, int], item: str, points: str, message: str
) -> None:
    before = journal_count(book)
    with pytest.raises(InputRefused, match=message):
        Q.add_claim(book, "王一", "2026-05-12", item, points, "事由", today=TODAY)
    assert journal_count(book) == before
    assert book.execute("select count(*) from claims").fetchone()[0] == 0


def test_caps_show_what_is_left_and_refuse_more(book: Book, branch: dict[str, int]) -> None:
    # 突出事迹 stops at 10 a year: 8 (街道表彰) leaves 2 for 重点工作.
    Q.add_claim(book, "王一", "2026-03-01", "honor-street", None, "街道表彰", today=TODAY)
    uses = Q.cap_uses(book, branch["王一"], "key-work", "2026-05-01")
    assert [(u.cap, u.used, u.left) for u in uses] == [(10, 8, 2)]
    with pytest.raises(InputRefused) as info:
        Q.add_claim(book, "王一", "2026-05-12", "key-work", "3", "清扫", today=TODAY)
    assert "还可计 2 分" in str(info.value) and "最多还能申报 2 分" in info.value.lines()[0]
    Q.add_claim(book, "王一", "2026-05-12", "key-work", "2", "清扫", today=TODAY)
    # An item's own cap per quarter: 学习贯彻 at most 5 deducted a quarter.
    Q.add_claim(book, "李二", "2026-04-02", "politics", "-4", "缺学习", today=TODAY)
    with pytest.raises(InputRefused, match="还可计 1 分"):
        Q.add_claim(book, "李二", "2026-05-02", "politics", "-2", "缺学习", today=TODAY)
    Q.add_claim(book, "李二", "2026-07-02", "politics", "-2", "缺学习", today=TODAY)  # next quarter


def test_review_rank_change_and_filters(book: Book, branch: dict[str, int]) -> None:
    cid = Q.add_claim(book, "李二", "2026-05-20", "key-work", "2", "帮扶", today=TODAY)
    rv = Q.review(book, YEAR, 2, today=TODAY)
    by = {r.name: r for r in rv.rows}
    assert by["张三"].total == Decimal(68) and by["张三"].unexcused == 1
    assert by["王一"].rank == 1 and by["李二"].rank == 1 and by["张三"].rank == 3
    assert by["张三"].change == Decimal(-2)  # Q1 was full marks
    assert [r.name for r in rv.filtered(unexcused=True)] == ["张三"]
    assert [r.name for r in rv.filtered(pending=True)] == ["李二"]
    assert rv.filtered(below_60=True) == []
    assert any("无故缺席" in ln.fact for ln in rv.lines(by["张三"].code))
    Q.review_claim(book, cid, "组长", "")
    assert Q.review(book, YEAR, 2, today=TODAY).filtered(pending=True)[0].name == "李二"


def test_publicity_period_counts_working_days_and_holidays(
    book: Book, branch: dict[str, int]
) -> None:
    with book.action("节假日"):
        book.db["holidays"].insert({"date": "2026-07-06", "name": "测试假日"})
    st = _publish(book, 2, "2026-07-03")  # a Friday
    # Fri 3, (weekend), Mon 6 holiday, Tue 7, Wed 8, Thu 9, Fri 10.
    assert (st["publicity_start"], st["publicity_end"]) == ("2026-07-03", "2026-07-10")
    assert st["state"] == "publicity" and len(st["notices"]) == 1


def test_confirm_refused_during_publicity_and_with_open_objection(
    book: Book, branch: dict[str, int]
) -> None:
    _confirm(book, 1, "2026-04-01")
    _publish(book, 2, "2026-07-01")
    before = journal_count(book)
    with pytest.raises(InputRefused) as info:
        Q.confirm(book, YEAR, 2, today=date(2026, 7, 3))
    assert "公示期满" in "\n".join(info.value.lines())
    oid = Q.raise_objection(
        book, YEAR, 2, raised_by="张三", member="003", content="5月10日我出席了", today=TODAY
    )
    with pytest.raises(InputRefused) as info:
        Q.confirm(book, YEAR, 2, today=TODAY)
    assert f"第 {oid} 号异议（张三）尚未答复" in "\n".join(info.value.lines())
    assert journal_count(book) == before + 1  # only the objection was written
    assert book.execute("select count(*) from snapshots").fetchone()[0] == 1


def test_confirm_in_order_and_pending_claims_block(book: Book, branch: dict[str, int]) -> None:
    _publish(book, 2, "2026-07-01")
    with pytest.raises(InputRefused) as info:
        Q.confirm(book, YEAR, 2, today=TODAY)
    assert "第1季度还没有确认" in "\n".join(info.value.lines())
    Q.add_claim(book, "王一", "2026-02-01", "key-work", "1", "扫雪", today=TODAY)
    _publish(book, 1, "2026-04-01")
    with pytest.raises(InputRefused) as info:
        Q.confirm(book, YEAR, 1, today=TODAY)
    assert "没有审定或驳回" in "\n".join(info.value.lines())


def test_objection_upheld_fact_corrected_notice_reissued_then_confirmed(
    book: Book, branch: dict[str, int]
) -> None:
    _confirm(book, 1, "2026-04-01")
    _publish(book, 2, "2026-07-01")
    oid = Q.raise_objection(
        book,
        YEAR,
        2,
        raised_by="张三",
        member="003",
        content="5月10日主题党日我出席了，被记成无故缺席",
        today=date(2026, 7, 2),
    )
    # The fact is corrected (the sign-in sheet shows 张三 signed) while Q2 is in publicity.
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=TODAY)
    st = Q.period_status(book, YEAR, 2, today=TODAY)
    assert st["results_changed"]
    st = Q.answer_objection(
        book,
        oid,
        finding="核对签到表，张三确已签到",
        changed=True,
        change_note="张三5月10日改为出席",
        told_on="2026-07-06",
        today=date(2026, 7, 6),
    )
    assert len(st["notices"]) == 2 and not st["results_changed"]
    assert st["notices"][-1]["reason"].startswith(f"根据第{oid}号异议更正")
    # The corrected notice runs a full period of its own from the day it is re-issued.
    assert (st["publicity_start"], st["publicity_end"]) == ("2026-07-06", "2026-07-10")
    with pytest.raises(InputRefused, match="不能确认") as info:
        Q.confirm(book, YEAR, 2, today=date(2026, 7, 10))
    assert "2026-07-06 至 2026-07-10" in "\n".join(info.value.lines())
    assert Q.period_status(book, YEAR, 2, today=TODAY)["blockers"] == []
    Q.confirm(book, YEAR, 2, today=TODAY)
    snap = json.loads(Q.snapshot(book, YEAR, 2)["payload"])
    assert {m["name"]: m["total"] for m in snap["members"]}["张三"] == "70.00"
    # Confirmed: the program refuses, and so do the triggers.
    mt = Meetings(book)
    with pytest.raises(RecordLocked, match="已确认"):
        mt.record_attendance(
            branch["activity"], {branch["张三"]: Entry("无故缺席")}, amend=True, today=TODAY
        )
    with pytest.raises(sqlite3.IntegrityError, match="已确认"):
        book.conn.execute("update attendance set status = '无故缺席'")
    book.conn.rollback()
    with pytest.raises(RecordLocked):
        Q.add_claim(book, "王一", "2026-05-01", "key-work", "1", "补报", today=TODAY)
    with pytest.raises((RecordLocked, InputRefused)):
        set_year_scheme(book, YEAR, preset="dangyuan-ejia")  # the scheme is frozen
    assert book.execute("select frozen_at from schemes where year = ?", [YEAR]).fetchone()[0]


def test_a_claim_in_a_confirmed_quarter_is_refused_with_a_way_out(
    book: Book, branch: dict[str, int]
) -> None:
    _confirm(book, 1, "2026-04-01")
    before = journal_count(book)
    with pytest.raises(RecordLocked) as info:
        Q.add_claim(book, "王一", "2026-02-10", "key-work", "2", "扫雪", today=TODAY)
    assert "2026年第1季度" in str(info.value) and "更正" in str(info.value)
    assert journal_count(book) == before
    # The way out: a correction dated in an open quarter, with its reason, scored there.
    Q.add_correction(
        book,
        "王一",
        "key-work",
        "2",
        "第1季度扫雪漏报，经支委会核实补记",
        refers_to="2026-02-10 扫雪",
        when="2026-08-01",
        today=TODAY,
    )
    q3 = Q.review(book, YEAR, 3, today=TODAY)
    row = next(r for r in q3.rows if r.name == "王一")
    assert row.sections["突出事迹"] == Decimal(2)
    assert any(ln.fact.startswith("更正（更正 2026-02-10 扫雪）") for ln in q3.lines(row.code))
    with pytest.raises(RecordLocked):
        Q.add_correction(book, "王一", "key-work", "2", "原因", when="2026-03-01", today=TODAY)


def test_snapshot_rows_cannot_change_and_verify_names_the_altered_quarter(
    book: Book, branch: dict[str, int], tmp_path: Path
) -> None:
    for q, start in ((1, "2026-04-01"), (2, "2026-07-01"), (3, "2026-10-08")):
        _confirm(book, q, start)
    with pytest.raises(sqlite3.IntegrityError, match="不能修改"):
        book.conn.execute("update snapshots set payload = 'x'")
    book.conn.rollback()  # sqlite3 opened a transaction for the refused statement
    report = verify_file(book.path)
    assert report["chain"]["confirmed"] == ["2026年第1季度", "2026年第2季度", "2026年第3季度"]
    assert report["chain"]["head"] == Q.chain_head(book)
    copy = backup_book(book, dest_dir=tmp_path)
    book.close()
    # Bypass the program: drop the trigger and change Q2's stored result.
    conn = sqlite3.connect(copy)
    conn.execute("drop trigger snapshots_no_update")
    payload = json.loads(
        conn.execute("select payload from snapshots where quarter = 2").fetchone()[0]
    )
    payload["members"][2]["total"] = "99.00"
    conn.execute(
        "update snapshots set payload = ? where quarter = 2",
        [json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))],
    )
    conn.commit()
    conn.close()
    with pytest.raises(AlteredBookError) as info:
        verify_file(copy)
    assert info.value.period == "2026年第2季度"
    assert "2026年第2季度" in str(info.value) and "第1季度" not in str(info.value)


def test_objections_only_during_publicity(book: Book, branch: dict[str, int]) -> None:
    with pytest.raises(InputRefused, match="还没有公示"):
        Q.raise_objection(book, YEAR, 2, raised_by="张三", content="有意见", today=TODAY)
    _confirm(book, 1, "2026-04-01")
    with pytest.raises(RecordLocked):
        Q.raise_objection(book, YEAR, 1, raised_by="张三", content="有意见", today=TODAY)
    with pytest.raises(RecordLocked):
        Q.publish(book, YEAR, 1, today=TODAY)


def test_reissue_needs_a_change(book: Book, branch: dict[str, int]) -> None:
    _publish(book, 2, "2026-07-01")
    with pytest.raises(InputRefused, match="没有变化"):
        Q.publish(book, YEAR, 2, today=TODAY)
    cid = Q.add_claim(book, "王一", "2026-05-12", "key-work", "3", "清扫", today=TODAY)
    Q.review_claim(book, cid, "组长")
    Q.approve_claim(book, cid, "支委会")
    st = Q.publish(book, YEAR, 2, reason="补记王一重点工作加分", today=TODAY)
    assert [n["reason"] for n in st["notices"]] == ["", "补记王一重点工作加分"]
    # A new full period from the re-issue day (Tuesday 24 November: five working days).
    assert (st["publicity_start"], st["publicity_end"]) == ("2026-11-24", "2026-11-30")
    assert [(n["start"], n["end"]) for n in st["notices"]][0] == ("2026-07-01", "2026-07-07")
    assert st["state_text"] == "公示中"
    with pytest.raises(InputRefused, match="不能确认"):
        Q.confirm(book, YEAR, 2, today=TODAY)


def test_confirmed_demo_has_three_quarters_and_one_in_publicity(confirmed_demo_book: Book) -> None:
    states = [
        st["state"] for st in Q.year_status(confirmed_demo_book, 2026, today=date(2027, 1, 20))
    ]
    assert states == ["confirmed"] * 3 + ["publicity"]
    q4 = Q.period_status(confirmed_demo_book, 2026, 4, today=date(2027, 1, 20))
    assert q4["publicity_start"] == "2027-01-03" and q4["open_objections"]
    assert Q.check_chain(confirmed_demo_book.conn) is None
    # Every demo claim in a confirmed quarter was decided before the confirmation.
    pending = Q.list_claims(confirmed_demo_book, 2026, status=Q.PENDING)
    assert all(c["date"] >= "2026-10-01" for c in pending)
    assert score_book(confirmed_demo_book, 2026).members


def test_workbook_import_into_a_confirmed_quarter_is_refused_whole(
    confirmed_demo_book: Book, tmp_path: Path
) -> None:
    """The interchange import (all or nothing) meets the locked quarters: refused, in Chinese,
    with nothing written; the same facts dated in the open quarter go in."""
    from sheet_helpers import header_row, make_xlsx

    from desktop.book.interchange import import_workbook

    book = confirmed_demo_book
    m = next(m for m in book.roster.members() if m["status"] == "正式党员" and not m["left_date"])

    def workbook(name: str, day: str) -> Path:
        return make_xlsx(
            tmp_path / name,
            {
                "积分申报": [
                    header_row("积分申报"),
                    [m["code"], day, "key-work", 2, "义务劳动", "审定"],
                ]
            },
        )

    before = journal_count(book)
    with pytest.raises((RecordLocked, InputRefused)) as info:
        import_workbook(book, workbook("locked.xlsx", "2026-05-01"))
    assert "确认" in str(info.value) + "".join(getattr(info.value, "lines", list)())
    assert journal_count(book) == before
    import_workbook(book, workbook("open.xlsx", "2026-10-15"))
    assert journal_count(book) == before + 1


def test_demo_of_the_running_year_never_publishes_the_running_quarter(tmp_path: Path) -> None:
    """On 30 November: Q1–Q2 confirmed, Q3 (the last ended quarter) in publicity, Q4 open,
    and nothing dated after today."""
    from desktop.book.demo import create_demo

    today = date(2026, 11, 30)
    with create_demo(tmp_path / "now.db", year=2026, today=today) as book:
        states = [st["state"] for st in Q.year_status(book, 2026, today=today)]
        assert states == ["confirmed", "confirmed", "publicity", "open"]
        q3 = Q.period_status(book, 2026, 3, today=today)
        assert q3["publicity_start"] == "2026-10-03" and q3["open_objections"]
        assert not q3["results_changed"]
        for table, column in (
            ("activities", "date"),
            ("dues_payments", "paid_date"),
            ("claims", "date"),
            ("member_events", "date"),
        ):
            latest = book.execute(f"select max({column}) from {table}").fetchone()[0]
            assert latest <= "2026-11-30", (table, latest)
        assert Q.check_chain(book.conn) is None


def test_demo_early_in_the_year_and_of_a_future_year(tmp_path: Path) -> None:
    from desktop.book.demo import create_demo

    # In February no quarter has ended: nothing is published, nothing locked.
    with create_demo(tmp_path / "feb.db", year=2026, today=date(2026, 2, 14)) as book:
        assert not book.query("select * from periods where status != 'open'")
        assert book.execute("select max(date) from activities").fetchone()[0] <= "2026-02-14"
    with pytest.raises(InputRefused, match="2027 年还没有到") as info:
        create_demo(tmp_path / "future.db", year=2027, today=date(2026, 11, 30))
    assert "--year 2026" in info.value.lines()[0]
    assert not (tmp_path / "future.db").exists()


# The quarter's timing and the confirmed snapshot as the truth: no publicity before a quarter
# ends; a confirmed quarter is shown as confirmed whatever changed since; facts edited behind the
# program's back name their quarter; a change during publicity names who moved.


def test_publicity_of_a_running_quarter_is_refused_with_the_first_day(
    book: Book, branch: dict[str, int]
) -> None:
    before = journal_count(book)
    with pytest.raises(InputRefused) as info:
        Q.publish(book, YEAR, 4, today=TODAY)  # 24 November: Q4 runs to 31 December
    assert "2026年第4季度还没有结束（到 2026-12-31 为止）" in str(info.value)
    assert "2027-01-01 起可以开始公示" in "\n".join(info.value.lines())
    # A start date inside the quarter is refused too, even once the quarter has ended.
    with pytest.raises(InputRefused) as info:
        Q.publish(book, YEAR, 3, start="2026-09-25", today=TODAY)
    assert "2026-10-01 或以后" in "\n".join(info.value.lines())
    assert journal_count(book) == before
    assert not book.query("select * from periods where status != 'open'")
    st = Q.period_status(book, YEAR, 4, today=TODAY)
    assert not st["ended"] and st["publishable_from"] == "2027-01-01"
    assert any("2027-01-01 起才能公示" in b for b in st["blockers"])
    with pytest.raises(InputRefused, match="不能确认"):
        Q.confirm(book, YEAR, 4, today=TODAY)
    # The day after the quarter's last day it can be published.
    st = Q.publish(book, YEAR, 1, start="2026-04-01", today=date(2026, 4, 1))
    assert st["state"] == "publicity"


def test_confirmation_of_a_quarter_published_while_it_ran_is_refused(
    book: Book, branch: dict[str, int]
) -> None:
    """A book from before this rule may hold a running quarter in publicity: it still cannot
    be confirmed before the quarter ends."""
    Q.publish(book, YEAR, 4, start="2027-01-04", today=date(2027, 1, 4))
    with pytest.raises(InputRefused) as info:
        Q.confirm(book, YEAR, 4, today=date(2026, 12, 20))
    assert any("2027-01-01 起才能公示" in line for line in info.value.lines())


def test_a_confirmed_quarter_shows_its_snapshot_after_a_roster_change(
    book: Book, branch: dict[str, int]
) -> None:
    _confirm(book, 1, "2026-04-01")
    _confirm(book, 2, "2026-07-01")
    confirmed = {r.name: r.total for r in Q.review(book, YEAR, 2, today=TODAY).rows}
    assert confirmed["张三"] == Decimal(68)
    # Later the roster changes: 张三 is made exempt (免考). A live recomputation drops him.
    book.roster.update_member(branch["张三"], {"exempt": True, "exempt_reason": "患病"})
    live = Q.review(book, YEAR, 2, today=TODAY, live=True)
    assert "张三" not in {r.name for r in live.rows}
    rv = Q.review(book, YEAR, 2, today=TODAY)
    assert {r.name: r.total for r in rv.rows} == confirmed
    assert rv.confirmed is not None
    assert rv.confirmed["hash"] == Q.snapshot(book, YEAR, 2)["hash"]
    assert rv.confirmed["chain_head"] == Q.chain_head(book)
    assert [d["name"] for d in rv.live_differs] == ["张三"]
    code = next(r.code for r in rv.rows if r.name == "张三")
    assert "与已确认的结果（68.00 分）不同" in rv.live_note(code)
    assert rv.live_note(next(r.code for r in rv.rows if r.name == "王一")) == ""
    # An open quarter stays live.
    assert Q.review(book, YEAR, 3, today=TODAY).confirmed is None


def _alter(copy: Path, sql: str, drop: str) -> None:
    conn = sqlite3.connect(copy)
    conn.execute(f"drop trigger {drop}")
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "trigger"),
    [
        (
            "update attendance set status = '出席' where status = '无故缺席'",
            "lock_attendance_update",
        ),
        ("delete from attendance where status = '无故缺席'", "lock_attendance_delete"),
        ("update claims set points = '9' where date = '2026-05-12'", "lock_claims_update"),
    ],
)
def test_verify_names_the_quarter_whose_locked_facts_were_edited(
    book: Book, branch: dict[str, int], tmp_path: Path, sql: str, trigger: str
) -> None:
    cid = Q.add_claim(book, "王一", "2026-05-12", "key-work", "3", "清扫", today=TODAY)
    Q.review_claim(book, cid, "组长")
    Q.approve_claim(book, cid, "支委会")
    # jiedao: key-work counts once the 党工委 approves (「报党工委审定后确定加分分值」).
    record_claim_decision(book, cid, approved=True, by="街道党工委", today=TODAY)
    for q, start in ((1, "2026-04-01"), (2, "2026-07-01"), (3, "2026-10-08")):
        _confirm(book, q, start)
    assert Q.snapshot(book, YEAR, 2)["facts_digest"]
    assert verify_file(book.path)["chain"]["confirmed"][-1] == "2026年第3季度"
    copy = backup_book(book, dest_dir=tmp_path)
    book.close()
    _alter(copy, sql, trigger)
    with pytest.raises(AlteredBookError) as info:
        verify_file(copy)
    assert info.value.period == "2026年第2季度"
    assert "2026年第2季度" in str(info.value) and "签到" in str(info.value)
    assert "第1季度" not in str(info.value) and "第3季度" not in str(info.value)


def test_old_snapshots_without_a_digest_still_verify(
    book: Book, branch: dict[str, int], tmp_path: Path
) -> None:
    """A snapshot made before facts were digested (hash over prev + payload only) holds."""
    from desktop.rules.quarter import GENESIS, link_hash

    _confirm(book, 1, "2026-04-01")
    copy = backup_book(book, dest_dir=tmp_path)
    conn = sqlite3.connect(copy)
    trigger = conn.execute(
        "select sql from sqlite_master where name = 'snapshots_no_update'"
    ).fetchone()[0]
    conn.execute("drop trigger snapshots_no_update")
    payload = conn.execute("select payload from snapshots").fetchone()[0]
    conn.execute(
        "update snapshots set facts_digest = null, hash = ?", [link_hash(GENESIS, payload)]
    )
    conn.execute(trigger)  # an old book has its protections (verify checks them)
    conn.commit()
    conn.close()
    assert verify_file(copy)["chain"]["confirmed"] == ["2026年第1季度"]


def test_a_fact_changed_during_publicity_is_reported_with_the_members(
    book: Book, branch: dict[str, int]
) -> None:
    Q.publish(book, YEAR, 2, start="2026-07-01", today=date(2026, 7, 1))
    st = Q.period_status(book, YEAR, 2, today=TODAY)
    assert not st["results_changed"] and st["warning"] == ""
    # The sign-in is amended during publicity: 张三 was there after all.
    Meetings(book).record_attendance(branch["activity"], {}, amend=True, today=TODAY)
    st = Q.period_status(book, YEAR, 2, today=TODAY)
    assert st["results_changed"]
    assert [(c["name"], c["published"], c["now"]) for c in st["changed_members"]] == [
        ("张三", "68.00", "70.00")
    ]
    assert "张三" in st["warning"] and "重新发布公示" in st["warning"]
    assert any("张三" in b for b in st["blockers"])
    # Re-issuing the notice clears it.
    st = Q.publish(book, YEAR, 2, reason="张三5月10日改为出席", today=TODAY)
    assert not st["results_changed"] and st["changed_members"] == []
    # And back: the warning names him again.
    Meetings(book).record_attendance(
        branch["activity"], {branch["张三"]: Entry("无故缺席")}, amend=True, today=TODAY
    )
    assert Q.period_status(book, YEAR, 2, today=TODAY)["changed_members"][0]["now"] == "68.00"


# The facts digest of a confirmed quarter: one text per value, and later tables included.


def test_points_typed_with_trailing_zeros_are_stored_plainly(book: Book, branch) -> None:
    cid = Q.add_claim(book, "王一", "2026-05-12", "key-work", "3.00", "清扫", today=TODAY)
    assert book.execute("select points from claims where id = ?", [cid]).fetchone()[0] == "3"


def test_the_digest_reads_points_as_values_not_text(book: Book, branch) -> None:
    cid = Q.add_claim(book, "王一", "2026-05-12", "key-work", "2.5", "清扫", today=TODAY)
    before = Q.facts_canonical(book.conn, YEAR, 2)
    book.execute("update claims set points = '2.50' where id = ?", [cid])
    assert Q.facts_canonical(book.conn, YEAR, 2) == before
    book.execute("update claims set points = '2.6' where id = ?", [cid])
    assert Q.facts_canonical(book.conn, YEAR, 2) != before


def test_withdrawals_and_veto_kinds_enter_the_digest_only_when_present(
    book: Book, branch, tmp_path: Path
) -> None:
    empty = Q.facts_canonical(book.conn, YEAR, 2)
    assert "withdrawals" not in empty  # quarters confirmed before m006 keep their digest
    member = book.execute("select id from members where name = '王一'").fetchone()[0]
    book.db["vetoes"].insert(
        {
            "id": 7,
            "member_id": member,
            "date": "2026-05-20",
            "reason": "违纪",
            "decided_by": "支委会",
            "created_at": "2026-05-20T10:00:00",
        }
    )
    plain = Q.facts_canonical(book.conn, YEAR, 2)
    book.execute("update vetoes set kind = '严重违纪' where id = 7")
    assert Q.facts_canonical(book.conn, YEAR, 2) != plain
    book.db["withdrawals"].insert(
        {
            "target": "vetoes",
            "target_id": 7,
            "date": "2026-05-25",
            "reason": "登记错了",
            "created_at": "2026-05-25T10:00:00",
        }
    )
    assert '"withdrawals"' in Q.facts_canonical(book.conn, YEAR, 2)


# Months and days typed by people in the quarter's dates: the refusal says which part of a claim
# date does not exist (2026-02-30, 2026-13-01). The rules' and the dues' cases are in
# tests/rules/test_dates.py and tests/book/test_dues_book.py.


def test_quarter_dates_say_which_part_is_wrong(demo_book: Book) -> None:
    with pytest.raises(InputRefused) as err:
        Q.add_claim(demo_book, "史秀", "2026-02-30", "x", today=date(2026, 3, 31))
    assert "申报日期“2026-02-30”不存在：2026年2月只有28天，没有30日" in str(err.value)
    with pytest.raises(InputRefused, match="没有13月"):
        Q.add_claim(demo_book, "史秀", "2026-13-01", "x", today=date(2026, 3, 31))
