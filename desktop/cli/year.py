"""`pioneer year`: the book's working year, and moving on to a new one (进入新年度).

Exit 0 success, 1 refused (nothing written), 2 usage (desktop/cli/common.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop.cli.common import EXIT_OK, open_book, out, print_json


def cmd_year(args: argparse.Namespace) -> int:
    from desktop.book.years import open_business, plan_new_year, start_new_year, years_held

    with open_book(args) as book:
        if args.action == "status":
            current = book.current_year
            held = years_held(book)
            unfinished = open_business(book)
            if args.json:
                print_json({"current_year": current, "years": held, "unfinished": unfinished})
                return EXIT_OK
            out(f"当前年度：{current} 年")
            out(f"账本中的年度：{'、'.join(str(y) for y in held)}")
            for line in unfinished:
                out(f"  未完成：{line}")
            return EXIT_OK
        if args.dry_run:
            plan = plan_new_year(book, args.year, scheme=args.scheme)
        else:
            plan = start_new_year(book, args.year, scheme=args.scheme)
        if args.json:
            print_json({**plan.as_dict(), "done": not args.dry_run})
            return EXIT_OK
        verb = "可以进入" if args.dry_run else "已进入"
        out(f"{verb} {plan.to_year} 年度（原为 {plan.from_year} 年）。")
        if plan.scheme_stored and args.scheme == "carry-over":
            out(f"积分方案：{plan.scheme_title}（此前已为 {plan.to_year} 年选定）")
        elif args.scheme == "carry-over":
            out(f"积分方案：沿用 {plan.from_year} 年的“{plan.scheme_title}”")
        else:
            out(f"积分方案：{plan.scheme_title}")
        if plan.unfinished:
            out(f"{plan.from_year} 年尚未完成的事项（仍可随时办理）：")
            for line in plan.unfinished:
                out(f"  {line}")
    return EXIT_OK


def add_year_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register `year` with build_parser's `add` helper."""
    p = add(
        "year",
        cmd_year,
        "年度：status 当前年度和未完成事项；next 进入新年度（沿用或更换积分方案）",
    )
    p.add_argument("action", choices=["status", "next"])
    p.add_argument("--year", type=int, default=None, help="要进入的年度（默认当前年度的下一年）")
    p.add_argument(
        "--scheme",
        default="carry-over",
        help="新年度的积分方案：carry-over 沿用上一年度（默认），或预置方案编号（见 pioneer scheme list）",
    )
    p.add_argument("--dry-run", action="store_true", help="只检查并说明将做什么，不写入")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
