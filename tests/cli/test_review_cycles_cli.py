"""A monthly scheme end to end through the command line (量化定级「做到每月一汇总、一审核、
一公示」): publish → objection → answer → confirm → verify, with --month as `score` takes it;
the quarter's options refused for it (exit 2), and a month altered behind the program's back
named by `pioneer verify`."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from cli_testkit import (
    run,  # noqa: E402
    run_process,  # noqa: E402
)
from poppler import pdftotext  # noqa: E402

from desktop.book import quarter as Q  # noqa: E402
from desktop.book.scoring import set_year_scheme  # noqa: E402
from desktop.book.store import Book  # noqa: E402


def _monthly_book(path: Path) -> Path:
    with Book.create(path, branch="测试支部", year=2026) as book:
        for code, name in (("001", "王一"), ("002", "李二"), ("003", "张三")):
            book.roster.add_member(
                {"code": code, "name": name, "status": "正式党员", "joined_date": "2000-07-01"},
                today=date(2026, 1, 5),
            )
        set_year_scheme(book, 2026, preset="lianghua-dingji")
        cid = Q.add_claim(book, "张三", "2026-02-10", "thought", "-2", "党小组月度评议")
        Q.review_claim(book, cid, "党小组长")
        Q.approve_claim(book, cid, "支委会")
    return path


def test_a_monthly_scheme_from_publicity_to_verify(tmp_path: Path, capsys) -> None:
    db = str(_monthly_book(tmp_path / "m.db"))

    def ok(*args: str) -> str:
        code, out, err = run(capsys, "--db", db, *args)
        assert code == 0, out + err
        return out

    y = ("--year", "2026")
    status = json.loads(
        ok("period", "status", *y, "--month", "2", "--json", "--today", "2026-03-02")
    )
    (st,) = status["periods"]
    assert (st["cycle"], st["month"], st["label"], st["state"]) == ("month", 2, "2026年2月", "open")
    out = ok("period", "publish", *y, "--month", "1", "--today", "2026-02-02")
    assert "2026年1月已开始公示" in out
    out = ok("period", "publish", *y, "--month", "2", "--today", "2026-03-02")
    assert "pioneer print publicity --year 2026 --month 2" in out
    out = ok(
        "objection",
        "add",
        *y,
        "--month",
        "2",
        "--by",
        "张三",
        "--member",
        "003",
        "--content",
        "2月评议扣2分有异议",
        "--date",
        "2026-03-03",
    )
    assert "第 1 号异议" in out
    code, _out, err = run(
        capsys, "--db", db, "period", "confirm", *y, "--month", "1", "--today", "2026-03-10"
    )
    assert code == 0, err
    code, _out, err = run(
        capsys, "--db", db, "period", "confirm", *y, "--month", "2", "--today", "2026-03-10"
    )
    assert code == 1 and "第 1 号异议（张三）尚未答复" in err
    ok(
        "objection",
        "answer",
        "1",
        "--finding",
        "经复核，评议记录属实，维持",
        "--told-on",
        "2026-03-04",
    )
    out = ok("period", "confirm", *y, "--month", "2", "--today", "2026-03-10")
    assert "2026年2月已确认（不可撤销）" in out
    # `score --month 2` of a confirmed month is its snapshot.
    score = json.loads(ok("score", *y, "--month", "2", "--json"))
    assert score["confirmed"] is True and score["month"] == 2 and score["quarter"] is None
    zhang = next(m for m in score["members"] if m["code"] == "003")
    assert zhang["sections"]["思想品德"] == "8.00"
    review = json.loads(ok("review", *y, "--month", "2", "--json"))
    assert review["label"] == "2026年2月" and review["confirmed"]["hash"]
    # explain of a confirmed month says it is recomputed and matches (it said so for quarters).
    out = ok("explain", "--member", "003", *y, "--month", "2")
    assert out.startswith("（以下明细按记录重新计算，与已确认的结果一致。）"), out
    # The member's 登记表 reads confirmed months from their snapshots (it stopped with a
    # TypeError: it looked for a quarter's snapshot).
    ok("print", "member-register", "--member", "003", *y, "--out", str(tmp_path / "r.pdf"))
    register = re.sub(r"\s", "", pdftotext(tmp_path / "r.pdf"))
    assert "2026年2月78.00已确认" in register, register
    # A fact dated in the confirmed month is refused (exit 1), the next month is open.
    code, _out, err = run(
        capsys,
        "--db",
        db,
        "claim",
        "add",
        "--member",
        "王一",
        "--date",
        "2026-02-20",
        "--item",
        "thought",
        "--points",
        "-1",
        "--reason",
        "补记",
    )
    assert code == 1 and "2026年2月" in err
    # An activity in the confirmed month: the way out in the month's words (it said 季度).
    code, _out, err = run(
        capsys, "--db", db, "activity-add", "--date", "2026-02-15", "--type", "主题党日"
    )
    assert code == 1 and "在已确认的2026年2月内" in err
    assert "请在未确认的月份登记更正（月度评议页“登记更正…”" in err and "季度" not in err
    out = ok("verify", db)
    assert "已确认期间 2 个（2026年1月、2026年2月），校验链完好" in out
    assert ok("verify") == out  # without a file: the book --db names
    # The township pack carries the months' paper and chain, and checks out.
    (tmp_path / "usb").mkdir()
    pack = ok("handover", "--to", str(tmp_path / "usb")).strip().splitlines()[-1]
    assert "2026年1月：校验码" in ok("verify", pack) and "2月积分管理审核表" in " ".join(
        p.name for p in Path(pack).iterdir()
    )
    # The quarter's options are a usage error for a monthly scheme, and say what to use.
    code, _out, err = run(capsys, "--db", db, "period", "status", *y, "--quarter", "1")
    assert code == 2 and "按月评议" in err and "--month" in err
    # claim list too (it was a silent date filter while the others refused it).
    code, listed, err = run(capsys, "--db", db, "claim", "list", *y, "--quarter", "1")
    assert code == 2 and not listed
    assert "按月评议、公示和确认，不能用 --quarter" in err and "--month（1 到 12）" in err
    feb = json.loads(ok("claim", "list", *y, "--month", "2", "--json"))
    assert [c["date"] for c in feb] == ["2026-02-10"]
    assert ok("claim", "list", *y, "--month", "3", "--json").strip() == "[]"
    code, _out, err = run(capsys, "--db", db, "period", "publish", *y, "--month", "13")
    assert code == 2
    # Altered behind the program's back: verify names the month.
    conn = sqlite3.connect(db)
    conn.execute("drop trigger snapshots_no_update")
    conn.execute("update snapshots set payload = replace(payload, '\"8.00\"', '\"9.00\"')")
    conn.commit()
    conn.close()
    code, _out, err = run(capsys, "verify", db)
    assert code == 1 and "2026年" in err and "月" in err


def test_a_quarterly_scheme_refuses_month_options(tmp_path: Path, capsys) -> None:
    db = tmp_path / "q.db"
    with Book.create(db, branch="测试支部", year=2026, scheme_id="jiedao-nongcun"):
        pass
    code, _out, err = run(
        capsys, "--db", str(db), "period", "publish", "--year", "2026", "--month", "3"
    )
    assert code == 2 and "按季度评议" in err and "--quarter（1 到 4）" in err
    code, _out, err = run(
        capsys,
        "--db",
        str(db),
        "period",
        "status",
        "--year",
        "2026",
        "--quarter",
        "1",
        "--month",
        "3",
    )
    assert code == 2 and "只能写一个" in err


def test_scheme_check_names_a_wrong_cycle(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.toml"
    text = run(capsys, "scheme", "show", "jiedao-nongcun")[1]
    bad.write_text(text + '\n[publicity]\ncycle = "week"\n', encoding="utf-8")
    code, _out, err = run(capsys, "scheme", "check", str(bad))
    assert code == 1
    assert (
        "[publicity]: 「cycle」为未知的公示周期「week」，可选：quarter（季度）、month（月）、half（半年）"
        in err
    )


def test_a_monthly_years_status_names_each_month_once(tmp_path: Path, capsys) -> None:
    """December of a monthly book with nothing published: twelve months, each said once (it
    printed 66 lines, every month repeating each earlier month); the order is said once."""
    db = str(_monthly_book(tmp_path / "m.db"))
    code, out, err = run(
        capsys, "--db", db, "period", "status", "--year", "2026", "--today", "2026-12-05"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) <= 15, out
    for month in range(1, 13):
        assert sum(line.startswith(f"2026年{month}月：") for line in lines) == 1, out
    assert "  · 尚未公示：请先开始公示。" in lines  # what to do next, for January
    assert out.count("还没有确认") == 0
    assert lines[-1].startswith("按月份顺序确认：先处理2026年1月。")
    # One month asked for: what stops it, the earlier months in one line.
    code, out, err = run(
        capsys,
        "--db",
        db,
        "period",
        "status",
        "--year",
        "2026",
        "--month",
        "12",
        "--today",
        "2026-12-05",
    )
    assert code == 0, err
    assert "2026年1月至11月还没有确认：请按月份顺序确认。" in out
    assert out.count("还没有确认") == 1


def test_a_late_started_books_unscored_months_are_one_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "late.db")
    code, _out, err = run(
        capsys,
        "--db",
        db,
        "init",
        "--branch",
        "测试支部",
        "--year",
        "2026",
        "--scheme",
        "lianghua-dingji",
        "--start",
        "2026-11",
    )
    assert code == 0, err
    code, out, err = run(
        capsys, "--db", db, "period", "status", "--year", "2026", "--today", "2026-12-05"
    )
    assert code == 0, err
    assert out.splitlines()[:2] == [
        "2026年1月至10月：不记分",
        "  → 本账本自2026年11月起记分，2026年1月至10月不记分，无需公示和确认。",
    ]
    assert out.count("不记分") == 2 and "2026年11月：未公示" in out


def test_an_answer_saying_corrected_over_unchanged_results_is_refused(
    tmp_path: Path, capsys
) -> None:
    """`objection answer --changed` while no record changed showed 「已更正」 over identical
    results (review s5): refused, nothing written; once the record is corrected it goes."""
    db = str(_monthly_book(tmp_path / "m.db"))
    y = ("--year", "2026", "--today", "2026-03-02")
    assert run(capsys, "--db", db, "period", "publish", *y, "--month", "2")[0] == 0
    code, _out, err = run(
        capsys,
        "--db",
        db,
        "objection",
        "add",
        "--year",
        "2026",
        "--month",
        "2",
        "--by",
        "张三",
        "--member",
        "003",
        "--content",
        "同样的事只扣了我，王一没扣",
        "--date",
        "2026-03-03",
    )
    assert code == 0, err
    answer = (
        "objection",
        "answer",
        "1",
        "--finding",
        "属实",
        "--changed",
        "--change-note",
        "补记王一2月10日评议扣2分",
        "--told-on",
        "2026-03-04",
    )
    with Book.open(Path(db)) as book:
        before = book.execute("select count(*) from journal").fetchone()[0]
    code, _out, err = run(capsys, "--db", db, *answer)
    assert code == 1
    assert "第 1 号异议不能按“已更正”答复：积分结果与异议提出时的公示表相同" in err
    assert "如确已更正，请先登记更正" in err and "不加 --changed" in err
    with Book.open(Path(db)) as book:
        assert book.execute("select count(*) from journal").fetchone()[0] == before
        st = Q.period_status(book, 2026, 2, today=date(2026, 3, 2))
        assert st["open_objections"] and len(st["notices"]) == 1
    # The record is put right (a February deduction of 王一's that was missed is decided).
    with Book.open(Path(db)) as book:
        cid = Q.add_claim(
            book, "王一", "2026-02-10", "thought", "-2", "同日评议漏记", today=date(2026, 3, 2)
        )
        Q.review_claim(book, cid, "党小组长")
        Q.approve_claim(book, cid, "支委会")
    code, out, err = run(capsys, "--db", db, *answer)
    assert code == 0, err
    assert "公示已重新发布" in out


def test_a_later_month_may_be_published_first_but_not_confirmed(tmp_path: Path, capsys) -> None:
    """Publishing is not kept in order (a branch catching up posts several notices at once);
    confirming is, and says which month comes first (guide, docs/cli.md)."""
    db = str(_monthly_book(tmp_path / "m.db"))
    code, out, err = run(
        capsys,
        "--db",
        db,
        "period",
        "publish",
        "--year",
        "2026",
        "--month",
        "3",
        "--today",
        "2026-04-01",
    )
    assert code == 0 and "2026年3月已开始公示" in out, err
    code, _out, err = run(
        capsys,
        "--db",
        db,
        "period",
        "confirm",
        "--year",
        "2026",
        "--month",
        "3",
        "--today",
        "2026-04-20",
    )
    assert code == 1 and "2026年1月至2月还没有确认：请按月份顺序确认。" in err


# Cycles other than the quarter on the command line (issue 16 item 2): `score --month M`, `score
# --half H` give the same JSON as `--quarter`; `print rating --quarter` never prints the annual
# table instead.


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
        run_process("--db", str(db), "score", "--year", "2026", "--month", "2", "--json",
            home=home, check=True).stdout
    )  # fmt: skip
    assert set(feb) >= {"year", "quarter", "scheme", "members"}
    assert (feb["year"], feb["quarter"], feb["month"], feb["half"]) == (2026, None, 2, None)
    (m,) = feb["members"]
    assert m["sections"]["思想品德"] == "7.00"  # February alone: 10 − 3
    march = json.loads(
        run_process("--db", str(db), "score", "--year", "2026", "--month", "3", "--json",
            home=home, check=True).stdout
    )  # fmt: skip
    assert march["members"][0]["sections"]["思想品德"] == "10.00"
    quarter = json.loads(
        run_process("--db", str(db), "score", "--year", "2026", "--quarter", "1", "--json",
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
        run_process("--db", str(jg), "score", "--year", "2026", "--half", "1", "--json",
            home=home, check=True).stdout
    )  # fmt: skip
    assert (half["half"], half["quarter"], half["month"]) == (1, None, None)
    both = run_process("--db", str(jg), "score", "--year", "2026", "--half", "1", "--quarter", "2",
               home=home)  # fmt: skip
    assert both.returncode == 2 and "只能写一个" in both.stderr


def test_print_rating_for_a_quarter_or_month_is_a_usage_error_not_the_year(tmp_path: Path) -> None:
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    out = tmp_path / "r.pdf"
    got = run_process("--db", str(db), "print", "rating", "--year", "2026", "--quarter", "1",
              "--out", str(out), home=tmp_path / "home")  # fmt: skip
    # A usage error (exit 2), in Chinese, saying where a quarter's stars are.
    assert got.returncode == 2 and not out.exists()
    assert "年度星级评定表是全年的评定结果，不能按季度打印" in got.stderr
    assert "pioneer rate --quarter 1" in got.stderr
    got = run_process("--db", str(db), "print", "rating", "--year", "2026", "--month", "3",
              "--out", str(out), home=tmp_path / "home")  # fmt: skip
    assert got.returncode == 2 and not out.exists()
    assert "不能按月打印" in got.stderr and "pioneer rate --month 3" in got.stderr


def test_explain_a_month(tmp_path: Path) -> None:
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    got = run_process("--db", str(db), "explain", "--member", "001", "--year", "2026", "--month", "2",
              home=tmp_path / "home", check=True).stdout  # fmt: skip
    assert "【思想品德】7分" in got and "-3" in got


def test_print_a_months_scores(tmp_path: Path) -> None:
    # 量化定级：「由党小组结合日常动态考核情况,对党员进行月度评议,并将评议结果上报党支部」.
    db = tmp_path / "lh.db"
    _book(db, "lianghua-dingji")
    home, out = tmp_path / "home", tmp_path / "m.pdf"
    run_process("--db", str(db), "print", "period-scores", "--year", "2026", "--month", "2",
        "--out", str(out), home=home, check=True)  # fmt: skip
    text = pdftotext(out, "-layout")
    assert "党员积分情况通报（2026年2月）" in text.replace(" ", "")
    assert "张三" in text and "77" in text  # 8 monthly sections × 10 − 3; 互评、测评 are quarterly
    assert "按季度" in text.replace(" ", "")
    missing = run_process("--db", str(db), "print", "period-scores", "--year", "2026",
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
    out = run_process(
        "--db", str(db), "score", "--year", "2026", "--month", "1", home=home, check=True
    )
    first, header = out.stdout.splitlines()[:2]
    assert first.startswith("2026年1月 已确认") and "None" not in first
    live = run_process(
        "--db", str(db), "score", "--year", "2026", "--month", "2", home=home, check=True
    )
    assert header == live.stdout.splitlines()[0]
