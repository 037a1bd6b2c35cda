"""Paper for the scheme's own cycle when it is not the quarter: `period-scores` — 党员积分
通报 for a month (`--month M`) or a half-year (`--half H`), from the same scoring as
`pioneer score --month/--half` (desktop/paper/period_scores.py lays it out)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused, MissingOption
from desktop.book.scoring import score_book, year_scheme
from desktop.book.store import Book
from desktop.rules.periods import PERIOD_MONTHS
from desktop.rules.scheme import PERIOD_WORDS, fmt_points


def period_scores_data(
    book: Book,
    year: int,
    *,
    month: int | None = None,
    half: int | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    result = score_book(book, year, half=half, month=month, today=today, explain=False)
    scheme = year_scheme(book, year)
    what = f"{month}月" if month else ("上半年" if half == 1 else "下半年")
    members = [m for m in result.members if m.scored]
    notes = []
    if result.as_of < result.window.end:
        notes.append(f"※ 本期尚未结束，积分统计截至 {result.as_of}，还会变化。")
    # Sections scored over a longer period (a year's 民主评议) count only in windows that
    # hold their whole period: say so rather than let a member wonder at a 0.
    span = 1 if month else 6
    longer = [s for s in scheme.sections if PERIOD_MONTHS[s.period] > span]
    if longer:
        names = "、".join(f"{s.name}（按{PERIOD_WORDS[s.period]}）" for s in longer)
        notes.append(
            f"※ {names}计分，不在本期通报之内（表中为“—”，合计不含），在其整期汇总时计入。"
        )
    notes.append(f"积分方案：{scheme.title}。")
    return {
        "branch": book.branch()["name"],
        "title": f"党员积分情况通报（{year}年{what}）",
        "period": f"{year}年{what}（{result.window.start} 至 {result.window.end}）",
        "sections": [s.name for s in scheme.sections],
        "members": [
            {
                "name": m.name,
                "group": m.group,
                # A section scored over a longer period shows "—": its month is no score.
                "sections": [
                    "—" if s in longer else fmt_points(m.sections.get(s.name, ZERO))
                    for s in scheme.sections
                ],
                "total": fmt_points(
                    sum(
                        (m.sections.get(s.name, ZERO) for s in scheme.sections if s not in longer),
                        ZERO,
                    )
                )
                if longer
                else fmt_points(m.total),
                "note": "；".join(
                    f.text.split("：")[0] for f in m.flags if f.kind in ("followup", "veto")
                ),
            }
            for m in members
        ],
        "notes": notes,
    }


def _period_scores(book: Book, out: Path, **opts: Any) -> None:
    month, half = opts.get("month"), opts.get("half")
    if opts.get("quarter"):
        raise InputRefused(
            "积分通报按月或按半年打印；季度的积分请打印 publicity 或 quarter-review。"
        )
    if not month and not half:
        raise MissingOption(
            "打印积分通报需要指明月份或半年。",
            ["请加上 --month 月份（1–12）或 --half 1/2。"],
            option="--month",
        )
    year = int(opts.get("year") or book.current_year)
    data = period_scores_data(book, year, month=month, half=half, today=opts.get("today"))
    from desktop.paper.period_scores import write_period_scores

    write_period_scores(out, data)


ZERO = Decimal(0)

PERIOD_KINDS = {"period-scores": ("党员积分情况通报（月度、半年）", _period_scores)}
