"""Rating: a score result → stars and grades after thresholds, eligibility and quotas.

Quotas are shares of the rated members with the scheme's rounding; members tied at a
quota boundary are never split arbitrarily (take_with_ties, docs/schemes.md 同分规则).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from desktop.rules.scheme import ROUNDINGS, Level, Scheme, fmt_points
from desktop.rules.score_model import (
    ZERO,
    MemberResult,
    QuotaUse,
    RatedMember,
    RatingResult,
    ScoreResult,
)


def share_count(share: Decimal, n: int, rounding: str) -> int:
    mode = {"floor": ROUND_FLOOR, "round": ROUND_HALF_UP, "ceil": ROUND_CEILING}[rounding]
    return int((share * n).quantize(Decimal(1), rounding=mode))


def take_with_ties(ranked: list, limit: int, key) -> list:  # type: ignore[no-untyped-def]
    """The first `limit` of `ranked` (best first); if members tied on `key` straddle the
    boundary, none of the tied group is taken (the quota is never exceeded and never
    decided arbitrarily). See docs/schemes.md "同分规则"."""
    if limit <= 0:
        return []
    if len(ranked) <= limit:
        return list(ranked)
    boundary = key(ranked[limit - 1])
    if key(ranked[limit]) != boundary:
        return ranked[:limit]
    return [r for r in ranked[:limit] if key(r) != boundary]


def _tie_note(
    member: MemberResult,
    pool: list[MemberResult],
    rank: int,
    label: str,
    limit: int,
    taken: int,
    next_level: bool,
) -> str:
    """Why a member tied at the quota boundary gets no place at this level, in plain words:
    "与李四、王五并列（同为95分，并列第3名），四星级名额3名只剩2名，名额不足，按方案规定
    （同分规则）均不评四星级，参加下一档评定"."""
    others = [p.name or p.code for p in pool if p.total == member.total and p is not member]
    room = f"{limit}名只剩{limit - taken}名" if taken else f"只有{limit}名"
    note = (
        f"与{'、'.join(others)}并列（同为{fmt_points(member.total)}分，并列第{rank}名），"
        f"{label}名额{room}，名额不足，按方案规定（同分规则）均不评{label}"
    )
    return note + ("，参加下一档评定" if next_level else "")


def _level_allowed(level: Level, max_stars: int | None, denied: set[str]) -> bool:
    if max_stars is not None and level.stars is not None and level.stars > max_stars:
        return False
    return not (level.grade and level.grade in denied)


