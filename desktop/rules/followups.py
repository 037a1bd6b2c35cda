"""Follow-ups (后续处理): 警示, 谈话教育, 表扬 … flagged on a finished period's results.

A follow-up is keyed on the score (a total or section line, a band between two lines, being
cleared to zero), on the rank (a share or a count from the top or bottom, ties never split),
on the rating's result (stars or grade, judged only in the window the scheme rates), on last
year (「连续两年」) or on several periods running (`periods`, 「连续两个季度」).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from desktop.rules.periods import PERIOD_KINDS
from desktop.rules.rating import share_count, take_with_ties
from desktop.rules.scheme import FollowUp, Scheme
from desktop.rules.score_model import ZERO, Flag, MemberResult

#: code → (stars, grade) of a rated member in the window (None, None when not rated).
Rated = Mapping[str, tuple[int | None, str | None]]


def _compare(a: Decimal, op: str, b: Decimal) -> bool:
    return {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}[op]


def _clean(f: FollowUp, r: MemberResult) -> bool:
    if f.requires_clean_section and f.requires_clean_section in r.deducted:
        return False
    return not (f.requires_clean_items and r.deducted_items.intersection(f.requires_clean_items))


def followup_hits(
    scheme: Scheme,
    f: FollowUp,
    results: list[MemberResult],
    previous: Mapping[str, Iterable[str]],
    window_kind: str,
    rated: Rated | None,
) -> list[MemberResult] | None:
    """Who meets `f`'s own condition in this window (periods running aside); None when the
    window cannot judge it (a quarter of a scheme with yearly parts, a window not rated)."""
    rounding = scheme.rating.rounding if scheme.rating else "floor"
    span = PERIOD_KINDS.index(window_kind)
    # A score line (“70 分以下谈话教育”) judges only a period that holds the parts it reads:
    # a quarter of a scheme with yearly parts (年终评议) can reach 70 of 100 at most.
    whole = all(PERIOD_KINDS.index(s.period) <= span for s in scheme.sections)
    if f.when == "section" and f.section:
        section = scheme.section(f.section)
        if section is not None and PERIOD_KINDS.index(section.period) > span:
            return None
    elif f.when in ("total", "cleared", "band") and not whole:
        return None
    scored = [r for r in results if r.scored]
    if f.when == "total" and f.value is not None:
        return [r for r in scored if _compare(r.total, f.op, f.value)]
    if f.when == "section" and f.value is not None and f.section:
        return [r for r in scored if _compare(r.sections.get(f.section, ZERO), f.op, f.value)]
    if f.when == "cleared":
        return [r for r in scored if r.total == 0]
    if f.when == "band":
        return [
            r
            for r in scored
            if (f.low is None or r.total >= f.low) and (f.below is None or r.total < f.below)
        ]
    if f.when in ("stars", "grade"):
        if rated is None:
            return None
        hits = []
        for r in results:
            stars, grade = rated.get(r.code, (None, None))
            if (f.when == "stars" and stars in f.stars) or (
                f.when == "grade" and grade in f.grades
            ):
                hits.append(r)
        return hits
    if f.when in ("top_share", "bottom_share", "top_count", "bottom_count"):
        pool = [r for r in scored if r.rated and "exclude" not in r.veto_effects]
        top = f.when.startswith("top")
        ordered = sorted(pool, key=lambda r: (-r.total, r.code) if top else (r.total, r.code))
        if f.when.endswith("share"):
            if f.share is None:
                return []
            n = share_count(f.share, len(pool), rounding)
        else:
            n = f.count or 0
        hits = take_with_ties(ordered, n, lambda r: r.total)
        return [r for r in hits if _clean(f, r)] if top else hits
    if f.when == "repeated" and f.of:
        return [
            r
            for r in results
            if any(x.kind == "followup" and x.name == f.of for x in r.flags)
            and f.of in set(previous.get(r.code, ()))
        ]
    return []


def flag_followups(
    scheme: Scheme,
    results: list[MemberResult],
    previous: Mapping[str, Iterable[str]],
    window_kind: str = "year",
    rated: Rated | None = None,
    earlier: Sequence[Mapping[str, set[str]]] | None = None,
) -> None:
    """Flag every follow-up of the scheme on a finished window's results.

    rated: the window's stars/grades (only where the scheme rates this window).
    earlier: for follow-ups with periods > 1, the codes each follow-up hit in the preceding
    windows of the same kind, nearest first; None = do not look back (periods ignored)."""
    for f in scheme.followups:
        hits = followup_hits(scheme, f, results, previous, window_kind, rated)
        if not hits:
            continue
        if f.periods > 1 and earlier is not None:
            back = list(earlier)[: f.periods - 1]
            if len(back) < f.periods - 1:
                continue  # not enough earlier periods in the year
            hits = [r for r in hits if all(r.code in codes.get(f.name, ()) for codes in back)]
        elif f.periods > 1 and window_kind == "year":
            continue  # years running: when = "repeated"
        text = f"{f.name}：{f.note}" if f.note else f.name
        for r in hits:
            r.flags.append(Flag("followup", text, f.name))
