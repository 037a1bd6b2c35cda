"""Help and usage errors in Chinese, exit status 2 (CONTRACT.md); print kinds and folders."""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from pathlib import Path

import pytest
from cli_testkit import run

from desktop.cli import main
from desktop.cli.args import wrap_cjk

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from quarter_testkit import make_branch_file  # noqa: E402

from desktop.book.errors import InputRefused  # noqa: E402
from desktop.book.printing import print_document  # noqa: E402
from desktop.book.store import Book  # noqa: E402
from desktop.rules.facts import ACTIVITY_TYPES  # noqa: E402

# argparse's own English, as a new user met it.
ENGLISH = re.compile(
    r"usage:|positional arguments|options:|show this|invalid choice|required|"
    r"unrecognized|expected one|error:|argument |invalid int"
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "b.db"
    assert main(["--db", str(path), "init", "--branch", "新村党支部", "--year", "2026"]) == 0
    return str(path)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["scheme", "bogus"], ["“bogus”不是可选的值", "list"]),
        (["score", "--year", "x"], ["参数 --year", "“x”不是有效的整数"]),
        (
            ["score", "--quarter", "5"],
            ["参数 --quarter", "“5”不是可选的值（可选：“1”、“2”、“3”、“4”）"],
        ),
        (["print"], ["缺少必填参数", "kind", "--out"]),
        (["bogus"], ["没有“bogus”这个子命令。", "init", "新建账本"]),
        (["init", "--year"], ["参数 --year", "后面需要填一个值"]),
        (["members", "--zz"], ["不认识的参数：--zz"]),
        (["init", "--branch", "x"], ["缺少必填参数：--year"]),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith("用法：pioneer")
    assert "用法错误：" in err and "-h 查看用法" in err
    for word in words:
        assert word in err
    assert not ENGLISH.search(err), err


def test_an_unknown_subcommand_lists_them_one_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "bogus")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[1] == "用法错误：没有“bogus”这个子命令。" and lines[2] == "可用的子命令："
    listed = {line.split()[0]: line.split(maxsplit=1)[1] for line in lines[3:-1]}
    assert listed["init"] == "新建账本" and listed["backup"] == "备份账本（经过校验）"
    assert {"demo", "dues", "period", "print"} <= set(listed)
    assert "'" not in err and lines[-1] == "请运行 pioneer -h 查看用法。"
    # Other choices are listed with Chinese quotes, not Python's reprs.
    code, _, err = run(capsys, "claim", "bogus")
    assert code == 2 and "（可选：“add”、“list”、“review”、“approve”、“reject”）" in err


def test_a_subcommand_error_points_to_that_subcommands_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "score", "--year", "x")
    assert code == 2 and "请运行 pioneer score -h 查看用法" in err


@pytest.mark.parametrize("args", [["-h"], ["print", "-h"], ["dues", "--help"], ["scheme", "-h"]])
def test_help_is_chinese(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert out.startswith("用法：pioneer")
    assert "选项：" in out and "显示本帮助后退出" in out
    assert not ENGLISH.search(out), out


def test_top_level_help_lists_subcommands_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "-h")
    assert "位置参数：" in out and "显示程序版本后退出" in out
    assert "print" in out and "生成打印用 PDF" in out


@pytest.mark.parametrize("args", [["review", "-h"], ["correction", "-h"]])
def test_period_commands_help_is_not_only_about_quarters(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    # Found in review: on a monthly (量化定级) or half-year scheme `review -h` read 「季度评议…
    # 较上季变化」 and `correction -h` 「更正已确认季度的错误…在未确认的季度」.
    _, out, _ = run(capsys, *args)
    description = out.split("\n\n")[1]
    assert "月" in description and "半年" in description, description


def test_argparse_is_left_english_outside_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "scheme", "bogus")
    # The Chinese table is installed only while our parser works.
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    plain = argparse.ArgumentParser(prog="x")
    assert plain.format_usage().startswith("usage: x")


def test_help_wraps_by_display_width() -> None:
    text = "种类：roster（党员花名册）、attendance-summary、warning-notice、publicity（季度公示）"
    lines = wrap_cjk(text, 30)
    assert "".join(lines) == text
    for line in lines:
        width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)
        assert width <= 30, line
        assert not line.startswith(("、", "）", "，")), line
    # Latin words (kinds, options) are never split.
    assert any(
        line.startswith("attendance-summary") or "attendance-summary" in line for line in lines
    )


def test_unknown_print_kind_is_a_usage_error_listing_the_kinds(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", db, "print", "bogus", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and out == ""
    assert "不认识的打印种类“bogus”" in err
    assert "roster\t党员花名册" in err and "signin\t签到表" in err
    assert "publicity\t党员积分公示" in err
    assert not (tmp_path / "x.pdf").exists()


def test_print_refuses_a_missing_folder_like_export(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "打错的文件夹"
    code, _, err = run(capsys, "--db", db, "print", "roster", "--out", str(missing / "r.pdf"))
    assert code == 1
    assert f"文件夹不存在：{missing}" in err
    assert not missing.exists()
    code, _, err2 = run(capsys, "--db", db, "export", str(missing / "r.xlsx"))
    assert code == 1 and f"文件夹不存在：{missing}" in err2
    assert not missing.exists()
    # An existing folder still works.
    code, out, _ = run(capsys, "--db", db, "print", "roster", "--out", str(tmp_path / "r.pdf"))
    assert code == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_a_book_path_alone_opens_the_window_and_a_command_stays_a_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db: str
) -> None:
    """`pioneer FILE.db` is what double-click sends; subcommands and typos are not books."""
    from desktop.gui import app

    opened: list[str | None] = []
    monkeypatch.setattr(app, "main", lambda path=None: opened.append(path) or 0)
    assert run(capsys, db)[0] == 0
    assert run(capsys, str(tmp_path / "还没有.DB"))[0] == 0  # the window offers to create it
    no_suffix = tmp_path / "账本"
    Path(db).rename(no_suffix)
    assert run(capsys, str(no_suffix))[0] == 0  # an existing file, whatever it is called
    assert opened == [db, str(tmp_path / "还没有.DB"), str(no_suffix)]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "members").write_text("")
    code, _, err = run(capsys, "members")  # a subcommand wins over a file of that name
    assert code in (0, 1) and opened[-1] != "members"
    code, _, err = run(capsys, "membrs")
    assert code == 2 and "没有“membrs”这个子命令" in err


