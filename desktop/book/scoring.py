"""The year's scheme, and the book's facts run through it.

Facts are stored; points are derived here on demand by `desktop.rules`, never stored until a
period is confirmed. The scheme of a year is stored as its file text, so a preset that changes
in a later program version cannot change an old year's scores.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book
from desktop.rules.facts import (
    Activity,
    Appraisal,
    Attendance,
    Claim,
    Correction,
    DuesMonth,
    MemberFacts,
    Veto,
    YearFacts,
)
from desktop.rules.presets import list_presets, preset_text
from desktop.rules.scheme import Scheme, SchemeError, load_scheme
from desktop.rules.scoring import RatingResult, ScoreResult, rate, score

DEFAULT_SCHEME = "dangyuan-ejia"


# -- the year's scheme -------------------------------------------------------------------


def year_scheme_text(book: Book, year: int) -> tuple[str, str]:
    """(scheme id, TOML text) in force for `year`: stored, else the book's default preset."""
    row = book.db.execute("select scheme_id, text from schemes where year = ?", [year]).fetchone()
    if row:
        return row[0], row[1]
    preset = book.setting("default_scheme") or DEFAULT_SCHEME
    return preset, preset_text(preset)


def scheme_stored(book: Book, year: int) -> bool:
    """Whether `year` has a scheme of its own (else the book's default preset applies)."""
    return book.execute("select 1 from schemes where year = ?", [year]).fetchone() is not None


def year_scheme(book: Book, year: int) -> Scheme:
    scheme_id, text = year_scheme_text(book, year)
    try:
        return load_scheme(text)
    except SchemeError as exc:
        raise InputRefused(f"{year} 年的积分方案有错误，无法计分。", exc.problems) from exc


def scheme_frozen(book: Book, year: int) -> bool:
    row = book.db.execute("select frozen_at from schemes where year = ?", [year]).fetchone()
    return bool(row and row[0])


def set_year_scheme(
    book: Book, year: int, *, preset: str | None = None, text: str | None = None
) -> str:
    """Choose a preset or store an edited scheme for `year`. Refused once the year is frozen."""
    if scheme_frozen(book, year):
        raise InputRefused(
            f"{year} 年已有确认的积分结果，方案已冻结，不能再更换或修改。",
            ["如方案确有错误，请在下一年度使用新方案。"],
        )
    if text is None:
        if preset is None:
            raise InputRefused("请选择一个预置方案或提供方案文件。")
        try:
            text = preset_text(preset)
        except KeyError as exc:
            raise InputRefused(str(exc.args[0])) from exc
    try:
        scheme = load_scheme(text)
    except SchemeError as exc:
        raise InputRefused("方案文件有错误，未保存。", exc.problems) from exc
    _check_cycle_kept(book, year, scheme.review_cycle)
    with book.action("设置积分方案", f"{year} 年：{scheme.title}", scheme=scheme.id):
        book.db["schemes"].upsert(
            {"year": year, "scheme_id": scheme.id, "text": text, "frozen_at": None}, pk="year"
        )
    return scheme.id


def _check_cycle_kept(book: Book, year: int, cycle: str) -> None:
    """A year whose periods are already published keeps its review cycle ([publicity]
    cycle): a notice once posted stays (periods in publicity are never deleted), so the
    year cannot switch to months or half-years under it."""
    from desktop.book.periods import UNIT, row_label

    held = book.query(
        "select * from periods where year = ? and status != 'open' and kind != ? "
        "order by start limit 1",
        [year, cycle],
    )
    if held:
        raise InputRefused(
            f"{row_label(held[0])}已经公示，{year} 年的评议周期不能再改为按{UNIT[cycle]}。",
            [
                f'方案的 [publicity] cycle 请保持为 "{held[0]["kind"]}"（按{UNIT[held[0]["kind"]]}），'
                "其余内容可以修改；新的周期请在下一年度使用。"
            ],
        )


def presets() -> list[tuple[str, str]]:
    return list_presets()


# -- facts ------------------------------------------------------------------------------------


