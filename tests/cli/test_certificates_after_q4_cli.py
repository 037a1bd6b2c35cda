"""`print certificates` waits until the year's Q4 is confirmed (its points final)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from test_cli_roster import run  # noqa: E402
from year_end_testkit import confirm_year, make_year_book  # noqa: E402


def test_certificates_refused_until_q4_is_confirmed(tmp_path: Path) -> None:
    home, db, out = tmp_path / "home", tmp_path / "year.db", tmp_path / "certs.pdf"
    book = make_year_book(db)
    args = ("--db", str(db), "print", "certificates", "--year", "2025", "--out", str(out))
    refused = run(*args, home=home)
    assert refused.returncode == 1 and not out.exists()
    assert (
        "2025年第四季度还没有确认" in refused.stderr
        and "不能打印2025年度的荣誉证书" in refused.stderr
    )
    assert "pioneer period confirm --year 2025 --quarter 4" in refused.stderr
    confirm_year(book)
    book.close()
    # 党员e家 第十八条: 王一's 五星级 waits for 上级党（工）委 (issue 16 item 4).
    waiting = run(*args, home=home)
    assert (
        waiting.returncode == 1
        and "王一：拟评五星级，报上级党（工）委审批：待审批" in waiting.stderr
    )
    run("--db", str(db), "approval", "record", "--year", "2025", "--member", "001", "--approve",
        "--by", "测试镇党委", home=home, check=True)  # fmt: skip
    run(*args, home=home, check=True)
    assert b"/Type /Page" in out.read_bytes()