def test_options_may_stand_between_a_subcommands_items(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    """`appraisal add --year 2025 001=合格` (issue 14): the item after the option is read."""
    db = str(tmp_path / "b.db")
    assert run(capsys, "--db", db, "init", "--branch", "测试支部", "--year", "2025")[0] == 0
    from desktop.book.store import Book

    with Book.open(tmp_path / "b.db") as book:
        book.roster.add_member({"code": "001", "name": "王一", "status": "正式党员"})
    code, out, err = run(capsys, "--db", db, "appraisal", "add", "--year", "2025", "001=合格")
    assert code == 0, out + err
    code, out, _ = run(capsys, "--db", db, "appraisal", "list", "--year", "2025")
    assert "王一" in out and "合格" in out


# Usage mistakes inside a subcommand (a required option missing, a value not among the choices, an
# argument the subcommand doesn't take) exit 2 and point at `pioneer <cmd> -h`; data the book
# refuses still exits 1.


@pytest.fixture
def db_with_an_activity(tmp_path: Path) -> str:
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
def test_usage_mistakes_exit_2_with_the_subcommands_hint(
    capsys, db_with_an_activity, args, words, command
):
    code, _, err = run(capsys, "--db", db_with_an_activity, *args)
    assert code == 2, err
    assert "用法错误：" in err and words in err
    assert f"请运行 pioneer {command} -h 查看用法。" in err
    assert "请运行 pioneer -h" not in err


def test_unknown_top_level_option_still_points_at_pioneer_h(capsys, db_with_an_activity):
    code, _, err = run(capsys, "--db", db_with_an_activity, "--bogus")
    assert code == 2 and "请运行 pioneer -h 查看用法。" in err


def test_refused_data_still_exits_1(capsys, db_with_an_activity):
    code, _, err = run(capsys, "--db", db_with_an_activity, "appraisal", "add", "无名=优秀")
    assert code == 1 and "用法错误" not in err and "-h 查看用法" not in err


# A print kind asked without the option it needs (which activity, quarter or member) and an
# activity type that doesn't exist are usage errors (exit 2, the subcommand's -h hint, the valid
# choices named); what the book refuses — an activity or member it doesn't hold — stays exit 1.


@pytest.fixture
def branch_db(tmp_path: Path) -> str:
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
def test_a_missing_option_is_a_usage_error(capsys, branch_db, tmp_path, kind, extra, words) -> None:
    out = tmp_path / f"{kind}.pdf"
    code, stdout, err = run(capsys, "--db", branch_db, "print", kind, *extra, "--out", str(out))
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
def test_what_the_book_refuses_stays_exit_1(capsys, branch_db, tmp_path, args, words) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--db", branch_db, *args, "--out", str(out))
    assert code == 1, err
    assert words in err and "用法错误" not in err and "-h 查看用法" not in err
    assert not out.exists()


def test_the_window_still_sees_a_refusal(branch_db, tmp_path) -> None:
    # Outside the command line a missing option is an ordinary refusal (InputRefused).
    with Book.open(Path(branch_db)) as book, pytest.raises(InputRefused, match="需要指明活动"):
        print_document(book, "signin", tmp_path / "s.pdf")


def test_an_unknown_activity_type_lists_the_types_and_writes_nothing(capsys, branch_db) -> None:
    before = run(capsys, "--db", branch_db, "activities", "--year", "2026")[1]
    code, out, err = run(capsys, "--db", branch_db, "activity-add", "--date", "2026-11-20",
                         "--type", "茶话会")  # fmt: skip
    assert code == 2 and out == ""
    assert "用法错误：参数 --type：“茶话会”不是可选的值" in err
    assert "（可选：" + "、".join(f"“{t}”" for t in ACTIVITY_TYPES) + "）" in err
    assert "请运行 pioneer activity-add -h 查看用法。" in err
    assert run(capsys, "--db", branch_db, "activities", "--year", "2026")[1] == before
    # Every type is a choice, and the help names them.
    code, out, _ = run(capsys, "activity-add", "-h")
    assert code == 0 and all(t in out.replace("\n", "").replace(" ", "") for t in ACTIVITY_TYPES)


def test_a_known_type_with_data_the_book_refuses_stays_exit_1(capsys, branch_db) -> None:
    code, _, err = run(capsys, "--db", branch_db, "activity-add", "--date", "2019-01-01",
                       "--type", "党课")  # fmt: skip
    assert code == 1 and "年度范围" in err and "用法错误" not in err
    code, out, err = run(capsys, "--db", branch_db, "activity-add", "--date", "2026-11-20",
                         "--type", "党课")  # fmt: skip
    assert code == 0 and "已登记活动" in out, err
