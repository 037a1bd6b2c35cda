"""`pioneer appraisal` (民主评议) and `pioneer veto` (一票否决): the year's end on the command
line, the same operations as the 年度评定 screen (desktop/book/year_end.py).

Exit 0 success, 1 refused (nothing written), 2 usage (desktop/cli/common.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from desktop.cli.args import UsageError
from desktop.cli.common import EXIT_OK, err, open_book, out, print_json, print_year_rows, today_of
from desktop.rules.facts import APPRAISAL_KINDS

_WITHDRAWN = {"deleted": "已删除（所在期间尚未确认）", "withdrawn": "已登记撤销（原记录保留）"}


def _pairs(items: list[str]) -> dict[str, str] | None:
    """["张三=优秀", "005=合格"] → {"张三": "优秀", "005": "合格"}; None if one has no "="."""
    pairs: dict[str, str] = {}
    for item in items:
        who, sep, grade = item.partition("=")
        if not sep or not who.strip():
            return None
        pairs[who.strip()] = grade.strip()
    return pairs


def _withdrawn_text(row: dict) -> str:
    w = row.get("withdrawn")
    return f"已于 {w['date']} 撤销：{w['reason']}" if w else ""


def cmd_appraisal(args: argparse.Namespace) -> int:
    from desktop.book import year_end as Y

    with open_book(args) as book:
        year = args.year or book.current_year
        if args.action == "add":
            grades = _pairs(args.items + (args.grade or []))
            if grades is None or not grades:
                raise UsageError("请按“党员=等次”填写，例如 张三=优秀 005=合格。")
            ids = Y.add_appraisals(
                book,
                year,
                args.kind,
                grades,
                round=args.round,
                graded_by=args.by,
                on=args.date,
                today=today_of(args),
            )
            what = Y.appraisal_label(book, year, args.kind, args.round)
            first = next(r for r in Y.list_appraisals(book, year) if r["id"] == ids[0])
            graded = first["graded"]  # 组织考评: 「支委会于2026-01-12评定」
            if args.kind == "自评":
                graded = f"党员本人于{first['date']}评定"
            more = f"（{graded}）" if graded else ""
            out(f"已登记 {year} 年{what}结果 {len(ids)} 条{more}。")
            return EXIT_OK
        if args.action == "round":
            from desktop.book.ballots import record_round

            if args.members is None or not args.date:
                raise UsageError(
                    "请用 --date 写评议日期，--members 写参加的党员人数（--mass 群众代表人数）。"
                )
            done = record_round(
                book,
                year,
                args.kind,
                round=args.round,
                on=args.date,
                member_voters=args.members,
                mass_voters=args.mass or 0,
            )
            out(f"已登记 {year} 年第{args.round}次{args.kind}评议会议（编号 {done['id']}）。")
            for w in done["warnings"]:
                err(f"注意：{w}")
            return EXIT_OK
        if args.action == "ballot":
            from desktop.book.ballots import record_ballot

            marks = _pairs(args.items + (args.grade or []))
            if marks is None:
                raise UsageError("请按“党员=等次”填写这张选票，例如 张三=优秀 005=合格。")
            done = record_ballot(
                book, year, args.kind, marks, round=args.round, spoiled=args.spoiled
            )
            what = "废票" if args.spoiled or not marks else f"{len(marks)} 人"
            out(
                f"已录入第 {done['number']} 张选票（{what}）；共 {done['ballots']} 张，"
                f"参加评议 {done['voters']} 人。"
            )
            return EXIT_OK
        if args.action == "count":
            from desktop.book.ballots import count_ballots

            done = count_ballots(book, year, args.kind, round=args.round)
            if args.json:
                print_json({"year": year, "kind": args.kind, "round": args.round, "counted": done})
                return EXIT_OK
            for d in done:
                out(f"{d['code']}\t{d['name']}\t{d['grade']}\t{d['explain']}")
            return EXIT_OK
        if args.action == "tally":
            from desktop.book.ballots import record_tally
            from desktop.rules.ballots import TallyError, parse_votes

            if not args.member or not args.votes:
                raise UsageError(
                    "请用 --member 指明党员，--votes 写票数，如 优秀=12,合格=6,基本合格=2,不合格=0。"
                )
            try:
                votes = parse_votes(args.votes)
            except TallyError as exc:
                raise UsageError(f"--votes {exc}。") from None
            done = record_tally(
                book, year, args.kind, args.member, votes, round=args.round, voters=args.voters
            )
            out(f"已登记：{done['grade']}（{done['explain']}）")
            return EXIT_OK
        if args.action == "withdraw":
            if len(args.items) != 1 or not args.items[0].isdigit():
                raise UsageError("请给出要撤销的记录编号（见 pioneer appraisal list）。")
            args.id = int(args.items[0])
            done = Y.withdraw_appraisal(
                book,
                args.id,
                args.reason or "",
                decided_by=args.by or "",
                when=args.date,
                today=today_of(args),
            )
            out(f"第 {args.id} 号民主评议记录{_WITHDRAWN[done]}。")
            return EXIT_OK
        rows = Y.list_appraisals(book, year)
        # A scheme that appraises once a year has no rounds to tell apart: no 第1次.
        columns = Y.appraisal_columns(book, year) if rows and not args.json else []
        from desktop.book.ballots import combined_formula, combined_grades

        combined = combined_grades(book, year)  # [ballots.combine]: each member's 综合评定
        if combined:
            _list_with_combined(args, year, rows, columns, combined, combined_formula(book, year))
            return EXIT_OK
        print_year_rows(
            args,
            year,
            "appraisals",
            rows,
            _appraisal_json,
            lambda r: _appraisal_line(r, columns),
            f"{year} 年还没有民主评议结果。",
        )
        return EXIT_OK
    return EXIT_OK


def _appraisal_json(r: dict[str, Any]) -> dict[str, Any]:
    return {
        **{k: r[k] for k in ("id", "round", "kind", "code", "name", "grade")},
        "withdrawn": r["withdrawn"] is not None,
        **{k: r[k] for k in ("locked", "votes", "voters", "explain")},
        # 自评 / 组织考评: 评定人 and 评定日期 ("" / null when not recorded).
        "graded_by": r["graded_by"],
        "date": r["date"],
    }


def _appraisal_line(r: dict[str, Any], columns: list[tuple[str, int]]) -> str:
    from desktop.book import year_end as Y

    return (
        f"{r['id']}\t{Y.column_label(r['kind'], r['round'], columns)}\t{r['code']}"
        f"\t{r['name']}\t{r['grade']}"
        + (f"（{r['explain'] or r['graded']}）" if r["explain"] or r["graded"] else "")
        + f"\t{_withdrawn_text(r)}"
    )


def _list_with_combined(
    args: argparse.Namespace,
    year: int,
    rows: list[dict[str, Any]],
    columns: list[tuple[str, int]],
    combined: dict[str, dict[str, Any]],
    formula: str,
) -> None:
    """`appraisal list` of a year whose scheme has [ballots.combine]: the results, then how
    the 综合评定 is formed and each member's (whether or not it feeds the points)."""
    names = {r["code"]: r["name"] for r in rows}
    members = [
        {"code": code, "name": names.get(code, ""), "grade": c["grade"], "explain": c["line"]}
        for code, c in sorted(combined.items())
    ]
    if getattr(args, "json", False):
        print_json(
            {
                "year": year,
                "appraisals": [_appraisal_json(r) for r in rows],
                "combined": {"formula": formula, "members": members},
            }
        )
        return
    for r in rows:
        out(_appraisal_line(r, columns).rstrip())
    out(formula)
    for m in members:
        out(f"综合评定\t{m['code']}\t{m['name']}\t{m['explain'].removeprefix('综合评定：')}")


