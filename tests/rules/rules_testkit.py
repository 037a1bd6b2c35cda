"""Small builders for rules tests (not a test module)."""

from __future__ import annotations

from decimal import Decimal

from desktop.rules.facts import (
    Activity,
    Appraisal,
    Attendance,
    Claim,
    DuesMonth,
    MemberFacts,
    Veto,
    YearFacts,
)
from desktop.rules.presets import load_preset

D = Decimal
__all__ = [
    "D",
    "Activity",
    "Appraisal",
    "Attendance",
    "Claim",
    "DuesMonth",
    "MemberFacts",
    "Veto",
    "YearFacts",
    "Branch",
    "load_preset",
]


class Branch:
    """Accumulates facts for one branch, then `.facts()` → YearFacts."""

    def __init__(self) -> None:
        self.members: list[MemberFacts] = []
        self.activities: list[Activity] = []
        self.attendance: list[Attendance] = []
        self.dues: list[DuesMonth] = []
        self.claims: list[Claim] = []
        self.appraisals: list[Appraisal] = []
        self.vetoes: list[Veto] = []

    def member(self, code: str, name: str | None = None, status: str = "正式党员", **kw) -> str:
        self.members.append(MemberFacts(code, name or f"党员{code}", status, **kw))
        return code

    def activity(self, date: str, type_: str = "主题党日", title: str = "") -> str:
        code = f"H{len(self.activities) + 1:04d}"
        self.activities.append(Activity(code, date, type_, title))
        return code

    def attend(self, member: str, date: str, status: str, type_: str = "主题党日") -> None:
        self.attendance.append(Attendance(self.activity(date, type_), member, status))

    def claim(
        self,
        member: str,
        date: str,
        item: str,
        points: str | int,
        reason: str = "",
        status: str = "审定",
    ) -> None:
        self.claims.append(Claim(member, date, item, D(str(points)), reason, status))

    def pay(self, member: str, month: str, due: int, paid: int, date: str | None) -> None:
        self.dues.append(DuesMonth(member, month, due, paid, date))

    def appraise(
        self,
        member: str,
        grade: str,
        year: int = 2026,
        round_: int = 1,
        kind: str = "党员评议",
        graded_by: str = "",
        on: str | None = None,
    ) -> None:
        self.appraisals.append(Appraisal(year, round_, kind, member, grade, graded_by, on))

    def veto(
        self, member: str, date: str, reason: str, by: str = "支委会", kind: str | None = None
    ) -> None:
        self.vetoes.append(Veto(member, date, reason, by, kind))

    def facts(self) -> YearFacts:
        return YearFacts.of(
            self.members,
            self.activities,
            self.attendance,
            self.dues,
            self.claims,
            self.appraisals,
            self.vetoes,
        )


def lines_sum(member) -> Decimal:  # type: ignore[no-untyped-def]
    return sum((ln.points for ln in member.lines), Decimal(0))
