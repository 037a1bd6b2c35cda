"""Commands of the hand-over to the township: `handover`, `verify PACKDIR` (called from
`verify`), `township summary|approve` and `receipt`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_REFUSED, err, open_book, out, print_json, today_of


def cmd_handover(args: argparse.Namespace) -> int:
    from desktop.book.handover import make_handover

    with open_book(args) as book:
        folder = make_handover(
            book,
            Path(args.to),
            year=args.year,
            password=args.password,
            today=today_of(args),
            operator=args.operator,
        )
    out(str(folder))
    return EXIT_OK


def verify_pack_command(folder: Path, *, password: str | None, as_json: bool) -> int:
    """`pioneer verify PACKDIR`: every file, the backup and its chain, the figures."""
    from desktop.book.pack import check_pack

    check = check_pack(folder, password=password, deep=True)
    m = check.manifest or {}
    if as_json:
        print_json(
            {
                "ok": check.ok,
                "path": str(folder),
                "state": check.state,
                "problem": check.problem,
                "problems": [{"file": n, "how": h} for n, h in check.problems],
                "branch": m.get("branch"),
                "year": m.get("year"),
                "book_id": m.get("book_id"),
                "quarters": [
                    {"label": q["label"], "check_code": q["check_code"]}
                    for q in m.get("quarters", [])
                ],
            }
        )
        return EXIT_OK if check.ok else EXIT_REFUSED
    if not check.ok:
        err(f"报送包检查未通过：{folder}")
        err(f"状态：{check.state}")
        for line in check.lines():
            err(line)
        return EXIT_REFUSED
    out(f"报送包检查通过：{folder}")
    out(
        f"支部：{m.get('branch')}；{m.get('year')} 年度；经办人：{m.get('operator') or '未填写'}；"
        f"制作于 {str(m.get('made_at', '')).replace('T', ' ')}；文件 {len(m.get('files', []))} 个"
        + ("（账本和工作簿已加密）" if m.get("encrypted") else "")
    )
    for q in m.get("quarters", []):
        out(f"{q['label']}：校验码 {q['check_code']}")
    for note in check.notes:
        out(note)
    return EXIT_OK


def cmd_township_summary(args: argparse.Namespace) -> int:
    from desktop.book.township import scan, summary_json, write_summary_file

    summary = scan([Path(d) for d in args.dirs], passwords=args.password or [])
    written = None
    if args.out and summary.rows:
        written = write_summary_file(
            summary, Path(args.out), printed_on=(today_of(args) or date.today()).isoformat()
        )
    if args.json:
        print_json(summary_json(summary))
    if summary.problem:
        err(summary.problem)
        return EXIT_REFUSED
    if not args.json:
        for row in summary.rows:
            fig = row.figures
            members = (
                f"{fig.get('members_formal', 0)}/{fig.get('members_probationary', 0)}"
                if fig
                else "—"
            )
            out(
                f"{row.branch}\t{row.year or ''} 年\t党员（正式/预备）{members}"
                f"\t{row.check.state}\t需关注 {len(row.flags)} 项"
            )
            if not row.check.ok and row.check.problem:
                out(f"  {row.check.problem}")
            for note in row.notes:
                out(f"  {note}")
    if written:
        (err if args.json else out)(f"已生成汇总表：{written}")
    return EXIT_OK


def cmd_township_approve(args: argparse.Namespace) -> int:
    from desktop.book.receipt import approve_pack, receipt_text, write_receipt
    from desktop.cli.args import UsageError

    refuse: dict[str, str] = {}
    for item in args.refuse or []:
        code, sep, reason = item.partition("=")
        if not sep:
            raise UsageError(
                f"--refuse 应写成 编号=理由，不是“{item}”。", command="township approve"
            )
        refuse[code.strip()] = reason
    approve = [c for group in args.approve or [] for c in group]
    approve_claims = [n for group in args.approve_claim or [] for n in group]
    refuse_claims: dict[int, str] = {}
    for item in args.refuse_claim or []:
        number, sep, reason = item.partition("=")
        if not sep or not number.strip().isdigit():
            raise UsageError(
                f"--refuse-claim 应写成 申报记录号=理由，不是“{item}”。",
                command="township approve",
            )
        refuse_claims[int(number)] = reason
    data = approve_pack(
        Path(args.pack),
        by=args.by,
        opinion=args.opinion,
        approve=approve,
        refuse=refuse,
        returned=args.return_,
        password=args.password,
        on=today_of(args),
        approve_claims=approve_claims,
        refuse_claims=refuse_claims,
    )
    path = write_receipt(data, Path(args.out))
    out(f"已写审核回执：{path}")
    out(receipt_text(data))
    return EXIT_OK


def cmd_receipt(args: argparse.Namespace) -> int:
    from desktop.book.receipt import receipt_text, record_receipt

    with open_book(args) as book:
        data = record_receipt(book, Path(args.file))
    out(f"已导入审核回执：{receipt_text(data)}")
    return EXIT_OK


def add_township_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("handover", cmd_handover, "制作报送乡镇的报送包（写入U盘上的一个文件夹）")
    p.add_argument("--to", required=True, metavar="DIR", help="写入的文件夹（如U盘）")
    p.add_argument("--year", type=int, default=None, help="年度（默认账本的当前年度）")
    p.add_argument("--password", default=None, help="给账本备份和交换工作簿加密的密码（可不填）")
    p.add_argument(
        "--operator",
        default=None,
        help="经办人姓名，印在报送包说明上（默认账本设置的经办人；都没有时留空待手签）",
    )
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: make the pack as of this day

    from desktop.cli.args import ChineseParser

    p = add("township", cmd_township_help, "乡镇（街道）审核：汇总、核对报送包，写审核回执")
    actions = p.add_subparsers(dest="township_action", metavar="操作", parser_class=ChineseParser)
    q = actions.add_parser(
        "summary",
        help="查找并核对文件夹下的报送包，每个支部一行",
        description="查找并核对文件夹（如U盘）下的每个报送包，每个支部一行（取最新的一份）。",
    )
    q.add_argument("dirs", nargs="+", metavar="DIR", help="要查找的文件夹（可多个）")
    q.add_argument("--json", action="store_true", help="以 JSON 输出")
    q.add_argument("--out", default=None, help="把汇总表保存为 PDF 或 xlsx 文件")
    q.add_argument(
        "--password", action="append", default=None, help="加密报送包的密码（可多次给出）"
    )
    q.add_argument("--today", help=argparse.SUPPRESS)
    q.set_defaults(func=cmd_township_summary)

    q = actions.add_parser(
        "approve",
        help="为报送包写审核回执（通过或退回，批准或不批准四星、五星党员）",
        description="为报送包写审核回执：通过或退回修改，写明意见；批准或不批准四星、五星党员。"
        "回执与报送包的账本编号和校验码绑定。",
    )
    q.add_argument("pack", metavar="PACKDIR", help="报送包文件夹")
    q.add_argument("--by", required=True, help="审核人")
    q.add_argument("--opinion", required=True, help="审核意见")
    q.add_argument(
        "--approve",
        nargs="+",
        action="append",
        metavar="CODE",
        help="批准的四星、五星党员（编号或姓名）",
    )
    q.add_argument(
        "--refuse", action="append", metavar="CODE=REASON", help="不批准的党员及理由（可多次给出）"
    )
    q.add_argument(
        "--approve-claim",
        nargs="+",
        action="append",
        type=int,
        metavar="N",
        help="批准的积分申报（报送包中待上级审定的申报记录号）",
    )
    q.add_argument(
        "--refuse-claim",
        action="append",
        metavar="N=REASON",
        help="不批准的积分申报（申报记录号=理由，可多次给出）",
    )
    q.add_argument("--return", dest="return_", action="store_true", help="退回修改（默认：通过）")
    q.add_argument("--out", required=True, metavar="FILE", help="回执文件（如 审核回执.json）")
    q.add_argument("--password", default=None, help="加密报送包的密码")
    q.add_argument("--today", help=argparse.SUPPRESS)
    q.set_defaults(func=cmd_township_approve)

    p = add("receipt", cmd_receipt, "导入乡镇（街道）党委的审核回执，记入账本")
    p.add_argument("file", help="审核回执文件")


def cmd_township_help(args: argparse.Namespace) -> int:
    from desktop.cli.args import UsageError

    raise UsageError("township 需要指明操作：summary 或 approve。", command="township")
