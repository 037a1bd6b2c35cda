"""A scheme in plain Chinese, for the scheme screen and `pioneer scheme show --readable`."""

from __future__ import annotations

from decimal import Decimal

from desktop.rules.facts import ACTIVITY_TYPES, ATTENDANCE_STATUSES, MEMBER_STATUSES
from desktop.rules.scheme import (
    DUES_KINDS,
    PERIOD_WORDS,
    ROUNDINGS,
    STAR_WORDS,
    VETO_EFFECTS,
    Eligibility,
    FollowUp,
    Item,
    Level,
    Pool,
    Rating,
    Scheme,
    Section,
    VetoRules,
    fmt_points,
)

_OPS = {">": "高于", ">=": "达到", "<": "低于", "<=": "不高于"}

# --- plain-text pieces shared by the 积分方案 screen (gui/scheme_view.py), the printed scheme
# (book/scheme_print.py) and the lines below, so that screen and paper say the same thing.

#: What happens at a quota's edge when tied members would overfill it.
TIES_TEXT = "名额边界上同分的党员如果全部评上会超出名额，这些同分者本档都不评，参加下一档评定。"


def points_word(value: Decimal) -> str:
    """扣2分 / 加3分 / 不扣分 — how the plans themselves write points."""
    if value > 0:
        return f"加{fmt_points(value)}分"
    if value < 0:
        return f"扣{fmt_points(-value)}分"
    return "不扣分"


def tier_span(start: int, end: int | None) -> str:
    """第3次起 / 第2次 / 第1–4次."""
    if end is None:
        return f"第{start}次起"
    return f"第{start}次" if start == end else f"第{start}–{end}次"


def scheme_period_text(scheme: Scheme) -> str:
    if scheme.period == "year":
        return "按年度计分"
    how = "各期取平均" if scheme.combine == "average" else "各期相加"
    if scheme.combine == "average" and scheme.partial_year == "all":
        how = "各期之和÷全部期数（年中转入、离开的党员不在本支部的期记0分）"
    return f"每{PERIOD_WORDS[scheme.period]}计分，{how}得出年度积分"


def total_bounds_text(scheme: Scheme) -> str:
    """年度总分最低0分，最高120分 (empty when unbounded)."""
    bounds = []
    if scheme.total_floor is not None:
        bounds.append(f"年度总分最低{fmt_points(scheme.total_floor)}分")
    if scheme.total_cap is not None:
        bounds.append(f"最高{fmt_points(scheme.total_cap)}分")
    return "，".join(bounds)


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
    """What facts feed the item (how it is counted); lines split by newlines."""
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
    """Points per occurrence, tiers (last line: when counting restarts), claim range or grade
    points; lines split by newlines."""
    each = "每月" if item.source == "dues" else "每次"
    if item.tiers:
        parts = [f"{tier_span(t.start, t.end)}{each}{points_word(t.points)}" for t in item.tiers]
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


def pool_text(section: Section, pool: Pool) -> str:
    names = "、".join(i.name for i in section.items if i.id in pool.items)
    return f"{pool.name}：{names}合计每{PERIOD_WORDS[pool.per]}最多计{fmt_points(pool.cap)}分。"


def who_lines(scheme: Scheme) -> list[str]:
    """Who is scored and rated, who is not, exempt and mobile members, the dues grace days."""
    who = scheme.who
    scored = "、".join(s for s in MEMBER_STATUSES if s in who.scored) or "（无）"
    rated = "、".join(s for s in MEMBER_STATUSES if s in who.rated) or "（无）"
    lines = [f"参加积分管理：{scored}；参加评星定级：{rated}。"]
    if who.employment:
        kinds = "、".join(sorted(who.employment))
        lines.append(f"只对党费类别为{kinds}的（在职）党员实行积分管理。")
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
        + ("仍参加民主评议、评定等次。" if who.appraise_exempt and not who.score_exempt else "")
    )
    mobile = []
    if scheme.mobile_in_province_per_quarter:
        mobile.append(f"省内每季度至少参加{scheme.mobile_in_province_per_quarter}次组织生活")
    if scheme.mobile_out_of_province_per_year:
        mobile.append(f"省外每年至少参加{scheme.mobile_out_of_province_per_year}次")
    if scheme.mobile_note:
        mobile.append(scheme.mobile_note)
    if mobile:
        lines.append("流动党员：" + "，".join(mobile) + "。")
    if scheme.dues_grace_days:
        lines.append(f"当月党费在月底后{scheme.dues_grace_days}天内交清的，算按时交纳。")
    lines.extend(ruling_lines(scheme))
    return lines


