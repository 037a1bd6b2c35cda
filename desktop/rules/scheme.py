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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.rules.facts import (
    ACTIVITY_TYPES,
    APPRAISAL_GRADES,
    APPRAISAL_KINDS,
    ATTENDANCE_STATUSES,
    MEMBER_STATUSES,
)
from desktop.rules.periods import PERIOD_KINDS, PERIOD_MONTHS

MODES = {
    "deduct": "从满分扣减，扣完为止",
    "accumulate": "从零累加",
    "adjust": "加减分（不计入满分）",
}
COMBINES = {"sum": "各期相加", "average": "各期取平均"}
SOURCES = {
    "attendance": "签到（活动类型与签到状态）",
    "dues": "党费（按月）",
    "claim": "积分申报（经审定）",
    "appraisal": "民主评议等次",
}
DUES_KINDS = {"on_time": "按时足额", "late": "逾期缴纳", "short": "未足额", "unpaid": "未缴纳"}
RATING_GRADES = ("优秀", "良好", "合格", "基本合格", "不合格")
ROUNDINGS = {"floor": "向下取整", "round": "四舍五入", "ceil": "向上取整"}
VETO_EFFECTS = {
    "force_1_star": "直接评为一星级",
    "clear_period": "取消期间所有积分",
    "exclude": "不参与积分运用（不评星、不评等次）",
}
FOLLOWUP_WHEN = {
    "total": "总分条件",
    "section": "某部分得分条件",
    "top_share": "排名前若干比例",
    "bottom_share": "排名后若干比例",
    "cleared": "积分清零",
    "repeated": "连续两年",
}
OPS = (">", ">=", "<", "<=")
PERIOD_WORDS = {"month": "月", "quarter": "季度", "half": "半年", "year": "年"}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class SchemeError(ValueError):
    """A scheme file with mistakes; `problems` holds one Chinese line per mistake."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True, slots=True)
class Tier:
    start: int  # first occurrence number in the tier (1-based)
    end: int | None  # last occurrence number, None = open-ended
    points: Decimal


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    name: str
    source: str  # one of SOURCES
    points: Decimal | None = None  # per occurrence (fixed)
    range: tuple[Decimal, Decimal] | None = None  # claims: allowed points per claim
    activity_types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    dues: frozenset[str] = frozenset()
    kind: str | None = None  # appraisal kind
    grades: Mapping[str, Decimal] | None = None
    round_period: str = "year"  # appraisal rounds: once a year, or one per half/quarter
    tiers: tuple[Tier, ...] = ()
    per: str = "year"  # period in which tiers count and the cap applies
    cap: Decimal | None = None  # max |sum of points| per `per`
    note: str = ""


@dataclass(frozen=True, slots=True)
class Pool:
    """Items of one section sharing a cap (a bonus pool, or a sub-item's 扣完为止)."""

    name: str
    cap: Decimal
    items: tuple[str, ...]
    per: str = "year"


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    max: Decimal  # nominal full marks (0 for adjust sections)
    mode: str  # one of MODES
    capped: bool  # accumulate: clip at max (False = 上不封顶)
    period: str
    combine: str
    items: tuple[Item, ...]
    pools: tuple[Pool, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Who:
    scored: frozenset[str]
    rated: frozenset[str]
    score_exempt: bool = False
    rate_leaders: bool = True
    rate_joined_this_year: bool = True
    rate_transferred_in_this_year: bool = True


@dataclass(frozen=True, slots=True)
class Level:
    min: Decimal
    stars: int | None
    grade: str | None
    quota: Decimal | None = None  # share of rated members, None = no limit
    small_branch_below: int | None = None  # fewer rated members than this …
    small_branch_count: int = 0  # … may still have this many at this level

    @property
    def label(self) -> str:
        parts = []
        if self.stars is not None:
            parts.append(f"{_STAR_WORDS[self.stars]}星级")
        if self.grade:
            parts.append(self.grade)
        return "、".join(parts)


_STAR_WORDS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}


@dataclass(frozen=True, slots=True)
class Eligibility:
    sections: tuple[str, ...]
    below: Decimal
    max_stars: int | None = None
    deny_grades: frozenset[str] = frozenset()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Rating:
    levels: tuple[Level, ...]  # highest first
    eligibility: tuple[Eligibility, ...] = ()
    rounding: str = "floor"
    per: str = "year"
    note: str = ""


@dataclass(frozen=True, slots=True)
class VetoKind:
    name: str
    effect: str


@dataclass(frozen=True, slots=True)
class VetoRules:
    effect: str = "exclude"
    kinds: tuple[VetoKind, ...] = ()
    no_party_life_months: int = 6
    no_dues_months: int = 6

    def effect_of(self, kind: str | None) -> str:
        for k in self.kinds:
            if k.name == kind:
                return k.effect
        return self.effect


@dataclass(frozen=True, slots=True)
class FollowUp:
    name: str
    when: str
    op: str = "<"
    value: Decimal | None = None
    section: str | None = None
    share: Decimal | None = None
    of: str | None = None
    requires_clean_section: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Scheme:
    id: str
    title: str
    source: str
    total: Decimal
    period: str
    combine: str
    sections: tuple[Section, ...]
    who: Who
    rating: Rating | None
    veto: VetoRules
    followups: tuple[FollowUp, ...] = ()
    total_floor: Decimal | None = Decimal(0)
    total_cap: Decimal | None = None
    dues_grace_days: int = 0
    note: str = ""
    mobile_in_province_per_quarter: int = 0  # 流动党员（省内）每季度至少参加几次组织生活
    mobile_out_of_province_per_year: int = 0  # 流动党员（省外）每年至少参加几次
    # 公示: at least this many days, counted as working days (skipping weekends and the book's
    # holidays) or calendar days. The source's plans say "≥5 days" or "≥5 working days".
    publicity_days: int = 5
    publicity_working_days: bool = True

    def item(self, item_id: str) -> Item | None:
        for section in self.sections:
            for item in section.items:
                if item.id == item_id:
                    return item
        return None

    def section(self, name: str) -> Section | None:
        for section in self.sections:
            if section.name == name:
                return section
        return None


# ---------------------------------------------------------------- reading


def _options(options: Mapping[str, str] | Sequence[str]) -> str:
    if isinstance(options, Mapping):
        return "、".join(f"{k}（{v}）" for k, v in options.items())
    return "、".join(options)


class _Reader:
    """Collects every problem instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def keys(self, data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(where, f"未知的键「{key}」，可用的键：{'、'.join(allowed)}")

    def table(self, data: Mapping[str, Any], key: str, where: str) -> dict[str, Any] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.add(where, f"「{key}」应为一个表（[{key}]）")
            return None
        return value

    def tables(self, data: Mapping[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(where, f"「{key}」应为表的数组（[[{key}]]）")
            return []
        return value

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        required: bool = False,
        default: str = "",
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return default
        if not isinstance(value, str):
            self.add(where, f"「{key}」应为文字（用英文双引号括起来）")
            return default
        if required and not value.strip():
            self.add(where, f"「{key}」不能为空")
        return value.strip()

    def number(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        required: bool = False,
        default: Decimal | None = None,
        positive: bool = False,
        nonnegative: bool = False,
    ) -> Decimal | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return default
        number = _to_decimal(value)
        if number is None:
            self.add(where, f"「{key}」应为数字，而不是「{value}」")
            return default
        if positive and number <= 0:
            self.add(where, f"「{key}」应大于0，而不是{_fmt(number)}")
            return default
        if nonnegative and number < 0:
            self.add(where, f"「{key}」不能小于0，而不是{_fmt(number)}")
            return default
        return number

    def integer(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        default: int | None = None,
        low: int | None = None,
        high: int | None = None,
        required: bool = False,
    ) -> int | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, f"「{key}」应为整数，而不是「{value}」")
            return default
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"{low}至{high}" if high is not None else f"不小于{low}"
            self.add(where, f"「{key}」应为{span}的整数，而不是{value}")
            return default
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.add(where, f"「{key}」应为 true 或 false")
            return default
        return value

    def choice(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        options: Mapping[str, str] | Sequence[str],
        default: str | None,
        what: str = "取值",
    ) -> str | None:
        value = data.get(key)
        if value is None:
            if default is None:
                self.add(where, f"缺少「{key}」，可选：{_options(options)}")
            return default
        if value not in options:
            self.add(where, f"「{key}」为未知的{what}「{value}」，可选：{_options(options)}")
            return default
        return value

    def text_list(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        options: Sequence[str] | Mapping[str, str] | None = None,
        what: str = "取值",
        required: bool = False,
    ) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(where, f'「{key}」应为文字列表，例如 ["甲", "乙"]')
            return ()
        if required and not value:
            self.add(where, f"「{key}」不能为空")
        if options is not None:
            for v in value:
                if v not in options:
                    self.add(where, f"未知的{what}「{v}」，可选：{_options(options)}")
        return tuple(value)


def _to_decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # A dict read without parse_float=Decimal (e.g. by a form): repr is the shortest
        # text that reads back as the same float, so 0.1 becomes exactly Decimal("0.1").
        return Decimal(repr(value)) if value == value and abs(value) != float("inf") else None
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except ArithmeticError:
            return None
    return None


def _fmt(value: Decimal) -> str:
    """A Decimal as people write it: 2, 0.5, -1.25 (no trailing zeros)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _pct(share: Decimal) -> str:
    return f"{_fmt(share * 100)}%"


_SCHEME_KEYS = (
    "id",
    "title",
    "source",
    "total",
    "period",
    "combine",
    "total_floor",
    "total_cap",
    "note",
)
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
)
_SECTION_KEYS = ("name", "max", "mode", "capped", "period", "combine", "note", "items", "pools")
_ITEM_KEYS = (
    "id",
    "name",
    "source",
    "points",
    "range",
    "activity_types",
    "statuses",
    "dues",
    "kind",
    "grades",
    "round_period",
    "tiers",
    "per",
    "cap",
    "note",
)
_POOL_KEYS = ("name", "cap", "items", "per")
_TIER_KEYS = ("from", "to", "points")
_WHO_KEYS = (
    "scored",
    "rated",
    "score_exempt",
    "rate_leaders",
    "rate_joined_this_year",
    "rate_transferred_in_this_year",
)
_RATING_KEYS = ("levels", "eligibility", "rounding", "per", "note")
_LEVEL_KEYS = ("min", "stars", "grade", "quota", "small_branch_below", "small_branch_count")
_ELIG_KEYS = ("sections", "below", "max_stars", "deny_grades", "reason")
_VETO_KEYS = ("effect", "kinds", "no_party_life_months", "no_dues_months")
_FOLLOWUP_KEYS = (
    "name",
    "when",
    "op",
    "value",
    "section",
    "share",
    "of",
    "requires_clean_section",
    "note",
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
    r = _Reader()
    r.keys(data, _TOP_KEYS, "文件顶层")
    head = r.table(data, "scheme", "文件顶层")
    if head is None:
        r.add("文件顶层", "缺少 [scheme] 表（方案名称、总分等）")
        head = {}
    where = "[scheme]"
    r.keys(head, _SCHEME_KEYS, where)
    scheme_id = r.text(head, "id", where, required=True)
    if scheme_id and not _ID_RE.match(scheme_id):
        r.add(where, f"「id」只能用小写英文字母、数字和连字符，而不是「{scheme_id}」")
    title = r.text(head, "title", where, required=True)
    source = r.text(head, "source", where)
    total = r.number(head, "total", where, required=True, positive=True)
    period = r.choice(head, "period", where, PERIOD_WORDS, "year", "积分周期") or "year"
    combine = r.choice(head, "combine", where, COMBINES, "sum", "合成方式") or "sum"
    total_floor = r.number(head, "total_floor", where, default=Decimal(0))
    total_cap = r.number(head, "total_cap", where, positive=True)
    note = r.text(head, "note", where)

    who = _read_who(r, data)
    dues = r.table(data, "dues", "文件顶层") or {}
    r.keys(dues, ("grace_days",), "[dues]")
    grace = r.integer(dues, "grace_days", "[dues]", default=0, low=0, high=365) or 0

    mobile = r.table(data, "mobile", "文件顶层") or {}
    r.keys(mobile, ("in_province_per_quarter", "out_of_province_per_year"), "[mobile]")
    mobile_q = r.integer(mobile, "in_province_per_quarter", "[mobile]", default=0, low=0, high=50)
    mobile_y = r.integer(mobile, "out_of_province_per_year", "[mobile]", default=0, low=0, high=50)

    publicity = r.table(data, "publicity", "文件顶层") or {}
    r.keys(publicity, ("days", "working_days"), "[publicity]")
    pub_days = r.integer(publicity, "days", "[publicity]", default=5, low=1, high=60) or 5
    pub_working = r.boolean(publicity, "working_days", "[publicity]", True)

    sections = _read_sections(r, data, period, combine)
    names = [s.name for s in sections]
    if total is not None and sections:
        nominal = sum((s.max for s in sections if s.mode != "adjust"), Decimal(0))
        if nominal != total:
            parts = "+".join(_fmt(s.max) for s in sections if s.mode != "adjust")
            r.add(
                "[scheme]",
                f"各部分满分之和为{_fmt(nominal)}分（{parts}），与总分 total = {_fmt(total)} 不符",
            )
    if not sections:
        r.add("文件顶层", "缺少 [[sections]]：至少要有一个积分部分")

    rating = _read_rating(r, data, names)
    veto = _read_veto(r, data)
    followups = _read_followups(r, data, names)

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
        total_floor=total_floor,
        total_cap=total_cap,
        dues_grace_days=grace,
        note=note,
        mobile_in_province_per_quarter=mobile_q or 0,
        mobile_out_of_province_per_year=mobile_y or 0,
        publicity_days=pub_days,
        publicity_working_days=pub_working,
    )


