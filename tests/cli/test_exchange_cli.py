"""`pioneer exchange add/list/balance` (issue 16 item 5): the 积分兑换 ledger beside the score."""

from __future__ import annotations

import json
from pathlib import Path

from cli_testkit import run_process as run


def test_exchange_from_the_command_line(tmp_path: Path) -> None:
    db, home = str(tmp_path / "sq.db"), tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", db, *args, "--today", "2026-06-20", home=home, check=check)

    from datetime import date

    from desktop.book.store import Book

    book = Book.create(tmp_path / "sq.db", branch="社区党支部", year=2026,
                       scheme_id="shequ-70-20-10-20")  # fmt: skip
    book.roster.add_member(
        {"code": "001", "name": "张三", "status": "正式党员", "joined_date": "2000-07-01"},
        today=date(2026, 6, 20),
    )
    book.close()
    who = "001"
    score = json.loads(run("--db", db, "score", "--year", "2026", "--json", home=home,
                           check=True).stdout)  # fmt: skip
    out = pioneer("exchange", "add", "--member", who, "--date", "2026-06-01", "--what",
                  "超市购物券", "--points", "10", "--by", "李芳", check=True)  # fmt: skip
    assert "已登记积分兑换" in out.stdout and "积分不变" in out.stdout
    again = json.loads(run("--db", db, "score", "--year", "2026", "--json", home=home,
                           check=True).stdout)  # fmt: skip
    assert again["members"] == score["members"]
    listed = json.loads(pioneer("exchange", "list", "--year", "2026", "--json", check=True).stdout)
    assert [(e["what"], e["points"], e["handled_by"]) for e in listed["exchanges"]] == [
        ("超市购物券", "10", "李芳")
    ]
    bal = json.loads(pioneer("exchange", "balance", "--member", who, "--json", check=True).stdout)
    assert bal["redeemed"] == "10"
    bad = pioneer("exchange", "add", "--member", who, "--what", "券", "--points", "10")
    assert bad.returncode == 1 and "请写明经办人" in bad.stderr
