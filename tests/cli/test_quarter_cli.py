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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "book"))

from poppler import HAVE_PDFTOTEXT, pdftotext  # noqa: E402
from quarter_testkit import make_branch_file  # noqa: E402


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
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
        r = run("--db", str(db), *args, home=home)
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout

    def refused(*args: str) -> str:
        before = sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0]
        r = run("--db", str(db), *args, home=home)
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
    out = run("verify", str(db), home=home)
    assert out.returncode == 0 and "校验链完好" in out.stdout and head in out.stdout
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
    out = run("verify", str(db), home=home)
    assert out.returncode == 1
    assert "2026年第2季度" in out.stderr and "被改动过" in out.stderr
    assert "第1季度" not in out.stderr
