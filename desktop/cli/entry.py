"""The command line: the same operations as the window, for scripts, township IT and tests.

Exit status: 0 success; 1 the input was refused (nothing was written); 2 usage error.
Messages for people are Chinese; --json output is UTF-8 JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.cli_args import ChineseParser
from desktop.start import utf8_streams, window_book

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


# argparse in Chinese (help, usage, usage errors with exit status 2).
_Parser = ChineseParser


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _db_path(args: argparse.Namespace) -> Path:
    from desktop.book.paths import default_book_path

    return Path(args.db) if getattr(args, "db", None) else default_book_path()


def _open(args: argparse.Namespace):  # -> Book
    from desktop.book.store import Book

    return Book.open(_db_path(args))


# -- commands -------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.book.store import Book

    path = _db_path(args)
    if args.start is not None:
        _check_start(args.start, args.year)
    with Book.create(
        path, branch=args.branch, year=args.year, scheme_id=args.scheme, operator=args.operator
    ) as book:
        if args.start:
            from desktop.book.points_start import set_points_start, start_words

            set_points_start(book, args.start)
            _out(f"已新建账本：{book.path}（{args.branch}，{args.year} 年，{start_words(book)}）")
        else:
            _out(f"已新建账本：{book.path}（{args.branch}，{args.year} 年）")
    return EXIT_OK


def _check_start(start: str, year: int) -> None:
    """--start is checked before the book is made: a refused start leaves no file behind."""
    from desktop.cli_args import UsageError
    from desktop.rules.dates import month_problem

    problem = month_problem(start, "--start", example=f"{year}-10")
    if problem:
        raise UsageError(f"{problem}。", command="init")
    if int(start[:4]) != year:
        raise UsageError(
            f"--start {start} 不在 {year} 年：记分起始月份应是账本年度中的一个月。", command="init"
        )


def cmd_demo(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop.book.demo import create_demo
    from desktop.book.quarter import year_status

    path = _db_path(args)
    today = date.fromisoformat(args.today) if args.today else None
    with create_demo(path, year=args.year, today=today) as book:
        counts = book.roster.count()
        total = sum(counts.values())
        _out(f"已生成示范支部账本：{book.path}（{book.branch()['name']}，在册 {total} 人）")
        states = year_status(book, book.current_year, today=today)
        _out(
            f"{book.current_year} 年："
            + "、".join(f"{st['number_text']}{st['state_text']}" for st in states)
        )
    return EXIT_OK


def cmd_members(args: argparse.Namespace) -> int:
    from desktop.book.reports import roster_json

    with _open(args) as book:
        members = roster_json(book, include_left=args.all)
    if args.json:
        _json(members)
    else:
        for m in members:
            _out(f"{m['code']}\t{m['name']}\t{m['status']}\t{m['group']}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop.book.interchange import WorkbookRefused, import_plan, read_for_import

    if args.problems_to and not args.good_rows:
        from desktop.cli_args import UsageError

        raise UsageError(
            "--problems-to 要与 --good-rows 一起用（只导入无误的行时才写问题工作簿）。",
            command="import",
        )
    today = date.fromisoformat(args.today) if args.today else None
    with _open(args) as book:
        # No mapping step here: take the window's guesses and say what they were (and which
        # columns were left out) whether the import then goes through or is refused.
        plan = read_for_import(book, Path(args.file), today=today, guess_headers=True)
        for line in plan.column_notes() + plan.read_notes:
            _out(line)
        if args.good_rows and plan.problems:
            return _import_good_rows(book, plan, args)
        try:
            result = import_plan(book, plan)
        except WorkbookRefused as exc:
            hint = _good_rows_hint(plan, args.file)
            if not hint:
                raise
            raise WorkbookRefused(str(exc), [*exc.lines(), hint]) from None
    _out(f"导入完成：{result.summary()}")
    return EXIT_OK


def _good_rows_hint(plan: Any, file: str) -> str:
    """When only some roster rows are wrong: how to import the others now ('' otherwise)."""
    from desktop.book.errors import InputRefused
    from desktop.book.roster_import import split_good_rows

    try:
        good = split_good_rows(plan)
    except InputRefused:
        return ""
    if not good.plan.members:
        return ""
    return (
        f"可以先只导入无误的 {len(good.plan.members)} 行，把有问题的 {len(good.refused)} 行"
        f"连同“问题”列写入问题工作簿，改正后再导入：pioneer import {file} --good-rows"
    )


def _import_good_rows(book: Any, plan: Any, args: argparse.Namespace) -> int:
    """Import the roster rows that are right; write the refused ones to the problem workbook."""
    from desktop.book.interchange import apply_import
    from desktop.book.roster_import import split_good_rows, write_problem_rows

    source = Path(args.file)
    good = split_good_rows(plan)
    out = (
        Path(args.problems_to)
        if args.problems_to
        else source.with_name(f"{source.stem}-问题行.xlsx")
    )
    written = write_problem_rows(source, good, out, Path(book.path))
    imported = bool(good.plan.members)
    if imported:
        apply_import(book, good.plan)
        _out(f"导入完成：{good.plan.summary()}")
    else:
        _out("没有一行无误，未导入任何内容。")
    _out(f"有 {len(good.refused)} 行没有导入，已连同“问题”列写入：{written}（改正后可再导入）")
    for lines in good.refused.values():
        for line in lines:
            _out(line)
    return EXIT_OK if imported else EXIT_REFUSED


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.book.interchange import export_workbook

    with _open(args) as book:
        path = export_workbook(book, Path(args.file))
    _out(f"已导出：{path}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.book.backup import backup_book

    with _open(args) as book:
        path = backup_book(book, reason="手动", dest_dir=Path(args.to))
    _out(str(path))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.book.backup import verify_file

    if args.file is None:  # the book the command works on (--db, or the default book)
        args.file = str(_db_path(args))
    if Path(args.file).is_dir():
        from desktop.cli_township import verify_pack_command

        return verify_pack_command(Path(args.file), password=args.password, as_json=args.json)
    report = verify_file(Path(args.file))
    if args.json:
        _json({"ok": True, **report})
        return EXIT_OK
    counts = "，".join(f"{k} {v}" for k, v in report["counts"].items())
    _out(f"检查通过：{args.file}")
    _out(f"支部：{report['branch'] or '（未命名）'}；{counts}")
    chain = report.get("chain")
    if chain and chain["confirmed"]:
        labels = chain["confirmed"]
        word = "季度" if all("季度" in label for label in labels) else "期间"  # 月、半年
        _out(f"已确认{word} {len(labels)} 个（{'、'.join(labels)}），校验链完好。")
        _out(f"链头校验值：{chain['head']}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.book.backup import restore_book, restore_concerns, verify_file

    later = restore_concerns(_db_path(args), verify_file(Path(args.file)))["later_actions"]
    result = restore_book(_db_path(args), Path(args.file), other_branch=args.other_branch)
    if later:
        _out(f"注意：原账本在这份备份之后的 {later} 项操作已被撤销（原账本已另存，见下）。")
    if result["saved"]:
        _out(f"原账本已先备份到：{result['saved']}")
    _out(f"已从备份恢复：{args.file} → {_db_path(args)}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from desktop.book.printing import KINDS, print_document

    if args.kind not in KINDS:  # a usage error (exit 2), caught before the book is opened
        _err(f"用法错误：不认识的打印种类“{args.kind}”。可用的种类：")
        for kind, (name, _writer) in KINDS.items():
            _err(f"  {kind}\t{name}")
        _err("请运行 pioneer print -h 查看用法。")
        return EXIT_USAGE
    from desktop.book.errors import MissingOption
    from desktop.cli_args import UsageError

    with _open(args) as book:
        from desktop.book.printing import unprintable_names

        for line in unprintable_names(book):  # said before the paper is made
            _err(f"注意：{line}")
        try:
            path = print_document(
                book,
                args.kind,
                Path(args.out),
                year=args.year,
                quarter=args.quarter,
                month=args.month,
                half=args.half,
                activity=args.activity,
                member=args.member,
                order=args.order,
            )
        except MissingOption as exc:
            # Which options a kind needs is the kind's business (book.printing); leaving one
            # out is still a mistake on the command line, not data the book refused.
            raise UsageError(exc.message, exc.lines(), command="print") from exc
    _out(f"已生成：{path}")
    return EXIT_OK


def cmd_scheme(args: argparse.Namespace) -> int:
    from desktop.rules.presets import list_presets, preset_text
    from desktop.rules.scheme import check_scheme

    if args.action == "list":
        for preset_id, title in list_presets():
            _out(f"{preset_id}\t{title}")
        return EXIT_OK
    if not args.target:
        _err("用法错误：scheme show 需要方案编号，scheme check 需要方案文件。")
        return EXIT_USAGE
    if args.action == "show":
        try:
            sys.stdout.write(preset_text(args.target))
        except KeyError as exc:
            _err(str(exc.args[0]))
            return EXIT_REFUSED
        return EXIT_OK
    path = Path(args.target)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        _err(f"方案文件 {path.name} 不是 UTF-8 文本，请用记事本“另存为 UTF-8”后再检查。")
        return EXIT_REFUSED
    problems = check_scheme(text)
    if problems:
        _err(f"方案文件 {path.name} 有 {len(problems)} 处问题：")
        for line in problems:
            _err(line)
        return EXIT_REFUSED
    _out(f"方案文件 {path.name} 检查通过。")
    return EXIT_OK


def _year(args: argparse.Namespace, book) -> int:  # book: Book
    return args.year or book.current_year


def cmd_score(args: argparse.Namespace) -> int:
    from desktop.book.periods import cycle, period_label
    from desktop.book.quarter import confirmed_score_json
    from desktop.book.scoring import score_book
    from desktop.rules.scoring import score_json

    _one_window(args, "score")
    with _open(args) as book:
        year = _year(args, book)
        # A confirmed period of the scheme's review cycle (a quarter, or a month or half-year
        # where [publicity] cycle says so) is what was confirmed (its snapshot), not a
        # recomputation.
        given = next((k for k in ("quarter", "month", "half") if getattr(args, k)), None)
        reviewed = given is not None and given == cycle(book, year)
        data = confirmed_score_json(book, year, getattr(args, given), given) if reviewed else None
        if data is None:
            result = score_book(
                book, year, args.quarter, half=args.half, month=args.month, explain=False
            )
            data = score_json(result)
            if reviewed:
                data["confirmed"] = False
    if args.json:
        _json(data)
        return EXIT_OK
    if data.get("confirmed"):
        _out(
            f"{period_label(year, getattr(args, given), given)} 已确认"
            f"（{data['confirmed_at'][:10]}），以下为确认时保存的"
            f"结果。校验值：{data['hash']}　链头：{data['chain_head']}"
        )
    names = list(data["members"][0]["sections"]) if data["members"] else []
    _out("编号\t姓名\t" + "\t".join(names) + "\t合计")
    for m in data["members"]:
        cells = [m["sections"][n] for n in names]
        _out(f"{m['code']}\t{m['name']}\t" + "\t".join(cells) + f"\t{m['total']}")
    return EXIT_OK


def _one_window(args: argparse.Namespace, command: str) -> None:
    """--quarter, --half and --month choose one window: two of them is a usage error."""
    from desktop.cli_args import UsageError

    given = [o for o in ("quarter", "half", "month") if getattr(args, o, None) is not None]
    if len(given) > 1:
        raise UsageError(
            f"--{given[0]} 与 --{given[1]} 只能写一个（季度、半年、月份选一）。", command=command
        )


def cmd_rate(args: argparse.Namespace) -> int:
    from desktop.book.scoring import rate_book
    from desktop.rules.scoring import rate_json

    _one_window(args, "rate")
    with _open(args) as book:
        year = _year(args, book)
        rating = rate_book(book, year, args.quarter, half=args.half, month=args.month)
        steps = []
        if args.quarter is None and args.half is None and args.month is None:
            # The year's results that wait for approval above the branch say so (待审批).
            from desktop.book.approvals import decisions_of, states_for
            from desktop.book.scoring import year_scheme

            steps = states_for(year_scheme(book, year), rating, decisions_of(book, year))
    data = rate_json(rating)
    by_code: dict[str, list] = {}
    for s in steps:
        by_code.setdefault(s.code, []).append(s)
    for m in data["members"]:
        mine = by_code.get(m["code"], [])
        states = {s.state for s in mine}
        m["approval"] = next((x for x in ("未批准", "待审批", "已批准") if x in states), None)
        m["reasons"] = list(m["reasons"]) + [s.text() for s in mine]
    if args.json:
        _json(data)
        return EXIT_OK
    for m in data["members"]:
        stars = "★" * m["stars"] if m["stars"] else "—"
        if m["approval"] in ("待审批", "未批准"):
            stars += f"（{m['approval']}）"
        reasons = "；".join(m["reasons"])
        _out(f"{m['code']}\t{m['name']}\t{m['total']}\t{stars}\t{m['grade'] or '—'}\t{reasons}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from desktop.book.scoring import score_book
    from desktop.rules.scoring import explain_text

    _one_window(args, "explain")
    with _open(args) as book:
        member = book.roster.find(args.member)
        result = score_book(
            book,
            _year(args, book),
            args.quarter,
            half=args.half,
            month=args.month,
            explain={member["code"]},
        )
        note = ""
        if args.quarter:
            # A confirmed quarter's numbers are its snapshot; this explanation is recomputed.
            from desktop.book.quarter import review, snapshot

            if snapshot(book, result.year, args.quarter) is not None:
                rv = review(book, result.year, args.quarter)
                note = (
                    rv.live_note(member["code"])
                    or "（以下明细按记录重新计算，与已确认的结果一致。）"
                )
    found = result.member(member["code"])
    if found is None:
        _err(f"{member['name']} 不在 {result.year} 年的计分名单中（可能当年已离开或尚未入党）。")
        return EXIT_REFUSED
    if note:
        _out(note)
    _out(explain_text(found, result.as_of))
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from desktop.selftest import run_self_test

    return run_self_test(_out)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.gui.app import main as gui_main

    return gui_main(getattr(args, "db", None))


# -- parser -------------------------------------------------------------------------------


def print_kinds_help() -> str:
    """`print`'s kind help, from book.printing.KINDS: every kind with its Chinese name."""
    from desktop.book.printing import KINDS, XLSX_KINDS

    kinds = "、".join(f"{kind}（{name}）" for kind, (name, _writer) in KINDS.items())
    xlsx = "、".join(kind for kind in KINDS if kind in XLSX_KINDS)
    return f"种类：{kinds}。--out 以 .xlsx 结尾时输出表格（{xlsx}）"


