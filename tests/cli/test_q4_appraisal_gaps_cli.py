"""`pioneer period status|publish|confirm` for a Q4 whose 民主评议 results are incomplete."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from test_cli_roster import run

TODAY = date(2027, 1, 20)


def _book_missing_one(tmp_path: Path) -> tuple[Path, str]:
    """The 2026 demo seen in January 2027, one member's 民主评议 withdrawn, and what else
    blocked Q4 (a waiting claim, its objection) decided."""
    from desktop.book import quarter, year_end
    from desktop.book.demo import create_demo

    path = tmp_path / "demo.db"
    with create_demo(path, year=2026, today=TODAY) as book:
        row = year_end.list_appraisals(book, 2026)[0]
        year_end.withdraw_appraisal(book, row["id"], "录错了人", today=TODAY)
        for c in quarter.list_claims(book, 2026, 4, status=quarter.PENDING):
            quarter.reject_claim(book, c["id"], "支部委员会", "重复申报")
        for o in quarter.period_status(book, 2026, 4, today=TODAY)["open_objections"]:
            quarter.answer_objection(
                book, o["id"], finding="经核实", changed=False, told_on="2027-01-12", today=TODAY
            )
    return path, row["name"]


def test_status_publish_and_confirm_say_what_is_missing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db, name = _book_missing_one(tmp_path)
    base = ("--db", str(db))
    q4 = ("--year", "2026", "--quarter", "4")

    # Re-issued on 12 January (the withdrawal changed the results): allowed, with a warning.
    out = run(*base, "period", "publish", *q4, "--reason", "申报已处理",
              "--today", "2027-01-12", home=home, check=True).stdout  # fmt: skip
    assert "已重新发布公示" in out
    assert "！2026 年还有 1 名党员没有民主评议结果" in out and name in out
    assert "pioneer appraisal add --year 2026" in out

    text = run(*base, "period", "status", *q4, "--today", "2027-01-20",
               home=home, check=True).stdout  # fmt: skip
    assert "· 2026 年还有 1 名党员没有民主评议结果" in text and "年度评定" in text
    status = json.loads(
        run(
            *base, "period", "status", *q4, "--json", "--today", "2027-01-20", home=home, check=True
        ).stdout  # fmt: skip
    )["periods"][0]
    assert status["appraisals_missing"].startswith("2026 年还有 1 名党员")
    assert len(status["blockers"]) == 1

    journal = sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0]
    refused = run(*base, "period", "confirm", *q4, "--today", "2027-01-20", home=home)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "现在不能确认" in refused.stderr and "1 名党员没有民主评议结果" in refused.stderr
    assert sqlite3.connect(db).execute("select count(*) from journal").fetchone()[0] == journal

    # Entered, re-published (the points moved), then Q4 is confirmed.
    run(*base, "appraisal", "add", f"{name}=合格", "--year", "2026", home=home, check=True)
    out = run(*base, "period", "publish", *q4, "--reason", "补录民主评议",
              "--today", "2027-01-13", home=home, check=True).stdout  # fmt: skip
    assert "民主评议结果" not in out
    run(*base, "period", "confirm", *q4, "--today", "2027-01-20", home=home, check=True)
