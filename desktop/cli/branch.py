"""`pioneer branch`: show or change the branch's name, parent organisation, type, 经办人 and
the month the book keeps points from.

Exit 0 success, 1 refused (nothing written), 2 usage (desktop/cli/common.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop.cli.common import EXIT_OK, open_book, out, print_json


def cmd_branch(args: argparse.Namespace) -> int:

    with open_book(args) as book:
        from desktop.book.points_start import points_start, set_points_start, start_words

        if args.start is not None:  # checked first: a refused start changes nothing
            from desktop.cli.book_commands import check_start

            check_start(args.start, book.current_year, "branch")
        changes = {k: getattr(args, k) for k in ("name", "parent_org", "kind", "operator")}
        if any(v is not None for v in changes.values()):
            now = {**book.branch(), "operator": book.operator}
            book.update_branch(**{k: now[k] if v is None else v for k, v in changes.items()})
        if args.start is not None:
            # Left at 从年初 in the wizard, found out in December: refused once a period has
            # been published or confirmed (set_points_start says so).
            set_points_start(book, args.start)

        info = {
            **book.branch(),
            "operator": book.operator,
            "year": book.current_year,
            "start": points_start(book),
        }
        if args.json:
            print_json(info)
            return EXIT_OK
        out(f"支部名称：{info['name']}")
        out(f"上级党组织：{info['parent_org'] or '（未填）'}")
        out(f"支部类型：{info['kind'] or '（未填）'}")
        unset = f"（未填：操作记录用电脑登录名“{book.actor}”，报送材料上留空待手签）"
        out(f"经办人：{info['operator'] or unset}")
        out(f"当前年度：{info['year']} 年")
        out(f"记分起始：{start_words(book) or '（从年初起记分）'}")
    return EXIT_OK


def add_branch_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register `branch` with build_parser's `add` helper."""
    p = add("branch", cmd_branch, "支部信息：不带选项时显示；带选项时修改")
    p.add_argument("--name", default=None, help="支部名称")
    p.add_argument("--parent-org", default=None, help="上级党组织")
    p.add_argument("--kind", default=None, help="支部类型，如 农村、社区、机关")
    p.add_argument(
        "--operator",
        default=None,
        help="经办人姓名（记入操作记录，印在报送材料上；空字符串表示不填）",
    )
    p.add_argument(
        "--start",
        metavar="YYYY-MM",
        default=None,
        help="记分起始月份（当前年度中的一个月；已有公示或确认的期间后不能再改）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