def member_facts(book: Book, year: int) -> list[MemberFacts]:
    """The roster as the rules read it for `year`: everyone on it since the previous July
    (the 6-month veto checks look across the new year)."""
    start = f"{year - 1:04d}-07-01"
    return [
        MemberFacts(
            code=r["code"],
            name=r["name"],
            status=r["status"],
            group=r["group"] or "",
            exempt=bool(r["exempt"]),
            mobile=bool(r["mobile"]),
            mobile_scope=r["mobile_scope"] or None,
            leader=bool(r["leader"]),
            joined_date=r["joined_date"],
            transferred_in_date=r["transferred_in_date"],
            left_date=r["left_date"],
            employment=r["employment"],
        )
        for r in book.db.query(
            """select m.*, g.name as "group",
                      (select d.category from dues_rates d where d.member_id = m.id
                         and d.from_month <= ? order by d.from_month desc limit 1) as employment
               from members m
               left join party_groups g on g.id = m.group_id
               where m.left_date is null or m.left_date >= ?""",
            [f"{year:04d}-12", start],
        )
    ]


def _with_reversed(book: Book, dues: list[DuesMonth], first: str, last: str) -> list[DuesMonth]:
    """Months with a payment reversed get each of their payments with its reversal's date: a
    quarter judged on its last day scores them as they stood then (DuesMonth.standing_as_of),
    so reversing a receipt of a confirmed quarter leaves that quarter's points as published."""
    from desktop.book.dues_collection import PAYMENT_REF

    if book.db.execute("select 1 from dues_reversals limit 1").fetchone() is None:
        return dues  # most books: nothing ever reversed
    # Every payment of the months (first..last) that have one reversed, with its reversal.
    rows = book.db.query(
        "with hit as (select distinct d.member_id, d.month from dues_payments d"
        f" join dues_reversals r on r.receipt_no = {PAYMENT_REF} where d.month between ? and ?)"
        " select m.code, d.month, d.due_fen, d.paid_fen, d.paid_date, r.date as reversed_on"
        " from hit join dues_payments d on d.member_id = hit.member_id and d.month = hit.month"
        f" left join dues_reversals r on r.receipt_no = {PAYMENT_REF}"
        " join members m on m.id = d.member_id order by d.id",
        [first, last],
    )
    months: dict[tuple[str, str], list[tuple[int, str | None, str | None]]] = {}
    due_of: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r["code"], r["month"])
        months.setdefault(key, []).append((r["paid_fen"], r["paid_date"], r["reversed_on"]))
        due_of[key] = max(due_of.get(key, 0), r["due_fen"] or 0)
    out = [
        replace(d, payments=tuple(months.pop(key))) if (key := (d.member, d.month)) in months else d
        for d in dues
    ]
    # A month whose every payment was reversed and which no rate supplied (imported dues).
    out += [
        DuesMonth(code, month, due_of[code, month], 0, None, tuple(payments))
        for (code, month), payments in sorted(months.items())
        if due_of[code, month] > 0
    ]
    return out


