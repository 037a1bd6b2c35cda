"""The command line's entry: the parser (every subcommand, each module adding its own) and
`main`, which turns the book layer's refusals into Chinese messages and exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop import __version__
from desktop.cli.args import ChineseParser
from desktop.cli.book_commands import (
    cmd_backup,
    cmd_demo,
    cmd_explain,
    cmd_export,
    cmd_gui,
    cmd_import,
    cmd_init,
    cmd_members,
    cmd_print,
    cmd_rate,
    cmd_restore,
    cmd_scheme,
    cmd_score,
    cmd_self_test,
    cmd_verify,
    list_print_kinds_in_help,
)
from desktop.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, err
from desktop.start import utf8_streams, window_book

# argparse in Chinese (help, usage, usage errors with exit status 2).
_Parser = ChineseParser


# -- parser -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    db_help = "账本文件路径（默认：环境变量 PIONEER_DB，否则用户数据文件夹中的账本）"
    parser = _Parser(
        prog="pioneer",
        description="先锋指数 — 党员积分制管理。不带子命令时打开窗口。",
    )
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--version", action="version", version=f"先锋指数 {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="自检：打开临时账本、评分、输出 PDF"
    )
    sub = parser.add_subparsers(dest="command", metavar="子命令", parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help: str):
        p = sub.add_parser(name, help=help, description=help)
        # Accept --db after the subcommand too; SUPPRESS keeps the top-level value.
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, "新建账本")
    p.add_argument("--branch", required=True, help="支部名称")
    p.add_argument("--year", type=int, required=True, help="年度")
    p.add_argument("--scheme", default=None, help="积分方案编号（见 pioneer scheme list）")
    p.add_argument("--operator", default="", help="经办人姓名（记入操作记录，印在报送材料上）")
    p.add_argument(
        "--start",
        metavar="YYYY-MM",
        default=None,
        help="从哪个月起用本程序记分（年中开始时用；此前的月份不记分，无需公示和确认）",
    )

    p = add("demo", cmd_demo, "生成一个示范支部账本（约 40 名党员、三个党小组）")
    p.add_argument(
        "--year",
        type=int,
        default=None,
        help="年度（默认今年）。往年：第1–3季度已确认、第4季度已公示待确认；今年：已结束的"
        "季度中最后一个已公示待确认，之前的已确认",
    )
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: make the demo as of this day

    p = add("members", cmd_members, "列出党员名册")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--all", action="store_true", help="包括已离开（转出、出党、死亡）的党员")

    p = add("import", cmd_import, "导入交换工作簿或乡镇的党员花名册（默认全部无误才写入）")
    p.add_argument("file", help="xlsx 文件")
    p.add_argument(
        "--good-rows",
        action="store_true",
        help="只导入无误的行（党员名册），有问题的行写入问题工作簿",
    )
    p.add_argument(
        "--problems-to",
        metavar="PROBLEMS.xlsx",
        help="问题工作簿的位置（默认：原文件旁的“…-问题行.xlsx”）",
    )
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: judge "not yet come" as of this day

    p = add("export", cmd_export, "导出交换工作簿")
    p.add_argument("file", help="要写入的 xlsx 文件")

    p = add("backup", cmd_backup, "备份账本（经过校验）")
    p.add_argument("--to", required=True, metavar="DIR", help="备份到的文件夹（如 U 盘）")

    p = add("verify", cmd_verify, "检查账本、备份文件或报送包是否完好、未被改动")
    p.add_argument(
        "file",
        nargs="?",
        default=None,
        help="账本、备份文件或报送包文件夹（不写：--db 指定的账本）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--password", default=None, help="加密报送包的密码")

    p = add("restore", cmd_restore, "用备份替换当前账本（先自动备份当前账本）")
    p.add_argument("file", help="备份文件")
    p.add_argument(
        "--other-branch", action="store_true", help="确认要用另一个支部的备份替换当前账本"
    )

    p = sub.add_parser("scheme", help="积分方案：list 列出预置方案；show ID 显示；check FILE 检查")
    p.add_argument("action", choices=["list", "show", "check"])
    p.add_argument("target", nargs="?", help="方案编号（show）或方案文件（check）")
    p.set_defaults(func=cmd_scheme)

    p = add("score", cmd_score, "计算积分（全年，或某季度、半年、月份）")
    p.add_argument("--year", type=int, default=None, help="年度（默认账本的当前年度）")
    p.add_argument("--quarter", type=int, default=None, choices=[1, 2, 3, 4])
    p.add_argument(
        "--half", type=int, default=None, choices=[1, 2], help="半年：1 上半年，2 下半年"
    )
    p.add_argument("--month", type=int, default=None, choices=range(1, 13), metavar="1-12")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add("rate", cmd_rate, "评星定级（按方案的分数线、比例和资格条件）")
    p.add_argument("--year", type=int, default=None, help="年度（默认账本的当前年度）")
    p.add_argument(
        "--quarter", type=int, default=None, choices=[1, 2, 3, 4], help="按季度评星的方案用"
    )
    p.add_argument("--half", type=int, default=None, choices=[1, 2], help="按半年评星的方案用")
    p.add_argument(
        "--month",
        type=int,
        default=None,
        choices=range(1, 13),
        metavar="1-12",
        help="按月评的方案用",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add("explain", cmd_explain, "积分明细：每一分来自哪条记录")
    p.add_argument("--member", required=True, help="党员编号或姓名")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--quarter", type=int, default=None, choices=[1, 2, 3, 4])
    p.add_argument("--half", type=int, default=None, choices=[1, 2], help="半年：1 或 2")
    p.add_argument("--month", type=int, default=None, choices=range(1, 13), metavar="1-12")

    from desktop.cli.meetings import add_meeting_commands

    add_meeting_commands(add)

    from desktop.cli.dues import add_dues_commands

    add_dues_commands(add)

    from desktop.cli.quarter import add_quarter_commands

    add_quarter_commands(add)

    from desktop.cli.year import add_year_commands

    add_year_commands(add)

    from desktop.cli.branch import add_branch_commands

    add_branch_commands(add)

    from desktop.cli.year_end import (
        add_approval_commands,
        add_exchange_commands,
        add_year_end_commands,
    )

    add_year_end_commands(add)
    add_approval_commands(add)
    add_exchange_commands(add)

    from desktop.cli.township import add_township_commands

    add_township_commands(add)

    p = add("print", cmd_print, "生成打印用 PDF")
    kind = p.add_argument("kind", help="种类（见 pioneer print -h）")
    list_print_kinds_in_help(p, kind)
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--quarter", type=int, default=None, choices=[1, 2, 3, 4])
    p.add_argument("--month", type=int, default=None, choices=range(1, 13), metavar="1-12")
    p.add_argument("--half", type=int, default=None, choices=[1, 2], help="半年：1 或 2")
    p.add_argument("--activity", default=None, help="活动编号")
    p.add_argument("--member", default=None, help="党员编号或姓名")
    p.add_argument(
        "--order", choices=["strokes", "pinyin"], default="strokes", help="排序：姓氏笔画或拼音"
    )
    return parser


def book_argument(argv: list[str], parser: argparse.ArgumentParser | None = None) -> str | None:
    """The book's path when it is the only argument (`pioneer FILE.db`), else None.

    Double-click, drag-and-drop and 「打开方式」 start the program with just the file's path.
    A subcommand's name always wins, so `pioneer members` stays a command even if a file of
    that name lies in the current folder. A path ending in .db needs no parser (no command
    ends so): building it costs ~0.3 s of the window's start.
    """
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    arg = argv[0]
    if window_book(argv):
        return arg
    if parser is None or not Path(arg).is_file():
        return None
    commands = next(
        (a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)), {}
    )
    return None if arg in (commands or {}) else arg


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    given = sys.argv[1:] if argv is None else argv
    if not given or book_argument(given):  # the window: no parser to build first (~0.3 s)
        from desktop.gui.app import main as gui_main

        return gui_main(given[0] if given else None)
    parser = build_parser()
    book = book_argument(given, parser)
    if book is not None:
        from desktop.gui.app import main as gui_main

        return gui_main(book)
    args = parser.parse_args(argv)
    if args.self_test:
        return cmd_self_test(args)
    func = getattr(args, "func", None)
    if func is None:
        return cmd_gui(args)
    from desktop.book import inuse
    from desktop.book.errors import BookError
    from desktop.cli.args import UsageError

    inuse.set_program(f"命令行 pioneer {getattr(args, 'command', '')}".rstrip())
    try:
        from desktop.cli.args import refuse_undecodable

        refuse_undecodable(args)
        return func(args)
    except UsageError as exc:
        err(f"用法错误：{exc}")
        for line in exc.details:
            err(line)
        command = exc.command or getattr(args, "command", None)
        err(
            f"请运行 pioneer {command} -h 查看用法。" if command else "请运行 pioneer -h 查看用法。"
        )
        return EXIT_USAGE
    except BookError as exc:
        err(str(exc))
        lines = getattr(exc, "lines", None)
        for line in lines() if lines else []:
            err(line)
        return EXIT_REFUSED
    except BrokenPipeError:
        # Output piped into `head` and cut short: not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:
        err(f"无法读写文件：{exc.filename or ''}（{exc.strerror or exc}）。请检查路径和权限。")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
