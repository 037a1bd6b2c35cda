"""The review cycle ([publicity] cycle): how often a branch reviews, publishes, hears objections
on and confirms its members' points — by quarter unless its plan says otherwise."""

from __future__ import annotations

import pytest

from desktop.rules.presets import load_preset, preset_text
from desktop.rules.scheme import SchemeError, load_scheme


def _with_cycle(value: str) -> str:
    return preset_text("jiedao-nongcun") + f"\n[publicity]\ncycle = {value}\n"


def test_quarter_is_the_default() -> None:
    # 街道：「党支部要将党员每季度的日常行为得分和年度积分情况在党员大会上进行公布，并及时在公开栏内
    # 进行公示，公示时间不少于五个工作日」
    assert load_preset("jiedao-nongcun").review_cycle == "quarter"
    assert load_scheme(_with_cycle('"quarter"')).review_cycle == "quarter"


def test_lianghua_publishes_every_month() -> None:
    # 量化定级：「做到每月一汇总、一审核、一公示，按照季度进行党员量化赋分、评星定级」
    scheme = load_preset("lianghua-dingji")
    assert scheme.review_cycle == "month"
    assert "每月一汇总、一审核、一公示" in preset_text("lianghua-dingji")


def test_jiguan_confirms_each_half_year() -> None:
    # 机关：「每年考核 2 次，6月30日前核准上半年积分，12月30日前将全年积分加总，形成全年综合积分」
    assert load_preset("jiguan-60-40").review_cycle == "half"


def test_xingji_appraises_each_half_year() -> None:
    # 星级评定：「党员“星级评定、量化考核”管理工作，一般每半年组织一次」
    assert load_preset("xingji-60-40").review_cycle == "half"


def test_ejia_states_its_reading_of_monthly_publication() -> None:
    # 党员e家 第十四条：「党支部每月在党员活动日公布，也可采取其他方式进行公开」——the preset keeps
    # quarterly confirmation and says so in its header.
    assert load_preset("dangyuan-ejia").review_cycle == "quarter"
    assert "第十四条" in preset_text("dangyuan-ejia").split("[scheme]")[0]


@pytest.mark.parametrize("value", ['"month"', '"half"'])
def test_month_and_half_are_accepted(value: str) -> None:
    assert load_scheme(_with_cycle(value)).review_cycle == value.strip('"')


@pytest.mark.parametrize(
    ("value", "shown"), [('"week"', "week"), ('"year"', "year"), ("3", "3"), ('"月"', "月")]
)
def test_a_wrong_cycle_is_named_in_chinese(value: str, shown: str) -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(_with_cycle(value))
    (problem,) = exc.value.problems
    assert problem == (
        f"[publicity]: 「cycle」为未知的公示周期「{shown}」，可选：quarter（季度）、month（月）、half（半年）"
    )


def test_a_list_of_periods_is_called_by_their_kind() -> None:
    from desktop.rules.periods import kinds_word

    assert kinds_word(["quarter", "quarter"]) == "季度"
    assert kinds_word(["month"]) == "月份"
    assert kinds_word(["half", "half"]) == "半年"
    assert kinds_word(["quarter", "month"]) == "期间"  # a cycle changed between years