def gather_facts(book: Book, year: int) -> YearFacts:
    """Everything the rules read for `year`, plus the previous half year (for the 6-month veto
    checks, which look across the new year)."""
    start = f"{year - 1:04d}-07-01"
    end = f"{year:04d}-12-31"
    db = book.db
    members = member_facts(book, year)
    activities = [
        Activity(code=r["code"], date=r["date"], type=r["type"], title=r["topic"])
        for r in db.query("select * from activities where date between ? and ?", [start, end])
    ]
    attendance = [
        Attendance(activity=r["a"], member=r["m"], status=r["status"])
        for r in db.query(
            """select a.code as a, m.code as m, t.status from attendance t
               join activities a on a.id = t.activity_id join members m on m.id = t.member_id
               where a.date between ? and ?""",
            [start, end],
        )
    ]
    from desktop.book.dues_collection import month_sums_sql

    dues = [
        DuesMonth(
            member=r["code"],
            month=r["month"],
            due_fen=r["due_fen"],
            paid_fen=r["paid_fen"],
            paid_date=r["paid_date"],
        )
        for r in db.query(
            "select m.code, t.month, t.due as due_fen, t.paid as paid_fen, t.last_date as paid_date"
            f" from ({month_sums_sql('d.month between ? and ?')}) t"
            " join members m on m.id = t.member_id",
            [start[:7], end[:7]],
        )
    ]
    # Months owed with nothing recorded are unpaid months too: the rules need one record per
    # month owed (a missing month would break the six-month run), so supply them from the
    # members' dues rates.
    from desktop.book.dues import owed_without_record

    through = min(end[:7], date.today().isoformat()[:7])
    dues += [
        DuesMonth(member=code, month=month, due_fen=due, paid_fen=0, paid_date=None)
        for code, month, due in owed_without_record(book, start[:7], end[:7], through=through)
    ]
    dues = _with_reversed(book, dues, start[:7], end[:7])
    claims = [
        Claim(
            member=r["code"],
            date=r["date"],
            item=r["item"],
            points=Decimal(r["points"]),
            reason=r["reason"],
            status=r["status"],
            above=r["above"] or "",
        )
        for r in db.query(
            """select m.code, c.*, (select a.decision from approvals a where a.claim_id = c.id
                                     order by a.date desc, a.id desc limit 1) as above
               from claims c join members m on m.id = c.member_id
               where c.date between ? and ?""",
            [f"{year:04d}-01-01", end],
        )
    ]
    appraisals = [
        Appraisal(
            year=r["year"],
            round=r["round"],
            kind=r["kind"],
            member=r["code"],
            grade=r["grade"],
            graded_by=r.get("graded_by") or "",  # a file older than schema 18 has neither
            date=r.get("date"),
        )
        for r in db.query(
            """select m.code, a.* from appraisals a join members m on m.id = a.member_id
               where a.year = ? and a.id not in (select target_id from withdrawals
                                                 where target = 'appraisals')""",
            [year],
        )
    ]
    vetoes = [
        Veto(
            member=r["code"],
            date=r["date"],
            reason=r["reason"],
            confirmed_by=r["decided_by"],
            kind=r["kind"] or None,
        )
        # A withdrawn decision (desktop/book/year_end.py) no longer has effects.
        for r in db.query(
            """select m.code, v.* from vetoes v join members m on m.id = v.member_id
               where v.date between ? and ? and v.id not in (select target_id from withdrawals
                                                              where target = 'vetoes')""",
            [start, end],
        )
    ]
    corrections = [
        Correction(
            member=r["code"],
            date=r["date"],
            item=r["item"],
            points=Decimal(r["points"]),
            reason=r["reason"],
            refers_to=r["refers_to"],
        )
        for r in db.query(
            """select m.code, c.* from corrections c join members m on m.id = c.member_id
               where c.date between ? and ?""",
            [f"{year:04d}-01-01", end],
        )
    ]
    from desktop.book.points_start import start_day

    first = start_day(book)
    if first and first > f"{year - 1:04d}-07-01":
        # Nothing before the book kept points counts (issue 14): no facts, no owed months.
        dated = {a.code for a in activities if a.date < first}
        activities = [a for a in activities if a.date >= first]
        attendance = [t for t in attendance if t.activity not in dated]
        dues = [d for d in dues if d.month >= first[:7]]
        claims = [c for c in claims if c.date >= first]
        corrections = [c for c in corrections if c.date >= first]
    facts = YearFacts.of(
        members, activities, attendance, dues, claims, appraisals, vetoes, corrections
    )
    return replace(facts, start=first) if first else facts


def _as_of(year: int, today: date | None) -> str | None:
    """Judge a running year only up to today (dues not yet due are not 'unpaid')."""
    today = today or date.today()
    return today.isoformat() if today.year == year else None


def years_scored(book: Book) -> tuple[int, int]:
    """(first, last) year the book can be scored for: from its earliest fact or scheme to its
    working year. Scoring a year outside it would give everyone full marks from no facts."""
    from desktop.book.years import years_held

    current = book.current_year
    found = [y for y in years_held(book) if y]
    # Imported dues, claims and appraisals may reach further back than activities do.
    for sql in (
        "select min(cast(substr(month, 1, 4) as integer)) from dues_payments",
        "select min(cast(substr(date, 1, 4) as integer)) from claims",
        "select min(year) from appraisals",
    ):
        row = book.execute(sql).fetchone()
        if row and row[0]:
            found.append(int(row[0]))
    return min([current, *found]), current