def _read_who(r: _Reader, data: Mapping[str, Any]) -> Who:
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
    )


def _read_sections(r: _Reader, data: Mapping[str, Any], period: str, combine: str) -> list[Section]:
    sections: list[Section] = []
    seen_names: set[str] = set()
    seen_items: dict[str, str] = {}
    for i, raw in enumerate(r.tables(data, "sections", "文件顶层"), start=1):
        name = raw.get("name") if isinstance(raw.get("name"), str) else ""
        where = f'[[sections]] 第{i}项 "{name}"' if name else f"[[sections]] 第{i}项"
        r.keys(raw, _SECTION_KEYS, where)
        name = r.text(raw, "name", where, required=True)
        if name in seen_names:
            r.add(where, f"部分名称「{name}」重复")
        seen_names.add(name)
        mode = r.choice(raw, "mode", where, MODES, "accumulate", "计分方式") or "accumulate"
        if mode == "adjust":
            if "max" in raw:
                r.add(where, '加减分部分（mode = "adjust"）不计入满分，不要写「max」')
            max_ = Decimal(0)
        else:
            max_ = r.number(raw, "max", where, required=True, positive=True) or Decimal(0)
        capped = r.boolean(raw, "capped", where, True)
        if mode != "accumulate" and "capped" in raw:
            r.add(where, '「capped」只用于累加部分（mode = "accumulate"）')
        sec_period = r.choice(raw, "period", where, PERIOD_WORDS, period, "积分周期") or period
        sec_combine = r.choice(raw, "combine", where, COMBINES, combine, "合成方式") or combine
        if (
            sec_combine == "sum"
            and PERIOD_MONTHS[sec_period] < 12
            and (mode == "deduct" or (mode == "accumulate" and capped))
        ):
            r.add(
                where,
                f"按{PERIOD_WORDS[sec_period]}计分的部分各期相加会超过满分{_fmt(max_)}分，"
                '请写 combine = "average"（各期取平均），或把 period 改为 "year"',
            )
        items: list[Item] = []
        for j, raw_item in enumerate(r.tables(raw, "items", where), start=1):
            item = _read_item(r, raw_item, f"{where} items 第{j}项", sec_period)
            if item is None:
                continue
            if item.id in seen_items:
                r.add(
                    f"{where} items 第{j}项",
                    f"项目编号「{item.id}」与部分「{seen_items[item.id]}」中的项目重复",
                )
            seen_items[item.id] = name
            if mode == "deduct" and item.source == "appraisal":
                r.add(f"{where} items 第{j}项", "民主评议等次应放在累加部分，不能放在扣减部分")
            items.append(item)
        if not items and mode != "adjust":
            r.add(where, "没有任何项目（[[sections.items]]）")
        pools = _read_pools(r, raw, where, items, sec_period)
        sections.append(
            Section(
                name=name,
                max=max_,
                mode=mode,
                capped=capped,
                period=sec_period,
                combine=sec_combine,
                items=tuple(items),
                pools=tuple(pools),
                note=r.text(raw, "note", where),
            )
        )
    return sections


