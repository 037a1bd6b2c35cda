"""The quarter's timing and truth through `pioneer`: a running quarter cannot be published,
the demo of the running year is honest, a confirmed quarter scores as confirmed, `verify`
names the quarter whose facts were edited, and `period status` says when results moved
during publicity."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_testkit import run

TODAY = ["--today", "2026-11-30"]


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    path = str(tmp_path / "demo.db")
    code, out, err = run(capsys, "--db", path, "demo", "--year", "2026", *TODAY)
    assert code == 0, err
    # Q3 was posted on 3 October: its period is over, waiting for the committee.
    assert "第1季度已确认、第2季度已确认、第3季度公示期满，待确认、第4季度未公示" in out
    return path


def _journal(db: str) -> int:
    return sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0]


def test_the_running_quarter_cannot_be_published_or_confirmed(db: str, capsys) -> None:
    before = _journal(db)
    code, _, err = run(
        capsys, "--db", db, "period", "publish", "--year", "2026", "--quarter", "4", *TODAY
    )
    assert code == 1
    assert "2026年第4季度还没有结束" in err and "2027-01-01 起可以开始公示" in err
    code, _, err = run(
        capsys,
        "--db",
        db,
        "period",
        "publish",
        "--year",
        "2026",
        "--quarter",
        "4",
        "--start",
        "2026-12-15",
        *TODAY,
    )
    assert code == 1 and "2027-01-01 起可以开始公示" in err
    code, _, err = run(
        capsys, "--db", db, "period", "confirm", "--year", "2026", "--quarter", "4", *TODAY
    )
    assert code == 1 and "2027-01-01 起才能公示" in err
    assert _journal(db) == before
    code, out, _ = run(capsys, "--db", db, "period", "status", "--year", "2026", "--json", *TODAY)
    periods = json.loads(out)["periods"]
    assert [p["state"] for p in periods] == ["confirmed", "confirmed", "publicity", "open"]
    assert periods[3]["publishable_from"] == "2027-01-01" and not periods[3]["ended"]


def test_demo_of_a_future_year_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "future.db"
    code, _, err = run(capsys, "--db", str(path), "demo", "--year", "2027", *TODAY)
    assert code == 1 and "2027 年还没有到" in err and "--year 2026" in err
    assert not path.exists()


def test_a_confirmed_quarter_scores_as_confirmed_after_a_roster_change(db: str, capsys) -> None:
    from desktop.book.store import Book

    args = ("--db", db, "score", "--year", "2026", "--quarter", "2", "--json")
    code, out, _ = run(capsys, *args)
    before = json.loads(out)
    assert before["confirmed"] is True and len(before["hash"]) == 64
    assert before["chain_head"] and before["state_text"] == "已确认"
    someone = next(m for m in before["members"] if m["scored"])
    # The roster changes later: that member is exempted (免考, not scored any more).
    with Book.open(Path(db)) as book:
        book.roster.update_member(
            book.roster.find(someone["code"])["id"], {"exempt": True, "exempt_reason": "患病"}
        )
    code, out, _ = run(capsys, *args)
    after = json.loads(out)
    assert after["members"] == before["members"]
    # The open quarter stays live, and says so.
    code, out, _ = run(capsys, "--db", db, "score", "--year", "2026", "--quarter", "4", "--json")
    assert json.loads(out)["confirmed"] is False
    # The text output and `review` say it is the confirmed result, with the chain head.
    code, out, _ = run(capsys, "--db", db, "score", "--year", "2026", "--quarter", "2")
    assert out.splitlines()[0].startswith("2026年第2季度 已确认") and before["chain_head"] in out
    code, out, _ = run(capsys, "--db", db, "review", "--year", "2026", "--quarter", "2", "--json")
    review = json.loads(out)
    assert review["confirmed"]["hash"] == before["hash"]
    assert someone["code"] in [d["code"] for d in review["live_differs"]]
    assert someone["code"] in [m["code"] for m in review["members"]]
    # The explanation is recomputed: it says that it now disagrees with the confirmed result.
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "explain",
        "--member",
        someone["code"],
        "--year",
        "2026",
        "--quarter",
        "2",
    )
    assert code == 0 and f"与已确认的结果（{someone['total']} 分）不同" in out.splitlines()[0]
    other = next(m for m in before["members"] if m["scored"] and m["code"] != someone["code"])
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "explain",
        "--member",
        other["code"],
        "--year",
        "2026",
        "--quarter",
        "2",
    )
    assert "与已确认的结果一致" in out.splitlines()[0]


def test_verify_names_the_quarter_whose_attendance_was_edited(db: str, capsys) -> None:
    code, out, _ = run(capsys, "verify", db)
    assert code == 0
    conn = sqlite3.connect(db)
    conn.execute("drop trigger lock_attendance_update")
    row = conn.execute(
        """select t.id from attendance t join activities a on a.id = t.activity_id
           where a.date between '2026-04-01' and '2026-06-30' and t.status = '无故缺席'
           order by t.id limit 1"""
    ).fetchone()
    conn.execute("update attendance set status = '出席' where id = ?", row)
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "verify", db)
    assert code == 1
    assert "2026年第2季度" in err and "签到" in err
    assert "第1季度" not in err and "第3季度" not in err


def test_period_status_says_which_members_moved_during_publicity(db: str, capsys) -> None:
    from datetime import date

    from desktop.book.meetings import Entry, Meetings
    from desktop.book.store import Book

    with Book.open(Path(db)) as book:
        act = book.query(
            "select id from activities where type = '主题党日' and date like '2026-08-%'"
        )[0]["id"]
        member = book.query(
            "select m.id, m.name from attendance t join members m on m.id = t.member_id "
            "where t.activity_id = ? and t.status = '出席' order by m.id limit 1",
            [act],
        )[0]
        # An amended sign-in lists every exception: keep the others as they were.
        entries = {
            r["member_id"]: Entry(r["status"])
            for r in book.query(
                "select member_id, status from attendance where activity_id = ? "
                "and status != '出席'",
                [act],
            )
        }
        entries[member["id"]] = Entry("无故缺席")
        Meetings(book).record_attendance(act, entries, amend=True, today=date(2026, 11, 30))
    code, out, _ = run(
        capsys, "--db", db, "period", "status", "--year", "2026", "--quarter", "3", *TODAY
    )
    assert code == 0
    assert "积分结果与公示表不同" in out and "重新发布公示" in out
    assert f"{member['name']}：公示" in out
    code, out, _ = run(
        capsys, "--db", db, "period", "status", "--year", "2026", "--quarter", "3", "--json", *TODAY
    )
    st = json.loads(out)["periods"][0]
    assert st["results_changed"] and [c["name"] for c in st["changed_members"]] == [member["name"]]
