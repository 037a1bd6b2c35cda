"""Follow-ups (后续处理): 警示, 谈话教育, 表扬 … flagged on a finished period's results."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from desktop.rules.periods import PERIOD_KINDS
from desktop.rules.rating import share_count, take_with_ties
from desktop.rules.scheme import Scheme
from desktop.rules.score_model import ZERO, Flag, MemberResult


def _compare(a: Decimal, op: str, b: Decimal) -> bool:
    return {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}[op]


def flag_followups(
    scheme: Scheme,
    results: list[MemberResult],
    previous: Mapping[str, Iterable[str]],
    window_kind: str = "year",
) -> None:
    rounding = scheme.rating.rounding if scheme.rating else "floor"
    ranked_pool = [r for r in results if r.scored and r.rated and "exclude" not in r.veto_effects]
    # A score line (“70 分以下谈话教育”) judges only a period that holds the parts it reads:
    # a quarter of a scheme with yearly parts (年终评议) can reach 70 of 100 at most.
    span = PERIOD_KINDS.index(window_kind)
    whole = all(PERIOD_KINDS.index(s.period) <= span for s in scheme.sections)
    for f in scheme.followups:
        text = f"{f.name}：{f.note}" if f.note else f.name
        hits: list[MemberResult] = []
        if f.when == "section" and f.section:
            section = next((s for s in scheme.sections if s.name == f.section), None)
            if section is not None and PERIOD_KINDS.index(section.period) > span:
                continue
        elif f.when in ("total", "cleared") and not whole:
            continue
        if f.when in ("total", "section", "cleared"):
            for r in results:
                if not r.scored:
                    continue
                if f.when == "total" and f.value is not None:
                    ok = _compare(r.total, f.op, f.value)
                elif f.when == "section" and f.value is not None and f.section:
                    ok = _compare(r.sections.get(f.section, ZERO), f.op, f.value)
                else:
                    ok = r.total == 0
                if ok:
                    hits.append(r)
        elif f.when in ("top_share", "bottom_share") and f.share is not None:
            n = share_count(f.share, len(ranked_pool), rounding)
            ordered = sorted(
                ranked_pool,
                key=lambda r: (-r.total, r.code) if f.when == "top_share" else (r.total, r.code),
            )
            hits = take_with_ties(ordered, n, lambda r: r.total)
            if f.requires_clean_section:
                hits = [r for r in hits if f.requires_clean_section not in r.deducted]
        elif f.when == "repeated" and f.of:
            for r in results:
                if any(x.kind == "followup" and x.name == f.of for x in r.flags) and f.of in set(
                    previous.get(r.code, ())
                ):
                    hits.append(r)
        for r in hits:
            r.flags.append(Flag("followup", text, f.name))
