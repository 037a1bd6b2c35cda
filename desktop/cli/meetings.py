"""Meeting subcommands of `pioneer`: activities, activity-add, attend, plan, followups,
attendance-history, notice.

Exit 0 success, 1 refused (nothing written), 2 usage (desktop/cli/common.py); Chinese messages.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop.cli.common import EXIT_OK, err, open_book, out, print_json, year_of

STATUS_WORDS = {
    "出席": "出席",
    "公": "因公请假",
    "因公": "因公请假",
    "因公请假": "因公请假",
    "私": "因私请假",
    "因私": "因私请假",
    "因私请假": "因私请假",
    "缺": "无故缺席",
    "缺席": "无故缺席",
    "无故缺席": "无故缺席",
    "补录": "补录",
}


def cmd_activities(args: argparse.Namespace) -> int:
    from desktop.book.meetings import Meetings

    with open_book(args) as book:
        rows = Meetings(book).activities(year_of(args, book))
    keys = ("id", "code", "date", "type", "topic", "place", "host", "recorder")
    data = [
        {
            **{k: r[k] for k in keys},
            "recorded": r["recorded"],
            "present": r["present"],
            "leave": r["on_leave"],
            "absent": r["absent"],
        }
        for r in reversed(rows)
    ]
    if args.json:
        print_json(data)
        return EXIT_OK
    for r in data:
        counts = (
            f"出席{r['present']} 请假{r['leave']} 缺席{r['absent']}" if r["recorded"] else "未签到"
        )
        out(f"{r['code']}\t{r['date']}\t{r['type']}\t{r['topic']}\t{counts}")
    return EXIT_OK


def cmd_activity_add(args: argparse.Namespace) -> int:
    from desktop.book.meetings import Meetings

    fields = {
        "code": args.code,
        "date": args.date,
        "type": args.type,
        "topic": args.topic,
        "place": args.place,
        "host": args.host,
        "recorder": args.recorder,
        "minutes": args.minutes,
        "decisions": args.decisions,
    }
    with open_book(args) as book:
        mt = Meetings(book)
        activity_id = mt.add_activity(fields, group=args.group or "")
        committee_set = bool(mt.committee())
        act = mt.activity(activity_id)
        from desktop.book.points_start import unscored_note

        note = unscored_note(book, act["date"])
    out(f"已登记活动：{act['code']}（{act['date']} {act['type']}）")
    if note:
        out(note)
    if act["type"] == "支委会" and not committee_set:
        err(NO_COMMITTEE)
    return EXIT_OK


# The book's hint names the window's screen; the command line says its own way.
NO_COMMITTEE = (
    "注意：尚未设置支委会成员，支委会的签到表和签到暂按全体党员列出。"
    "请先设置：pioneer committee --set 书记=姓名 --set 组织委员=姓名 …"
)


def cmd_committee(args: argparse.Namespace) -> int:
    from desktop.book.meetings import COMMITTEE_ROLES, Meetings
    from desktop.cli.args import UsageError

    with open_book(args) as book:
        mt = Meetings(book)
        if args.set:
            entries = []
            for text in args.set:
                role, _eq, who = text.partition("=")
                role, who = role.strip(), who.strip()
                if not who or role not in COMMITTEE_ROLES:
                    raise UsageError(
                        f"“{text}”看不懂。",
                        [f"格式：职务=姓名或编号，职务为 {'、'.join(COMMITTEE_ROLES)} 之一。"],
                    )
                entries.append((book.roster.find(who)["id"], role))
            mt.set_committee(entries)
        members = mt.committee()
    if args.json:
        print_json([{"code": m["code"], "name": m["name"], "role": m["role"]} for m in members])
        return EXIT_OK
    if args.set:
        out(f"已设置支委会成员 {len(members)} 人：")
    if not members:
        out("尚未设置支委会成员（支委会的签到暂按全体党员列出）。")
    for m in members:
        out(f"{m['role']}\t{m['code']}\t{m['name']}")
    return EXIT_OK


def _parse_exception(text: str) -> tuple[str, str, str, tuple[str, ...], str]:
    """ "张三=私:看病" → (member, status, reason, witnesses, host_org).

    Forms: 姓名=状态[:事由]; 补录 takes witnesses after a second colon separated by 、 or ,;
    在外地参加: 姓名=出席@党组织名称.
    """
    # A --set value that can't be read is a mistake on the command line (exit 2), not data
    # the book refused.
    from desktop.cli.args import UsageError

    if "=" not in text:
        raise UsageError(
            f"“{text}”看不懂。",
            ["格式：姓名=状态[:事由]，如 张三=因私请假:看病、李四=缺、王五=出席@深圳某支部。"],
        )
    who, rest = text.split("=", 1)
    host = ""
    if "@" in rest:
        rest, host = rest.split("@", 1)
    parts = rest.split(":")
    status = STATUS_WORDS.get(parts[0].strip())
    if status is None:
        raise UsageError(
            f"“{text}”中的状态“{parts[0]}”不认识。",
            ["可用：出席、因公请假（公）、因私请假（私）、无故缺席（缺）、补录。"],
        )
    reason = parts[1].strip() if len(parts) > 1 else ""
    witnesses = tuple(
        w.strip()
        for w in (parts[2] if len(parts) > 2 else "").replace(",", "、").split("、")
        if w.strip()
    )
    return who.strip(), status, reason, witnesses, host.strip()


def cmd_attend(args: argparse.Namespace) -> int:
    from desktop.book.meetings import Entry, Meetings

    with open_book(args) as book:
        mt = Meetings(book)
        act = mt.find_activity(args.activity)
        exceptions = {}
        for text in args.set or []:
            who, status, reason, witnesses, host = _parse_exception(text)
            member = book.roster.find(who)
            exceptions[member["id"]] = Entry(status, reason, witnesses, host)
        counts = mt.record_attendance(
            act["id"], exceptions, everyone_present=not args.only_listed, amend=args.amend
        )
        guessed = mt.expected(act["id"])["hint"]  # who was expected had to be guessed
    summary = "，".join(f"{s} {n} 人" for s, n in counts.items() if n)
    out(f"已登记 {act['code']} 的签到：{summary}")
    if guessed and act["type"] == "支委会":
        err(
            "注意：尚未设置支委会成员，这次支委会按全体党员登记了签到。请先设置：pioneer committee "
            f"--set 书记=姓名 --set 组织委员=姓名 …，再用 pioneer attend {act['code']} --amend "
            "重新登记。"
        )
    elif guessed:
        err(f"注意：{guessed}")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from desktop.book.meetings import Meetings

    with open_book(args) as book:
        mt = Meetings(book)
        year = year_of(args, book)
        if args.generate:
            # As the window proposes: this year's plan starts this month unless told otherwise.
            start = args.from_month or mt.plan_start_month(year)
            n = mt.generate_plan(year, replace=args.replace, from_month=start)
            since = ""
            if start > 1:
                since = (
                    f"（自 {start} 月起，之前的月份不列入计划；要全年的计划请加 --from-month 1）"
                )
            out(f"已生成 {year} 年活动计划：{n} 项{since}")
        rows = mt.plan(year)
    data = [
        {
            "due_date": r["due_date"],
            "type": r["type"],
            "group": r["group_name"],
            "topic": r["topic"],
            "state": r["state"],
            "activity": r["activity_code"],
        }
        for r in rows
    ]
    if args.json:
        print_json({"year": year, "items": data})
        return EXIT_OK
    if not args.generate:
        for r in rows:
            group = f"（{r['group_name']}）" if r["group_name"] else ""
            done = f"\t{r['activity_code']}" if r["activity_code"] else ""
            out(f"{r['due_date']}\t{r['type']}{group}\t{r['state_text']}{done}")
    return EXIT_OK


def cmd_followups(args: argparse.Namespace) -> int:
    from desktop.book.meetings import Meetings

    with open_book(args) as book:
        year = year_of(args, book)
        ups = Meetings(book).follow_ups(year)
    names = ups["names"]
    data = {
        "year": year,
        "notices": [
            {
                "code": n.member,
                "name": n.name,
                "kind": n.kind,
                "nth": n.nth,
                "activity": n.absence.activity,
                "date": n.absence.date,
                "issued": n.issued,
                "reason": n.reason,
            }
            for n in ups["notices"]
        ],
        "leave_over": [
            {"code": o.member, "name": names.get(o.member, ""), "text": o.text}
            for o in ups["leave_over"]
        ],
        "mobile": [
            {"code": s.member, "name": names.get(s.member, ""), "text": s.text, "final": s.final}
            for s in ups["mobile"]
        ],
        "party_life": [{"code": c, "name": n, "text": t} for c, n, t in ups["party_life"]],
    }
    if args.json:
        print_json(data)
        return EXIT_OK
    for n in data["notices"]:
        state = "已出具" if n["issued"] else "待出具"
        out(f"{n['kind']}\t{n['code']}\t{n['name']}\t{n['reason']}\t{state}")
    for key, label in (
        ("leave_over", "请假超限"),
        ("mobile", "流动党员"),
        ("party_life", "一票否决核实"),
    ):
        for r in data[key]:
            out(f"{label}\t{r['code']}\t{r['name']}\t{r['text']}")
    return EXIT_OK


def cmd_notice(args: argparse.Namespace) -> int:
    from desktop.book.errors import InputRefused
    from desktop.book.meetings import Meetings

    with open_book(args) as book:
        mt = Meetings(book)
        member = book.roster.find(args.member)
        act = mt.find_activity(args.activity)
        ups = mt.follow_ups(int(act["date"][:4]))
        due = [
            n
            for n in ups["notices"]
            if n.member == member["code"] and n.absence.activity == act["code"]
        ]
        if not due:
            raise InputRefused(
                f"{member['name']} 在活动 {act['code']} 没有无故缺席的记录，不需要出具通知。"
            )
        n = due[0]
        mt.issue_notice(member["id"], n.kind, n.reason, ref=act["code"])
    out(f"已出具{n.kind}：{member['name']}（{n.reason}）")
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from desktop.book.meetings import Meetings

    with open_book(args) as book:
        member = book.roster.find(args.member)
        year = year_of(args, book)
        rows = Meetings(book).member_history(member["id"], year)
    data = [
        {
            k: r[k]
            for k in ("code", "date", "type", "topic", "status", "note", "witnesses", "host_org")
        }
        for r in rows
    ]
    if args.json:
        print_json(
            {"code": member["code"], "name": member["name"], "year": year, "attendance": data}
        )
        return EXIT_OK
    out(f"{member['name']}（{member['code']}）{year} 年签到记录：{len(data)} 次")
    for r in data:
        extra = "；".join(
            x
            for x in (
                r["note"],
                r["witnesses"] and f"证明人：{r['witnesses']}",
                r["host_org"] and f"在{r['host_org']}参加",
            )
            if x
        )
        out(f"{r['date']}\t{r['type']}\t{r['topic']}\t{r['status']}\t{extra}".rstrip())
    return EXIT_OK


def add_meeting_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register the meeting subcommands with build_parser's `add` helper."""
    from desktop.rules.facts import ACTIVITY_TYPES

    year_help = "年度（默认账本的当前年度）"
    p = add("activities", cmd_activities, "列出一年的会议活动及签到人数")
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add("activity-add", cmd_activity_add, "登记一次会议活动（可先登记、会前打印签到表）")
    p.add_argument("--date", required=True, help="日期 YYYY-MM-DD")
    p.add_argument(
        "--type",
        required=True,
        choices=ACTIVITY_TYPES,
        metavar="TYPE",
        help=f"活动类型：{'、'.join(ACTIVITY_TYPES)}",
    )
    p.add_argument("--topic", default="", help="主题")
    p.add_argument("--place", default="", help="地点")
    p.add_argument("--host", default="", help="主持人")
    p.add_argument("--recorder", default="", help="记录人")
    p.add_argument("--minutes", default="", help="会议内容")
    p.add_argument("--decisions", default="", help="决定事项")
    p.add_argument("--group", default="", help="党小组会：哪个党小组")
    p.add_argument("--code", default="", help="活动编号（默认自动编号，如 2026-001）")

    p = add(
        "committee", cmd_committee, "支委会成员：列出，或用 --set 重新设置（支委会的签到只列他们）"
    )
    p.add_argument(
        "--set",
        action="append",
        metavar="职务=姓名",
        help="如 书记=李德明；可写多次，整个替换原来的支委会；职务：书记、副书记、组织委员、"
        "宣传委员、纪检委员、委员",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add("attend", cmd_attend, "登记一次活动的签到：默认应到党员全部出席，再列出例外")
    p.add_argument("activity", help="活动编号")
    p.add_argument(
        "--set",
        action="append",
        metavar="姓名=状态[:事由[:证明人、证明人]][@党组织]",
        help="例外：张三=私:看病；李四=缺；王五=补录:会后补签:赵六、钱七；孙八=出席@深圳某支部",
    )
    p.add_argument("--only-listed", action="store_true", help="只登记 --set 列出的党员（如补录）")
    p.add_argument("--amend", action="store_true", help="更正：用这次登记替换该活动原有的全部签到")

    p = add("plan", cmd_plan, "年度活动计划（行事历）：已完成、待办、逾期")
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--generate", action="store_true", help="按模板生成本年计划")
    p.add_argument(
        "--replace", action="store_true", help="与 --generate 一起：重新生成未完成的计划项"
    )
    p.add_argument(
        "--from-month",
        type=int,
        choices=range(1, 13),
        metavar="M",
        default=None,
        help="与 --generate 一起：计划从几月开始（默认：当年为本月，其他年份为 1 月；"
        "重新生成时沿用原来的起始月份）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add(
        "followups",
        cmd_followups,
        "签到之后要处理的事：提醒/警戒书、请假超限、流动党员、连续6个月未参加组织生活",
    )
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add("attendance-history", cmd_history, "一名党员一年的签到记录")
    p.add_argument("--member", required=True, help="党员编号或姓名")
    p.add_argument("--year", type=int, default=None, help=year_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = add("notice", cmd_notice, "就某次无故缺席出具提醒或警戒书（按提醒阶梯自动确定种类）")
    p.add_argument("--member", required=True, help="党员编号或姓名")
    p.add_argument("--activity", required=True, help="缺席的活动编号")
