"""A print kind asked without the option it needs (which activity, quarter or member) and an
activity type that doesn't exist are usage errors (exit 2, the subcommand's -h hint, the valid
choices named); what the book refuses — an activity or member it doesn't hold — stays exit 1."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cli_testkit import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from quarter_testkit import make_branch_file  # noqa: E402

from desktop.book.errors import InputRefused  # noqa: E402
from desktop.book.printing import print_document  # noqa: E402
from desktop.book.store import Book  # noqa: E402
from desktop.rules.facts import ACTIVITY_TYPES  # noqa: E402


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(make_branch_file(tmp_path / "b.db"))


@pytest.mark.parametrize(
    ("kind", "extra", "words"),
    [
        ("signin", [], ["打印签到表需要指明活动", "--activity", "pioneer activities"]),
        ("attendance", [], ["需要指明活动", "--activity"]),
        ("publicity", ["--year", "2026"], ["打印公示表需要指明季度", "--quarter 1、2、3 或 4"]),
        ("quarter-review", [], ["需要指明季度", "--quarter"]),
        ("member-register", ["--year", "2026"], ["需要指明党员", "--member"]),
        ("warning-notice", [], ["打印警戒书需要指明党员", "--member"]),
    ],
)
def test_a_missing_option_is_a_usage_error(capsys, db, tmp_path, kind, extra, words) -> None:
    out = tmp_path / f"{kind}.pdf"
    code, stdout, err = run(capsys, "--db", db, "print", kind, *extra, "--out", str(out))
    assert code == 2, err
    assert err.startswith("用法错误：") and "请运行 pioneer print -h 查看用法。" in err
    for w in words:
        assert w in err
    assert stdout == "" and not out.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["print", "signin", "--activity", "2099-999"], "找不到活动“2099-999”"),
        (["print", "member-register", "--year", "2026", "--member", "无名"], "无名"),
        (["print", "publicity", "--year", "2026", "--quarter", "3"], "还没有开始公示"),
    ],
)
def test_what_the_book_refuses_stays_exit_1(capsys, db, tmp_path, args, words) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--db", db, *args, "--out", str(out))
    assert code == 1, err
    assert words in err and "用法错误" not in err and "-h 查看用法" not in err
    assert not out.exists()


def test_the_window_still_sees_a_refusal(db, tmp_path) -> None:
    # Outside the command line a missing option is an ordinary refusal (InputRefused).
    with Book.open(Path(db)) as book, pytest.raises(InputRefused, match="需要指明活动"):
        print_document(book, "signin", tmp_path / "s.pdf")


def test_an_unknown_activity_type_lists_the_types_and_writes_nothing(capsys, db) -> None:
    before = run(capsys, "--db", db, "activities", "--year", "2026")[1]
    code, out, err = run(capsys, "--db", db, "activity-add", "--date", "2026-11-20",
                         "--type", "茶话会")  # fmt: skip
    assert code == 2 and out == ""
    assert "用法错误：参数 --type：“茶话会”不是可选的值" in err
    assert "（可选：" + "、".join(f"“{t}”" for t in ACTIVITY_TYPES) + "）" in err
    assert "请运行 pioneer activity-add -h 查看用法。" in err
    assert run(capsys, "--db", db, "activities", "--year", "2026")[1] == before
    # Every type is a choice, and the help names them.
    code, out, _ = run(capsys, "activity-add", "-h")
    assert code == 0 and all(t in out.replace("\n", "").replace(" ", "") for t in ACTIVITY_TYPES)


def test_a_known_type_with_data_the_book_refuses_stays_exit_1(capsys, db) -> None:
    code, _, err = run(capsys, "--db", db, "activity-add", "--date", "2019-01-01",
                       "--type", "党课")  # fmt: skip
    assert code == 1 and "年度范围" in err and "用法错误" not in err
    code, out, err = run(capsys, "--db", db, "activity-add", "--date", "2026-11-20",
                         "--type", "党课")  # fmt: skip
    assert code == 0 and "已登记活动" in out, err
