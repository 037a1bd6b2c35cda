"""`pioneer dues rate-unset`: the window's 统一设定标准… on the command line, with the start
month (`--from`, as `dues rate` has) defaulting as the window does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.book import dues
from desktop.book.store import Book
from desktop.cli import main


@pytest.fixture
def db(book: Book) -> str:
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


def test_rate_unset_from_this_month_by_default(db: str, capsys) -> None:
    args = ["--db", db, "dues", "rate-unset", "--category", "农民", "--today", "2026-11-30"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "已为 3 名党员设定党费标准，自2026-11起" in out
    assert out.rstrip().endswith("丁一、王二、曾强")  # 姓氏笔画 order
    assert set(_rates(db).values()) == {"2026-11"}
    assert main(["--db", db, "dues", "arrears", "--json", "--today", "2026-11-30"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    # Everyone has one now: refused, exit 1.
    assert main(args) == 1
    assert "都已设定" in capsys.readouterr().err


def test_rate_unset_from_a_month_given(db: str, capsys) -> None:
    args = ["--db", db, "dues", "rate-unset", "--category", "农民", "--fixed", "0.50"]
    assert main([*args, "--from", "2026-03", "--today", "2026-11-30"]) == 0
    assert set(_rates(db).values()) == {"2026-03"}
    capsys.readouterr()
    assert main(["--db", db, "dues", "arrears", "--json", "--today", "2026-11-30"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["months"][0] for r in rows] == ["2026-03"] * 3
    assert all(r["veto_check"] for r in rows)  # March–October: eight months, nothing paid


def test_rate_unset_for_a_past_year_starts_in_january(db: str, capsys) -> None:
    args = ["--db", db, "dues", "rate-unset", "--category", "学生", "--year", "2025"]
    assert main([*args, "--today", "2026-11-30"]) == 0
    assert set(_rates(db).values()) == {"2025-01"}


def test_rate_default_start_is_this_month_too(db: str, capsys) -> None:
    args = ["--db", db, "dues", "rate", "--member", "丁一", "--category", "农民"]
    assert main([*args, "--today", "2026-11-30"]) == 0
    assert _rates(db) == {"丁一": "2026-11"}


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
    db: str, capsys, extra: list[str], code: int, says: str
) -> None:
    assert main(["--db", db, "dues", "rate-unset", *extra, "--today", "2026-11-30"]) == code
    assert says in capsys.readouterr().err
    assert _rates(db) == {}


def test_help_names_rate_unset_and_from(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["dues", "-h"])
    assert info.value.code == 0
    out = "".join(capsys.readouterr().out.split())  # argparse wraps the lines
    assert "rate-unset" in out and "--from" in out and "本账本党费起记的月份" in out
