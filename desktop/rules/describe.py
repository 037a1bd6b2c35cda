"""A scheme in plain Chinese, for the scheme screen and `pioneer scheme show --readable`."""

from __future__ import annotations

from decimal import Decimal

from desktop.rules.facts import ACTIVITY_TYPES, ATTENDANCE_STATUSES, MEMBER_STATUSES
from desktop.rules.scheme import (
    DUES_KINDS,
    PERIOD_WORDS,
    ROUNDINGS,
    VETO_EFFECTS,
    Item,
    Scheme,
    Section,
    fmt_points,
)

_OPS = {">": "高于", ">=": "达到", "<": "低于", "<=": "不高于"}


def _pts(value: Decimal) -> str:
    return (
        f"加{fmt_points(value)}分"
        if value > 0
        else f"扣{fmt_points(-value)}分"
        if value < 0
        else "不扣分"
    )


def describe_item(item: Item) -> str:
    """One item as a sentence, e.g. 因私请假：每年第1–4次每次扣1分，第5次起每次扣2分。"""
    per = PERIOD_WORDS[item.per]
    if item.source == "attendance":
        types = [t for t in ACTIVITY_TYPES if t in item.activity_types]
        statuses = [t for t in ATTENDANCE_STATUSES if t in item.statuses]
        what = f"{'、'.join(types)}签到为{'、'.join(statuses)}"
    elif item.source == "dues":
        what = "党费" + "、".join(DUES_KINDS[k] for k in sorted(item.dues)) + "（按月）"
    elif item.source == "claim":
        what = "积分申报，经支委会审定"
    else:
        what = f"{item.kind}等次"
    if item.tiers:
        parts = []
        for t in item.tiers:
            span = (
                f"第{t.start}次起"
                if t.end is None
                else (f"第{t.start}次" if t.start == t.end else f"第{t.start}–{t.end}次")
            )
            parts.append(f"{span}每次{_pts(t.points)}")
        rule = f"每{per}" + "，".join(parts)
    elif item.source == "appraisal" and item.grades:
        rule = "、".join(f"{g}{fmt_points(v)}分" for g, v in item.grades.items())
        rule += f"（每{PERIOD_WORDS[item.round_period]}一轮）"
    elif item.points is not None:
        rule = f"每次{_pts(item.points)}"
    elif item.range is not None:
        lo, hi = item.range
        rule = f"每次{fmt_points(lo)}至{fmt_points(hi)}分"
    else:
        rule = ""
    text = f"{item.name}：{what}；{rule}"
    if item.cap is not None:
        text += f"；每{per}最多计{fmt_points(item.cap)}分"
    return text + "。"


def describe_section(section: Section) -> list[str]:
    if section.mode == "deduct":
        head = f"{section.name}（{fmt_points(section.max)}分，从满分扣减，扣完为止）"
    elif section.mode == "accumulate":
        cap = "上不封顶" if not section.capped else f"最高{fmt_points(section.max)}分"
        head = f"{section.name}（{fmt_points(section.max)}分，从零累加，{cap}）"
    else:
        head = f"{section.name}（加减分，不计入满分）"
    if section.period != "year":
        how = "各期取平均" if section.combine == "average" else "各期相加"
        head += f"：每{PERIOD_WORDS[section.period]}计分，{how}"
    lines = [head]
    lines.extend(f"  · {describe_item(i)}" for i in section.items)
    for p in section.pools:
        names = "、".join(i.name for i in section.items if i.id in p.items)
        lines.append(
            f"  · {p.name}：{names}合计每{PERIOD_WORDS[p.per]}最多计{fmt_points(p.cap)}分。"
        )
    return lines


def describe_scheme(scheme: Scheme) -> list[str]:
    """The whole scheme as readable Chinese lines."""
    out = [scheme.title, f"依据：{scheme.source}" if scheme.source else ""]
    out.append(f"总分{fmt_points(scheme.total)}分；积分周期：{PERIOD_WORDS[scheme.period]}。")
    who = scheme.who
    scored = [s for s in MEMBER_STATUSES if s in who.scored]
    rated = [s for s in MEMBER_STATUSES if s in who.rated]
    out.append(f"参加积分：{'、'.join(scored)}；参加评定：{'、'.join(rated)}。")
    not_rated = []
    if not who.rate_leaders:
        not_rated.append("党员领导干部")
    if not who.rate_joined_this_year:
        not_rated.append("当年新发展党员")
    if not who.rate_transferred_in_this_year:
        not_rated.append("当年新转入党员")
    if not_rated:
        out.append("纳入积分管理但不参加评定：" + "、".join(not_rated) + "。")
    out.append("经批准免考的党员" + ("仍计分。" if who.score_exempt else "不参加积分管理。"))
    for section in scheme.sections:
        out.extend(describe_section(section))
    if scheme.rating:
        r = scheme.rating
        out.append(f"评定（每{PERIOD_WORDS[r.per]}）：")
        for lv in r.levels:
            text = f"  · {fmt_points(lv.min)}分以上：{lv.label}"
            if lv.quota is not None:
                text += (
                    f"，不超过参评人数的{fmt_points(lv.quota * 100)}%（{ROUNDINGS[r.rounding]}）"
                )
            if lv.small_branch_below:
                text += f"；参评不足{lv.small_branch_below}人的可评{lv.small_branch_count}名"
            out.append(text)
        for e in r.eligibility:
            out.append(
                f"  · {e.reason or '、'.join(e.sections) + '低于' + fmt_points(e.below) + '分时受限'}"
            )
        out.append("  · 名额边界上同分并列、全部评上会超出名额时，并列者本档均不评，参加下一档。")
    out.append(f"一票否决：{VETO_EFFECTS[scheme.veto.effect]}（须经人确认）。")
    for k in scheme.veto.kinds:
        out.append(f"  · {k.name}：{VETO_EFFECTS[k.effect]}")
    for f in scheme.followups:
        if f.when == "total" and f.value is not None:
            cond = f"总分{_OPS[f.op]}{fmt_points(f.value)}分"
        elif f.when == "section" and f.value is not None:
            cond = f"{f.section}{_OPS[f.op]}{fmt_points(f.value)}分"
        elif f.when in ("top_share", "bottom_share") and f.share is not None:
            cond = f"排名{'前' if f.when == 'top_share' else '后'}{fmt_points(f.share * 100)}%"
        elif f.when == "cleared":
            cond = "积分清零"
        else:
            cond = f"连续两年{f.of}"
        out.append(f"结果运用：{cond} → {f.name}" + (f"（{f.note}）" if f.note else ""))
    return [line for line in out if line]
