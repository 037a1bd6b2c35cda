"""pioneer plan --generate: this year's plan starts this month unless --from-month says
otherwise, and says so; another year's plan covers the whole year."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from cli_testkit import run

THIS_YEAR = date.today().year


def _book(capsys, tmp_path: Path, year: int) -> str:
    db = str(tmp_path / "p.db")
    assert run(capsys, "--db", db, "init", "--branch", "测试支部", "--year", str(year))[0] == 0
    return db


def _months(capsys, db: str, year: int) -> set[int]:
    code, out, _ = run(capsys, "--db", db, "plan", "--year", str(year), "--json")
    assert code == 0
    return {int(i["due_date"][5:7]) for i in json.loads(out)["items"]}


def test_this_year_starts_this_month(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path, THIS_YEAR)
    code, out, err = run(capsys, "--db", db, "plan", "--year", str(THIS_YEAR), "--generate")
    assert code == 0, err
    month = date.today().month
    assert min(_months(capsys, db, THIS_YEAR)) == month
    if month > 1:
        assert f"（自 {month} 月起" in out and "--from-month 1" in out


def test_from_month_one_plans_the_whole_year(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path, THIS_YEAR)
    args = ("--db", db, "plan", "--year", str(THIS_YEAR), "--generate", "--from-month", "1")
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert "自" not in out
    assert min(_months(capsys, db, THIS_YEAR)) == 1


def test_from_month_outside_the_year_is_a_usage_error(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path, THIS_YEAR)
    args = ("--db", db, "plan", "--year", str(THIS_YEAR), "--generate", "--from-month", "13")
    assert run(capsys, *args)[0] == 2