def cmd_veto(args: argparse.Namespace) -> int:
    from desktop.book import year_end as Y

    with open_book(args) as book:
        if args.action == "add":
            if not args.member:
                raise UsageError("请用 --member 指明党员（编号或姓名）。")
            vid = Y.add_veto(
                book,
                args.member,
                args.date or "",
                args.reason or "",
                args.by or "",
                kind=args.kind or "",
                year=args.year,
                today=today_of(args),
            )
            out(f"已登记一票否决（编号 {vid}）。")
            return EXIT_OK
        if args.action == "withdraw":
            if args.id is None:
                raise UsageError("请给出要撤销的记录编号（见 pioneer veto list）。")
            done = Y.withdraw_veto(
                book,
                args.id,
                args.reason or "",
                decided_by=args.by or "",
                when=args.date,
                today=today_of(args),
            )
            out(f"第 {args.id} 号一票否决记录{_WITHDRAWN[done]}。")
            return EXIT_OK
        year = args.year or book.current_year
        if args.action == "kinds":
            for name in Y.veto_kinds(book, year):
                out(name)
            return EXIT_OK
        rows = Y.list_vetoes(book, year)
        print_year_rows(
            args,
            year,
            "vetoes",
            rows,
            lambda r: {
                **{k: r[k] for k in ("id", "code", "name", "date", "kind", "reason", "decided_by")},
                "withdrawn": r["withdrawn"] is not None,
                "withdrawal": (
                    {k: r["withdrawn"][k] for k in ("date", "reason", "decided_by")}
                    if r["withdrawn"]
                    else None
                ),
                "locked": r["locked"],
            },
            lambda r: (
                f"{r['id']}\t{r['date']}\t{r['code']}\t{r['name']}\t{r['reason']}"
                f"\t{r['decided_by']}\t{_withdrawn_text(r)}"
            ),
            f"{year} 年没有一票否决记录。",
        )
    return EXIT_OK


