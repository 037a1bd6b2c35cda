"""The year's end on the command line: pioneer appraisal / veto / print rating|certificates end
to end, through the real command, and Q4's period commands while 民主评议 results are missing."""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import date
from pathlib import Path

from cli_testkit import run as run_in_process
from cli_testkit import run_process as run
from poppler import pdftotext

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from year_end_testkit import YEAR, confirm_year, make_year_book  # noqa: E402


def _book(tmp_path: Path) -> Path:
    path = tmp_path / "year.db"
    make_year_book(path).close()
    return path


def test_appraisals_vetoes_and_paper_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = str(_book(tmp_path))

    def pioneer(*args: str, check: bool = False):
        return run("--db", db, *args, home=home, check=check)

    # A whole group at once, pairs after `add` or as --grade.
    out = pioneer("appraisal", "add", "王一=优秀", "002=合格", "--year", str(YEAR), check=True)
    assert "已登记 2025 年党员评议结果 2 条" in out.stdout
    pioneer("appraisal", "add", "--year", "2025", "--kind", "群众评议", "--grade", "张三=基本合格",
            check=True)  # fmt: skip
    listed = json.loads(pioneer("appraisal", "list", "--year", "2025", "--json", check=True).stdout)
    assert [(a["name"], a["kind"], a["grade"]) for a in listed["appraisals"]] == [
        ("王一", "党员评议", "优秀"),
        ("李二", "党员评议", "合格"),
        ("张三", "群众评议", "基本合格"),
    ]
    # Refused whole: a duplicate and an activist; exit 1, every problem on stderr.
    bad = pioneer("appraisal", "add", "王一=合格", "钱五=合格", "--year", "2025")
    assert bad.returncode == 1
    assert "已有结果“优秀”" in bad.stderr and "民主评议只评议党员" in bad.stderr
    assert pioneer("appraisal", "add", "王一", "--year", "2025").returncode == 2
    assert pioneer("appraisal", "withdraw", "--reason", "x").returncode == 2
    third = listed["appraisals"][2]["id"]
    assert pioneer("appraisal", "withdraw", str(third)).returncode == 1  # no reason
    out = pioneer("appraisal", "withdraw", str(third), "--reason", "评议票统计有误", check=True)
    assert "已删除" in out.stdout

    # Vetoes: who decided and why are required.
    bad = pioneer("veto", "add", "--member", "张三", "--date", "2025-10-01", "--reason", "处分")
    assert bad.returncode == 1 and "请填写决定人" in bad.stderr
    assert pioneer("veto", "add", "--date", "2025-10-01").returncode == 2
    out = pioneer("veto", "add", "--member", "张三", "--date", "2025-10-01", "--reason",
                  "受到党内警告处分", "--by", "支委会", check=True)  # fmt: skip
    assert "已登记一票否决" in out.stdout
    vetoes = json.loads(pioneer("veto", "list", "--year", "2025", "--json", check=True).stdout)
    assert vetoes["vetoes"][0]["name"] == "张三" and vetoes["vetoes"][0]["withdrawn"] is False
    rate = json.loads(pioneer("rate", "--year", "2025", "--json", check=True).stdout)
    zhang = next(m for m in rate["members"] if m["name"] == "张三")
    assert "一票否决：不参与评星定级和评定等次" in zhang["reasons"]
    assert pioneer("veto", "kinds", "--year", "2025", check=True).stdout == ""

    # Paper: the table (PDF and xlsx) of the ended year; its certificates wait for Q4 to be
    # confirmed (test_certificates_refused_until_q4_is_confirmed, below).
    for name in ("rating.pdf", "rating.xlsx"):
        out = pioneer(
            "print", "rating", "--year", "2025", "--out", str(tmp_path / name), check=True
        )
        assert (tmp_path / name).stat().st_size > 1000, out.stdout
    bad = pioneer("print", "certificates", "--year", "2025", "--out", str(tmp_path / "c.xlsx"))
    assert bad.returncode == 1 and "只能输出 PDF" in bad.stderr

    # Withdrawal of the veto (its quarter is open: deleted) restores the rating's input.
    vid = vetoes["vetoes"][0]["id"]
    out = pioneer("veto", "withdraw", str(vid), "--reason", "处分决定已撤销", check=True)
    assert "已删除" in out.stdout
    again = pioneer("veto", "withdraw", str(vid), "--reason", "再撤一次")
    assert again.returncode == 1 and "找不到编号" in again.stderr
    help_text = "".join(pioneer("print", "-h", check=True).stdout.split())
    assert "rating（年度星级评定表）" in help_text and "certificates（荣誉证书）" in help_text


# `pioneer period status|publish|confirm` for a Q4 whose 民主评议 results are incomplete.


JAN_20 = date(2027, 1, 20)


