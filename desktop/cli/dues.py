"""The `pioneer dues` subcommand: rates, payments, the month's collection, arrears, register.

Exit 0 success, 1 refused (nothing written), 2 usage (desktop/cli/common.py); Chinese messages;
`--json` is UTF-8 JSON on stdout. Amounts on the command line are in yuan ("1.50").
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import EXIT_OK, EXIT_USAGE, open_book, out, print_json

if TYPE_CHECKING:
    from desktop.book.store import Book

ACTIONS = (
    "rate",
    "rate-unset",
    "month",
    "pay",
    "reverse",
    "arrears",
    "remind",
    "register",
    "export-register",
)


def _fen(text: str | None, what: str) -> int | None:
    from desktop.book.errors import InputRefused
    from desktop.rules.dues import TariffError, parse_yuan

    if text is None:
        return None
    try:
        return parse_yuan(text)
    except TariffError as exc:
        raise InputRefused(f"{what}：{exc}") from exc


def _need(args: argparse.Namespace, *names: str) -> None:
    from desktop.cli.args import UsageError

    missing = [f"--{n.replace('_', '-')}" for n in names if not getattr(args, n, None)]
    if missing:
        raise UsageError(f"dues {args.action} 需要参数：{'、'.join(missing)}。", command="dues")


def _reversed_ref(book: Book, args: argparse.Namespace) -> str:
    """What `dues reverse` reverses: `--receipt NO`; a payment without a receipt number by
    `--member` and `--months` (one month; `--paid` its paid date when the member paid that
    month more than once), or by `--record` (its 记录号)."""
    from desktop.book import dues
    from desktop.cli.args import UsageError
    from desktop.rules.dues import unnumbered_ref

    if args.receipt:
        return args.receipt.strip()
    if args.member and args.months:
        month = args.months.strip()
        member = book.roster.find(args.member)
        return dues.find_payment(
            book,
            member["id"],
            month,
            paid_date=args.paid,
            record=args.record,
            cli=True,
        )
    if args.record is not None:
        return unnumbered_ref(args.record)
    raise UsageError(
        "dues reverse 需要参数：--receipt 收据号；没有收据号的缴费用 --member 党员 --months "
        "YYYY-MM（同月缴了几次再加 --paid 缴纳日期）。",
        command="dues",
    )


def cmd_dues(args: argparse.Namespace) -> int:
    from desktop.book import dues
    from desktop.rules.dues import month_cn, receipt_ref_text, yuan

    today = date.fromisoformat(args.today) if args.today else date.today()
    with open_book(args) as book:
        year = args.year or book.current_year
        if args.action == "rate":
            _need(args, "member", "category")
            m = book.roster.find(args.member)
            start = args.from_month or dues.default_rate_start(book, m["id"], year, today)
            # Said before saving, read from the book as it is (the save may move its start).
            warnings = dues.start_warnings(book, start, year, member_ids=[m["id"]], today=today)
            row = dues.set_rate(
                book,
                m["id"],
                from_month=start,
                category=args.category,
                income_fen=_fen(args.income, "收入"),
                fixed_fen=_fen(args.fixed, "固定金额"),
                monthly_fen=_fen(args.monthly, "每月金额"),
                override_reason=args.reason or "",
                approved_by=args.approved_by or "",
                year=year,
                today=today,
            )
            for line in warnings:
                out(f"注意：{line}")
            out(f"已设定：{m['name']} 自{row['from_month']}起每月 {yuan(row['monthly_fen'])} 元")
            return EXIT_OK
        if args.action == "rate-unset":
            _need(args, "category")
            start = args.from_month or dues.book_default_start(book, year, today)
            warnings = dues.start_warnings(book, start, year, today=today)
            names = dues.set_rates_for_unset(
                book,
                year,
                category=args.category,
                fixed_fen=_fen(args.fixed, "固定金额"),
                from_month=start,
                today=today,
            )
            for line in warnings:
                out(f"注意：{line}")
            out(f"已为 {len(names)} 名党员设定党费标准，自{start}起：{'、'.join(names)}")
            return EXIT_OK
        if args.action == "pay":
            _need(args, "member", "months", "amount", "receiver")
            m = book.roster.find(args.member)
            amount = _fen(args.amount, "金额")
            months = [x.strip() for x in args.months.replace("，", ",").split(",") if x.strip()]
            far = (
                ""
                if args.yes
                else dues.far_above_standard(book, m["id"], dict.fromkeys(months, amount))
            )
            if far:
                from desktop.book.errors import InputRefused

                raise InputRefused(
                    f"党费没有登记：{far}确是预交或自愿多交的，请加 --yes 再运行一次。"
                )
            no = dues.record_payment(
                book,
                m["id"],
                {mo: amount for mo in months},
                paid_date=args.date or today.isoformat(),
                receiver=args.receiver,
                receipt_no=args.receipt,
                today=today,
                rate_hint=dues.RATE_HINT_CLI,
            )
            out(f"已登记：{m['name']} {len(months)} 个月，收据号 {no}")
            return EXIT_OK
        if args.action == "reverse":
            ref = _reversed_ref(book, args)
            _need(args, "reason", "by")
            red = dues.reverse_receipt(
                book,
                ref,
                reason=args.reason,
                decided_by=args.by,
                on=args.date,
                today=today,
            )
            out(
                f"已冲销：{receipt_ref_text(ref)} 作废，红字收据号 {red}。"
                "需要时请按正确的金额和月份重新登记（pioneer dues pay）。"
            )
            note = dues.confirmed_note(book, ref, cli=True)
            if note:
                out(f"注意：{note}")
            return EXIT_OK
        if args.action == "month":
            month = args.month or today.isoformat()[:7]
            rows = dues.month_collection(book, month, today=today)
            if args.json:
                print_json(
                    [
                        {
                            k: r[k]
                            for k in (
                                "code",
                                "name",
                                "group",
                                "due_fen",
                                "paid_fen",
                                "remaining_fen",
                                "state",
                                "paid_date",
                                "receipts",
                            )
                        }
                        for r in rows
                    ]
                )
            else:
                if not rows:
                    start = dues.dues_start(book)
                    since = (
                        f"（本账本的党费自{month_cn(start)}起记）"
                        if start and month < start
                        else ""
                    )
                    out(f"{month_cn(month)}没有应缴党费的党员{since}。")
                for r in rows:
                    due = "未设定" if r["due_fen"] is None else yuan(r["due_fen"])
                    out(
                        f"{r['code']}\t{r['name']}\t应缴 {due}\t已缴 {yuan(r['paid_fen'])}\t"
                        f"{r['state']}"
                    )
            return EXIT_OK
        if args.action == "arrears":
            data = dues.arrears_json(book, today=today)
            if args.json:
                print_json(data)
            else:
                owing = [r for r in data if r["months"]]
                unset = [r for r in data if r["rate_missing"]]
                if not owing:
                    out("没有欠缴党费的党员。")
                for r in owing:
                    flag = "　连续6个月未交，请支委会核实" if r["veto_check"] else ""
                    out(
                        f"{r['code']}\t{r['name']}\t欠缴 {len(r['months'])} 个月\t"
                        f"{r['owed']} 元{flag}"
                    )
                if unset:
                    # Not arrears (nothing known to be due) but not clear either.
                    out("未设定标准（应缴多少无从计算，请先用 pioneer dues rate 设定）：")
                    for r in unset:
                        out(
                            f"{r['code']}\t{r['name']}\t自{r['unset_months'][0]}起"
                            f" {len(r['unset_months'])} 个月未设定党费标准"
                        )
            return EXIT_OK
        if args.action == "remind":
            _need(args, "member")
            ids = [book.roster.find(x.strip())["id"] for x in args.member.split(",")]
            rows = dues.issue_reminders(book, ids, today=today)
            out(f"已登记催缴通知 {len(rows)} 份。")
            return EXIT_OK
        if args.action == "register":
            reg = dues.year_register(book, year, today=today)
            t = reg["totals"]
            data = {
                "year": year,
                "through": reg["through"],
                "due": yuan(t["due_fen"]),
                "paid": yuan(t["paid_fen"]),
                "owed": yuan(t["owed_fen"]),
                "payments_total": yuan(reg["payments_total_fen"]),
                "receipts": len(reg["receipts"]),
                "reconciled": reg["reconciled"],
                "rates_missing": reg["rates_missing"],
                "warning": reg["warning"],
                "members": [
                    {
                        "code": r["code"],
                        "name": r["name"],
                        "due": yuan(r["due_fen"]),
                        "paid": yuan(r["paid_fen"]),
                        "owed": yuan(r["owed_fen"]),
                        "rate_missing": r["rate_missing"],
                        "months": {
                            k: {
                                "due": yuan(v["due_fen"]),
                                "paid": yuan(v["paid_fen"]),
                                "date": v["paid_date"],
                            }
                            for k, v in r["months"].items()
                        },
                    }
                    for r in reg["rows"]
                ],
            }
            if args.json:
                print_json(data)
            else:
                t = reg["totals"]
                # Paid beyond what was due (voluntary extra, 自愿多交): say so, or the sum looks wrong.
                # Months paid ahead (after the last month judged) are no 多交: they fall due later.
                ahead = sum(
                    c["paid_fen"]
                    for r in reg["rows"]
                    for k, c in r["months"].items()
                    if k > reg["through"]
                )
                extra = t["paid_fen"] - ahead - (t["due_fen"] - t["owed_fen"])
                parts = [f"预交 {yuan(ahead)} 元"] if ahead > 0 else []
                parts += [f"多交 {yuan(extra)} 元"] if extra > 0 else []
                more = f"（含{'、'.join(parts)}）" if parts else ""
                reds = sum(1 for r in reg["receipts"] if r.get("reverses"))
                red = f"（含红字冲销 {reds} 张）" if reds else ""
                out(
                    f"{year} 年：应缴 {data['due']} 元，实缴 {data['paid']} 元{more}，欠缴 "
                    f"{data['owed']} 元；收据 {data['receipts']} 张{red}，合计 {data['payments_total']} 元"
                    + (
                        "（未设定标准的党员应缴未计入，合计不完整）"
                        if reg["rates_missing"]
                        else "（账实相符）"
                        if data["reconciled"]
                        else "（不相符，请检查）"
                    )
                )
                for r in reg["rows"]:
                    if r["rate_missing"]:
                        out(f"{r['code']}\t{r['name']}\t未设定党费标准")
                if reg["warning"]:
                    out(reg["warning"] + dues.UNSET_CLI_HINT)
            return EXIT_OK
        if args.action == "export-register":
            _need(args, "out")
            from desktop.book.dues_sheets import export_register

            path = export_register(book, year, Path(args.out), today=today)
            out(f"已导出：{path}")
            return EXIT_OK
    return EXIT_USAGE


def add_dues_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register `pioneer dues ACTION …` with the main parser's `add` helper."""
    p = add(
        "dues",
        cmd_dues,
        "党费：rate 设定标准；rate-unset 给未设定标准的党员统一设定；pay 登记缴费；"
        "reverse 红字冲销一张登记错的收据；month 本月收缴；arrears 欠缴；remind 催缴通知；"
        "register 全年台账；export-register 台账导出为 xlsx",
    )
    p.add_argument("action", choices=ACTIONS, help="要做的事")
    p.add_argument("month", nargs="?", help="month：月份 YYYY-MM（默认本月）")
    p.add_argument("--year", type=int, default=None, help="年度（默认账本的当前年度）")
    p.add_argument("--member", help="党员编号或姓名（remind 可用逗号分隔多人）")
    p.add_argument(
        "--category",
        help="党费类别：在职、年薪制、个体经营、离退休、农民、学生、失业、领取救济或低保",
    )
    p.add_argument("--income", help="月收入（元），按类别的口径")
    p.add_argument("--fixed", help="农民党员每月金额（0.20–1.00 元，默认 1.00）")
    p.add_argument("--monthly", help="手动调整的每月金额（元），须同时写 --reason")
    p.add_argument("--reason", help="rate：手动调整的原因；reverse：冲销原因")
    p.add_argument("--approved-by", dest="approved_by", help="减免的批准组织和日期")
    p.add_argument(
        "--from",
        dest="from_month",
        help="rate、rate-unset：标准起始月份 YYYY-MM，须在账本年度内（12月起也可选下一年）。"
        "默认：党员的第一个标准从本账本党费起记的月份（入党、转入晚的从那时）起，"
        "调整标准从本月起；账本还没有任何标准时为本账本的记分起始月份（在账本年度内时，"
        "如向导中选的“从7月起记分”），否则为本月（账本年度不是今年则为该年1月）",
    )
    p.add_argument(
        "--months",
        help="pay：所缴月份，逗号分隔，如 2026-01,2026-02；reverse：没有收据号的缴费的月份",
    )
    p.add_argument("--amount", help="pay：每个月的金额（元）")
    p.add_argument("--date", help="pay：缴纳日期；reverse：冲销日期（YYYY-MM-DD，默认今天）")
    p.add_argument("--receiver", help="pay：收款人")
    p.add_argument("--receipt", help="pay：收据号（默认自动编号）；reverse：要冲销的收据号")
    p.add_argument(
        "--paid",
        help="reverse：没有收据号的缴费按 --member 和 --months 指明时，同月缴了几次的，"
        "写要冲销那笔的缴纳日期（YYYY-MM-DD）",
    )
    p.add_argument(
        "--record",
        type=int,
        help="reverse：没有收据号的缴费的记录号（导出的“党费”表的记录号列；缴纳日期也相同时用）",
    )
    p.add_argument("--by", help="reverse：决定冲销的人（经办人或支委会）")
    p.add_argument(
        "--yes",
        action="store_true",
        help="pay：金额超过所缴月份标准的 3 倍（预交或自愿多交）也登记",
    )
    p.add_argument("--out", help="export-register：要写入的 xlsx 文件")
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: judge arrears as of this day
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
