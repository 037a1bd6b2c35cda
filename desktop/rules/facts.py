"""Facts the book gathers from the database and hands to the rules engine.

Plain frozen dataclasses: no Qt, no SQL. Points are `decimal.Decimal` (never float),
money is integer fen, dates are ISO `YYYY-MM-DD` strings, months `YYYY-MM`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

MEMBER_STATUSES = ("正式党员", "预备党员", "入党积极分子", "入党申请人")
MOBILE_SCOPES = ("省内", "省外")
ACTIVITY_TYPES = (
    "支部党员大会",
    "支委会",
    "党小组会",
    "党课",
    "主题党日",
    "组织生活会",
    "民主评议",
    "志愿服务",
    "集中学习",
    "其他",
)
ATTENDANCE_STATUSES = ("出席", "因公请假", "因私请假", "无故缺席", "补录")
# Statuses that count as having taken part (补录 = registered late with two witnesses).
PRESENT_STATUSES = frozenset({"出席", "补录"})
CLAIM_STATUSES = ("申报", "初评", "审定", "驳回")
APPROVED = "审定"
# 公司 plan: 「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定」 — 自评 and
# 组织考评 (支部评定) are one grade per member, recorded as they are; only the two voted kinds
# have 评议会议, ballots and tallies.
APPRAISAL_KINDS = ("党员评议", "群众评议", "自评", "组织考评")
VOTED_KINDS = ("党员评议", "群众评议")
GRADED_KINDS = ("自评", "组织考评")  # one grade per member, with its 评定人 and 日期
#: Who grades a 组织考评 unless told otherwise (支部评定: the branch committee).
DEFAULT_ORG_GRADER = "支委会"
APPRAISAL_GRADES = ("优秀", "合格", "基本合格", "不合格")


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """One person on the roster, as the rules need them."""

    code: str
    name: str
    status: str  # one of MEMBER_STATUSES
    group: str = ""
    exempt: bool = False  # 年老体弱/患病, approved not to take part in scoring
    mobile: bool = False  # 流动党员
    mobile_scope: str | None = None  # "省内" / "省外" / None
    leader: bool = False  # 党员领导干部
    joined_date: str | None = None  # 入党时间 (admitted as probationary member)
    transferred_in_date: str | None = None  # 组织关系转入本支部
    left_date: str | None = None  # 离开本支部 (转出/出党/死亡)
    # 在职 or not: the member's 党费类别 in force at the year's end (在职, 年薪制, 离退休 …),
    # None when no dues standard is recorded. A scheme may score 在职 members only.
    employment: str | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    code: str
    date: str
    type: str  # one of ACTIVITY_TYPES
    title: str = ""


@dataclass(frozen=True, slots=True)
class Attendance:
    activity: str  # Activity.code
    member: str  # MemberFacts.code
    status: str  # one of ATTENDANCE_STATUSES


@dataclass(frozen=True, slots=True)
class DuesMonth:
    """What one member owed and paid for one month (one row per month owed).

    `paid_fen`/`paid_date` are what stands today. A month with a payment reversed also has
    `payments`: each of its payments — (paid fen, paid date, reversal date or None) — for
    `standing_as_of`."""

    member: str
    month: str  # "YYYY-MM"
    due_fen: int
    paid_fen: int
    paid_date: str | None = None
    payments: tuple[tuple[int, str | None, str | None], ...] = ()

    def standing_as_of(self, as_of: str) -> tuple[int, str | None]:
        """(paid fen, paid date) as classify_dues should judge them on `as_of`: a payment
        reversed after that day still stood then, as a payment made after it was not yet
        known. Paid in full by `as_of`: what was known then, dated by its last payment; else
        everything standing then, as for a month without reversals."""
        if not self.payments:
            return self.paid_fen, self.paid_date
        rows = [(fen, day) for fen, day, gone in self.payments if gone is None or gone > as_of]
        known = [(fen, day) for fen, day in rows if day and day <= as_of]
        if self.due_fen > 0 and sum(fen for fen, _day in known) >= self.due_fen:
            rows = known
        days = [day for _fen, day in rows if day]
        return sum(fen for fen, _day in rows), max(days) if days else None


@dataclass(frozen=True, slots=True)
class Claim:
    """A point claim (个人申报) or a committee entry; only status 审定 counts."""

    member: str
    date: str
    item: str  # Item.id in the scheme
    points: Decimal
    reason: str = ""
    status: str = APPROVED
    # A claim the scheme sends above the branch ([[approvals]] items): the latest decision,
    # "approved" / "refused", or "" while none is recorded (待审批, not counted).
    above: str = ""


@dataclass(frozen=True, slots=True)
class Correction:
    """A correction of a fact in a confirmed quarter: a new dated entry (in an open period)
    with its reason, worth `points` under the scheme item it corrects."""

    member: str
    date: str
    item: str  # Item.id in the scheme (any source)
    points: Decimal
    reason: str
    refers_to: str = ""  # the corrected fact, in words (e.g. "2026-03-10 主题党日 无故缺席")


@dataclass(frozen=True, slots=True)
class Appraisal:
    year: int
    round: int
    kind: str  # 党员评议 / 群众评议 / 自评 / 组织考评
    member: str
    grade: str  # 优秀 / 合格 / 基本合格 / 不合格
    # 自评 / 组织考评: who graded (the member herself; 支委会 or a named person) and when;
    # empty when not recorded (results from before schema 18, the two voted kinds).
    graded_by: str = ""
    date: str | None = None


def graded_words(kind: str, graded_by: str | None, on: str | None) -> str:
    """「王一（本人）于2026-01-10评定」, 「支委会于2026-01-12评定」: a 自评 / 组织考评's
    评定人 and 日期 as the screens, commands and papers say it ("" when neither is known)."""
    who = (graded_by or "") + ("（本人）" if graded_by and kind == "自评" else "")
    if who and on:
        return f"{who}于{on}评定"
    if who:
        return f"{who}评定"
    return f"{on}评定" if on else ""


@dataclass(frozen=True, slots=True)
class Veto:
    """A confirmed 一票否决 decision. Records without `confirmed_by` are not applied."""

    member: str
    date: str
    reason: str
    confirmed_by: str
    kind: str | None = None  # one of the scheme's veto kinds, if the book knows it


@dataclass(frozen=True, slots=True)
class YearFacts:
    """Everything the rules engine reads for one branch.

    It may hold facts from before the year (e.g. the previous half year) so that
    consecutive-month veto detection can look across the new year.
    """

    members: tuple[MemberFacts, ...] = ()
    activities: tuple[Activity, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    dues: tuple[DuesMonth, ...] = ()
    claims: tuple[Claim, ...] = ()
    appraisals: tuple[Appraisal, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    corrections: tuple[Correction, ...] = ()
    #: The first day the book keeps points (a branch that started mid-year), or None. Periods
    #: wholly before it have no points; a year is scored from it (docs/schemes.md).
    start: str | None = None

    @classmethod
    def of(
        cls,
        members: Iterable[MemberFacts] = (),
        activities: Iterable[Activity] = (),
        attendance: Iterable[Attendance] = (),
        dues: Iterable[DuesMonth] = (),
        claims: Iterable[Claim] = (),
        appraisals: Iterable[Appraisal] = (),
        vetoes: Iterable[Veto] = (),
        corrections: Iterable[Correction] = (),
    ) -> YearFacts:
        """Build from any iterables (lists, generators, query results)."""
        return cls(
            tuple(members),
            tuple(activities),
            tuple(attendance),
            tuple(dues),
            tuple(claims),
            tuple(appraisals),
            tuple(vetoes),
            tuple(corrections),
        )
