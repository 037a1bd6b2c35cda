"""Meeting commands through `desktop.cli.main`: activities, attend, plan, followups, print."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from cli_testkit import run
from poppler import pdftotext

from desktop.cli import main


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo", "--year", "2026", "--today", "2026-11-30"]) == 0
    return str(path)


def test_add_attend_and_list(db, capsys):
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "activity-add",
        "--date",
        "2026-11-20",
        "--type",
        "主题党日",
        "--topic",
        "学习党章",
    )
    assert code == 0 and "2026-045" in out
    code, out, err = run(
        capsys, "--db", db, "attend", "2026-045", "--set", "史铁柱=私:看病", "--set", "丁国=缺"
    )
    assert code == 0, err
    assert "因私请假 1 人" in out and "无故缺席 1 人" in out
    code, out, _ = run(capsys, "--db", db, "activities", "--json")
    last = json.loads(out)[-1]
    assert last["code"] == "2026-045" and last["absent"] == 1 and last["leave"] == 1


def test_attend_twice_is_refused_with_a_way_out(db, capsys):
    run(capsys, "--db", db, "activity-add", "--date", "2026-11-20", "--type", "主题党日")
    assert run(capsys, "--db", db, "attend", "2026-045")[0] == 0
    code, _, err = run(capsys, "--db", db, "attend", "2026-045")
    assert code == 1 and "已登记过签到" in err and "--amend" in err
    assert run(capsys, "--db", db, "attend", "2026-045", "--amend", "--set", "丁国=公")[0] == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["activity-add", "--date", "2019-01-01", "--type", "党课"], "年度范围"),
        (["attend", "2026-045", "--only-listed", "--set", "丁国=补录:会后补签:丁国"], "本人不能"),
    ],
)
def test_refusals_exit_1(db, capsys, args, words):
    run(capsys, "--db", db, "activity-add", "--date", "2026-11-20", "--type", "主题党日")
    code, _, err = run(capsys, "--db", db, *args)
    assert code == 1 and words in err


def test_plan_and_followups_json(db, capsys):
    code, out, _ = run(capsys, "--db", db, "plan", "--json")
    plan = json.loads(out)
    assert code == 0 and plan["year"] == 2026
    assert {i["state"] for i in plan["items"]} >= {"done", "overdue"}
    code, out, _ = run(capsys, "--db", db, "followups", "--json")
    ups = json.loads(out)
    kinds = {n["kind"] for n in ups["notices"]}
    assert kinds == {"提醒", "警戒书"}
    first = ups["notices"][0]
    code, out, _ = run(
        capsys, "--db", db, "notice", "--member", first["code"], "--activity", first["activity"]
    )
    assert code == 0 and f"已出具{first['kind']}" in out
    code, out, _ = run(capsys, "--db", db, "followups", "--json")
    assert json.loads(out)["notices"][0]["issued"] is True


def test_print_signin_and_attendance(db, capsys, tmp_path):
    for kind in ("signin", "attendance"):
        pdf = tmp_path / f"{kind}.pdf"
        code, _, err = run(
            capsys, "--db", db, "print", kind, "--activity", "2026-012", "--out", str(pdf)
        )
        assert code == 0, err
        assert pdf.read_bytes()[:5] == b"%PDF-"
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True
            ).stdout
            flat = re.sub(r"\s", "", text)
            assert "城关镇红星村党支部" in flat and "清明祭扫革命烈士" in flat
    code, _, err = run(capsys, "--db", db, "print", "signin", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "--activity" in err  # a usage error: test_usage_cli.py
    assert not (tmp_path / "x.pdf").exists()


def test_print_summary_and_notice(db, capsys, tmp_path):
    pdf = tmp_path / "s.pdf"
    assert (
        run(
            capsys,
            "--db",
            db,
            "print",
            "attendance-summary",
            "--year",
            "2026",
            "--quarter",
            "1",
            "--out",
            str(pdf),
        )[0]
        == 0
    )
    code, _, err = run(
        capsys, "--db", db, "print", "warning-notice", "--member", "007", "--out", str(pdf)
    )
    assert code == 1 and "还没有出具过警戒书" in err
    code, out, _ = run(capsys, "--db", db, "followups", "--json")
    warning = next(n for n in json.loads(out)["notices"] if n["kind"] == "警戒书")
    run(
        capsys, "--db", db, "notice", "--member", warning["code"], "--activity", warning["activity"]
    )
    code, _, err = run(
        capsys,
        "--db",
        db,
        "print",
        "warning-notice",
        "--member",
        warning["code"],
        "--out",
        str(pdf),
    )
    assert code == 0, err
    # A 文号 the branch can number, a Chinese date, the notice's own page numbers.
    flat = "".join(pdftotext(pdf).split())
    assert "红星村支〔2026〕警1号" in flat and "第1页共1页" in flat
    assert re.search(r"2026年\d{1,2}月\d{1,2}日", flat) and not re.search(
        r"2026-\d\d-\d\d", flat.split("本年度无故缺席记录")[0]
    )


def test_attendance_history(db, capsys):
    code, out, _ = run(capsys, "--db", db, "attendance-history", "--member", "史铁柱", "--json")
    data = json.loads(out)
    assert code == 0 and data["name"] == "史铁柱" and data["year"] == 2026
    statuses = [r["status"] for r in data["attendance"]]
    assert "无故缺席" in statuses and statuses.count("出席") > 10
    code, out, _ = run(capsys, "--db", db, "attendance-history", "--member", "史铁柱")
    assert "2026 年签到记录" in out


def test_group_meeting_signin_names_the_group_and_lists_only_it(db, capsys, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    pdf = tmp_path / "g.pdf"
    assert (
        run(capsys, "--db", db, "print", "signin", "--activity", "2026-006", "--out", str(pdf))[0]
        == 0
    )
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "党小组会签到表（东片党小组）" in text
    assert "西片党小组" not in text and "老年党小组" not in text


# pioneer plan --generate: this year's plan starts this month unless --from-month says otherwise,
# and says so; another year's plan covers the whole year.


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


def test_a_committee_meeting_expects_the_committee_set_by_the_command_line(tmp_path, capsys):
    """A book kept by the command line has no committee until `committee --set`: a 支委会 then
    expects everyone, and activity-add / attend say so and how to set it; once set, only the
    committee is signed in."""
    from desktop.book.store import Book

    db = str(tmp_path / "b.db")
    with Book.create(Path(db), branch="柳树湾村党支部", year=2026) as book:
        for name in ("李书记", "王委员", "张党员", "赵党员"):
            book.roster.add_member(
                {"name": name, "status": "正式党员", "joined_date": "2000-07-01"},
                today=date(2026, 1, 5),
            )
    code, out, err = run(capsys, "--db", db, "committee")
    assert code == 0 and "尚未设置支委会成员" in out
    code, out, err = run(
        capsys, "--db", db, "activity-add", "--date", "2026-09-10", "--type", "支委会"
    )
    assert code == 0 and "尚未设置支委会成员" in err and "pioneer committee --set" in err
    code, out, err = run(capsys, "--db", db, "attend", "2026-001")
    assert code == 0 and "出席 4 人" in out
    assert "按全体党员登记了签到" in err and "pioneer attend 2026-001 --amend" in err

    code, out, err = run(
        capsys, "--db", db, "committee", "--set", "书记=李书记", "--set", "组织委员=王委员"
    )
    assert code == 0, err
    assert out.splitlines() == [
        "已设置支委会成员 2 人：",
        "书记\t001\t李书记",
        "组织委员\t002\t王委员",
    ]
    code, out, err = run(capsys, "--db", db, "attend", "2026-001", "--amend")
    assert code == 0 and "出席 2 人" in out and err == ""
    code, out, _ = run(capsys, "--db", db, "committee", "--json")
    assert [m["name"] for m in json.loads(out)] == ["李书记", "王委员"]
    code, _out, err = run(capsys, "--db", db, "committee", "--set", "主任=张党员")
    assert code == 2 and "职务=姓名" in err
