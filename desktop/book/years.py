"""The book's working year, and moving on to a new one (进入新年度).

A book is kept for years: activities, dues and quarters of earlier years stay where they are
and can still be finished (Q4 is usually published and confirmed in January). What changes at
the turn of the year is the year the screens open on, and the scheme the new year is scored by,
which the branch either carries over from last year or picks afresh from the presets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book
from desktop.rules.scheme import SchemeError, load_scheme

# How a new year's scheme is chosen.
CARRY_OVER = "carry-over"


@dataclass
class YearPlan:
    """What moving to `to_year` will do, shown before the user agrees."""

    from_year: int
    to_year: int
    scheme_choice: str  # CARRY_OVER or a preset id
    scheme_title: str
    scheme_stored: bool  # the new year already has a scheme (chosen earlier on the scheme screen)
    unfinished: list[str] = field(default_factory=list)  # what the old year still has open

    def as_dict(self) -> dict[str, Any]:
        return {
            "from_year": self.from_year,
            "to_year": self.to_year,
            "scheme": self.scheme_choice,
            "scheme_title": self.scheme_title,
            "scheme_stored": self.scheme_stored,
            "unfinished": list(self.unfinished),
        }


def years_held(book: Book) -> list[int]:
    """Every year the book has anything for, oldest first, up to the working year."""
    current = book.current_year
    found = {current}
    for sql in (
        "select year from schemes",
        "select distinct cast(substr(date, 1, 4) as integer) from activities",
        "select distinct year from periods",
    ):
        found.update(r[0] for r in book.execute(sql).fetchall() if r[0])
    return sorted(y for y in found if y <= current)


def latest_allowed(today: date) -> int:
    """The newest year a book may move to: this calendar year, or next year from December on
    (so the plan, scheme and dues base can be prepared before New Year)."""
    return today.year + 1 if today.month == 12 else today.year


def _check_target(book: Book, to_year: int, today: date) -> None:
    current = book.current_year
    if to_year <= current:
        raise InputRefused(
            f"账本的当前年度已是 {current} 年，不能进入 {to_year} 年。",
            ["进入新年度只能往后；查看以前年度的记录，请在各页面的“年度”中选择。"],
        )
    latest = latest_allowed(today)
    if to_year > latest:
        # From 1 December of the year before, the new year may be prepared.
        opens = date(to_year - 1, 12, 1)
        raise InputRefused(
            f"现在是 {today.isoformat()}，还不能进入 {to_year} 年度。",
            [
                f"{opens.isoformat()} 起可以进入 {to_year} 年度（每年 12 月起可以提前进入下一年度）。"
            ],
        )


def _carry_over_text(book: Book, from_year: int) -> tuple[str, str, str]:
    """(scheme id, TOML text, title) of the scheme last year was scored by."""
    from desktop.book.scoring import year_scheme_text

    scheme_id, text = year_scheme_text(book, from_year)
    try:
        title = load_scheme(text).title
    except SchemeError as exc:
        raise InputRefused(
            f"{from_year} 年的积分方案有错误，不能沿用到新年度。",
            [*exc.problems, "请改选一个预置方案。"],
        ) from exc
    return scheme_id, text, title


def _preset(scheme: str) -> tuple[str, str, str]:
    from desktop.rules.presets import list_presets, preset_text

    titles = dict(list_presets())
    if scheme not in titles:
        raise InputRefused(
            f"没有名为“{scheme}”的预置方案。",
            [f"可选：{'、'.join(titles)}；或用 {CARRY_OVER} 沿用上一年度的方案。"],
        )
    return scheme, preset_text(scheme), titles[scheme]


def unfinished_business(book: Book, year: int, *, today: date | None = None) -> list[str]:
    """What `year` still has open: quarters not confirmed, claims and objections undecided,
    民主评议 results missing. None of it blocks the new year — it can be finished afterwards —
    but the user should know."""
    from desktop.book.quarter import appraisal_gap_text, year_status

    out: list[str] = []
    quarters = year_status(book, year, today=today)
    for q in quarters:
        # Periods before a mid-year start have no points: nothing to confirm.
        if q["state"] != "confirmed" and not q.get("not_scored"):
            out.append(f"{q['label']}：{q['state_text']}，尚未确认。")
    if quarters[-1]["state"] != "confirmed":
        # Confirming Q4 locks the year's 民主评议, so they are due before it.
        missing = quarters[-1].get("appraisals_missing") or appraisal_gap_text(book, year)
        if missing:
            out.append(
                f"{missing}：请在“年度评定”页面录入民主评议（命令行：pioneer appraisal add），"
                f"再确认{quarters[-1].get('number_text') or '第4季度'}。"
            )
    pending = book.execute(
        "select count(*) from claims where status in ('申报', '初评') and date like ?",
        [f"{year:04d}-%"],
    ).fetchone()[0]
    if pending:
        out.append(f"{year} 年还有 {pending} 条积分申报没有审定或驳回。")
    open_objections = book.execute(
        """select count(*) from objections o join periods p on p.id = o.period_id
           where o.status = 'open' and p.year = ?""",
        [year],
    ).fetchone()[0]
    if open_objections:
        out.append(f"{year} 年还有 {open_objections} 条异议没有答复。")
    return out


def open_business(book: Book, *, today: date | None = None) -> list[str]:
    """What the working year and, until it is finished, last year still have open (Q4 is
    usually finished in January)."""
    held = years_held(book)
    current = book.current_year
    return [
        line
        for year in (current - 1, current)
        if year in held
        for line in unfinished_business(book, year, today=today)
    ]


def plan_new_year(
    book: Book, to_year: int | None = None, *, scheme: str = CARRY_OVER, today: date | None = None
) -> YearPlan:
    """Check that the book can move to `to_year` (default: the next year) and say what will
    happen. Raises InputRefused, writing nothing, when it can't."""
    today = today or date.today()
    from_year = book.current_year
    to_year = to_year or from_year + 1
    _check_target(book, to_year, today)
    stored = book.execute(
        "select scheme_id, text from schemes where year = ?", [to_year]
    ).fetchone()
    if stored and scheme == CARRY_OVER:
        # A scheme chosen for the new year ahead of time wins over carrying the old one over.
        title = load_scheme(stored[1]).title
    elif scheme == CARRY_OVER:
        title = _carry_over_text(book, from_year)[2]
    else:
        title = _preset(scheme)[2]
    return YearPlan(
        from_year=from_year,
        to_year=to_year,
        scheme_choice=scheme,
        scheme_title=title,
        scheme_stored=bool(stored),
        unfinished=unfinished_business(book, from_year, today=today),
    )


