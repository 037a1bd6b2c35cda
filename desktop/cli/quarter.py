"""Quarter subcommands of `pioneer`: period, review, claim, objection, correction.

Exit 0 success, 1 refused (nothing written), 2 usage (desktop/cli/common.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    err,
    one_window,
    open_book,
    out,
    print_json,
    today_of,
    year_of,
)

# The review's column for the change from the period before, by review cycle.
CHANGE_HEADER = {"quarter": "较上季", "month": "较上月", "half": "较上期"}
MONTH_HELP = "月份 1-12（方案按月评议时用，见 [publicity] cycle）"
HALF_HELP = "半年 1 或 2（1 上半年，2 下半年；方案按半年评议时用）"


def _next_quarter(book: Any, year: int, today: date | None = None) -> int:
    """With no --quarter/--month/--half: the earliest period of the year's review cycle not
    yet confirmed."""
    from desktop.book.quarter import year_status

    sts = year_status(book, year, today=today)
    for st in sts:
        if st["state"] != "confirmed":
            return st["quarter"]
    return sts[-1]["quarter"]


def _given_period(args: argparse.Namespace, book: Any, year: int, command: str) -> int | None:
    """The period named by --quarter, --month or --half (one of them; None when none is
    given). It must be a period of the year's review cycle ([publicity] cycle): a --month
    for a quarterly scheme is a usage error (exit 2) saying which option to use."""
    from desktop.book.periods import OPTION, RANGE_TEXT, UNIT, cycle
    from desktop.cli.args import UsageError

    one_window(args, command)
    given = [o for o in ("quarter", "month", "half") if getattr(args, o, None) is not None]
    if not given:
        return None
    own = cycle(book, year)
    if given[0] != own:
        raise UsageError(
            f"{year} 年的积分方案按{UNIT[own]}评议、公示和确认，不能用 --{given[0]}。",
            [
                f"请用 {OPTION[own]}（{RANGE_TEXT[own]}）。",
                "评议周期由方案的 [publicity] cycle 规定（quarter 季度、month 月、half 半年）。",
            ],
            command=command,
        )
    return getattr(args, given[0])


def _period_of(
    args: argparse.Namespace, book: Any, year: int, command: str, today: date | None = None
) -> int:
    """The period a command is about: the one given, else the earliest not yet confirmed."""
    given = _given_period(args, book, year, command)
    return given if given is not None else _next_quarter(book, year, today)


def _status_json(st: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "year",
        "quarter",
        "label",
        "state",
        "state_text",
        "publicity_start",
        "publicity_end",
        "publicity_rule",
        "confirmed_at",
        "hash",
        "results_changed",
        "changed_members",
        "warning",
        "ended",
        "publishable_from",
        "publicity_over",
        "next_step",
        "appraisals_missing",
        "blockers",
    )
    data = {k: st.get(k) for k in keys}
    if st.get("kind", "quarter") != "quarter":  # quarters' JSON stays as it was
        data["cycle"] = st["kind"]
        data[st["kind"]] = st["quarter"]
    data["objections"] = [
        {
            k: o[k]
            for k in (
                "id",
                "raised_by",
                "code",
                "name",
                "content",
                "raised_on",
                "status",
                "finding",
                "changed",
                "change_note",
                "told_on",
                "after_publicity",
            )
        }
        for o in st.get("objections", [])
    ]
    data["notices"] = [
        {
            k: n.get(k, "")
            for k in ("id", "issued_at", "start", "end", "reason", "late_reason", "results_hash")
        }
        for n in st.get("notices", [])
    ]
    return data


def _print_year(book: Any, sts: list[dict[str, Any]]) -> None:
    """The whole year, each period once: a run of periods before the book kept points is one
    line; what stops a period is told for the first one still to be confirmed (confirmation
    goes in order), later ones show their state and their own objections and warnings."""
    from desktop.book.periods import OPTION, ORDER
    from desktop.book.points_start import before_start_text

    before = [st for st in sts if st.get("not_scored")]
    if before:
        span = before[0]["label"]
        if len(before) > 1:
            span += f"至{before[-1]['number_text']}"
        out(f"{span}：不记分")
        out(f"  → {before_start_text(book, span)}")
    first_open = None
    for st in sts:
        if st.get("not_scored"):
            continue
        if first_open is None and st["state"] not in ("confirmed", "future"):
            first_open = st
            _print_status(st)
            continue
        _print_status(st, blockers=st is first_open)
    if first_open is not None and any(st.get("waiting_for") for st in sts):
        kind = first_open.get("kind", "quarter")
        out(
            f"按{ORDER[kind]}顺序确认：先处理{first_open['label']}。"
            f"某一期的详情：pioneer period status {OPTION[kind]} N"
        )


def _code_words(link: str) -> str:
    """The short 核验码 the paper and the township desk show for a confirmed period's link:
    the long 校验值 alone left a secretary comparing two different-looking strings."""
    from desktop.rules.quarter import check_code

    return f"（核验码 {check_code(link)}，与公示表、审核表上印的相同）"


def _print_status(st: dict[str, Any], *, blockers: bool = True) -> None:
    from desktop.book.publicity import is_start_correction

    line = f"{st['label']}：{st['state_text']}"
    if st.get("publicity_start"):
        line += f"；公示 {st['publicity_start']} 至 {st['publicity_end']}（{st['publicity_rule']}）"
    if st.get("confirmed_at"):
        line += f"；{st['confirmed_at'][:10]} 确认"
    out(line)
    if st.get("hash"):
        out(f"  校验值：{st['hash']}{_code_words(st['hash'])}")
    notices = st.get("notices", [])
    if notices and notices[0].get("late_reason"):
        out(f"  补登：{notices[0]['late_reason']}")
    for n in notices[1:]:
        if is_start_correction(n):
            out(
                f"  更正开始日期 {n['issued_at'][:10]}，公示期 {n['start']} 至 {n['end']}：{n['reason']}"
            )
            continue
        late = f"（补登：{n['late_reason']}）" if n.get("late_reason") else ""
        out(
            f"  重新公示 {n['issued_at'][:10]}，公示期 {n['start']} 至 {n['end']}：{n['reason']}{late}"
        )
    for o in st.get("objections", []):
        state = "未答复" if o["status"] == "open" else ("已更正" if o["changed"] else "未更改")
        when = o.get("date_text") or o["raised_on"]
        about = f"，涉及 {o['name']}" if o.get("name") else ""
        out(f"  异议 {o['id']}（{o['raised_by']}，{when}{about}）：{o['content']} — {state}")
    if st.get("warning"):
        out(f"  ！{st['warning']}")
        for c in st.get("changed_members", []):
            out(f"    {c['text']}")
    if st.get("next_step"):
        out(f"  → {st['next_step']}")
    for b in st.get("blockers", []) if blockers else []:
        out(f"  · {b}")


def cmd_period(args: argparse.Namespace) -> int:
    from desktop.book import quarter as Q

    today = today_of(args)
    with open_book(args) as book:
        year = year_of(args, book)
        given = _given_period(args, book, year, "period")
        if args.action == "status":
            sts = (
                [Q.period_status(book, year, given, today=today)]
                if given
                else Q.year_status(book, year, today=today)
            )
            if args.json:
                print_json(
                    {
                        "year": year,
                        "chain_head": Q.chain_head(book),
                        "periods": [_status_json(s) for s in sts],
                    }
                )
            elif given:
                _print_status(sts[0])
            else:
                _print_year(book, sts)
            return EXIT_OK
        quarter = given or _next_quarter(book, year, today)
        if args.action == "publish" and args.correct_start:
            if not args.start:
                raise Q.InputRefused(
                    "更正开始日期要写明公示表实际张贴的日期。",
                    [
                        '例如：--start 2026-10-10 --correct-start --reason "公示表已于10月10日张贴，登记时误填为今天"'
                    ],
                )
            before = Q.period_status(book, year, quarter, today=today).get("publicity_start")
            st = Q.correct_start(
                book, year, quarter, start=args.start, reason=args.reason or "", today=today
            )
            out(
                f"{st['label']}的公示开始日期已由 {before} 更正为 {st['publicity_start']}："
                f"公示期 {st['publicity_start']} 至 {st['publicity_end']}（{st['publicity_rule']}）。"
            )
            if st.get("next_step"):
                out(f"→ {st['next_step']}")
            return EXIT_OK
        if args.action == "publish":
            try:
                st = Q.publish(
                    book,
                    year,
                    quarter,
                    start=args.start,
                    reason=args.reason or "",
                    late_reason=args.late_reason or "",
                    today=today,
                )
            except Q.LateStartRefused as exc:
                # Say how the reason is given here; the book's words fit the window too.
                raise Q.LateStartRefused(
                    exc.message,
                    [*exc.lines(), '命令行：加上 --late-reason "公示表已于…张贴，今日补登"。'],
                ) from None
            except Q.InputRefused as exc:
                if not any("更正开始日期" in line for line in exc.lines()):
                    raise
                raise Q.InputRefused(
                    exc.message,
                    [
                        *exc.lines(),
                        f"命令行：pioneer period publish --quarter {quarter} --start {args.start} "
                        '--correct-start --reason "公示表已于…张贴，登记时日期填错"。',
                    ],
                ) from None
            again = len(st["notices"]) > 1
            out(
                f"{st['label']}已{'重新发布公示' if again else '开始公示'}："
                f"{st['publicity_start']} 至 {st['publicity_end']}（{st['publicity_rule']}）。"
            )
            if again:
                out(f"重新公示的公示期从 {st['publicity_start']} 起重新计算，期满后才能确认。")
            if st.get("publish_warning"):
                out(f"！{st['publish_warning']}")
            from desktop.book.periods import OPTION

            option = OPTION[st.get("kind", "quarter")]
            out(
                f"打印公示表：pioneer print publicity --year {year} {option} {quarter} --out 公示.pdf"
            )
            return EXIT_OK
        st = Q.confirm(book, year, quarter, today=today)
        out(f"{st['label']}已确认（不可撤销）。校验值：{st['hash']}{_code_words(st['hash'])}")
        return EXIT_OK


def _row_json(r: Any) -> dict[str, Any]:
    from desktop.rules.scoring import points_json

    return {
        "code": r.code,
        "name": r.name,
        "group": r.group,
        "sections": {k: points_json(v) for k, v in r.sections.items()},
        "total": points_json(r.total),
        "ytd_total": points_json(r.ytd_total),
        "rank": r.rank,
        "change": points_json(r.change) if r.change is not None else None,
        "below_60": r.below_60,
        "veto": r.veto,
        "unexcused": r.unexcused,
        "pending_claims": r.pending_claims,
        "flags": r.flags,
    }


def cmd_review(args: argparse.Namespace) -> int:
    from desktop.book import quarter as Q

    with open_book(args) as book:
        year = year_of(args, book)
        quarter = _period_of(args, book, year, "review")
        rv = Q.review(book, year, quarter)
    rows = rv.filtered(
        below_60=args.below_60, veto=args.veto, unexcused=args.unexcused, pending=args.pending
    )
    if args.json:
        print_json(
            {
                "year": year,
                **Q.period_keys(rv.kind, quarter),
                "label": rv.label,
                "scheme": rv.scheme_id,
                "as_of": rv.as_of,
                "sections": rv.sections,
                "members": [_row_json(r) for r in rows],
                "confirmed": rv.confirmed,
                "live_differs": rv.live_differs,
            }
        )
        return EXIT_OK
    if rv.confirmed:
        out(
            f"{rv.label} 已确认（{rv.confirmed['confirmed_at'][:10]}），"
            f"以下为确认时保存的结果。校验值：{rv.confirmed['hash']}　"
            f"链头：{rv.confirmed['chain_head']}"
        )
    before = CHANGE_HEADER[rv.kind]
    out("排名\t编号\t姓名\t" + "\t".join(rv.sections) + f"\t合计\t{before}\t年度积分")
    for r in rows:
        cells = [str(r.sections[s]) for s in rv.sections]
        change = "" if r.change is None else str(r.change)
        out(
            f"{r.rank}\t{r.code}\t{r.name}\t"
            + "\t".join(cells)
            + f"\t{r.total}\t{change}\t{r.ytd_total}"
        )
    return EXIT_OK


def _need_id(args: argparse.Namespace, what: str) -> int | None:
    if args.id is None:
        err(f"用法错误：{what} 需要编号，例如 pioneer claim approve 3 --by 支委会。")
        return None
    return args.id


def cmd_claim(args: argparse.Namespace) -> int:
    from desktop.book import quarter as Q

    with open_book(args) as book:
        if args.action == "add":
            missing = [k for k in ("member", "date", "item") if not getattr(args, k)]
            if missing:
                err(
                    "用法错误：claim add 需要 --member、--date、--item（以及 --points、--reason）。"
                )
                return EXIT_USAGE
            cid = Q.add_claim(
                book,
                args.member,
                args.date,
                args.item,
                args.points,
                args.reason or "",
                evidence=args.evidence or "",
                submitted_by=args.by or "",
            )
            out(f"已登记第 {cid} 号积分申报（状态：申报），待党小组长初评。")
            return EXIT_OK
        if args.action == "list":
            year = year_of(args, book)
            # The year's own cycle, as review/period/objection take it (a --quarter on a
            # monthly scheme was a silent date filter here while they refused it).
            number = _given_period(args, book, year, "claim")
            claims = Q.list_claims(book, year, number, status=args.status)
            if args.json:
                print_json(
                    [
                        {
                            k: c[k]
                            for k in (
                                "id",
                                "code",
                                "name",
                                "date",
                                "item",
                                "item_name",
                                "points",
                                "reason",
                                "evidence",
                                "status",
                                "reviewed_by",
                                "approved_by",
                                "rejected_by",
                                "reject_reason",
                                "caps",
                            )
                        }
                        for c in claims
                    ]
                )
            else:
                for c in claims:
                    out(
                        f"{c['id']}\t{c['date']}\t{c['code']}\t{c['name']}\t{c['item_name']}\t"
                        f"{c['points']}\t{c['status']}\t{c['reason']}"
                    )
            return EXIT_OK
        cid = _need_id(args, f"claim {args.action}")
        if cid is None:
            return EXIT_USAGE
        if not args.by:
            err(f"用法错误：claim {args.action} 需要 --by（初评/审定/驳回的人）。")
            return EXIT_USAGE
        if args.action == "review":
            Q.review_claim(book, cid, args.by, args.note or "", on=args.date)
            out(f"第 {cid} 号申报已初评，待支委会审定。")
        elif args.action == "approve":
            Q.approve_claim(book, cid, args.by, on=args.date)
            from desktop.book.approvals import claim_approvals
            from desktop.book.claims import claim

            year = int(claim(book, cid)["date"][:4])
            above = next((a for a in claim_approvals(book, year) if a.claim_id == cid), None)
            if above is not None:  # the scheme sends this item above the branch
                verb = "表决" if above.vote else "审定"  # a 党员大会 votes; a body above 审定
                out(f"第 {cid} 号申报已审定，待{above.body}{verb}（{above.step}）后计入积分。")
            else:
                out(f"第 {cid} 号申报已审定，计入积分。")
        else:
            Q.reject_claim(book, cid, args.by, args.reason or "", on=args.date)
            out(f"第 {cid} 号申报已驳回。请把理由告知申报人。")
    return EXIT_OK


def cmd_objection(args: argparse.Namespace) -> int:
    from desktop.book import quarter as Q

    with open_book(args) as book:
        if args.action == "add":
            year = year_of(args, book)
            quarter = _period_of(args, book, year, "objection")
            oid = Q.raise_objection(
                book,
                year,
                quarter,
                raised_by=args.by or "",
                content=args.content or "",
                member=args.member,
                raised_on=args.date,
            )
            out(f"已登记第 {oid} 号异议，请调查核实后答复（pioneer objection answer {oid}）。")
            st = Q.period_status(book, year, quarter)
            if any(o["id"] == oid and o["after_publicity"] for o in st["objections"]):
                out(f"注意：这条异议是在公示期（到 {st['publicity_end']}）满后提出的，已照常登记。")
            return EXIT_OK
        if args.action == "list":
            year = year_of(args, book)
            quarter = _period_of(args, book, year, "objection")
            st = Q.period_status(book, year, quarter)
            if args.json:
                print_json(_status_json(st)["objections"])
            else:
                _print_status(st)
            return EXIT_OK
        oid = _need_id(args, "objection answer")
        if oid is None:
            return EXIT_USAGE
        st = Q.answer_objection(
            book,
            oid,
            finding=args.finding or "",
            changed=args.changed,
            change_note=args.change_note or "",
            told_on=args.told_on,
        )
        out(f"第 {oid} 号异议已答复。")
        if st["notices"] and st["notices"][-1].get("objection_id") == oid:
            out(f"积分结果已更正，公示已重新发布：{st['notices'][-1]['reason']}")
        elif st["results_changed"]:
            out("积分结果与公示不一致：请在更正记录后重新发布公示（pioneer period publish）。")
    return EXIT_OK


def cmd_correction(args: argparse.Namespace) -> int:
    from desktop.book import quarter as Q

    with open_book(args) as book:
        if args.action == "list":
            rows = Q.list_corrections(book, year_of(args, book))
            if args.json:
                print_json(rows)
            else:
                for r in rows:
                    out(
                        f"{r['id']}\t{r['date']}\t{r['code']}\t{r['name']}\t{r['item']}\t"
                        f"{r['points']}\t{r['reason']}\t{r['refers_to']}"
                    )
            return EXIT_OK
        if not (args.member and args.item and args.points is not None):
            err("用法错误：correction add 需要 --member、--item、--points、--reason。")
            return EXIT_USAGE
        cid = Q.add_correction(
            book,
            args.member,
            args.item,
            Decimal(str(args.points)) if _is_number(args.points) else args.points,
            args.reason or "",
            refers_to=args.refers_to or "",
            when=args.date,
        )
        out(f"已登记第 {cid} 号更正。")
    return EXIT_OK


def cmd_holiday(args: argparse.Namespace) -> int:
    from desktop.book import quarter as Q

    with open_book(args) as book:
        if args.action == "list":
            rows = Q.list_holidays(book, args.year)
            if args.json:
                print_json(rows)
            else:
                for r in rows:
                    out(f"{r['date']}\t{r['name']}")
            return EXIT_OK
        if not args.date:
            err(f"用法错误：holiday {args.action} 需要日期，例如 2026-10-01。")
            return EXIT_USAGE
        for day in args.date:
            if args.action == "add":
                Q.set_holiday(book, day, args.name or "")
            else:
                Q.remove_holiday(book, day)
        out(f"已{'登记' if args.action == 'add' else '删除'} {len(args.date)} 个节假日。")
    return EXIT_OK


def _is_number(text: str) -> bool:
    try:
        Decimal(str(text))
    except Exception:
        return False
    return True


def add_quarter_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register the quarter subcommands with build_parser's `add` helper."""
    year_help = "年度（默认账本的当前年度）"
    q_help = "季度 1-4（默认：本年第一个未确认的期间；方案按月或半年评议时用 --month/--half）"

    p = add(
        "period",
        cmd_period,
        "评议期间（季度，或方案规定的月/半年）：status 状态；publish 开始公示（或更正后重新公示）；"
        "confirm 确认（不可撤销）",
    )
    p.add_argument("action", choices=["status", "publish", "confirm"])
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--quarter", type=int, default=None, choices=[1, 2, 3, 4], help=q_help)
    p.add_argument(
        "--month", type=int, default=None, choices=range(1, 13), metavar="1-12", help=MONTH_HELP
    )
    p.add_argument("--half", type=int, default=None, choices=[1, 2], help=HALF_HELP)
    p.add_argument(
        "--start", default=None, help="公示开始日期 YYYY-MM-DD（默认今天；不能早于今天，补登除外）"
    )
    p.add_argument("--reason", default=None, help="重新公示（或更正开始日期）的原因")
    p.add_argument(
        "--correct-start",
        action="store_true",
        help="publish：把正在公示的开始日期更正为 --start（公示表实际张贴的那天；"
        "登记异议后、结果变化后或确认后不能更正），须写 --reason",
    )
    p.add_argument(
        "--late-reason",
        default=None,
        help="补登原因：公示表已于 --start 那天张贴、今天才登记时写明（最多补登 14 天）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出（status）")
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: the quarter's timing as of a day

    p = add(
        "review",
        cmd_review,
        "评议表（季度，或方案规定的月/半年）：各部分得分、合计、排名、较上期变化、截至本期的年度积分",
    )
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--quarter", type=int, default=None, choices=[1, 2, 3, 4], help=q_help)
    p.add_argument(
        "--month", type=int, default=None, choices=range(1, 13), metavar="1-12", help=MONTH_HELP
    )
    p.add_argument("--half", type=int, default=None, choices=[1, 2], help=HALF_HELP)
    p.add_argument("--below-60", action="store_true", help="只看低于 60 分的")
    p.add_argument("--veto", action="store_true", help="只看有一票否决提示的")
    p.add_argument("--unexcused", action="store_true", help="只看有无故缺席的")
    p.add_argument("--pending", action="store_true", help="只看有待审申报的")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add(
        "claim", cmd_claim, "积分申报：add 申报；review 初评；approve 审定；reject 驳回；list 列出"
    )
    p.add_argument("action", choices=["add", "list", "review", "approve", "reject"])
    p.add_argument("id", nargs="?", type=int, help="申报编号（review/approve/reject）")
    p.add_argument("--member", default=None, help="党员编号或姓名")
    p.add_argument(
        "--date",
        default=None,
        help="日期 YYYY-MM-DD：add 为申报的日期；review/approve/reject 为实际初评、审定、驳回的"
        "日期（补登纸质记录时填写，默认今天）",
    )
    p.add_argument("--item", default=None, help="方案中的申报项目（编号或名称）")
    p.add_argument("--points", default=None, help="分值")
    p.add_argument("--reason", default=None, help="事由（驳回时为驳回理由）")
    p.add_argument("--evidence", default=None, help="佐证材料说明")
    p.add_argument("--by", default=None, help="经办人：申报人、初评人、审定人或驳回人")
    p.add_argument("--note", default=None, help="初评意见")
    p.add_argument("--status", default=None, choices=["申报", "初评", "审定", "驳回"])
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--quarter", type=int, default=None, choices=[1, 2, 3, 4])
    p.add_argument(
        "--month", type=int, default=None, choices=range(1, 13), metavar="1-12", help=MONTH_HELP
    )
    p.add_argument("--half", type=int, default=None, choices=[1, 2], help=HALF_HELP)
    p.add_argument("--json", action="store_true", help="以 JSON 输出（list）")

    p = add("objection", cmd_objection, "公示异议：add 登记；answer 答复；list 列出")
    p.add_argument("action", choices=["add", "answer", "list"])
    p.add_argument("id", nargs="?", type=int, help="异议编号（answer）")
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--quarter", type=int, default=None, choices=[1, 2, 3, 4], help=q_help)
    p.add_argument(
        "--month", type=int, default=None, choices=range(1, 13), metavar="1-12", help=MONTH_HELP
    )
    p.add_argument("--half", type=int, default=None, choices=[1, 2], help=HALF_HELP)
    p.add_argument("--by", default=None, help="提出异议的人")
    p.add_argument("--member", default=None, help="异议涉及的党员（编号或姓名）")
    p.add_argument("--content", default=None, help="异议内容")
    p.add_argument("--date", default=None, help="提出日期（默认今天）")
    p.add_argument("--finding", default=None, help="调查核实结果")
    p.add_argument("--changed", action="store_true", help="已根据异议更正了记录")
    p.add_argument("--change-note", default=None, help="更正了什么")
    p.add_argument("--told-on", default=None, help="告知本人的日期（默认今天）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（list）")

    p = add(
        "correction",
        cmd_correction,
        "更正已确认期间（季度、月或半年）的错误：在未确认的期间登记一条带原因的更正",
    )
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("--member", default=None, help="党员编号或姓名")
    p.add_argument("--item", default=None, help="方案中的项目（编号或名称）")
    p.add_argument("--points", default=None, help="更正的分值（加为正，减为负）")
    p.add_argument("--reason", default=None, help="更正原因")
    p.add_argument(
        "--refers-to", default=None, help="被更正的原记录，如“2026-03-10 主题党日 无故缺席”"
    )
    p.add_argument("--date", default=None, help="更正日期（默认今天，须在未确认的期间）")
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出（list）")

    p = add(
        "holiday", cmd_holiday, "节假日（公示按工作日计算时跳过）：add 登记；remove 删除；list 列出"
    )
    p.add_argument("action", choices=["add", "remove", "list"])
    p.add_argument("date", nargs="*", help="日期 YYYY-MM-DD（可多个）")
    p.add_argument("--name", default=None, help="节日名称，如 国庆节")
    p.add_argument("--year", type=int, default=None, help="只列出某年（list）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（list）")
