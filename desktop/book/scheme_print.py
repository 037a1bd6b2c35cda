"""The year's points scheme on paper (print kind `scheme`, `--year Y`, default the book's year).

`scheme_data` turns the scheme in force for the year — the stored one, else the book's default
preset, exactly what the 积分方案 screen shows — into plain strings for `paper/scheme.py`.
The wording is `rules/describe.py`'s, which the screen (`gui/scheme_view.py`) uses too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.scoring import (
    check_year_scored,
    scheme_frozen,
    scheme_stored,
    year_scheme_text,
)
from desktop.book.store import Book
from desktop.rules.describe import (
    TIES_TEXT,
    eligibility_text,
    followup_condition,
    item_cap_text,
    item_points_text,
    item_source_text,
    level_quota_text,
    pool_text,
    rating_intro,
    scheme_period_text,
    section_mode_text,
    section_period_text,
    total_bounds_text,
    veto_auto_conditions,
    who_lines,
)
from desktop.rules.scheme import VETO_EFFECTS, Scheme, SchemeError, fmt_points, load_scheme

_NUMBERS = "一二三四五六七八九十"


def _cn_number(n: int) -> str:
    """1 → 一, 12 → 十二 (section numbers (一)(二)… of official documents)."""
    if n <= 10:
        return _NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMBERS[tens - 1]) + "十" + (_NUMBERS[ones - 1] if ones else "")


def _general(scheme: Scheme) -> list[str]:
    """总则: totals, period, bounds, who takes part, publicity."""
    bounds = total_bounds_text(scheme)
    lines = [
        f"积分满分{fmt_points(scheme.total)}分，{scheme_period_text(scheme)}"
        + (f"；{bounds}" if bounds else "")
        + "。",
        *who_lines(scheme),
    ]
    days = "个工作日" if scheme.publicity_working_days else "天"
    every = {"quarter": "每季度", "month": "每月", "half": "每半年"}[scheme.review_cycle]
    lines.append(
        f"积分结果{every}经支部委员会审定后公示，公示期不少于{scheme.publicity_days}{days}，"
        "公示期满、异议答复后确认。"
        if scheme.review_cycle != "quarter"
        else f"积分结果经支部委员会审定后公示，公示期不少于{scheme.publicity_days}{days}。"
    )
    return lines


def _sections(scheme: Scheme) -> list[dict[str, Any]]:
    out = []
    for number, s in enumerate(scheme.sections, start=1):
        items = []
        for item in s.items:
            items.append(
                {
                    "name": item.name,
                    "note": item.note,
                    "source": item_source_text(item),
                    "points": item_points_text(item),
                    "cap": item_cap_text(item),
                }
            )
        pools = [pool_text(s, p) for p in s.pools]
        out.append(
            {
                "heading": f"（{_cn_number(number)}）{s.name}"
                + ("（不计入满分）" if s.mode == "adjust" else f"（{fmt_points(s.max)}分）"),
                "name": s.name,
                "full": "—" if s.mode == "adjust" else f"{fmt_points(s.max)}分",
                "mode": section_mode_text(s),
                "period": section_period_text(s),
                "items": items,
                "pools": pools,
                "note": s.note,
            }
        )
    return out


def _rating(scheme: Scheme) -> dict[str, Any] | None:
    rating = scheme.rating
    if rating is None:
        return None
    levels = [
        [f"{fmt_points(lv.min)}分及以上", lv.label, level_quota_text(lv, rating)]
        for lv in rating.levels
    ]
    eligibility = [
        eligibility_text(e) + (f"\n{e.reason}" if e.reason else "") for e in rating.eligibility
    ]
    return {
        "intro": rating_intro(rating),
        "levels": levels,
        "ties": TIES_TEXT,
        "eligibility": eligibility,
        "note": rating.note,
    }


def _veto(scheme: Scheme) -> list[str]:
    veto = scheme.veto
    lines = [f"有一票否决情形的党员：{VETO_EFFECTS[veto.effect]}。否决由支部委员会确认并写明理由。"]
    auto = veto_auto_conditions(veto)
    if auto:
        lines.append("；".join(auto) + "的，由积分记录提示，经支部委员会确认。")
    lines += [f"{k.name}：{VETO_EFFECTS[k.effect]}。" for k in scheme.veto.kinds]
    return lines


def check_year_printable(book: Book, year: int) -> None:
    """A year the book holds, or one whose scheme has already been stored (next year's, say)."""
    if scheme_stored(book, year):
        return
    check_year_scored(
        book,
        year,
        cannot=f"也没有为 {year} 年保存积分方案，无法打印该年的积分方案",
        option="（--year）",
    )


def scheme_data(book: Book, year: int, *, today: date | None = None) -> dict[str, Any]:
    """The scheme in force for `year` as plain strings for `paper.scheme.write_scheme`."""
    check_year_printable(book, year)
    scheme_id, text = year_scheme_text(book, year)
    try:
        scheme = load_scheme(text)
    except SchemeError as exc:
        raise InputRefused(
            f"{year} 年的积分方案有错误，无法打印。",
            [
                *exc.problems,
                "请在“积分方案”页面用“更换方案…”选一个自带方案，或导入一个正确的方案文件。",
            ],
        ) from exc
    branch = book.branch()["name"]
    notices = []
    if not scheme_stored(book, year):
        # Paper must not pass the default for a scheme the branch adopted.
        notices.append(
            f"{year}年还没有保存积分方案，以下是计分时将会使用的账本默认方案。"
            "支部确定方案后请重新打印。"
        )
    if scheme_frozen(book, year):
        notices.append(f"本办法已用于确认{year}年度的积分，本年度内不再修改。")
    return {
        "branch": branch,
        "year": year,
        "title": f"{year}年度党员积分管理办法",
        "scheme_id": scheme_id,
        "scheme_title": scheme.title,
        "source": scheme.source,
        "note": scheme.note,
        "notices": notices,
        "general": _general(scheme),
        "sections": _sections(scheme),
        "rating": _rating(scheme),
        "veto": _veto(scheme),
        "followups": [[followup_condition(f, scheme), f.name, f.note] for f in scheme.followups],
        "printed_on": (today or date.today()).isoformat(),
    }


def _scheme(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.scheme import write_scheme

    year = int(opts.get("year") or book.current_year)
    today = opts.get("today")
    if isinstance(today, str) and today:
        today = date.fromisoformat(today)
    write_scheme(out, scheme_data(book, year, today=today or None))


SCHEME_KINDS = {"scheme": ("积分方案", _scheme)}
