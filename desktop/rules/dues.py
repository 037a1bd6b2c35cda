"""Party dues (党费): the 2008 tariff, what a member owes by month, and the arrears ladder.

Pure Python: no Qt, no SQL. Money is integer fen (分) throughout.

The tariff (《关于中国共产党党费收缴、使用和管理的规定》, 2008):
  在职 (salaried) on regular monthly after-tax pay: ≤3,000 yuan (inclusive) 0.5%,
    3,000–5,000 (inclusive) 1%, 5,000–10,000 (inclusive) 1.5%, above 10,000 2%;
  年薪制 (annual salary) the same brackets on the month's actual pay;
  个体经营 (self-employed) the same brackets on last quarter's monthly average net income;
  离退休 (retired) on the pension: ≤5,000 (inclusive) 0.5%, above 1%;
  农民 (farmers) 0.2–1 yuan a month, chosen by the branch;
  学生 / 失业 / 领取救济或低保 0.2 yuan a month.
Probationary members pay from the month the branch meeting admitted them.

Rounding (stated here, tested at every bracket boundary): the percentage of the income in fen
is rounded half up to a whole fen — 0.5 fen and above rounds up, below rounds down. Integer
arithmetic only, so no binary float ever touches money.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.rules.dates import date_words

YUAN = 100  # fen

EMPLOYED = "在职"
ANNUAL_SALARY = "年薪制"
SELF_EMPLOYED = "个体经营"
RETIRED = "离退休"
FARMER = "农民"
STUDENT = "学生"
UNEMPLOYED = "失业"
RELIEF = "领取救济或低保"

#: Every category, in the order a form offers them.
CATEGORIES: tuple[str, ...] = (
    EMPLOYED,
    ANNUAL_SALARY,
    SELF_EMPLOYED,
    RETIRED,
    FARMER,
    STUDENT,
    UNEMPLOYED,
    RELIEF,
)
#: Categories whose amount is a percentage of an income.
INCOME_CATEGORIES = (EMPLOYED, ANNUAL_SALARY, SELF_EMPLOYED, RETIRED)
#: What the income means for each income category (shown beside the input).
INCOME_LABELS: dict[str, str] = {
    EMPLOYED: "每月税后工资收入",
    ANNUAL_SALARY: "当月实际领取的税后收入",
    SELF_EMPLOYED: "上一季度月平均纯收入",
    RETIRED: "每月税后离退休费",
}
#: Fixed amounts: farmers choose 0.2–1 yuan; the others pay 0.2 yuan.
FARMER_MIN_FEN, FARMER_MAX_FEN = 20, 100
FLAT_FEN = 20

# (upper bound of the bracket in fen, inclusive; None = no bound) → rate in permille.
_SALARY_BRACKETS: tuple[tuple[int | None, int], ...] = (
    (300_000, 5),
    (500_000, 10),
    (1_000_000, 15),
    (None, 20),
)
_PENSION_BRACKETS: tuple[tuple[int | None, int], ...] = (
    (500_000, 5),
    (None, 10),
)

#: A single voluntary payment of this much or more is passed up to the higher committee whole.
PASS_UP_WHOLE_FEN = 1_000 * YUAN
#: A month's payment above this is surely a typing mistake (100,000 yuan).
ABSURD_FEN = 100_000 * YUAN
#: A monthly income above this is surely a typing mistake (10 million yuan).
ABSURD_INCOME_FEN = 10_000_000 * YUAN

#: The arrears ladder: months owed before a reminder, consecutive unpaid months before the
#: committee must look at the veto (按自行脱党处理).
REMINDER_MONTHS = 3
VETO_MONTHS = 6


class TariffError(ValueError):
    """The calculator's input is unusable; the message is Chinese and says what to do."""