def add_year_end_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register `appraisal` and `veto` with build_parser's `add` helper."""
    p = add(
        "appraisal",
        cmd_appraisal,
        "民主评议：add 登记一次评议的结果（可一次登记多人）；round 登记评议会议（日期、参加人数）；"
        "tally 按票数登记（等次按方案得出）；ballot 逐张录入一张选票；count 按选票计票；"
        "list 列出；withdraw 撤销有误的结果",
    )
    p.add_argument(
        "action", choices=["add", "list", "withdraw", "tally", "round", "ballot", "count"]
    )
    p.add_argument(
        "items",
        nargs="*",
        default=[],
        help="add/ballot：党员=等次，如 张三=优秀 005=合格；withdraw：记录编号",
    )
    p.add_argument("--year", type=int, default=None, help="年度（默认账本的当前年度）")
    p.add_argument(
        "--grade",
        action="append",
        metavar="党员=等次",
        help="add：一名党员的等次（可重复；也可直接写在 add 之后）",
    )
    p.add_argument(
        "--kind",
        default="党员评议",
        choices=APPRAISAL_KINDS,
        metavar="类型",
        help="评议类型：党员评议（默认）、群众评议、自评或组织考评（后两种只用 add 登记等次）",
    )
    p.add_argument("--round", type=int, default=1, help="轮次（一年评议两次的方案：1 或 2）")
    p.add_argument("--member", default=None, help="tally：党员编号或姓名")
    p.add_argument(
        "--votes",
        default=None,
        metavar="优秀=N,合格=N,基本合格=N,不合格=N",
        help="tally：该党员的票数（等次按本年度方案的计票规则得出）",
    )
    p.add_argument(
        "--voters", type=int, default=None, help="tally：参加评议的人数（默认：登记的评议会议人数）"
    )
    p.add_argument("--members", type=int, default=None, help="round：参加评议的党员人数")
    p.add_argument("--mass", type=int, default=None, help="round：参加评议的群众代表人数")
    p.add_argument("--spoiled", action="store_true", help="ballot：这张选票是废票（空白或无效）")
    p.add_argument("--reason", default=None, help="withdraw：撤销原因（必填）")
    p.add_argument(
        "--by",
        default=None,
        help="withdraw：决定人；add --kind 组织考评：评定人（默认“支委会”，也可写 支部书记张三）；"
        "自评的评定人是党员本人，不用填",
    )
    p.add_argument(
        "--date",
        default=None,
        help="withdraw：撤销日期（默认今天）；round：评议日期；add --kind 自评/组织考评："
        "评定日期（默认今天）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", help=argparse.SUPPRESS)

    p = add(
        "veto",
        cmd_veto,
        "一票否决：add 登记支委会的决定（写明原因和决定人）；list 列出；kinds 本年度方案的情形；"
        "withdraw 撤销有误的记录",
    )
    p.add_argument("action", choices=["add", "list", "kinds", "withdraw"])
    p.add_argument("id", nargs="?", type=int, help="withdraw：记录编号")
    p.add_argument("--member", default=None, help="add：党员编号或姓名")
    p.add_argument("--date", default=None, help="add：决定日期；withdraw：撤销日期（默认今天）")
    p.add_argument("--reason", default=None, help="原因（必填）")
    p.add_argument("--by", default=None, help="决定人（add 必填，如“支委会”）")
    p.add_argument("--kind", default=None, help="add：方案列出的一票否决情形（见 veto kinds）")
    p.add_argument(
        "--year",
        type=int,
        default=None,
        help="list/kinds：年度（默认当前年度）；add：给出时决定日期须在该年内",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", help=argparse.SUPPRESS)


def cmd_approval(args: argparse.Namespace) -> int:
    from desktop.book import approvals as A

    with open_book(args) as book:
        year = args.year or book.current_year
        if args.action == "vote":
            return _record_vote(args, book, year)
        if args.action == "record" and args.claim is not None:
            if args.approve == args.refuse:
                raise UsageError("请写 --approve（批准）或 --refuse（不批准）之一。")
            A.record_claim_decision(
                book,
                args.claim,
                approved=args.approve,
                by=args.by or "",
                on=args.date,
                reason=args.reason or "",
                source=args.source,
                today=today_of(args),
            )
            verb = "批准" if args.approve else "不批准"
            out(f"已登记第 {args.claim} 号申报的审批决定：{verb}。")
            return EXIT_OK
        if args.action == "record":
            if not args.member:
                raise UsageError("请用 --member 指明党员（编号或姓名）。")
            if args.approve == args.refuse:
                raise UsageError("请写 --approve（批准）或 --refuse（不批准）之一。")
            ids = A.record_decision(
                book,
                year,
                args.member,
                approved=args.approve,
                by=args.by or "",
                on=args.date,
                reason=args.reason or "",
                step=args.step,
                source=args.source,
                today=today_of(args),
            )
            out(f"已登记 {year} 年审批决定 {len(ids)} 条。")
            return EXIT_OK
        from desktop.book.votes import votes_of

        items = A.approvals(book, year, today=today_of(args))
        claims = A.claim_approvals(book, year)
        votes = votes_of(book, year)
        if args.action == "list" and args.pending:
            items = [a for a in items if a.pending]
            claims = [c for c in claims if c.pending]
        if args.json:
            print_json(
                {
                    "year": year,
                    "approvals": [
                        {
                            "code": a.code,
                            "name": a.name,
                            "result": a.result,
                            "step": a.step,
                            "by": a.body,
                            "state": a.state,
                            "decision": (
                                {
                                    k: a.decision[k]
                                    for k in ("decided_by", "date", "reason", "source")
                                }
                                if a.decision
                                else None
                            ),
                        }
                        for a in items
                    ],
                    "claims": [
                        {
                            "claim": c.claim_id,
                            "code": c.code,
                            "name": c.name,
                            "date": c.date,
                            "item": c.item,
                            "points": c.points,
                            "step": c.step,
                            "by": c.body,
                            "state": c.state,
                        }
                        for c in claims
                    ],
                    "votes": [_vote_json(v) for v in votes],
                }
            )
            return EXIT_OK
        for a in items:
            out(f"{a.code}\t{a.name}\t{a.text()}")
        for c in claims:
            out(
                f"{c.code}\t{c.name}\t第{c.claim_id}号申报 {c.date} {c.item} {c.points}分：{c.text()}"
            )
        for v in votes:
            out(v.text())
        if not items and not claims:
            what = "待审批" if args.pending else "需要上级审批"
            out(f"{year} 年没有{what}的评定结果。")
    return EXIT_OK


def _vote_json(v: Any) -> dict[str, Any]:
    c = v.count
    return {
        "id": v.id, "step": v.step, "date": v.date, "activity": v.activity_id,
        "expected": c.expected, "present": c.present, "yes": c.yes, "no": c.no,
        "abstain": c.abstain, "rule": v.rule, "passed": v.passed, "text": v.why,
        "proposal": v.proposal,
    }  # fmt: skip


def _record_vote(args: argparse.Namespace, book: Any, year: int) -> int:
    """`approval vote`: the 党员大会's vote on a step with [[approvals]] vote."""
    from desktop.book.votes import record_vote

    missing = [f"--{k}" for k in ("yes", "no", "abstain", "present") if getattr(args, k) is None]
    if missing:
        raise UsageError(f"请写明 {'、'.join(missing)}（赞成、反对、弃权票数和到会人数）。")
    activity = None
    if args.activity is not None:  # the 编号 people use (2026-001), or the row id
        from desktop.book.meetings import Meetings

        activity = Meetings(book).find_activity(args.activity)["id"]
    v = record_vote(
        book,
        year,
        yes=args.yes,
        no=args.no,
        abstain=args.abstain,
        present=args.present,
        expected=args.expected,
        on=args.date,
        step=args.step,
        activity=activity,
        note=args.note or "",
        today=today_of(args),
    )
    if args.json:
        print_json(_vote_json(v))
    else:
        out(f"已登记党员大会表决：{v.why}。")
        out(f"表决的是：{v.proposal}。")
    return EXIT_OK


def add_approval_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register `approval` (上级审批) with build_parser's `add` helper."""
    p = add(
        "approval",
        cmd_approval,
        "上级审批：list 列出需上级审批的评定结果、积分申报及其状态；record 登记审批决定（批准或不批准；"
        "--claim 为一条积分申报）；vote 登记党员大会表决（赞成、反对、弃权票数）",
    )
    p.add_argument("action", choices=["list", "record", "vote"])
    p.add_argument("--year", type=int, default=None, help="年度（默认账本的当前年度）")
    p.add_argument("--member", default=None, help="record：党员编号或姓名")
    p.add_argument("--claim", type=int, default=None, help="record：须上级审定的积分申报的记录号")
    p.add_argument("--approve", action="store_true", help="record：批准")
    p.add_argument("--refuse", action="store_true", help="record：不批准（须写 --reason）")
    p.add_argument("--by", default=None, help="record：审批单位或审批人（必填，如“镇党委”）")
    p.add_argument("--date", default=None, help="record/vote：审批或表决日期（默认今天）")
    p.add_argument("--reason", default=None, help="record：理由（不批准时必填）")
    p.add_argument(
        "--step",
        default=None,
        help="record：审批环节（默认该党员待审批的全部环节）；vote：表决环节",
    )
    p.add_argument(
        "--source",
        default="手工",
        choices=("手工", "乡镇回执"),
        metavar="来源",
        help="手工（默认）或乡镇回执",
    )
    p.add_argument("--yes", type=int, default=None, help="vote：赞成票数")
    p.add_argument("--no", type=int, default=None, help="vote：反对票数")
    p.add_argument("--abstain", type=int, default=None, help="vote：弃权票数")
    p.add_argument("--present", type=int, default=None, help="vote：到会的有表决权党员人数")
    p.add_argument(
        "--expected", type=int, default=None, help="vote：应到会人数（默认支部的正式党员人数）"
    )
    p.add_argument(
        "--activity", default=None, help="vote：表决所在的支部党员大会（活动编号，如 2026-001）"
    )
    p.add_argument("--note", default=None, help="vote：备注")
    p.add_argument("--pending", action="store_true", help="list：只列出待审批的")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", help=argparse.SUPPRESS)


def cmd_exchange(args: argparse.Namespace) -> int:
    from desktop.book import exchange as X
    from desktop.rules.scheme import fmt_points

    with open_book(args) as book:
        if args.action == "add":
            if not args.member:
                raise UsageError("请用 --member 指明党员（编号或姓名）。")
            if args.points is None:
                raise UsageError("请用 --points 写兑换的分值（退回写负数）。")
            xid = X.record_exchange(
                book,
                args.member,
                args.date or "",
                args.what or "",
                args.points,
                args.by or "",
                note=args.note or "",
                today=today_of(args),
            )
            out(f"已登记积分兑换（编号 {xid}）。积分不变。")
            return EXIT_OK
        year = args.year or book.current_year
        if args.action == "balance":
            if not args.member:
                raise UsageError("请用 --member 指明党员（编号或姓名）。")
            b = X.balance(book, year, args.member, today=today_of(args))
            data = {"year": year, **{k: str(v) for k, v in b.items()}}
            if args.json:
                print_json(data)
            else:
                out(
                    f"{year} 年积分 {fmt_points(b['total'])} 分，已兑换 {fmt_points(b['redeemed'])}"
                    f" 分，可兑换 {fmt_points(b['left'])} 分"
                )
            return EXIT_OK
        rows = X.ledger(book, year, args.member)
        print_year_rows(
            args,
            year,
            "exchanges",
            rows,
            lambda r: {
                k: r[k]
                for k in ("id", "code", "name", "date", "what", "points", "handled_by", "note")
            },
            lambda r: (
                f"{r['id']}\t{r['date']}\t{r['code']}\t{r['name']}\t{r['what']}\t"
                f"{fmt_points(Decimal(r['points']))}\t{r['handled_by']}\t{r['note']}"
            ),
            f"{year} 年没有积分兑换记录。",
        )
    return EXIT_OK


def add_exchange_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register `exchange` (积分兑换台账) with build_parser's `add` helper."""
    p = add(
        "exchange",
        cmd_exchange,
        "积分兑换台账（方案有 [exchange] 时）：add 登记兑换或退回；list 列出；balance 可兑换余额。"
        "兑换不改变积分",
    )
    p.add_argument("action", choices=["add", "list", "balance"])
    p.add_argument("--year", type=int, default=None, help="list/balance：年度（默认当前年度）")
    p.add_argument("--member", default=None, help="党员编号或姓名")
    p.add_argument("--date", default=None, help="add：兑换日期（默认今天）")
    p.add_argument("--what", default=None, help="add：兑换的实物或服务")
    p.add_argument("--points", default=None, help="add：分值（退回写负数，并在 --note 写原因）")
    p.add_argument("--by", default=None, help="add：经办人")
    p.add_argument("--note", default=None, help="add：备注")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", help=argparse.SUPPRESS)
