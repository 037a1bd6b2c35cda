"""The scheme (a year's rulebook) as data: TOML text → validated dataclasses.

Every plan in the reference file is a different arrangement of the same building
blocks (sections, items, tiers, caps, periods, thresholds, quotas, eligibility,
vetoes, follow-ups), so the engine never branches on which plan it runs.
`load_scheme` reports every mistake at once, in Chinese, each with where it is.
See docs/schemes.md for the format.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from desktop.rules.dues import CATEGORIES as DUES_CATEGORIES
from desktop.rules.facts import MEMBER_STATUSES
from desktop.rules.periods import PERIOD_KINDS
from desktop.rules.scheme_model import (
    COMBINES,
    DUES_KINDS,
    FOLLOWUP_WHEN,
    MODES,
    OPS,
    PERIOD_WORDS,
    RATING_GRADES,
    REVIEW_CYCLES,
    ROUNDINGS,
    SOURCES,
    STAR_WORDS,
    VETO_EFFECTS,
    Approval,
    Eligibility,
    FollowUp,
    Item,
    Level,
    Pool,
    Rating,
    Scheme,
    SchemeError,
    Section,
    Tier,
    VetoKind,
    VetoRules,
    Who,
)
from desktop.rules.scheme_reader import ID_RE, Reader, fmt
from desktop.rules.scheme_results import (
    read_approvals,
    read_ballots,
    read_followups,
    read_rating,
    read_veto,
)
from desktop.rules.scheme_sections import read_sections

_SCHEME_KEYS = (
    "id",
    "title",
    "source",
    "total",
    "period",
    "combine",
    "total_floor",
    "total_cap",
    "partial_year",
    "note",
)
# The 党费类别 of the 2008 regulation: a member's 在职 or not ([members] employment).
EMPLOYMENT_CATEGORIES = DUES_CATEGORIES
PARTIAL_YEAR = {
    "present": "按在本支部的各期取平均",
    "all": "各期之和÷全部期数（不在本支部的期记0分，如「季度积分之和÷4」）",
}
_TOP_KEYS = (
    "scheme",
    "members",
    "dues",
    "mobile",
    "publicity",
    "sections",
    "rating",
    "veto",
    "followups",
    "approvals",
    "ballots",
    "exchange",
)
_WHO_KEYS = (
    "scored",
    "rated",
    "score_exempt",
    "rate_leaders",
    "rate_joined_this_year",
    "rate_transferred_in_this_year",
    "appraise_exempt",
    "employment",
)


def load_scheme(text: str) -> Scheme:
    """Parse and validate a scheme file; raise SchemeError listing every problem."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        where = f"第{match.group(1)}行第{match.group(2)}列" if match else "文件"
        raise SchemeError(
            [f"{where}: 不是有效的 TOML 格式（检查引号、等号和方括号是否成对）"]
        ) from None
    return scheme_from_dict(data)


def check_scheme(text: str) -> list[str]:
    """All problems of a scheme file (empty list = valid), for `pioneer scheme check`."""
    try:
        load_scheme(text)
    except SchemeError as exc:
        return exc.problems
    return []


def scheme_from_dict(data: Mapping[str, Any]) -> Scheme:
    r = Reader()
    r.keys(data, _TOP_KEYS, "文件顶层")
    head = r.table(data, "scheme", "文件顶层")
    if head is None:
        r.add("文件顶层", "缺少 [scheme] 表（方案名称、总分等）")
        head = {}
    where = "[scheme]"
    r.keys(head, _SCHEME_KEYS, where)
    scheme_id = r.text(head, "id", where, required=True)
    if scheme_id and not ID_RE.match(scheme_id):
        r.add(where, f"「id」只能用小写英文字母、数字和连字符，而不是「{scheme_id}」")
    title = r.text(head, "title", where, required=True)
    source = r.text(head, "source", where)
    total = r.number(head, "total", where, required=True, positive=True)
    period = r.choice(head, "period", where, PERIOD_WORDS, "year", "积分周期") or "year"
    combine = r.choice(head, "combine", where, COMBINES, "sum", "合成方式") or "sum"
    total_floor = r.number(head, "total_floor", where, default=Decimal(0))
    total_cap = r.number(head, "total_cap", where, positive=True)
    note = r.text(head, "note", where)
    partial_year = (
        r.choice(head, "partial_year", where, PARTIAL_YEAR, "present", "不满一年的合成方式")
        or "present"
    )

    who = _read_who(r, data)
    dues = r.table(data, "dues", "文件顶层") or {}
    r.keys(dues, ("grace_days",), "[dues]")
    grace = r.integer(dues, "grace_days", "[dues]", default=0, low=0, high=365) or 0

    mobile = r.table(data, "mobile", "文件顶层") or {}
    r.keys(mobile, ("in_province_per_quarter", "out_of_province_per_year", "note"), "[mobile]")
    mobile_note = r.text(mobile, "note", "[mobile]")
    mobile_q = r.integer(mobile, "in_province_per_quarter", "[mobile]", default=0, low=0, high=50)
    mobile_y = r.integer(mobile, "out_of_province_per_year", "[mobile]", default=0, low=0, high=50)

    publicity = r.table(data, "publicity", "文件顶层") or {}
    r.keys(publicity, ("days", "working_days", "cycle"), "[publicity]")
    pub_days = r.integer(publicity, "days", "[publicity]", default=5, low=1, high=60) or 5
    pub_working = r.boolean(publicity, "working_days", "[publicity]", True)
    cycle = (
        r.choice(publicity, "cycle", "[publicity]", REVIEW_CYCLES, "quarter", "公示周期")
        or "quarter"
    )

    sections = read_sections(r, data, period, combine)
    names = [s.name for s in sections]
    if total is not None and sections:
        nominal = sum((s.max for s in sections if s.mode != "adjust"), Decimal(0))
        if nominal != total:
            parts = "+".join(fmt(s.max) for s in sections if s.mode != "adjust")
            r.add(
                "[scheme]",
                f"各部分满分之和为{fmt(nominal)}分（{parts}），与总分 total = {fmt(total)} 不符",
            )
    if not sections:
        r.add("文件顶层", "缺少 [[sections]]：至少要有一个积分部分")

    rating = read_rating(r, data, names)
    veto = read_veto(r, data)
    item_ids = [i.id for s in sections for i in s.items]
    followups = read_followups(r, data, names, rating, item_ids)
    claim_ids = [i.id for s in sections for i in s.items if i.source == "claim"]
    approvals = read_approvals(r, data, rating, claim_ids)
    ballots = read_ballots(r, data)
    _check_combine_item(r, ballots.combine, sections)
    exchange = r.table(data, "exchange", "文件顶层")
    exchange_note: str | None = None
    if exchange is not None:
        r.keys(exchange, ("enabled", "note"), "[exchange]")
        if r.boolean(exchange, "enabled", "[exchange]", True):
            exchange_note = r.text(exchange, "note", "[exchange]")

    if r.problems:
        raise SchemeError(r.problems)
    return Scheme(
        id=scheme_id,
        title=title,
        source=source,
        total=total or Decimal(0),
        period=period,
        combine=combine,
        sections=tuple(sections),
        who=who,
        rating=rating,
        veto=veto,
        followups=tuple(followups),
        approvals=tuple(approvals),
        ballots=ballots,
        exchange_note=exchange_note,
        partial_year=partial_year,
        total_floor=total_floor,
        total_cap=total_cap,
        dues_grace_days=grace,
        note=note,
        mobile_in_province_per_quarter=mobile_q or 0,
        mobile_out_of_province_per_year=mobile_y or 0,
        mobile_note=mobile_note,
        publicity_days=pub_days,
        publicity_working_days=pub_working,
        review_cycle=cycle,
    )


