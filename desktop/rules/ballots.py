"""民主评议 from ballots: a member's tally (优秀/合格/基本合格/不合格 votes) → the grade the
scheme's [ballots] rule gives, with the reasoning in plain words.

Thresholds come first, in the file's order (两票制: 「不合格票超过30%的 → 不合格」); then the
rule: `majority` — the grade with the most votes, ties going to the lower grade (a tie is no
majority for the better grade; the explanation says so); `weighted` — every vote is worth the
grade's points, the average decides by the lines (「自评、互评、组织考评……设置相应的评定占比」).
Pure Python, no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop.rules.scheme import fmt_points
from desktop.rules.scheme_model import Ballots, Combine

GRADES = ("优秀", "合格", "基本合格", "不合格")  # best first


class TallyError(ValueError):
    """A tally that cannot be counted; the message is Chinese."""


@dataclass(frozen=True, slots=True)
class Derived:
    grade: str
    reasons: tuple[str, ...]

    @property
    def text(self) -> str:
        return "；".join(self.reasons)


def tally_text(votes: Mapping[str, int]) -> str:
    """共20票：优秀12、合格6、基本合格2、不合格0."""
    total = sum(votes.get(g, 0) for g in GRADES)
    return f"共{total}票：" + "、".join(f"{g}{votes.get(g, 0)}" for g in GRADES)


def parse_votes(text: str) -> dict[str, int]:
    """「优秀=12,合格=6,基本合格=2,不合格=0」 → counts (missing grades count 0); TallyError
    saying what is wrong."""
    votes: dict[str, int] = {}
    for part in (text or "").replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        grade, sep, number = part.partition("=")
        grade = grade.strip()
        if not sep or grade not in GRADES:
            raise TallyError(f"“{part}”看不懂：请写成 优秀=N,合格=N,基本合格=N,不合格=N")
        if grade in votes:
            raise TallyError(f"“{grade}”写了两次")
        try:
            n = int(number.strip())
        except ValueError:
            raise TallyError(f"“{grade}”的票数“{number.strip()}”不是整数") from None
        votes[grade] = n
    return {g: votes.get(g, 0) for g in GRADES}


def check_votes(votes: Mapping[str, int], voters: int | None = None) -> list[str]:
    """Problems with a tally (empty = fine)."""
    problems = []
    for g in GRADES:
        n = votes.get(g, 0)
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            problems.append(f"“{g}”的票数应为不小于0的整数，而不是“{n}”")
    extra = [k for k in votes if k not in GRADES]
    if extra:
        problems.append(f"未知的等次：{'、'.join(extra)}（可选：{'、'.join(GRADES)}）")
    if problems:
        return problems
    total = sum(votes.get(g, 0) for g in GRADES)
    if total == 0:
        problems.append("四个等次的票数都是0，没有可计的票")
    if voters is not None and total > voters:
        problems.append(f"共{total}票，多于参加评议的{voters}人")
    return problems


def _pct(part: int, total: int) -> str:
    return f"{fmt_points((Decimal(part) * 100 / total).quantize(Decimal('0.1'), ROUND_HALF_UP))}%"


def derive_grade(rule: Ballots, votes: Mapping[str, int]) -> Derived:
    """The grade the scheme's rule gives this tally, with each step of the reasoning."""
    problems = check_votes(votes)
    if problems:
        raise TallyError("；".join(problems))
    total = sum(votes.get(g, 0) for g in GRADES)
    reasons = [tally_text(votes)]
    for th in rule.thresholds:
        counted = [th.grade]
        if th.or_worse:
            counted = list(GRADES[GRADES.index(th.grade) :])
        n = sum(votes.get(g, 0) for g in counted)
        share = Decimal(n) / total
        hit = share > th.share if th.strict else share >= th.share
        what = "、".join(counted) + "票"
        line = f"{'超过' if th.strict else '达到'}{fmt_points(th.share * 100)}%"
        if hit:
            reasons.append(f"{what}{n}票，占{_pct(n, total)}，{line}，评为“{th.grade}”")
            return Derived(th.grade, tuple(reasons))
        reasons.append(f"{what}{n}票，占{_pct(n, total)}，未{line}")
    if rule.rule == "weighted" and rule.points:
        points = rule.points
        summed = sum((points[g] * votes.get(g, 0) for g in GRADES), Decimal(0))
        average = (summed / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
        parts = "+".join(f"{votes.get(g, 0)}×{fmt_points(points[g])}" for g in GRADES)
        reasons.append(f"按票折分：({parts})÷{total} = {fmt_points(average)}分")
        for minimum, grade in rule.lines:
            if average >= minimum:
                reasons.append(f"达到“{grade}”的{fmt_points(minimum)}分，评为“{grade}”")
                return Derived(grade, tuple(reasons))
        lowest = GRADES[-1]
        reasons.append(f"低于最低分数线，评为“{lowest}”")
        return Derived(lowest, tuple(reasons))
    most = max(votes.get(g, 0) for g in GRADES)
    tied = [g for g in GRADES if votes.get(g, 0) == most]
    grade = tied[-1]  # the lower of tied grades
    if len(tied) > 1:
        reasons.append(f"{'、'.join(tied)}同为{most}票（得票最多且相同），取较低的“{grade}”")
    else:
        reasons.append(f"得票最多的是“{grade}”（{most}票），评为“{grade}”")
    return Derived(grade, tuple(reasons))


def combine_missing(combine: Combine, grades: Mapping[tuple[str, int], str]) -> list[str]:
    """The parts of the 综合评定 with no result yet (their names)."""
    return [p.name for p in combine.parts if not grades.get((p.kind, p.round))]


def combine_grades(
    combine: Combine,
    grades: Mapping[tuple[str, int], str],
    graded: Mapping[tuple[str, int], str] | None = None,
) -> Derived:
    """The 综合评定 from separately tallied results: each part's grade worth its points,
    weighted by its share, the sum placed by the lines — with the sum written out.
    `grades` maps (kind, round) → grade; TallyError names the parts still missing.
    `graded` maps (kind, round) → who graded it when (facts.graded_words, 自评 / 组织考评),
    said after the sum: 「党员自评：王一（本人）于2026-01-10评定」."""
    missing = combine_missing(combine, grades)
    if missing:
        raise TallyError(f"{'、'.join(missing)}还没有结果，不能综合评定")
    total = Decimal(0)
    terms = []
    for p in combine.parts:
        grade = grades[(p.kind, p.round)]
        value = combine.points[grade]
        total += value * p.weight
        terms.append(f"{p.name}“{grade}”{fmt_points(value)}分×{fmt_points(p.weight * 100)}%")
    total = total.quantize(Decimal("0.01"), ROUND_HALF_UP)
    reasons = [f"综合评定：{' + '.join(terms)} = {fmt_points(total)}分"]
    who = [
        f"{p.name}：{graded[(p.kind, p.round)]}"
        for p in combine.parts
        if graded and graded.get((p.kind, p.round))
    ]
    result = GRADES[-1]
    for minimum, grade in combine.lines:
        if total >= minimum:
            reasons.append(f"达到“{grade}”的{fmt_points(minimum)}分，评为“{grade}”")
            result = grade
            break
    else:
        reasons.append(f"低于最低分数线，评为“{result}”")
    return Derived(result, (*reasons, *who))
