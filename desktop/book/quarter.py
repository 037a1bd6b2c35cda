"""The quarter: point claims and their approval, the review, publicity with objections, and
confirmation that cannot be undone.

    open ──publish──▶ publicity ──(period over, no open objection, notice current)──▶ confirmed

Points are never stored until a quarter is confirmed; then its results become a snapshot,
hash-chained to the previous one (desktop/rules/quarter.py), the quarter's facts are locked
(the checks here say so first, in Chinese; the schema's triggers are the backstop) and the
year's scheme is frozen. A mistake found later is a correction: a new dated entry with its
reason in an open quarter.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

# Split out along their seams; re-exported here (see __all__) so `from desktop.book.quarter
# import …` keeps working.
from desktop.book.chain import (
    chain_head,
    chain_links,
    check_chain,
    check_facts,
    confirmed_score_json,
    facts_canonical,
    snapshot,
)
from desktop.book.claims import (
    PENDING,
    ZERO,
    CapUse,
    add_claim,
    add_correction,
    approve_claim,
    cap_uses,
    check_claim_points,
    claim,
    claim_items,
    default_step_name,
    find_claim_item,
    list_claims,
    list_corrections,
    reject_claim,
    review_claim,
)
from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.periods import (
    CONFIRM_ACTIONS,
    COUNT,
    ORDER,
    PUBLICITY_OVER_TEXT,
    STATES,
    THIS,
    UNIT,
    _check_ended,
    _check_quarter,
    _existing_period,
    _iso,
    _period,
    _today,
    check_cycle,
    check_unlocked,
    confirmed_period_at,
    cycle,
    number_text,
    period_label,
    publishable_from,
    quarter_ended,
    quarter_label,
    quarter_of,
    row_label,
)
from desktop.book.points_start import before_start_text, period_before_start
from desktop.book.publicity import (
    DEFAULT_OBJECTION_CONTACT,
    MAX_LATE_ENTRY_DAYS,
    START_CORRECTION,
    LateStartRefused,
    _check_late_start,
    _notices,
    _objections,
    after_publicity,
    correction_reason,
    earliest_publicity_start,
    holidays,
    is_start_correction,
    list_holidays,
    member_changes,
    notice_objected_to,
    objection_contact,
    posted_notices,
    publicity_window,
    remove_holiday,
    set_holiday,
)
from desktop.book.review import (
    Review,
    ReviewRow,
    period_keys,
    results_payload,
    review,
    window,
    yearly_only_sections,
)
from desktop.book.scoring import gather_facts, year_scheme, year_scheme_text
from desktop.book.store import Book, now_iso
from desktop.rules.appraisals import AppraisalGap, gap_summary
from desktop.rules.appraisals import appraisal_gaps as _gaps
from desktop.rules.periods import make_period
from desktop.rules.quarter import (
    GENESIS,
    canonical_json,
    facts_digest,
    link_hash,
    publicity_rule_text,
    results_fingerprint,
)

# ---------------------------------------------------------------- the review


# ---------------------------------------------------------------- publicity and objections


def current_payload(
    book: Book, year: int, quarter: int, today: date | None = None
) -> dict[str, Any]:
    rv = review(book, year, quarter, today=today, live=True)
    return results_payload(rv, book.branch()["name"])


def current_fingerprint(book: Book, year: int, quarter: int, today: date | None = None) -> str:
    return results_fingerprint(current_payload(book, year, quarter, today))


def publish(
    book: Book,
    year: int,
    quarter: int,
    *,
    start: str | date | None = None,
    reason: str = "",
    late_reason: str = "",
    objection_id: int | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Start the quarter's publicity (公示), or re-issue its notice after a correction.

    The period runs for the scheme's days (working days skip weekends and the book's
    holidays) from `start`, by default today. A start before today needs `late_reason` (the
    notice was really posted then and is entered late) and may be at most 14 days back. A
    re-issue starts a new full period (by default today: the corrected notice is posted
    now), so confirmation waits for it, and says why.
    """
    scheme = year_scheme(book, year)
    kind = scheme.review_cycle
    _check_quarter(quarter, kind)
    day = _today(today)
    existing = _existing_period(book, year, quarter, kind)
    q = make_period(kind, year, quarter)
    if existing and existing["status"] == "confirmed":
        raise RecordLocked(f"{q.label}已确认，不能再公示。")
    _refuse_before_start(book, year, quarter)
    _check_ended(year, quarter, day, "公示", kind)
    payload = current_payload(book, year, quarter, today)
    fingerprint = results_fingerprint(payload)
    reissue = bool(existing and existing["status"] == "publicity")
    last = _notices(book, existing["id"])[-1] if reissue else None  # type: ignore[index]
    if last is not None and last["results_hash"] == fingerprint and start is None:
        raise InputRefused(f"{q.label}正在公示，公示后结果没有变化，无需重新发布。")
    pub_start = _iso(start, "公示开始日期", day)
    if pub_start <= q.end:
        # Publicity inside the period would publish (and later lock) a part of it.
        raise InputRefused(
            f"公示开始日期 {pub_start} 不在{q.label}结束之后（{THIS[kind]}到 {q.end} 为止）。",
            [f"公示开始日期请填 {publishable_from(year, quarter, kind)} 或以后的日期。"],
        )
    if last is not None and pub_start < last["start"]:
        raise InputRefused(
            f"重新公示的开始日期 {pub_start} 早于上一次公示的开始日期 {last['start']}。",
            [
                "更正后的公示表从重新张贴之日起重新计算公示期，开始日期通常就是今天。",
                *(
                    [
                        f"公示表确实是 {pub_start} 张贴的、上次登记时日期填错了的，"
                        "请“更正开始日期”（写明原因）。"
                    ]
                    if start_correctable(book, year, quarter, today=today)[0]
                    else []
                ),
            ],
        )
    rule = publicity_rule_text(scheme.publicity_days, scheme.publicity_working_days)
    late = _check_late_start(year, quarter, pub_start, day, late_reason, rule, kind)
    pub_start, pub_end = publicity_window(book, year, pub_start)
    if reissue:
        reason = reason.strip() or "积分结果更正后重新公示"
    label = q.label
    with book.action(
        "重新发布公示" if reissue else "开始公示",
        f"{label}：{pub_start} 至 {pub_end}" + (f"（补登：{late}）" if late else ""),
        reason=reason,
    ):
        period = _period(book, year, quarter, kind)
        book.db["periods"].update(
            period["id"],
            {"status": "publicity", "publicity_start": pub_start, "publicity_end": pub_end},
        )
        _insert_notice(
            book,
            period["id"],
            (pub_start, pub_end),
            fingerprint,
            canonical_json(payload),
            reason=reason.strip(),
            late_reason=late,
            objection_id=objection_id,
        )
    status = period_status(book, year, quarter, today=today)
    if status.get("appraisals_missing"):
        # Not a refusal: the notice may go up, but its 年终评议 points are not all there yet.
        status["publish_warning"] = (
            f"{status['appraisals_missing']}，公示表上这些党员的民主评议得分为 0。"
            f"请在确认{number_text(COUNT[kind], kind)}前到“年度评定”页面录入（命令行：pioneer appraisal add --year "
            f"{year}）；录入后积分有变化，需重新公示。"
        )
    return status