def _read_item(r: _Reader, raw: Mapping[str, Any], where: str, sec_period: str) -> Item | None:
    name = raw.get("name") if isinstance(raw.get("name"), str) else ""
    if name:
        where = f'{where} "{name}"'
    r.keys(raw, _ITEM_KEYS, where)
    item_id = r.text(raw, "id", where, required=True)
    if item_id and not _ID_RE.match(item_id):
        r.add(where, f"「id」只能用小写英文字母、数字、连字符和下划线，而不是「{item_id}」")
    name = r.text(raw, "name", where, required=True)
    source = r.choice(raw, "source", where, SOURCES, None, "数据来源")
    points = r.number(raw, "points", where)
    per = r.choice(raw, "per", where, PERIOD_WORDS, sec_period, "计次周期") or sec_period
    cap = r.number(raw, "cap", where, positive=True)
    tiers = _read_tiers(r, raw, where)
    if points is not None and tiers:
        r.add(where, "「points」与「tiers」只能写一个：分档计分时每档写自己的分值")
    kwargs: dict[str, Any] = {}
    if source == "attendance":
        kwargs["activity_types"] = frozenset(
            r.text_list(raw, "activity_types", where, ACTIVITY_TYPES, "活动类型", required=True)
        )
        kwargs["statuses"] = frozenset(
            r.text_list(raw, "statuses", where, ATTENDANCE_STATUSES, "签到状态", required=True)
        )
        if points is None and not tiers:
            r.add(where, "缺少「points」（每次分值）或「tiers」（分档）")
    elif source == "dues":
        kwargs["dues"] = frozenset(
            r.text_list(raw, "dues", where, DUES_KINDS, "党费情形", required=True)
        )
        if points is None and not tiers:
            r.add(where, "缺少「points」（每月分值）或「tiers」（分档）")
    elif source == "claim":
        rng = raw.get("range")
        if rng is not None:
            lo_hi = [_to_decimal(v) for v in rng] if isinstance(rng, list) else []
            if len(lo_hi) != 2 or None in lo_hi:
                r.add(where, "「range」应为两个数字，例如 [1, 12]")
            elif lo_hi[0] > lo_hi[1]:  # type: ignore[operator]
                r.add(where, f"「range」下限{_fmt(lo_hi[0])}大于上限{_fmt(lo_hi[1])}")  # type: ignore[arg-type]
            else:
                kwargs["range"] = (lo_hi[0], lo_hi[1])
        if points is None and rng is None and not tiers:
            r.add(where, "缺少「points」（每次固定分值）或「range」（申报分值范围）")
    elif source == "appraisal":
        kwargs["kind"] = r.choice(raw, "kind", where, APPRAISAL_KINDS, None, "评议类型")
        grades = r.table(raw, "grades", where)
        if grades is None:
            r.add(where, "缺少「grades」（各等次对应的分值）")
        else:
            mapped: dict[str, Decimal] = {}
            for grade, value in grades.items():
                if grade not in APPRAISAL_GRADES:
                    r.add(
                        where, f"grades 中未知的等次「{grade}」，可选：{_options(APPRAISAL_GRADES)}"
                    )
                    continue
                number = _to_decimal(value)
                if number is None:
                    r.add(where, f"grades 中「{grade}」的分值应为数字")
                    continue
                mapped[grade] = number
            for grade in APPRAISAL_GRADES:
                if grade not in grades:
                    r.add(where, f"grades 缺少等次「{grade}」的分值（不得分请写 0）")
            kwargs["grades"] = mapped
        kwargs["round_period"] = (
            r.choice(raw, "round_period", where, PERIOD_WORDS, "year", "评议轮次周期") or "year"
        )
        if points is not None or tiers:
            r.add(where, "民主评议项目按等次计分，不要写「points」或「tiers」")
    for key, wanted in (
        ("activity_types", "attendance"),
        ("statuses", "attendance"),
        ("dues", "dues"),
        ("range", "claim"),
        ("kind", "appraisal"),
        ("grades", "appraisal"),
        ("round_period", "appraisal"),
    ):
        if key in raw and source is not None and source != wanted:
            r.add(where, f'「{key}」只用于 source = "{wanted}" 的项目')
    if source is None:
        return None
    return Item(
        id=item_id,
        name=name,
        source=source,
        points=points,
        tiers=tiers,
        per=per,
        cap=cap,
        note=r.text(raw, "note", where),
        **kwargs,
    )


