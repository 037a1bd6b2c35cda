"""The commands on the book as a whole: init, demo, members, import/export, backup, verify,
restore, scheme, score, rate, explain, print, self-test and the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    db_path,
    err,
    one_window,
    open_book,
    out,
    print_json,
    year_of,
)


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.book.store import Book

    path = db_path(args)
    if args.start is not None:
        check_start(args.start, args.year, "init")
    with Book.create(
        path, branch=args.branch, year=args.year, scheme_id=args.scheme, operator=args.operator
    ) as book:
        if args.start:
            from desktop.book.points_start import set_points_start, start_words

            set_points_start(book, args.start)
            out(f"已新建账本：{book.path}（{args.branch}，{args.year} 年，{start_words(book)}）")
        else:
            out(f"已新建账本：{book.path}（{args.branch}，{args.year} 年）")
    return EXIT_OK


def check_start(start: str, year: int, command: str) -> None:
    """--start (init, branch) is a month of the book's year; checked before anything is made
    or written: a refused start leaves no file behind."""
    from desktop.cli.args import UsageError
    from desktop.rules.dates import month_problem

    problem = month_problem(start, "--start", example=f"{year}-10")
    if problem:
        raise UsageError(f"{problem}。", command=command)
    if int(start[:4]) != year:
        raise UsageError(
            f"--start {start} 不在 {year} 年：记分起始月份应是账本年度中的一个月。", command=command
        )


def cmd_demo(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop.book.demo import create_demo
    from desktop.book.quarter import year_status

    path = _demo_path(args)
    today = date.fromisoformat(args.today) if args.today else None
    with create_demo(path, year=args.year, today=today) as book:
        counts = book.roster.count()
        total = sum(counts.values())
        out(f"已生成示范支部账本：{book.path}（{book.branch()['name']}，在册 {total} 人）")
        states = year_status(book, book.current_year, today=today)
        out(
            f"{book.current_year} 年："
            + "、".join(f"{st['number_text']}{st['state_text']}" for st in states)
        )
    if not getattr(args, "db", None):
        out(f'打开它：pioneer --db "{path}"')
    return EXIT_OK


def _demo_path(args: argparse.Namespace) -> Path:
    """--db (or PIONEER_DB) when given; else 示范支部.db in the user data folder, as the
    first-run wizard names it — never the default book, which the window would then open
    as the branch's own (a new user's `pioneer demo` left the real book a fictional one)."""
    import os

    from desktop.book.paths import data_dir

    if getattr(args, "db", None) or os.environ.get("PIONEER_DB"):
        return db_path(args)
    return _unused(data_dir() / "示范支部.db")


def cmd_members(args: argparse.Namespace) -> int:
    from desktop.book.reports import roster_json

    with open_book(args) as book:
        members = roster_json(book, include_left=args.all)
    if args.json:
        print_json(members)
    else:
        for m in members:
            out(f"{m['code']}\t{m['name']}\t{m['status']}\t{m['group']}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop.book.interchange import WorkbookRefused, import_plan, read_for_import

    if args.problems_to and not args.good_rows:
        from desktop.cli.args import UsageError

        raise UsageError(
            "--problems-to 要与 --good-rows 一起用（只导入无误的行时才写问题工作簿）。",
            command="import",
        )
    today = date.fromisoformat(args.today) if args.today else None
    with open_book(args) as book:
        # No mapping step here: take the window's guesses and say what they were (and which
        # columns were left out) whether the import then goes through or is refused.
        plan = read_for_import(book, Path(args.file), today=today, guess_headers=True)
        for line in plan.column_notes() + plan.read_notes:
            out(line)
        if args.good_rows and plan.problems:
            return _import_good_rows(book, plan, args)
        try:
            result = import_plan(book, plan)
        except WorkbookRefused as exc:
            hint = _good_rows_hint(plan, args.file)
            if not hint:
                raise
            raise WorkbookRefused(str(exc), [*exc.lines(), hint]) from None
    out(f"导入完成：{result.summary()}" if result.counts else f"{result.summary()}。")
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


def _unused(path: Path) -> Path:
    """`path`, or `-2`, `-3`… beside it when taken: a file the program names itself (the demo
    book, the problem workbook — which may hold the secretary's corrections, typed in but not
    imported yet) never replaces one already there."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _import_good_rows(book: Any, plan: Any, args: argparse.Namespace) -> int:
    """Import the roster rows that are right; write the refused ones to the problem workbook."""
    from desktop.book.interchange import apply_import
    from desktop.book.roster_import import split_good_rows, write_problem_rows

    source = Path(args.file)
    good = split_good_rows(plan)
    problems_file = (
        Path(args.problems_to)
        if args.problems_to
        else _unused(source.with_name(f"{source.stem}-问题行.xlsx"))
    )
    written = write_problem_rows(source, good, problems_file, Path(book.path))
    imported = bool(good.plan.members)
    if imported:
        apply_import(book, good.plan)
        out(f"导入完成：{good.plan.summary()}")
    elif good.plan.unchanged:
        out(f"{good.plan.summary()}。")
    else:
        out("没有一行无误，未导入任何内容。")
    out(f"有 {len(good.refused)} 行没有导入，已连同“问题”列写入：{written}（改正后可再导入）")
    for lines in good.refused.values():
        for line in lines:
            out(line)
    # The rows already in the book are no failure: only a file with nothing right is one.
    return EXIT_OK if imported or good.plan.unchanged else EXIT_REFUSED


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.book.interchange import export_workbook

    with open_book(args) as book:
        path = export_workbook(book, Path(args.file))
    out(f"已导出：{path}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.book.backup import backup_book

    with open_book(args) as book:
        path = backup_book(book, reason="手动", dest_dir=Path(args.to))
    out(str(path))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.book.backup import verify_file

    if args.file is None:  # the book the command works on (--db, or the default book)
        args.file = str(db_path(args))
    if Path(args.file).is_dir():
        from desktop.cli.township import verify_pack_command

        return verify_pack_command(Path(args.file), password=args.password, as_json=args.json)
    report = verify_file(Path(args.file))
    if args.json:
        print_json({"ok": True, **report})
        return EXIT_OK
    counts = "，".join(f"{k} {v}" for k, v in report["counts"].items())
    out(f"检查通过：{args.file}")
    out(f"支部：{report['branch'] or '（未命名）'}；{counts}")
    chain = report.get("chain")
    if chain and chain["confirmed"]:
        labels = chain["confirmed"]
        word = "季度" if all("季度" in label for label in labels) else "期间"  # 月、半年
        out(f"已确认{word} {len(labels)} 个（{'、'.join(labels)}），校验链完好。")
        from desktop.rules.quarter import check_code

        # The short code printed on the last confirmed period's sheets, as on paper and desk.
        out(f"链头校验值：{chain['head']}（{labels[-1]}的核验码 {check_code(chain['head'])}）")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.book.backup import restore_book, restore_concerns, verify_file

    later = restore_concerns(db_path(args), verify_file(Path(args.file)))["later_actions"]
    result = restore_book(db_path(args), Path(args.file), other_branch=args.other_branch)
    if later:
        out(f"注意：原账本在这份备份之后的 {later} 项操作已被撤销（原账本已另存，见下）。")
    if result["saved"]:
        out(f"原账本已先备份到：{result['saved']}")
    out(f"已从备份恢复：{args.file} → {db_path(args)}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from desktop.book.printing import KINDS, print_document

    if args.kind not in KINDS:  # a usage error (exit 2), caught before the book is opened
        err(f"用法错误：不认识的打印种类“{args.kind}”。可用的种类：")
        for kind, (name, _writer) in KINDS.items():
            err(f"  {kind}\t{name}")
        err("请运行 pioneer print -h 查看用法。")
        return EXIT_USAGE
    from desktop.book.errors import MissingOption
    from desktop.cli.args import UsageError

    with open_book(args) as book:
        from desktop.book.printing import unprintable_names

        for line in unprintable_names(book):  # said before the paper is made
            err(f"注意：{line}")
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
    out(f"已生成：{path}")
    return EXIT_OK


def cmd_scheme(args: argparse.Namespace) -> int:
    from desktop.rules.presets import list_presets, preset_text
    from desktop.rules.scheme import check_scheme

    if args.action == "list":
        for preset_id, title in list_presets():
            out(f"{preset_id}\t{title}")
        return EXIT_OK
    if not args.target:
        err("用法错误：scheme show 需要方案编号，scheme check 需要方案文件。")
        return EXIT_USAGE
    if args.action == "show":
        try:
            sys.stdout.write(preset_text(args.target))
        except KeyError as exc:
            err(str(exc.args[0]))
            return EXIT_REFUSED
        return EXIT_OK
    path = Path(args.target)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        err(f"方案文件 {path.name} 不是 UTF-8 文本，请用记事本“另存为 UTF-8”后再检查。")
        return EXIT_REFUSED
    problems = check_scheme(text)
    if problems:
        err(f"方案文件 {path.name} 有 {len(problems)} 处问题：")
        for line in problems:
            err(line)
        return EXIT_REFUSED
    out(f"方案文件 {path.name} 检查通过。")
    return EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    from desktop.book.periods import cycle, period_label
    from desktop.book.quarter import confirmed_score_json
    from desktop.book.scoring import score_book
    from desktop.rules.scoring import score_json

    one_window(args, "score")
    with open_book(args) as book:
        year = year_of(args, book)
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
        print_json(data)
        return EXIT_OK
    if data.get("confirmed"):
        out(
            f"{period_label(year, getattr(args, given), given)} 已确认"
            f"（{data['confirmed_at'][:10]}），以下为确认时保存的"
            f"结果。校验值：{data['hash']}　链头：{data['chain_head']}"
        )
    names = list(data["members"][0]["sections"]) if data["members"] else []
    out("编号\t姓名\t" + "\t".join(names) + "\t合计")
    for m in data["members"]:
        cells = [m["sections"][n] for n in names]
        out(f"{m['code']}\t{m['name']}\t" + "\t".join(cells) + f"\t{m['total']}")
    return EXIT_OK


def cmd_rate(args: argparse.Namespace) -> int:
    from desktop.book.scoring import rate_book
    from desktop.rules.scoring import rate_json

    one_window(args, "rate")
    with open_book(args) as book:
        year = year_of(args, book)
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
        print_json(data)
        return EXIT_OK
    from desktop.book.approvals import shown_state

    for m in data["members"]:
        stars = "★" * m["stars"] if m["stars"] else "—"
        shown = shown_state(by_code.get(m["code"], []))  # 待表决 while only a vote waits
        if shown in ("待审批", "待表决", "未批准"):
            stars += f"（{shown}）"
        reasons = "；".join(m["reasons"])
        out(f"{m['code']}\t{m['name']}\t{m['total']}\t{stars}\t{m['grade'] or '—'}\t{reasons}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from desktop.book.scoring import score_book
    from desktop.rules.scoring import explain_text

    one_window(args, "explain")
    with open_book(args) as book:
        member = book.roster.find(args.member)
        result = score_book(
            book,
            year_of(args, book),
            args.quarter,
            half=args.half,
            month=args.month,
            explain={member["code"]},
        )
        note = ""
        # A confirmed period's numbers are its snapshot; this explanation is recomputed. The
        # period of the year's review cycle (a confirmed month said nothing: only --quarter
        # was looked at).
        from desktop.book.periods import cycle

        kind = cycle(book, result.year)
        number = {"quarter": args.quarter, "month": args.month, "half": args.half}.get(kind)
        if number:
            from desktop.book.quarter import review, snapshot

            if snapshot(book, result.year, number, kind) is not None:
                rv = review(book, result.year, number)
                note = (
                    rv.live_note(member["code"])
                    or "（以下明细按记录重新计算，与已确认的结果一致。）"
                )
        # A [ballots.combine] without `item` scores nothing, so no point line shows how the
        # member's 综合评定 was formed: it is said after the points.
        from desktop.book.ballots import combined_grades
        from desktop.book.scoring import year_scheme

        combine = year_scheme(book, result.year).ballots.combine
        combined = combined_grades(book, result.year).get(member["code"])
        combined_line = (
            f"{result.year}年{combined['line']}"
            if combine is not None and not combine.item and combined
            else ""
        )
    found = result.member(member["code"])
    if found is None:
        err(f"{member['name']} 不在 {result.year} 年的计分名单中（可能当年已离开或尚未入党）。")
        return EXIT_REFUSED
    if note:
        out(note)
    out(explain_text(found, result.as_of))
    if combined_line:
        out(combined_line)
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from desktop.selftest import run_self_test

    return run_self_test(out)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.gui.app import main as gui_main

    return gui_main(getattr(args, "db", None))


def print_kinds_help() -> str:
    """`print`'s kind help, from book.printing.KINDS: every kind with its Chinese name."""
    from desktop.book.printing import KINDS, XLSX_KINDS

    kinds = "、".join(f"{kind}（{name}）" for kind, (name, _writer) in KINDS.items())
    xlsx = "、".join(kind for kind in KINDS if kind in XLSX_KINDS)
    return f"种类：{kinds}。--out 以 .xlsx 结尾时输出表格（{xlsx}）"


def list_print_kinds_in_help(parser: argparse.ArgumentParser, action: argparse.Action) -> None:
    # book.printing imports every kind's module (~130 ms): only `print -h` pays for it, not
    # the window's start-up, which builds this parser too.
    plain = parser.format_help

    def format_help() -> str:
        action.help = print_kinds_help().replace("%", "%%")
        return plain()

    parser.format_help = format_help  # type: ignore[method-assign]
