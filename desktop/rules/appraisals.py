"""Which 民主评议 results a year still lacks.

A scheme that scores 民主评议 counts a member's grade only if one is recorded; confirming the
year's fourth quarter locks the year's appraisals, so a missing result would stay 0 points for
good. The book asks this module who is still missing before it lets Q4 be confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.rules.collation import stroke_key
from desktop.rules.facts import Appraisal, MemberFacts
from desktop.rules.periods import PERIOD_MONTHS, Period, make_period
from desktop.rules.scheme import Scheme

# Only party members are appraised (activists may be scored "参照执行", never appraised).
APPRAISED_STATUSES = ("正式党员", "预备党员")


@dataclass(frozen=True, slots=True)
class AppraisalGap:
    """One round of one kind the scheme scores, and the members with no result for it."""

    kind: str
    round: int
    rounds: int  # rounds of this kind the scheme scores in a year
    section: str
    period: Period
    missing: tuple[MemberFacts, ...]
    expected: int  # members who should have a result for this round

    @property
    def label(self) -> str:
        return f"{self.kind}（第{self.round}次）" if self.rounds > 1 else self.kind


def should_be_appraised(scheme: Scheme, m: MemberFacts, period: Period) -> bool:
    """A scored party member on the roll at the end of the round's period."""
    if m.status not in APPRAISED_STATUSES or m.status not in scheme.who.scored:
        return False
    if m.exempt and not (scheme.who.score_exempt or scheme.who.appraise_exempt):
        return False  # unless the plan grades them by 民主评议 though not scored (街道)
    # Someone who left before the appraisal, or arrived or joined after it, is not appraised.
    if m.left_date and m.left_date <= period.end:
        return False
    if m.transferred_in_date and m.transferred_in_date > period.end:
        return False
    return not (m.joined_date and m.joined_date > period.end)


def appraisal_gaps(
    scheme: Scheme, members: Iterable[MemberFacts], appraisals: Iterable[Appraisal], year: int
) -> list[AppraisalGap]:
    """Per (kind, round) the scheme scores in `year`: the members who should have a result
    and have none (withdrawn results are expected to be left out by the caller)."""
    members = sorted(members, key=lambda m: m.code)
    have: set[tuple[str, int, str]] = {
        (a.kind, a.round, a.member) for a in appraisals if a.year == year
    }
    gaps: list[AppraisalGap] = []
    seen: set[tuple[str, int]] = set()
    for section in scheme.sections:
        for item in section.items:
            if item.source != "appraisal" or not item.kind:
                continue
            rounds = 12 // PERIOD_MONTHS[item.round_period]
            for rnd in range(1, rounds + 1):
                if (item.kind, rnd) in seen:
                    continue
                seen.add((item.kind, rnd))
                period = make_period(item.round_period, year, rnd)
                expected = [m for m in members if should_be_appraised(scheme, m, period)]
                missing = tuple(
                    sorted(
                        (m for m in expected if (item.kind, rnd, m.code) not in have),
                        key=lambda m: (stroke_key(m.name), m.code),  # listed: 姓氏笔画
                    )
                )
                if missing:
                    gaps.append(
                        AppraisalGap(
                            item.kind, rnd, rounds, section.name, period, missing, len(expected)
                        )
                    )
    combine = scheme.ballots.combine
    if combine is not None and combine.item:
        # The item scores the 综合评定: a part missing (自评, 组织考评 …) costs the item's
        # points as surely as the item's own kind missing.
        section = next(s.name for s in scheme.sections for i in s.items if i.id == combine.item)
        period = make_period("year", year, 1)
        expected = [m for m in members if should_be_appraised(scheme, m, period)]
        for part in combine.parts:
            if (part.kind, part.round) in seen:
                continue
            seen.add((part.kind, part.round))
            missing = tuple(
                sorted(
                    (m for m in expected if (part.kind, part.round, m.code) not in have),
                    key=lambda m: (stroke_key(m.name), m.code),
                )
            )
            if missing:
                rounds = max(p.round for p in combine.parts if p.kind == part.kind)
                gaps.append(
                    AppraisalGap(
                        part.kind, part.round, rounds, section, period, missing, len(expected)
                    )
                )
    return gaps


def gap_summary(gaps: list[AppraisalGap], year: int, *, names: int = 5) -> str:
    """E.g. 2025 年还有 3 名党员没有民主评议结果（党员评议：张三、李四、王五）; "" when none."""
    if not gaps:
        return ""
    who = {m.code for g in gaps for m in g.missing}
    parts = []
    for g in gaps:
        if len(g.missing) == g.expected and g.expected > names:
            parts.append(f"{g.label}一个结果也没有录入")
            continue
        listed = "、".join(m.name for m in g.missing[:names])
        more = f"等 {len(g.missing)} 人" if len(g.missing) > names else ""
        parts.append(f"{g.label}：{listed}{more}")
    return f"{year} 年还有 {len(who)} 名党员没有民主评议结果（{'；'.join(parts)}）"
