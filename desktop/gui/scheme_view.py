"""A scheme as a readable Chinese page (rich text for a QTextBrowser).

Only presentation: every number comes from the validated `Scheme`; nothing is computed here
that the rules engine decides.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

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
_MUTED = "#5f5f5f"
_ACCENT = "#b3261e"

_CSS = """
h2 { font-size: 16pt; margin-bottom: 2px; }
h3 { font-size: 13pt; margin-top: 18px; margin-bottom: 4px; }
p { margin-top: 3px; margin-bottom: 3px; }
th { background: #f3ede7; font-weight: bold; text-align: left; }
td.num, th.num { text-align: right; }
.muted { color: #5f5f5f; }
"""


def _e(text: object) -> str:
    return escape(str(text))


def points_word(value: Decimal) -> str:
    """扣2分 / 加3分 / 不扣分 — how the plans themselves write points."""
    if value > 0:
        return f"加{fmt_points(value)}分"
    if value < 0:
        return f"扣{fmt_points(-value)}分"
    return "不扣分"


def signed(value: Decimal) -> str:
    """+3 / -0.5 / 0 (exact, no trailing zeros)."""
    text = fmt_points(value)
    return f"+{text}" if value > 0 else text


def _table(
    headers: list[str],
    rows: list[list[str]],
    numeric: frozenset[int] = frozenset(),
    widths: tuple[int, ...] = (),
) -> str:
    out = [
        '<table width="100%" cellspacing="0" cellpadding="6" border="1" '
        'style="border-collapse: collapse; border-color: #d9d2ca;">',
        "<tr>",
    ]
    for k, h in enumerate(headers):
        cls = ' class="num"' if k in numeric else ""
        width = f' width="{widths[k]}%"' if k < len(widths) else ""
        out.append(f"<th{cls}{width}>{h}</th>")
    out.append("</tr>")
    for row in rows:
        out.append("<tr>")
        for k, cell in enumerate(row):
            cls = ' class="num"' if k in numeric else ""
            out.append(f"<td{cls}>{cell}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


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
    """What facts feed the item."""
    if item.source == "attendance":
        types = "、".join(t for t in ACTIVITY_TYPES if t in item.activity_types)
        statuses = "、".join(s for s in ATTENDANCE_STATUSES if s in item.statuses)
        return f"签到：{_e(types)}<br>签到状态为<b>{_e(statuses)}</b>"
    if item.source == "dues":
        kinds = "、".join(DUES_KINDS[k] for k in DUES_KINDS if k in item.dues)
        return f"党费（按月）：<b>{_e(kinds)}</b>"
    if item.source == "claim":
        return "积分申报，经支委会审定"
    period = PERIOD_WORDS[item.round_period]
    return f"民主评议：{_e(item.kind or '')}（每{period}一轮）"


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
        return (
            "<br>".join(parts)
            + f'<br><span class="muted">（每{PERIOD_WORDS[item.per]}重新计次）</span>'
        )
    if item.source == "appraisal" and item.grades:
        return "；".join(f"{_e(g)} {fmt_points(v)}分" for g, v in item.grades.items())
    if item.points is not None:
        return f"{each}{points_word(item.points)}"
    if item.range is not None:
        lo, hi = item.range
        return f"每次申报 {fmt_points(lo)} 至 {fmt_points(hi)} 分"
    return ""


def item_cap_text(item: Item) -> str:
    if item.cap is None:
        return '<span class="muted">不设上限</span>'
    return f"每{PERIOD_WORDS[item.per]}最多{fmt_points(item.cap)}分"


def _who_html(scheme: Scheme) -> str:
    who = scheme.who
    scored = "、".join(s for s in MEMBER_STATUSES if s in who.scored) or "（无）"
    rated = "、".join(s for s in MEMBER_STATUSES if s in who.rated) or "（无）"
    lines = [f"参加积分：{_e(scored)}", f"参加评定：{_e(rated)}"]
    not_rated = []
    if not who.rate_leaders:
        not_rated.append("党员领导干部")
    if not who.rate_joined_this_year:
        not_rated.append("当年新发展的党员")
    if not who.rate_transferred_in_this_year:
        not_rated.append("当年从外单位转入的党员")
    if not_rated:
        lines.append("计分但不参加评定：" + "、".join(not_rated))
    lines.append(
        "经批准免考的党员（年老体弱、患病等）"
        + ("仍然计分" if who.score_exempt else "不参加积分管理")
    )
    if scheme.mobile_in_province_per_quarter or scheme.mobile_out_of_province_per_year:
        parts = []
        if scheme.mobile_in_province_per_quarter:
            parts.append(f"省内每季度至少参加{scheme.mobile_in_province_per_quarter}次组织生活")
        if scheme.mobile_out_of_province_per_year:
            parts.append(f"省外每年至少参加{scheme.mobile_out_of_province_per_year}次")
        lines.append("流动党员：" + "，".join(parts))
    if scheme.dues_grace_days:
        lines.append(f"党费：当月党费在月底后{scheme.dues_grace_days}天内交清的算按时交纳")
    return "".join(f"<p>· {line}</p>" for line in lines)


def _rating_html(scheme: Scheme) -> str:
    rating = scheme.rating
    if rating is None:
        return "<p>本方案不评星定级，只计积分（结果运用见下）。</p>"
    rows = []
    for lv in rating.levels:
        quota = "不限人数"
        if lv.quota is not None:
            quota = f"不超过参评人数的{fmt_points(lv.quota * 100)}%"
        if lv.small_branch_below:
            quota += f"；参评不足{lv.small_branch_below}人的支部可评{lv.small_branch_count}名"
        rows.append([f"{fmt_points(lv.min)}分及以上", f"<b>{_e(lv.label)}</b>", quota])
    out = [
        f"<p>每{PERIOD_WORDS[rating.per]}评定一次。名额按参评人数乘比例计算，"
        f"<b>{ROUNDINGS[rating.rounding]}</b>。</p>",
        _table(["分数线", "评定", "名额"], rows, widths=(20, 20, 60)),
        "<p class='muted'>名额边界上同分的党员如果全部评上会超出名额，"
        "这些同分者本档都不评，参加下一档评定（不随意取舍）。</p>",
    ]
    for e in rating.eligibility:
        limits = []
        if e.max_stars is not None:
            limits.append("不评星" if e.max_stars == 0 else f"最多评{e.max_stars}星级")
        if e.deny_grades:
            limits.append("不得评为" + "、".join(sorted(e.deny_grades)))
        cond = f"{'、'.join(e.sections)}合计低于{fmt_points(e.below)}分的，{'，'.join(limits)}"
        out.append(
            f"<p>· {_e(cond)}"
            + (f"<br><span class='muted'>{_e(e.reason)}</span>" if e.reason else "")
            + "</p>"
        )
    if rating.note:
        out.append(f"<p class='muted'>{_e(rating.note)}</p>")
    return "".join(out)


def _veto_html(scheme: Scheme) -> str:
    veto = scheme.veto
    out = [
        f"<p>一票否决的效果：<b>{_e(VETO_EFFECTS[veto.effect])}</b>。否决须由支委会确认并写明理由，程序不会自动作出否决。</p>"
    ]
    auto = []
    if veto.no_party_life_months:
        auto.append(f"连续{veto.no_party_life_months}个月不参加组织生活")
    if veto.no_dues_months:
        auto.append(f"连续{veto.no_dues_months}个月不交纳党费")
    if auto:
        out.append(f"<p>· 程序自动提示：{'；'.join(auto)}（提示后由支委会确认）</p>")
    for k in veto.kinds:
        out.append(f"<p>· {_e(k.name)}：{_e(VETO_EFFECTS[k.effect])}</p>")
    return "".join(out)


def followup_condition(f: object) -> str:
    when = getattr(f, "when", "")
    op = _OPS.get(getattr(f, "op", "<"), "低于")
    value = getattr(f, "value", None)
    share = getattr(f, "share", None)
    if when == "total" and value is not None:
        text = f"年度总分{op}{fmt_points(value)}分"
    elif when == "section" and value is not None:
        text = f"「{getattr(f, 'section', '')}」{op}{fmt_points(value)}分"
    elif when in ("top_share", "bottom_share") and share is not None:
        text = f"排名{'前' if when == 'top_share' else '后'}{fmt_points(share * 100)}%"
    elif when == "cleared":
        text = "积分清零"
    else:
        text = f"连续两年“{getattr(f, 'of', '')}”"
    clean = getattr(f, "requires_clean_section", None)
    if clean:
        text += f"，且「{clean}」没有扣分"
    return text


def _followups_html(scheme: Scheme) -> str:
    if not scheme.followups:
        return "<p>（未规定）</p>"
    rows = [
        [_e(followup_condition(f)), f"<b>{_e(f.name)}</b>", _e(f.note)] for f in scheme.followups
    ]
    return _table(["条件", "处理", "说明"], rows, widths=(26, 20, 54))


def scheme_html(scheme: Scheme, *, heading: bool = True) -> str:
    """The whole scheme as one readable rich-text page."""
    out = [f"<style>{_CSS}</style>"]
    if heading:
        out.append(f"<h2>{_e(scheme.title)}</h2>")
    if scheme.source:
        out.append(f"<p class='muted'>依据：{_e(scheme.source)}</p>")
    if scheme.period == "year":
        period = "按年度计分"
    else:
        how = "各期取平均" if scheme.combine == "average" else "各期相加"
        period = f"每{PERIOD_WORDS[scheme.period]}计分，{how}得出年度分"
    extra = []
    if scheme.total_floor is not None:
        extra.append(f"年度总分最低{fmt_points(scheme.total_floor)}分")
    if scheme.total_cap is not None:
        extra.append(f"最高{fmt_points(scheme.total_cap)}分")
    out.append(
        f"<p>满分 <b>{fmt_points(scheme.total)}</b> 分；{period}"
        + (f"；{'，'.join(extra)}" if extra else "")
        + "。</p>"
    )
    if scheme.note:
        out.append(f"<p class='muted'>{_e(scheme.note)}</p>")

    out.append("<h3>一、各部分</h3>")
    rows = []
    for s in scheme.sections:
        full = "—" if s.mode == "adjust" else f"{fmt_points(s.max)}分"
        rows.append([f"<b>{_e(s.name)}</b>", full, section_mode_text(s), section_period_text(s)])
    out.append(
        _table(["部分", "满分", "计分方式", "计分周期"], rows, frozenset({1}), (26, 10, 32, 32))
    )

    for number, s in enumerate(scheme.sections, start=1):
        full = "" if s.mode == "adjust" else f"　{fmt_points(s.max)}分"
        out.append(
            f"<h3>{number}. {_e(s.name)}<span style='color:{_ACCENT}'>{full}</span>"
            f"<span class='muted' style='font-weight: normal; font-size: 11pt'>"
            f"　{section_mode_text(s)}；{section_period_text(s)}</span></h3>"
        )
        rows = []
        for item in s.items:
            name = f"<b>{_e(item.name)}</b>"
            if item.note:
                name += f"<br><span class='muted'>{_e(item.note)}</span>"
            rows.append([name, item_source_text(item), item_points_text(item), item_cap_text(item)])
        out.append(_table(["项目", "依据", "分值", "上限"], rows, widths=(30, 34, 22, 14)))
        for p in s.pools:
            names = "、".join(i.name for i in s.items if i.id in p.items)
            out.append(
                f"<p>· {_e(p.name)}：{_e(names)}合计每{PERIOD_WORDS[p.per]}"
                f"最多计{fmt_points(p.cap)}分</p>"
            )
        if s.note:
            out.append(f"<p class='muted'>{_e(s.note)}</p>")

    out.append("<h3>二、评星定级</h3>")
    out.append(_rating_html(scheme))
    out.append("<h3>三、谁参加积分和评定</h3>")
    out.append(_who_html(scheme))
    out.append("<h3>四、一票否决</h3>")
    out.append(_veto_html(scheme))
    out.append("<h3>五、结果运用</h3>")
    out.append(_followups_html(scheme))
    return "".join(out)
