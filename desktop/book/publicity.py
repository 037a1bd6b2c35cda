"""Publicity (公示) helpers: the window a notice runs (working days skip weekends and the
book's holidays), the notices and objections of a period, late entry of a notice really posted
earlier, and what moved between a published notice and the results now."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.periods import _iso, _today, publishable_from
from desktop.book.scoring import year_scheme
from desktop.book.store import Book
from desktop.rules.collation import stroke_key
from desktop.rules.quarter import canonical_json, publicity_end

# A notice really posted earlier may be entered this many days late, with a reason; a start
# further back would let a notice "run" on paper that nobody saw.
MAX_LATE_ENTRY_DAYS = 14


DEFAULT_OBJECTION_CONTACT = "支部书记或本党小组组长（当面、电话或书面均可）"


def holidays(book: Book) -> list[str]:
    return [r[0] for r in book.execute("select date from holidays order by date").fetchall()]


def objection_contact(book: Book) -> str:
    return book.setting("objection_contact") or DEFAULT_OBJECTION_CONTACT


def _notices(book: Book, period_id: int) -> list[dict[str, Any]]:
    return book.query(
        "select * from publicity_notices where period_id = ? order by id", [period_id]
    )


# The reason of a notice row that corrects the start of the notice before it (not a re-issue:
# the same results and paper, only the day it was really posted), then "（原为 …）：why".
START_CORRECTION = "更正公示开始日期"


def is_start_correction(notice: dict[str, Any]) -> bool:
    return str(notice.get("reason") or "").startswith(START_CORRECTION)


def correction_reason(notice: dict[str, Any]) -> str:
    """The secretary's own words of a start correction (after the stored prefix)."""
    return str(notice.get("reason") or "").partition("：")[2]