def _read_who(r: Reader, data: Mapping[str, Any]) -> Who:
    where = "[members]"
    who = r.table(data, "members", "文件顶层") or {}
    r.keys(who, _WHO_KEYS, where)
    scored = r.text_list(who, "scored", where, MEMBER_STATUSES, "人员类别") or (
        "正式党员",
        "预备党员",
    )
    rated = r.text_list(who, "rated", where, MEMBER_STATUSES, "人员类别") or ("正式党员",)
    for status in rated:
        if status not in scored and status in MEMBER_STATUSES:
            r.add(where, f"「{status}」参加评定（rated）却不参加积分（scored）")
    return Who(
        scored=frozenset(scored),
        rated=frozenset(rated),
        score_exempt=r.boolean(who, "score_exempt", where, False),
        rate_leaders=r.boolean(who, "rate_leaders", where, True),
        rate_joined_this_year=r.boolean(who, "rate_joined_this_year", where, True),
        rate_transferred_in_this_year=r.boolean(who, "rate_transferred_in_this_year", where, True),
        appraise_exempt=r.boolean(who, "appraise_exempt", where, False),
        employment=frozenset(
            r.text_list(who, "employment", where, EMPLOYMENT_CATEGORIES, "党费类别")
        ),
    )


def fmt_points(value: Decimal) -> str:
    """Points for people: 2, 0.5, 92.25."""
    return fmt(value)


__all__ = [
    "COMBINES",
    "Approval",
    "DUES_KINDS",
    "FOLLOWUP_WHEN",
    "OPS",
    "PERIOD_WORDS",
    "REVIEW_CYCLES",
    "ROUNDINGS",
    "STAR_WORDS",
    "MODES",
    "PERIOD_KINDS",
    "RATING_GRADES",
    "SOURCES",
    "VETO_EFFECTS",
    "Eligibility",
    "FollowUp",
    "Item",
    "Level",
    "Pool",
    "Rating",
    "Scheme",
    "SchemeError",
    "Section",
    "Tier",
    "VetoKind",
    "VetoRules",
    "Who",
    "check_scheme",
    "fmt_points",
    "load_scheme",
    "scheme_from_dict",
]


def _check_combine_item(r: Reader, combine: Any, sections: list[Any]) -> None:
    """[ballots.combine] item: a 民主评议 item (source = "appraisal") with points for every
    grade the 综合评定 can give."""
    if combine is None or combine.item is None:
        return
    where = "[ballots.combine] item"
    item = next((i for s in sections for i in s.items if i.id == combine.item), None)
    if item is None:
        r.add(where, f"本方案没有项目「{combine.item}」（写综合评定计分的那个民主评议项目的 id）")
        return
    if item.source != "appraisal":
        r.add(
            where,
            f'项目「{combine.item}」不是民主评议项目（source = "appraisal"），不能按综合评定计分',
        )
        return
    lacking = [g for _m, g in combine.lines if g not in (item.grades or {})]
    lacking += [] if "不合格" in (item.grades or {}) else ["不合格"]
    if lacking:
        r.add(
            where,
            f"项目「{combine.item}」的 grades 没有“{'”“'.join(dict.fromkeys(lacking))}”的分值，"
            "综合评定可能评出这些等次",
        )