def check_year_scored(
    book: Book, year: int, *, cannot: str | None = None, option: str = ""
) -> None:
    """Refuse a year the book holds nothing for (before its first year, after its working year).

    `cannot` says what cannot be done (default: 不能计算 Y 年的积分), `option` how the year is
    chosen (e.g. （--year）)."""
    if year == book.current_year:
        return
    first, last = years_scored(book)
    if first <= year <= last:
        return
    held = f"{first} 年" if first == last else f"{first} 年至 {last} 年"
    raise InputRefused(
        f"本账本没有 {year} 年的记录，{cannot or f'不能计算 {year} 年的积分'}。",
        [f"本账本有 {held}的记录，请选择其中的一年{option}。"],
    )


def previous_followups(book: Book, year: int) -> dict[str, set[str]]:
    """Last year's follow-up names per member code, for 「连续两年」 (`when = "repeated"`).

    Only when this year's scheme has such a follow-up and the book holds the previous year
    (a book started this year knows nothing of last year: nobody is flagged twice running).
    Last year is scored by its own scheme, as it ended."""
    scheme = year_scheme(book, year)
    if not any(f.when == "repeated" for f in scheme.followups):
        return {}
    first, _last = years_scored(book)
    if year - 1 < first:
        return {}
    last = year_scheme(book, year - 1)
    result = score(last, gather_facts(book, year - 1), year - 1, None, explain=False)
    return {
        m.code: {f.name for f in m.flags if f.kind == "followup"}
        for m in result.members
        if any(f.kind == "followup" for f in m.flags)
    }


def check_window(
    quarter: int | None = None, half: int | None = None, month: int | None = None
) -> None:
    """Refuse a window that is not one: a quarter 1–4, a half 1–2, a month 1–12, one at most."""
    given = [w for w in (quarter, half, month) if w is not None]
    if len(given) > 1:
        raise InputRefused("季度、半年、月份只能选一个。")
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise InputRefused(f"季度应为 1 到 4，不是 {quarter}。")
    if half is not None and half not in (1, 2):
        raise InputRefused(f"半年应为 1（上半年）或 2（下半年），不是 {half}。")
    if month is not None and not 1 <= month <= 12:
        raise InputRefused(f"月份应为 1 到 12，不是 {month}。")


def score_book(
    book: Book,
    year: int,
    quarter: int | None = None,
    *,
    half: int | None = None,
    month: int | None = None,
    today: date | None = None,
    explain: bool | Collection[str] = True,
) -> ScoreResult:
    """Score `year` (or one quarter, half or month: the scheme's own cycle — 量化定级 月度评议,
    星级评定 半年一次). `explain` may name the member codes whose explanation lines are wanted
    (the numbers are the same either way; lines for everyone cost time)."""
    check_window(quarter, half, month)
    check_year_scored(book, year)
    scheme = year_scheme(book, year)
    whole = quarter is None and half is None and month is None
    return score(
        scheme,
        gather_facts(book, year),
        year,
        quarter,
        half=half,
        month=month,
        as_of=_as_of(year, today),
        explain=explain,
        previous_flags=previous_followups(book, year) if whole else None,
    )


def rate_book(
    book: Book,
    year: int,
    quarter: int | None = None,
    *,
    half: int | None = None,
    month: int | None = None,
    today: date | None = None,
) -> RatingResult:
    """Stars and grades for `year`, or for one quarter / half / month when the scheme rates
    by that period."""
    check_year_scored(book, year)
    scheme = year_scheme(book, year)
    if scheme.rating is None:
        raise InputRefused(f"{year} 年的积分方案“{scheme.title}”没有评星定级的规则。")
    check_window(quarter, half, month)
    facts = gather_facts(book, year)
    result = score(
        scheme,
        facts,
        year,
        quarter,
        half=half,
        month=month,
        as_of=_as_of(year, today),
        explain=False,
    )
    return rate(scheme, result)


def self_test_check(book: Book, folder: Any) -> str:
    """Used by `pioneer --self-test`: scoring the demo year must work end to end."""
    result = score_book(book, book.current_year)
    return f"计分：{len(result.members)} 人（方案 {result.scheme_id}）"
