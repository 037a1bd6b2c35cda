"""A scheme as a readable Chinese page (rich text for a QTextBrowser).

Only presentation: every number comes from the validated `Scheme`, the wording from
`rules/describe.py` (which the printed scheme uses too); this adds only the markup.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

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
from desktop.rules.scheme import VETO_EFFECTS, Item, Scheme, fmt_points

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


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def _points_html(item: Item) -> str:
    """The points cell; with tiers, when counting restarts is muted under them."""
    text = item_points_text(item)
    if item.tiers:
        body, restart = text.rsplit("\n", 1)
        return f'{_lines(body)}<br><span class="muted">{_e(restart)}</span>'
    return _lines(text)


def _cap_html(item: Item) -> str:
    text = _e(item_cap_text(item))
    return f'<span class="muted">{text}</span>' if item.cap is None else text


def _who_html(scheme: Scheme) -> str:
    return "".join(f"<p>· {_e(line)}</p>" for line in who_lines(scheme))


def _rating_html(scheme: Scheme) -> str:
    rating = scheme.rating
    if rating is None:
        return "<p>本方案不评星定级，只计积分（结果运用见下）。</p>"
    rows = [
        [
            f"{fmt_points(lv.min)}分及以上",
            f"<b>{_e(lv.label)}</b>",
            _e(level_quota_text(lv, rating)),
        ]
        for lv in rating.levels
    ]
    out = [
        f"<p>{_e(rating_intro(rating))}</p>",
        _table(["分数线", "评定", "名额"], rows, widths=(20, 20, 60)),
        f"<p class='muted'>{_e(TIES_TEXT)}</p>",
    ]
    for e in rating.eligibility:
        out.append(
            f"<p>· {_e(eligibility_text(e))}"
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
    auto = veto_auto_conditions(veto)
    if auto:
        out.append(f"<p>· 程序自动提示：{'；'.join(auto)}（提示后由支委会确认）</p>")
    for k in veto.kinds:
        out.append(f"<p>· {_e(k.name)}：{_e(VETO_EFFECTS[k.effect])}</p>")
    return "".join(out)


def _followups_html(scheme: Scheme) -> str:
    if not scheme.followups:
        return "<p>（未规定）</p>"
    rows = [
        [_e(followup_condition(f, scheme)), f"<b>{_e(f.name)}</b>", _e(f.note)]
        for f in scheme.followups
    ]
    return _table(["条件", "处理", "说明"], rows, widths=(26, 20, 54))


def scheme_html(scheme: Scheme, *, heading: bool = True) -> str:
    """The whole scheme as one readable rich-text page."""
    out = [f"<style>{_CSS}</style>"]
    if heading:
        out.append(f"<h2>{_e(scheme.title)}</h2>")
    if scheme.source:
        out.append(f"<p class='muted'>依据：{_e(scheme.source)}</p>")
    bounds = total_bounds_text(scheme)
    out.append(
        f"<p>满分 <b>{fmt_points(scheme.total)}</b> 分；{scheme_period_text(scheme)}"
        + (f"；{bounds}" if bounds else "")
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
            rows.append([name, _lines(item_source_text(item)), _points_html(item), _cap_html(item)])
        out.append(_table(["项目", "依据", "分值", "上限"], rows, widths=(30, 34, 22, 14)))
        for p in s.pools:
            out.append(f"<p>· {_e(pool_text(s, p))}</p>")
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