def _read_tiers(r: _Reader, raw: Mapping[str, Any], where: str) -> tuple[Tier, ...]:
    if "tiers" not in raw:
        return ()
    where = f"{where} tiers"
    value = raw["tiers"]
    if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
        r.add(
            where, "应为分档列表，例如 [{from = 1, to = 4, points = -1}, {from = 5, points = -2}]"
        )
        return ()
    tiers: list[Tier] = []
    for k, t in enumerate(value, start=1):
        w = f"{where} 第{k}档"
        r.keys(t, _TIER_KEYS, w)
        start = r.integer(t, "from", w, low=1, required=True)
        end = r.integer(t, "to", w, low=1)
        points = r.number(t, "points", w, required=True)
        if start is None or points is None:
            continue
        if end is not None and end < start:
            r.add(w, f"「to」{end} 小于「from」{start}")
            continue
        tiers.append(Tier(start, end, points))
    ok = len(tiers) == len(value)
    if ok:
        for k in range(1, len(tiers)):
            prev, cur = tiers[k - 1], tiers[k]
            if prev.end is None:
                r.add(where, f"第{k}档没有上限（to），后面不能再有第{k + 1}档")
                break
            if cur.start <= prev.end:
                span = (
                    f"第{cur.start}次"
                    if cur.start == prev.end
                    else f"第{cur.start}次至第{prev.end}次"
                )
                r.add(where, f"第{k + 1}档与第{k}档重叠（{span}在两档中都有）")
            elif cur.start > prev.end + 1:
                gap = (
                    f"第{prev.end + 1}次"
                    if cur.start == prev.end + 2
                    else f"第{prev.end + 1}至{cur.start - 1}次"
                )
                r.add(where, f"第{k}档与第{k + 1}档之间缺少{gap}")
        if tiers[0].start != 1:
            r.add(where, f"第1档应从第1次开始（from = 1），而不是从第{tiers[0].start}次")
    return tuple(tiers)


