"""Cycles other than the quarter on the command line (issue 16 item 2): `score --month M`,
`score --half H` give the same JSON as `--quarter`; `print rating --quarter` never prints the
annual table instead."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from poppler import pdftotext
from test_cli_roster import run

from desktop.book import quarter as Q
from desktop.book.store import Book

TODAY = date(2027, 1, 10)


def _book(path: Path, scheme: str) -> None:
    book = Book.create(path, branch="测试支部", year=2026, scheme_id=scheme)
    book.roster.add_member(
        {"code": "001", "name": "张三", "status": "正式党员", "joined_date": "2000-07-01"},
        today=TODAY,
    )
    if scheme == "lianghua-dingji":
        cid = Q.add_claim(book, "张三", "2026-02-10", "thought", -3, "月度评议", today=TODAY)
        Q.review_claim(book, cid, "组长")
        Q.approve_claim(book, cid, "支委会")
    book.close()


def test_month_and_half_year_scores(tmp_path: Path) -> None:
    # 量化定级 四、1：「月度评议。由党小组结合日常动态考核情况,对党员进行月度评议」.
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    home = tmp_path / "home"
    feb = json.loads(
        run("--db", str(db), "score", "--year", "2026", "--month", "2", "--json",
            home=home, check=True).stdout
    )  # fmt: skip
    assert set(feb) >= {"year", "quarter", "scheme", "members"}
    assert (feb["year"], feb["quarter"], feb["month"], feb["half"]) == (2026, None, 2, None)
    (m,) = feb["members"]
    assert m["sections"]["思想品德"] == "7.00"  # February alone: 10 − 3
    march = json.loads(
        run("--db", str(db), "score", "--year", "2026", "--month", "3", "--json",
            home=home, check=True).stdout
    )  # fmt: skip
    assert march["members"][0]["sections"]["思想品德"] == "10.00"
    quarter = json.loads(
        run("--db", str(db), "score", "--year", "2026", "--quarter", "1", "--json",
            home=home, check=True).stdout
    )  # fmt: skip
    # The same document; 量化定级 reviews by month ([publicity] cycle), so `--month` also says
    # whether that month is confirmed, as `--quarter` does for a quarterly scheme.
    assert feb["confirmed"] is False
    assert set(quarter) - {"confirmed"} == set(feb) - {"confirmed"}
    assert quarter["members"][0]["sections"]["思想品德"] == "9.00"  # (10 + 7 + 10) / 3
    # 机关：「每年考核 2 次,6月30日前核准上半年积分」.
    jg = tmp_path / "jg.db"
    _book(jg, "jiguan-60-40")
    half = json.loads(
        run("--db", str(jg), "score", "--year", "2026", "--half", "1", "--json",
            home=home, check=True).stdout
    )  # fmt: skip
    assert (half["half"], half["quarter"], half["month"]) == (1, None, None)
    both = run("--db", str(jg), "score", "--year", "2026", "--half", "1", "--quarter", "2",
               home=home)  # fmt: skip
    assert both.returncode == 2 and "只能写一个" in both.stderr


def test_print_rating_for_a_quarter_or_month_is_a_usage_error_not_the_year(tmp_path: Path) -> None:
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    out = tmp_path / "r.pdf"
    got = run("--db", str(db), "print", "rating", "--year", "2026", "--quarter", "1",
              "--out", str(out), home=tmp_path / "home")  # fmt: skip
    # A usage error (exit 2), in Chinese, saying where a quarter's stars are.
    assert got.returncode == 2 and not out.exists()
    assert "年度星级评定表是全年的评定结果，不能按季度打印" in got.stderr
    assert "pioneer rate --quarter 1" in got.stderr
    got = run("--db", str(db), "print", "rating", "--year", "2026", "--month", "3",
              "--out", str(out), home=tmp_path / "home")  # fmt: skip
    assert got.returncode == 2 and not out.exists()
    assert "不能按月打印" in got.stderr and "pioneer rate --month 3" in got.stderr


def test_explain_a_month(tmp_path: Path) -> None:
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    got = run("--db", str(db), "explain", "--member", "001", "--year", "2026", "--month", "2",
              home=tmp_path / "home", check=True).stdout  # fmt: skip
    assert "【思想品德】7分" in got and "-3" in got


def test_print_a_months_scores(tmp_path: Path) -> None:
    # 量化定级：「由党小组结合日常动态考核情况,对党员进行月度评议,并将评议结果上报党支部」.
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    home, out = tmp_path / "home", tmp_path / "m.pdf"
    run("--db", str(db), "print", "period-scores", "--year", "2026", "--month", "2",
        "--out", str(out), home=home, check=True)  # fmt: skip
    text = pdftotext(out, "-layout")
    assert "党员积分情况通报（2026年2月）" in text.replace(" ", "")
    assert "张三" in text and "77" in text  # 8 monthly sections × 10 − 3; 互评、测评 are quarterly
    assert "按季度" in text.replace(" ", "")
    missing = run("--db", str(db), "print", "period-scores", "--year", "2026",
                  "--out", str(out.with_name("x.pdf")), home=home)  # fmt: skip
    assert missing.returncode == 2 and "--month" in missing.stderr


def test_a_confirmed_month_says_which_month_in_the_schemes_order(tmp_path: Path) -> None:
    # Found in review: `score --month 11` of a confirmed month printed 「2026年第None季度 已确认」
    # and its columns in the stored snapshot's sorted key order (业务能力, 党员互评, …).
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    with Book.open(db) as book:
        Q.publish(book, 2026, 1, start="2026-02-02", today=date(2026, 2, 2))
        Q.confirm(book, 2026, 1, today=date(2026, 2, 10))
    home = tmp_path / "home"
    out = run("--db", str(db), "score", "--year", "2026", "--month", "1", home=home, check=True)
    first, header = out.stdout.splitlines()[:2]
    assert first.startswith("2026年1月 已确认") and "None" not in first
    live = run("--db", str(db), "score", "--year", "2026", "--month", "2", home=home, check=True)
    assert header == live.stdout.splitlines()[0]