def ruling_lines(scheme: Scheme) -> list[str]:
    """上级审批, 民主评议按票数, 积分兑换 in plain words (empty when the scheme has none)."""
    out = []
    for a in scheme.approvals:
        what = "、".join(
            [f"{STAR_WORDS[s]}星级" for s in sorted(a.stars, reverse=True)] + sorted(a.grades)
        )
        by = "" if a.by in a.name else f"（{a.by}）"
        how = ""
        if a.vote:
            from desktop.rules.votes import VOTE_RULES

            quorum = "到会人数超过应到会人数的半数方可表决，" if a.quorum else ""
            how = f"（党员大会表决：{quorum}{VOTE_RULES[a.vote]}为通过）"
        if what:
            out.append(f"评定为{what}的，须{a.name}{by}{how}，批准前为“待审批”。")
        if a.items:
            names = "、".join(
                f"“{item.name}”" if (item := scheme.item(i)) else f"“{i}”" for i in sorted(a.items)
            )
            out.append(f"{names}的申报经支委会审定后，须{a.name}{by}{how}，批准后才计分。")
    b = scheme.ballots
    if b.thresholds or b.rule != "majority":
        parts = []
        for th in b.thresholds:
            word = "超过" if th.strict else "达到"
            worse = "及以下" if th.or_worse else ""
            parts.append(
                f"“{th.grade}”{worse}票{word}{fmt_points(th.share * 100)}%的评为“{th.grade}”"
            )
        if b.rule == "weighted":
            parts.append("其余按票折分取平均定等次")
        else:
            parts.append("其余按得票最多的等次（票数相同取较低等次）")
        out.append("民主评议按票数定等次：" + "；".join(parts) + "。")
    if b.combine is not None:
        c = b.combine
        parts = "、".join(f"{p.name}占{fmt_points(p.weight * 100)}%" for p in c.parts)
        worth = "、".join(f"{g}{fmt_points(v)}分" for g, v in c.points.items())
        lines = "，".join(f"{fmt_points(m)}分以上为“{g}”" for m, g in c.lines)
        scored = ""
        if c.item is not None:
            item = next((i for s in scheme.sections for i in s.items if i.id == c.item), None)
            scored = f"“{item.name if item else c.item}”按综合评定的等次计分。"
        out.append(f"民主评议综合评定：{parts}；各等次折分{worth}；加权后{lines}。{scored}")
    if scheme.exchange_note is not None:
        note = f"：{scheme.exchange_note}" if scheme.exchange_note else ""
        out.append(f"开展积分兑换{note}；兑换不改变积分，以当年积分为限。")
    return out


def rating_intro(rating: Rating) -> str:
    return (
        f"每{PERIOD_WORDS[rating.per]}评定一次。名额按{_base(rating)}乘比例计算，"
        f"{ROUNDINGS[rating.rounding]}。"
    )


def _base(rating: Rating | None) -> str:
    return "党员总数" if rating is not None and rating.quota_base == "members" else "参评人数"


def level_quota_text(level: Level, rating: Rating | None = None) -> str:
    quota = "不限人数"
    if level.quota is not None:
        quota = f"不超过{_base(rating)}的{fmt_points(level.quota * 100)}%"
    if level.small_branch_below:
        quota += f"；参评不足{level.small_branch_below}人的支部可评{level.small_branch_count}名"
    return quota


def eligibility_text(e: Eligibility) -> str:
    """12、13合计低于10分的，最多评3星级。 (the reason, if any, is said apart)"""
    limits = []
    if e.max_stars is not None:
        limits.append("不评星" if e.max_stars == 0 else f"最多评{e.max_stars}星级")
    if e.deny_grades:
        limits.append("不得评为" + "、".join(sorted(e.deny_grades)))
    return f"{'、'.join(e.sections)}合计低于{fmt_points(e.below)}分的，{'，'.join(limits)}。"


def veto_auto_conditions(veto: VetoRules) -> list[str]:
    """The conditions the records flag for a 一票否决 (a person still decides)."""
    auto = []
    if veto.no_party_life_months:
        auto.append(f"连续{veto.no_party_life_months}个月不参加党的组织生活")
    if veto.no_dues_months:
        auto.append(f"连续{veto.no_dues_months}个月不交纳党费")
    return auto