def _read_pools(
    r: _Reader, raw: Mapping[str, Any], where: str, items: Sequence[Item], sec_period: str
) -> list[Pool]:
    pools: list[Pool] = []
    ids = {item.id for item in items}
    used: dict[str, str] = {}
    for k, p in enumerate(r.tables(raw, "pools", where), start=1):
        pname = p.get("name") if isinstance(p.get("name"), str) else ""
        w = f'{where} pools 第{k}项 "{pname}"' if pname else f"{where} pools 第{k}项"
        r.keys(p, _POOL_KEYS, w)
        name = r.text(p, "name", w, required=True)
        cap = r.number(p, "cap", w, required=True, positive=True)
        members = r.text_list(p, "items", w, required=True)
        for item_id in members:
            if item_id not in ids:
                r.add(w, f"引用了本部分不存在的项目「{item_id}」")
            elif item_id in used:
                r.add(w, f"项目「{item_id}」已属于「{used[item_id]}」，一个项目只能属于一个封顶组")
            else:
                used[item_id] = name
        per = r.choice(p, "per", w, PERIOD_WORDS, sec_period, "计次周期") or sec_period
        if cap is not None:
            pools.append(Pool(name, cap, members, per))
    return pools


def _read_rating(r: _Reader, data: Mapping[str, Any], names: Sequence[str]) -> Rating | None:
    raw = r.table(data, "rating", "文件顶层")
    if raw is None:
        return None
    where = "[rating]"
    r.keys(raw, _RATING_KEYS, where)
    rounding = r.choice(raw, "rounding", where, ROUNDINGS, "floor", "取整规则") or "floor"
    per = r.choice(raw, "per", where, PERIOD_WORDS, "year", "评定周期") or "year"
    levels: list[Level] = []
    raw_levels = r.tables(raw, "levels", where)
    if not raw_levels:
        r.add(where, "缺少 [[rating.levels]]（星级或等次的分数线）")
    for k, lv in enumerate(raw_levels, start=1):
        w = f"{where} levels 第{k}项"
        r.keys(lv, _LEVEL_KEYS, w)
        minimum = r.number(lv, "min", w)
        if minimum is None and "min" not in lv:
            r.add(w, "缺少分数线「min」")
        stars = r.integer(lv, "stars", w, low=1, high=5)
        grade = r.choice(lv, "grade", w, RATING_GRADES, "", "等次") or None
        if stars is None and grade is None and "stars" not in lv and "grade" not in lv:
            r.add(w, "至少要写「stars」（星级）或「grade」（等次）之一")
        quota = r.number(lv, "quota", w, positive=True)
        if quota is not None and quota > 1:
            r.add(w, f"名额比例 quota = {_fmt(quota)} 超过100%（比例写成小数，10% 写 0.1）")
            quota = None
        below = r.integer(lv, "small_branch_below", w, low=1)
        count = r.integer(lv, "small_branch_count", w, default=0, low=0) or 0
        if (below is None) != ("small_branch_count" not in lv):
            r.add(w, "「small_branch_below」与「small_branch_count」要一起写")
        if minimum is not None:
            levels.append(Level(minimum, stars, grade, quota, below, count))
    if len(levels) == len(raw_levels):
        for k in range(1, len(levels)):
            # Equal lines are allowed: stars then differ only by quota (星级评定 "三星级起评").
            if levels[k].min > levels[k - 1].min:
                r.add(
                    f"{where} levels 第{k + 1}项",
                    f"分数线 {_fmt(levels[k].min)} 高于上一项的 {_fmt(levels[k - 1].min)}"
                    "（应从高到低排列）",
                )
            elif levels[k].min == levels[k - 1].min and levels[k - 1].quota is None:
                r.add(
                    f"{where} levels 第{k + 1}项",
                    f"与上一项分数线相同（{_fmt(levels[k].min)}），上一项必须有名额比例 quota，"
                    "否则本项永远评不到",
                )
            a, b = levels[k - 1].stars, levels[k].stars
            if a is not None and b is not None and b >= a:
                r.add(f"{where} levels 第{k + 1}项", f"星级 {b} 应低于上一项的 {a}")
    shares = [lv.quota for lv in levels if lv.quota is not None]
    if shares and sum(shares) > 1:
        r.add(where, f"各档名额比例合计{_pct(sum(shares))}，超过100%")
    eligibility: list[Eligibility] = []
    for k, e in enumerate(r.tables(raw, "eligibility", where), start=1):
        w = f"{where} eligibility 第{k}项"
        r.keys(e, _ELIG_KEYS, w)
        secs = r.text_list(e, "sections", w, required=True)
        for s in secs:
            if s not in names:
                r.add(w, f"引用了不存在的部分「{s}」，现有部分：{_options(names)}")
        below_value = r.number(e, "below", w, required=True)
        max_stars = r.integer(e, "max_stars", w, low=0, high=5)
        deny = r.text_list(e, "deny_grades", w, RATING_GRADES, "等次")
        if max_stars is None and not deny:
            r.add(
                w,
                "要写「max_stars」（最多可评几星，0 = 不评星）或「deny_grades」（不得评定的等次）",
            )
        if below_value is not None:
            eligibility.append(
                Eligibility(secs, below_value, max_stars, frozenset(deny), r.text(e, "reason", w))
            )
    return Rating(tuple(levels), tuple(eligibility), rounding, per, r.text(raw, "note", where))


