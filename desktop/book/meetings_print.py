"""Plain data for the meeting paper, and the writers registered in `printing.KINDS`.

`signin` and `attendance` take `activity` (编号 or id); `attendance-summary` takes `year`
and optionally `quarter`; `warning-notice` / `reminder-notice` take `member` (and optionally
`activity`, the absence the notice is about).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused, MissingOption
from desktop.book.meetings import Meetings
from desktop.book.reports import sort_members
from desktop.book.store import Book
from desktop.rules.facts import ATTENDANCE_STATUSES
from desktop.rules.meetings import PARTY_LIFE_TYPES, REMINDER, UNEXCUSED, WARNING
from desktop.rules.periods import window_of
from desktop.rules.scheme import fmt_points


def _need_activity(opts: dict[str, Any], kind: str) -> str:
    ref = opts.get("activity")
    if not ref:
        raise MissingOption(
            f"打印{kind}需要指明活动。",
            ["请加上 --activity 活动编号（如 2026-001），可运行 pioneer activities 查看。"],
            option="--activity",
        )
    return str(ref)


def signin_data(book: Book, activity_ref: str | int, *, order: str = "strokes") -> dict[str, Any]:
    """What the sign-in sheet prints: the activity and who is expected, in print order."""
    mt = Meetings(book)
    act = mt.find_activity(activity_ref)
    who = mt.expected(act["id"])
    expected = sort_members(who["expected"], order)
    known = {r["member_id"]: r for r in mt.attendance(act["id"])}
    # One rule (docs/cli.md): before the sign-in is recorded the sheet is blank; after, it
    # shows every recorded status, not only the leaves.
    members = []
    for m in expected:
        r = known.get(m["id"])
        notes = ["流动党员"] if m["mobile"] else []
        if r and r["host_org"]:
            notes = [f"在{r['host_org']}参加"]
        if r and r["note"]:
            notes.append(r["note"])
        if r and r["witnesses"]:
            notes.append(f"证明人：{r['witnesses']}")
        members.append(
            {
                "name": m["name"],
                "group": m["group"],
                "status": r["status"] if r else "",
                "note": "；".join(notes),
            }
        )
    statuses = [m["status"] for m in members]  # the expected only, as 应到 counts them
    signed = (
        {
            "present": sum(1 for s in statuses if s in ("出席", "补录")),
            "leave": sum(1 for s in statuses if s in ("因公请假", "因私请假")),
            "absent": statuses.count("无故缺席"),
        }
        if known
        else None
    )
    title = act["type"] + (f"（{act['group']}）" if act.get("group") else "")
    # Who was expected had to be guessed (no committee set, a 党小组会 naming no group): the
    # sheet says so, as the screen and the command line do.
    guessed = (
        {
            "支委会": "注：本支部尚未设置支委会成员，本表暂按全体党员列出。",
            "党小组会": "注：没有指明是哪个党小组的会议，本表暂按全体党员列出。",
        }.get(act["type"], "")
        if who["hint"]
        else ""
    )
    return {
        "activity": {
            "guessed": guessed,
            "kind": title,
            "title": f"{act['type']}签到表" + (f"（{act['group']}）" if act.get("group") else ""),
            "topic": act["topic"],
            "date": act["date"],
            "place": act["place"],
            "host": act["host"],
            "recorder": act["recorder"],
            "signed": signed,
        },
        "members": members,
        "exempt": [
            {"name": m["name"], "group": m["group"], "reason": m["reason"]}
            for m in sort_members(who["exempt"], order)
        ],
    }


def _signin(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.signin import write_signin_sheet

    data = signin_data(book, _need_activity(opts, "签到表"), order=opts.get("order") or "strokes")
    write_signin_sheet(
        out,
        book.branch(),
        data["activity"],
        data["members"],
        exempt=data["exempt"],
        two_columns=bool(opts.get("two_columns")),
    )


def record_data(
    book: Book, activity_ref: str | int, *, order: str = "strokes", today: date | None = None
) -> dict[str, Any]:
    """The 纪实管理记录表 of an activity: expected members with status, points and notes."""

    mt = Meetings(book)
    act = mt.find_activity(activity_ref)
    who = mt.expected(act["id"])
    signed = {r["member_id"]: r for r in mt.attendance(act["id"])}
    effects = mt.activity_effects(act["id"], today=today) if signed else {}
    got = effects.get("members", {})
    limited: dict[str, list[str]] = {}
    people = {m["id"]: m for m in who["expected"]}
    for member_id in signed:  # signed in without being expected (e.g. an activist)
        if member_id not in people:
            people[member_id] = book.roster.member(member_id)
    rows = []
    for m in sort_members(list(people.values()), order):
        r = signed.get(m["id"])
        notes = []
        if r:
            if r["note"]:
                notes.append(r["note"])
            if r["witnesses"]:
                notes.append(f"证明人：{r['witnesses']}")
            if r["host_org"]:
                notes.append(f"在{r['host_org']}参加")
        effect = got.get(m["code"])
        text = ""
        if effect is not None:
            total = effect["points"]
            text = _signed(total)
            if effect["period_points"] != total and effect["period_points"]:
                unit = next(iter(effects["averaged"]))[1]
                notes.insert(0, f"本{unit}计{_signed(effect['period_points'])}分")
            if effect["limited"]:
                text += "※"
                limited.setdefault(effect["limited"], []).append(m["name"])
        rows.append(
            {
                "name": m["name"],
                "group": m["group"],
                "status": r["status"] if r else "",
                "points": text,
                "note": "；".join(notes),
            }
        )
    year = int(act["date"][:4])
    footnotes = [
        f"“积分”栏为本次活动计入该党员{year}年度积分的分值，与本人积分明细一致"
        "（已按方案计入分档和每期上限）。"
    ]
    for n, unit in sorted(effects.get("averaged", ())):
        # Early in the year fewer periods have begun: the share shrinks as more do.
        later = f"，以后{unit}数增加，折算随之变化" if n < _PERIODS_IN_YEAR.get(unit, n) else ""
        footnotes.append(
            f"本方案全年积分取各{unit}的平均分：表中分值 = 本{unit}的分值 ÷ {n}"
            f"（截至{_cn_day(effects['as_of'])}已计{n}个{unit}{later}），"
            f"本{unit}的分值见“说明”栏。"
        )
    for what, names in limited.items():
        footnotes.append(
            f"※ {'、'.join(names)}：{what}。本次活动的分值能否全部计入，要到该期合计时才能确定，"
            "以积分明细中的合计为准。"
        )
    return {
        "activity": act,
        "rows": rows,
        "exempt": [
            {"name": m["name"], "group": m["group"], "reason": m["reason"]} for m in who["exempt"]
        ],
        "scheme_title": f"本支部《{act['date'][:4]}年度党员积分管理办法》",
        "footnotes": footnotes if signed else [],
    }


_PERIODS_IN_YEAR = {"月": 12, "季度": 4, "半年": 2}


def _signed(points: Any) -> str:
    # To 0.01, as members read points everywhere (−0.5 ÷ 4 quarters is −0.13, not −0.125).
    points = Decimal(points).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"+{fmt_points(points)}" if points > 0 else fmt_points(points)


def _cn_day(iso: str) -> str:
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return f"{y}年{m}月{d}日"


def _attendance(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.meetings import write_activity_record

    data = record_data(
        book, _need_activity(opts, "纪实管理记录表"), order=opts.get("order") or "strokes"
    )
    write_activity_record(
        out,
        book.branch(),
        data["activity"],
        data["rows"],
        exempt=data["exempt"],
        scheme_title=data["scheme_title"],
        footnotes=data["footnotes"],
        printed_on=date.today().isoformat(),
    )


def summary_data(
    book: Book,
    year: int,
    quarter: int | None = None,
    *,
    order: str = "strokes",
    today: date | None = None,
) -> dict[str, Any]:
    """Per member for a period: how many activities expected, and each status's count.

    Only activities that have been held count: one registered ahead of its day (to print its
    sign-in sheet) or with no sign-in recorded yet is left out and named in a note, instead
    of lowering every member's 参加率 for a meeting that has not happened.
    """
    window = window_of(year, quarter)
    mt = Meetings(book)
    day = (today or date.today()).isoformat()
    in_window = [a for a in mt.activities(year) if window.start <= a["date"] <= window.end]
    acts, pending = [], []
    for a in in_window:
        held = a["date"] <= day and bool(mt.attendance(a["id"]))
        (acts if held else pending).append(a)
    members: dict[int, dict[str, Any]] = {}
    for a in acts:
        who = mt.expected(a["id"])["expected"]
        for m in who:
            row = members.setdefault(
                m["id"], {**m, "expected": 0, **{s: 0 for s in ATTENDANCE_STATUSES}}
            )
            row["expected"] += 1
        for r in mt.attendance(a["id"]):
            if r["member_id"] not in members:
                members[r["member_id"]] = {
                    **book.roster.member(r["member_id"]),
                    "expected": 0,
                    **{s: 0 for s in ATTENDANCE_STATUSES},
                }
            members[r["member_id"]][r["status"]] += 1
    notices = {}
    for n in mt.notices():
        if n["date"][:4] == str(year):
            notices.setdefault(n["member_id"], []).append(n["kind"])
    rows = []
    for m in sort_members(list(members.values()), order):
        notes = ["流动党员"] if m["mobile"] else []
        if m["left_date"]:
            notes.append(f"{m['left_date']}离开")
        for kind in (REMINDER, WARNING):
            if kind in notices.get(m["id"], []):
                notes.append(f"已出具{kind}")
        rows.append({**m, "note": "、".join(notes)})
    notes = []
    ahead = [a for a in pending if a["date"] > day]
    unsigned = [a for a in pending if a["date"] <= day]
    if ahead:
        notes.append(
            f"另有已安排、尚未举行的活动 {len(ahead)} 次"
            f"（{'、'.join(_cn_day(a['date']) + a['type'] for a in ahead[:5])}"
            f"{'等' if len(ahead) > 5 else ''}），未计入。"
        )
    if unsigned:
        notes.append(
            f"另有尚未登记签到的活动 {len(unsigned)} 次"
            f"（{'、'.join(_cn_day(a['date']) + a['type'] for a in unsigned[:5])}"
            f"{'等' if len(unsigned) > 5 else ''}），登记签到后计入。"
        )
    return {"period": window.label, "rows": rows, "activity_count": len(acts), "notes": notes}


def _attendance_summary(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.meetings import write_attendance_summary

    year = opts.get("year") or book.current_year
    data = summary_data(
        book,
        year,
        opts.get("quarter"),
        order=opts.get("order") or "strokes",
        today=opts.get("today"),
    )
    write_attendance_summary(
        out,
        book.branch(),
        data["period"],
        data["rows"],
        activity_count=data["activity_count"],
        printed_on=date.today().isoformat(),
        notes=data["notes"],
    )


def notice_data(
    book: Book, member_ref: str, kind: str, activity_ref: str | None = None
) -> dict[str, Any]:
    """The latest notice of `kind` on record for a member (or the one about an activity)."""
    mt = Meetings(book)
    m = book.roster.find(member_ref)
    found = [n for n in mt.notices(m["id"]) if n["kind"] == kind]
    if activity_ref:
        code = mt.find_activity(activity_ref)["code"]
        found = [n for n in found if n["ref"] == code]
    if not found:
        raise InputRefused(
            f"{m['name']} 还没有出具过{kind}的记录。",
            ["请先在“会议活动 → 提醒与预警”中出具（或运行 pioneer notice），再打印。"],
        )
    n = found[0]
    until = n["date"]
    if n["ref"]:
        row = book.db.execute("select date from activities where code = ?", [n["ref"]]).fetchone()
        until = row[0] if row else until
    from desktop.book.points_start import start_day

    first = start_day(book) or ""  # absences before a mid-year start are not counted
    absences = [
        f"{h['date']} {h['type']}{('《' + h['topic'] + '》') if h['topic'] else ''}"
        for h in mt.member_history(m["id"], int(until[:4]))
        if h["status"] == UNEXCUSED
        and h["type"] in PARTY_LIFE_TYPES
        and first <= h["date"] <= until
    ]
    return {
        "kind": kind,
        "name": m["name"],
        "date": n["date"],
        "reason": n["reason"],
        "absences": absences,
        "doc_no": document_number(book, n, mt.notices()),
    }


#: The branch may set its own 文号 prefix (setting `doc_prefix`, e.g. 「红支」); else one is
#: made from its name (城关镇红星村党支部 → 红星村支).
DOC_PREFIX_SETTING = "doc_prefix"
NOTICE_WORDS = {"提醒": "提", "警戒书": "警", "催缴通知": "催"}


def document_number(book: Book, notice: dict[str, Any], notices: list[dict[str, Any]]) -> str:
    """The notice's 文号, 「红星村支〔2026〕警3号」: numbered within its year and kind in the
    order the notices were recorded, so a reprint keeps its number."""
    prefix = book.setting(DOC_PREFIX_SETTING) or _prefix_from(book.branch()["name"])
    year = notice["date"][:4]
    same = sorted(x["id"] for x in notices if x["kind"] == notice["kind"] and x["date"][:4] == year)
    n = same.index(notice["id"]) + 1 if notice["id"] in same else len(same) + 1
    return f"{prefix}〔{year}〕{NOTICE_WORDS.get(notice['kind'], '')}{n}号"


def _prefix_from(branch: str) -> str:
    name = branch.removeprefix("中共")
    for tail in ("党支部委员会", "支部委员会", "党总支部", "党总支", "党支部", "支部"):
        if name.endswith(tail):
            name = name[: -len(tail)]
            break
    for head in ("镇", "乡", "街道", "县", "区"):  # the township part: keep the village's
        at = name.find(head)
        if 0 <= at < len(name) - 2:
            name = name[at + len(head) :]
            break
    return f"{name}支" if name else "党支部"


def _notice(kind: str):  # -> writer
    def write(book: Book, out: Path, **opts: Any) -> None:
        from desktop.paper.meetings import write_notice

        if not opts.get("member"):
            raise MissingOption(
                f"打印{kind}需要指明党员。",
                ["请加上 --member 党员编号或姓名。"],
                option="--member",
            )
        write_notice(
            out, book.branch(), notice_data(book, opts["member"], kind, opts.get("activity"))
        )

    return write


# Registered in desktop.book.printing.KINDS.
MEETING_KINDS = {
    "signin": ("签到表", _signin),
    "attendance": ("党员积分纪实管理记录表", _attendance),
    "attendance-summary": ("党员参加组织生活情况统计表", _attendance_summary),
    "warning-notice": ("警戒书", _notice(WARNING)),
    "reminder-notice": ("提醒通知书", _notice(REMINDER)),
}