def round_half_up_div(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up to an integer (both non-negative)."""
    if numerator < 0 or denominator <= 0:
        raise ValueError("round_half_up_div takes a non-negative numerator")
    return (2 * numerator + denominator) // (2 * denominator)


def rate_permille(category: str, income_fen: int) -> int:
    """The tariff's rate in permille (5 = 0.5%) for an income category and monthly income."""
    if category in (EMPLOYED, ANNUAL_SALARY, SELF_EMPLOYED):
        brackets = _SALARY_BRACKETS
    elif category == RETIRED:
        brackets = _PENSION_BRACKETS
    else:
        raise TariffError(f"“{category}”不按收入比例计算党费。")
    for bound, permille in brackets:
        if bound is None or income_fen <= bound:
            return permille
    raise AssertionError("unreachable: the last bracket has no bound")


def percent_text(permille: int) -> str:
    """5 → "0.5%", 10 → "1%", 15 → "1.5%"."""
    whole, tenth = divmod(permille, 10)
    return f"{whole}.{tenth}%" if tenth else f"{whole}%"


@dataclass(frozen=True)
class Tariff:
    """The calculator's answer: the monthly amount and how it was reached."""

    category: str
    monthly_fen: int
    income_fen: int | None = None
    permille: int | None = None

    def explain(self) -> str:
        if self.permille is not None and self.income_fen is not None:
            label = INCOME_LABELS.get(self.category, "月收入")
            return (
                f"{self.category}：{label} {yuan(self.income_fen)} 元 × "
                f"{percent_text(self.permille)} = {yuan(self.monthly_fen)} 元/月"
                "（按四舍五入保留到分）"
            )
        return f"{self.category}：每月 {yuan(self.monthly_fen)} 元"


def monthly_dues(
    category: str, income_fen: int | None = None, *, fixed_fen: int | None = None
) -> Tariff:
    """The 2008 tariff: a member's monthly dues in fen.

    Income categories take `income_fen` (monthly, after tax; see INCOME_LABELS for which
    income); 农民 takes `fixed_fen` between 20 and 100 fen (default 100, i.e. 1 yuan);
    学生/失业/领取救济或低保 pay 20 fen. Raises TariffError with a Chinese message.
    """
    if category not in CATEGORIES:
        raise TariffError(f"不认识的党费类别“{category}”。可选：{'、'.join(CATEGORIES)}。")
    if category in INCOME_CATEGORIES:
        if income_fen is None:
            raise TariffError(f"请填写{INCOME_LABELS[category]}（元）。")
        if income_fen < 0:
            raise TariffError(f"{INCOME_LABELS[category]}不能是负数，请核对。")
        if income_fen > ABSURD_INCOME_FEN:
            raise TariffError(
                f"{INCOME_LABELS[category]} {yuan(income_fen)} 元不合常理，请核对（单位是元）。"
            )
        permille = rate_permille(category, income_fen)
        amount = round_half_up_div(income_fen * permille, 1000)
        return Tariff(category, amount, income_fen, permille)
    if category == FARMER:
        amount = FARMER_MAX_FEN if fixed_fen is None else fixed_fen
        if not FARMER_MIN_FEN <= amount <= FARMER_MAX_FEN:
            raise TariffError(
                f"农民党员每月交纳党费 0.20 元至 1.00 元，{yuan(amount)} 元不在这个范围；"
                "多交的部分请作为自愿多交登记，或用“手动调整”并写明原因。"
            )
        return Tariff(category, amount)
    return Tariff(category, FLAT_FEN)


# -- money text ---------------------------------------------------------------------------


def yuan(fen: int) -> str:
    """12345 → "123.45" (negative with a leading minus)."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    return f"{sign}{whole}.{part:02d}"


# The register's marks for a member with no 党费标准, one wording for the PDF and the workbook:
# short, so the narrow columns don't wrap, with one note under the table explaining them.
UNSET_RATE = "未设定"  # the 月标准 cell
UNSET_MARK = "未定标准"  # the 欠缴 cell
UNKNOWN_TOTAL = "—"  # a total that can't be known (0.00 would read as "owes nothing")
UNSET_NOTE = (
    f"“{UNSET_MARK}”：该党员（或其部分月份）未设定党费标准，应缴金额无法计算，"
    f"没有计入应缴合计和欠缴；“{UNKNOWN_TOTAL}”表示因此无法计算的合计。"
)


def parse_yuan(text: str) -> int:
    """ "123.45" / "123" / "１２３．４" → fen. Raises TariffError (Chinese) on anything else.

    More than two decimals is refused rather than rounded: a typed amount is what was paid.
    """
    raw = (text or "").strip().replace("元", "").replace(",", "").replace("，", "")
    raw = raw.translate(str.maketrans("０１２３４５６７８９．－", "0123456789.-"))
    if not raw:
        raise TariffError("请填写金额（元）。")
    negative = raw.startswith("-")
    body = raw[1:] if negative else raw
    whole, _, part = body.partition(".")
    if (
        not (whole or part)
        or not (whole.isdigit() or whole == "")
        or not (part.isdigit() or part == "")
    ):
        raise TariffError(f"“{text}”不是金额，请填写数字，如 12.50。")
    if len(part) > 2:
        raise TariffError(f"金额“{text}”最多保留两位小数（到分）。")
    fen = int(whole or "0") * 100 + int((part + "00")[:2])
    return -fen if negative else fen


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿")


def capital_yuan(fen: int) -> str:
    """The amount in 大写 as on a Chinese receipt: 1234.50 → "壹仟贰佰叁拾肆元伍角整"."""
    if fen < 0:
        raise ValueError("capital_yuan takes a non-negative amount")
    whole, part = divmod(fen, 100)
    jiao, fen_digit = divmod(part, 10)
    text = ""
    if whole:
        groups: list[str] = []
        n = whole
        while n:
            groups.append(str(n % 10000).zfill(4))
            n //= 10000
        pieces: list[str] = []
        need_zero = False
        for gi in range(len(groups) - 1, -1, -1):
            g = groups[gi]
            if g == "0000":
                need_zero = bool(pieces)
                continue
            chunk = ""
            for pos, ch in enumerate(g):
                d = int(ch)
                unit = _UNITS[3 - pos]
                if d == 0:
                    if chunk or pieces:
                        need_zero = True
                    continue
                if need_zero and (chunk or pieces):
                    chunk += "零"
                need_zero = False
                chunk += _DIGITS[d] + unit
            pieces.append(chunk + _GROUPS[gi])
        text = "".join(pieces) + "元"
    if not jiao and not fen_digit:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen_digit:
        text += _DIGITS[fen_digit] + "分"
    else:
        text += "整"
    return text


# -- months -------------------------------------------------------------------------------


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_index(month: str) -> int:
    """ "YYYY-MM" (or a full date) → running month number."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_of(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_cn(month: str) -> str:
    """ "2026-03" → "2026年3月"."""
    return f"{int(month[:4])}年{int(month[5:7])}月"


def months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from first to last inclusive (empty if last < first)."""
    return [month_of(i) for i in range(month_index(first), month_index(last) + 1)]


def is_month(text: str) -> bool:
    return (
        isinstance(text, str)
        and len(text) == 7
        and text[4] == "-"
        and text[:4].isdigit()
        and text[5:].isdigit()
        and 1 <= int(text[5:]) <= 12
    )


def first_month_owed(joined_date: str | None, transferred_in_date: str | None) -> str | None:
    """The first month a member owes dues to this branch: the month they were admitted (a
    probationary member pays from it) or, if later, the month they transferred in."""
    starts = [d[:7] for d in (joined_date, transferred_in_date) if d]
    return max(starts) if starts else None


def owes_month(
    month: str,
    *,
    joined_date: str | None,
    transferred_in_date: str | None,
    left_date: str | None,
) -> bool:
    """Whether dues for `month` are owed to this branch: every month spent in it, whole or part."""
    first = first_month_owed(joined_date, transferred_in_date)
    if first is not None and month < first:
        return False
    return not (left_date and month > left_date[:7])


def month_refusal(
    month: str,
    name: str,
    *,
    joined_date: str | None,
    transferred_in_date: str | None,
    left_date: str | None,
) -> str | None:
    """Why a payment for `month` cannot be this branch's (Chinese), or None when it can."""
    if left_date and month > left_date[:7]:
        return (
            f"{name} 已于 {left_date} 离开本支部，不应再有 {month_cn(month)} 的党费；请核对月份。"
        )
    if transferred_in_date and month < transferred_in_date[:7]:
        return (
            f"{name} 于 {transferred_in_date} 转入本支部，{month_cn(month)} 的党费应在原支部交纳。"
        )
    if joined_date and month < joined_date[:7]:
        return (
            f"{name} {date_words(joined_date)} 入党，{month_cn(month)} 还不用交党费；请核对月份。"
        )
    return None


def months_text(months: list[str]) -> str:
    """["2026-01","2026-02","2026-03","2026-05"] → "2026年1月至3月、5月"."""
    ms = sorted(set(months))
    if not ms:
        return ""
    runs: list[tuple[str, str]] = []
    for m in ms:
        if runs and month_index(m) == month_index(runs[-1][1]) + 1:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    parts = []
    last_year = None
    for a, b in runs:
        ya = a[:4]
        head = f"{int(a[5:])}月" if ya == last_year else month_cn(a)
        if a == b:
            parts.append(head)
        elif a[:4] == b[:4]:
            parts.append(f"{head}至{int(b[5:])}月")
        else:
            parts.append(f"{head}至{month_cn(b)}")
        last_year = b[:4]
    return "、".join(parts)


# -- red receipts (红字冲销) on paper and in the workbook ------------------------------------

# A payment without a receipt number (an imported 党费 sheet without 收据号) is named by its
# record number (the book's row id, the 党费 sheet's 记录号): "#12" where a receipt number goes.
UNNUMBERED = "#"


def unnumbered_ref(record_id: int) -> str:
    return f"{UNNUMBERED}{record_id}"


def unnumbered_id(ref: str) -> int | None:
    """The record number of an unnumbered payment's reference ("#12" → 12), else None."""
    tail = ref[len(UNNUMBERED) :] if ref.startswith(UNNUMBERED) else ""
    return int(tail) if tail.isdigit() else None


def receipt_ref_text(ref: str) -> str:
    """ "收据 20260001", or "无收据号的缴费（记录号 12）" for an unnumbered payment."""
    record = unnumbered_id(ref)
    return f"收据 {ref}" if record is None else f"无收据号的缴费（记录号 {record}）"


def red_no_text(ref: str) -> str:
    """What a red line names: "No.20260001", or "无号记录 12" (short: a receipt's 备注 cell)."""
    record = unnumbered_id(ref)
    return f"No.{ref}" if record is None else f"无号记录 {record}"


def red_line_note(rec: Mapping[str, Any]) -> str:
    """备注 of a red receipt's line in a register: what it reverses and why; a receipt of a
    period confirmed before (reversed in a later one) says so with its own date."""
    what = red_no_text(rec["reverses"])
    if rec.get("reverses_confirmed"):
        what += f"（{rec.get('reverses_date') or ''}缴纳，属已确认的{rec['reverses_confirmed']}）"
    return f"红字冲销 {what}：{rec.get('reason') or ''}"


def reversed_line_note(rec: Mapping[str, Any]) -> str:
    """备注 of a reversed receipt: the red receipt, with its date when that is in a later
    month (the red line stands at its own date then); a payment without a receipt number
    says its record number, which its red line names."""
    on = rec.get("reversed_on") or ""
    later = on and on[:7] != (rec.get("paid_date") or "")[:7]
    record = unnumbered_id(rec.get("ref") or "")
    return (
        (f"无号记录 {record}，" if record is not None else "")
        + f"已冲销（红字 No.{rec['reversed_by']}"
        + (f"，{on}" if later else "")
        + "）"
    )


# -- a member's months, arrears and the ladder --------------------------------------------


@dataclass(frozen=True)
class MonthDues:
    """One member-month: what was owed and what has been paid for it (all receipts)."""

    month: str
    due_fen: int
    paid_fen: int = 0
    paid_date: str | None = None

    @property
    def owed_fen(self) -> int:
        return max(0, self.due_fen - self.paid_fen)

    @property
    def extra_fen(self) -> int:
        """Paid beyond what was due: voluntary extra (自愿多交)."""
        return max(0, self.paid_fen - self.due_fen)

    @property
    def state(self) -> str:
        """已缴 / 部分 / 未缴 / 免交 (nothing due)."""
        if self.due_fen <= 0:
            return "免交" if self.paid_fen <= 0 else "已缴"
        if self.paid_fen >= self.due_fen:
            return "已缴"
        return "部分" if self.paid_fen > 0 else "未缴"


LEVEL_NONE, LEVEL_OWING, LEVEL_REMINDER, LEVEL_VETO = 0, 1, 2, 3
LEVEL_TEXT = {
    LEVEL_NONE: "",
    LEVEL_OWING: "欠缴",
    LEVEL_REMINDER: "应发催缴通知",
    LEVEL_VETO: "连续6个月未交，请支委会核实",
}


@dataclass(frozen=True)
class Arrears:
    """A member's outstanding dues up to a month, and where they stand on the ladder."""

    months: tuple[str, ...] = ()
    owed_fen: int = 0
    unpaid_run: tuple[str, str] | None = None  # the longest run of months with nothing paid
    level: int = LEVEL_NONE

    @property
    def count(self) -> int:
        return len(self.months)

    @property
    def run_length(self) -> int:
        if self.unpaid_run is None:
            return 0
        return month_index(self.unpaid_run[1]) - month_index(self.unpaid_run[0]) + 1

    def describe(self) -> str:
        """Chinese, for lists and notices: "欠缴 3 个月（2026年6月、…），共 6.00 元"."""
        if not self.months:
            return "无欠缴"
        text = (
            f"欠缴 {self.count} 个月（{months_text(list(self.months))}），"
            f"共 {yuan(self.owed_fen)} 元"
        )
        if self.level == LEVEL_VETO and self.unpaid_run:
            text += (
                f"；{month_cn(self.unpaid_run[0])}至{month_cn(self.unpaid_run[1])}连续"
                f"{self.run_length}个月未交纳，按规定可能按自行脱党处理，须由支委会核实决定"
            )
        return text


def arrears(months: Iterable[MonthDues], *, through: str) -> Arrears:
    """Arrears over the months up to and including `through` ("YYYY-MM").

    A month is owed when something was due and less was paid; the ladder: 1–2 months owed →
    欠缴, 3 or more → a reminder notice is due (催缴通知), 6 consecutive months with nothing
    paid → flagged for the committee's veto decision. The flag is only a flag: nothing here
    or anywhere applies the veto without a person deciding.
    """
    judged = sorted((m for m in months if m.month <= through), key=lambda m: m.month)
    owed = [m for m in judged if m.owed_fen > 0]
    best: tuple[int, int] | None = None
    start: int | None = None
    prev: int | None = None
    for m in judged:
        idx = month_index(m.month)
        if m.due_fen > 0 and m.paid_fen <= 0:
            # A gap in the months (not owed to this branch) starts a new run.
            if start is None or prev is None or idx != prev + 1:
                start = idx
            if best is None or idx - start > best[1] - best[0]:
                best = (start, idx)
        else:
            start = None
        prev = idx
    run = (month_of(best[0]), month_of(best[1])) if best else None
    run_length = best[1] - best[0] + 1 if best else 0
    if run_length >= VETO_MONTHS:
        level = LEVEL_VETO
    elif len(owed) >= REMINDER_MONTHS:
        level = LEVEL_REMINDER
    elif owed:
        level = LEVEL_OWING
    else:
        level = LEVEL_NONE
    return Arrears(
        months=tuple(m.month for m in owed),
        owed_fen=sum(m.owed_fen for m in owed),
        unpaid_run=run,
        level=level,
    )


# -- the register and its reconciliation --------------------------------------------------


@dataclass
class RegisterRow:
    """One member's year in the register (台账)."""

    key: str
    name: str
    months: dict[str, MonthDues] = field(default_factory=dict)

    @property
    def due_fen(self) -> int:
        return sum(m.due_fen for m in self.months.values())

    @property
    def paid_fen(self) -> int:
        return sum(m.paid_fen for m in self.months.values())

    @property
    def owed_fen(self) -> int:
        return sum(m.owed_fen for m in self.months.values())


@dataclass(frozen=True)
class RegisterTotals:
    due_fen: int
    paid_fen: int
    owed_fen: int
    by_month_paid: dict[str, int]
    by_month_due: dict[str, int]


def register_totals(rows: Sequence[RegisterRow], months: Sequence[str]) -> RegisterTotals:
    """Column and grand totals of a register; grand totals summed by member rows."""
    by_paid = {m: sum(r.months[m].paid_fen for r in rows if m in r.months) for m in months}
    by_due = {m: sum(r.months[m].due_fen for r in rows if m in r.months) for m in months}
    return RegisterTotals(
        due_fen=sum(r.due_fen for r in rows),
        paid_fen=sum(r.paid_fen for r in rows),
        owed_fen=sum(r.owed_fen for r in rows),
        by_month_paid=by_paid,
        by_month_due=by_due,
    )


def reconciles(
    payments_fen: Iterable[int], rows: Sequence[RegisterRow], months: Sequence[str]
) -> bool:
    """Sum of payments = sum of member rows = sum of month columns."""
    totals = register_totals(rows, months)
    return sum(payments_fen) == totals.paid_fen == sum(totals.by_month_paid.values())


def passed_up_whole(voluntary_fen: int) -> bool:
    """A single voluntary payment of 1,000 yuan or more is passed up to the higher committee."""
    return voluntary_fen >= PASS_UP_WHOLE_FEN