def start_new_year(
    book: Book, to_year: int | None = None, *, scheme: str = CARRY_OVER, today: date | None = None
) -> YearPlan:
    """进入新年度: store the new year's scheme and make it the book's working year, in one
    action (journalled). The old year's records are untouched and stay reachable."""
    from desktop.book.backup import backup_book

    plan = plan_new_year(book, to_year, scheme=scheme, today=today)
    backup_book(book, reason="进入新年度前")
    if scheme == CARRY_OVER:
        scheme_id, text, _ = (
            (None, None, None) if plan.scheme_stored else _carry_over_text(book, plan.from_year)
        )
    else:
        scheme_id, text, _ = _preset(scheme)
    summary = f"{plan.from_year} 年 → {plan.to_year} 年，积分方案：{plan.scheme_title}"
    with book.action("进入新年度", summary, scheme=scheme, unfinished=plan.unfinished):
        old = book.execute("select 1 from schemes where year = ?", [plan.from_year]).fetchone()
        if old is None:
            # Pin the scheme the old year was scored by, so a later change of the book's
            # default can never re-score a finished year.
            old_id, old_text, _ = _carry_over_text(book, plan.from_year)
            book.db["schemes"].insert(
                {"year": plan.from_year, "scheme_id": old_id, "text": old_text, "frozen_at": None}
            )
        if text is not None:
            book.db["schemes"].upsert(
                {"year": plan.to_year, "scheme_id": scheme_id, "text": text, "frozen_at": None},
                pk="year",
            )
        book.set_setting("current_year", str(plan.to_year))
    return plan


def quarter_to_open(book: Book, today: date | None = None) -> tuple[int, int]:
    """The period the 季度评议 screen should open on (a period of the year's review cycle:
    quarter, month or half-year): the latest one that is not confirmed — last year's while
    its periods are still being finished (Q4 is published in January), else the working
    year's period in publicity, else its latest period that is over and not confirmed (to
    publish), else the running one (where new claims go). Periods before the book kept
    points (points_start) need nothing and are passed over."""
    from desktop.book.periods import COUNT, cycle
    from desktop.book.quarter import settled_quarters
    from desktop.rules.periods import period_index

    today = today or date.today()
    year = book.current_year
    previous = year - 1
    started = book.execute("select 1 from periods where year = ? limit 1", [previous]).fetchone()
    if started:
        done = settled_quarters(book, previous)
        left = [q for q in range(1, COUNT[cycle(book, previous)] + 1) if q not in done]
        if left:
            return previous, left[-1]
    kind = cycle(book, year)
    # A period in publicity waits for its confirmation: that is the one to look at.
    public = book.execute(
        "select quarter from periods where year = ? and kind = ? and status = 'publicity' "
        "order by quarter",
        [year, kind],
    ).fetchone()
    if public:
        return year, public[0]
    done = settled_quarters(book, year)
    running = period_index(kind, today.month)
    if today.year > year:
        ended = list(range(1, COUNT[kind] + 1))
    elif today.year == year:
        ended = list(range(1, running))
    else:
        ended = []
    waiting = [q for q in ended if q not in done]
    if waiting:
        return year, waiting[-1]  # the latest period over and not yet confirmed
    if today.year != year:
        return year, COUNT[kind] if today.year > year else 1
    return year, running
