"""`pioneer dues …` and `pioneer print dues-register/receipts` end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.book import dues
from desktop.book.store import Book
from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("dues")
    home = tmp / "home"
    db = tmp / "demo.db"
    result = run("--db", str(db), "demo", "--year", "2026", "--today", "2026-11-24", home=home)
    assert result.returncode == 0, result.stderr
    return db, home


def test_print_register_and_receipts(demo: tuple[Path, Path], tmp_path: Path) -> None:
    db, home = demo
    for kind in ("dues-register", "receipts", "dues-publicity"):
        out = tmp_path / f"{kind}.pdf"
        result = run("--db", str(db), "print", kind, "--year", "2026", "--out", str(out), home=home)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF")
    empty = tmp_path / "none.pdf"
    result = run(
        "--db", str(db), "print", "receipts", "--year", "2019", "--out", str(empty), home=home
    )
    assert result.returncode == 1 and "没有党费收据" in result.stderr
    assert not empty.exists()


def test_dues_arrears_json_and_refusals(demo: tuple[Path, Path]) -> None:
    db, home = demo
    today = ["--today", "2026-11-24"]
    result = run("--db", str(db), "dues", "arrears", "--json", *today, home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    worst = data[0]
    assert worst["reminder_due"] and worst["months"][0] == "2026-06"
    assert set(worst) >= {"code", "name", "months", "owed", "owed_fen", "veto_check", "notices"}
    # A negative amount is refused, nothing written.
    before = run("--db", str(db), "dues", "register", "--json", *today, home=home)
    bad = run(
        "--db",
        str(db),
        "dues",
        "pay",
        "--member",
        worst["code"],
        "--months",
        "2026-10",
        "--amount",
        "-1",
        "--receiver",
        "会计",
        *today,
        home=home,
    )
    assert bad.returncode == 1 and "金额不能是负数" in bad.stderr
    after = run("--db", str(db), "dues", "register", "--json", *today, home=home)
    assert json.loads(before.stdout) == json.loads(after.stdout)
    # Arrears paid late on one receipt: the member no longer owes.
    ok = run(
        "--db",
        str(db),
        "dues",
        "pay",
        "--member",
        worst["code"],
        "--months",
        ",".join(worst["months"]),
        "--amount",
        str(int(worst["owed"].split(".")[0]) // len(worst["months"])),
        "--receiver",
        "会计",
        "--date",
        "2026-11-20",
        *today,
        home=home,
    )
    assert ok.returncode == 0, ok.stderr
    again = json.loads(run("--db", str(db), "dues", "arrears", "--json", *today, home=home).stdout)
    assert worst["code"] not in [r["code"] for r in again]
    reg = json.loads(run("--db", str(db), "dues", "register", "--json", *today, home=home).stdout)
    assert reg["reconciled"] and reg["paid"] == reg["payments_total"]


def test_register_line_names_voluntary_extra(demo: tuple[Path, Path]) -> None:
    db, home = demo
    result = run("--db", str(db), "dues", "register", "--today", "2026-11-24", home=home)
    assert result.returncode == 0, result.stderr
    # The demo has one voluntary payment of 1,000 yuan beyond what was due; months paid
    # ahead (after October, the last month judged) are 预交, neither 多交 nor 应缴.
    assert "（含预交 12.00 元、多交 1000.00 元）" in result.stdout.splitlines()[0]


# `pioneer dues` and the book's dues start: a forgotten member's first standard defaults to the
# book's start and a later one is warned about; a start month outside the book's year is refused;
# a month before the book's dues start says so instead of printing nothing.


TODAY = ["--today", "2026-11-30"]


@pytest.fixture
def two_members_db(book: Book) -> str:
    for name in ("王二", "黄敏"):
        book.roster.add_member({"name": name, "status": "正式党员", "joined_date": "1990-01-01"})
    path = str(book.path)
    book.close()
    return path


def _set_all(db: str, start: str, capsys) -> None:
    args = ["--db", db, "dues", "rate-unset", "--category", "农民", "--from", start, *TODAY]
    assert main(args) == 0
    capsys.readouterr()


def _add_forgotten(db: str) -> None:
    b = Book.open(Path(db))
    try:
        b.roster.add_member({"name": "丁漏", "status": "正式党员", "joined_date": "1985-07-01"})
    finally:
        b.close()


def _register(db: str, capsys) -> dict:
    assert main(["--db", db, "dues", "register", "--json", *TODAY]) == 0
    return json.loads(capsys.readouterr().out)


def test_rate_defaults_to_the_books_start_for_a_forgotten_member(
    two_members_db: str, capsys
) -> None:
    _set_all(two_members_db, "2026-01", capsys)
    _add_forgotten(two_members_db)
    assert (
        main(
            [
                "--db",
                two_members_db,
                "dues",
                "rate",
                "--member",
                "丁漏",
                "--category",
                "农民",
                *TODAY,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "注意" not in out and "丁漏 自2026-01起" in out
    assert _register(two_members_db, capsys)["rates_missing"] == []


def test_a_later_start_warns_and_keeps_the_months_flagged(two_members_db: str, capsys) -> None:
    _set_all(two_members_db, "2026-01", capsys)
    _add_forgotten(two_members_db)
    args = ["--db", two_members_db, "dues", "rate", "--member", "丁漏", "--category", "农民"]
    assert main([*args, "--from", "2026-11", *TODAY]) == 0
    out = capsys.readouterr().out
    assert "注意：丁漏 自2026年1月至10月的 10 个月将不计应缴" in out
    reg = _register(two_members_db, capsys)
    assert reg["rates_missing"] == ["丁漏"] and "丁漏 未设定党费标准（1 人）" in reg["warning"]
    assert main(["--db", two_members_db, "dues", "register", *TODAY]) == 0
    assert "账实相符" not in capsys.readouterr().out


def test_rate_unset_warns_when_later_than_the_books_start(two_members_db: str, capsys) -> None:
    b = Book.open(Path(two_members_db))
    try:
        dues.set_rate(b, b.roster.find("王二")["id"], from_month="2026-01", category="农民")
    finally:
        b.close()
    args = ["--db", two_members_db, "dues", "rate-unset", "--category", "学生"]
    assert main([*args, "--from", "2026-11", *TODAY]) == 0
    assert "注意：黄敏 自2026年1月至10月的 10 个月将不计应缴" in capsys.readouterr().out


@pytest.mark.parametrize("action", ["rate-unset", "rate"])
def test_a_start_outside_the_books_year_is_refused(
    two_members_db: str, capsys, action: str
) -> None:
    args = [
        "--db",
        two_members_db,
        "dues",
        action,
        "--category",
        "农民",
        "--from",
        "2062-01",
        *TODAY,
    ]
    if action == "rate":
        args += ["--member", "王二"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "2062年1月 不在本账本的 2026 年度内" in err and "2026年1月 至 2026年12月" in err
    reg = _register(two_members_db, capsys)
    assert reg["rates_missing"] == ["王二", "黄敏"]  # nothing written; still 未定标准


def test_month_before_the_books_dues_start_says_so(two_members_db: str, capsys) -> None:
    _set_all(two_members_db, "2026-11", capsys)
    assert main(["--db", two_members_db, "dues", "month", "2026-10", *TODAY]) == 0
    assert capsys.readouterr().out.strip() == (
        "2026年10月没有应缴党费的党员（本账本的党费自2026年11月起记）。"
    )
    assert main(["--db", two_members_db, "dues", "month", "2026-11", *TODAY]) == 0
    assert "王二" in capsys.readouterr().out


# `pioneer dues rate-unset`: the window's 统一设定标准… on the command line, with the start month
# (`--from`, as `dues rate` has) defaulting as the window does.


@pytest.fixture
def three_members_db(book: Book) -> str:
    for name in ("曾强", "丁一", "王二"):
        book.roster.add_member({"name": name, "status": "正式党员", "joined_date": "1990-01-01"})
    path = str(book.path)
    book.close()
    return path


def _rates(path: str) -> dict[str, str]:
    b = Book.open(Path(path))
    try:
        return {
            m["name"]: dues.rates(b, m["id"])[0]["from_month"]
            for m in b.roster.members()
            if dues.rates(b, m["id"])
        }
    finally:
        b.close()


def test_rate_unset_from_this_month_by_default(three_members_db: str, capsys) -> None:
    args = [
        "--db",
        three_members_db,
        "dues",
        "rate-unset",
        "--category",
        "农民",
        "--today",
        "2026-11-30",
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "已为 3 名党员设定党费标准，自2026-11起" in out
    assert out.rstrip().endswith("丁一、王二、曾强")  # 姓氏笔画 order
    assert set(_rates(three_members_db).values()) == {"2026-11"}
    assert (
        main(["--db", three_members_db, "dues", "arrears", "--json", "--today", "2026-11-30"]) == 0
    )
    assert json.loads(capsys.readouterr().out) == []
    # Everyone has one now: refused, exit 1.
    assert main(args) == 1
    assert "都已设定" in capsys.readouterr().err


def test_rate_unset_from_a_month_given(three_members_db: str, capsys) -> None:
    args = ["--db", three_members_db, "dues", "rate-unset", "--category", "农民", "--fixed", "0.50"]
    assert main([*args, "--from", "2026-03", "--today", "2026-11-30"]) == 0
    assert set(_rates(three_members_db).values()) == {"2026-03"}
    capsys.readouterr()
    assert (
        main(["--db", three_members_db, "dues", "arrears", "--json", "--today", "2026-11-30"]) == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [r["months"][0] for r in rows] == ["2026-03"] * 3
    assert all(r["veto_check"] for r in rows)  # March–October: eight months, nothing paid


def test_rate_unset_for_a_past_year_starts_in_january(three_members_db: str, capsys) -> None:
    args = ["--db", three_members_db, "dues", "rate-unset", "--category", "学生", "--year", "2025"]
    assert main([*args, "--today", "2026-11-30"]) == 0
    assert set(_rates(three_members_db).values()) == {"2025-01"}


def test_rate_default_start_is_this_month_too(three_members_db: str, capsys) -> None:
    args = ["--db", three_members_db, "dues", "rate", "--member", "丁一", "--category", "农民"]
    assert main([*args, "--today", "2026-11-30"]) == 0
    assert _rates(three_members_db) == {"丁一": "2026-11"}


@pytest.mark.parametrize(
    ("extra", "code", "says"),
    [
        (["--category", "农民", "--from", "2026-13"], 1, "起始月份“2026-13”不存在"),
        (["--category", "在职"], 1, "按每人的收入计算"),
        (["--category", "农民", "--fixed", "3"], 1, "0.20"),
        ([], 2, "--category"),
    ],
)
def test_rate_unset_refusals_write_nothing(
    three_members_db: str, capsys, extra: list[str], code: int, says: str
) -> None:
    assert (
        main(["--db", three_members_db, "dues", "rate-unset", *extra, "--today", "2026-11-30"])
        == code
    )
    assert says in capsys.readouterr().err
    assert _rates(three_members_db) == {}


def test_help_names_rate_unset_and_from(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["dues", "-h"])
    assert info.value.code == 0
    out = "".join(capsys.readouterr().out.split())  # argparse wraps the lines
    assert "rate-unset" in out and "--from" in out and "本账本党费起记的月份" in out


# A book kept from mid-year (the wizard's 「从7月起记分」, `init --start`): the dues start there
# too unless told otherwise, and a refused payment names the command that fixes it.


def _mid_year_book(tmp_path: Path, capsys) -> str:
    db = str(tmp_path / "mid.db")
    args = ["--db", db, "init", "--branch", "青石村党支部", "--year", "2026", "--start", "2026-07"]
    assert main(args) == 0
    with Book.open(Path(db)) as b:
        for name in ("孙七", "钱五"):
            b.roster.add_member(
                {"name": name, "status": "正式党员", "joined_date": "1990-01-01"},
                today=date(2026, 12, 5),
            )
    capsys.readouterr()
    return db


def test_rate_unset_in_a_book_kept_from_july_starts_in_july(tmp_path: Path, capsys) -> None:
    db = _mid_year_book(tmp_path, capsys)
    args = ["--db", db, "dues", "rate-unset", "--category", "农民", "--today", "2026-12-05"]
    assert main(args) == 0
    assert "自2026-07起" in capsys.readouterr().out
    assert set(_rates(db).values()) == {"2026-07"}
    # July–November are owed (nothing paid), so paying November is recorded.
    assert main(["--db", db, "dues", "arrears", "--json", "--today", "2026-12-05"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["months"] for r in rows][0] == [f"2026-{m:02d}" for m in range(7, 12)]
    pay = ["--db", db, "dues", "pay", "--member", "孙七", "--months", "2026-11"]
    assert main([*pay, "--amount", "1", "--receiver", "刘会计", "--today", "2026-12-05"]) == 0


def test_a_book_kept_from_july_of_last_year_starts_this_month(tmp_path: Path, capsys) -> None:
    db = _mid_year_book(tmp_path, capsys)
    args = ["--db", db, "dues", "rate-unset", "--category", "农民", "--year", "2027"]
    assert main([*args, "--today", "2027-03-10"]) == 0
    assert set(_rates(db).values()) == {"2027-03"}


def test_paying_a_month_without_a_standard_names_the_command(tmp_path: Path, capsys) -> None:
    db = _mid_year_book(tmp_path, capsys)
    rate = ["--db", db, "dues", "rate", "--member", "钱五", "--category", "农民"]
    assert main([*rate, "--from", "2026-12", "--today", "2026-12-05"]) == 0
    capsys.readouterr()
    pay = ["--db", db, "dues", "pay", "--member", "孙七", "--months", "2026-11", "--amount", "1"]
    assert main([*pay, "--receiver", "刘会计", "--today", "2026-12-05"]) == 1
    err = capsys.readouterr().err
    assert "孙七 还没有设定 2026年11月 的党费标准" in err
    assert "pioneer dues rate --member 001 --category 类别 --from 2026-11" in err
    assert "页" not in err  # no window page on the command line


# A payment typed wrong (100 for 1.00): asked about before saving (`--yes`), and reversible
# (`dues reverse`, 红字冲销) when it got through.


def test_pay_far_above_the_standard_needs_yes_then_reverse(tmp_path: Path, capsys) -> None:
    db = _mid_year_book(tmp_path, capsys)
    today = ["--today", "2026-12-05"]
    assert main(["--db", db, "dues", "rate-unset", "--category", "农民", *today]) == 0
    pay = ["--db", db, "dues", "pay", "--member", "孙七", "--months", "2026-12"]
    pay += ["--receiver", "刘会计", *today]
    capsys.readouterr()
    assert main([*pay, "--amount", "100"]) == 1
    err = capsys.readouterr().err
    assert "是标准的 100 倍" in err and "--yes" in err
    with Book.open(Path(db)) as b:
        assert dues.receipts(b) == []
    assert main([*pay, "--amount", "100", "--yes"]) == 0
    assert "收据号 20260001" in capsys.readouterr().out
    reverse = ["--db", db, "dues", "reverse", "--receipt", "20260001", *today]
    assert main([*reverse, "--reason", "金额录错"]) == 2  # who decided: a usage error
    assert "--by" in capsys.readouterr().err
    assert main([*reverse, "--reason", "金额录错，应为1.00元", "--by", "刘会计"]) == 0
    assert "红字收据号 20260002" in capsys.readouterr().out
    assert main([*reverse, "--reason", "金额录错", "--by", "刘会计"]) == 1
    assert "不能重复冲销" in capsys.readouterr().err
    assert main([*pay, "--amount", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "dues", "register", "--json", *today]) == 0
    reg = json.loads(capsys.readouterr().out)
    assert reg["paid"] == "1.00" and reg["payments_total"] == "1.00" and reg["reconciled"]
    # The printed register and receipts carry the red line.
    for kind in ("dues-register", "receipts", "dues-publicity"):
        pdf = tmp_path / f"{kind}.pdf"
        args = ["--db", db, "print", kind, "--year", "2026", "--out", str(pdf)]
        assert main(args) == 0, capsys.readouterr().err


def test_reverse_a_receipt_of_a_confirmed_quarter(tmp_path: Path, capsys) -> None:
    """A slip found after its quarter was confirmed: `dues reverse` dates the red receipt
    today (the open quarter) and says what stays; dated back in the confirmed quarter it is
    refused with what to do; `verify` still passes and the register prints."""
    db = str(tmp_path / "demo.db")
    today = ["--today", "2026-11-24"]
    assert main(["--db", db, "demo", "--year", "2026", *today]) == 0
    with Book.open(Path(db)) as b:
        assert b.execute("select status from periods where quarter = 1").fetchone()[0] == (
            "confirmed"
        )
        old = b.execute(
            "select receipt_no from dues_payments where paid_date < '2026-04-01' "
            "and receipt_no != '' limit 1"
        ).fetchone()[0]
    capsys.readouterr()
    reverse = ["--db", db, "dues", "reverse", "--receipt", old, "--reason", "金额录错"]
    reverse += ["--by", "支委会", *today]
    assert main([*reverse, "--date", "2026-03-31"]) == 1
    err = capsys.readouterr().err
    assert "在已确认的2026年第1季度内" in err and "请按今天的日期（2026-11-24）冲销" in err
    assert main(reverse) == 0
    said = capsys.readouterr().out
    assert f"已冲销：收据 {old} 作废" in said
    assert f"注意：收据 {old} 属于已确认的2026年第1季度" in said
    assert "pioneer correction add" in said
    assert main(["--db", db, "verify"]) == 0, capsys.readouterr().err
    pdf = tmp_path / "dues-register.pdf"
    assert main(["--db", db, "print", "dues-register", "--year", "2026", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_reverse_a_payment_without_a_receipt_number(tmp_path: Path, capsys) -> None:
    """Rows from a 党费 sheet without 收据号: `dues reverse` names one by --member and
    --months, --paid when the month was paid twice, or --record; the bad paths say what to
    add."""
    db = _mid_year_book(tmp_path, capsys)
    today = ["--today", "2026-12-05"]
    assert main(["--db", db, "dues", "rate-unset", "--category", "农民", *today]) == 0
    ids = []
    with Book.open(Path(db)) as b:
        member = b.roster.find("孙七")["id"]
        for paid, on, due in ((10000, "2026-11-10", 100), (50, "2026-11-20", 0)):
            ids.append(
                b.db["dues_payments"]
                .insert(
                    {
                        "member_id": member,
                        "month": "2026-11",
                        "due_fen": due,
                        "paid_fen": paid,
                        "paid_date": on,
                        "receiver": "刘会计",
                        "created_at": f"{on}T10:00:00",
                    }
                )
                .last_pk
            )
    capsys.readouterr()
    reverse = ["--db", db, "dues", "reverse", "--reason", "金额录错", "--by", "支委会", *today]
    assert main(reverse) == 2  # nothing named: a usage error saying how
    assert "--receipt" in capsys.readouterr().err
    assert main([*reverse, "--member", "孙七", "--months", "2026-09"]) == 1
    assert "找不到 孙七 2026年9月 的党费记录" in capsys.readouterr().err
    assert main([*reverse, "--member", "孙七", "--months", "2026-11"]) == 1
    err = capsys.readouterr().err
    assert "孙七 2026年11月 有 2 笔缴费" in err and "--paid" in err
    assert f"记录号 {ids[0]}" in err and f"记录号 {ids[1]}" in err
    paid = ["--member", "孙七", "--months", "2026-11", "--paid", "2026-11-10"]
    assert main([*reverse, *paid]) == 0
    said = capsys.readouterr().out
    assert f"已冲销：无收据号的缴费（记录号 {ids[0]}） 作废，红字收据号 20260001" in said
    assert main([*reverse, *paid]) == 1  # reversed already: not found standing
    assert "还未冲销的党费记录" in capsys.readouterr().err
    assert main([*reverse, "--record", str(ids[1])]) == 0
    assert "红字收据号 20260002" in capsys.readouterr().out
    assert main(["--db", db, "dues", "register", "--json", *today]) == 0
    reg = json.loads(capsys.readouterr().out)
    assert reg["reconciled"] and reg["payments_total"] == "0.00"