def _list_print_kinds_in_help(parser: argparse.ArgumentParser, action: argparse.Action) -> None:
    # book.printing imports every kind's module (~130 ms): only `print -h` pays for it, not
    # the window's start-up, which builds this parser too.
    plain = parser.format_help

    def format_help() -> str:
        action.help = print_kinds_help().replace("%", "%%")
        return plain()

    parser.format_help = format_help  # type: ignore[method-assign]


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
    p.add_argument("--operator", default="", help="经办人姓名（记入操作记录）")
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

    from desktop.cli_meetings import add_meeting_commands

    add_meeting_commands(add)

    from desktop.cli_dues import add_dues_commands

    add_dues_commands(add)

    from desktop.cli_quarter import add_quarter_commands

    add_quarter_commands(add)

    from desktop.cli_year import add_year_commands

    add_year_commands(add)

    from desktop.cli_branch import add_branch_commands

    add_branch_commands(add)

    from desktop.cli_year_end import (
        add_approval_commands,
        add_exchange_commands,
        add_year_end_commands,
    )

    add_year_end_commands(add)
    add_approval_commands(add)
    add_exchange_commands(add)

    from desktop.cli_township import add_township_commands

    add_township_commands(add)

    p = add("print", cmd_print, "生成打印用 PDF")
    kind = p.add_argument("kind", help="种类（见 pioneer print -h）")
    _list_print_kinds_in_help(p, kind)
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
    from desktop.cli_args import UsageError

    inuse.set_program(f"命令行 pioneer {getattr(args, 'command', '')}".rstrip())
    try:
        from desktop.cli_args import refuse_undecodable

        refuse_undecodable(args)
        return func(args)
    except UsageError as exc:
        _err(f"用法错误：{exc}")
        for line in exc.details:
            _err(line)
        command = exc.command or getattr(args, "command", None)
        _err(
            f"请运行 pioneer {command} -h 查看用法。" if command else "请运行 pioneer -h 查看用法。"
        )
        return EXIT_USAGE
    except BookError as exc:
        _err(str(exc))
        lines = getattr(exc, "lines", None)
        for line in lines() if lines else []:
            _err(line)
        return EXIT_REFUSED
    except BrokenPipeError:
        # Output piped into `head` and cut short: not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:
        _err(f"无法读写文件：{exc.filename or ''}（{exc.strerror or exc}）。请检查路径和权限。")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
