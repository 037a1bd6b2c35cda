"""The 2008 dues tariff, its rounding rule, money text and the arrears ladder."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.dues import (
    ABSURD_INCOME_FEN,
    CATEGORIES,
    INCOME_CATEGORIES,
    LEVEL_NONE,
    LEVEL_OWING,
    LEVEL_REMINDER,
    LEVEL_VETO,
    MonthDues,
    RegisterRow,
    TariffError,
    arrears,
    capital_yuan,
    month_refusal,
    monthly_dues,
    owes_month,
    parse_yuan,
    passed_up_whole,
    reconciles,
    register_totals,
    round_half_up_div,
    yuan,
)


@pytest.mark.parametrize(
    ("category", "income", "expected"),
    [
        # Salaried: ≤3,000 0.5%, ≤5,000 1%, ≤10,000 1.5%, above 2% — bounds inclusive.
        ("在职", "0.00", "0.00"),
        ("在职", "2999.99", "15.00"),  # 1499.995 fen → half up → 1500
        ("在职", "3000.00", "15.00"),
        ("在职", "3000.01", "30.00"),  # 3000.01 fen → 3000
        ("在职", "4999.99", "50.00"),
        ("在职", "5000.00", "50.00"),
        ("在职", "5000.01", "75.00"),  # 7500.015 fen → 7500
        ("在职", "9999.99", "150.00"),  # 14999.985 fen → 14999.985 → 15000
        ("在职", "10000.00", "150.00"),
        ("在职", "10000.01", "200.00"),  # 20000.02 fen → 20000
        ("在职", "12345.67", "246.91"),  # 24691.34 fen → 24691
        ("在职", "3456.78", "34.57"),  # 3456.78 fen → 3457 (.78 rounds up)
        ("在职", "3456.74", "34.57"),  # 3456.74 fen → 3457
        ("在职", "3456.49", "34.56"),  # 3456.49 fen → 3456
        ("在职", "3456.50", "34.57"),  # 3456.5 fen exactly → half up → 3457
        ("在职", "1000.10", "5.00"),  # 500.05 fen → 500
        ("在职", "1000.90", "5.00"),  # 500.45 fen → 500
        ("在职", "1001.00", "5.01"),  # 500.5 fen exactly → 501
        ("年薪制", "3000.01", "30.00"),
        ("个体经营", "10000.01", "200.00"),
        # Retirees: ≤5,000 0.5%, above 1%.
        ("离退休", "3000.01", "15.00"),  # 1500.005 fen → 1500
        ("离退休", "5000.00", "25.00"),
        ("离退休", "5000.01", "50.00"),
        ("离退休", "10000.01", "100.00"),
    ],
)
def test_every_bracket_boundary(category: str, income: str, expected: str) -> None:
    tariff = monthly_dues(category, parse_yuan(income))
    assert yuan(tariff.monthly_fen) == expected
    assert "四舍五入" in tariff.explain()


def test_rounding_rule_is_half_up_to_the_fen() -> None:
    assert round_half_up_div(5, 10) == 1  # 0.5 → 1
    assert round_half_up_div(4999, 10000) == 0  # 0.4999 → 0
    assert round_half_up_div(15, 10) == 2  # 1.5 → 2
    assert round_half_up_div(25, 10) == 3  # 2.5 → 3 (not banker's 2)


def test_fixed_amount_categories() -> None:
    assert monthly_dues("农民").monthly_fen == 100
    assert monthly_dues("农民", fixed_fen=20).monthly_fen == 20
    for category in ("学生", "失业", "领取救济或低保"):
        assert monthly_dues(category).monthly_fen == 20
    with pytest.raises(TariffError, match="0.20 元至 1.00 元"):
        monthly_dues("农民", fixed_fen=150)


@pytest.mark.parametrize(
    ("category", "income", "message"),
    [
        ("在职", None, "请填写每月税后工资收入"),
        ("在职", -1, "不能是负数"),
        ("离退休", ABSURD_INCOME_FEN + 1, "不合常理"),
        ("公务员", 100, "不认识的党费类别"),
    ],
)
def test_calculator_refuses_bad_input(category: str, income: int | None, message: str) -> None:
    with pytest.raises(TariffError, match=message):
        monthly_dues(category, income)


@given(
    st.sampled_from(INCOME_CATEGORIES),
    st.integers(0, ABSURD_INCOME_FEN),
    st.integers(0, ABSURD_INCOME_FEN),
)
def test_monotone_in_income_and_never_negative(category: str, a: int, b: int) -> None:
    low, high = sorted((a, b))
    dl = monthly_dues(category, low).monthly_fen
    dh = monthly_dues(category, high).monthly_fen
    assert 0 <= dl <= dh
    # Never more than 2% (rounded): the tariff's ceiling.
    assert dh <= round_half_up_div(high * 20, 1000)


@given(st.sampled_from(CATEGORIES))
def test_every_category_has_an_amount(category: str) -> None:
    income = 400_000 if category in INCOME_CATEGORIES else None
    assert monthly_dues(category, income).monthly_fen >= 0


@pytest.mark.parametrize(
    ("text", "fen"),
    [("12.5", 1250), ("12", 1200), ("0.05", 5), ("１２．３４", 1234), ("1,000.00元", 100000)],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "1.2.3"])
def test_parse_yuan_refuses(text: str) -> None:
    with pytest.raises(TariffError):
        parse_yuan(text)


@given(st.integers(0, 10**12))
def test_yuan_text_round_trips(fen: int) -> None:
    assert parse_yuan(yuan(fen)) == fen


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "零元整"),
        (20, "贰角整"),
        (5, "伍分"),
        (1500, "壹拾伍元整"),
        (123450, "壹仟贰佰叁拾肆元伍角整"),
        (1000005, "壹万元零伍分"),
        (10010000, "壹拾万零壹佰元整"),
        (100000, "壹仟元整"),
        (10101, "壹佰零壹元零壹分"),
    ],
)
def test_capital_amount(fen: int, text: str) -> None:
    assert capital_yuan(fen) == text


def test_voluntary_pass_up_threshold() -> None:
    assert not passed_up_whole(99_999)
    assert passed_up_whole(100_000)


def test_months_owed_follow_membership() -> None:
    kw = {"joined_date": "2026-03-15", "transferred_in_date": None, "left_date": "2026-09-02"}
    assert not owes_month("2026-02", **kw)
    assert owes_month("2026-03", **kw)  # probationary: from the month admitted
    assert owes_month("2026-09", **kw)  # any part of a month in the branch
    assert not owes_month("2026-10", **kw)
    assert "入党" in (month_refusal("2026-02", "张三", **kw) or "")
    assert "离开" in (month_refusal("2026-10", "张三", **kw) or "")
    assert month_refusal("2026-05", "张三", **kw) is None
    moved = {"joined_date": "1990-01-01", "transferred_in_date": "2026-04-20", "left_date": None}
    assert "原支部" in (month_refusal("2026-03", "李四", **moved) or "")


def _months(spec: str, due: int = 200) -> list[MonthDues]:
    """'PP-U-UUU' from January: P paid, U unpaid, S short, - not owed."""
    out = []
    for i, ch in enumerate(spec, start=1):
        if ch == "-":
            continue
        paid = {"P": due, "U": 0, "S": due // 2}[ch]
        out.append(MonthDues(f"2026-{i:02d}", due, paid, "2026-01-01" if paid else None))
    return out


@pytest.mark.parametrize(
    ("spec", "count", "level", "run"),
    [
        ("PPPPPP", 0, LEVEL_NONE, 0),
        ("PPUPSP", 2, LEVEL_OWING, 1),
        ("UPUPUP", 3, LEVEL_REMINDER, 1),  # three months owed, not consecutive
        ("PPUUUUU", 5, LEVEL_REMINDER, 5),
        ("PUUUUUU", 6, LEVEL_VETO, 6),
        ("UUUSUUU", 7, LEVEL_REMINDER, 3),  # a part payment breaks the run
        ("UUU-UUU", 6, LEVEL_REMINDER, 3),  # a month not owed here breaks it too
    ],
)
def test_arrears_ladder(spec: str, count: int, level: int, run: int) -> None:
    result = arrears(_months(spec), through="2026-12")
    assert result.count == count
    assert result.level == level
    assert result.run_length == run
    assert result.owed_fen == sum(m.owed_fen for m in _months(spec))


def test_arrears_only_up_to_the_month_judged() -> None:
    result = arrears(_months("PUUUUUU"), through="2026-05")
    assert result.count == 4 and result.level == LEVEL_REMINDER
    assert "连续" not in result.describe()
    veto = arrears(_months("PUUUUUU"), through="2026-12")
    assert "支委会核实" in veto.describe()


@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 9000)), min_size=12, max_size=12),
        max_size=8,
    )
)
def test_register_reconciles(table: list[list[tuple[int, int]]]) -> None:
    months = [f"2026-{i:02d}" for i in range(1, 13)]
    rows = []
    payments = []
    for n, cells in enumerate(table):
        row = RegisterRow(str(n), f"党员{n}")
        for month, (due, paid) in zip(months, cells, strict=True):
            row.months[month] = MonthDues(month, due, paid)
            if paid:
                payments.append(paid)
        rows.append(row)
    assert reconciles(payments, rows, months)
    totals = register_totals(rows, months)
    assert totals.due_fen == sum(totals.by_month_due.values())
    assert totals.owed_fen >= totals.due_fen - totals.paid_fen
