"""What scoring and rating produce: explained lines, flags, per-member and per-window results.

Plain dataclasses shared by the scoring engine (rules.scoring), the follow-ups, the veto
checks and the rating (rules.rating); no logic beyond rounding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from desktop.rules.facts import Veto
from desktop.rules.periods import Period

ZERO = Decimal(0)
CENT = Decimal("0.01")
FINE = Decimal("0.0001")


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Line:
    """One explained point: the fact, the rule it fell under, and what it was worth."""

    section: str
    rule: str
    date: str
    fact: str
    points: Decimal
    period: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    """Something for a person to look at. kind: veto / veto_check / followup / notice."""

    kind: str
    text: str
    name: str = ""


@dataclass(slots=True)
class MemberResult:
    code: str
    name: str
    group: str
    status: str
    scored: bool
    rated: bool
    reasons: list[str]
    sections: dict[str, Decimal]
    total: Decimal
    lines: list[Line]
    flags: list[Flag]
    vetoes: list[Veto] = field(default_factory=list)  # confirmed, dated in the window
    deducted: set[str] = field(default_factory=set)  # sections with any deduction in the window
    deducted_items: set[str] = field(default_factory=set)  # items with a deduction in it

    @property
    def veto_effects(self) -> set[str]:
        return {f.name for f in self.flags if f.kind == "veto"}


@dataclass(slots=True)
class ScoreResult:
    scheme_id: str
    year: int
    window: Period
    as_of: str
    members: list[MemberResult]
    quarter: int | None = None
    half: int | None = None
    month: int | None = None

    def member(self, code_or_name: str) -> MemberResult | None:
        """By code, else by name if exactly one member has it."""
        for m in self.members:
            if m.code == code_or_name:
                return m
        named = [m for m in self.members if m.name == code_or_name]
        return named[0] if len(named) == 1 else None


@dataclass(slots=True)
class RatedMember:
    code: str
    name: str
    total: Decimal
    rated: bool
    stars: int | None
    grade: str | None
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class QuotaUse:
    level: str
    limit: int | None  # None = no limit
    used: int
    rule: str  # how the limit was computed, in Chinese


@dataclass(slots=True)
class RatingResult:
    scheme_id: str
    year: int
    window: Period
    rated_count: int
    members: list[RatedMember]
    quotas: list[QuotaUse]


# ---------------------------------------------------------------- helpers


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