def followup_condition(f: FollowUp, scheme: Scheme | None = None) -> str:
    op = _OPS.get(f.op, "低于")
    if f.when == "total" and f.value is not None:
        text = f"年度总分{op}{fmt_points(f.value)}分"
    elif f.when == "section" and f.value is not None:
        text = f"「{f.section}」{op}{fmt_points(f.value)}分"
    elif f.when in ("top_share", "bottom_share") and f.share is not None:
        text = f"排名{'前' if f.when == 'top_share' else '后'}{fmt_points(f.share * 100)}%"
    elif f.when in ("top_count", "bottom_count") and f.count:
        text = f"排名{'前' if f.when == 'top_count' else '后'}{f.count}名"
    elif f.when == "cleared":
        text = "积分清零"
    elif f.when == "band":
        low = f"{fmt_points(f.low)}分（含）" if f.low is not None else ""
        high = f"{fmt_points(f.below)}分（不含）" if f.below is not None else ""
        text = (
            f"总分{low}至{high}"
            if low and high
            else f"总分{'不低于' + low if low else '低于' + high}"
        )
    elif f.when == "stars":
        words = "、".join(f"{STAR_WORDS[s]}星级" for s in sorted(f.stars, reverse=True))
        text = f"评定为{words}"
    elif f.when == "grade":
        text = f"评定为{'、'.join(f'“{g}”' for g in sorted(f.grades))}"
    else:
        text = f"连续两年“{f.of}”"
    if f.periods > 1:
        unit = "个" + PERIOD_WORDS[scheme.period] if scheme is not None else "期"
        text = f"连续{f.periods}{unit}{text}"
    if f.requires_clean_section:
        text += f"，且「{f.requires_clean_section}」没有扣分"
    if f.requires_clean_items:
        names = [
            (scheme.item(i).name if scheme is not None and scheme.item(i) else i)  # type: ignore[union-attr]
            for i in f.requires_clean_items
        ]
        text += "，且以下项目没有扣分：" + "".join(f"「{n}」" for n in names)
    return text


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
            parts.append(f"{tier_span(t.start, t.end)}每次{points_word(t.points)}")
        rule = f"每{per}" + "，".join(parts)
    elif item.source == "appraisal" and item.grades:
        rule = "、".join(f"{g}{fmt_points(v)}分" for g, v in item.grades.items())
        rule += f"（每{PERIOD_WORDS[item.round_period]}一轮）"
    elif item.points is not None:
        rule = f"每次{points_word(item.points)}"
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
    lines.extend(f"  · {pool_text(section, p)}" for p in section.pools)
    return lines


def describe_scheme(scheme: Scheme) -> list[str]:
    """The whole scheme as readable Chinese lines."""
    out = [scheme.title, f"依据：{scheme.source}" if scheme.source else ""]
    out.append(f"总分{fmt_points(scheme.total)}分；积分周期：{PERIOD_WORDS[scheme.period]}。")
    out.extend(who_lines(scheme))
    for section in scheme.sections:
        out.extend(describe_section(section))
    if scheme.rating:
        r = scheme.rating
        out.append(f"评定（每{PERIOD_WORDS[r.per]}）：")
        for lv in r.levels:
            text = f"  · {fmt_points(lv.min)}分以上：{lv.label}"
            if lv.quota is not None:
                text += (
                    f"，不超过{_base(r)}的{fmt_points(lv.quota * 100)}%（{ROUNDINGS[r.rounding]}）"
                )
            if lv.small_branch_below:
                text += f"；参评不足{lv.small_branch_below}人的可评{lv.small_branch_count}名"
            out.append(text)
        for e in r.eligibility:
            out.append(f"  · {e.reason or eligibility_text(e)}")
        out.append("  · 名额边界上同分并列、全部评上会超出名额时，并列者本档均不评，参加下一档。")
    out.append(f"一票否决：{VETO_EFFECTS[scheme.veto.effect]}（须经人确认）。")
    for k in scheme.veto.kinds:
        out.append(f"  · {k.name}：{VETO_EFFECTS[k.effect]}")
    for f in scheme.followups:
        cond = followup_condition(f, scheme)
        out.append(f"结果运用：{cond} → {f.name}" + (f"（{f.note}）" if f.note else ""))
    return [line for line in out if line]
