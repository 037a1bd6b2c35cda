"""The scheme's model: the validated dataclasses a scheme file becomes, and the words for
every choice a key can take (shown in the validator's messages and the scheme's description).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

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
    "band": "总分在某区间",
    "stars": "评定为某星级",
    "grade": "评定为某等次",
    "top_count": "排名前若干名",
    "bottom_count": "排名后若干名",
}
# Follow-ups keyed on the rating's result: judged only where the scheme rates (rating.per).
RESULT_WHEN = ("stars", "grade")
OPS = (">", ">=", "<", "<=")
PERIOD_WORDS = {"month": "月", "quarter": "季度", "half": "半年", "year": "年"}
# The review cycle (评议、公示、异议、确认): 「每季度末…公示」 by default; 「每月一汇总、一审核、
# 一公示」 (量化定级); 「每年考核 2 次，6月30日前核准上半年积分」 (机关).
REVIEW_CYCLES = {"quarter": "季度", "month": "月", "half": "半年"}


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
    # 街道：「可不参加积分制管理，根据民主评议和日常表现情况确定等次」 — exempt members are
    # still appraised (graded by 民主评议) though not scored.
    appraise_exempt: bool = False
    # 「适用范围：在职正式党员和预备党员」: only members whose 党费类别 is one of these are
    # scored (empty = everyone; a member with no dues standard recorded is scored).
    employment: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GradeThreshold:
    """两票制: 「不合格票超过30%的 → 不合格」 — votes for `grade` (and worse, if `or_worse`)
    over (>) or at least (≥) `share` of the ballots cast decide the grade."""

    grade: str
    share: Decimal
    strict: bool = True  # True: over (>), False: at least (≥)
    or_worse: bool = False


@dataclass(frozen=True, slots=True)
class CombinePart:
    """One separately tallied 民主评议 in the combined grade: which kind and round, its share."""

    name: str  # as the plan calls it (党员互评, 群众测评 …)
    kind: str  # 党员评议 / 群众评议 / 自评 / 组织考评
    round: int
    weight: Decimal  # share of the whole, 0.6 = 60%


@dataclass(frozen=True, slots=True)
class Combine:
    """[ballots.combine]: the year's 综合评定 from several separately tallied results, each
    grade worth its points, weighted by the parts' shares, the total placed by the lines."""

    parts: tuple[CombinePart, ...]
    points: Mapping[str, Decimal]
    lines: tuple[tuple[Decimal, str], ...]  # (min weighted points, grade), high first
    note: str = ""
    # The source = "appraisal" item scored by the 综合评定 instead of its own kind's grade
    # (so the combined grade feeds the points and the rating); None = shown only.
    item: str | None = None


@dataclass(frozen=True, slots=True)
class Ballots:
    """How a 民主评议 grade follows from a member's ballot tally ([ballots])."""

    rule: str = "majority"  # majority: most votes (ties → the lower grade); weighted: points
    thresholds: tuple[GradeThreshold, ...] = ()
    points: Mapping[str, Decimal] | None = None  # weighted: each vote's value
    lines: tuple[tuple[Decimal, str], ...] = ()  # weighted: (min average, grade), high first
    note: str = ""
    combine: Combine | None = None  # 自评/互评/组织考评 …: separately tallied, weighted


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
            parts.append(f"{STAR_WORDS[self.stars]}星级")
        if self.grade:
            parts.append(self.grade)
        return "、".join(parts)


STAR_WORDS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}


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
    # What quota shares are shares of: "rated" — the members rated (default); "members" —
    # 「党员总数」, every party member on the roll in the period (社区, 星级评定).
    quota_base: str = "rated"


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
    low: Decimal | None = None  # band: total ≥ low (「60~69」: from = 60) …
    below: Decimal | None = None  # … and total < below (below = 70)
    stars: frozenset[int] = frozenset()  # when = "stars": the rated stars
    grades: frozenset[str] = frozenset()  # when = "grade": the rated grades
    count: int | None = None  # top_count / bottom_count: how many (ties: take_with_ties)
    periods: int = 1  # the condition holds this many periods running (「连续两个季度」)
    requires_clean_items: tuple[str, ...] = ()  # no deduction from these items in the period


@dataclass(frozen=True, slots=True)
class Approval:
    """A result the branch may not settle alone (党员e家 第十八条: 「拟评定为四星级党员的须报
    上级党组织审批，拟评定为五星级党员的须报上级党（工）委审批」): which stars / grades need it,
    and the body that approves. Until approved the result reads 待审批."""

    name: str  # the step, e.g. 「报上级党（工）委审批」
    by: str  # who approves, e.g. 「上级党（工）委」 (printed as 经…审批)
    stars: frozenset[int] = frozenset()
    grades: frozenset[str] = frozenset()
    note: str = ""
    # Claimable items whose 审定 claims count only once this body approves them (街道「经党支部
    # 研究讨论认定，报党工委审定后确定加分分值」).
    items: frozenset[str] = frozenset()
    # 党员大会表决: the step is decided by the general meeting's recorded vote, passed by this
    # rule (rules/votes.VOTE_RULES: present / voting / entitled); "" = an ordinary approval.
    vote: str = ""
    quorum: bool = True  # the meeting votes only with more than half of those entitled present

    def applies(self, stars: int | None, grade: str | None) -> bool:
        return (stars is not None and stars in self.stars) or (
            grade is not None and grade in self.grades
        )


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
    mobile_note: str = ""  # what the plan asks of 流动党员 beyond counted attendance
    # 公示: at least this many days, counted as working days (skipping weekends and the book's
    # holidays) or calendar days. The source's plans say "≥5 days" or "≥5 working days".
    publicity_days: int = 5
    publicity_working_days: bool = True
    # The period the branch reviews, publishes, hears objections on and confirms: "quarter"
    # (default), "month" or "half" ([publicity] cycle).
    review_cycle: str = "quarter"
    approvals: tuple[Approval, ...] = ()
    ballots: Ballots = Ballots()
    # 积分兑换 (社区「有条件的社区可开展党员积分兑换服务等活动」): a ledger of redemptions
    # against the year's points that never changes the score. None = the plan has none.
    exchange_note: str | None = None
    # How an averaged year treats periods a member was not in the branch (transferred in,
    # left): "present" — average over the periods he was here (default); "all" — 「季度积分
    # 之和÷4」 literally, absent periods count 0.
    partial_year: str = "present"

    def approvals_for(self, stars: int | None, grade: str | None) -> tuple[Approval, ...]:
        """The approvals above the branch a result (stars, grade) waits for, in file order."""
        return tuple(a for a in self.approvals if a.applies(stars, grade))

    def claim_approval(self, item_id: str) -> Approval | None:
        """The approval above the branch a 审定 claim of this item waits for (first in file)."""
        return next((a for a in self.approvals if item_id in a.items), None)

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
