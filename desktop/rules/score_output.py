"""A score or rating result for people and programs: `pioneer explain` text and the
`score --json` / `rate --json` documents (CONTRACT.md).
"""

from __future__ import annotations

from decimal import Decimal

from desktop.rules.scheme import fmt_points
from desktop.rules.score_model import ZERO, MemberResult, RatingResult, ScoreResult, q2


def _signed(value: Decimal) -> str:
    text = fmt_points(value)
    return text if value < 0 else f"+{text}"


def explain_text(member: MemberResult) -> str:
    """The member's explanation, one line per point, for `pioneer explain`."""
    out = [f"{member.name}（{member.code}）"]
    if not member.scored:
        out.extend(f"  {r}" for r in member.reasons)
        return "\n".join(out)
    current = None
    for ln in member.lines:
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
