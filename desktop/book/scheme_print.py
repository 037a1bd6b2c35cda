"""The year's points scheme on paper (print kind `scheme`, `--year Y`, default the book's year).

`scheme_data` turns the scheme in force for the year — the stored one, else the book's default
preset, exactly what the 积分方案 screen shows — into plain strings for `paper/scheme.py`.
The wording follows the screen (`gui/scheme_view.py`), without its rich-text markup.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.scoring import scheme_frozen, scheme_stored, year_scheme_text, years_scored
from desktop.book.store import Book
from desktop.rules.facts import ACTIVITY_TYPES, ATTENDANCE_STATUSES, MEMBER_STATUSES
from desktop.rules.scheme import (
    DUES_KINDS,
    PERIOD_WORDS,
    ROUNDINGS,
    VETO_EFFECTS,
    FollowUp,
    Item,
    Scheme,
    SchemeError,
    Section,
    fmt_points,
    load_scheme,
)

_OPS = {">": "高于", ">=": "达到", "<": "低于", "<=": "不高于"}
_NUMBERS = "一二三四五六七八九十"


def _cn_number(n: int) -> str:
    """1 → 一, 12 → 十二 (section numbers (一)(二)… of official documents)."""
    if n <= 10:
        return _NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMBERS[tens - 1]) + "十" + (_NUMBERS[ones - 1] if ones else "")


def points_word(value: Any) -> str:
    """扣2分 / 加3分 / 不扣分 — how the plans themselves write points."""
    if value > 0:
        return f"加{fmt_points(value)}分"
    if value < 0:
        return f"扣{fmt_points(-value)}分"
    return "不扣分"


def section_mode_text(section: Section) -> str:
    if section.mode == "deduct":
        return "从满分扣减，扣完为止"
    if section.mode == "accumulate":
        if section.capped:
            return f"从零累加，最高{fmt_points(section.max)}分"
        return "从零累加，上不封顶"
    return "加减分，不计入满分"


def section_period_text(section: Section) -> str:
    if section.period == "year":
        return "按年度计分"
    how = "各期取平均" if section.combine == "average" else "各期相加"
    return f"每{PERIOD_WORDS[section.period]}计分，{how}"


def item_source_text(item: Item) -> str:
    """What facts feed the item (how it is counted)."""
    if item.source == "attendance":
        types = "、".join(t for t in ACTIVITY_TYPES if t in item.activity_types)
        statuses = "、".join(s for s in ATTENDANCE_STATUSES if s in item.statuses)
        return f"签到：{types}\n签到状态为{statuses}"
    if item.source == "dues":
        return "党费（按月）：" + "、".join(DUES_KINDS[k] for k in DUES_KINDS if k in item.dues)
    if item.source == "claim":
        return "积分申报，经支委会审定"
    return f"民主评议：{item.kind or ''}（每{PERIOD_WORDS[item.round_period]}一轮）"


def item_points_text(item: Item) -> str:
    """Points per occurrence, tiers, claim range or grade points."""
    each = "每月" if item.source == "dues" else "每次"
    if item.tiers:
        parts = []
        for t in item.tiers:
            if t.end is None:
                span = f"第{t.start}次起"
            elif t.start == t.end:
                span = f"第{t.start}次"
            else:
                span = f"第{t.start}–{t.end}次"
            parts.append(f"{span}{each}{points_word(t.points)}")
        return "\n".join(parts) + f"\n（每{PERIOD_WORDS[item.per]}重新计次）"
    if item.source == "appraisal" and item.grades:
        return "\n".join(f"{g} {fmt_points(v)}分" for g, v in item.grades.items())
    if item.points is not None:
        return f"{each}{points_word(item.points)}"
    if item.range is not None:
        lo, hi = item.range
        return f"每次申报{fmt_points(lo)}至{fmt_points(hi)}分"
    return ""


def item_cap_text(item: Item) -> str:
    if item.cap is None:
        return "不设上限"
    return f"每{PERIOD_WORDS[item.per]}最多{fmt_points(item.cap)}分"


def followup_condition(f: FollowUp) -> str:
    op = _OPS.get(f.op, "低于")
    if f.when == "total" and f.value is not None:
        text = f"年度总分{op}{fmt_points(f.value)}分"
    elif f.when == "section" and f.value is not None:
        text = f"「{f.section}」{op}{fmt_points(f.value)}分"
    elif f.when in ("top_share", "bottom_share") and f.share is not None:
        text = f"排名{'前' if f.when == 'top_share' else '后'}{fmt_points(f.share * 100)}%"
    elif f.when == "cleared":
        text = "积分清零"
    else:
        text = f"连续两年“{f.of}”"
    if f.requires_clean_section:
        text += f"，且「{f.requires_clean_section}」没有扣分"
    return text


def _general(scheme: Scheme) -> list[str]:
    """总则: totals, period, bounds, who takes part, publicity."""
    if scheme.period == "year":
        period = "按年度计分"
    else:
        how = "各期取平均" if scheme.combine == "average" else "各期相加"
        period = f"每{PERIOD_WORDS[scheme.period]}计分，{how}得出年度积分"
    bounds = []
    if scheme.total_floor is not None:
        bounds.append(f"年度总分最低{fmt_points(scheme.total_floor)}分")
    if scheme.total_cap is not None:
        bounds.append(f"最高{fmt_points(scheme.total_cap)}分")
    lines = [
        f"积分满分{fmt_points(scheme.total)}分，{period}"
        + (f"；{'，'.join(bounds)}" if bounds else "")
        + "。"
    ]
    who = scheme.who
    scored = "、".join(s for s in MEMBER_STATUSES if s in who.scored) or "（无）"
    rated = "、".join(s for s in MEMBER_STATUSES if s in who.rated) or "（无）"
    lines.append(f"参加积分管理：{scored}；参加评星定级：{rated}。")
    not_rated = []
    if not who.rate_leaders:
        not_rated.append("党员领导干部")
    if not who.rate_joined_this_year:
        not_rated.append("当年新发展的党员")
    if not who.rate_transferred_in_this_year:
        not_rated.append("当年从外单位转入的党员")
    if not_rated:
        lines.append("纳入积分管理但不参加评定：" + "、".join(not_rated) + "。")
    lines.append(
        "经批准免考的党员（年老体弱、患病等）"
        + ("仍然计分。" if who.score_exempt else "不参加积分管理。")
    )
    mobile = []
    if scheme.mobile_in_province_per_quarter:
        mobile.append(f"省内每季度至少参加{scheme.mobile_in_province_per_quarter}次组织生活")
    if scheme.mobile_out_of_province_per_year:
        mobile.append(f"省外每年至少参加{scheme.mobile_out_of_province_per_year}次")
    if mobile:
        lines.append("流动党员：" + "，".join(mobile) + "。")
    if scheme.dues_grace_days:
        lines.append(f"当月党费在月底后{scheme.dues_grace_days}天内交清的，算按时交纳。")
    days = "个工作日" if scheme.publicity_working_days else "天"
    lines.append(f"积分结果经支部委员会审定后公示，公示期不少于{scheme.publicity_days}{days}。")
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
        pools = [
            f"{p.name}："
            + "、".join(i.name for i in s.items if i.id in p.items)
            + f"合计每{PERIOD_WORDS[p.per]}最多计{fmt_points(p.cap)}分。"
            for p in s.pools
        ]
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
    levels = []
    for lv in rating.levels:
        quota = "不限人数"
        if lv.quota is not None:
            quota = f"不超过参评人数的{fmt_points(lv.quota * 100)}%"
        if lv.small_branch_below:
            quota += f"；参评不足{lv.small_branch_below}人的支部可评{lv.small_branch_count}名"
        levels.append([f"{fmt_points(lv.min)}分及以上", lv.label, quota])
    eligibility = []
    for e in rating.eligibility:
        limits = []
        if e.max_stars is not None:
            limits.append("不评星" if e.max_stars == 0 else f"最多评{e.max_stars}星级")
        if e.deny_grades:
            limits.append("不得评为" + "、".join(sorted(e.deny_grades)))
        text = f"{'、'.join(e.sections)}合计低于{fmt_points(e.below)}分的，{'，'.join(limits)}。"
        eligibility.append(text + (f"\n{e.reason}" if e.reason else ""))
    return {
        "intro": f"每{PERIOD_WORDS[rating.per]}评定一次。名额按参评人数乘比例计算，"
        f"{ROUNDINGS[rating.rounding]}。",
        "levels": levels,
        "ties": "名额边界上同分的党员如果全部评上会超出名额，这些同分者本档都不评，"
        "参加下一档评定。",
        "eligibility": eligibility,
        "note": rating.note,
    }


def _veto(scheme: Scheme) -> list[str]:
    veto = scheme.veto
    lines = [f"有一票否决情形的党员：{VETO_EFFECTS[veto.effect]}。否决由支部委员会确认并写明理由。"]
    auto = []
    if veto.no_party_life_months:
        auto.append(f"连续{veto.no_party_life_months}个月不参加党的组织生活")
    if veto.no_dues_months:
        auto.append(f"连续{veto.no_dues_months}个月不交纳党费")
    if auto:
        lines.append("；".join(auto) + "的，由积分记录提示，经支部委员会确认。")
    lines += [f"{k.name}：{VETO_EFFECTS[k.effect]}。" for k in scheme.veto.kinds]
    return lines


def check_year_printable(book: Book, year: int) -> None:
    """A year the book holds, or one whose scheme has already been stored (next year's, say)."""
    if scheme_stored(book, year):
        return
    first, last = years_scored(book)
    if first <= year <= last:
        return
    held = f"{first} 年" if first == last else f"{first} 年至 {last} 年"
    raise InputRefused(
        f"本账本没有 {year} 年的记录，也没有为 {year} 年保存积分方案，无法打印该年的积分方案。",
        [f"本账本有 {held}的记录，请选择其中的一年（--year）。"],
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
        notices.append(f"{year}年已有确认的积分结果，本方案已冻结，本年度不再更改。")
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
        "followups": [[followup_condition(f), f.name, f.note] for f in scheme.followups],
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