def start_correctable(
    book: Book, year: int, quarter: int, *, today: date | None = None
) -> tuple[bool, str]:
    """May the last notice's start still be corrected? (allowed, why not). Only while nothing
    depends on it: the period is in publicity, no objection recorded, results unchanged."""
    kind = cycle(book, year)
    _check_quarter(quarter, kind)
    q = make_period(kind, year, quarter)
    existing = _existing_period(book, year, quarter, kind)
    if existing and existing["status"] == "confirmed":
        return False, f"{q.label}已确认，公示开始日期不能再更正。"
    if not existing or existing["status"] != "publicity":
        return False, f"{q.label}还没有公示，没有可更正的开始日期。"
    if _objections(book, existing["id"]):
        return False, (
            f"{q.label}的公示已登记异议，公示开始日期不能再更正"
            "（异议是对这次公示提出的，它的日期要保持原样）。"
        )
    last = _notices(book, existing["id"])[-1]
    if last["results_hash"] != current_fingerprint(book, year, quarter, today):
        return False, (
            f"{q.label}公示后积分结果有变化，不能只更正开始日期："
            "请重新发布公示（说明更正的内容），打印新的公示表张贴。"
        )
    return True, ""


def correct_start(
    book: Book,
    year: int,
    quarter: int,
    *,
    start: str | date,
    reason: str,
    today: date | None = None,
) -> dict[str, Any]:
    """Correct the start of the period's last notice to the day the paper was really posted
    (a notice started by mistake on the day it was entered). Not an edit: a new notice row with
    the same results and the corrected window, its reason naming the old start, and a journal
    line. Refused once anything depends on the notice (see start_correctable), for a start in
    the future, inside the period or before an earlier notice's start."""
    allowed, why = start_correctable(book, year, quarter, today=today)
    if not allowed:
        if "已确认" in why:
            raise RecordLocked(why)
        raise InputRefused(why)
    if not reason.strip():
        raise InputRefused(
            "请写明更正开始日期的原因。",
            ["例如“公示表已于10月10日张贴，登记时误填为今天”。"],
        )
    kind = cycle(book, year)
    q = make_period(kind, year, quarter)
    day = _today(today)
    pub_start = _iso(start, "公示开始日期", day)
    if pub_start > day.isoformat():
        raise InputRefused(
            f"公示开始日期 {pub_start} 还没有到（今天是 {day.isoformat()}）。",
            ["更正只用于公示表已经张贴的日期；还没有张贴的，请张贴当天再开始公示。"],
        )
    if pub_start <= q.end:
        raise InputRefused(
            f"公示开始日期 {pub_start} 不在{q.label}结束之后（{THIS[kind]}到 {q.end} 为止）。",
            [f"公示开始日期请填 {publishable_from(year, quarter, kind)} 或以后的日期。"],
        )
    period = _period(book, year, quarter, kind)
    notices = _notices(book, period["id"])
    last = notices[-1]
    if pub_start == last["start"]:
        raise InputRefused(f"公示开始日期已经是 {pub_start}，无需更正。")
    # The notice being corrected is the last one issued for itself (later rows only corrected
    # its start); the notice before it bounds it, as a re-issue is.
    real = max(i for i, n in enumerate(notices) if not is_start_correction(n))
    if real and pub_start < notices[real - 1]["start"]:
        raise InputRefused(
            f"公示开始日期 {pub_start} 早于上一次公示的开始日期 {notices[real - 1]['start']}。",
            ["重新公示的公示表是更正后重新张贴的，开始日期不能早于前一次公示。"],
        )
    pub_start, pub_end = publicity_window(book, year, pub_start)
    text = f"{START_CORRECTION}（原为 {last['start']}）：{reason.strip()}"
    with book.action(
        START_CORRECTION,
        f"{q.label}：{last['start']} 改为 {pub_start}，公示期 {pub_start} 至 {pub_end}",
        reason=reason.strip(),
    ):
        book.db["periods"].update(
            period["id"], {"publicity_start": pub_start, "publicity_end": pub_end}
        )
        _insert_notice(
            book,
            period["id"],
            (pub_start, pub_end),
            last["results_hash"],
            last["payload"],
            reason=text,
        )
    return period_status(book, year, quarter, today=today)