def rate(scheme: Scheme, result: ScoreResult) -> RatingResult:
    """Stars / grades for the scored window after thresholds, eligibility and quotas.

    Quotas are shares of the rated members (those scored, rated and not excluded by a
    veto), rounded by the scheme's rule; ties at a quota boundary: see take_with_ties.
    """
    rating = scheme.rating
    out: dict[str, RatedMember] = {}
    candidates: list[MemberResult] = []
    for r in result.members:
        rm = RatedMember(r.code, r.name, r.total, False, None, None, list(r.reasons))
        out[r.code] = rm
        if not r.scored or not r.rated:
            continue
        effects = r.veto_effects
        if "exclude" in effects:
            rm.reasons.append("一票否决：不参与评星定级和评定等次")
            continue
        if rating is None:
            rm.rated = True
            rm.reasons.append("本方案不评星级、等次")
            continue
        if "force_1_star" in effects:
            rm.rated = True
            rm.stars = 1
            rm.grade = next((lv.grade for lv in rating.levels if lv.stars == 1), "不合格")
            rm.reasons.append("一票否决：直接评为一星级")
            continue
        rm.rated = True
        candidates.append(r)
    quotas: list[QuotaUse] = []
    n = len(candidates)
    # 「党员总数」: every party member on the roll in the window, rated or not.
    base_n, base_words = n, ""
    if rating is not None and rating.quota_base == "members":
        base_n = sum(1 for r in result.members if r.status in ("正式党员", "预备党员"))
        base_words = "党员总数"
    if rating is not None and rating.levels:
        potential: dict[str, tuple[int | None, set[str]]] = {}
        caps: dict[str, tuple[int | None, set[str]]] = {}
        for r in candidates:
            max_stars: int | None = None
            denied: set[str] = set()
            rm = out[r.code]
            for e in rating.eligibility:
                sub = sum((r.sections.get(s, ZERO) for s in e.sections), ZERO)
                if sub < e.below:
                    if e.max_stars is not None:
                        max_stars = (
                            e.max_stars if max_stars is None else min(max_stars, e.max_stars)
                        )
                    denied |= e.deny_grades
                    rm.reasons.append(
                        e.reason
                        or f"{'、'.join(e.sections)}合计{fmt_points(sub)}分，低于{fmt_points(e.below)}分"
                    )
            caps[r.code] = (max_stars, denied)
            first = next((i for i, lv in enumerate(rating.levels) if r.total >= lv.min), None)
            potential[r.code] = (first, denied)
        assigned: dict[str, int] = {}
        for i, level in enumerate(rating.levels):
            pool = [
                r
                for r in candidates
                if r.code not in assigned
                and potential[r.code][0] is not None
                and potential[r.code][0] <= i  # type: ignore[operator]
                and _level_allowed(level, *caps[r.code])
            ]
            pool.sort(key=lambda r: (-r.total, r.code))
            limit: int | None = None
            rule = "不限名额"
            if level.quota is not None:
                limit = share_count(level.quota, base_n, rating.rounding)
                rule = (
                    f"{base_words}{base_n}人×{fmt_points(level.quota * 100)}%，"
                    f"{ROUNDINGS[rating.rounding]}得{limit}名"
                )
                if (
                    level.small_branch_below is not None
                    and n < level.small_branch_below
                    and limit < level.small_branch_count
                ):
                    limit = level.small_branch_count
                    rule += f"；参评不足{level.small_branch_below}人，可评{limit}名"
            chosen = pool if limit is None else take_with_ties(pool, limit, lambda r: r.total)
            chosen_codes = {r.code for r in chosen}
            for r in chosen:
                assigned[r.code] = i
            if limit is not None and len(pool) > len(chosen):
                tied = len(chosen) < limit and len(pool) > limit
                for r in pool:
                    if r.code in chosen_codes:
                        continue
                    boundary = pool[limit - 1].total
                    if tied and r.total == boundary:
                        rank = 1 + sum(1 for c in candidates if c.total > r.total)
                        more = i + 1 < len(rating.levels)
                        note = _tie_note(r, pool, rank, level.label, limit, len(chosen), more)
                    elif tied:  # places left open by the tie are not passed further down
                        note = (
                            f"{level.label}名额{limit}名，排在同分并列的"
                            f"{fmt_points(boundary)}分者之后，不评{level.label}"
                        )
                    elif limit == 0:
                        note = f"{level.label}没有名额（{rule}）"
                    else:
                        note = f"{level.label}名额{limit}名已满"
                    out[r.code].reasons.append(note)
            quotas.append(QuotaUse(level.label, limit, len(chosen), rule))
        for r in candidates:
            rm = out[r.code]
            if r.code in assigned:
                lv = rating.levels[assigned[r.code]]
                rm.stars, rm.grade = lv.stars, lv.grade
                rm.reasons.append(
                    f"总分{fmt_points(r.total)}分，达到{lv.label}分数线{fmt_points(lv.min)}分"
                )
            else:
                lowest = rating.levels[-1]
                if r.total < lowest.min:
                    rm.reasons.append(
                        f"总分{fmt_points(r.total)}分，未达到最低分数线{fmt_points(lowest.min)}分"
                    )
                else:
                    rm.reasons.append("不符合任何一档的条件或名额")
    return RatingResult(scheme.id, result.year, result.window, n, list(out.values()), quotas)
