"""What is wrong with a typed date: the shape, the month or the day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.dates import date_problem, day_problem, month_problem


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-13-01", "日期“2026-13-01”不存在：没有13月，月份应为 1 到 12"),
        ("2026-00-10", "没有0月"),
        ("2026-02-30", "日期“2026-02-30”不存在：2026年2月只有28天，没有30日"),
        ("2024-02-30", "2024年2月只有29天"),
        ("2026-04-31", "2026年4月只有30天，没有31日"),
        ("2026-04-00", "没有0日"),
        ("2026/04/01", "格式不对，应为 YYYY-MM-DD"),
        ("2026-4-1", "格式不对"),
        ("明天", "日期“明天”格式不对"),
        ("", "格式不对"),
    ],
)
def test_the_message_names_what_is_wrong(text: str, words: str) -> None:
    problem = date_problem(text)
    assert problem is not None and words in problem
    if "不存在" in words:
        assert "格式不对" not in problem


def test_label_and_example() -> None:
    assert date_problem("2026-13-01", label="入党时间") == (
        "入党时间“2026-13-01”不存在：没有13月，月份应为 1 到 12"
    )
    assert "例如 1985-07-01" in (date_problem("x", example="1985-07-01") or "")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_real_date_is_fine(day: dt.date) -> None:
    assert date_problem(day.isoformat()) is None
    assert day_problem(day.year, day.month, day.day) is None


# Months typed by people: the refusal says whether the shape is wrong or which part does not exist
# (2026-13).


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-13", "月份“2026-13”不存在：没有13月，月份应为 1 到 12"),
        ("2026-00", "月份“2026-00”不存在：没有0月"),
        ("2026-3", "月份“2026-3”格式不对，应写成 年-月（YYYY-MM），例如 2026-03"),
        ("三月", "格式不对"),
        ("0000-03", "年份“0”不对"),
    ],
)
def test_month_problem_names_what_is_wrong(text: str, words: str) -> None:
    assert words in (month_problem(text) or "")


def test_month_problem_accepts_real_months() -> None:
    assert month_problem("2026-01") is None and month_problem(" 2026-12 ") is None
