"""Usage mistakes inside a subcommand (a required option missing, a value not among the
choices, an argument the subcommand doesn't take) exit 2 and point at `pioneer <cmd> -h`;
data the book refuses still exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_testkit import run

from desktop.cli import main


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "b.db"
    assert main(["--db", str(path), "init", "--branch", "新村党支部", "--year", "2026"]) == 0
    assert main(["--db", str(path), "activity-add", "--date", "2026-03-01", "--type", "党课"]) == 0
    return str(path)


@pytest.mark.parametrize(
    ("args", "words", "command"),
    [
        (
            ["dues", "pay", "--member", "002", "--months", "2026-03", "--amount", "1"],
            "dues pay 需要参数：--receiver",
            "dues",
        ),
        (
            ["appraisal", "add", "002=优秀", "--kind", "组织评议"],
            "“组织评议”不是可选的值",
            "appraisal",
        ),
        (["appraisal", "add", "002"], "请按“党员=等次”填写", "appraisal"),
        (["veto", "add", "--reason", "x"], "请用 --member 指明党员", "veto"),
        (["attend", "--activity", "ZZZ"], "不认识的参数：--activity", "attend"),
        (["attend", "2026-001", "--set", "丁国=睡觉"], "状态“睡觉”不认识", "attend"),
        (["attend", "2026-001", "--set", "丁国"], "看不懂", "attend"),
    ],
)
def test_usage_mistakes_exit_2_with_the_subcommands_hint(capsys, db, args, words, command):
    code, _, err = run(capsys, "--db", db, *args)
    assert code == 2, err
    assert "用法错误：" in err and words in err
    assert f"请运行 pioneer {command} -h 查看用法。" in err
    assert "请运行 pioneer -h" not in err


def test_unknown_top_level_option_still_points_at_pioneer_h(capsys, db):
    code, _, err = run(capsys, "--db", db, "--bogus")
    assert code == 2 and "请运行 pioneer -h 查看用法。" in err


def test_refused_data_still_exits_1(capsys, db):
    code, _, err = run(capsys, "--db", db, "appraisal", "add", "无名=优秀")
    assert code == 1 and "用法错误" not in err and "-h 查看用法" not in err
