"""`pioneer period publish` cannot backdate a notice (except a late entry of at most 14 days
with `--late-reason`), and `period status` says when a period is over and what to do next."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from cli_testkit import run  # noqa: E402
from quarter_testkit import make_branch_file  # noqa: E402

Y = ["--year", "2026"]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(make_branch_file(tmp_path / "b.db"))


def _journal(db: str) -> int:
    return sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0]


def test_the_reviews_backdated_publish_is_refused(db: str, capsys) -> None:
    before = _journal(db)
    # The review's case: a notice "from 1 April" entered on 30 November.
    code, _, err = run(
        capsys, "--db", db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-04-01", "--today", "2026-11-30",
    )  # fmt: skip
    assert code == 1
    assert "早于今天（2026-11-30）14 天以上" in err and "最早可填 2026-11-16" in err
    assert "公示开始日期填 2026-11-30" in err
    # Within 14 days but without a reason: the message says what to write, and how here.
    code, _, err = run(
        capsys, "--db", db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-11-25", "--today", "2026-11-30",
    )  # fmt: skip
    assert code == 1 and "请写明补登原因" in err and "--late-reason" in err
    assert _journal(db) == before
    code, out, err = run(
        capsys, "--db", db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-11-25", "--late-reason", "公示表已于11月25日张贴，今日补登",
        "--today", "2026-11-30",
    )  # fmt: skip
    assert code == 0, err
    assert "2026-11-25 至 2026-12-01" in out
    # Confirming in the same minute is refused: the period runs to 1 December.
    code, _, err = run(
        capsys, "--db", db, "period", "confirm", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert code == 1 and "公示期为 2026-11-25 至 2026-12-01" in err
    code, out, _ = run(
        capsys, "--db", db, "period", "status", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert "公示中" in out and "补登：公示表已于11月25日张贴，今日补登" in out


def test_status_after_the_period_says_it_waits_for_confirmation(db: str, capsys) -> None:
    code, _, err = run(
        capsys, "--db", db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-04-01", "--today", "2026-04-01",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(
        capsys, "--db", db, "period", "status", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert "2026年第1季度：公示期满，待确认" in out
    assert "公示期已于 2026-04-07 期满" in out and "确认本季度" in out
    code, out, _ = run(
        capsys, "--db", db, "period", "status", *Y, "--quarter", "1", "--json",
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
        capsys, "--db", db, "period", "confirm", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert code == 0 and "已确认" in out


def test_an_objection_before_the_start_is_refused_a_late_one_marked(db: str, capsys) -> None:
    run(
        capsys, "--db", db, "period", "publish", *Y, "--quarter", "1",
        "--start", "2026-04-01", "--today", "2026-04-01",
    )  # fmt: skip
    add = ["objection", "add", *Y, "--quarter", "1", "--by", "李二", "--content", "有意见"]
    code, _, err = run(capsys, "--db", db, *add, "--date", "2026-03-31")
    assert code == 1 and "早于2026年第1季度的公示开始日期 2026-04-01" in err
    code, out, err = run(capsys, "--db", db, *add, "--date", "2026-05-06")
    assert code == 0, err
    assert "公示期（到 2026-04-07）满后提出" in out
    code, out, _ = run(capsys, "--db", db, "objection", "list", *Y, "--quarter", "1", "--json")
    assert json.loads(out)[0]["after_publicity"] is True
    code, out, _ = run(
        capsys, "--db", db, "period", "status", *Y, "--quarter", "1", "--today", "2026-11-30"
    )
    assert "2026-05-06，公示期满后提出" in out