def posted_notices(notices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The notices as posted on the board: a start correction folds into the notice it
    corrects (its dates replace that notice's; `corrected` holds the correction row)."""
    out: list[dict[str, Any]] = []
    for n in notices:
        if is_start_correction(n) and out:
            out[-1] = {**out[-1], "start": n["start"], "end": n["end"], "corrected": n}
        else:
            out.append(n)
    return out


def _objections(book: Book, period_id: int) -> list[dict[str, Any]]:
    rows = book.query(
        """select o.*, m.code, m.name from objections o left join members m on m.id = o.member_id
           where o.period_id = ? order by o.id""",
        [period_id],
    )
    notices = _notices(book, period_id)
    for o in rows:
        o["after_publicity"] = after_publicity(o, notices)
        o["date_text"] = o["raised_on"] + ("，公示期满后提出" if o["after_publicity"] else "")
    return rows


def _stamp(text: str | None) -> str:
    return (text or "").replace(" ", "T")  # imported times may have a space


def notice_objected_to(o: dict[str, Any], notices: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The notice in force when the objection was recorded (notices it caused, or issued
    after it was recorded, do not count); None when the period has no notice."""
    before = [
        n
        for n in notices
        if _stamp(n["issued_at"]) <= _stamp(o["created_at"]) and n["objection_id"] != o["id"]
    ] or notices[:1]
    return before[-1] if before else None


def after_publicity(o: dict[str, Any], notices: list[dict[str, Any]]) -> bool:
    """Was the objection raised after the publicity window in force when it was recorded?
    (A late objection stays late though its answer re-issued the notice.)"""
    notice = notice_objected_to(o, notices)
    return notice is not None and o["raised_on"] > notice["end"]


def member_changes(published: dict[str, Any], now: dict[str, Any]) -> list[dict[str, Any]]:
    """Members whose published results differ from the results now: who, and what moved."""
    before = {m["code"]: m for m in json.loads(canonical_json(published))["members"]}
    after = {m["code"]: m for m in json.loads(canonical_json(now))["members"]}
    out = []
    for code in sorted(before.keys() | after.keys()):
        b, a = before.get(code), after.get(code)
        if (
            b
            and a
            and (b["total"], b["sections"], b["flags"]) == (a["total"], a["sections"], a["flags"])
        ):
            continue  # only the rank or the year's running total moved, as a consequence
        name = (a or b)["name"]  # type: ignore[index]
        if b is None:
            text = f"{name}：新增（现为 {a['total']} 分）"  # type: ignore[index]
        elif a is None:
            text = f"{name}：已不在计分名单中（公示时 {b['total']} 分）"
        elif a["total"] != b["total"]:
            text = f"{name}：公示 {b['total']} 分，现为 {a['total']} 分"
        else:
            moved = [k for k in a["sections"] if a["sections"][k] != b["sections"].get(k)]
            text = f"{name}：{'、'.join(moved) or '提示'}有变化"
        out.append(
            {
                "code": code,
                "name": name,
                "published": b["total"] if b else None,
                "now": a["total"] if a else None,
                "text": text,
            }
        )
    out.sort(key=lambda c: (stroke_key(c["name"]), c["code"]))  # names shown: 姓氏笔画
    return out


class LateStartRefused(InputRefused):
    """A publicity start before today without a reason, or too far back (the CLI adds how to
    give the reason there)."""


def earliest_publicity_start(
    year: int, quarter: int, today: date | None = None, kind: str = "quarter"
) -> str:
    """The earliest start a notice entered today may have: today − 14 days (a notice really
    posted then, entered late), never inside the period."""
    back = (_today(today) - timedelta(days=MAX_LATE_ENTRY_DAYS)).isoformat()
    return max(back, publishable_from(year, quarter, kind))


def _check_late_start(
    year: int,
    quarter: int,
    pub_start: str,
    day: date,
    late_reason: str,
    rule: str,
    kind: str = "quarter",
) -> str:
    """Publicity runs from the day the notice is posted, so its start may not be before
    today — except a notice really posted up to 14 days ago and entered late, with the reason.
    Returns the reason to store ('' when the start is not in the past)."""
    today = day.isoformat()
    if pub_start >= today:
        return ""
    earliest = earliest_publicity_start(year, quarter, day, kind)
    example = f"公示表已于{int(pub_start[5:7])}月{int(pub_start[8:])}日张贴，今日补登"
    if pub_start < earliest:
        raise LateStartRefused(
            f"公示开始日期 {pub_start} 早于今天（{today}）{MAX_LATE_ENTRY_DAYS} 天以上，不能这样登记。",
            [
                f"公示须从张贴之日起满{rule}：请从今天起张贴公示表，公示开始日期填 {today}。",
                f"公示表确实已经张贴、只是今天才补登的，开始日期最早可填 {earliest}，并写明补登原因。",
            ],
        )
    if not late_reason.strip():
        raise LateStartRefused(
            f"公示开始日期 {pub_start} 早于今天（{today}），请写明补登原因。",
            [
                f"只有公示表确实已于 {pub_start} 张贴、今天才补登时才能这样填，"
                f"原因例如“{example}”；最早可补登到 {earliest}。",
                f"公示表还没有张贴的，请把公示开始日期改为今天（{today}）或以后。",
            ],
        )
    return late_reason.strip()


def publicity_window(book: Book, year: int, start: str | date) -> tuple[str, str]:
    """(start, end) of a publicity starting on `start` under the year's scheme."""
    scheme = year_scheme(book, year)
    pub_start = _iso(start, "公示开始日期")
    return pub_start, publicity_end(
        pub_start,
        scheme.publicity_days,
        working_days=scheme.publicity_working_days,
        holidays=holidays(book),
    )


def set_holiday(book: Book, day: str | date, name: str = "") -> None:
    """A day that is not a working day (publicity periods skip it)."""
    iso = _iso(day, "节假日日期")
    with book.action("登记节假日", f"{iso} {name}".strip()):
        book.db["holidays"].upsert({"date": iso, "name": name.strip()}, pk="date")


def remove_holiday(book: Book, day: str | date) -> None:
    iso = _iso(day, "节假日日期")
    if not book.execute("select 1 from holidays where date = ?", [iso]).fetchone():
        raise InputRefused(f"{iso} 不是已登记的节假日。")
    with book.action("删除节假日", iso):
        book.execute("delete from holidays where date = ?", [iso])


def list_holidays(book: Book, year: int | None = None) -> list[dict[str, Any]]:
    if year is None:
        return book.query("select date, name from holidays order by date")
    return book.query(
        "select date, name from holidays where date like ? order by date", [f"{year:04d}-%"]
    )
