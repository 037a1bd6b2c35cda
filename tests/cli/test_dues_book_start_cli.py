"""`pioneer dues` and the book's dues start: a forgotten member's first standard defaults to
the book's start and a later one is warned about; a start month outside the book's year is
refused; a month before the book's dues start says so instead of printing nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.book import dues
from desktop.book.store import Book
from desktop.cli import main

TODAY = ["--today", "2026-11-30"]


@pytest.fixture
def db(book: Book) -> str:
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


def test_rate_defaults_to_the_books_start_for_a_forgotten_member(db: str, capsys) -> None:
    _set_all(db, "2026-01", capsys)
    _add_forgotten(db)
    assert main(["--db", db, "dues", "rate", "--member", "丁漏", "--category", "农民", *TODAY]) == 0
    out = capsys.readouterr().out
    assert "注意" not in out and "丁漏 自2026-01起" in out
    assert _register(db, capsys)["rates_missing"] == []


def test_a_later_start_warns_and_keeps_the_months_flagged(db: str, capsys) -> None:
    _set_all(db, "2026-01", capsys)
    _add_forgotten(db)
    args = ["--db", db, "dues", "rate", "--member", "丁漏", "--category", "农民"]
    assert main([*args, "--from", "2026-11", *TODAY]) == 0
    out = capsys.readouterr().out
    assert "注意：丁漏 自2026年1月至10月的 10 个月将不计应缴" in out
    reg = _register(db, capsys)
    assert reg["rates_missing"] == ["丁漏"] and "丁漏 未设定党费标准（1 人）" in reg["warning"]
    assert main(["--db", db, "dues", "register", *TODAY]) == 0
    assert "账实相符" not in capsys.readouterr().out


def test_rate_unset_warns_when_later_than_the_books_start(db: str, capsys) -> None:
    b = Book.open(Path(db))
    try:
        dues.set_rate(b, b.roster.find("王二")["id"], from_month="2026-01", category="农民")
    finally:
        b.close()
    args = ["--db", db, "dues", "rate-unset", "--category", "学生"]
    assert main([*args, "--from", "2026-11", *TODAY]) == 0
    assert "注意：黄敏 自2026年1月至10月的 10 个月将不计应缴" in capsys.readouterr().out


@pytest.mark.parametrize("action", ["rate-unset", "rate"])
def test_a_start_outside_the_books_year_is_refused(db: str, capsys, action: str) -> None:
    args = ["--db", db, "dues", action, "--category", "农民", "--from", "2062-01", *TODAY]
    if action == "rate":
        args += ["--member", "王二"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "2062年1月 不在本账本的 2026 年度内" in err and "2026年1月 至 2026年12月" in err
    reg = _register(db, capsys)
    assert reg["rates_missing"] == ["王二", "黄敏"]  # nothing written; still 未定标准


def test_month_before_the_books_dues_start_says_so(db: str, capsys) -> None:
    _set_all(db, "2026-11", capsys)
    assert main(["--db", db, "dues", "month", "2026-10", *TODAY]) == 0
    assert capsys.readouterr().out.strip() == (
        "2026年10月没有应缴党费的党员（本账本的党费自2026年11月起记）。"
    )
    assert main(["--db", db, "dues", "month", "2026-11", *TODAY]) == 0
    assert "王二" in capsys.readouterr().out
