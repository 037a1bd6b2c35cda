"""Plain data for the quarter's paper, and the writers registered in `printing.KINDS`.

`publicity` and `quarter-review` take `year` and `quarter`; `bonus-details` takes `year` and
optionally `quarter`; `member-register` takes `member` and `year`. A confirmed quarter prints
from its snapshot (the numbers the branch stood behind), with the chain head hash. An output
file ending in .xlsx gets the table as a workbook instead of a PDF.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.book import quarter as Q
from desktop.book.claims import _points as _claim_points
from desktop.book.errors import InputRefused, MissingOption
from desktop.book.scoring import score_book
from desktop.book.store import Book
from desktop.rules.quarter import check_code
from desktop.rules.scheme import fmt_points
from desktop.rules.scoring import points_json, shown_lines


def period_option(opts: dict[str, Any], book: Book, what: str) -> tuple[int, int]:
    """(year, period number) of a sheet of the year's review cycle: --quarter, or --month /
    --half where the scheme reviews by month or half-year ([publicity] cycle)."""
    from desktop.book.periods import OPTION, RANGE_TEXT, UNIT, cycle

    year = int(opts.get("year") or book.current_year)
    kind = cycle(book, year)
    given = [k for k in ("quarter", "month", "half") if opts.get(k)]
    if given and given[0] != kind:
        raise MissingOption(
            f"{year} 年的积分方案按{UNIT[kind]}评议和公示，{what}按{UNIT[kind]}打印，"
            f"不能用 --{given[0]}。",
            [f"请加上 {OPTION[kind]}（{RANGE_TEXT[kind]}）。"],
            option=OPTION[kind],
        )
    if not given:
        unit = "月份" if kind == "month" else UNIT[kind]
        how = (
            "请加上 --quarter 1、2、3 或 4。"
            if kind == "quarter"
            else f"请加上 {OPTION[kind]}（{RANGE_TEXT[kind]}）。"
        )
        raise MissingOption(f"打印{what}需要指明{unit}。", [how], option=OPTION[kind])
    return year, int(opts[kind])


def _words(kind: str) -> dict[str, str]:
    """The paper's words for the review cycle: 本季度/本月/本半年 and the sheet's name."""
    from desktop.book.periods import THIS, UNIT

    return {
        "this": THIS[kind],
        "unit": UNIT[kind],
        "total_title": f"{THIS[kind]}合计",
        "change_title": {"quarter": "较上季", "month": "较上月", "half": "较上期"}[kind],
        "sheet_title": {
            "quarter": "季度积分管理审核表",
            "month": "月度积分管理审核表",
            "half": "半年积分管理审核表",
        }[kind],
    }


def _start_line(book: Book, year: int) -> str:
    """「本账本自2026年10月起记分，此前的季度不记分。」on paper of the year the book started
    keeping points in (issue 14); "" otherwise."""
    from desktop.book.periods import cycle
    from desktop.book.points_start import points_start, start_words

    month = points_start(book)
    if not month or int(month[:4]) != year or month.endswith("-01"):
        return ""
    # A monthly or half-year scheme has no 季度 to speak of; months are right for both.
    before = "季度" if cycle(book, year) == "quarter" else "月份"
    return f"{start_words(book)}，此前的{before}不记分。"


def _pts(value: Any) -> str:
    return points_json(value) if not isinstance(value, str) else value


def _yearly_sections(book: Book, year: int) -> set[str]:
    """Sections fed only by the year's 民主评议: "—" on a quarter's sheet (see quarter.py)."""
    return set(Q.yearly_only_sections(Q.year_scheme(book, year)))


def _head(book: Book, year: int, quarter: int, status: dict[str, Any]) -> dict[str, Any]:
    head = Q.chain_head(book) if status["state"] == "confirmed" else None
    own = status.get("hash")
    return {
        **_words(status.get("kind", "quarter")),
        "branch": book.branch()["name"],
        "period": status["label"],  # 「2026年第1季度」「2026年3月」「2026年上半年」
        "confirmed_at": status.get("confirmed_at"),
        "chain_head": head,
        # What people read and the township desk checks: 「核验码 7be2 6ec7 f876」 of the
        # quarter's own confirmed link (stable, whatever later quarters add to the chain).
        "check_code": check_code(own or head) if (own or head) else "",
    }


def _sorted(members: list[dict[str, Any]], order: str | None) -> list[dict[str, Any]]:
    """Public lists in 姓氏笔画 order (the default of all our paper) or pinyin (--order)."""
    from desktop.book.reports import sort_members

    return sort_members(members, order or "strokes")


def _columns(book: Book, year: int, quarter: int, sections: list[str]) -> dict[str, Any]:
    """How the sheet's point columns are named and grouped.

    Sections fed only by the year's 民主评议 (年终评议) stand after 本季度合计: they belong to
    the year, not the quarter. In Q4, once the year has its results, they show the member's
    points (they are in the year's total); before, "—". The year column is named for what it
    is: the year's points so far, which under an averaging scheme is not a running sum.
    """
    scheme = Q.year_scheme(book, year)
    kind = scheme.review_cycle
    yearly = [s for s in sections if s in _yearly_sections(book, year)]
    averaged = [
        s.name
        for s in scheme.sections
        if s.combine == "average" and s.period != "year" and s.name in sections
    ]
    # Sections summed period by period (not averaged, not yearly): "其余各项逐季累加".
    rest = [s for s in sections if s not in averaged and s not in yearly]
    last = quarter == Q.COUNT[kind]
    so_far = "本季" if kind == "quarter" else Q.THIS[kind]  # 截至本季 / 本月 / 本半年
    ytd_title = "年度积分" if last else f"年度积分\n（截至{so_far}）"
    note = ""
    if averaged:
        upto = _upto(kind, quarter, last, _first_kept(book, year, kind))
        note = (
            f"年度积分中，{'、'.join(averaged)}按{upto}的平均分计入"
            + (f"，{'、'.join(yearly)}在年终计入" if yearly else "")
            + (f"，其余各项逐{STEP_WORD[kind]}累加" if rest else "")
            + "。"
        )
    return {
        "sections": [s for s in sections if s not in yearly],
        "yearly_sections": yearly,
        "ytd_title": ytd_title,
        "ytd_note": note,
    }


# "其余各项逐季累加": summed period by period, in the review cycle's word.
STEP_WORD = {"quarter": "季", "month": "月", "half": "半年"}


def _first_kept(book: Book, year: int, kind: str) -> int:
    """The year's first period with points: 1, or the one holding a mid-year start month
    (a book kept from July averages 第3至4季度, not the four quarters)."""
    from desktop.book.points_start import points_start

    start = points_start(book)
    if not start or int(start[:4]) != year:
        return 1
    month = int(start[5:7])
    return {"quarter": (month - 1) // 3 + 1, "month": month, "half": 1 if month <= 6 else 2}[kind]


def _upto(kind: str, number: int, last: bool, first: int = 1) -> str:
    """The periods an averaged section has been averaged over so far, in words (from the
    first period the book kept points, `first`)."""
    if first > 1:
        if kind == "month":
            return f"{first}月" if first == number else f"{first}至{number}月"
        if kind == "half":
            return "下半年"
        return f"第{first}季度" if first == number else f"第{first}至{number}季度"
    if last:
        return {"quarter": "全年四个季度", "month": "全年十二个月", "half": "全年上、下半年"}[kind]
    if kind == "month":
        return "1月" if number == 1 else f"1至{number}月"
    if kind == "half":
        return "上半年"
    return "第1季度" if number == 1 else f"第1至{number}季度"


def _no_meetings(book: Book, year: int, quarter: int) -> str:
    """A quarter in which the branch held no meeting says so: its sheets otherwise show
    everyone at full marks for 组织生活 as if all had attended."""
    from desktop.book.meetings import Meetings
    from desktop.rules.periods import window_of

    kind = Q.cycle(book, year)
    window = window_of(year, **{kind: quarter})
    held = [
        a
        for a in Meetings(book).activities(year)
        if window.start <= a["date"] <= window.end and a["date"] <= date.today().isoformat()
    ]
    if held:
        return ""
    return (
        f"{Q.THIS[kind]}支部没有登记召开会议和开展活动，与参加组织生活有关的各项均未发生"
        "（未作加分或扣分）。"
    )


def _year_values(book: Book, year: int, quarter: int, yearly: list[str]) -> dict[str, dict]:
    """Q4: each member's points in the year-only sections (年终评议), from the year's score."""
    if quarter != 4 or not yearly:
        return {}
    result = score_book(book, year)
    return {m.code: dict(m.sections) for m in result.members if m.scored}


def _yearly_cells(member: dict[str, Any], yearly: list[str], values: dict[str, dict]) -> list[str]:
    own = values.get(member["code"])
    if own is None:
        return ["—" for _ in yearly]
    return [_pts(own[s]) if s in own else "—" for s in yearly]


def _results(
    book: Book, year: int, quarter: int, state: str, today: date | None = None
) -> dict[str, Any]:
    """The snapshot's results for a confirmed quarter, else the live ones (same shape)."""
    if state == "confirmed":
        snap = Q.snapshot(book, year, quarter, Q.cycle(book, year))
        if snap:
            return json.loads(snap["payload"])
    rv = Q.review(book, year, quarter, today=today)
    return json.loads(json.dumps(Q.results_payload(rv, book.branch()["name"]), default=str))


def _cn(iso: str) -> str:
    """2026-07-08 → 2026年7月8日, as the notice's own dates are printed."""
    return f"{iso[:4]}年{int(iso[5:7])}月{int(iso[8:10])}日"


def _late_entry(notice: dict[str, Any]) -> str:
    """The sheet is dated the day it was posted; a notice entered in the book later says so
    (and why), so the paper agrees with the journal. Empty when it was entered on time."""
    fixed = notice.get("corrected")
    if fixed:
        why = Q.correction_reason(fixed).strip()
        end = "" if not why or why[-1] in "。！？.!?" else "。"
        return (
            f"本公示于{_cn(notice['start'])}张贴，{_cn(fixed['issued_at'][:10])}更正登记的开始日期"
            + (f"，原因：{why}{end}" if why else "。")
        )
    reason = (notice.get("late_reason") or "").strip()
    if not reason:
        return ""
    end = "" if reason[-1] in "。！？.!?" else "。"
    return (
        f"本公示于{_cn(notice['start'])}张贴，{_cn(notice['issued_at'][:10])}补登，"
        f"补登原因：{reason}{end}"
    )


def publicity_data(
    book: Book, year: int, quarter: int, today: date | None = None, order: str | None = None
) -> dict[str, Any]:
    status = Q.period_status(book, year, quarter, today=today)
    if status["state"] == "open":
        raise InputRefused(
            f"{status['label']}还没有开始公示，没有公示表可打印。",
            ["请先开始公示（pioneer period publish）。"],
        )
    if status.get("results_changed"):
        # The sheet would show today's results under the dates of a notice that showed others.
        changed = status.get("changed_members") or []
        raise InputRefused(
            f"{status['label']}公示后积分结果有变化，旧的公示表已不对，没有打印。",
            [
                *[c.get("text", c.get("name", "")) for c in changed[:10]],
                "请先重新公示（窗口中点“重新公示…”，或 pioneer period publish --reason 更正原因），"
                "再打印新的公示表。",
            ],
        )
    res = _results(book, year, quarter, status["state"], today)
    cols = _columns(book, year, quarter, res["sections"])
    values = _year_values(book, year, quarter, cols["yearly_sections"])
    # A corrected start is the notice's own date (the paper went up that day), not a re-issue.
    notices = Q.posted_notices(status["notices"])
    # Each re-issue runs a period of its own: the notice says so, with the earlier dates.
    reissues = [
        f"本公示表为更正后重新公示，公示期自{_cn(n['start'])}起重新计算，至{_cn(n['end'])}止"
        f"（原公示期为{_cn(prev['start'])}至{_cn(prev['end'])}）。"
        f"原因：{n['reason'] or '积分结果更正'}。"
        for prev, n in zip(notices, notices[1:], strict=False)
    ]
    started = _start_line(book, year)
    return {
        # The start line rides on the closing lines the sheet already prints (paper/ is #15's).
        "late_entry": "".join(filter(None, [started, _late_entry(notices[-1]) if notices else ""])),
        **_head(book, year, quarter, status),
        # What a member knows the rules as: the branch's plan for the year, not the
        # program's internal title of a preset.
        "scheme_title": f"本支部《{year}年度党员积分管理办法》",
        **cols,
        "members": [
            {
                "name": m["name"],
                "group": m["group"],
                "sections": [_pts(m["sections"][s]) for s in cols["sections"]],
                "yearly": _yearly_cells(m, cols["yearly_sections"], values),
                "total": _pts(m["total"]),
                "ytd_total": _pts(m["ytd_total"]),
            }
            for m in _sorted(res["members"], order)
        ],
        "no_meetings": _no_meetings(book, year, quarter),
        # A confirmed quarter's notice printed again keeps its posting date; it says it is a
        # reprint and when the quarter was confirmed instead of dating that before it.
        "reprinted_on": date.today().isoformat() if status["state"] == "confirmed" else "",
        "as_of": res["as_of"],
        "publicity_start": status["publicity_start"],
        "publicity_end": status["publicity_end"],
        "publicity_rule": status["publicity_rule"],
        "contact": Q.objection_contact(book),
        "reissues": reissues,
        # The notice is dated the day it is posted: its period's first day (a corrected
        # notice's period starts the day it is re-issued).
        "issued_on": status["publicity_start"],
    }


def review_sheet_data(
    book: Book, year: int, quarter: int, order: str | None = None
) -> dict[str, Any]:
    status = Q.period_status(book, year, quarter)
    res = _results(book, year, quarter, status["state"])
    cols = _columns(book, year, quarter, res["sections"])
    values = _year_values(book, year, quarter, cols["yearly_sections"])
    rv = Q.review(book, year, quarter)
    live = {r.code: r for r in rv.rows}
    members = []
    for m in _sorted(res["members"], order):
        r = live.get(m["code"])
        change = ""
        if r is not None and r.change is not None:
            change = ("+" if r.change > 0 else "") + fmt_points(r.change) if r.change else "0"
        notes = []
        if r is not None and r.unexcused:
            notes.append(f"无故缺席{r.unexcused}次")
        if r is not None and r.veto:
            notes.append("一票否决待核")
        notes += [f.split("：")[0] for f in m["flags"]][:2]
        members.append(
            {
                "name": m["name"],
                "group": m["group"],
                "sections": [_pts(m["sections"][s]) for s in cols["sections"]],
                "yearly": _yearly_cells(m, cols["yearly_sections"], values),
                "total": _pts(m["total"]),
                "rank": m["rank"],
                "change": change,
                "ytd_total": _pts(m["ytd_total"]),
                "note": "；".join(dict.fromkeys(notes)),
            }
        )
    claims = Q.list_claims(book, year, quarter)
    approved = [c for c in claims if c["status"] == "审定"]
    summary = [
        f"{Q.THIS[status.get('kind', 'quarter')]}积分申报 {len(claims)} 条，其中审定 {len(approved)} 条、"
        f"驳回 {sum(c['status'] == '驳回' for c in claims)} 条、"
        f"待审 {sum(c['status'] in Q.PENDING for c in claims)} 条。",
        f"状态：{status['state_text']}"
        + (
            f"；公示期 {status['publicity_start']} 至 {status['publicity_end']}"
            if status.get("publicity_start")
            else ""
        )
        + f"；异议 {len(status['objections'])} 件"
        + (f"（未答复 {len(status['open_objections'])} 件）" if status["open_objections"] else "")
        + "。",
    ]
    for o in status["objections"]:
        answer = (
            f"核实：{o['finding'].rstrip('。；; ')}；"
            f"{'已更正：' + o['change_note'].rstrip('。；; ') if o['changed'] else '未作更改'}"
            f"；{o['told_on']} 告知本人"
            if o["status"] == "answered"
            else "尚未答复"
        )
        summary.append(
            f"异议 {o['id']}：{o['raised_by']}（{o['raised_on']}）{o['content']}——{answer}。"
        )
    started = _start_line(book, year)
    if started:
        summary.insert(0, started)
    return {
        **_head(book, year, quarter, status),
        **cols,
        "no_meetings": _no_meetings(book, year, quarter),
        "members": members,
        "summary": summary,
        "printed_on": date.today().isoformat(),
    }


def _step_text(who: str, when: str | None, note: str = "") -> str:
    if not who:
        return ""
    text = f"{who} {when[:10]}" if when else who
    return f"{text}（{note}）" if note else text


def bonus_data(book: Book, year: int, quarter: int | None, kind: str = "quarter") -> dict[str, Any]:
    """The claims of a year, or of one window (`quarter` = its number in `kind`: any
    window, whatever the scheme's review cycle)."""
    claims = Q.list_claims(book, year, quarter, kind=kind)
    rows = []
    for c in claims:
        reason = c["reason"] + (f"（佐证：{c['evidence']}）" if c.get("evidence") else "")
        approve = _step_text(c["approved_by"], c["approved_at"])
        if c["status"] == "驳回":
            approve = _step_text(c["rejected_by"], c["rejected_at"], "驳回：" + c["reject_reason"])
        rows.append(
            {
                "name": c["name"],
                "date": c["date"],
                "item_name": c["item_name"],
                "points": fmt_points(_claim_points(c["points"])),
                "reason_text": reason,
                "review_text": _step_text(c["reviewed_by"], c["reviewed_at"], c["review_note"]),
                "approve_text": approve,
                "status": c["status"],
            }
        )
    approved = sum((_claim_points(c["points"]) for c in claims if c["status"] == "审定"), Q.ZERO)
    period = Q.period_label(year, quarter, kind) if quarter else f"{year}年"
    return {
        "branch": book.branch()["name"],
        "period": period,
        "claims": rows,
        "totals": f"共 {len(rows)} 条；已审定合计 {fmt_points(approved)} 分（加分为正，扣分为负）。",
        "printed_on": date.today().isoformat(),
    }


def member_register_data(
    book: Book, member: str, year: int, cache: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One member's 登记表 data. `cache` (a dict kept across calls) lets a whole branch's
    handbooks score the year and review each quarter once, not once per member."""
    cache = {} if cache is None else cache
    m = book.roster.find(member)
    if "result" not in cache:
        cache["result"] = score_book(book, year)
    result = cache["result"]
    found = result.member(m["code"])
    if found is None or not found.scored:
        why = "；".join(found.reasons) if found else "当年不在本支部"
        raise InputRefused(f"{m['name']} 不参加 {year} 年积分：{why}。")
    sections = []
    # Members read points to 0.01 and no line dated after the count (rules.shown_lines).
    lines = shown_lines(found, result.as_of)
    for name, points in found.sections.items():
        entries = [
            {
                "date": ln.date,
                "rule": ln.rule,
                "fact": ln.fact,
                "points": ("+" if ln.points > 0 else "") + fmt_points(ln.points),
            }
            for ln in lines
            if ln.section == name
        ]
        sections.append({"name": name, "points": fmt_points(points), "entries": entries})
    quarters = []
    if "status" not in cache:
        cache["status"] = Q.year_status(book, year)
    for st in cache["status"]:
        q = st["quarter"]
        total, note = "", ""
        if st["state"] == "confirmed":
            if ("snap", q) not in cache:
                snap_row = Q.snapshot(book, year, q, st.get("kind", "quarter"))
                cache["snap", q] = json.loads(snap_row["payload"])  # type: ignore[index]
            snap = cache["snap", q]
            row = next((x for x in snap["members"] if x["code"] == m["code"]), None)
            total = row["total"] if row else "—"
            note = f"{st['confirmed_at'][:10]} 确认"
        elif st["state"] != "future":
            if ("review", q) not in cache:
                cache["review", q] = Q.review(book, year, q)
            rv = cache["review", q]
            row2 = next((r for r in rv.rows if r.code == m["code"]), None)
            total = points_json(row2.total) if row2 else "—"
            # 公示中, or 公示期满，待确认 once the period is over.
            note = st["state_text"] if st["state"] == "publicity" else "未确认，随记录变化"
        quarters.append(
            {"label": st["label"], "total": total, "state": st["state_text"], "note": note}
        )
    head = Q.chain_head(book)
    return {
        "branch": book.branch()["name"],
        "period": f"{year}年度",
        "member": {
            "name": m["name"],
            "code": m["code"],
            "group": m["group"],
            "status": m["status"],
        },
        "sections": sections,
        "quarters": quarters,
        "total": fmt_points(found.total),
        "as_of": result.as_of,
        "flags": [f.text for f in found.flags],
        "chain_head": head,
        "check_code": check_code(head) if head else "",
        "exchanges": _exchanges(book, m["code"], year, found.total),
    }


def _exchanges(book: Book, code: str, year: int, total: Decimal) -> dict[str, Any] | None:
    """The member's 积分兑换 of the year for his booklet (None when the scheme keeps none)."""
    from desktop.book.exchange import ledger
    from desktop.book.scoring import year_scheme

    if year_scheme(book, year).exchange_note is None:
        return None
    rows = ledger(book, year, code)
    used = sum((Decimal(r["points"]) for r in rows), Decimal(0))
    return {
        "rows": [
            [r["date"], r["what"], fmt_points(Decimal(r["points"])), r["handled_by"], r["note"]]
            for r in rows
        ],
        "redeemed": fmt_points(used),
        "left": fmt_points(total - used),
    }


# ---------------------------------------------------------------- writers for printing.KINDS


def _xlsx(out: Path) -> bool:
    return ".xlsx" in Path(out).suffixes


def _publicity(book: Book, out: Path, **opts: Any) -> None:
    year, quarter = period_option(opts, book, "公示表")
    data = publicity_data(book, year, quarter, opts.get("today"), opts.get("order"))
    if _xlsx(out):
        _table_xlsx(
            out,
            "公示",
            f"{data['branch']}{data['period']}党员积分公示",
            [
                "序号",
                "姓名",
                "党小组",
                *data["sections"],
                data["total_title"],
                *data["yearly_sections"],
                data["ytd_title"],
            ],
            [
                [i, m["name"], m["group"], *m["sections"], m["total"], *m["yearly"], m["ytd_total"]]
                for i, m in enumerate(data["members"], start=1)
            ],
            [f"公示期：{data['publicity_start']} 至 {data['publicity_end']}"]
            + ([data["ytd_note"]] if data["ytd_note"] else [])
            + ([data["late_entry"]] if data["late_entry"] else [])
            + ([f"核验码：{data['check_code']}"] if data["check_code"] else []),
        )
        return
    from desktop.paper.quarter import write_publicity

    write_publicity(out, data)


def _quarter_review(book: Book, out: Path, **opts: Any) -> None:
    year, quarter = period_option(opts, book, "积分管理审核表")
    data = review_sheet_data(book, year, quarter, opts.get("order"))
    if _xlsx(out):
        _table_xlsx(
            out,
            data["sheet_title"][:-5] + "审核",  # 季度审核 / 月度审核 / 半年审核
            f"{data['branch']}{data['period']}{data['sheet_title']}",
            [
                "序号",
                "姓名",
                "党小组",
                *data["sections"],
                data["total_title"],
                "排名",
                data["change_title"],
                *data["yearly_sections"],
                data["ytd_title"],
                "备注",
            ],
            [
                [
                    i,
                    m["name"],
                    m["group"],
                    *m["sections"],
                    m["total"],
                    m["rank"],
                    m["change"],
                    *m["yearly"],
                    m["ytd_total"],
                    m["note"],
                ]
                for i, m in enumerate(data["members"], start=1)
            ],
            data["summary"]
            + ([data["ytd_note"]] if data["ytd_note"] else [])
            + ([f"核验码：{data['check_code']}"] if data["check_code"] else []),
        )
        return
    from desktop.paper.quarter import write_quarter_review

    write_quarter_review(out, data)


def _bonus(book: Book, out: Path, **opts: Any) -> None:
    year = int(opts.get("year") or book.current_year)
    kind = next((k for k in ("quarter", "month", "half") if opts.get(k)), "quarter")
    data = bonus_data(book, year, opts.get(kind), kind)
    if _xlsx(out):
        _table_xlsx(
            out,
            "附加积分",
            f"{data['branch']}{data['period']}附加积分明细表",
            ["序号", "姓名", "日期", "项目", "分值", "事由及佐证", "初评", "审定", "状态"],
            [
                [
                    i,
                    c["name"],
                    c["date"],
                    c["item_name"],
                    c["points"],
                    c["reason_text"],
                    c["review_text"],
                    c["approve_text"],
                    c["status"],
                ]
                for i, c in enumerate(data["claims"], start=1)
            ],
            [data["totals"]],
        )
        return
    from desktop.paper.quarter import write_bonus_details

    write_bonus_details(out, data)


def _member_register(book: Book, out: Path, **opts: Any) -> None:
    if not opts.get("member"):
        raise MissingOption(
            "打印党员积分考核管理登记表需要指明党员。",
            ["请加上 --member 编号或姓名。"],
            option="--member",
        )
    year = int(opts.get("year") or book.current_year)
    data = member_register_data(book, opts["member"], year)
    if _xlsx(out):
        rows = [
            [e["date"], e["rule"], e["fact"], e["points"], "", ""]
            for s in data["sections"]
            for e in s["entries"]
        ]
        _table_xlsx(
            out,
            "登记表",
            f"党员积分考核管理登记表（{data['member']['name']}，{year}年度）",
            ["登记日期", "积分项目", "事由", "分值", "管理员签字", "书记签字"],
            rows,
            [f"{q['label']}：{q['total']}（{q['state']}）" for q in data["quarters"]]
            + [f"年度积分：{data['total']} 分"],
        )
        return
    from desktop.paper.quarter import write_member_register

    write_member_register(out, data)


def _table_xlsx(
    out: Path, sheet: str, title: str, headers: list[str], rows: list[list[Any]], notes: list[str]
) -> None:
    from desktop.sheets.tables import write_table_workbook

    write_table_workbook(
        out,
        sheet=sheet,
        title=title,
        headers=headers,
        rows=rows,
        notes=notes,
    )


QUARTER_KINDS = {
    "publicity": ("党员积分公示", _publicity),
    "quarter-review": ("季度积分管理审核表", _quarter_review),
    "bonus-details": ("附加积分明细表", _bonus),
    "member-register": ("党员积分考核管理登记表", _member_register),
}