def _read_veto(r: _Reader, data: Mapping[str, Any]) -> VetoRules:
    raw = r.table(data, "veto", "文件顶层") or {}
    where = "[veto]"
    r.keys(raw, _VETO_KEYS, where)
    effect = r.choice(raw, "effect", where, VETO_EFFECTS, "exclude", "否决效果") or "exclude"
    kinds: list[VetoKind] = []
    for k, v in enumerate(r.tables(raw, "kinds", where), start=1):
        w = f"{where} kinds 第{k}项"
        r.keys(v, ("name", "effect"), w)
        name = r.text(v, "name", w, required=True)
        kinds.append(
            VetoKind(name, r.choice(v, "effect", w, VETO_EFFECTS, effect, "否决效果") or effect)
        )
    months = r.integer(raw, "no_party_life_months", where, default=6, low=0, high=24)
    dues = r.integer(raw, "no_dues_months", where, default=6, low=0, high=24)
    return VetoRules(effect, tuple(kinds), months or 0, dues or 0)


def _read_followups(r: _Reader, data: Mapping[str, Any], names: Sequence[str]) -> list[FollowUp]:
    out: list[FollowUp] = []
    raws = r.tables(data, "followups", "文件顶层")
    all_names = [f.get("name") for f in raws]
    for k, f in enumerate(raws, start=1):
        fname = f.get("name") if isinstance(f.get("name"), str) else ""
        w = f'[[followups]] 第{k}项 "{fname}"' if fname else f"[[followups]] 第{k}项"
        r.keys(f, _FOLLOWUP_KEYS, w)
        name = r.text(f, "name", w, required=True)
        when = r.choice(f, "when", w, FOLLOWUP_WHEN, None, "触发条件")
        op = r.choice(f, "op", w, OPS, "<", "比较方式") or "<"
        value = r.number(f, "value", w)
        share = r.number(f, "share", w, positive=True)
        section = r.text(f, "section", w) or None
        of = r.text(f, "of", w) or None
        clean = r.text(f, "requires_clean_section", w) or None
        if when in ("total", "section") and value is None:
            r.add(w, "缺少「value」（分数线）")
        if when == "section" and section is None:
            r.add(w, "缺少「section」（哪个部分）")
        if section is not None and section not in names:
            r.add(w, f"引用了不存在的部分「{section}」，现有部分：{_options(names)}")
        if clean is not None and clean not in names:
            r.add(w, f"引用了不存在的部分「{clean}」，现有部分：{_options(names)}")
        if when in ("top_share", "bottom_share"):
            if share is None:
                r.add(w, "缺少「share」（比例，10% 写 0.1）")
            elif share > 1:
                r.add(w, f"比例 share = {_fmt(share)} 超过100%（10% 写 0.1）")
                share = None
        if share is not None and when not in ("top_share", "bottom_share"):
            r.add(w, '「share」只用于 when = "top_share" 或 "bottom_share"')
        if when == "repeated":
            if of is None:
                r.add(w, "缺少「of」（连续两年出现的是哪一项后续处理）")
            elif of not in all_names:
                r.add(w, f"「of」引用了不存在的后续处理「{of}」")
        if when is not None:
            out.append(
                FollowUp(name, when, op, value, section, share, of, clean, r.text(f, "note", w))
            )
    return out


def fmt_points(value: Decimal) -> str:
    """Points for people: 2, 0.5, 92.25."""
    return _fmt(value)


__all__ = [
    "COMBINES",
    "DUES_KINDS",
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
