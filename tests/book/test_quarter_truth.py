"""The quarter's timing and the confirmed snapshot as the truth: no publicity before a quarter
ends; a confirmed quarter is shown as confirmed whatever changed since; facts edited behind the
program's back name their quarter; a change during publicity names who moved."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from quarter_testkit import TODAY, YEAR, build_branch, journal_count

from desktop.book import quarter as Q
from desktop.book.approvals import record_claim_decision
from desktop.book.backup import backup_book, verify_file
from desktop.book.errors import AlteredBookError, InputRefused
from desktop.book.meetings import Entry, Meetings
from desktop.book.store import Book


@pytest.fixture
def branch(book: Book) -> dict[str, int]:
    return build_branch(book)


def _confirm(book: Book, quarter: int, start: str) -> dict:
    # Published the day the notice is posted, confirmed once its period has run.
    Q.publish(book, YEAR, quarter, start=start, today=date.fromisoformat(start))
    return Q.confirm(book, YEAR, quarter, today=TODAY)


# ---------------------------------------------------------------- 1. not before the end


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


# ---------------------------------------------------------------- 3. the snapshot is the truth


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


# ---------------------------------------------------------------- 4. verify checks the facts


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


# ---------------------------------------------------------------- 5. changes during publicity


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
