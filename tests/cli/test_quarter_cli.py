"""The quarter end to end through the command line: claims → review → publicity → objection
upheld → fact corrected → notice re-issued → confirm → an attempted edit refused; then a
snapshot altered behind the program's back and `pioneer verify` naming that quarter."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "book"))

from cli_testkit import run  # noqa: E402
from poppler import HAVE_PDFTOTEXT, pdftotext  # noqa: E402
from quarter_testkit import make_branch_file  # noqa: E402


def run_process(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PIONEER_HOME=str(home), PYTHONPATH=str(ROOT))
    env.pop("PIONEER_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_quarter_end_to_end(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = make_branch_file(tmp_path / "b.db")

    def ok(*args: str) -> str:
        r = run_process("--db", str(db), *args, home=home)
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout

    def refused(*args: str) -> str:
        before = sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0]
        r = run_process("--db", str(db), *args, home=home)
        assert r.returncode == 1, r.stdout + r.stderr
        after = sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0]
        assert after == before  # nothing written
        return r.stderr

    y = ("--year", "2026")
    # Claims: one above the item's range is refused; one goes 申报 → 初评 → 审定.
    err = refused(
        "claim",
        "add",
        "--member",
        "王一",
        "--date",
        "2026-05-12",
        "--item",
        "key-work",
        "--points",
        "12",
        "--reason",
        "清扫",
    )
    assert "0 至 10 分" in err
    assert "第 1 号" in ok(
        "claim",
        "add",
        "--member",
        "王一",
        "--date",
        "2026-05-12",
        "--item",
        "key-work",
        "--points",
        "3",
        "--reason",
        "组织村道清扫",
        "--evidence",
        "照片3张",
    )
    ok("claim", "review", "1", "--by", "一组组长")
    ok("claim", "approve", "1", "--by", "支委会")
    claims = json.loads(ok("claim", "list", *y, "--json"))
    assert claims[0]["status"] == "审定" and claims[0]["approved_by"] == "支委会"

    # The review: 张三's absence shows; 王一's key-work claim waits for the 党工委
    # (「经党支部研究讨论认定，报党工委审定后确定加分分值」), then counts once approved.
    review = json.loads(ok("review", *y, "--quarter", "2", "--json"))
    by = {m["name"]: m for m in review["members"]}
    assert by["张三"]["total"] == "68.00" and by["张三"]["unexcused"] == 1
    assert by["王一"]["sections"]["突出事迹"] == "0.00"
    ok("approval", "record", "--claim", "1", "--approve", "--by", "街道党工委")
    review = json.loads(ok("review", *y, "--quarter", "2", "--json"))
    by = {m["name"]: m for m in review["members"]}
    assert by["王一"]["sections"]["突出事迹"] == "3.00"
    assert [
        m["name"]
        for m in json.loads(ok("review", *y, "--quarter", "2", "--unexcused", "--json"))["members"]
    ] == ["张三"]

    # Q1 first (quarters are confirmed in order), then Q2's publicity.
    # Each notice is entered the day it is posted (the hidden --today stands for that day).
    ok("period", "publish", *y, "--quarter", "1", "--start", "2026-04-01", "--today", "2026-04-01")
    ok("period", "confirm", *y, "--quarter", "1")
    out = ok(
        "period", "publish", *y, "--quarter", "2", "--start", "2026-07-01", "--today", "2026-07-01"
    )
    assert "2026-07-01 至 2026-07-07" in out
    ok("print", "publicity", *y, "--quarter", "2", "--out", str(tmp_path / "notice1.pdf"))

    # An objection: 张三 says he attended on 10 May. Confirming is refused while it is open.
    ok(
        "objection",
        "add",
        *y,
        "--quarter",
        "2",
        "--by",
        "张三",
        "--member",
        "003",
        "--content",
        "5月10日主题党日我出席了，被记成无故缺席",
        "--date",
        "2026-07-02",
    )
    err = refused("period", "confirm", *y, "--quarter", "2")
    assert "第 1 号异议（张三）尚未答复" in err

    # Upheld: the fact is corrected (a dated correction in the still-open quarter), then the
    # answer re-issues the notice saying why.
    ok(
        "correction",
        "add",
        "--member",
        "003",
        "--item",
        "life-absent",
        "--points",
        "2",
        "--date",
        "2026-06-30",
        "--reason",
        "经核对签到表，张三5月10日已签到",
        "--refers-to",
        "2026-05-10 主题党日 无故缺席",
    )
    out = ok(
        "objection",
        "answer",
        "1",
        "--finding",
        "核对签到表属实",
        "--changed",
        "--change-note",
        "张三5月10日改为出席",
        "--told-on",
        "2026-07-06",
    )
    assert "重新发布" in out
    status = json.loads(ok("period", "status", *y, "--quarter", "2", "--json"))
    q2 = status["periods"][0]
    assert len(q2["notices"]) == 2 and "根据第1号异议更正" in q2["notices"][1]["reason"]
    # The corrected notice runs a full period from today (the answer's day): not confirmable yet.
    reissued = q2["notices"][1]
    assert reissued["start"] == reissued["issued_at"][:10] == q2["publicity_start"]
    assert q2["blockers"] and "公示期满" in q2["blockers"][0]
    err = refused("period", "confirm", *y, "--quarter", "2")
    assert f"公示期为 {q2['publicity_start']} 至 {q2['publicity_end']}" in err
    ok("print", "publicity", *y, "--quarter", "2", "--out", str(tmp_path / "notice2.pdf"))
    after = date.fromisoformat(q2["publicity_end"]) + timedelta(days=1)

    out = ok("period", "confirm", *y, "--quarter", "2", "--today", after.isoformat())
    assert "已确认" in out
    status = json.loads(ok("period", "status", *y, "--json"))
    assert [p["state"] for p in status["periods"][:2]] == ["confirmed", "confirmed"]
    head = status["chain_head"]
    assert head == status["periods"][1]["hash"]
    # The short 核验码 the paper prints is said beside the long 校验值 (review 7: a secretary
    # comparing the screen with the sheet saw two different strings).
    assert f"（核验码 {head[:4]} {head[4:8]} {head[8:12]}，与公示表、审核表上印的相同）" in out
    assert f"（核验码 {head[:4]} {head[4:8]} {head[8:12]}，" in ok("period", "status", *y)

    # Confirmed means final: a claim or correction dated in Q2 is refused.
    err = refused(
        "claim",
        "add",
        "--member",
        "李二",
        "--date",
        "2026-05-20",
        "--item",
        "key-work",
        "--points",
        "1",
        "--reason",
        "补报",
    )
    assert "2026年第2季度" in err and "确认" in err
    refused(
        "correction",
        "add",
        "--member",
        "003",
        "--item",
        "life-absent",
        "--points",
        "-2",
        "--date",
        "2026-05-11",
        "--reason",
        "改回",
    )
    refused("period", "publish", *y, "--quarter", "2")

    # The printed confirmed sheet carries the chain head.
    ok("print", "quarter-review", *y, "--quarter", "2", "--out", str(tmp_path / "q2.pdf"))
    ok("print", "quarter-review", *y, "--quarter", "2", "--out", str(tmp_path / "q2.xlsx"))
    ok("print", "member-register", "--member", "张三", *y, "--out", str(tmp_path / "m.pdf"))
    ok("print", "bonus-details", *y, "--out", str(tmp_path / "bonus.pdf"))
    if HAVE_PDFTOTEXT:  # (no poppler on Windows: the rest of the run is still checked)
        text = pdftotext(tmp_path / "q2.pdf")
        # As a short grouped check code the township desk can check: 「核验码：8120 76b3 788b」.
        assert f"核验码：{head[:4]} {head[4:8]} {head[8:12]}" in text and "张三" in text
        notice2 = pdftotext(tmp_path / "notice2.pdf")
        assert "重新公示" in notice2 and "根据第1号异议更正" in notice2

    # verify: the chain holds; then Q2's stored result is altered with plain sqlite3.
    out = run_process("verify", str(db), home=home)
    assert out.returncode == 0 and "校验链完好" in out.stdout and head in out.stdout
    assert f"（2026年第2季度的核验码 {head[:4]} {head[4:8]} {head[8:12]}）" in out.stdout
    conn = sqlite3.connect(db)
    conn.execute("drop trigger snapshots_no_update")
    conn.execute(
        "update snapshots set payload = replace(payload, '68.00', '98.00') where quarter = 2"
    )
    conn.execute(
        "update snapshots set payload = replace(payload, '70.00', '71.00') where quarter = 2"
    )
    conn.commit()
    conn.close()
    out = run_process("verify", str(db), home=home)
    assert out.returncode == 1
    assert "2026年第2季度" in out.stderr and "被改动过" in out.stderr
    assert "第1季度" not in out.stderr


# The quarter's timing and truth through `pioneer`: a running quarter cannot be published, the
# demo of the running year is honest, a confirmed quarter scores as confirmed, `verify` names the
# quarter whose facts were edited, and `period status` says when results moved during publicity.


TODAY = ["--today", "2026-11-30"]


@pytest.fixture
def demo_db(tmp_path: Path, capsys) -> str:
    path = str(tmp_path / "demo.db")
    code, out, err = run(capsys, "--db", path, "demo", "--year", "2026", *TODAY)
    assert code == 0, err
    # Q3 was posted on 3 October: its period is over, waiting for the committee.
    assert "第1季度已确认、第2季度已确认、第3季度公示期满，待确认、第4季度未公示" in out
    return path


def _journal(db: str) -> int:
    return sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0]


def test_the_running_quarter_cannot_be_published_or_confirmed(demo_db: str, capsys) -> None:
    before = _journal(demo_db)
    code, _, err = run(
        capsys, "--db", demo_db, "period", "publish", "--year", "2026", "--quarter", "4", *TODAY
    )
    assert code == 1
    assert "2026年第4季度还没有结束" in err and "2027-01-01 起可以开始公示" in err
    code, _, err = run(
        capsys,
        "--db",
        demo_db,
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
        capsys, "--db", demo_db, "period", "confirm", "--year", "2026", "--quarter", "4", *TODAY
    )
    assert code == 1 and "2027-01-01 起才能公示" in err
    assert _journal(demo_db) == before
    code, out, _ = run(
        capsys, "--db", demo_db, "period", "status", "--year", "2026", "--json", *TODAY
    )
    periods = json.loads(out)["periods"]
    assert [p["state"] for p in periods] == ["confirmed", "confirmed", "publicity", "open"]
    assert periods[3]["publishable_from"] == "2027-01-01" and not periods[3]["ended"]


def test_demo_of_a_future_year_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "future.db"
    code, _, err = run(capsys, "--db", str(path), "demo", "--year", "2027", *TODAY)
    assert code == 1 and "2027 年还没有到" in err and "--year 2026" in err
    assert not path.exists()


def test_a_confirmed_quarter_scores_as_confirmed_after_a_roster_change(
    demo_db: str, capsys
) -> None:
    from desktop.book.store import Book

    args = ("--db", demo_db, "score", "--year", "2026", "--quarter", "2", "--json")
    code, out, _ = run(capsys, *args)
    before = json.loads(out)
    assert before["confirmed"] is True and len(before["hash"]) == 64
    assert before["chain_head"] and before["state_text"] == "已确认"
    someone = next(m for m in before["members"] if m["scored"])
    # The roster changes later: that member is exempted (免考, not scored any more).
    with Book.open(Path(demo_db)) as book:
        book.roster.update_member(
            book.roster.find(someone["code"])["id"], {"exempt": True, "exempt_reason": "患病"}
        )
    code, out, _ = run(capsys, *args)
    after = json.loads(out)
    assert after["members"] == before["members"]
    # The open quarter stays live, and says so.
    code, out, _ = run(
        capsys, "--db", demo_db, "score", "--year", "2026", "--quarter", "4", "--json"
    )
    assert json.loads(out)["confirmed"] is False
    # The text output and `review` say it is the confirmed result, with the chain head.
    code, out, _ = run(capsys, "--db", demo_db, "score", "--year", "2026", "--quarter", "2")
    assert out.splitlines()[0].startswith("2026年第2季度 已确认") and before["chain_head"] in out
    code, out, _ = run(
        capsys, "--db", demo_db, "review", "--year", "2026", "--quarter", "2", "--json"
    )
    review = json.loads(out)
    assert review["confirmed"]["hash"] == before["hash"]
    assert someone["code"] in [d["code"] for d in review["live_differs"]]
    assert someone["code"] in [m["code"] for m in review["members"]]
    # The explanation is recomputed: it says that it now disagrees with the confirmed result.
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
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
        demo_db,
        "explain",
        "--member",
        other["code"],
        "--year",
        "2026",
        "--quarter",
        "2",
    )
    assert "与已确认的结果一致" in out.splitlines()[0]


def test_verify_names_the_quarter_whose_attendance_was_edited(demo_db: str, capsys) -> None:
    code, out, _ = run(capsys, "verify", demo_db)
    assert code == 0
    conn = sqlite3.connect(demo_db)
    conn.execute("drop trigger lock_attendance_update")
    row = conn.execute(
        """select t.id from attendance t join activities a on a.id = t.activity_id
           where a.date between '2026-04-01' and '2026-06-30' and t.status = '无故缺席'
           order by t.id limit 1"""
    ).fetchone()
    conn.execute("update attendance set status = '出席' where id = ?", row)
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "verify", demo_db)
    assert code == 1
    assert "2026年第2季度" in err and "签到" in err
    assert "第1季度" not in err and "第3季度" not in err


def test_period_status_says_which_members_moved_during_publicity(demo_db: str, capsys) -> None:
    from datetime import date

    from desktop.book.meetings import Entry, Meetings
    from desktop.book.store import Book

    with Book.open(Path(demo_db)) as book:
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
        capsys, "--db", demo_db, "period", "status", "--year", "2026", "--quarter", "3", *TODAY
    )
    assert code == 0
    assert "积分结果与公示表不同" in out and "重新发布公示" in out
    assert f"{member['name']}：公示" in out
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
        "period",
        "status",
        "--year",
        "2026",
        "--quarter",
        "3",
        "--json",
        *TODAY,
    )
    st = json.loads(out)["periods"][0]
    assert st["results_changed"] and [c["name"] for c in st["changed_members"]] == [member["name"]]


# `pioneer period publish` cannot backdate a notice (except a late entry of at most 14 days with
# `--late-reason`), and `period status` says when a period is over and what to do next.


Y = ["--year", "2026"]


@pytest.fixture
def branch_db(tmp_path: Path) -> str:
    return str(make_branch_file(tmp_path / "b.db"))


def test_the_reviews_backdated_publish_is_refused(branch_db: str, capsys) -> None:
    before = _journal(branch_db)
    # The review's case: a notice "from 1 April" entered on 30 November.
    code, _, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-04-01", "--today", "2026-11-30",
    )  # fmt: skip
    assert code == 1
    assert "早于今天（2026-11-30）14 天以上" in err and "最早可填 2026-11-16" in err
    assert "公示开始日期填 2026-11-30" in err
    # Within 14 days but without a reason: the message says what to write, and how here.
    code, _, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-11-25", "--today", "2026-11-30",
    )  # fmt: skip
    assert code == 1 and "请写明补登原因" in err and "--late-reason" in err
    assert _journal(branch_db) == before
    code, out, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-11-25", "--late-reason", "公示表已于11月25日张贴，今日补登",
        "--today", "2026-11-30",
    )  # fmt: skip
    assert code == 0, err
    assert "2026-11-25 至 2026-12-01" in out
    # Confirming in the same minute is refused: the period runs to 1 December.
    code, _, err = run(
        capsys,
        "--db",
        branch_db,
        "period",
        "confirm",
        *Y,
        "--quarter",
        "1",
        "--today",
        "2026-11-30",
    )
    assert code == 1 and "公示期为 2026-11-25 至 2026-12-01" in err
    code, out, _ = run(
        capsys, "--db", branch_db, "period", "status", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert "公示中" in out and "补登：公示表已于11月25日张贴，今日补登" in out


def test_status_after_the_period_says_it_waits_for_confirmation(branch_db: str, capsys) -> None:
    code, _, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-04-01", "--today", "2026-04-01",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(
        capsys, "--db", branch_db, "period", "status", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert "2026年第1季度：公示期满，待确认" in out
    assert "公示期已于 2026-04-07 期满" in out and "确认本季度" in out
    code, out, _ = run(
        capsys, "--db", branch_db, "period", "status", *Y, "--quarter", "1", "--json",
        "--today", "2026-11-30",
    )  # fmt: skip
    (q1,) = json.loads(out)["periods"]
    assert (q1["state"], q1["state_text"], q1["publicity_over"]) == (
        "publicity",
        "公示期满，待确认",
        True,
    )
    assert q1["next_step"] and q1["notices"][0]["late_reason"] == ""
    code, out, _ = run(
        capsys,
        "--db",
        branch_db,
        "period",
        "confirm",
        *Y,
        "--quarter",
        "1",
        "--today",
        "2026-11-30",
    )
    assert code == 0 and "已确认" in out


def test_an_objection_before_the_start_is_refused_a_late_one_marked(branch_db: str, capsys) -> None:
    run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-04-01", "--today", "2026-04-01",
    )  # fmt: skip
    add = ["objection", "add", *Y, "--quarter", "1", "--by", "李二", "--content", "有意见"]
    code, _, err = run(capsys, "--db", branch_db, *add, "--date", "2026-03-31")
    assert code == 1 and "早于2026年第1季度的公示开始日期 2026-04-01" in err
    code, out, err = run(capsys, "--db", branch_db, *add, "--date", "2026-05-06")
    assert code == 0, err
    assert "公示期（到 2026-04-07）满后提出" in out
    code, out, _ = run(
        capsys, "--db", branch_db, "objection", "list", *Y, "--quarter", "1", "--json"
    )
    assert json.loads(out)[0]["after_publicity"] is True
    code, out, _ = run(
        capsys, "--db", branch_db, "period", "status", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert "2026-05-06，公示期满后提出" in out


def test_a_start_entered_by_mistake_is_corrected_from_the_command_line(
    branch_db: str, capsys
) -> None:
    # The review's case: 开始公示 run on 5 December for a notice posted long before.
    today = ("--today", "2026-12-05")
    code, _, err = run(capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1", *today)
    assert code == 0, err
    code, _, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-04-03", "--late-reason", "4月3日张贴", *today,
    )  # fmt: skip
    assert code == 1 and "早于上一次公示的开始日期 2026-12-05" in err
    assert "--start 2026-04-03 --correct-start --reason" in err
    before = _journal(branch_db)
    # Without the day, or without the reason: refused, nothing written.
    code, _, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1", "--correct-start",
        *today,
    )  # fmt: skip
    assert code == 1 and "实际张贴的日期" in err
    code, _, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1", "--correct-start",
        "--start", "2026-04-03", *today,
    )  # fmt: skip
    assert code == 1 and "请写明更正开始日期的原因" in err
    assert _journal(branch_db) == before
    code, out, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1", "--correct-start",
        "--start", "2026-04-03", "--reason", "公示表已于4月3日张贴，登记时误填为今天", *today,
    )  # fmt: skip
    assert code == 0, err
    assert "公示开始日期已由 2026-12-05 更正为 2026-04-03" in out
    code, out, _ = run(capsys, "--db", branch_db, "period", "status", *Y, "--quarter", "1", *today)
    assert "公示 2026-04-03 至 2026-04-09" in out and "更正开始日期 " in out
    assert "重新公示" not in out
    code, out, err = run(
        capsys, "--db", branch_db, "period", "confirm", *Y, "--quarter", "1", *today
    )
    assert code == 0 and "已确认" in out, err
    # Confirmed: the start stays.
    code, _, err = run(
        capsys, "--db", branch_db, "period", "publish", *Y, "--quarter", "1", "--correct-start",
        "--start", "2026-04-04", "--reason", "再改", *today,
    )  # fmt: skip
    assert code == 1 and "已确认，公示开始日期不能再更正" in err


def test_claim_steps_entered_late_keep_the_day_they_were_taken(branch_db: str, capsys) -> None:
    """A branch entering its paper records in December: the group leader's 初评 and the
    committee's 审定 took place in August and September, before the notice. `--date` records
    those days (the 附加积分明细表 the township signs shows them), never a day to come, before
    the claim or 审定 before 初评."""
    from desktop.book.claims import claim
    from desktop.book.store import Book

    code, out, err = run(
        capsys, "--db", branch_db, "claim", "add", "--member", "王一", "--date", "2026-08-20",
        "--item", "serve", "--points", "-1", "--reason", "未按要求联系群众",
    )  # fmt: skip
    assert code == 0, err
    cid = out.split("第 ")[1].split(" 号")[0]
    code, _out, err = run(capsys, "--db", branch_db, "claim", "review", cid, "--by", "组长",
                          "--date", "2026-08-19")  # fmt: skip
    assert code == 1 and "早于申报的日期 2026-08-20" in err
    code, _out, err = run(capsys, "--db", branch_db, "claim", "review", cid, "--by", "组长",
                          "--date", "2099-01-01")  # fmt: skip
    assert code == 1 and "还没有到" in err
    code, _out, err = run(capsys, "--db", branch_db, "claim", "review", cid, "--by", "组长",
                          "--date", "2026-08-25")  # fmt: skip
    assert code == 0, err
    code, _out, err = run(capsys, "--db", branch_db, "claim", "approve", cid, "--by", "支委会",
                          "--date", "2026-08-24")  # fmt: skip
    assert code == 1 and "早于初评的日期 2026-08-25" in err
    code, _out, err = run(capsys, "--db", branch_db, "claim", "approve", cid, "--by", "支委会",
                          "--date", "2026-09-10")  # fmt: skip
    assert code == 0, err
    with Book.open(Path(branch_db)) as book:
        c = claim(book, int(cid))
    assert (c["reviewed_at"][:10], c["approved_at"][:10]) == ("2026-08-25", "2026-09-10")
