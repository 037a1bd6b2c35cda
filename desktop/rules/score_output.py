"""A score or rating result for people and programs: `pioneer explain` text and the
`score --json` / `rate --json` documents (CONTRACT.md).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from desktop.rules.scheme import fmt_points
from desktop.rules.score_model import (
    CENT,
    ZERO,
    Line,
    MemberResult,
    RatingResult,
    ScoreResult,
    q2,
)


def _signed(value: Decimal) -> str:
    text = fmt_points(value)
    return text if value < 0 else f"+{text}"


ROUNDING_RULE = "保留两位小数"
ROUNDING_FACT = "以上各项按0.01分四舍五入后与本部分得分的差"


def shown_lines(member: MemberResult, as_of: str | None = None) -> list[Line]:
    """The explanation as people read it (paper, `explain`, the 积分明细 screen): each line
    to 0.01 (a fact averaged over four quarters is −0.13, not −0.125), none dated after
    `as_of` (the day the figures are counted to; a section's clip or rounding is dated at
    its period's end, which may be ahead in a running year), and per section one line
    dated `as_of` that makes the shown lines add up to the section's points — instead of
    the engine's own 「四舍五入 +0.005」 dated the window's end."""
    by_section: dict[str, list[Line]] = {}
    for ln in member.lines:
        if ln.fact.endswith("四舍五入到0.01分"):
            continue  # the engine's rounding line: replaced below
        date = min(ln.date, as_of) if as_of and ln.date else ln.date
        value = ln.points.quantize(CENT, ROUND_HALF_UP)
        by_section.setdefault(ln.section, []).append(replace(ln, date=date, points=value))
    out: list[Line] = []
    for name in [*member.sections, *(s for s in by_section if s not in member.sections)]:
        lines = by_section.get(name, [])
        out.extend(lines)
        rest = member.sections.get(name, ZERO) - sum((ln.points for ln in lines), ZERO)
        if rest and member.lines:
            day = as_of or max((ln.date for ln in member.lines if ln.section == name), default="")
            out.append(Line(name, ROUNDING_RULE, day, ROUNDING_FACT, rest))
    return out


def explain_text(member: MemberResult, as_of: str | None = None) -> str:
    """The member's explanation, one line per point, for `pioneer explain` (to 0.01, no line
    after `as_of`: `shown_lines`)."""
    out = [f"{member.name}（{member.code}）"]
    if not member.scored:
        out.extend(f"  {r}" for r in member.reasons)
        return "\n".join(out)
    current = None
    for ln in shown_lines(member, as_of):
        if ln.section != current:
            current = ln.section
            out.append(f"【{current}】{fmt_points(member.sections.get(current, ZERO))}分")
        out.append(f"  {ln.date}  {ln.fact}  ——{ln.rule}  {_signed(ln.points)}")
    out.append(f"合计 {fmt_points(member.total)}分")
    for f in member.flags:
        out.append(f"※ {f.text}")
    for r in member.reasons:
        out.append(f"※ {r}")
    return "\n".join(out)


def points_json(value: Decimal) -> str:
    """Points in JSON: a decimal string exact to 0.01 (e.g. "92.50")."""
    return str(q2(value))


def score_json(result: ScoreResult) -> dict[str, object]:
    """The `pioneer score --json` document (CONTRACT.md)."""
    return {
        "year": result.year,
        "quarter": result.quarter,
        "half": result.half,
        "month": result.month,
        "scheme": result.scheme_id,
        "members": [
            {
                "code": m.code,
                "name": m.name,
                "total": points_json(m.total),
                "sections": {k: points_json(v) for k, v in m.sections.items()},
                "scored": m.scored,
                "rated": m.rated,
                "reasons": list(m.reasons),
                "flags": [f.text for f in m.flags],
            }
            for m in result.members
        ],
    }


def rate_json(rating: RatingResult) -> dict[str, object]:
    """The `pioneer rate --json` document (CONTRACT.md)."""
    return {
        "year": rating.year,
        "members": [
            {
                "code": m.code,
                "name": m.name,
                "total": points_json(m.total),
                "stars": m.stars,
                "grade": m.grade,
                "reasons": list(m.reasons),
            }
            for m in rating.members
        ],
    }