def _insert_notice(
    book: Book,
    period_id: int,
    window: tuple[str, str],
    results_hash: str,
    payload: str,
    *,
    reason: str,
    late_reason: str = "",
    objection_id: int | None = None,
) -> None:
    """A notice row: issued now by the book's actor, for the window (start, end), with the
    results it published. Notices are only ever added (a correction is a new row)."""
    book.db["publicity_notices"].insert(
        {
            "period_id": period_id,
            "issued_at": now_iso(),
            "issued_by": book.actor,
            "start": window[0],
            "end": window[1],
            "results_hash": results_hash,
            "payload": payload,
            "reason": reason,
            "late_reason": late_reason,
            "objection_id": objection_id,
        }
    )


def raise_objection(
    book: Book,
    year: int,
    quarter: int,
    *,
    raised_by: str,
    content: str,
    member: str | None = None,
    raised_on: str | date | None = None,
    today: date | None = None,
) -> int:
    """Record an objection (异议) to the quarter's published results."""
    kind = cycle(book, year)
    _check_quarter(quarter, kind)
    period = _existing_period(book, year, quarter, kind)
    label = period_label(year, quarter, kind)
    if period and period["status"] == "confirmed":
        raise RecordLocked(f"{label}已确认，不能再登记异议。", "如确有错误，请登记“更正”。")
    if not period or period["status"] != "publicity":
        raise InputRefused(f"{label}还没有公示，不能登记异议。", ["请先开始公示。"])
    if not raised_by.strip():
        raise InputRefused("请填写提出异议的人。")
    if not content.strip():
        raise InputRefused("请填写异议的内容（对谁的哪一项积分有什么意见）。")
    m = book.roster.find(member) if member else None
    day = _today(today).isoformat()
    iso = _iso(raised_on, "提出日期", _today(today))
    if iso > day:
        raise InputRefused(f"提出日期 {iso} 还没有到。", ["请填写异议实际提出的日期。"])
    notices = _notices(book, period["id"])
    first = min([n["start"] for n in notices] or [period["publicity_start"]])
    if first and iso < first:
        # Nothing was published yet that day: there was nothing to object to.
        raise InputRefused(
            f"提出日期 {iso} 早于{label}的公示开始日期 {first}，不能登记为对公示结果的异议。",
            [
                "请核对提出日期（应为公示开始之后）。",
                "公示之前收到的意见，请在审核申报或核对记录时处理。",
            ],
        )
    # Accepted after the period ended too (people complain late); the record says so.
    with book.action("登记异议", f"{label}：{raised_by} — {content[:30]}"):
        return int(
            book.db["objections"]
            .insert(
                {
                    "period_id": period["id"],
                    "raised_by": raised_by.strip(),
                    "member_id": m["id"] if m else None,
                    "content": content.strip(),
                    "raised_on": iso,
                    "status": "open",
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def objection(book: Book, objection_id: int) -> dict[str, Any]:
    rows = book.query(
        """select o.*, p.year, p.quarter, p.status as period_status, m.name from objections o
           join periods p on p.id = o.period_id left join members m on m.id = o.member_id
           where o.id = ?""",
        [objection_id],
    )
    if not rows:
        raise InputRefused(f"找不到第 {objection_id} 号异议。")
    return rows[0]


def answer_objection(
    book: Book,
    objection_id: int,
    *,
    finding: str,
    changed: bool,
    change_note: str = "",
    told_on: str | date | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Answer an objection: the finding, whether a fact was changed, when the member was told.

    If a fact was changed and the results now differ from the notice, the notice is re-issued
    at once, saying which objection caused it. Returns the period status.
    """
    o = objection(book, objection_id)
    if o["period_status"] == "confirmed":
        raise RecordLocked(f"{row_label(o)}已确认，异议不能再修改。")
    if o["status"] != "open":
        raise InputRefused(f"第 {objection_id} 号异议已经答复过了。")
    if not finding.strip():
        raise InputRefused("请填写调查核实的结果。")
    if changed and not change_note.strip():
        raise InputRefused("已作更正的，请写明更正了什么。")
    iso = _iso(told_on, "告知日期", _today(today))
    if changed:
        _refuse_unchanged_results(book, o, today)
    with book.action("答复异议", f"第{objection_id}号：{finding[:30]}", changed=changed):
        book.db["objections"].update(
            objection_id,
            {
                "status": "answered",
                "finding": finding.strip(),
                "changed": int(changed),
                "change_note": change_note.strip(),
                "told_on": iso,
                "answered_by": book.actor,
                "answered_at": now_iso(),
            },
        )
    status = period_status(book, o["year"], o["quarter"], today=today)
    if changed and status["results_changed"]:
        status = publish(
            book,
            o["year"],
            o["quarter"],
            reason=f"根据第{objection_id}号异议更正：{change_note.strip()}",
            objection_id=objection_id,
            today=today,
        )
    return status


def _refuse_unchanged_results(book: Book, o: dict[str, Any], today: date | None) -> None:
    """An answer saying the records were corrected, while the results are still those of
    the notice objected to, would show 「已更正」 over identical results (review s5)."""
    notice = notice_objected_to(o, _notices(book, o["period_id"]))
    if notice is None:
        return
    if notice["results_hash"] != current_fingerprint(book, o["year"], o["quarter"], today):
        return
    raise InputRefused(
        f"第 {o['id']} 号异议不能按“已更正”答复：积分结果与异议提出时的公示表相同，"
        "没有记录被更正。",
        [
            "如确已更正，请先登记更正（改签到、党费、申报，或“登记更正”），再答复；",
            "如维持原记录，答复时选“维持原记录”（命令行：不加 --changed）。",
        ],
    )


# ---------------------------------------------------------------- status and confirmation


def appraisal_gaps(book: Book, year: int) -> list[AppraisalGap]:
    """The 民主评议 rounds the year's scheme scores that still lack a member's result
    (withdrawn results count as missing)."""
    facts = gather_facts(book, year)
    return _gaps(year_scheme(book, year), facts.members, facts.appraisals, year)


def appraisal_gap_text(book: Book, year: int) -> str:
    """The Q4 blocker's summary (who lacks a 民主评议 result), or "" when none is missing."""
    scheme = year_scheme(book, year)
    if not any(i.source == "appraisal" for s in scheme.sections for i in s.items):
        return ""  # cheap: most of the year's facts are not needed to know that
    return gap_summary(appraisal_gaps(book, year), year)


def period_status(
    book: Book, year: int, quarter: int, *, today: date | None = None
) -> dict[str, Any]:
    """Where a quarter stands, and why it can or cannot be confirmed yet."""
    scheme = year_scheme(book, year)
    kind = scheme.review_cycle
    _check_quarter(quarter, kind)
    day = _today(today).isoformat()
    p = _existing_period(book, year, quarter, kind)
    q = make_period(kind, year, quarter)
    state = p["status"] if p else "open"
    out: dict[str, Any] = {
        "year": year,
        "quarter": quarter,
        "kind": kind,
        "unit": UNIT[kind],
        "number_text": number_text(quarter, kind),
        "label": q.label,
        "start": q.start,
        "end": q.end,
        "state": state,
        "state_text": STATES[state],
        "publicity_rule": publicity_rule_text(scheme.publicity_days, scheme.publicity_working_days),
        "publicity_start": p["publicity_start"] if p else None,
        "publicity_end": p["publicity_end"] if p else None,
        "confirmed_at": p["confirmed_at"] if p else None,
        "notices": _notices(book, p["id"]) if p else [],
        "objections": _objections(book, p["id"]) if p else [],
        "hash": None,
        "results_changed": False,
        "changed_members": [],
        "warning": "",
        "ended": quarter_ended(year, quarter, today, kind),
        "publishable_from": publishable_from(year, quarter, kind),
        "blockers": [],
    }
    out["not_scored"] = state == "open" and period_before_start(book, q.end)
    if out["not_scored"]:
        # Before the book kept points: nothing to publish or confirm (issue 14).
        out["state_text"] = "不记分"
        out["next_step"] = before_start_text(book, out["label"])
        out["open_objections"] = []
        out["publicity_over"] = False
        out["appraisals_missing"] = ""
        return out
    out["open_objections"] = [o for o in out["objections"] if o["status"] == "open"]
    # The window has run out but nobody confirmed: say so, not 公示中 for months.
    out["publicity_over"] = state == "publicity" and day > (out["publicity_end"] or "9999")
    out["next_step"] = ""
    if out["publicity_over"]:
        out["state_text"] = PUBLICITY_OVER_TEXT
    if state == "confirmed":
        snap = book.query("select hash from snapshots where period_id = ?", [p["id"]])  # type: ignore[index]
        out["hash"] = snap[0]["hash"] if snap else None
        return out
    blockers: list[str] = []
    if not out["ended"]:
        blockers.append(
            f"{THIS[kind]}还没有结束（到 {q.end} 为止）：{out['publishable_from']} 起才能公示，"
            "公示期满后才能确认。"
        )
    elif state == "open":
        blockers.append("尚未公示：请先开始公示。")
    if state == "publicity":
        if day <= out["publicity_end"]:
            blockers.append(
                f"公示期为 {out['publicity_start']} 至 {out['publicity_end']}，"
                f"公示期满（{out['publicity_end']} 之后）才能确认。"
            )
        for o in out["open_objections"]:
            blockers.append(f"第 {o['id']} 号异议（{o['raised_by']}）尚未答复。")
        if day >= q.start and out["notices"]:
            now = current_payload(book, year, quarter, today)
            last = out["notices"][-1]
            if last["results_hash"] != results_fingerprint(now):
                out["results_changed"] = True
                if last.get("payload"):
                    out["changed_members"] = member_changes(json.loads(last["payload"]), now)
                changed = out["changed_members"]
                names = "、".join(c["name"] for c in changed)
                who = f"（{names}）" if names else ""
                whose = f"{len(changed)} 名党员的" if changed else ""
                out["warning"] = (
                    f"公示后有记录改动，{whose}积分结果与公示表不同{who}："
                    "公示表已过时，请重新发布公示（说明更正的内容），打印新的公示表张贴。"
                )
                blockers.append(f"公示后积分结果有变化{who}：请重新发布公示，说明更正的内容。")
    # What the window offers as 更正开始日期… (start_correctable says why not, in words).
    out["start_correctable"] = (
        state == "publicity" and not out["objections"] and not out["results_changed"]
    )
    waiting = [
        earlier
        for earlier in range(1, quarter)
        # before the book kept points: never confirmed, never needed
        if not period_before_start(book, make_period(kind, year, earlier).end)
        and (_existing_period(book, year, earlier, kind) or {}).get("status") != "confirmed"
    ]
    # Confirmation goes in order, so the earlier unconfirmed periods run up to this one:
    # one line for all of them (a December listed eleven months, one line each).
    out["waiting_for"] = waiting
    out["order_blocker"] = ""
    if waiting:
        first = period_label(year, waiting[0], kind)
        span = first if len(waiting) == 1 else f"{first}至{number_text(waiting[-1], kind)}"
        out["order_blocker"] = f"{span}还没有确认：请按{ORDER[kind]}顺序确认。"
        blockers.append(out["order_blocker"])
    pending = book.execute(
        "select count(*) from claims where status in ('申报', '初评') and date between ? and ?",
        [q.start, q.end],
    ).fetchone()[0]
    if pending:
        blockers.append(f"{THIS[kind]}还有 {pending} 条积分申报没有审定或驳回。")
    from desktop.book.approvals import claim_approvals

    above = [a for a in claim_approvals(book, year) if a.pending and q.start <= a.date <= q.end]
    if above:  # approved after confirming, they could never count
        bodies = "、".join(dict.fromkeys(a.body for a in above))
        verb = "表决" if all(a.vote for a in above) else "审定"  # a 党员大会 votes on it
        blockers.append(
            f"{THIS[kind]}还有 {len(above)} 条积分申报待{bodies}{verb}"
            f"（登记{'表决' if verb == '表决' else '审批'}结果后再确认）。"
        )
    out["appraisals_missing"] = ""
    if quarter == COUNT[kind] and out["ended"]:
        # Confirming Q4 locks the year's 民主评议: a missing result would stay 0 for good.
        missing = appraisal_gap_text(book, year)
        if missing:
            out["appraisals_missing"] = missing
            blockers.append(
                f"{missing}。确认{out['number_text']}会锁定本年度的民主评议，缺的结果只能按 0 分计："
                "请先在“年度评定”页面录入（命令行：pioneer appraisal add）。"
            )
    out["blockers"] = blockers
    if out["publicity_over"]:
        end = out["publicity_end"]
        out["next_step"] = (
            f"公示期已于 {end} 期满：处理完下列事项后，由支委会确认{THIS[kind]}。"
            if blockers
            else f"公示期已于 {end} 期满，没有未答复的异议：请支委会核对后确认{THIS[kind]}"
            "（确认后不可撤销）。"
        )
    return out


def confirm(book: Book, year: int, quarter: int, *, today: date | None = None) -> dict[str, Any]:
    """Confirm the quarter: snapshot its results (hash-chained), lock its facts, freeze the
    year's scheme. Cannot be undone. Refused (InputRefused) while anything blocks it."""
    _refuse_before_start(book, year, quarter)
    status = period_status(book, year, quarter, today=today)
    label = status["label"]
    if status["state"] == "confirmed":
        raise InputRefused(f"{label}已经确认过了（{status['confirmed_at'][:10]}）。")
    if status["blockers"]:
        raise InputRefused(f"{label}现在不能确认：", status["blockers"])
    rv = review(book, year, quarter, today=today)
    payload = canonical_json(results_payload(rv, book.branch()["name"]))
    head = book.execute("select hash from snapshots order by id desc limit 1").fetchone()
    prev = head[0] if head else GENESIS
    scheme_id, text = year_scheme_text(book, year)
    # The facts as they will be locked (the scheme as it will be frozen): verify recomputes
    # this, so facts edited behind the program's back name their quarter.
    kind = rv.kind
    facts = facts_digest(
        facts_canonical(book.conn, year, quarter, scheme=(scheme_id, text), kind=kind)
    )
    digest = link_hash(prev, payload, facts)
    with book.action(CONFIRM_ACTIONS[kind], f"{label}：{digest[:16]}", hash=digest):
        period = _period(book, year, quarter, kind)
        book.db["snapshots"].insert(
            {
                "period_id": period["id"],
                "year": year,
                "kind": kind,
                "quarter": quarter,
                "payload": payload,
                "prev_hash": prev,
                "hash": digest,
                "facts_digest": facts,
                "created_at": now_iso(),
                "created_by": book.actor,
            }
        )
        book.db["periods"].update(
            period["id"],
            {"status": "confirmed", "confirmed_at": now_iso(), "confirmed_by": book.actor},
        )
        row = book.execute("select frozen_at from schemes where year = ?", [year]).fetchone()
        if row is None:
            book.db["schemes"].insert(
                {"year": year, "scheme_id": scheme_id, "text": text, "frozen_at": now_iso()}
            )
        elif row[0] is None:
            book.db["schemes"].update(year, {"frozen_at": now_iso()})
    return period_status(book, year, quarter, today=today)


def _refuse_before_start(book: Book, year: int, quarter: int) -> None:
    kind = cycle(book, year)
    if period_before_start(book, make_period(kind, year, quarter).end):
        raise InputRefused(before_start_text(book, period_label(year, quarter, kind)))


def settled_quarters(book: Book, year: int) -> list[int]:
    """The year's periods (of its review cycle) that need nothing more: confirmed, or before
    the book kept points."""
    kind = cycle(book, year)
    done = set(confirmed_quarters(book, year))
    return [
        q
        for q in range(1, COUNT[kind] + 1)
        if q in done or period_before_start(book, make_period(kind, year, q).end)
    ]


def claim_default_day(book: Book, year: int, number: int, *, today: date | None = None) -> date:
    """The day a new claim entered for the period on screen defaults to: today while the
    period runs (or has not begun, or is confirmed: dated inside it, the claim would be
    refused), else the period's last day — in December, a claim entered for the November
    under review otherwise landed in December (review s5)."""
    day = _today(today)
    kind = cycle(book, year)
    end = date.fromisoformat(make_period(kind, year, number).end)
    if day <= end or number in confirmed_quarters(book, year):
        return day
    return end


def confirmed_quarters(book: Book, year: int) -> list[int]:
    """Cheap (no scoring): the numbers of the year's confirmed periods of its review cycle."""
    return [
        r[0]
        for r in book.execute(
            "select quarter from periods where year = ? and kind = ? and status = 'confirmed' "
            "order by quarter",
            [year, cycle(book, year)],
        )
    ]


def year_status(book: Book, year: int, *, today: date | None = None) -> list[dict[str, Any]]:
    """Every period of the year's review cycle (4 quarters, 12 months or 2 halves)."""
    day = _today(today).isoformat()
    kind = cycle(book, year)
    out = []
    for q in range(1, COUNT[kind] + 1):
        p = make_period(kind, year, q)
        if p.start > day and not _existing_period(book, year, q, kind):
            out.append(
                {
                    "year": year,
                    "quarter": q,
                    "kind": kind,
                    "unit": UNIT[kind],
                    "number_text": number_text(q, kind),
                    "label": p.label,
                    "state": "future",
                    "state_text": "未开始",
                    "blockers": [],
                }
            )
            continue
        out.append(period_status(book, year, q, today=today))
    return out


# ---------------------------------------------------------------- the demo branch's quarters


def last_ended_quarter(year: int, today: date | None = None) -> int:
    """The year's last quarter that has ended by `today` (0 when none has)."""
    day = _today(today)
    if day.year != year:
        return 4 if day.year > year else 0
    return (day.month - 1) // 3


def demo_quarters(book: Book, year: int, *, today: date | None = None) -> None:
    """Take the demo branch through its quarters as a real branch would: claims decided,
    each ended quarter published a few days after it ends, an objection answered, then
    confirmed; the last ended quarter is left in publicity (with one open objection when a
    claim still waits). A quarter that is still running is never published."""
    day = _today(today)
    last = last_ended_quarter(year, day)
    leader = "东片党小组组长"
    for q in range(1, last + 1):
        period = make_period("quarter", year, q)
        # Claims still pending in a quarter that is to be confirmed are decided first.
        if q < last:
            for c in list_claims(book, year, q, status=PENDING):
                if c["status"] == "申报":
                    review_claim(book, c["id"], leader, "情况属实")
                approve_claim(book, c["id"], "支部委员会")
            # Claims the scheme sends above (街道 突出事迹 「报党工委审定」): the body's
            # answer came back before the quarter was published, and is recorded by hand.
            from desktop.book.approvals import claim_approvals, record_claim_decision

            for a in claim_approvals(book, year):
                if a.pending and period.start <= a.date <= period.end:
                    record_claim_decision(
                        book, a.claim_id, approved=True, by=a.body, on=period.end, today=day
                    )
        start = min(date.fromisoformat(period.end) + timedelta(days=3), day)
        # Entered the day the notice is posted, as the publicity rule wants.
        publish(book, year, q, start=start, today=start)
        leave = book.query(
            """select m.code, m.name, a.date, a.type from attendance t
               join activities a on a.id = t.activity_id join members m on m.id = t.member_id
               where t.status = '因私请假' and a.date between ? and ? order by a.date limit 1""",
            [period.start, period.end],
        )
        if q == 2 and leave:
            who = leave[0]
            oid = raise_objection(
                book,
                year,
                q,
                raised_by=who["name"],
                member=who["code"],
                content=f"{who['date']}的{who['type']}我是因公外出，签到表记成了因私请假。",
                raised_on=min(start + timedelta(days=1), day),
                today=day,
            )
            answer_objection(
                book,
                oid,
                finding="经核对签到表和请假条，当天请假事由为家中有事，属因私请假，维持原记录。",
                changed=False,
                told_on=min(start + timedelta(days=2), day),
                today=day,
            )
        if q == last:
            waiting = list_claims(book, year, q, status=PENDING)
            if waiting:
                c = waiting[0]
                raise_objection(
                    book,
                    year,
                    q,
                    raised_by=c["name"],
                    member=c["code"],
                    content=f"我{c['date']}申报的“{c['reason']}”还没有审定，希望计入积分。",
                    raised_on=min(start + timedelta(days=1), day),
                    today=day,
                )
            return
        status = period_status(book, year, q, today=day)
        if status["blockers"]:
            return  # publicity still running (the demo made early in a quarter)
        confirm(book, year, q, today=day)


__all__ = [
    "START_CORRECTION",
    "correct_start",
    "is_start_correction",
    "correction_reason",
    "posted_notices",
    "start_correctable",
    "period_keys",
    "window",
    "cycle",
    "period_label",
    "row_label",
    "number_text",
    "check_cycle",
    "claim_default_day",
    "CapUse",
    "DEFAULT_OBJECTION_CONTACT",
    "LateStartRefused",
    "MAX_LATE_ENTRY_DAYS",
    "PENDING",
    "PUBLICITY_OVER_TEXT",
    "Review",
    "ReviewRow",
    "STATES",
    "ZERO",
    "add_claim",
    "add_correction",
    "after_publicity",
    "answer_objection",
    "appraisal_gap_text",
    "appraisal_gaps",
    "approve_claim",
    "cap_uses",
    "chain_head",
    "chain_links",
    "check_chain",
    "check_claim_points",
    "check_facts",
    "check_unlocked",
    "claim",
    "claim_items",
    "confirm",
    "confirmed_period_at",
    "confirmed_quarters",
    "confirmed_score_json",
    "current_fingerprint",
    "current_payload",
    "default_step_name",
    "demo_quarters",
    "earliest_publicity_start",
    "facts_canonical",
    "find_claim_item",
    "holidays",
    "last_ended_quarter",
    "list_claims",
    "list_corrections",
    "list_holidays",
    "member_changes",
    "objection",
    "objection_contact",
    "period_status",
    "publicity_window",
    "publish",
    "publishable_from",
    "quarter_ended",
    "quarter_label",
    "quarter_of",
    "raise_objection",
    "reject_claim",
    "remove_holiday",
    "results_payload",
    "review",
    "review_claim",
    "set_holiday",
    "settled_quarters",
    "snapshot",
    "year_status",
    "yearly_only_sections",
]