def _book_missing_one(tmp_path: Path) -> tuple[Path, str]:
    """The 2026 demo seen in January 2027, one member's 民主评议 withdrawn, and what else
    blocked Q4 (a waiting claim, its objection) decided."""
    from desktop.book import quarter, year_end
    from desktop.book.demo import create_demo

    path = tmp_path / "demo.db"
    with create_demo(path, year=2026, today=JAN_20) as book:
        row = year_end.list_appraisals(book, 2026)[0]
        year_end.withdraw_appraisal(book, row["id"], "录错了人", today=JAN_20)
        for c in quarter.list_claims(book, 2026, 4, status=quarter.PENDING):
            quarter.reject_claim(book, c["id"], "支部委员会", "重复申报")
        for o in quarter.period_status(book, 2026, 4, today=JAN_20)["open_objections"]:
            quarter.answer_objection(
                book, o["id"], finding="经核实", changed=False, told_on="2027-01-12", today=JAN_20
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


# `print certificates` waits until the year's Q4 is confirmed (its points final).


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


# `appraisal add` / `appraisal list` name a round only when the year has several of that kind
# (the 年度评定 screen's column rule): a scheme that appraises once a year shows no 第1次.


def _db(tmp_path: Path, scheme: str) -> str:
    path = tmp_path / f"{scheme}.db"
    make_year_book(path, scheme).close()
    return str(path)


def _list_kinds(capsys, db: str) -> list[str]:
    code, out, err = run_in_process(capsys, "--db", db, "appraisal", "list", "--year", "2025")
    assert code == 0, err
    return [line.split("\t")[1] for line in out.splitlines()]


def test_one_round_a_year_mentions_no_round(tmp_path: Path, capsys) -> None:
    # 党员e家 scores no 民主评议 item: each kind is appraised once.
    db = _db(tmp_path, "dangyuan-ejia")
    code, out, err = run_in_process(capsys, "--db", db, "appraisal", "add", "王一=优秀", "002=合格",
                         "--year", "2025")  # fmt: skip
    assert code == 0, err
    assert out.strip() == "已登记 2025 年党员评议结果 2 条。"
    assert _list_kinds(capsys, db) == ["党员评议", "党员评议"]
    code, out, _err = run_in_process(capsys, "--db", db, "appraisal", "list", "--year", "2025")
    assert "次" not in out


def test_half_yearly_rounds_are_named(tmp_path: Path, capsys) -> None:
    db = _db(tmp_path, "shequ-70-20-10-20")
    for rnd, grade in (("1", "优秀"), ("2", "合格")):
        code, out, err = run_in_process(capsys, "--db", db, "appraisal", "add", f"王一={grade}",
                             "--year", "2025", "--round", rnd)  # fmt: skip
        assert code == 0, err
        assert out.strip() == f"已登记 2025 年党员评议（第{rnd}次）结果 1 条。"
    assert _list_kinds(capsys, db) == ["党员评议（第1次）", "党员评议（第2次）"]


def test_a_lone_second_round_still_says_so(tmp_path: Path, capsys) -> None:
    # A kind the scheme does not score may have two rounds; with only the second recorded,
    # a bare "群众评议" would read as the first.
    db = _db(tmp_path, "dangyuan-ejia")
    code, out, err = run_in_process(capsys, "--db", db, "appraisal", "add", "王一=合格", "--year", "2025",
                         "--kind", "群众评议", "--round", "2")  # fmt: skip
    assert code == 0, err
    assert out.strip() == "已登记 2025 年群众评议（第2次）结果 1 条。"
    assert _list_kinds(capsys, db) == ["群众评议（第2次）"]


def test_a_refused_entry_prints_no_success_line(tmp_path: Path, capsys) -> None:
    db = _db(tmp_path, "dangyuan-ejia")
    code, out, err = run_in_process(
        capsys, "--db", db, "appraisal", "add", "钱五=合格", "--year", "2025"
    )
    assert code == 1 and out == "" and "民主评议只评议党员" in err
    code, out, _err = run_in_process(capsys, "--db", db, "appraisal", "list", "--year", "2025")
    assert code == 0 and out.strip() == "2025 年还没有民主评议结果。"


# `pioneer print rating` on the demo book (街道农村, no 评星定级): a 年度党员积分表.


def test_print_rating_of_a_scheme_without_rating(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = str(tmp_path / "d.db")
    run("--db", db, "demo", home=home, check=True)
    refused = run("--db", db, "rate", home=home)
    assert refused.returncode != 0
    out = tmp_path / "r.pdf"
    run("--db", db, "print", "rating", "--out", str(out), home=home, check=True)
    text = pdftotext(out).replace("\n", "")
    assert "年度党员积分表" in text and "星级评定表" not in text
    assert text.count("不评星级、等次") == 1
    assert "支部书记（签字）" in text
